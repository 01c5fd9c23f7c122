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

  it('decides a call after a type-position token without TypeScript (a call is never a type)', () => {
    overrideOptional('typescript', null);
    try {
      const text = `import { f } from './f';\nimport { g } from './g';\nimport { K } from './k';\nconst o = { a: f(1), b: c ? 1 : g(2) };\nclass A extends K(Base) {}`;
      expect(requests(text)).toEqual(['import:./f', 'import:./g', 'import:./k']);
      // An interface member's type followed by a call signature on the next line is a type use.
      const signature = `import { T } from './t';\ninterface I {\n  a: T\n  (x: number): void;\n}`;
      expect(requests(signature)).toEqual(['import:./t:type']);
    } finally {
      overrideOptional('typescript', undefined);
    }
    expect(requests(`import { T } from './t';\ninterface I {\n  a: T\n  (x: number): void;\n}`)).toEqual(['import:./t:type']);
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

describe('scanModule: declaration, import and export forms', () => {
  const facts = (file: string, text: string) => {
    const f = scanModule(file, text);
    return {
      requests: f.requests.map((r) => `${r.kind}:${r.specifier}${r.typeOnly ? ':type' : ''}`),
      declarations: Object.fromEntries([...f.declarations].map(([k, v]) => [k, v.valueKind])),
      imports: Object.fromEntries([...f.imports].map(([k, v]) => [k, `${v.imported} from ${v.specifier}${v.typeOnly ? ' (type)' : ''}`])),
      exports: Object.fromEntries(
        [...f.exports].map(([k, v]) => [
          k,
          v.kind === 'local'
            ? `local ${v.local} ${v.declaration}${v.typeOnly ? ' (type)' : ''}`
            : `reexport ${v.imported} from ${v.specifier}${v.typeOnly ? ' (type)' : ''}`,
        ]),
      ),
      stars: f.stars,
    };
  };

  it('reads top-level and exported declarations of every kind', () => {
    expect(facts('decl.ts', `function* gen() {}
enum Color { Red }
const enum Flag { A }
class Box {}
let counter = 0, handler = () => 1, later = async function () {};
var legacy = class {};
export function* exportedGen() {}
export enum Mode { On }
export const enum Level { Low }
export abstract class Shape {}
export async function load() {}
export interface Shape2 { x: number }
export type Alias = string;
export let mutable = 1;
export var old = function () {};
export declare const declared: number;
export const { a, b } = { a: 1, b: 2 };
export const single = (x: number) => x, paren = (1 + 2), typed = <T,>(x: T) => x;
export const [first] = [1];
export = Box;
`)).toEqual({
      requests: [],
      declarations: {
        gen: 'function',
        Color: 'value',
        Flag: 'value',
        Box: 'class',
        counter: 'value',
        handler: 'function',
        later: 'function',
        legacy: 'class',
        exportedGen: 'function',
        Mode: 'value',
        Level: 'value',
        Shape: 'class',
        load: 'function',
        mutable: 'value',
        old: 'function',
        single: 'function',
        paren: 'unknown',
        typed: 'function'
      },
      imports: {},
      exports: {
        exportedGen: 'local exportedGen function',
        Mode: 'local Mode enum',
        Level: 'local Level enum',
        Shape: 'local Shape class',
        load: 'local load function',
        Shape2: 'local Shape2 type (type)',
        Alias: 'local Alias type (type)',
        mutable: 'local mutable let',
        old: 'local old var',
        single: 'local single const',
        paren: 'local paren const',
        typed: 'local typed const',
        'export=': 'local export= binding'
      },
      stars: []
    });
  });

  it('reads import and export clauses, import-equals, string names and non-requests', () => {
    expect(facts('imports.ts', `import from from 'from-default';
import def, * as ns from './def-ns';
import def2, { x as y, type T, type as as z, 'quoted' as q } from './mixed';
import type Def3 from './type-default';
import type, { v } from './type-named';
import { bad bad } from './broken';
import x = require('./x');
import type Y = require('./y');
import z = Other.Thing;
export import w = require('./w');
export * as 'string name' from './string-star';
export type * from './type-star';
export type * as TS from './type-star-ns';
export * from
export { p, type Q, r as s } from './clause';
export { local1, local2 as renamed };
export { default } from './default-reexport';
export { t u };
import.meta.url;
const obj = { import: 1, export: 2 };
obj.require('./not-a-require');
function require(id: string) { return id; }
const dyn = import(name);
const call = require(name);
const ok = require('./ok');
console.log(from, def, ns, def2, y, q, v, x, z, obj, dyn, call, ok);
`)).toEqual({
      requests: [
        'import:from-default',
        'import:./def-ns',
        'import:./mixed',
        'import:./type-default:type',
        'import:./type-named',
        'import-equals:./x',
        'import-equals:./y:type',
        'import-equals:./w:type',
        'export:./string-star',
        'export:./type-star:type',
        'export:./type-star-ns:type',
        'export:./clause',
        'export:./default-reexport',
        'require:./ok'
      ],
      declarations: {
        obj: 'value',
        require: 'function',
        dyn: 'unknown',
        call: 'unknown',
        ok: 'unknown'
      },
      imports: {
        from: 'default from from-default',
        def: 'default from ./def-ns',
        ns: '* from ./def-ns',
        def2: 'default from ./mixed',
        y: 'x from ./mixed',
        T: 'T from ./mixed (type)',
        z: 'as from ./mixed (type)',
        q: 'quoted from ./mixed',
        Def3: 'default from ./type-default (type)',
        type: 'default from ./type-named',
        v: 'v from ./type-named',
        x: '* from ./x',
        Y: '* from ./y (type)',
        w: '* from ./w (type)'
      },
      exports: {
        'string name': 'reexport * from ./string-star',
        TS: 'reexport * from ./type-star-ns (type)',
        p: 'reexport p from ./clause',
        Q: 'reexport Q from ./clause (type)',
        s: 'reexport r from ./clause',
        local1: 'local local1 binding',
        renamed: 'local local2 binding',
        default: 'reexport default from ./default-reexport',
        t: 'local t binding'
      },
      stars: []
    });
  });

  it('keeps imports used as values in object literals, templates, members and tagged templates', () => {
    expect(facts('uses.ts', `import { A } from './a';
import { B } from './b';
import { C } from './c';
import { D } from './d';
import { E } from './e';
import { F } from './f';
import { G } from './g';
import { H } from './h';
const o = { A: 1, B };
const t = \`\${C}\`;
const m = x.D;
let typed: E = null as unknown as E;
const tagged = F\`x\`;
const arr = [G, H];
`)).toEqual({
      requests: [
        'import:./a:type',
        'import:./b',
        'import:./c',
        'import:./d:type',
        'import:./e:type',
        'import:./f',
        'import:./g',
        'import:./h'
      ],
      declarations: {
        o: 'value',
        t: 'unknown', // the end of a template with substitutions is not a token
        m: 'unknown',
        typed: 'value',
        tagged: 'unknown',
        arr: 'value'
      },
      imports: {
        A: 'A from ./a (type)',
        B: 'B from ./b',
        C: 'C from ./c',
        D: 'D from ./d (type)',
        E: 'E from ./e (type)',
        F: 'F from ./f',
        G: 'G from ./g',
        H: 'H from ./h'
      },
      exports: {},
      stars: []
    });
  });

  it('keeps every import of a JavaScript file', () => {
    expect(facts('plain.js', `import { A } from './a';
export default A;`)).toEqual({
      requests: [
        'import:./a'
      ],
      declarations: {},
      imports: {
        A: 'A from ./a'
      },
      exports: {
        default: 'local A binding'
      },
      stars: []
    });
  });

  it('reads every form of default export', () => {
    const exported = (text: string) => { const f = facts('d.ts', text); return [f.exports.default ?? null, f.declarations]; };
    expect(exported(`export default async function named() {}`)).toEqual([
      'local named function',
      {
        named: 'function'
      }
    ]);
    expect(exported(`export default abstract class {}`)).toEqual([
      'local default class',
      {
        default: 'class'
      }
    ]);
    expect(exported(`export default function* () {}`)).toEqual([
      'local default function',
      {
        default: 'function'
      }
    ]);
    expect(exported(`export default interface Thing { x: number }`)).toEqual([
      null,
      {}
    ]);
    expect(exported(`const value = 1;
export default value
export const after = 2;`)).toEqual([
      'local value binding',
      {
        value: 'value',
        after: 'value'
      }
    ]);
    expect(exported(`export default (a: number) => a;`)).toEqual([
      'local default default',
      {
        default: 'function'
      }
    ]);
    expect(exported(`export default async (a: number) => a;`)).toEqual([
      'local default default',
      {
        default: 'function'
      }
    ]);
    expect(exported(`export default class {}`)).toEqual([
      'local default class',
      {
        default: 'class'
      }
    ]);
    expect(exported(`export default { key: 1 };`)).toEqual([
      'local default default',
      {
        default: 'value'
      }
    ]);
  });

  it('survives statements cut short', () => {
    expect(facts('t.ts', `import`)).toEqual({
      requests: [],
      declarations: {},
      imports: {},
      exports: {},
      stars: []
    });
    expect(facts('t.ts', `export`)).toEqual({
      requests: [],
      declarations: {},
      imports: {},
      exports: {},
      stars: []
    });
    expect(facts('t.ts', `export default`)).toEqual({
      requests: [],
      declarations: {
        default: 'unknown'
      },
      imports: {},
      exports: {
        default: 'local default default'
      },
      stars: []
    });
    expect(facts('t.ts', `import { a, b`)).toEqual({
      requests: [],
      declarations: {},
      imports: {},
      exports: {},
      stars: []
    });
    expect(facts('t.ts', `import x from`)).toEqual({
      requests: [],
      declarations: {},
      imports: {},
      exports: {},
      stars: []
    });
    expect(facts('t.ts', `export { a as`)).toEqual({
      requests: [],
      declarations: {},
      imports: {},
      exports: {
        a: 'local a binding'
      },
      stars: []
    });
    expect(facts('t.ts', `const x = (a, b`)).toEqual({
      requests: [],
      declarations: {
        x: 'unknown'
      },
      imports: {},
      exports: {},
      stars: []
    });
    expect(facts('t.ts', `export const x = ((1)))`)).toEqual({
      requests: [],
      declarations: {
        x: 'unknown'
      },
      imports: {},
      exports: {
        x: 'local x const'
      },
      stars: []
    });
  });
});

describe('tokenize: edge forms', () => {
  it('reads escapes, line continuations, `?.` before a digit, and unterminated comments and strings', () => {
    const values = tokenize("a = 'x\\n\\t\\q\\\n y'; b = `t\\`\\\n u`; c = d?.5:1; e = @; /* open comment").map((t) => t.value);
    expect(values.slice(0, 2)).toEqual(['a', '=']);
    expect(values[2]?.startsWith('x\n\tq')).toBe(true);
    expect(values[6]?.startsWith('t`')).toBe(true);
    expect(values.slice(8)).toEqual(['c', '=', 'd', '?', '.5', ':', '1', ';', 'e', '=', '@', ';']);
    expect(tokenize('x = "unterminated').map((t) => t.value)).toEqual(['x', '=', 'unterminated']);
    expect(tokenize('// only a comment').map((t) => t.value)).toEqual([]);
    expect(tokenize('/re/.test(s)').map((t) => t.value)).toEqual(['/re/', '.', 'test', '(', 's', ')']);
  });
});

describe('scanModule: what a binding holds, and exports it cannot list', () => {
  const held = (text: string) =>
    Object.fromEntries(
      [...scanModule('held.ts', text).declarations].map(([k, v]) => [k, `${v.declaration} ${v.valueKind}${v.functionName ? ` ${v.functionName}` : ''}`]),
    );

  it('classifies an initialiser only when it reads the whole expression', () => {
    expect(held(`const arrow = async (a: number): Promise<number> => a, bare = x => x, asyncBare = async x => x;
const generic = <T,>(x: T): T => x;
const expression = function () {}, named = async function inner(): Promise<void> {}, gen = function* g() {};
const typedReturn = function (): Promise<string | undefined> { return p; };
const cls = class extends Base<{ a: 1 }> {};
const signal = defineSignal<[string]>('s'), query = wf.defineQuery<{ a: string; b: number }>('q');
const made = new Map<string, number>(), plain = new Thing;
const literals = [1, 'a', \`t\`, /r/, true, null, undefined, -1, !0, typeof x, void 0];
const wrapped = { a: 1 } as const, checked = [] satisfies Foo.Bar<X>[] | null, sure = value!;
const cast = null as unknown as () => void; // a function type is not read
const template = \`x\${y}\`;
const bound = function () {}.bind(null);
const picked = [f][0];
const either = 'a' || f;
const maybe = !a ? f : g;
const conditional = (x) ? y => y : z;
const asyncCall = async(x);
const member = new X().run;
const other = wrap(fn), alias = fn, paren = (() => {});
let unset;
`)).toEqual({
      arrow: 'const function', bare: 'const function', asyncBare: 'const function', generic: 'const function',
      expression: 'const function', named: 'const function inner', gen: 'const function g', typedReturn: 'const function',
      cls: 'const class', signal: 'const value', query: 'const value', made: 'const value', plain: 'const value',
      literals: 'const value', wrapped: 'const value', checked: 'const value', cast: 'const unknown', sure: 'const unknown',
      template: 'const unknown', bound: 'const unknown', picked: 'const unknown', either: 'const unknown', maybe: 'const unknown',
      conditional: 'const unknown', asyncCall: 'const unknown', member: 'const unknown', other: 'const unknown', alias: 'const unknown',
      paren: 'const unknown', unset: 'let unknown',
    });
  });

  it('reads declarations that follow a statement without a semicolon, and not function expressions', () => {
    expect(held(`import { a } from './a'
const first = () => a
function second() {}
enum Third { A }
foo(a)
class Fourth {}
const fifth = [a]
let sixth = cond
  ? function () {}
  : null
declare function ambient(): void
declare const declared: number
`)).toEqual({
      first: 'const function', second: 'function function', Third: 'enum value', Fourth: 'class class', fifth: 'const value',
      sixth: 'let unknown', ambient: 'function unknown', declared: 'const unknown',
    });
  });

  it('reads declarators after type arguments with commas', () => {
    expect(held(`export const a = defineUpdate<void, [string]>('u'), b = () => 1;\nconst c = new Map<string, [number]>(), d = 1;`)).toEqual({
      a: 'const value', b: 'const function', c: 'const value', d: 'const value',
    });
    expect(scanModule('a.ts', `export const a = defineUpdate<void, [string]>('u');`).unlisted).toBe(false);
  });

  it('marks exports it cannot list', () => {
    const unlisted = (text: string): boolean => scanModule('u.ts', text).unlisted;
    for (const text of [
      'const a = 1;\nexport = a;',
      'module.exports = { a: 1 };',
      'exports.a = function () {};',
      "module.exports['b'] = 1;",
      'export namespace Space { export const a = 1; }',
      'export declare namespace Space { const a: 1; }',
      'export module Legacy {}',
      "export import fs = require('fs');",
      'export const { a, b } = source;',
      'export const c = 1, [d] = list;',
    ]) {
      expect(unlisted(text), text).toBe(true);
    }
    for (const text of [
      'const exports = {};\nexport const a = exports;',
      'function f() { exports.a = 1; }',
      'const x = module.exports;',
      'namespace Inner { export const a = 1; }\nexport const b = 2;',
      "declare module 'pkg' { export const a: 1; }",
    ]) {
      expect(unlisted(text), text).toBe(false);
    }
    // an `export` inside a block belongs to the namespace or module declaration
    expect([...scanModule('n.ts', 'namespace Inner { export const a = 1; }\nexport const b = 2;').exports.keys()]).toEqual(['b']);
  });

  it('reads decorated and anonymous classes', () => {
    const facts = scanModule('d.ts', 'export @sealed class Decorated {}\n@logged() export class Logged {}');
    expect([...facts.exports.keys()]).toEqual(['Decorated', 'Logged']);
    expect(scanModule('d.ts', 'export default @sealed class {}').exports.get('default')).toMatchObject({ local: 'default', declaration: 'class' });
    expect(scanModule('d.ts', 'export default class extends Base {}').exports.get('default')).toMatchObject({ local: 'default', declaration: 'class' });
    expect(scanModule('d.ts', 'export default class implements I {}').exports.get('default')).toMatchObject({ local: 'default' });
  });
});
