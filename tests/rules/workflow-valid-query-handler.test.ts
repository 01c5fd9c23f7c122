import path from 'node:path';
import rule from '../../src/rules/workflow-valid-query-handler.js';
import { createRuleTester, FIXTURES_DIR } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/workflows.ts';
const fixtureWorkflows = path.join(FIXTURES_DIR, 'workflow-semantics/src/workflows.ts');

ruleTester.run('workflow-valid-query-handler', rule, {
  valid: [
    // samples: message-passing/introduction
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export const getLanguages = wf.defineQuery<string[], [{ includeUnsupported: boolean }]>('getLanguages');
export const approve = wf.defineSignal<[{ name: string }]>('approve');
export const setLanguage = wf.defineUpdate<string, [string]>('setLanguage');
export const getLanguage = wf.defineQuery<string>('getLanguage');
export async function greetingWorkflow(): Promise<string> {
  const greetings: Record<string, string> = { en: 'Hello, world' };
  let approvedForRelease = false;
  let language = 'en';
  wf.setHandler(getLanguages, (input) => {
    if (input.includeUnsupported) {
      return ['en', 'fr'];
    } else {
      return Object.keys(greetings);
    }
  });
  wf.setHandler(approve, (input) => {
    approvedForRelease = true;
    wf.log.info(input.name);
  });
  wf.setHandler(
    setLanguage,
    (newLanguage: string) => {
      const previousLanguage = language;
      language = newLanguage;
      return previousLanguage;
    },
    {
      validator: (newLanguage: string) => {
        if (!(newLanguage in greetings)) {
          throw new wf.ApplicationFailure(\`\${newLanguage} is not supported\`);
        }
      },
    },
  );
  wf.setHandler(getLanguage, () => {
    return language;
  });
  await wf.condition(() => approvedForRelease);
  return greetings[language] ?? '';
}`,
    },
    // samples: signals-queries; named handler functions; local state inside the handler
    {
      filename,
      code: `import { defineQuery, defineSignal, setHandler, condition } from '@temporalio/workflow';
export const unblockSignal = defineSignal('unblock');
export const isBlockedQuery = defineQuery<boolean>('isBlocked');
export const statsQuery = defineQuery<{ total: number }>('stats');
export async function unblockOrCancel(): Promise<void> {
  let isBlocked = true;
  const items: number[] = [];
  setHandler(unblockSignal, () => void (isBlocked = false));
  setHandler(isBlockedQuery, () => isBlocked);
  function stats() {
    let total = 0;
    const copy = [...items].sort();
    copy.reverse();
    items.forEach((i) => { total += i; });
    const out = { total };
    out.total += 1;
    return out;
  }
  setHandler(statsQuery, stats);
  await condition(() => !isBlocked);
}`,
    },
    // signal and update handlers may change state and call activities
    {
      filename,
      code: `import { defineSignal, defineUpdate, setHandler, proxyActivities, sleep } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute' });
export const pay = defineUpdate<void, [number]>('pay');
export const poke = defineSignal('poke');
export async function f(): Promise<void> {
  let paid = 0;
  setHandler(pay, async (amount) => { await charge(amount); paid += amount; }, { validator: (amount) => { if (amount <= 0) throw new Error('positive'); } });
  setHandler(poke, async () => { await sleep(1); paid = 0; });
}`,
    },
    // kind unknown (a parameter): not reported
    {
      filename,
      code: `import { setHandler, sleep } from '@temporalio/workflow';
export function register(def: any): void {
  let n = 0;
  setHandler(def, async () => { n++; await sleep(1); });
}`,
    },
    // same-named local setHandler
    {
      filename,
      code: `import { defineQuery } from '@temporalio/workflow';
function setHandler(_d: unknown, _h: () => unknown) {}
export const q = defineQuery('q');
let n = 0;
setHandler(q, async () => n++);`,
    },
    // not workflow code
    {
      filename: 'src/client.ts',
      code: `import { defineQuery, setHandler } from '@temporalio/workflow';
export const q = defineQuery('q');
let n = 0;
setHandler(q, async () => n++);`,
    },
    // a query definition imported from another file, handler read-only
    {
      filename: fixtureWorkflows,
      code: `import { setHandler } from '@temporalio/workflow';
import { getBalance, deposit } from './messages';
export async function account(): Promise<void> {
  let balance = 0;
  setHandler(getBalance, () => balance);
  setHandler(deposit, (n) => { balance += n; });
}`,
    },
  ],
  invalid: [
    // async query handler (untyped defineQuery accepts it at compile time)
    {
      filename,
      code: `import { defineQuery, setHandler } from '@temporalio/workflow';
export const q = defineQuery('q');
export async function f(): Promise<void> {
  setHandler(q, async () => 1);
}`,
      errors: [{ messageId: 'asyncQueryHandler', data: { why: '' }, line: 4, column: 17, endLine: 4, endColumn: 22 }],
    },
    // samples (safe-message-handlers): an async validator never rejects
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export const assign = wf.defineUpdate<void, [number]>('assign');
export async function f(): Promise<void> {
  wf.setHandler(assign, () => undefined, {
    validator: async (n: number): Promise<void> => {
      if (n <= 0) throw new Error('positive');
    },
  });
  wf.setHandler(assign, () => undefined, {
    async validator(n: number) {
      if (n <= 0) throw new Error('positive');
    },
  });
}`,
      errors: [
        { messageId: 'asyncValidator', data: { why: '' }, line: 5, column: 16, endLine: 5, endColumn: 21 },
        { messageId: 'asyncValidator', data: { why: '' }, line: 10, column: 5, endLine: 10, endColumn: 10 },
      ],
    },
    // mutations of outer state in a query handler
    {
      filename,
      code: `import { defineQuery, setHandler } from '@temporalio/workflow';
export const q = defineQuery<number>('q');
let reads = 0;
export async function f(): Promise<void> {
  const state = { count: 0, items: [3, 1, 2] };
  const seen = new Set<string>();
  setHandler(q, () => {
    reads++;
    state.count = 1;
    state.items.sort();
    seen.add('x');
    delete (state as any).count;
    Object.assign(state, { count: 2 });
    return state.count;
  });
}`,
      errors: [
        { messageId: 'mutationInQueryHandler', data: { name: 'reads', why: '' }, line: 8, column: 5 },
        { messageId: 'mutationInQueryHandler', data: { name: 'state.count', why: '' }, line: 9, column: 5 },
        { messageId: 'mutationInQueryHandler', data: { name: 'state.items', why: '' }, line: 10, column: 5 },
        { messageId: 'mutationInQueryHandler', data: { name: 'seen', why: '' }, line: 11, column: 5 },
        { messageId: 'mutationInQueryHandler', data: { name: '(state as any).count', why: '' }, line: 12, column: 5 },
        { messageId: 'mutationInQueryHandler', data: { name: 'state', why: '' }, line: 13, column: 5 },
      ],
    },
    // workflow APIs in a query handler, aliases and namespaces, default query handler
    {
      filename,
      code: `import { defineQuery as dq, setHandler as on, patched, proxyActivities } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
const acts = proxyActivities({ startToCloseTimeout: 1000 });
export const q = dq<boolean>('q');
export async function f(): Promise<void> {
  on(q, () => {
    void acts.refresh();
    wf.setHandler(q, () => false);
    return patched('v2');
  });
  wf.setDefaultQueryHandler(() => wf.sleep(1));
}`,
      errors: [
        { messageId: 'workflowCallInQueryHandler', data: { callee: 'acts.refresh', why: '' }, line: 7, column: 10 },
        { messageId: 'workflowCallInQueryHandler', data: { callee: 'wf.setHandler', why: '' }, line: 8, column: 5 },
        { messageId: 'workflowCallInQueryHandler', data: { callee: 'patched', why: '' }, line: 9, column: 12 },
        { messageId: 'workflowCallInQueryHandler', data: { callee: 'wf.sleep', why: '' }, line: 11, column: 35 },
      ],
    },
    // an update validator that changes state and calls workflow APIs; a named validator function
    {
      filename,
      code: `import { defineUpdate, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
export const u = defineUpdate<void, [number]>('u');
export async function f(): Promise<void> {
  let validated = 0;
  function validate(n: number): void {
    validated = n;
    upsertSearchAttributes({});
  }
  setHandler(u, () => undefined, { validator: validate });
}`,
      errors: [
        { messageId: 'mutationInValidator', data: { name: 'validated', why: '' }, line: 6, column: 5 },
        { messageId: 'workflowCallInValidator', data: { callee: 'upsertSearchAttributes', why: '' }, line: 7, column: 5 },
      ],
    },
    // class-based state through this; a query definition from another file
    {
      filename: fixtureWorkflows,
      code: `import { setHandler } from '@temporalio/workflow';
import { getBalance } from './messages';
export class Account {
  balance = 0;
  queries = 0;
  register(): void {
    setHandler(getBalance, () => {
      this.queries += 1;
      return this.balance;
    });
  }
}`,
      errors: [{ messageId: 'mutationInQueryHandler', data: { name: 'this.queries', why: '' }, line: 8, column: 7 }],
    },
    // re-exported through a local barrel
    {
      filename: fixtureWorkflows,
      code: `import { setHandler, defineQuery, sleep } from './temporal';
export const q = defineQuery<number>('q');
export async function f(): Promise<void> {
  setHandler(q, () => {
    void sleep(1);
    return 1;
  });
}`,
      errors: [{ messageId: 'workflowCallInQueryHandler', data: { callee: 'sleep', why: '' }, line: 5, column: 10 }],
    },
    // require
    {
      filename,
      code: `const { setHandler, defineQuery } = require('@temporalio/workflow');
const q = defineQuery('q');
let hits = 0;
setHandler(q, () => (hits += 1));`,
      errors: [{ messageId: 'mutationInQueryHandler', data: { name: 'hits', why: '' }, line: 4, column: 22 }],
    },
  ],
});
