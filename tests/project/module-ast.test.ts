import { describe, expect, it } from 'vitest';
import { analyseModule } from '../../src/project/module-ast.js';
import { parseProgram } from '../../src/project/parse.js';

/** The facts of `text` as plain data (initialisers and declarations by node type). */
function facts(text: string, file = '/p/src/a.ts') {
  const program = parseProgram(file, text);
  if (!program) throw new Error('parse failed');
  const mod = analyseModule(file, program);
  const origin = (o: { source: string; imported: string }) => `${o.imported} from ${o.source}`;
  return {
    imports: Object.fromEntries([...mod.imports].map(([k, v]) => [k, origin(v)])),
    topLevel: Object.fromEntries([...mod.topLevel].map(([k, v]) => [k, v?.type ?? null])),
    consts: Object.fromEntries([...mod.consts].map(([k, v]) => [k, v?.type ?? null])),
    declarations: Object.fromEntries([...mod.declarations].map(([k, v]) => [k, v.type])),
    exportLocals: Object.fromEntries(mod.exportLocals),
    reExports: Object.fromEntries([...mod.reExports].map(([k, v]) => [k, origin(v)])),
    starSources: mod.starSources,
    defaultExpression: mod.defaultExpression?.type,
  };
}

describe('analyseModule', () => {
  it('reads imports: type-only ones are skipped; require, await import and import-equals bind values', () => {
    expect(
      facts(`
        import type { T } from './types';
        import { type U, value, 'string name' as named } from './values';
        import def, * as ns from './mod';
        import eq = require('./eq');
        import type teq = require('./teq');
        import alias = Outer.Inner;
        const req = require('./req');
        const { a, b: renamed, c = 1, [key]: computed, ...rest } = require(\`./destructured\`);
        const lazy = await import('./lazy');
        const notRequire = other('./x');
        const dynamic = require(name);
      `).imports,
    ).toEqual({
        value: 'value from ./values',
        named: 'string name from ./values',
        def: 'default from ./mod',
        ns: '* from ./mod',
        eq: '* from ./eq',
        req: '* from ./req',
        a: 'a from ./destructured',
        renamed: 'b from ./destructured',
        c: 'c from ./destructured',
        lazy: '* from ./lazy',
    });
  });

  it('reads exports, re-exports, stars and default exports', () => {
    expect(
      facts(`
        export const x = 1, { y } = { y: 2 };
        export function f() {}
        export class C {}
        export enum E { A }
        export type T = string;
        export interface I {}
        const local = 1;
        export { local as renamed, local as 'string name' };
        export type { T as T2 };
        export { a, type B, c as d } from './re';
        export * from './star';
        export * as ns from './ns';
        export type * from './types';
        export default class {}
      `),
    ).toMatchInlineSnapshot(`
      {
        "consts": {
          "local": "Literal",
          "x": "Literal",
        },
        "declarations": {
          "C": "ClassDeclaration",
          "E": "TSEnumDeclaration",
          "f": "FunctionDeclaration",
        },
        "defaultExpression": "ClassDeclaration",
        "exportLocals": {
          "C": "C",
          "E": "E",
          "f": "f",
          "renamed": "local",
          "string name": "local",
          "x": "x",
        },
        "imports": {},
        "reExports": {
          "a": "a from ./re",
          "d": "c from ./re",
          "ns": "* from ./ns",
        },
        "starSources": [
          "./star",
        ],
        "topLevel": {
          "local": "Literal",
          "x": "Literal",
        },
      }
    `);
    expect(facts(`export default function named() {}`).exportLocals).toEqual({ default: 'named' });
    expect(facts(`const v = 1;\nexport default v;`).exportLocals).toEqual({ default: 'v' });
    expect(facts(`export default { a: 1 };`).defaultExpression).toBe('ObjectExpression');
  });

  it('records const initialisers at any depth, and null for names declared twice', () => {
    expect(
      facts(`
        const once = 1;
        let mutable;
        var legacy = 2;
        function f() { const inner = 3; const dup = 4; }
        function g() { const dup = 5; const [x] = [6]; }
      `),
    ).toMatchInlineSnapshot(`
      {
        "consts": {
          "dup": null,
          "inner": "Literal",
          "once": "Literal",
        },
        "declarations": {
          "f": "FunctionDeclaration",
          "g": "FunctionDeclaration",
        },
        "defaultExpression": undefined,
        "exportLocals": {},
        "imports": {},
        "reExports": {},
        "starSources": [],
        "topLevel": {
          "legacy": "Literal",
          "mutable": null,
          "once": "Literal",
        },
      }
    `);
  });
});
