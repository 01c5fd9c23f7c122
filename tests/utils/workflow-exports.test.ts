import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearProjectModels, getProjectModelForRoot, parseTemporalSettings, type ProjectModel } from '../../src/project/index.js';
import { createExportQueries, type ExportedBinding, type ExportQueries, type ModuleExports } from '../../src/utils/workflow-exports.js';
import { CONTRACTS_DIR } from '../contracts.js';

const root = fs.realpathSync(path.join(CONTRACTS_DIR, 'exports'));
const file = (rel: string): string => path.join(root, rel).split(path.sep).join('/');

function queries() {
  clearProjectModels();
  return createExportQueries(getProjectModelForRoot(root, root, parseTemporalSettings({})));
}

describe('createExportQueries', () => {
  const q = queries();

  it('lists runtime exports through barrels, with what they are', () => {
    const exports = q.moduleExports(file('src/index.ts'));
    expect(exports.complete).toBe(true);
    const kinds = Object.fromEntries([...exports.names].map(([name, b]) => [name, b.kind]));
    expect(kinds).toEqual({
      fromA: 'function',
      ns: 'value',
      renamed: 'function',
      imported: 'function',
      whole: 'value',
      aliased: 'function',
      arrow: 'function',
      named: 'function',
      value: 'value',
      signal: 'value',
      made: 'unknown',
      typed: 'function',
      Klass: 'unknown',
      Kind: 'value',
    });
  });

  it('gives the name a function carries at run time', () => {
    const name = (n: string): string | undefined => q.exportedBinding(file('src/index.ts'), n).functionName;
    expect(name('aliased')).toBe('local');
    expect(name('renamed')).toBe('renamedSource');
    expect(name('arrow')).toBe('arrow');
    expect(name('named')).toBe('inner');
    expect(name('fromA')).toBe('fromA');
    expect(q.exportedBinding(file('src/index.ts'), 'missing').kind).toBe('unknown');
    expect(q.localBinding(file('src/index.ts'), 'local').functionName).toBe('local');
    expect(q.localBinding(file('src/index.ts'), 'imported').functionName).toBe('imported');
    expect(q.localBinding(file('src/index.ts'), 'whole').kind).toBe('value');
    expect(q.localBinding(file('src/index.ts'), 'nothing').kind).toBe('unknown');
  });

  it('classifies default exports (export * never re-exports them)', () => {
    expect(q.moduleExports(file('src/index.ts')).names.has('default')).toBe(false);
    expect(q.exportedBinding(file('src/default-anonymous.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'default' });
    expect(q.exportedBinding(file('src/default-arrow.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'default' });
    expect(q.exportedBinding(file('src/default-identifier.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'handler' });
    expect(q.exportedBinding(file('src/a.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'defaultOfA' });
    expect(q.exportedBinding(file('src/default-object.ts'), 'default').kind).toBe('value');
    expect(q.exportedBinding(file('src/default-class.ts'), 'default').kind).toBe('unknown');
    expect(q.entryWorkflowTypes(file('src/default-identifier.ts')).defaultHandler).toBe(true);
    expect(q.entryWorkflowTypes(file('src/default-object.ts')).defaultHandler).toBe(false);
  });

  it('marks exports it cannot list as incomplete', () => {
    for (const rel of ['src/incomplete.ts', 'src/commonjs.ts', 'src/export-equals.ts', 'src/namespaces.ts', 'src/missing.ts']) {
      expect(q.moduleExports(file(rel)).complete, rel).toBe(false);
    }
  });

  it('sorts the workflow types of an entry', () => {
    const types = q.entryWorkflowTypes(file('src/index.ts'));
    expect([...types.types].sort()).toEqual(['aliased', 'arrow', 'fromA', 'imported', 'named', 'renamed', 'typed']);
    expect([...types.unknown].sort()).toEqual(['Klass', 'made']);
    expect(types.complete).toBe(true);
    expect(types.defaultHandler).toBe(false);
  });
});

/** Every export form, one module each (`export =` and CommonJS make a module's list incomplete). */
const FORMS: Record<string, string> = {
  'declarations.ts': `import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
export function plain() {}
export async function asyncFn(): Promise<void> {}
export function* generator() {}
export async function* asyncGenerator() {}
export const arrow = async (a: number): Promise<number> => a;
export const bare = x => x;
export const generic = <T,>(x: T): T => x;
export const expression = function () {};
export const named = async function inner(): Promise<void> {};
export const namedGenerator = function* gen() {};
export let mutable = () => 1;
export var legacy = function old() {};
export const signal = defineSignal<[string]>('signal');
export const query = wf.defineQuery<{ a: string; b: number }>('query');
export const update = defineUpdate<void, [string]>('update'), after = () => 2;
export const number = 42, text = 'a', object = { a: 1 }, list = [1], made = new Map<string, number>();
export const negative = -1, flag = !0, kind = typeof plain, nothing = undefined, empty = null, pattern = /a/;
export const asConst = { a: 1 } as const, checked = { b: 2 } satisfies object, cast = null as unknown as () => void;
export const template = \`x\${number}y\`;
export const sum = 1 + number, paren = (1 + 2);
export const wrapped = wrap(async () => {});
export const typed = (async () => {}) as () => Promise<void>;
export const bound = function () {}.bind(null);
export const picked = [plain][0];
export const either = number || plain;
export const maybe = number ? plain : arrow;
export const called = plain();
export const alias = plain;
export const Klass = class {};
export class Declared {}
export abstract class Abstract {}
export enum Color { Red }
export const enum Level { Low }
export declare const ambient: number;
export declare function ambientFn(): void;
export type Alias = string;
export interface Shape { a: number }
function wrap<T>(fn: T): T {
  return fn;
}
`,
  'clauses.ts': `import { plain, arrow as imported } from './declarations';
import def from './default-function';
import * as whole from './declarations';
import type { Shape } from './declarations';
import { type Alias } from './declarations';
import ns = require('./declarations');
async function local() {}
const localArrow = () => {}
const value = 1
export { local as aliased, localArrow, value, imported, def, whole, ns };
export { plain as renamed } from './declarations';
export { default as reDefault, default } from './default-arrow';
export { named as 'string name' } from './declarations';
export type { Shape };
export { type Alias };
export { missing } from 'some-package';
`,
  'barrel.ts': `export * from './declarations';
export * from './clauses';
export * as space from './declarations';
export type * from './types';
export const plain = 'shadows the star';
`,
  'nested.ts': `export * from './barrel';
export * from './default-function';
`,
  'types.ts': 'export type T = string;\n',
  'default-function.ts': 'export default function () {}\n',
  'default-named.ts': 'export default async function namedDefault() {}\n',
  'default-arrow.ts': 'export default async (): Promise<void> => {};\n',
  'default-expression.ts': 'export default function* () {}\n',
  'default-class.ts': 'export default class {}\n',
  'default-named-class.ts': 'export default class Named extends Object {}\n',
  'default-object.ts': 'export default { a: 1 };\n',
  'default-signal.ts': "import { defineSignal } from '@temporalio/workflow';\nexport default defineSignal('s');\n",
  'default-identifier.ts': 'const handler = async function own() {}\nexport default handler\n',
  'default-parenthesized.ts': 'export default (function inner() {});\n',
  'default-clause.ts': 'const fn = () => {};\nexport { fn as default };\n',
  'export-equals.ts': 'const api = { a: 1 };\nexport = api;\n',
  'commonjs.ts': 'module.exports = { a: async () => {} };\n',
  'commonjs-member.ts': "exports.a = function () {};\nmodule.exports['b'] = 1;\n",
  'package-star.ts': "export * from 'some-package';\nexport const a = 1;\n",
  'destructuring.ts': 'const source = { x: 1, y: () => {} };\nexport const { x, y } = source;\n',
  'namespace.ts': 'export namespace Space {\n  export const a = 1;\n}\nexport const b = 2;\n',
  'import-equals.ts': "export import fs = require('fs');\nexport const c = 3;\n",
  'no-semicolons.ts': "import { plain } from './declarations'\nconst first = () => plain\nfunction second() {}\nexport { first, second }\n",
};

function writeProject(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-exports-')));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "exports", "private": true }\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
  fs.mkdirSync(path.join(dir, 'src'));
  for (const [name, text] of Object.entries(FORMS)) fs.writeFileSync(path.join(dir, 'src', name), text);
  return dir;
}

/** A binding as plain data (reading `range`, which the scan path takes from the parse). */
function plain(b: ExportedBinding): Record<string, unknown> {
  return { kind: b.kind, functionName: b.functionName, file: b.file, range: b.range };
}

describe('export queries: the scan and the parse agree', () => {
  const dir = writeProject();
  const src = (name: string): string => `${dir}/src/${name}`;
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    clearProjectModels();
  });
  clearProjectModels();
  const model = getProjectModelForRoot(dir, dir, parseTemporalSettings({}));
  /** Parses every module (no scan facts): the reference answers. */
  const parseOnly = (): ExportQueries => createExportQueries({ ...model, moduleFacts: () => undefined });
  const scanned = (): { queries: ExportQueries; parsed: string[] } => {
    const parsed: string[] = [];
    const getAst = (file: string): ReturnType<ProjectModel['getAst']> => {
      parsed.push(path.basename(file));
      return model.getAst(file);
    };
    return { queries: createExportQueries({ ...model, getAst }), parsed };
  };

  it.each(Object.keys(FORMS))('lists and classifies the exports of %s', (name) => {
    const scan = scanned().queries.moduleExports(src(name));
    const parse = parseOnly().moduleExports(src(name));
    expect(scan.complete).toBe(parse.complete);
    const listed = (e: ModuleExports) => Object.fromEntries([...e.names].map(([k, b]) => [k, plain(b)]));
    expect(listed(scan)).toEqual(listed(parse));
    for (const exported of scan.names.keys()) {
      expect(plain(scanned().queries.exportedBinding(src(name), exported)), exported).toEqual(plain(parseOnly().exportedBinding(src(name), exported)));
    }
  });

  it('answers local bindings alike', () => {
    const locals: [string, string][] = [
      ['clauses.ts', 'local'], ['clauses.ts', 'localArrow'], ['clauses.ts', 'value'], ['clauses.ts', 'imported'], ['clauses.ts', 'def'],
      ['clauses.ts', 'whole'], ['clauses.ts', 'ns'], ['clauses.ts', 'Shape'], ['clauses.ts', 'Alias'], ['clauses.ts', 'nothing'],
      ['declarations.ts', 'wrap'], ['declarations.ts', 'ambientFn'], ['default-identifier.ts', 'handler'], ['default-named.ts', 'namedDefault'],
      ['default-function.ts', 'default'], ['no-semicolons.ts', 'first'], ['no-semicolons.ts', 'second'],
    ];
    for (const [file, local] of locals) {
      expect(plain(scanned().queries.localBinding(src(file), local)), `${file} ${local}`).toEqual(plain(parseOnly().localBinding(src(file), local)));
    }
  });

  it('classifies each form as the runtime has it', () => {
    const { names, complete } = scanned().queries.moduleExports(src('declarations.ts'));
    expect(complete).toBe(true);
    const kinds = Object.fromEntries([...names].map(([k, b]) => [k, b.kind === 'function' ? `function ${b.functionName}` : b.kind]));
    expect(kinds).toEqual({
      plain: 'function plain', asyncFn: 'function asyncFn', generator: 'function generator', asyncGenerator: 'function asyncGenerator',
      arrow: 'function arrow', bare: 'function bare', generic: 'function generic', expression: 'function expression', named: 'function inner',
      namedGenerator: 'function gen', mutable: 'function mutable', legacy: 'function old',
      signal: 'value', query: 'value', update: 'value', after: 'function after',
      number: 'value', text: 'value', object: 'value', list: 'value', made: 'value',
      negative: 'value', flag: 'value', kind: 'value', nothing: 'value', empty: 'value', pattern: 'value',
      asConst: 'value', checked: 'value', cast: 'value', template: 'value', sum: 'value', paren: 'value',
      wrapped: 'unknown', typed: 'function typed', bound: 'unknown', picked: 'unknown', either: 'unknown', maybe: 'unknown',
      called: 'unknown', alias: 'function plain', Klass: 'unknown', Declared: 'unknown', Abstract: 'unknown', Color: 'value', Level: 'value',
    });
    const clauses = scanned().queries.moduleExports(src('clauses.ts'));
    expect(Object.fromEntries([...clauses.names].map(([k, b]) => [k, b.kind === 'function' ? `function ${b.functionName}` : b.kind]))).toEqual({
      aliased: 'function local', localArrow: 'function localArrow', value: 'value', imported: 'function arrow', def: 'function default',
      whole: 'value', ns: 'unknown', renamed: 'function plain', reDefault: 'function default', default: 'function default',
      'string name': 'function inner', missing: 'unknown',
    });
    const defaults: Record<string, string> = {
      'default-function.ts': 'function default', 'default-named.ts': 'function namedDefault', 'default-arrow.ts': 'function default',
      'default-expression.ts': 'function default', 'default-class.ts': 'unknown', 'default-named-class.ts': 'unknown',
      'default-object.ts': 'value', 'default-signal.ts': 'value', 'default-identifier.ts': 'function own',
      'default-parenthesized.ts': 'function inner', 'default-clause.ts': 'function fn',
    };
    for (const [file, expected] of Object.entries(defaults)) {
      const b = scanned().queries.exportedBinding(src(file), 'default');
      expect(b.kind === 'function' ? `function ${b.functionName}` : b.kind, file).toBe(expected);
    }
  });

  it('follows barrels, stars and namespaces, and marks what it cannot list', () => {
    const barrel = scanned().queries.moduleExports(src('barrel.ts'));
    expect(barrel.names.get('plain')?.kind).toBe('value');
    expect(barrel.names.get('space')?.kind).toBe('value');
    expect(barrel.names.get('aliased')).toMatchObject({ kind: 'function', functionName: 'local', file: src('clauses.ts') });
    expect(barrel.names.has('default')).toBe(false);
    expect(barrel.names.get('missing')?.kind).toBe('unknown'); // listed, from a package
    expect(barrel.complete).toBe(true);
    const incomplete = ['export-equals.ts', 'commonjs.ts', 'commonjs-member.ts', 'package-star.ts', 'destructuring.ts', 'namespace.ts', 'import-equals.ts'];
    for (const file of incomplete) expect(scanned().queries.moduleExports(src(file)).complete, file).toBe(false);
    for (const file of ['nested.ts', 'declarations.ts', 'default-function.ts', 'no-semicolons.ts']) {
      expect(scanned().queries.moduleExports(src(file)).complete, file).toBe(true);
    }
  });

  it('parses a module only for what the scan cannot tell', () => {
    const { queries, parsed } = scanned();
    const types = queries.entryWorkflowTypes(src('nested.ts'));
    expect(types.types.has('plain')).toBe(false);
    expect(types.types.has('named')).toBe(true);
    expect(types.unknown.has('wrapped')).toBe(true);
    // `declarations.ts` for its calls and aliases, `clauses.ts` for `import ns = require()`
    expect([...new Set(parsed)].sort()).toEqual(['clauses.ts', 'declarations.ts']);
    const barrel = scanned();
    barrel.queries.entryWorkflowTypes(src('default-function.ts'));
    barrel.queries.moduleExports(src('no-semicolons.ts'));
    barrel.queries.moduleExports(src('default-arrow.ts'));
    const found = barrel.queries.exportedBinding(src('no-semicolons.ts'), 'second');
    expect(barrel.parsed).toEqual([]);
    // the range of a function, when asked for, is read from the parse of its module only
    expect(found.range).toEqual([FORMS['no-semicolons.ts']?.indexOf('function second'), FORMS['no-semicolons.ts']?.indexOf('\nexport {')]);
    expect(barrel.parsed).toEqual(['no-semicolons.ts']);
  });
});
