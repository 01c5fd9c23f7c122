import rule from '../../src/rules/workflow-require-all-handlers-finished.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';

const UPDATE_EFFECT = 'the handler is abandoned and the client waiting for the update gets an error instead of its result';
const SIGNAL_EFFECT = "the rest of the handler's work is abandoned";

const HEADER = `import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
const { charge } = proxyActivities<any>({ startToCloseTimeout: '1m' });
const pay = defineUpdate<string, [number]>('pay');
const done = defineSignal('done');
`;

ruleTester.run('workflow-require-all-handlers-finished', rule, {
  valid: [
    // safe-message-handlers sample: waits before continuing as new.
    {
      code: `import * as wf from '@temporalio/workflow';
export const assign = wf.defineUpdate<string, [number]>('assign');
const { allocate } = wf.proxyActivities<any>({ startToCloseTimeout: '1m' });
export async function clusterManagerWorkflow(input: { n: number }): Promise<string> {
  let shutdown = false;
  wf.setHandler(assign, async (n) => { await allocate(n); return 'ok'; });
  await wf.condition(() => shutdown || wf.workflowInfo().continueAsNewSuggested);
  if (!shutdown) {
    await wf.condition(wf.allHandlersFinished);
    return await wf.continueAsNew<typeof clusterManagerWorkflow>(input);
  }
  await wf.condition(wf.allHandlersFinished);
  return 'done';
}`,
      filename: W,
    },
    // A wait at the top of the tail covers every later return and the end.
    {
      code: `${HEADER}import { allHandlersFinished } from '@temporalio/workflow';
export async function order(): Promise<string> {
  let finished = false;
  setHandler(pay, async (n) => { await charge(n); return 'paid'; });
  setHandler(done, () => { finished = true; });
  await condition(() => finished);
  await condition(allHandlersFinished);
  if (finished) return 'a';
  return 'b';
}`,
      filename: W,
    },
    // Predicates that include allHandlersFinished, with a timeout, inside an if test.
    {
      code: `${HEADER}import { allHandlersFinished as ahf } from '@temporalio/workflow';
export async function a(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; });
  await condition(() => ahf() && true);
}
export async function b(): Promise<boolean> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; });
  if (await condition(ahf, '1 minute')) return true;
  return false;
}`,
      filename: W,
    },
    // Handlers that do not await, query handlers, ABANDON policy.
    {
      code: `${HEADER}import { defineQuery, HandlerUnfinishedPolicy } from '@temporalio/workflow';
const status = defineQuery<string>('status');
export async function order(): Promise<string> {
  let total = 0;
  setHandler(done, () => { total += 1; });
  setHandler(pay, async (n) => { total += n; return 'ok'; });
  setHandler(status, async () => { await Promise.resolve(); return 'x'; });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: HandlerUnfinishedPolicy.ABANDON });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: 'ABANDON' });
  return 'done';
}`,
      filename: W,
    },
    // Options that cannot be read are given the benefit of the doubt.
    {
      code: `${HEADER}export async function order(opts: any): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, opts);
}`,
      filename: W,
    },
    // Returns before the handler is registered cannot abandon it.
    {
      code: `${HEADER}import { allHandlersFinished } from '@temporalio/workflow';
export async function order(skip: boolean): Promise<void> {
  if (skip) return;
  setHandler(pay, async (n) => { await charge(n); return 'x'; });
  await condition(allHandlersFinished);
}`,
      filename: W,
    },
    // Workflows that never end, and returns inside handlers or helpers.
    {
      code: `${HEADER}export async function entity(): Promise<never> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; });
  for (;;) { await condition(() => false); }
}
export async function other(): Promise<void> {
  setHandler(done, async () => { await charge(1); return; });
  while (true) { await charge(2); }
}`,
      filename: W,
    },
    // Not exported: not a workflow function (a helper that registers handlers and returns).
    {
      code: `${HEADER}function useCounter() {
  let n = 0;
  setHandler(done, async () => { await charge(1); n++; });
  return () => n;
}
export async function wf(): Promise<void> { useCounter(); await condition(() => false); }`,
      filename: W,
    },
    // A local `setHandler` is not Temporal's.
    {
      code: `function setHandler(a: unknown, b: unknown) {}\nexport async function wf(): Promise<void> { setHandler('x', async () => { await 1; }); return; }`,
      filename: W,
    },
    // Not workflow code.
    {
      code: `${HEADER}export async function wf(): Promise<void> { setHandler(pay, async (n) => { await charge(n); return 'x'; }); }`,
      filename: 'src/client.ts',
    },
  ],
  invalid: [
    {
      // message-passing/introduction sample shape: async update handler, returns after a condition.
      code: `import * as wf from '@temporalio/workflow';
export const approve = wf.defineSignal<[{ name: string }]>('approve');
export const setLanguageUsingActivity = wf.defineUpdate<string, [string]>('setLanguageUsingActivity');
const { callGreetingService } = wf.proxyActivities<any>({ startToCloseTimeout: '1 minute' });
export async function greetingWorkflow(): Promise<string> {
  let approved = false;
  let language = 'en';
  wf.setHandler(approve, () => { approved = true; });
  wf.setHandler(setLanguageUsingActivity, async (newLanguage) => {
    await callGreetingService(newLanguage);
    language = newLanguage;
    return language;
  });
  await wf.condition(() => approved);
  return language;
}`,
      filename: W,
      errors: [
        {
          messageId: 'returnWithoutWaiting',
          data: {
            workflow: 'greetingWorkflow',
            handler: 'update handler `setLanguageUsingActivity`',
            effect: UPDATE_EFFECT,
            why: '',
          },
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `import * as wf from '@temporalio/workflow';
export const approve = wf.defineSignal<[{ name: string }]>('approve');
export const setLanguageUsingActivity = wf.defineUpdate<string, [string]>('setLanguageUsingActivity');
const { callGreetingService } = wf.proxyActivities<any>({ startToCloseTimeout: '1 minute' });
export async function greetingWorkflow(): Promise<string> {
  let approved = false;
  let language = 'en';
  wf.setHandler(approve, () => { approved = true; });
  wf.setHandler(setLanguageUsingActivity, async (newLanguage) => {
    await callGreetingService(newLanguage);
    language = newLanguage;
    return language;
  });
  await wf.condition(() => approved);
  await wf.condition(wf.allHandlersFinished);
  return language;
}`,
            },
          ],
        },
      ],
    },
    {
      // Falling off the end; signal handler through a local function; named imports extended.
      code: `${HEADER}export async function order(): Promise<void> {
  const onDone = async () => { await charge(1); };
  setHandler(done, onDone);
  await condition(() => false, '1 day');
}`,
      filename: W,
      errors: [
        {
          messageId: 'endWithoutWaiting',
          data: { workflow: 'order', handler: 'signal handler `done`', effect: SIGNAL_EFFECT, why: '' },
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 2,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `import { condition, defineSignal, defineUpdate, proxyActivities, setHandler, allHandlersFinished } from '@temporalio/workflow';
const { charge } = proxyActivities<any>({ startToCloseTimeout: '1m' });
const pay = defineUpdate<string, [number]>('pay');
const done = defineSignal('done');
export async function order(): Promise<void> {
  const onDone = async () => { await charge(1); };
  setHandler(done, onDone);
  await condition(() => false, '1 day');
  await condition(allHandlersFinished);
}`,
            },
          ],
        },
      ],
    },
    {
      // continueAsNew (also through makeContinueAsNewFunc), braceless if, a wait in only one branch.
      code: `import { continueAsNew, makeContinueAsNewFunc, condition, allHandlersFinished, setHandler, defineUpdate } from '@temporalio/workflow';
const u = defineUpdate<void>('u');
export async function loop(n: number): Promise<void> {
  setHandler(u, async () => { await condition(() => n > 0); });
  if (n > 10) return continueAsNew<typeof loop>(0);
  if (n > 5) { await condition(allHandlersFinished); }
  const next = makeContinueAsNewFunc<typeof loop>({});
  await next(n + 1);
}`,
      filename: W,
      errors: [
        {
          messageId: 'continueAsNewWithoutWaiting',
          data: { workflow: 'loop', handler: 'update handler `u`', effect: UPDATE_EFFECT, why: '' },
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `import { continueAsNew, makeContinueAsNewFunc, condition, allHandlersFinished, setHandler, defineUpdate } from '@temporalio/workflow';
const u = defineUpdate<void>('u');
export async function loop(n: number): Promise<void> {
  setHandler(u, async () => { await condition(() => n > 0); });
  if (n > 10) { await condition(allHandlersFinished); return continueAsNew<typeof loop>(0); }
  if (n > 5) { await condition(allHandlersFinished); }
  const next = makeContinueAsNewFunc<typeof loop>({});
  await next(n + 1);
}`,
            },
          ],
        },
        {
          messageId: 'continueAsNewWithoutWaiting',
          line: 8,
          column: 9,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `import { continueAsNew, makeContinueAsNewFunc, condition, allHandlersFinished, setHandler, defineUpdate } from '@temporalio/workflow';
const u = defineUpdate<void>('u');
export async function loop(n: number): Promise<void> {
  setHandler(u, async () => { await condition(() => n > 0); });
  if (n > 10) return continueAsNew<typeof loop>(0);
  if (n > 5) { await condition(allHandlersFinished); }
  const next = makeContinueAsNewFunc<typeof loop>({});
  await condition(allHandlersFinished);
  await next(n + 1);
}`,
            },
          ],
        },
      ],
    },
    {
      // Imported definitions (kind unknown), default handlers, aliases, arrow workflow, `export { }`.
      code: `import { setDefaultUpdateHandler, setHandler as on, condition as cond, sleep } from '@temporalio/workflow';
import { approve } from './definitions';
const main = async (): Promise<number> => {
  on(approve, async () => { await sleep(1); });
  setDefaultUpdateHandler(async () => { for await (const x of []) {} });
  await cond(() => true);
  return 1;
};
export { main as mainWorkflow };`,
      filename: W,
      errors: [
        {
          messageId: 'returnWithoutWaiting',
          data: {
            workflow: 'main',
            handler: 'handler `approve`',
            effect: "the rest of the handler's work is abandoned (for an update, the client gets an error instead of the result)",
            why: '',
          },
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `import { setDefaultUpdateHandler, setHandler as on, condition as cond, sleep, allHandlersFinished } from '@temporalio/workflow';
import { approve } from './definitions';
const main = async (): Promise<number> => {
  on(approve, async () => { await sleep(1); });
  setDefaultUpdateHandler(async () => { for await (const x of []) {} });
  await cond(() => true);
  await cond(allHandlersFinished);
  return 1;
};
export { main as mainWorkflow };`,
            },
          ],
        },
      ],
    },
    {
      // Explicit WARN_AND_ABANDON still warns; a wait inside a try block does not cover the return after it.
      code: `import * as wf from '@temporalio/workflow';
const u = wf.defineUpdate<void>('u');
export async function w(): Promise<void> {
  wf.setHandler(u, async () => { await wf.sleep(1); }, { unfinishedPolicy: wf.HandlerUnfinishedPolicy.WARN_AND_ABANDON });
  try { await wf.condition(wf.allHandlersFinished); } catch (e) { throw e; }
  return;
}`,
      filename: W,
      errors: [
        {
          messageId: 'returnWithoutWaiting',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `import * as wf from '@temporalio/workflow';
const u = wf.defineUpdate<void>('u');
export async function w(): Promise<void> {
  wf.setHandler(u, async () => { await wf.sleep(1); }, { unfinishedPolicy: wf.HandlerUnfinishedPolicy.WARN_AND_ABANDON });
  try { await wf.condition(wf.allHandlersFinished); } catch (e) { throw e; }
  await wf.condition(wf.allHandlersFinished);
  return;
}`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS require.
      code: `const wf = require('@temporalio/workflow');
const u = wf.defineUpdate('u');
exports.w = undefined;
export async function w() {
  wf.setHandler(u, async () => { await wf.sleep(1); });
  return 1;
}`,
      filename: 'src/workflows.js',
      errors: [
        {
          messageId: 'returnWithoutWaiting',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `const wf = require('@temporalio/workflow');
const u = wf.defineUpdate('u');
exports.w = undefined;
export async function w() {
  wf.setHandler(u, async () => { await wf.sleep(1); });
  await wf.condition(wf.allHandlersFinished);
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // Not async: reported without a suggestion.
      code: `import { setHandler, defineSignal, sleep } from '@temporalio/workflow';
const s = defineSignal('s');
export function w(): Promise<void> {
  setHandler(s, async () => { await sleep(1); });
  return sleep(10);
}`,
      filename: W,
      errors: [{ messageId: 'returnWithoutWaiting', line: 5, column: 3, suggestions: [] }],
    },
    {
      // A name clash: the suggestion imports under an alias; one-line bodies get inline insertions.
      code: `import { setHandler, defineSignal, sleep } from '@temporalio/workflow';
const s = defineSignal('s');
const condition = 1;
export async function w(): Promise<number> { setHandler(s, async () => { await sleep(1); }); return condition; }`,
      filename: W,
      errors: [
        {
          messageId: 'returnWithoutWaiting',
          line: 4,
          column: 94,
          suggestions: [
            {
              messageId: 'insertWait',
              output: `import { setHandler, defineSignal, sleep, condition as wfCondition, allHandlersFinished } from '@temporalio/workflow';
const s = defineSignal('s');
const condition = 1;
export async function w(): Promise<number> { setHandler(s, async () => { await sleep(1); }); await wfCondition(allHandlersFinished); return condition; }`,
            },
          ],
        },
      ],
    },
  ],
});

const H2 = `import { condition, continueAsNew, defineSignal, defineUpdate, proxyActivities, setHandler, allHandlersFinished } from '@temporalio/workflow';
const { charge } = proxyActivities<any>({ startToCloseTimeout: '1m' });
const pay = defineUpdate<string, [number]>('pay');
`;
const PAY = `setHandler(pay, async (n) => { await charge(n); return 'paid'; });`;

ruleTester.run('workflow-require-all-handlers-finished: registrations, options, predicates and control flow', rule, {
  valid: [
    // Malformed registrations and queries are not async handlers.
    {
      code: `${H2}declare const args: [any, any];
export async function w(): Promise<void> {
  setHandler(...args);
  (setHandler as any)();
  setHandler(pay);
  await charge(1);
}`,
      filename: W,
    },
    // Default handlers without a handler argument are ignored.
    {
      code: `${H2}import { setDefaultSignalHandler, setDefaultUpdateHandler } from '@temporalio/workflow';
declare const fns: [any];
export async function w(): Promise<void> {
  (setDefaultUpdateHandler as any)();
  setDefaultSignalHandler(...fns);
  await charge(0);
}`,
      filename: W,
    },
    // A block-bodied predicate that returns `allHandlersFinished()` counts.
    {
      code: `${H2}export async function w(): Promise<void> {
  ${PAY}
  class Local {}
  new Local();
  await condition(() => { return allHandlersFinished(); });
}`,
      filename: W,
    },
    // Paths that cannot fall off the end: if/else returning, try/finally returning, try/catch returning, an endless labeled loop.
    {
      code: `${H2}export async function a(x: boolean): Promise<string> {
  ${PAY}
  await condition(allHandlersFinished);
  if (x) { return 'a'; } else { return 'b'; }
}
export async function b(): Promise<string> {
  ${PAY}
  await condition(allHandlersFinished);
  try { return 'a'; } finally { return 'b'; }
}
export async function c(): Promise<string> {
  ${PAY}
  await condition(allHandlersFinished);
  try { await charge(1); return 'a'; } catch { return 'b'; }
}
export async function d(): Promise<string> {
  ${PAY}
  await condition(allHandlersFinished);
  outer: while (true) { for (;;) { break; } await charge(1); }
}
export async function e(): Promise<string> {
  ${PAY}
  await condition(allHandlersFinished);
  done: { return 'x'; }
}`,
      filename: W,
    },
  ],
  invalid: [
    // A workflow that is not `async` gets the reports but no suggestion (it cannot `await`).
    {
      code: `${H2}export function w(stop: boolean): Promise<string> {
  ${PAY}
  if (stop) continueAsNew<typeof w>(false);
  return Promise.resolve('x');
}`,
      filename: W,
      errors: [
        { messageId: 'continueAsNewWithoutWaiting', line: 6, column: 13, endLine: 6, endColumn: 43 },
        { messageId: 'returnWithoutWaiting', line: 7, column: 3, endLine: 7, endColumn: 31 },
      ],
    },
    // An inline definition has no name to quote; default handlers are named by their kind.
    {
      code: `${H2}import { setDefaultSignalHandler, setDefaultUpdateHandler } from '@temporalio/workflow';
export async function w(): Promise<void> {
  setHandler(defineUpdate<void>('inline'), async () => { await charge(1); });
  setDefaultSignalHandler(async () => { await charge(2); });
  setDefaultUpdateHandler(async () => { await charge(3); });
  await charge(0);
}`,
      filename: W,
      errors: [
        { messageId: 'endWithoutWaiting', line: 10, column: 1, endLine: 10, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}import { setDefaultSignalHandler, setDefaultUpdateHandler } from '@temporalio/workflow';
export async function w(): Promise<void> {
  setHandler(defineUpdate<void>('inline'), async () => { await charge(1); });
  setDefaultSignalHandler(async () => { await charge(2); });
  setDefaultUpdateHandler(async () => { await charge(3); });
  await charge(0);
  await condition(allHandlersFinished);
}` }] },
      ],
    },
    // Handler options: no policy (warns), `WARN_AND_ABANDON` (warns), `ABANDON` as a string or from `@temporalio/common` (silent), unreadable options (silent).
    {
      code: `${H2}import { HandlerUnfinishedPolicy } from '@temporalio/workflow';
import { HandlerUnfinishedPolicy as Common } from '@temporalio/common';
declare const opts: any;
declare const other: { ABANDON: string };
export async function a(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { description: 'pays' });
}
export async function b(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: HandlerUnfinishedPolicy.WARN_AND_ABANDON });
}
export async function c(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: 'ABANDON' } as any);
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: Common.ABANDON });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: other.ABANDON } as any);
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { ...opts });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, opts);
}`,
      filename: W,
      errors: [
        { messageId: 'endWithoutWaiting', line: 10, column: 1, endLine: 10, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}import { HandlerUnfinishedPolicy } from '@temporalio/workflow';
import { HandlerUnfinishedPolicy as Common } from '@temporalio/common';
declare const opts: any;
declare const other: { ABANDON: string };
export async function a(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { description: 'pays' });
  await condition(allHandlersFinished);
}
export async function b(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: HandlerUnfinishedPolicy.WARN_AND_ABANDON });
}
export async function c(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: 'ABANDON' } as any);
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: Common.ABANDON });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: other.ABANDON } as any);
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { ...opts });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, opts);
}` }] },
        { messageId: 'endWithoutWaiting', line: 13, column: 1, endLine: 13, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}import { HandlerUnfinishedPolicy } from '@temporalio/workflow';
import { HandlerUnfinishedPolicy as Common } from '@temporalio/common';
declare const opts: any;
declare const other: { ABANDON: string };
export async function a(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { description: 'pays' });
}
export async function b(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: HandlerUnfinishedPolicy.WARN_AND_ABANDON });
  await condition(allHandlersFinished);
}
export async function c(): Promise<void> {
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: 'ABANDON' } as any);
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: Common.ABANDON });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { unfinishedPolicy: other.ABANDON } as any);
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, { ...opts });
  setHandler(pay, async (n) => { await charge(n); return 'x'; }, opts);
}` }] },
      ],
    },
    // The wait is appended before the closing brace when the body ends on its line.
    {
      code: `${H2}export async function w(): Promise<void> { ${PAY} }`,
      filename: W,
      errors: [
        { messageId: 'endWithoutWaiting', line: 4, column: 111, endLine: 4, endColumn: 112, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function w(): Promise<void> { ${PAY} await condition(allHandlersFinished); }` }] },
      ],
    },
    // Anonymous default exports and function expressions are named by their binding.
    {
      code: `${H2}export default async function (): Promise<void> {
  ${PAY}
}
export const w2 = async function (): Promise<void> {
  ${PAY}
};`,
      filename: W,
      errors: [
        { messageId: 'endWithoutWaiting', line: 6, column: 1, endLine: 6, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}export default async function (): Promise<void> {
  ${PAY}
  await condition(allHandlersFinished);
}
export const w2 = async function (): Promise<void> {
  ${PAY}
};` }] },
        { messageId: 'endWithoutWaiting', line: 9, column: 1, endLine: 9, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}export default async function (): Promise<void> {
  ${PAY}
}
export const w2 = async function (): Promise<void> {
  ${PAY}
  await condition(allHandlersFinished);
};` }] },
      ],
    },
    // Waits that do not name `allHandlersFinished`, and calls of computed callees.
    {
      code: `${H2}declare const p: Promise<void>;
declare const a: (() => void) | undefined;
declare const b: () => void;
declare const args: [() => boolean];
export async function w(): Promise<void> {
  ${PAY}
  await p;
  await condition(...args);
  await (condition as any)();
  (a || b)();
  await condition(() => { b(); return true; });
  await condition(() => { return; });
  await condition(() => 1 > 2 && (3 > 4 || (5 > 6 && (7 > 8 || (9 > 10 && (11 > 12 || allHandlersFinished()))))));
}`,
      filename: W,
      errors: [
        { messageId: 'endWithoutWaiting', line: 17, column: 1, endLine: 17, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}declare const p: Promise<void>;
declare const a: (() => void) | undefined;
declare const b: () => void;
declare const args: [() => boolean];
export async function w(): Promise<void> {
  ${PAY}
  await p;
  await condition(...args);
  await (condition as any)();
  (a || b)();
  await condition(() => { b(); return true; });
  await condition(() => { return; });
  await condition(() => 1 > 2 && (3 > 4 || (5 > 6 && (7 > 8 || (9 > 10 && (11 > 12 || allHandlersFinished()))))));
  await condition(allHandlersFinished);
}` }] },
      ],
    },
    // A wait inside an `if` does not cover what follows the `if`.
    {
      code: `${H2}export async function w(x: boolean): Promise<string> {
  ${PAY}
  if (x) await condition(allHandlersFinished);
  return 'x';
}`,
      filename: W,
      errors: [
        { messageId: 'returnWithoutWaiting', line: 7, column: 3, endLine: 7, endColumn: 14, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function w(x: boolean): Promise<string> {
  ${PAY}
  if (x) await condition(allHandlersFinished);
  await condition(allHandlersFinished);
  return 'x';
}` }] },
      ],
    },
    // Paths that can fall off the end: a catch that completes, a try without catch that completes, an else that completes, a labeled break out of an endless loop.
    {
      code: `${H2}export async function a(): Promise<void> {
  ${PAY}
  try { await charge(1); } catch { await charge(2); }
}
export async function b(x: boolean): Promise<void> {
  ${PAY}
  if (x) return; else await charge(1);
}
export async function c(): Promise<void> {
  ${PAY}
  try { await charge(1); } finally { await charge(2); }
}
export async function d(): Promise<void> {
  ${PAY}
  outer: while (true) { for (;;) { break outer; } }
}
export async function e(): Promise<void> {
  ${PAY}
  while (true) { const f = () => { for (;;) break; }; f(); if (await condition(() => false, 1)) break; }
}`,
      filename: W,
      errors: [
        { messageId: 'endWithoutWaiting', line: 7, column: 1, endLine: 7, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function a(): Promise<void> {
  ${PAY}
  try { await charge(1); } catch { await charge(2); }
  await condition(allHandlersFinished);
}
export async function b(x: boolean): Promise<void> {
  ${PAY}
  if (x) return; else await charge(1);
}
export async function c(): Promise<void> {
  ${PAY}
  try { await charge(1); } finally { await charge(2); }
}
export async function d(): Promise<void> {
  ${PAY}
  outer: while (true) { for (;;) { break outer; } }
}
export async function e(): Promise<void> {
  ${PAY}
  while (true) { const f = () => { for (;;) break; }; f(); if (await condition(() => false, 1)) break; }
}` }] },
        { messageId: 'returnWithoutWaiting', line: 10, column: 10, endLine: 10, endColumn: 17, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function a(): Promise<void> {
  ${PAY}
  try { await charge(1); } catch { await charge(2); }
}
export async function b(x: boolean): Promise<void> {
  ${PAY}
  if (x) { await condition(allHandlersFinished); return; } else await charge(1);
}
export async function c(): Promise<void> {
  ${PAY}
  try { await charge(1); } finally { await charge(2); }
}
export async function d(): Promise<void> {
  ${PAY}
  outer: while (true) { for (;;) { break outer; } }
}
export async function e(): Promise<void> {
  ${PAY}
  while (true) { const f = () => { for (;;) break; }; f(); if (await condition(() => false, 1)) break; }
}` }] },
        { messageId: 'endWithoutWaiting', line: 11, column: 1, endLine: 11, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function a(): Promise<void> {
  ${PAY}
  try { await charge(1); } catch { await charge(2); }
}
export async function b(x: boolean): Promise<void> {
  ${PAY}
  if (x) return; else await charge(1);
  await condition(allHandlersFinished);
}
export async function c(): Promise<void> {
  ${PAY}
  try { await charge(1); } finally { await charge(2); }
}
export async function d(): Promise<void> {
  ${PAY}
  outer: while (true) { for (;;) { break outer; } }
}
export async function e(): Promise<void> {
  ${PAY}
  while (true) { const f = () => { for (;;) break; }; f(); if (await condition(() => false, 1)) break; }
}` }] },
        { messageId: 'endWithoutWaiting', line: 15, column: 1, endLine: 15, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function a(): Promise<void> {
  ${PAY}
  try { await charge(1); } catch { await charge(2); }
}
export async function b(x: boolean): Promise<void> {
  ${PAY}
  if (x) return; else await charge(1);
}
export async function c(): Promise<void> {
  ${PAY}
  try { await charge(1); } finally { await charge(2); }
  await condition(allHandlersFinished);
}
export async function d(): Promise<void> {
  ${PAY}
  outer: while (true) { for (;;) { break outer; } }
}
export async function e(): Promise<void> {
  ${PAY}
  while (true) { const f = () => { for (;;) break; }; f(); if (await condition(() => false, 1)) break; }
}` }] },
        { messageId: 'endWithoutWaiting', line: 19, column: 1, endLine: 19, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function a(): Promise<void> {
  ${PAY}
  try { await charge(1); } catch { await charge(2); }
}
export async function b(x: boolean): Promise<void> {
  ${PAY}
  if (x) return; else await charge(1);
}
export async function c(): Promise<void> {
  ${PAY}
  try { await charge(1); } finally { await charge(2); }
}
export async function d(): Promise<void> {
  ${PAY}
  outer: while (true) { for (;;) { break outer; } }
  await condition(allHandlersFinished);
}
export async function e(): Promise<void> {
  ${PAY}
  while (true) { const f = () => { for (;;) break; }; f(); if (await condition(() => false, 1)) break; }
}` }] },
        { messageId: 'endWithoutWaiting', line: 23, column: 1, endLine: 23, endColumn: 2, suggestions: [{ messageId: 'insertWait', output: `${H2}export async function a(): Promise<void> {
  ${PAY}
  try { await charge(1); } catch { await charge(2); }
}
export async function b(x: boolean): Promise<void> {
  ${PAY}
  if (x) return; else await charge(1);
}
export async function c(): Promise<void> {
  ${PAY}
  try { await charge(1); } finally { await charge(2); }
}
export async function d(): Promise<void> {
  ${PAY}
  outer: while (true) { for (;;) { break outer; } }
}
export async function e(): Promise<void> {
  ${PAY}
  while (true) { const f = () => { for (;;) break; }; f(); if (await condition(() => false, 1)) break; }
  await condition(allHandlersFinished);
}` }] },
      ],
    },
  ],
});
