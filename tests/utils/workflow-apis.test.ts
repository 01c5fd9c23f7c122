import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRelativeModule, readProjectFile } from '../../src/utils/cross-file.js';
import { messageDefinitionKind, messageKindInText } from '../../src/utils/message-definitions.js';
import { ReferenceResolver } from '../../src/utils/references.js';
import {
  classifyWorkflowCall,
  isStateChangingCall,
  isWorkflowApi,
  temporalPromiseKind,
} from '../../src/utils/workflow-apis.js';
import { exportedFunctions, getWorkflowCodeContext, resolveLocalFunction } from '../../src/utils/workflow-code.js';
import { FIXTURES_DIR } from '../rule-tester.js';
import { collect } from './harness.js';

/** Kind of every call statement's expression in `code` (`-` for undefined). */
function kinds(code: string): string[] {
  return collect(code, 'ExpressionStatement > CallExpression', (node, context) => {
    const resolver = new ReferenceResolver(context.sourceCode, context.filename);
    return classifyWorkflowCall(resolver, node as TSESTree.CallExpression) ?? '-';
  });
}

describe('classifyWorkflowCall', () => {
  it('recognises promise-returning APIs by origin', () => {
    expect(
      kinds(`
        import { sleep as s, condition, startChild, executeChild, continueAsNew, makeContinueAsNewFunc,
          getExternalWorkflowHandle, CancellationScope, proxyActivities, proxyLocalActivities, scheduleActivity,
          createNexusServiceClient } from '@temporalio/workflow';
        const { a } = proxyActivities({ startToCloseTimeout: 1000 });
        const acts = proxyActivities({ startToCloseTimeout: 1000 });
        const { l } = proxyLocalActivities({ startToCloseTimeout: 1000 });
        const can = makeContinueAsNewFunc();
        const ext = getExternalWorkflowHandle('id');
        const scope = new CancellationScope();
        const nexus = createNexusServiceClient({ endpoint: 'e', service: {} });
        async function f(name: string) {
          const child = await startChild('x');
          s(1); condition(() => true); startChild('x'); executeChild('x'); continueAsNew(); can();
          ext.signal('s'); ext.cancel(); CancellationScope.cancellable(async () => {}); scope.run(async () => {});
          a(); acts.b(); acts['c'](); acts[name](); a.executeWithOptions({}, []); l(); scheduleActivity('a', [], {});
          child.result(); child.signal('s'); nexus.executeOperation('op', {});
        }
      `),
    ).toEqual([
      'sleep',
      'condition',
      'childWorkflow',
      'childWorkflow',
      'continueAsNew',
      'continueAsNew',
      'externalHandle',
      'externalHandle',
      'cancellationScope',
      'cancellationScope',
      'activity',
      'activity',
      'activity',
      'activity',
      'activity',
      'localActivity',
      'activity',
      'childWorkflow',
      'childWorkflow',
      'nexusOperation',
    ]);
  });

  it('knows synchronous APIs and ignores locals with the same names', () => {
    expect(
      kinds(`
        import * as wf from '@temporalio/workflow';
        function sleep(ms: number) { return ms; }
        wf.setHandler(wf.defineSignal('s'), () => {}); wf.uuid4(); wf.log.info('x'); wf.patched('p');
        sleep(1); unknown();
      `),
    ).toEqual(['sync', 'sync', 'sync', 'sync', '-', '-']);
  });

  it('follows require and namespace destructuring', () => {
    expect(
      kinds(`
        const { sleep } = require('@temporalio/workflow');
        const wf = require('@temporalio/workflow');
        const { condition } = wf;
        sleep(1); condition(() => true);
      `),
    ).toEqual(['sleep', 'condition']);
  });
});

describe('temporalPromiseKind', () => {
  it('looks through then-chains, combinators and bindings', () => {
    const out = collect(
      `
        import { sleep, proxyActivities } from '@temporalio/workflow';
        const { a } = proxyActivities({ startToCloseTimeout: 1000 });
        async function f() {
          const p = a();
          const q = 1;
          x(sleep(1).then(() => 1));
          x(Promise.all([1, ...[a()]]));
          x(Promise.race([q, p]));
          x(p);
          x(q);
          x(other.all([a()]));
          x(local().then(() => 1));
        }
      `,
      'CallExpression[callee.name="x"]',
      (node, context) => {
        const resolver = new ReferenceResolver(context.sourceCode, context.filename);
        const arg = (node as TSESTree.CallExpression).arguments[0];
        return arg ? (temporalPromiseKind(resolver, arg) ?? '-') : '-';
      },
    );
    expect(out).toEqual(['sleep', '-', 'activity', 'activity', '-', '-', '-']);
  });

  it('flags state-changing synchronous APIs', () => {
    const out = collect(
      `
        import { patched, setHandler, uuid4, upsertSearchAttributes } from '@temporalio/workflow';
        patched('x'); setHandler(d, () => 1); uuid4(); upsertSearchAttributes({});
      `,
      'CallExpression',
      (node, context) => {
        const resolver = new ReferenceResolver(context.sourceCode, context.filename);
        return [
          isStateChangingCall(resolver, node as TSESTree.CallExpression),
          isWorkflowApi(resolver, (node as TSESTree.CallExpression).callee, 'uuid4'),
        ];
      },
    );
    expect(out).toEqual([
      [true, false],
      [true, false],
      [false, true],
      [true, false],
    ]);
  });
});

describe('message definitions', () => {
  it('knows inline, const, aliased and built-in definitions', () => {
    const out = collect(
      `
        import { defineQuery as dq, defineUpdate, defineSignal, setHandler, stackTraceQuery } from '@temporalio/workflow';
        import * as wf from '@temporalio/workflow';
        const q = dq<string>('q');
        const u = wf.defineUpdate<void, [number]>('u');
        let s = defineSignal('s');
        s = defineSignal('t');
        setHandler(q, () => 1); setHandler(u, () => 1); setHandler(defineSignal('x'), () => 1);
        setHandler(stackTraceQuery, () => ''); setHandler(s, () => 1); setHandler(other, () => 1);
      `,
      'CallExpression[callee.name="setHandler"]',
      (node, context) => {
        const resolver = new ReferenceResolver(context.sourceCode, context.filename);
        const arg = (node as TSESTree.CallExpression).arguments[0];
        return arg ? (messageDefinitionKind(resolver, arg, context) ?? '-') : '-';
      },
    );
    expect(out).toEqual(['query', 'update', 'signal', 'query', '-', '-']);
  });

  it('reads definitions exported by other files', () => {
    const text = `import * as wf from '@temporalio/workflow';
export const getValue = wf.defineQuery<number>('getValue');
export const setValue: wf.UpdateDefinition<void, [number]> = wf.defineUpdate('setValue');
const done = defineSignal('done');`;
    expect(messageKindInText(text, 'getValue')).toBe('query');
    expect(messageKindInText(text, 'setValue')).toBe('update');
    expect(messageKindInText(text, 'done')).toBe('signal');
    expect(messageKindInText(text, 'missing')).toBeUndefined();
    expect(messageKindInText('export const getValue = defineQuery("x")', 'getValue')).toBeUndefined();
  });
});

describe('cross-file helpers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-xfile-'));
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves relative specifiers like TypeScript and reads files', () => {
    fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'defs.ts'), 'export const x = 1;');
    fs.writeFileSync(path.join(dir, 'lib', 'index.ts'), 'export {};');
    const from = path.join(dir, 'workflows.ts');
    expect(resolveRelativeModule(from, './defs.js')).toBe(path.join(dir, 'defs.ts'));
    expect(resolveRelativeModule(from, './defs')).toBe(path.join(dir, 'defs.ts'));
    expect(resolveRelativeModule(from, './lib')).toBe(path.join(dir, 'lib', 'index.ts'));
    expect(resolveRelativeModule(from, 'pkg')).toBeUndefined();
    expect(resolveRelativeModule(from, './missing')).toBeUndefined();
    expect(readProjectFile(path.join(dir, 'defs.ts'))).toBe('export const x = 1;');
    expect(readProjectFile(path.join(dir, 'defs.ts'))).toBe('export const x = 1;');
    expect(readProjectFile(path.join(dir, 'missing.ts'))).toBeUndefined();
    expect(readProjectFile(dir)).toBeUndefined();
  });
});

describe('workflow code helpers', () => {
  it('lists exported functions and resolves local functions', () => {
    const out = collect(
      `
        export async function a() {}
        export const b = async () => {};
        async function c() {}
        const d = function () {};
        export { c, d as e };
        export default c;
        let f = () => {}; f = () => {};
        g(c); g(d); g(f); g(x);
      `,
      'Program',
      (_node, context) => exportedFunctions(context.sourceCode).length,
    );
    expect(out).toEqual([4]);
    const local = collect(
      `
        async function c() {}
        const d = function () {};
        let f = () => {}; f = () => {};
        g(c); g(d); g(f); g(x); g(() => 1);
      `,
      'CallExpression[callee.name="g"]',
      (node, context) => {
        const arg = (node as TSESTree.CallExpression).arguments[0];
        return arg ? (resolveLocalFunction(context.sourceCode, arg)?.type ?? '-') : '-';
      },
    );
    expect(local).toEqual(['FunctionDeclaration', 'FunctionExpression', '-', '-', 'ArrowFunctionExpression']);
  });

  it('gives a context only for workflow code', () => {
    const why = (filename: string) =>
      collect('x;', 'Program', (_node, context) => getWorkflowCodeContext(context)?.why ?? 'none', filename);
    expect(why('src/workflows.ts')).toEqual(['']);
    expect(why('src/activities.ts')).toEqual(['none']);
    // a helper that is workflow code only because a workflow imports it: the chain is quoted
    const helper = why(path.join(FIXTURES_DIR, 'example-clean/src/utils/ids.ts'));
    expect(helper[0]).toMatch(/^ \(workflow code: .*src\/workflows\/order\.ts → src\/utils\/ids\.ts\)$/);
  });
});

describe('computed members of activity proxies and promise combinators', () => {
  it('classifies `acts[name]()` of regular and local activity proxies, not of other objects', () => {
    expect(
      kinds(`
        import { proxyActivities, proxyLocalActivities, uuid4 } from '@temporalio/workflow';
        const acts = proxyActivities({ startToCloseTimeout: '1m' });
        const local = proxyLocalActivities({ startToCloseTimeout: '1m' });
        const other = { run() {} };
        declare const name: string;
        acts[name](); local[name](); other[name](); uuid4['call'](null);
      `),
    ).toEqual(['activity', 'localActivity', '-', '-']);
  });

  it('finds the Temporal promise inside combinator arrays with holes and spreads', () => {
    const promiseKinds = collect(
      `
        import { sleep, condition } from '@temporalio/workflow';
        declare const others: Promise<void>[];
        export async function wf(): Promise<void> {
          await Promise.race([, ...others, sleep(1)]);
          await Promise.all([...others, condition(() => true)]);
          await Promise.any(others);
          await Promise.all([Promise.resolve()]);
        }
      `,
      'AwaitExpression',
      (node, context) => temporalPromiseKind(new ReferenceResolver(context.sourceCode, context.filename), (node as TSESTree.AwaitExpression).argument) ?? '-',
    );
    expect(promiseKinds).toEqual(['sleep', 'condition', '-', '-']);
  });
});
