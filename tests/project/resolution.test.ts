import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelOf } from './helpers.js';

// Module resolution over fixtures/projects/resolution: pnpm workspace packages with every `exports` form, `main`,
// tsconfig `paths` (through an `extends` array, with comments and escapes), `.js` specifiers, directories, `file:` URLs.
describe('module resolution edge forms', () => {
  const model = modelOf('resolution');
  const from = path.join(model.root, 'src/index.ts');
  const resolve = (specifier: string): string | null => {
    const file = model.resolveModule(from, specifier);
    return file === undefined ? null : path.relative(model.root, file);
  };

  it('follows package `exports`: a string, conditions, arrays with fallbacks, subpath patterns', () => {
    expect(resolve('exp-string')).toBe('packages/exp-string/src/index.ts');
    expect(resolve('exp-cond')).toBe('packages/exp-cond/src/index.ts');
    expect(resolve('exp-pattern')).toBe('packages/exp-pattern/src/index.ts');
    expect(resolve('exp-pattern/features/alpha')).toBe('packages/exp-pattern/src/features/alpha.ts');
    expect(resolve('exp-pattern/plain')).toBe('packages/exp-pattern/src/plain.ts');
    expect(resolve('exp-pattern/missing')).toBeNull();
  });

  it('falls back to `main` and to subpaths of packages without `exports`', () => {
    expect(resolve('main-only')).toBe('packages/main-only/src/main.ts');
    expect(resolve('no-main')).toBeNull();
    expect(resolve('no-main/lib/util')).toBe('packages/no-main/lib/util.ts');
    expect(resolve('@acme/config')).toBeNull();
  });

  it('reads `paths` through an `extends` array, ignoring malformed entries and a missing package config', () => {
    expect(resolve('@lib/nested')).toBe('src/lib/nested.ts');
    expect(resolve('@lib/missing')).toBeNull();
    expect(resolve('@single')).toBe('src/lib/single.ts');
    expect(resolve('@bad')).toBeNull();
  });

  it('maps `.js` to the TypeScript source, directories to their index, and `file:` URLs to paths', () => {
    expect(resolve('./lib/nested.js')).toBe('src/lib/nested.ts');
    expect(resolve('./dir')).toBe('src/dir/index.ts');
    expect(resolve(`file://${model.root}/src/lib/single.ts`)).toBe('src/lib/single.ts');
    expect(resolve('file:///nowhere/x.ts')).toBeNull();
    expect(resolve('./missing')).toBeNull();
    expect(resolve('')).toBeNull();
  });

  it('leaves packages outside the project and built-ins alone', () => {
    expect(resolve('lodash')).toBeNull();
    expect(resolve('node:fs')).toBeNull();
  });
});
