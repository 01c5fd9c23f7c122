import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTypeScriptFile, preservedImports } from '../../src/utils/preserved-imports.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'preserved-imports-'));
afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

/** Writes `files` (relative path → content) under a fresh project directory and returns it. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(base, name);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

describe('preservedImports', () => {
  it('reads verbatimModuleSyntax through a relative extends, with comments and trailing commas', () => {
    const dir = project('relative', {
      'tsconfig.base.json': '{ // base\n "compilerOptions": { "verbatimModuleSyntax": true, }, }',
      'tsconfig.json': '{ "extends": "./tsconfig.base" }',
    });
    expect(preservedImports(path.join(dir, 'src/workflows.ts'))).toEqual({
      option: 'verbatimModuleSyntax: true',
      file: path.join(dir, 'tsconfig.base.json'),
    });
  });

  it('follows extends into node_modules packages and arrays, and lets the child override', () => {
    const dir = project('package', {
      'node_modules/@acme/tsconfig/tsconfig.json': '{ "compilerOptions": { "preserveValueImports": true } }',
      'other.json': '{ "compilerOptions": { "strict": true } }',
      'tsconfig.json': '{ "extends": ["@acme/tsconfig", "./other.json"] }',
      'child/tsconfig.json': '{ "extends": "../tsconfig.json", "compilerOptions": { "preserveValueImports": false } }',
    });
    expect(preservedImports(path.join(dir, 'src/a.ts'))?.option).toBe('preserveValueImports: true');
    expect(preservedImports(path.join(dir, 'child/src/a.ts'))).toBeUndefined();
  });

  it('accepts importsNotUsedAsValues preserve and error, and ignores remove', () => {
    const preserve = project('inuav-preserve', { 'tsconfig.json': '{ "compilerOptions": { "importsNotUsedAsValues": "Error" } }' });
    const remove = project('inuav-remove', { 'tsconfig.json': '{ "compilerOptions": { "importsNotUsedAsValues": "remove" } }' });
    expect(preservedImports(path.join(preserve, 'a.ts'))?.option).toBe('importsNotUsedAsValues: "Error"');
    expect(preservedImports(path.join(remove, 'a.ts'))).toBeUndefined();
  });

  it('degrades to undefined on unreadable or missing configs and re-reads changed ones', () => {
    const broken = project('broken', { 'tsconfig.json': '{ "compilerOptions": ' });
    expect(preservedImports(path.join(broken, 'a.ts'))).toBeUndefined();
    const missing = project('missing-extends', { 'tsconfig.json': '{ "extends": "@nowhere/tsconfig", "compilerOptions": [] }' });
    expect(preservedImports(path.join(missing, 'a.ts'))).toBeUndefined();

    const changing = project('changing', { 'tsconfig.json': '{}' });
    const file = path.join(changing, 'src/a.ts');
    expect(preservedImports(file)).toBeUndefined();
    const config = path.join(changing, 'tsconfig.json');
    fs.writeFileSync(config, '{ "compilerOptions": { "verbatimModuleSyntax": true } }');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(config, later, later);
    expect(preservedImports(file)?.option).toBe('verbatimModuleSyntax: true');
  });
});

describe('isTypeScriptFile', () => {
  it('recognises TypeScript extensions only', () => {
    expect(['a.ts', 'a.tsx', 'a.mts', 'a.cts'].map(isTypeScriptFile)).toEqual([true, true, true, true]);
    expect(['a.js', 'a.mjs', 'a.d.json'].map(isTypeScriptFile)).toEqual([false, false, false]);
  });
});
