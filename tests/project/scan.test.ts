import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/project/lexer.js';
import { overrideOptional } from '../../src/project/load.js';
import { scanModule } from '../../src/project/scan.js';

const requests = (text: string, file = 'a.ts') =>
  scanModule(file, text).requests.map((r) => `${r.kind}:${r.specifier}${r.typeOnly ? ':type' : ''}`);

describe('scanModule', () => {
  it('finds every request form', () => {
    const text = `#!/usr/bin/env node
import a from './a';
import * as b from './b';
import { c, d as e } from './c';
import './side';
export * from './star';
export * as ns from './ns';
export { f } from './f';
import g = require('./g');
const h = require('./h');
const i = await import('./i');
const s = \`\${require('./in-template')}\`;
// import x from './comment';
/* require('./block') */
const str = "import y from './string'";
const re = /import z from '.\\/regex'/;
console.log(a, b, c, e, g, h, i, s, str, re);
`;
    expect(requests(text)).toEqual([
      'import:./a', 'import:./b', 'import:./c', 'import:./side', 'export:./star', 'export:./ns', 'export:./f',
      'import-equals:./g', 'require:./h', 'dynamic-import:./i', 'require:./in-template',
    ]);
  });

  it('marks type-only imports', () => {
    const text = `
import type { A } from './a';
import { type B, type C } from './b';
import type * as D from './d';
export type { E } from './e';
export { type F } from './f';
import { G } from './g';
import { H } from './h';
import * as acts from './activities';
import { I, J } from './ij';
import { K } from './k';
import type from './type-default';
const { greet } = proxyActivities<typeof acts>({ startToCloseTimeout: 1 });
export function f(x: G): H { return new I(type) as unknown as H; }
let k: K.Thing;
`;
    expect(requests(text)).toEqual([
      'import:./a:type', 'import:./b:type', 'import:./d:type', 'export:./e:type', 'export:./f:type', 'import:./g:type',
      'import:./h:type', 'import:./activities:type', 'import:./ij', 'import:./k:type', 'import:./type-default',
    ]);
  });

  it('keeps value uses that look like types', () => {
    const text = `
import { A } from './a';
import { B } from './b';
import { C } from './c';
import { D } from './d';
import { E } from './e';
class X extends A {}
const y = { key: B };
const z = cond ? C : undefined;
export { D };
export default E;
`;
    expect(requests(text)).toEqual(['import:./a', 'import:./b', 'import:./c', 'import:./d', 'import:./e']);
  });

  it('keeps every import in JavaScript', () => {
    expect(requests(`import { A } from './a';`, 'a.js')).toEqual(['import:./a']);
    expect(requests(`import { A } from './a';`, 'a.ts')).toEqual(['import:./a:type']);
  });

  it('falls back to a heuristic without TypeScript', () => {
    overrideOptional('typescript', null);
    try {
      const text = `import * as acts from './acts';\nimport { x } from './x';\nproxyActivities<typeof acts>({});\nfoo(a, x);`;
      expect(requests(text)).toEqual(['import:./acts:type', 'import:./x']);
    } finally {
      overrideOptional('typescript', undefined);
    }
  });

  it('records exports', () => {
    const facts = scanModule(
      'a.ts',
      `export async function wf() {}
export const a = 1, b = () => 2;
export class K {}
export interface I {}
export default function main() {}
export { local as renamed, type T };
export { x as y } from './x';
export * from './star';
const local = 1;
`,
    );
    expect([...facts.exports.keys()]).toEqual(['wf', 'a', 'b', 'K', 'I', 'default', 'renamed', 'T', 'y']);
    expect(facts.exports.get('y')).toMatchObject({ kind: 'reexport', specifier: './x', imported: 'x' });
    expect(facts.exports.get('renamed')).toMatchObject({ kind: 'local', local: 'local' });
    expect(facts.exports.get('default')).toMatchObject({ kind: 'local', local: 'main', declaration: 'function' });
    expect(facts.stars).toEqual(['./star']);
  });

  it('tokenizes templates, regexes and division', () => {
    const values = tokenize('a = `x${b + `y${c}`}z` / 2; r = /[/]`/g; q = `${d}`').map((t) => t.value);
    expect(values).toContain('/');
    expect(values).toContain('/[/]`/g');
    expect(values).toContain('q');
    expect(tokenize('"unterminated\nx').map((t) => t.value)).toEqual(['unterminated', 'x']);
  });
});
