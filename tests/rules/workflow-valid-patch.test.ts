import rule from '../../src/rules/workflow-valid-patch.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';

ruleTester.run('workflow-valid-patch', rule, {
  valid: [
    // The patching-api sample, v2 and v3.
    {
      code: `import { proxyActivities, sleep } from '@temporalio/workflow';
import type * as activities from './activities';
const { activityB, activityA, activityThatMustRunAfterA } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });
import { patched } from '@temporalio/workflow';
export async function myWorkflow(): Promise<void> {
  if (patched('my-change-id')) {
    await activityB();
    await sleep('1 days');
  } else {
    await activityA();
    await sleep('1 days');
    await activityThatMustRunAfterA();
  }
}`,
      filename: W,
    },
    {
      code: `import { deprecatePatch, sleep } from '@temporalio/workflow';
export async function myWorkflow(): Promise<void> {
  deprecatePatch('my-change-id');
  await sleep('1 days');
}`,
      filename: W,
    },
    // One id checked in several places of one workflow: the SDK memoises the decision per id.
    {
      code: `import * as wf from '@temporalio/workflow';
const PATCH = 'v2-discount';
enum Patches { Tax = 'tax-rounding' }
export async function order(): Promise<number> {
  const discount = wf.patched(PATCH) ? 10 : 0;
  const tax = wf.patched(Patches.Tax) ? 1 : 2;
  if (wf.patched(PATCH)) await wf.sleep(1);
  return discount + tax;
}
// The same id in another workflow is a different patch.
export async function refund(): Promise<void> { wf.deprecatePatch(PATCH); }`,
      filename: W,
    },
    // Imported ids and a wrapper that passes its parameter through.
    {
      code: `import { patched } from '@temporalio/workflow';
import { PATCHES } from './patches';
function isPatched(id: string): boolean { return patched(id); }
export async function wf(): Promise<boolean> { return patched(PATCHES.v2) || isPatched('v3'); }`,
      filename: W,
    },
    // In signal and update handlers (replayed like workflow code) it is fine.
    {
      code: `import { patched, setHandler, defineSignal, defineUpdate } from '@temporalio/workflow';
const s = defineSignal('s');
const u = defineUpdate<number>('u');
export async function wf(): Promise<void> {
  setHandler(s, () => { if (patched('sig-v2')) {} });
  setHandler(u, () => (patched('upd-v2') ? 2 : 1), { validator: () => {} });
}`,
      filename: W,
    },
    // Same-named local function, other package, not workflow code.
    { code: `function patched(id: string) { return id; }\npatched(Math.random().toString());`, filename: W },
    { code: `import { patched } from './my-flags';\npatched(name);`, filename: W },
    { code: `import { patched } from '@temporalio/workflow';\nexport const x = patched('a');`, filename: 'src/client.ts' },
  ],
  invalid: [
    {
      code: `import { patched } from '@temporalio/workflow';\nconst useNew = patched('v2');\nexport async function wf(): Promise<boolean> { return useNew; }`,
      filename: W,
      errors: [
        { messageId: 'patchAtModuleScope', data: { fn: 'patched', why: '' }, line: 2, column: 16, endLine: 2, endColumn: 29 },
      ],
    },
    {
      // Static class fields run at module load too; instance fields do not.
      code: `import * as wf from '@temporalio/workflow';\nclass Flags { static v2 = wf.patched('v2'); v3 = wf.patched('v3'); }`,
      filename: W,
      errors: [{ messageId: 'patchAtModuleScope', line: 2, column: 27 }],
    },
    {
      code: `import { patched, deprecatePatch as dp } from '@temporalio/workflow';
export async function wf(input: { version: string }, n: number): Promise<void> {
  if (patched(input.version)) {}
  let id = 'a'; id = 'b';
  dp(id);
  if (patched(\`v\${n}\`)) {}
  if (patched(getId())) {}
  if (patched(42 as any)) {}
}`,
      filename: W,
      errors: [
        { messageId: 'nonLiteralPatchId', data: { fn: 'patched', why: '' }, line: 3, column: 15, endLine: 3, endColumn: 28 },
        { messageId: 'nonLiteralPatchId', data: { fn: 'deprecatePatch', why: '' }, line: 5, column: 6 },
        { messageId: 'nonLiteralPatchId', line: 6, column: 15 },
        { messageId: 'nonLiteralPatchId', line: 7, column: 15 },
        { messageId: 'nonLiteralPatchId', line: 8, column: 15 },
      ],
    },
    {
      // Computed member access and parentheses.
      code: `import * as wf from '@temporalio/workflow';\nexport async function w(x: { y: string }): Promise<boolean> { return (wf['patched'])(x.y); }`,
      filename: W,
      errors: [{ messageId: 'nonLiteralPatchId', line: 2, column: 86 }],
    },
    {
      // Query handlers (inline, by reference, default) and update validators.
      code: `import { patched, deprecatePatch, setHandler, setDefaultQueryHandler, defineQuery, defineUpdate } from '@temporalio/workflow';
const q = defineQuery<boolean>('q');
const u = defineUpdate<void, [number]>('u');
export async function wf(): Promise<void> {
  setHandler(q, () => patched('v2'));
  const status = () => { deprecatePatch('v1'); return true; };
  setHandler(q, status);
  setHandler(u, () => {}, { validator: (n: number) => { if (patched('v3')) {} } });
  setDefaultQueryHandler(() => patched('v4'));
}`,
      filename: W,
      errors: [
        {
          messageId: 'patchInReadOnlyHandler',
          data: {
            fn: 'patched',
            handler: 'a query handler',
            detail: 'queries run outside the workflow history, so the answer can differ from what the workflow code decides and no marker is recorded',
            why: '',
          },
          line: 5,
          column: 23,
        },
        { messageId: 'patchInReadOnlyHandler', data: { fn: 'deprecatePatch', handler: 'a query handler', detail: 'queries run outside the workflow history, so the answer can differ from what the workflow code decides and no marker is recorded', why: '' }, line: 6, column: 26 },
        {
          messageId: 'patchInReadOnlyHandler',
          data: {
            fn: 'patched',
            handler: 'an update validator',
            detail: 'validators do not run when history is replayed, so a marker recorded there is missing on replay and the replay fails with a nondeterminism error',
            why: '',
          },
          line: 8,
          column: 61,
        },
        { messageId: 'patchInReadOnlyHandler', line: 9, column: 32 },
      ],
    },
    {
      // `patched` and `deprecatePatch` for one id in one workflow.
      code: `import { patched, deprecatePatch } from '@temporalio/workflow';
export async function order(): Promise<void> {
  deprecatePatch('v2');
  if (patched('v2')) {}
}`,
      filename: W,
      errors: [
        { messageId: 'patchedAndDeprecated', data: { id: 'v2', workflow: 'order', why: '' }, line: 3, column: 3, endLine: 3, endColumn: 23 },
      ],
    },
    {
      code: `import * as wf from '@temporalio/workflow';
const V2 = 'v2';
export const order = async (): Promise<void> => {
  const helper = () => wf.patched(V2);
  wf.deprecatePatch('v2');
  if (helper()) {}
};`,
      filename: W,
      errors: [{ messageId: 'patchedAndDeprecated', data: { id: 'v2', workflow: 'order', why: '' }, line: 5, column: 3 }],
    },
    {
      // A discarded `patched()`: suggestion to deprecate instead (named, namespace, alias imports).
      code: `import { patched, sleep } from '@temporalio/workflow';\nexport async function wf(): Promise<void> {\n  patched('v2');\n  await sleep(1);\n}`,
      filename: W,
      errors: [
        {
          messageId: 'patchedResultUnused',
          data: { id: "'v2'", why: '' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'useDeprecatePatch',
              output: `import { patched, sleep, deprecatePatch } from '@temporalio/workflow';\nexport async function wf(): Promise<void> {\n  deprecatePatch('v2');\n  await sleep(1);\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as wf from '@temporalio/workflow';\nexport async function w(): Promise<void> { void wf.patched('v2'); }`,
      filename: W,
      errors: [
        {
          messageId: 'patchedResultUnused',
          line: 2,
          column: 49,
          suggestions: [
            {
              messageId: 'useDeprecatePatch',
              output: `import * as wf from '@temporalio/workflow';\nexport async function w(): Promise<void> { void wf.deprecatePatch('v2'); }`,
            },
          ],
        },
      ],
    },
    {
      code: `const { patched: p, deprecatePatch: dp } = require('@temporalio/workflow');\nexport async function w() { p('v2'); }`,
      filename: W,
      errors: [
        {
          messageId: 'patchedResultUnused',
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'useDeprecatePatch',
              output: `const { patched: p, deprecatePatch: dp } = require('@temporalio/workflow');\nexport async function w() { dp('v2'); }`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('workflow-valid-patch: read-only handlers through bindings, ids and names', rule, {
  valid: [],
  invalid: [
    // Read-only places reached through bindings: the default query handler, a named query handler, a validator; other option keys and spreads are ignored.
    {
      code: `import { defineQuery, defineUpdate, deprecatePatch, patched, setDefaultQueryHandler, setHandler } from '@temporalio/workflow';
const q = defineQuery<boolean>('q');
const u = defineUpdate<void, [number]>('u');
declare const args: [any, any];
function onQuery(): boolean { return patched('in-query'); }
function defaultQuery(): boolean { return patched('in-default-query'); }
function validate(): void { deprecatePatch('in-validator'); }
export async function wf(): Promise<void> {
  setDefaultQueryHandler(defaultQuery);
  setHandler(q, onQuery);
  setHandler(u, () => {}, { validator: validate, description: 'x', ['validator']: validate } as any);
  setHandler(...args);
  (0, setHandler)(q, () => true);
}`,
      filename: W,
      errors: [
        { messageId: 'patchInReadOnlyHandler', line: 5, column: 38, endLine: 5, endColumn: 57 },
        { messageId: 'patchInReadOnlyHandler', line: 6, column: 43, endLine: 6, endColumn: 70 },
        { messageId: 'patchInReadOnlyHandler', line: 7, column: 29, endLine: 7, endColumn: 59 },
      ],
    },
    // Patch calls without an id, through computed callees, and workflows named by object properties.
    {
      code: `import * as wf from '@temporalio/workflow';
declare const ids: [string];
export const workflows = {
  async order(): Promise<void> {
    if ((wf.patched as any)()) return;
    if (wf.patched(...ids)) return;
    wf.deprecatePatch('v2');
    if (wf['patched']('v2')) return;
  },
};`,
      filename: W,
      errors: [
        { messageId: 'patchedAndDeprecated', line: 7, column: 5, endLine: 7, endColumn: 28 },
      ],
    },
  ],
});
