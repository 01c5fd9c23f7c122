import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { parse } from '@typescript-eslint/typescript-estree';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { type FunctionNode } from '../../src/utils/ast.js';
import { ActivityCode, canUseActivityExport, childNodes, isHeartbeatNode, walk } from '../../src/utils/activity-code.js';
import { collect } from './harness.js';

type Context = Readonly<TSESLint.RuleContext<string, []>>;

/** The ActivityCode of `code` (computed at `Program`), and a way to find functions by name. */
function analyse<R>(code: string, visit: (ac: ActivityCode, context: Context, program: TSESTree.Program) => R): R {
  const [result] = collect(code, 'Program', (node, context) => visit(new ActivityCode(context.sourceCode), context, node as TSESTree.Program));
  return result as R;
}

function activityNames(code: string): string[] {
  return analyse(code, (ac) => [...ac.activities.values()].sort());
}

/** The function declared (or assigned) under `name` somewhere in `program`. */
function fnNamed(program: TSESTree.Program, name: string): FunctionNode {
  let found: FunctionNode | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === T.FunctionDeclaration && node.id?.name === name) found = node;
    if (node.type === T.VariableDeclarator && node.id.type === T.Identifier && node.id.name === name) {
      const init = node.init;
      if (init?.type === T.ArrowFunctionExpression || init?.type === T.FunctionExpression) found = init;
    }
    if ((node.type === T.Property || node.type === T.MethodDefinition || node.type === T.PropertyDefinition) && node.key.type === T.Identifier && node.key.name === name) {
      const value = node.value;
      if (value?.type === T.ArrowFunctionExpression || value?.type === T.FunctionExpression) found = value;
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(program);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

describe('ActivityCode: activity functions', () => {
  it('finds CommonJS exports', () => {
    expect(
      activityNames(`
        module.exports = { async a() {}, b: async () => {} };
        exports.c = async function () {};
        module.exports.d = function () {};
        module.exports.e += 1;
        other.exports = { f() {} };
      `),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('finds default exports and `export =`', () => {
    expect(activityNames(`export default { async a() {}, ['b']: async () => {}, [dynamic]: () => 1, get c() { return 1; } };`)).toEqual(['a', 'b']);
    expect(activityNames(`export = { async a() {} };`)).toEqual(['a']);
    expect(activityNames(`export default async function () {}`)).toEqual(['default']);
  });

  it('follows factories: returned identifiers, local classes, and a local factory call exported as the activities', () => {
    const code = `
      class Acts {
        static make() { return 1; }
        private secret = async () => 1;
        #hidden() {}
        get x() { return 1; }
        constructor() {}
        async run() {}
        go = async () => {};
      }
      export function makeObject() {
        const acts = { async fromConst() {} };
        return acts;
      }
      export const makeClass = () => new Acts();
      function createInner(db: unknown) {
        async function inner() { return db; }
        return { inner };
      }
      export const acts = createInner(1);
      export const notAFactory = unknownCall();
      export type T = string;
      export { type T as U };
    `;
    expect(activityNames(code)).toEqual(['fromConst', 'go', 'inner', 'run']);
    expect(analyse(code, (ac, _c, program) => ac.factories.has(fnNamed(program, 'createInner')))).toBe(true);
    expect(analyse(code, (ac, _c, program) => ac.nameOf(fnNamed(program, 'createInner')))).toBe('createInner');
  });

  it('does not treat re-exports, type exports or non-function values as activities', () => {
    expect(
      activityNames(`
        export { a } from './a';
        export * from './b';
        export const VALUE = 1;
        export class Record { constructor(public id: string) {} }
        let changing = async () => {};
        changing = async () => {};
        export { changing };
      `),
    ).toEqual([]);
  });
});

describe('ActivityCode: helpers', () => {
  const code = `
    const helpers = { load: async () => 1, named: shared, value: 1 };
    async function shared() { return 2; }
    let reassigned = () => 1;
    reassigned = () => 2;
    class Acts {
      private helper() { return 1; }
      run = async () => { this.helper(); [1].map(() => this.helper()); };
      async method() { return this.helper() + this.missing?.(); }
    }
    export const activities = new Acts();
    export const obj = {
      async a() { await helpers.load(); await helpers.named(); helpers.value; helpers['load'](); reassigned(); (helpers as any).load(); },
    };
    export async function nested() { const inner = () => 1; return inner(); }
    export function promiseArrow() { return new Promise((r) => r(1)); }
    export const expressionArrow = () => fetch('x').then((r) => r);
    export function sync() { return 1; }
    export function* gen() { yield 1; }
    export const viaAll = () => Promise.all([]);
  `;

  it('resolves local callees: functions, object members, `this` methods', () => {
    const results = collect(code, 'CallExpression', (node, context) => {
      const ac = new ActivityCode(context.sourceCode);
      const callee = ac.localCallee(node as TSESTree.CallExpression);
      return `${context.sourceCode.getText((node as TSESTree.CallExpression).callee)} -> ${callee ? ac.nameOf(callee) : '-'}`;
    });
    expect(results).toEqual(
      expect.arrayContaining([
        'this.helper -> helper',
        'helpers.load -> load',
        'helpers.named -> shared',
        "helpers['load'] -> load",
        'reassigned -> -',
        'inner -> inner',
        'this.missing -> -',
      ]),
    );
  });

  it('tells synchronous activities from promise-returning ones', () => {
    const sync = analyse(code, (ac, _c, program) =>
      ['nested', 'promiseArrow', 'expressionArrow', 'sync', 'viaAll'].map((n) => ac.isSynchronous(fnNamed(program, n))),
    );
    expect(sync).toEqual([false, false, false, true, false]);
  });

  it('names functions for messages', () => {
    const names = analyse(
      `
        const f = () => 1;
        const o = { m() {} };
        [1].map(function () {});
      `,
      (ac, _c, program) => {
        const anonymous = (program.body[2] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
        return [ac.nameOf(fnNamed(program, 'f')), ac.nameOf(fnNamed(program, 'm')), ac.nameOf(anonymous.arguments[0] as FunctionNode)];
      },
    );
    expect(names).toEqual(['f', 'm', 'this function']);
  });

  it('searches through helpers, with cycles and memoisation', () => {
    const found = analyse(
      `
        function a(): number { return b(); }
        function b(): number { return a() + target(); }
        function target() { return 1; }
        export async function act() { return a(); }
      `,
      (ac, _c, program) => {
        const test = (n: TSESTree.Node) => n.type === T.ReturnStatement && n.argument?.type === T.Literal;
        const first = ac.findInFunction(fnNamed(program, 'act'), 'literal-return', test);
        const again = ac.findInFunction(fnNamed(program, 'act'), 'literal-return', test);
        return [first?.via.map((f) => ac.nameOf(f)), first === again];
      },
    );
    expect(found).toEqual([['a', 'b', 'target'], true]);
  });
});

describe('canUseActivityExport and isHeartbeatNode', () => {
  it('accepts an existing import or namespace, refuses taken names and type-only imports', () => {
    const check = (code: string, name: string) =>
      analyse(code, (_ac, context, program) => canUseActivityExport(context.sourceCode, name, program.body[program.body.length - 1] ?? program));
    expect(check(`import * as act from '@temporalio/activity';\nexport const x = 1;`, 'heartbeat')).toBe(true);
    expect(check(`import { heartbeat as hb } from '@temporalio/activity';\nexport const x = 1;`, 'heartbeat')).toBe(true);
    expect(check(`import type { heartbeat } from '@temporalio/activity';\nexport const x = 1;`, 'heartbeat')).toBe(false);
    expect(check(`const heartbeat = 1;\nexport const x = heartbeat;`, 'heartbeat')).toBe(false);
    expect(check(`export const x = heartbeat;`, 'heartbeat')).toBe(false);
    expect(check(`export const x = 1;`, 'heartbeat')).toBe(true);
  });

  it('is lenient about heartbeat names', () => {
    const results = collect(`ctx.heartbeat(); heartbeat; other.beat();`, 'MemberExpression, Identifier', (node) => isHeartbeatNode(node));
    expect(results.filter(Boolean).length).toBeGreaterThan(0);
    expect(collect(`other.beat;`, 'MemberExpression', (node) => isHeartbeatNode(node))).toEqual([false]);
  });
});

describe('ActivityCode: more export and container forms', () => {
  it('reads named exports: string names, declarators without initialisers, values exported twice, imports', () => {
    const code = `
      import { imported } from './elsewhere';
      const acts = { async a() {} };
      const notAFunction = 1;
      async function b() {}
      export { acts, acts as again, b as 'string name', notAFunction, imported };
      export let later: () => void;
      export const c = async () => {}, d = 2;
      export type { Later } from './later';
    `;
    expect(activityNames(code)).toMatchInlineSnapshot(`
      [
        "a",
        "c",
        "string name",
      ]
    `);
  });

  it('reads containers: members naming factories or non-functions, instances of imported or computed classes, spreads', () => {
    const code = `
      import { Imported } from './imported';
      declare const extra: object;
      declare function getClass(): new () => object;
      function factory() { return { async made() {} }; }
      const value = 1;
      async function named() {}
      class Local { async method() {} ['computed']() {} }
      const instance = new Local();
      export const fromObject = { factory, value, named, ...extra };
      export const fromImported = new Imported();
      export const fromComputed = new (getClass())();
      export const fromInstance = instance;
      export function makeWithSpread() { return { ...extra, async spreadMade() {} }; }
      export function makeWithNamed() { return { named }; }
    `;
    expect(activityNames(code)).toMatchInlineSnapshot(`
      [
        "computed",
        "factory",
        "method",
        "named",
        "spreadMade",
      ]
    `);
  });

  it('resolves callees: members of object literals naming functions, computed names, `this` outside methods and in fields', () => {
    const code = `
      async function shared() {}
      const helpers = { shared, other: 1 };
      declare const key: string;
      function standalone(this: { run(): void }) { this.run(); }
      export class Acts {
        helper() { return 1; }
        field = () => this.helper();
        viaField = () => this.field();
        unknown = () => this.nothing();
        async run() { helpers.shared(); helpers.other(); helpers[key](); (0, helpers.shared)(); }
      }
      void standalone;
    `;
    const results = collect(code, 'CallExpression', (node, context) => {
      const ac = new ActivityCode(context.sourceCode);
      const callee = ac.localCallee(node as TSESTree.CallExpression);
      return `${context.sourceCode.getText((node as TSESTree.CallExpression).callee)} -> ${callee ? ac.nameOf(callee) : '-'}`;
    });
    expect(results).toMatchInlineSnapshot(`
      [
        "this.run -> -",
        "this.helper -> helper",
        "this.field -> field",
        "this.nothing -> -",
        "helpers.shared -> shared",
        "helpers.other -> -",
        "helpers[key] -> -",
        "0, helpers.shared -> -",
      ]
    `);
  });

  it('names anonymous functions under computed keys', () => {
    const code = `
      declare const key: string;
      export const acts = { [key]: async () => 1 };
      const holder = { [key]: () => 2 };
      void holder;
    `;
    const names = collect(code, 'ArrowFunctionExpression', (node, context) => new ActivityCode(context.sourceCode).nameOf(node as FunctionNode));
    expect(names).toMatchInlineSnapshot(`
      [
        "this function",
        "this function",
      ]
    `);
  });
});

describe('walk and childNodes', () => {
  const SKIPPED = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);
  const isNode = (value: unknown): value is TSESTree.Node =>
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

  /** Every node below `root` in pre-order, read with `Object.entries` (the reference). */
  function reference(root: TSESTree.Node): string[] {
    const out: string[] = [];
    const visit = (node: TSESTree.Node): void => {
      out.push(`${node.type}@${node.range[0]}`);
      for (const [key, value] of Object.entries(node)) {
        if (SKIPPED.has(key)) continue;
        for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) if (isNode(item)) visit(item);
      }
    };
    visit(root);
    return out;
  }

  function walked(root: TSESTree.Node): string[] {
    const out: string[] = [];
    walk(root, (node) => {
      out.push(`${node.type}@${node.range[0]}`);
      return undefined;
    });
    return out;
  }

  const js = `
    import fs, { readFileSync as r } from 'fs';
    export default class A extends B { #p = 1; static { this.x = [1, , ...y]; } async *m({ a = 1, ...b }, [c]) { yield* await r\`t\${a}\`; } }
    label: for (const k in o) { if (k?.[0] ?? o.x) continue label; else throw new Error(\`\${k}\`); }
    const f = function* () {}, g = async (x) => ({ x, [x]: x }), re = /a/u, big = 1n;
    try { f(); } catch { g(); } finally { switch (re) { case 1: break; default: } }
    do { debugger; } while (import.meta.url && import('x'));
  `;
  const ts = `
    @decorate class C<T> implements I { constructor(private readonly p: T) {} declare q: string; m?(): void; }
    enum E { A = 1, B = A << 1 }
    namespace N { export const n = <T,>(x: T): T => x satisfies T as T; }
    export = N;
    const v = obj!.a as unknown as { b: number };
    function over(a: string): void;
    function over(a: unknown) { return a; }
  `;

  it('visits what a walk of every own property visits, in the same order (typescript-estree, with and without parents)', () => {
    for (const program of [parse(js + ts, { range: true, loc: true }), parse(js + ts, { range: true, loc: true, jsDocParsingMode: 'none' })]) {
      expect(walked(program)).toEqual(reference(program));
      expect(childNodes(program).map((n) => n.type)).toEqual(program.body.map((n) => n.type));
    }
    const programs = collect(js + ts, 'Program', (node) => node);
    const withParents = programs[0];
    if (!withParents) throw new Error('no program');
    expect(walked(withParents)).toEqual(reference(withParents));
  });

  it('reads espree trees the same way', () => {
    let program: TSESTree.Program | undefined;
    const grab = { create: (context: { sourceCode: { ast: unknown } }) => ((program = context.sourceCode.ast as TSESTree.Program), {}) };
    const messages = new Linter().verify(
      js,
      [{ files: ['**/*.js'], plugins: { t: { rules: { grab } } }, rules: { 't/grab': 'error' } }],
      'a.js',
    );
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    if (!program) throw new Error('no program');
    const nodes = walked(program);
    expect(nodes).toEqual(reference(program));
    expect(nodes.filter((n) => n.startsWith(`${T.TemplateElement}@`))).toHaveLength(4);
  });

  it('skips the children of a node when `visit` returns false', () => {
    const program = parse('function f() { g(); } h();', { range: true });
    const seen: string[] = [];
    walk(program, (node) => {
      seen.push(node.type);
      return node.type === T.FunctionDeclaration ? false : undefined;
    });
    expect(seen).toEqual([T.Program, T.FunctionDeclaration, T.ExpressionStatement, T.CallExpression, T.Identifier]);
  });
});

describe('ActivityCode.for', () => {
  it('shares one analysis per tree, also when a host reuses its SourceCode object for the next file', () => {
    const host = { ast: parse('export async function a() {}', { range: true, loc: true }) };
    const sourceCode = host as unknown as TSESLint.SourceCode;
    const first = ActivityCode.for(sourceCode);
    expect([...first.activities.values()]).toEqual(['a']);
    expect(ActivityCode.for(sourceCode)).toBe(first);
    host.ast = parse('export async function b() {}', { range: true, loc: true });
    const second = ActivityCode.for(sourceCode);
    expect(second).not.toBe(first);
    expect([...second.activities.values()]).toEqual(['b']);
  });
});
