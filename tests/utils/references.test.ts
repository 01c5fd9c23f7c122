import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { fileResolver, isFromPackage, isGlobal, isModuleExport, mayHideNames, mayNameModule, ReferenceResolver, requireSource, type Reference } from '../../src/utils/references.js';
import { collect } from './harness.js';

/** Resolves the callee of every call in `code`; returns `source:path` strings (or `global:path`, or `-`). */
function callees(code: string, reExports?: ConstructorParameters<typeof ReferenceResolver>[2]): string[] {
  return collect(code, 'CallExpression', (node, context) => {
    const resolver = new ReferenceResolver(context.sourceCode, context.filename, reExports);
    const ref = resolver.resolve((node as TSESTree.CallExpression).callee);
    return show(ref);
  });
}

function show(ref: Reference | undefined): string {
  if (!ref) return '-';
  return ref.kind === 'global' ? `global:${ref.path.join('.')}` : `${ref.source}:${ref.path.join('.')}`;
}

describe('ReferenceResolver', () => {
  it('resolves named, aliased, namespace and default imports', () => {
    expect(
      callees(`
        import { sleep, condition as c } from '@temporalio/workflow';
        import * as wf from '@temporalio/workflow';
        import fs from 'fs';
        sleep(1); c(() => true); wf.sleep(1); wf['uuid4'](); fs.readFileSync('x');
      `),
    ).toEqual([
      '@temporalio/workflow:sleep',
      '@temporalio/workflow:condition',
      '@temporalio/workflow:sleep',
      '@temporalio/workflow:uuid4',
      'fs:default.readFileSync',
    ]);
  });

  it('resolves require, destructuring and aliases of namespaces', () => {
    expect(
      callees(`
        const cp = require('child_process');
        const { execSync: run } = require('node:child_process');
        import * as wf from '@temporalio/workflow';
        const { sleep } = wf;
        const s2 = wf.sleep;
        cp.execSync('ls'); run('ls'); sleep(1); s2(1);
      `),
    ).toEqual(['global:require', 'global:require', 'child_process:execSync', 'node:child_process:execSync', '@temporalio/workflow:sleep', '@temporalio/workflow:sleep']);
  });

  it('follows call results and `new`', () => {
    expect(
      callees(`
        import { proxyActivities, workflowInfo } from '@temporalio/workflow';
        import { Context } from '@temporalio/activity';
        const { greet } = proxyActivities({ startToCloseTimeout: '1m' });
        const acts = proxyActivities({ startToCloseTimeout: '1m' });
        greet(); acts.bye(); workflowInfo().unsafe.now(); Context.current().heartbeat();
      `),
    ).toEqual([
      '@temporalio/workflow:proxyActivities',
      '@temporalio/workflow:proxyActivities',
      '@temporalio/workflow:proxyActivities.().greet',
      '@temporalio/workflow:proxyActivities.().bye',
      '@temporalio/workflow:workflowInfo.().unsafe.now',
      '@temporalio/workflow:workflowInfo',
      '@temporalio/activity:Context.current.().heartbeat',
      '@temporalio/activity:Context.current',
    ]);
  });

  it('resolves globals through globalThis, window and self, and not shadowed locals', () => {
    expect(
      callees(`
        Date.now(); globalThis.crypto.randomUUID(); window.fetch('x'); self.setInterval(() => {}, 1);
        function f(crypto: { randomUUID(): string }) { return crypto.randomUUID(); }
        let d = Date; d = Object as never; d.now();
        (Date.now as () => number)(); Date?.now(); Date.now!();
      `),
    ).toEqual([
      'global:Date.now',
      'global:crypto.randomUUID',
      'global:fetch',
      'global:setInterval',
      '-',
      '-',
      'global:Date.now',
      'global:Date.now',
      'global:Date.now',
    ]);
  });

  it('does not resolve computed keys it cannot know, or `this`', () => {
    expect(
      callees(`
        import * as wf from '@temporalio/workflow';
        const k = 'sleep' + Math.random();
        wf[k](1); this.x(); wf[\`uuid4\`]();
      `),
    ).toEqual(['global:Math.random', '-', '-', '@temporalio/workflow:uuid4']);
  });

  it('follows re-exports through the resolver hook', () => {
    expect(
      callees(`import { snooze } from './temporal'; import * as t from './temporal'; snooze(1); t.snooze(1);`, (_file, source, name) =>
        source === './temporal' && name === 'snooze' ? { source: '@temporalio/workflow', name: 'sleep' } : undefined,
      ),
    ).toEqual(['@temporalio/workflow:sleep', '@temporalio/workflow:sleep']);
  });

  it('handles TypeScript import-equals', () => {
    expect(callees(`import fs = require('fs'); fs.readFileSync('x');`)).toEqual(['fs:readFileSync']);
  });

  it('is cached and never throws', () => {
    const results = collect(`import { sleep } from '@temporalio/workflow'; sleep(1);`, 'CallExpression', (node, context) => {
      const resolver = new ReferenceResolver(context.sourceCode, context.filename);
      const callee = (node as TSESTree.CallExpression).callee;
      return resolver.resolve(callee) === resolver.resolve(callee) && resolver.resolveModule(callee)?.source;
    });
    expect(results).toEqual(['@temporalio/workflow']);
  });
});

describe('predicates', () => {
  it('isFromPackage matches the package and its deep paths only', () => {
    expect(isFromPackage('@temporalio/workflow', '@temporalio/workflow')).toBe(true);
    expect(isFromPackage('@temporalio/workflow/lib/workflow', '@temporalio/workflow')).toBe(true);
    expect(isFromPackage('@temporalio/workflow-extra', '@temporalio/workflow')).toBe(false);
  });

  it('isModuleExport and isGlobal compare whole paths', () => {
    const decl = {} as TSESTree.Node;
    expect(isModuleExport({ kind: 'module', source: '@temporalio/workflow', path: ['sleep'], declaration: decl }, '@temporalio/workflow', 'sleep')).toBe(true);
    expect(isModuleExport({ kind: 'module', source: '@temporalio/workflow', path: ['sleep', '()'], declaration: decl }, '@temporalio/workflow', 'sleep')).toBe(false);
    expect(isModuleExport({ kind: 'global', path: ['sleep'] }, '@temporalio/workflow', 'sleep')).toBe(false);
    expect(isModuleExport(undefined, '@temporalio/workflow', 'sleep')).toBe(false);
    expect(isGlobal({ kind: 'global', path: ['Date', 'now'] }, 'Date', 'now')).toBe(true);
    expect(isGlobal({ kind: 'global', path: ['Date'] }, 'Date', 'now')).toBe(false);
  });

  it('requireSource reads literal requires only', () => {
    const sources = collect(`require('a'); require(\`b\`); require(x); require('a', 'b'); other('c');`, 'CallExpression', (node) =>
      requireSource(node) ?? '-',
    );
    expect(sources).toEqual(['a', 'b', '-', '-', '-']);
  });
});

describe('ReferenceResolver: patterns, import-equals and re-exports', () => {
  it('follows object patterns with computed, numeric and default keys, and gives up on rest and array patterns', () => {
    expect(
      callees(`
        import * as wf from '@temporalio/workflow';
        declare const k: string;
        const { sleep: s = () => 0, ['condition']: c, 0: zero, [k]: dyn, ...rest } = wf;
        const [first] = [wf.sleep];
        const { log: { info } } = wf;
        s(1); c(); zero(); dyn(); rest.sleep(1); first(1); info('x');
      `),
    ).toEqual([
      '@temporalio/workflow:sleep',
      '@temporalio/workflow:condition',
      '@temporalio/workflow:0',
      '-',
      '-',
      '-',
      '@temporalio/workflow:log.info',
    ]);
  });

  it('resolves `import x = require()` and template-literal requires, not namespace aliases', () => {
    expect(
      callees(`
        import cp = require('child_process');
        import Alias = Outer.Inner;
        declare namespace Outer { const Inner: () => void }
        const fs = require(\`fs\`);
        cp.execSync('ls'); Alias(); fs.readFileSync('x');
      `),
    ).toEqual(['global:require', 'child_process:execSync', '-', 'fs:readFileSync']);
  });

  it('follows re-exports through the callback: a named origin, a namespace origin, none', () => {
    const reExports: ConstructorParameters<typeof ReferenceResolver>[2] = (_file, source, name) => {
      if (source === './barrel' && name === 'sleepAlias') return { source: '@temporalio/workflow', name: 'sleep' };
      if (source === './barrel' && name === 'wfNamespace') return { source: '@temporalio/workflow', name: '*' };
      if (source === 'workspace-pkg' && name === 'helper') return { source: '/repo/packages/pkg/src/helper.ts', name: 'helper' };
      return undefined;
    };
    expect(
      callees(
        `
        import { sleepAlias, wfNamespace, other } from './barrel';
        import { helper } from 'workspace-pkg';
        sleepAlias(1); wfNamespace.condition(); other(); helper();
      `,
        reExports,
      ),
    ).toEqual(['@temporalio/workflow:sleep', '@temporalio/workflow:condition', './barrel:other', '/repo/packages/pkg/src/helper.ts:helper']);
  });
});

describe('mayNameModule', () => {
  /** `mayNameModule` of the whole file, asked from its Program node. */
  function names(code: string, prefix = '@temporalio/'): boolean {
    return collect(code, 'Program', (_node, context) => mayNameModule(context.sourceCode, prefix))[0] ?? false;
  }

  it('finds the name as written, in any string or comment', () => {
    expect(names(`import { sleep } from '@temporalio/workflow';`)).toBe(true);
    expect(names(`const wf = require(\`@temporalio/workflow\`);`)).toBe(true);
    expect(names(`// @temporalio/workflow\nexport const a = 1;`)).toBe(true);
    expect(names(`import { sleep } from '@temporalio/workflow';`, '@temporalio/testing')).toBe(false);
  });

  it('is false for files that name no such module', () => {
    expect(names(`import { readFile } from 'node:fs/promises'; export const a = '\\n';`)).toBe(false);
    expect(names(`import { x } from './temporalio/workflow';`)).toBe(false);
  });

  it('decodes escapes in strings and templates', () => {
    expect(names(String.raw`import { sleep } from '\u0040temporalio/workflow';`)).toBe(true);
    expect(names(String.raw`const wf = require("\x40temporal\u{69}o/workflow");`)).toBe(true);
    expect(names(String.raw`const wf = require(` + '`' + String.raw`\@temporalio\/workflow` + '`' + ');')).toBe(true);
    expect(names(String.raw`const s = '\u0040temporalio\\/workflow';`)).toBe(false);
  });

  it('joins a name split by a line continuation', () => {
    expect(names(`const wf = require('@temporal\\\nio/workflow');`)).toBe(true);
    expect(names(`const wf = require('@temporal\\\r\nio/workflow');`)).toBe(true);
  });
});

describe('mayHideNames', () => {
  it('is true for every escape that can spell part of a name, false for the rest', () => {
    for (const text of [String.raw`'\u0041'`, String.raw`'\x41'`, String.raw`'\101'`, String.raw`'\S'`, String.raw`'\@'`, String.raw`'\/'`, `'a\\\nb'`, `'\\\u2028'`]) {
      expect(mayHideNames(text), text).toBe(true);
    }
    for (const text of [String.raw`'a\nb\tc\rd\be\ff\vg'`, String.raw`'\\'`, String.raw`'\''`, String.raw`"\""`, 'no escapes']) {
      expect(mayHideNames(text), text).toBe(false);
    }
  });
});

describe('fileResolver', () => {
  it('shares one resolver per file and re-export source, and follows re-exports only with one', () => {
    const model = { resolveReExport: () => ({ source: '@temporalio/workflow', name: 'sleep' }) };
    const failing = {
      resolveReExport: () => {
        throw new Error('unreadable');
      },
    };
    const [shown] = collect(`import { nap } from './barrel'; nap(1);`, 'CallExpression', (node, context) => {
      const plain = fileResolver(context.sourceCode, context.filename);
      const following = fileResolver(context.sourceCode, context.filename, model);
      const callee = (node as TSESTree.CallExpression).callee;
      return {
        shared: plain === fileResolver(context.sourceCode, context.filename) && following === fileResolver(context.sourceCode, context.filename, model),
        distinct: plain !== following,
        plain: show(plain.resolve(callee)),
        following: show(following.resolve(callee)),
        failing: show(fileResolver(context.sourceCode, context.filename, failing).resolve(callee)),
      };
    });
    expect(shown).toEqual({ shared: true, distinct: true, plain: './barrel:nap', following: '@temporalio/workflow:sleep', failing: './barrel:nap' });
  });
});

describe('fileResolver: hosts that reuse their SourceCode', () => {
  it('gives a new tree a new resolver, also when its SourceCode object is the previous file\'s', () => {
    const host = { ast: { type: 'Program' } };
    const sourceCode = host as unknown as Parameters<typeof fileResolver>[0];
    const first = fileResolver(sourceCode, 'a.ts');
    expect(fileResolver(sourceCode, 'a.ts')).toBe(first);
    expect(fileResolver(sourceCode, 'b.ts')).not.toBe(first);
    host.ast = { type: 'Program' };
    expect(fileResolver(sourceCode, 'b.ts')).not.toBe(first);
  });
});

describe('ReferenceResolver: remembered bindings', () => {
  it('resolves every use of a binding as a fresh resolver does, near the depth limit too', () => {
    const chain = Array.from({ length: 30 }, (_, i) => `const a${String(i + 1)} = a${String(i)};`).join('\n');
    const code = `import * as a0 from '@temporalio/workflow';
${chain}
const { sleep: s } = a3;
a23.sleep(1); a24.sleep(1); a5.sleep(1); a24.sleep(1); a30.sleep(1); a23.sleep(1); s(1); s(2);`;
    const shared = collect(code, 'CallExpression', (node, context) => {
      const resolver = fileResolver(context.sourceCode, context.filename);
      return show(resolver.resolve((node as TSESTree.CallExpression).callee));
    });
    const fresh = callees(code);
    expect(shared).toEqual(fresh);
    // `a23.sleep` reaches the import at the depth limit; `a24.sleep` one step beyond it.
    expect(fresh).toEqual([
      '@temporalio/workflow:sleep',
      '-',
      '@temporalio/workflow:sleep',
      '-',
      '-',
      '@temporalio/workflow:sleep',
      '@temporalio/workflow:sleep',
      '@temporalio/workflow:sleep',
    ]);
  });
});

describe('ReferenceResolver: remembered results', () => {
  it('resolves every node, in any order, as a fresh resolver does, across the depth limit', () => {
    const consts = (prefix: string, from: string, n: number): string =>
      Array.from({ length: n }, (_, i) => `const ${prefix}${String(i + 1)} = ${i === 0 ? from : `${prefix}${String(i)}`};`).join('\n');
    const code = `import * as a0 from '@temporalio/workflow';
${consts('a', 'a0', 14)}
${consts('b', 'a12.proxyActivities({})', 12)}
const { greet } = b11;
${consts('c', 'new a3.CancellationScope()', 14)}
b4.greet(); b11.greet(); greet(); b12.greet().then(); c13.run(); c2.run(); a14.sleep(1); a3.sleep(1);
b12.x.y.z(); c14.cancel(); b1.greet().then().catch();`;
    const results = collect(code, 'Program', (program, context) => {
      const nodes: TSESTree.Node[] = [];
      const visit = (node: TSESTree.Node): void => {
        nodes.push(node);
        for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node);
          }
        }
      };
      visit(program);
      const fresh = nodes.map((n) => show(new ReferenceResolver(context.sourceCode, context.filename).resolve(n)));
      const forward = new ReferenceResolver(context.sourceCode, context.filename);
      const inOrder = nodes.map((n) => show(forward.resolve(n)));
      const backward = new ReferenceResolver(context.sourceCode, context.filename);
      const reversed = [...nodes].reverse().map((n) => show(backward.resolve(n))).reverse();
      return { fresh, inOrder, reversed };
    });
    const [result] = results;
    expect(result?.inOrder).toEqual(result?.fresh);
    expect(result?.reversed).toEqual(result?.fresh);
    // The chains reach the limit: `b1.greet().then().catch` resolves (21 levels), `b12.x` does not (over 24).
    expect(result?.fresh).toContain('@temporalio/workflow:proxyActivities.().greet.().then.().catch');
    expect(result?.fresh).not.toContain('@temporalio/workflow:proxyActivities.().x');
  });
});
