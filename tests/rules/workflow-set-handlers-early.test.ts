import path from 'node:path';
import rule from '../../src/rules/workflow-set-handlers-early.js';
import { createRuleTester, FIXTURES_DIR } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/workflows.ts';
const fixtureWorkflows = path.join(FIXTURES_DIR, 'workflow-semantics/src/workflows.ts');

ruleTester.run('workflow-set-handlers-early', rule, {
  valid: [
    // samples: every handler registered before the first await
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export const setLanguage = wf.defineUpdate<string, [string]>('setLanguage');
export const approve = wf.defineSignal('approve');
export async function greeting(): Promise<void> {
  let approved = false;
  let language = 'en';
  wf.setHandler(approve, () => void (approved = true));
  wf.setHandler(setLanguage, (l) => { const prev = language; language = l; return prev; }, {
    validator: (l) => { if (l === '') throw new wf.ApplicationFailure('empty'); },
  });
  await wf.condition(() => approved);
}`,
    },
    // signals are buffered until a handler exists, queries are not about lost work: not reported
    {
      filename,
      code: `import { defineSignal, defineQuery, setHandler, sleep } from '@temporalio/workflow';
export const poke = defineSignal('poke');
export const status = defineQuery<string>('status');
export async function f(): Promise<void> {
  await sleep('1 minute');
  setHandler(poke, () => undefined);
  setHandler(status, () => 'ok');
}`,
    },
    // awaits that do not end the activation; a local helper that never waits
    {
      filename,
      code: `import { defineUpdate, setHandler, condition } from '@temporalio/workflow';
export const u = defineUpdate<void>('u');
async function parse(input: string) { return JSON.parse(input); }
export async function f(input: string): Promise<void> {
  await null;
  await Promise.resolve();
  const data = await parse(input);
  setHandler(u, () => undefined);
  await condition(() => data !== undefined);
}`,
    },
    // registration in a branch, or awaits in branches: not judged (only the straight-line order is)
    {
      filename,
      code: `import { defineUpdate, setHandler, sleep } from '@temporalio/workflow';
export const u = defineUpdate<void>('u');
export async function f(early: boolean): Promise<void> {
  if (!early) {
    await sleep(1);
  }
  setHandler(u, () => undefined);
  await sleep(1);
  if (early) {
    setHandler(u, () => undefined);
  }
}`,
    },
    // awaits only in a conditional branch of an expression do not count
    {
      filename,
      code: `import { defineUpdate, setHandler, sleep } from '@temporalio/workflow';
export const u = defineUpdate<void>('u');
export async function f(wait: boolean): Promise<void> {
  const x = wait ? await sleep(1) : undefined;
  wait && (await sleep(1));
  for (const i of [1, 2]) await sleep(i);
  setHandler(u, () => undefined);
  await sleep(x ?? 1);
}`,
    },
    // not an exported workflow function; same-named local setHandler; kind unknown
    {
      filename,
      code: `import { defineUpdate, sleep } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
function setHandler(_d: unknown, _h: () => void) {}
export const u = defineUpdate<void>('u');
async function helper(): Promise<void> {
  await sleep(1);
  wf.setHandler(u, () => undefined);
}
export async function f(def: any): Promise<void> {
  await helper();
  setHandler(u, () => undefined);
  wf.setHandler(def, () => undefined);
}`,
    },
    // not workflow code
    {
      filename: 'src/client.ts',
      code: `import { defineUpdate, setHandler, sleep } from '@temporalio/workflow';
export const u = defineUpdate<void>('u');
export async function f(): Promise<void> {
  await sleep(1);
  setHandler(u, () => undefined);
}`,
    },
  ],
  invalid: [
    {
      filename,
      code: `import { defineUpdate, setHandler, proxyActivities } from '@temporalio/workflow';
const { load } = proxyActivities({ startToCloseTimeout: '1 minute' });
export const setValue = defineUpdate<void, [number]>('setValue');
export async function f(): Promise<void> {
  let value = await load();
  setHandler(setValue, (v) => { value = v; });
}`,
      errors: [
        {
          messageId: 'lateUpdateHandler',
          data: { what: 'handler for update `setValue`', line: 5, why: '' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 46,
        },
      ],
    },
    // aliases, namespaces, inline definitions, default handler, a top-level try, an awaiting local helper
    {
      filename,
      code: `import { setHandler as on, defineUpdate as du, setDefaultUpdateHandler } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
export const u = wf.defineUpdate<void>('u');
async function warmUp(): Promise<void> {
  await wf.sleep(1);
}
export const f = async (): Promise<void> => {
  try {
    await warmUp();
    on(u, () => undefined);
    wf.setHandler(du('inline'), () => undefined);
    setDefaultUpdateHandler(() => undefined);
  } finally {
    wf.log.info('done');
  }
};`,
      errors: [
        {
          messageId: 'lateUpdateHandler',
          data: { what: 'handler for update `u`', line: 9, why: '' },
          line: 10,
          column: 5,
        },
        {
          messageId: 'lateUpdateHandler',
          data: { what: "handler for update `du('inline')`", line: 9, why: '' },
          line: 11,
          column: 5,
        },
        {
          messageId: 'lateUpdateHandler',
          data: { what: 'default update handler', line: 9, why: '' },
          line: 12,
          column: 5,
        },
      ],
    },
    // awaits in an if or switch head always run
    {
      filename,
      code: `import { defineUpdate, setHandler, condition } from '@temporalio/workflow';
export const u = defineUpdate<void>('u');
export async function f(): Promise<void> {
  if (await condition(() => false, '1s')) return;
  setHandler(u, () => undefined);
}
export async function g(): Promise<void> {
  switch (await condition(() => false, '1s')) {
    default:
  }
  setHandler(u, () => undefined);
}`,
      errors: [
        { messageId: 'lateUpdateHandler', data: { what: 'handler for update `u`', line: 4, why: '' }, line: 5, column: 3 },
        { messageId: 'lateUpdateHandler', data: { what: 'handler for update `u`', line: 8, why: '' }, line: 11, column: 3 },
      ],
    },
    // export { wf }, for await, assignment of an await; an update definition from another file
    {
      filename: fixtureWorkflows,
      code: `import { setHandler, condition } from '@temporalio/workflow';
import { withdraw } from './messages';
async function account(stream: AsyncIterable<number>): Promise<void> {
  let balance = 0;
  balance = await condition(() => true, '1s') ? 1 : 0;
  setHandler(withdraw, (n) => { balance -= n; return balance; });
  for await (const n of stream) balance += n;
}
export { account };
export default async function other(stream: AsyncIterable<number>): Promise<void> {
  for await (const n of stream) void n;
  setHandler(withdraw, () => 0);
}`,
      errors: [
        {
          messageId: 'lateUpdateHandler',
          data: { what: 'handler for update `withdraw`', line: 5, why: '' },
          line: 6,
          column: 3,
        },
        {
          messageId: 'lateUpdateHandler',
          data: { what: 'handler for update `withdraw`', line: 11, why: '' },
          line: 12,
          column: 3,
        },
      ],
    },
    // re-exported through a local barrel
    {
      filename: fixtureWorkflows,
      code: `import { setHandler, defineUpdate, sleep } from './temporal';
export const u = defineUpdate<void>('u');
export async function f(): Promise<void> {
  await sleep(1);
  setHandler(u, () => undefined);
}`,
      errors: [
        { messageId: 'lateUpdateHandler', data: { what: 'handler for update `u`', line: 4, why: '' }, line: 5, column: 3 },
      ],
    },
    // require
    {
      filename,
      code: `const wf = require('@temporalio/workflow');
const u = wf.defineUpdate('u');
export async function f() {
  await wf.sleep(1);
  wf.setHandler(u, () => undefined);
}`,
      errors: [
        { messageId: 'lateUpdateHandler', data: { what: 'handler for update `u`', line: 4, why: '' }, line: 5, column: 3 },
      ],
    },
  ],
});

const UPDATE_HEADER = `import { condition, defineUpdate, setHandler, sleep } from '@temporalio/workflow';
const u = defineUpdate<void, [number]>('u');
`;

ruleTester.run('workflow-set-handlers-early: helpers, blocks and long definitions', rule, {
  valid: [],
  invalid: [
    // Awaits in a nested block and of helpers that return a Temporal promise end the activation; a helper whose own body never waits does not.
    {
      code: `${UPDATE_HEADER}declare const p: Promise<void>;
const helperReturning = () => sleep(1);
function helperForAwait(xs: AsyncIterable<number>) { return (async () => { for await (const x of xs) void x; })(); }
function helperReturnStatement() { return condition(() => true); }
export async function a(): Promise<void> {
  let x;
  { await p; }
  setHandler(u, () => {});
  void x;
}
export async function b(): Promise<void> {
  await helperReturning();
  setHandler(u, () => {});
}
export async function c(): Promise<void> {
  await helperReturnStatement();
  setHandler(u, () => {});
}
export async function d(xs: AsyncIterable<number>): Promise<void> {
  await helperForAwait(xs);
  setHandler(u, () => {});
}
export const e = async (): Promise<void> => sleep(1);`,
      filename,
      errors: [
        { messageId: 'lateUpdateHandler', line: 10, column: 3, endLine: 10, endColumn: 26 },
        { messageId: 'lateUpdateHandler', line: 15, column: 3, endLine: 15, endColumn: 26 },
        { messageId: 'lateUpdateHandler', line: 19, column: 3, endLine: 19, endColumn: 26 },
      ],
    },
    // A long update definition expression is shortened in the message; other statements after the first await are ignored.
    {
      code: `${UPDATE_HEADER}export async function a(): Promise<void> {
  await sleep(1);
  setHandler(defineUpdate<void, [number, string, boolean]>('a-very-long-update-name-for-the-message'), () => {});
  (setHandler as any);
  console.log('x');
  label: for (;;) break label;
}`,
      filename,
      errors: [
        { messageId: 'lateUpdateHandler', line: 5, column: 3, endLine: 5, endColumn: 113 },
      ],
    },
  ],
});
