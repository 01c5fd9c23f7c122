import rule from '../../src/rules/activity-no-workflow-apis.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/activities.ts';

ruleTester.run('activity-no-workflow-apis', rule, {
  valid: [
    // Idiomatic activity code.
    {
      filename,
      code: `
        import { sleep, heartbeat, log } from '@temporalio/activity';
        export async function poll() { heartbeat(); log.info('polling'); await sleep('1s'); }
      `,
    },
    // Exports of @temporalio/workflow that work anywhere: types, failures, definitions, uuid4, inWorkflowContext.
    {
      filename,
      code: `
        import { ApplicationFailure, defineSignal, isCancellation, uuid4, type WorkflowInfo } from '@temporalio/workflow';
        import { getClient } from '@temporalio/activity';
        export const approve = defineSignal<[boolean]>('approve');
        export async function notify(workflowId: string, info: WorkflowInfo) {
          try {
            await getClient().workflow.getHandle(workflowId).signal(approve, true);
          } catch (err) {
            if (isCancellation(err)) throw err;
            throw ApplicationFailure.nonRetryable('signal failed ' + uuid4() + info.workflowId);
          }
        }
      `,
    },
    // Workflow files are not activity code.
    {
      filename: 'src/workflows.ts',
      code: `
        import { sleep, proxyActivities } from '@temporalio/workflow';
        const { a } = proxyActivities({ startToCloseTimeout: '1m' });
        export async function wf() { await sleep('1s'); await a(); }
      `,
    },
    // Clients may use definitions from workflow modules.
    {
      filename: 'src/client.ts',
      code: `
        import { Client } from '@temporalio/client';
        import { workflowInfo } from '@temporalio/workflow';
        export const f = () => workflowInfo;
      `,
    },
    // Shared code that checks where it runs.
    {
      filename,
      code: `
        import { inWorkflowContext, log as wfLog } from '@temporalio/workflow';
        import { log } from '@temporalio/activity';
        export function logInfo(message: string) {
          if (inWorkflowContext()) wfLog.info(message);
          else log.info(message);
        }
      `,
    },
    // Same-named local functions.
    {
      filename,
      code: `
        const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
        export async function a() { await sleep(10); }
      `,
    },
    // A module that is workflow code too: module scope and helpers may run in workflows.
    {
      filename: 'src/shared/ids.ts',
      settings: { temporalio: { workflows: ['src/shared/**'], activities: ['src/shared/**'] } },
      code: `
        import { uuid4, workflowInfo, log } from '@temporalio/workflow';
        function currentRun() { return workflowInfo().runId; }
        log.info('loaded');
        const PREFIX = 'id-';
        export const makeId = (): string => PREFIX + uuid4();
      `,
    },
    // A reference without a call does not throw.
    {
      filename,
      code: `
        import * as wf from '@temporalio/workflow';
        export const api = { sleep: wf.sleep };
      `,
    },
  ],
  invalid: [
    // Named import of sleep: the suggestion moves the import to @temporalio/activity.
    {
      filename,
      code: `import { sleep } from '@temporalio/workflow';
export async function wait() {
  await sleep('5 seconds');
}`,
      errors: [
        {
          messageId: 'workflowOnlyApi',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 27,
          data: {
            name: 'sleep()',
            why: '',
            error: 'IllegalStateError: Workflow.sleep(...) may only be used from a Workflow Execution',
          },
          suggestions: [
            {
              messageId: 'useActivitySleep',
              output: `import { sleep } from '@temporalio/activity';
export async function wait() {
  await sleep('5 seconds');
}`,
            },
          ],
        },
      ],
    },
    // Alias; the workflow import keeps its other specifiers, the activity import gains `sleep`.
    {
      filename,
      code: `import { heartbeat } from '@temporalio/activity';
import { condition, sleep as pause } from "@temporalio/workflow";
export async function wait() {
  heartbeat();
  await pause(1000);
  await condition(() => true);
}`,
      errors: [
        {
          messageId: 'workflowOnlyApi',
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'useActivitySleep',
              output: `import { heartbeat, sleep as pause } from '@temporalio/activity';
import { condition } from "@temporalio/workflow";
export async function wait() {
  heartbeat();
  await pause(1000);
  await condition(() => true);
}`,
            },
          ],
        },
        { messageId: 'workflowOnlyApi', line: 6, column: 9, data: { name: 'condition()', why: '', error: 'IllegalStateError: Workflow.condition(...) may only be used from a Workflow Execution.' } },
      ],
    },
    // A new activity import when there is none.
    {
      filename,
      code: `import { sleep, workflowInfo } from '@temporalio/workflow';
export async function wait() {
  await sleep(1000);
  return workflowInfo().workflowId;
}`,
      errors: [
        {
          messageId: 'workflowOnlyApi',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'useActivitySleep',
              output: `import { workflowInfo } from '@temporalio/workflow';
import { sleep } from '@temporalio/activity';
export async function wait() {
  await sleep(1000);
  return workflowInfo().workflowId;
}`,
            },
          ],
        },
        { messageId: 'workflowOnlyApi', line: 4, column: 10 },
      ],
    },
    // Namespace import: the call is rewritten to the activity `sleep`, which is imported.
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export async function wait() {
  await wf.sleep('1s');
  wf.log.info('done');
}`,
      errors: [
        {
          messageId: 'workflowOnlyApi',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'useActivitySleep',
              output: `import * as wf from '@temporalio/workflow';
import { sleep } from '@temporalio/activity';
export async function wait() {
  await sleep('1s');
  wf.log.info('done');
}`,
            },
          ],
        },
        {
          messageId: 'workflowOnlyApi',
          line: 4,
          column: 3,
          data: { name: 'log.info()', why: '', error: 'IllegalStateError: Workflow.log(...) may only be used from workflow context.' },
        },
      ],
    },
    // No suggestion with timer options (the activity `sleep` has none), or when `sleep` is taken.
    {
      filename,
      code: `import { sleep } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
export async function wait() {
  await sleep('1s', { summary: 'x' });
  await wf.sleep('1s');
}`,
      errors: [
        { messageId: 'workflowOnlyApi', line: 4, column: 9, suggestions: [] },
        { messageId: 'workflowOnlyApi', line: 5, column: 9, suggestions: [] },
      ],
    },
    // Proxies: the call is reported once, not every activity call through it.
    {
      filename,
      code: `import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1m' });
export async function order() {
  const local = proxyLocalActivities({ startToCloseTimeout: '1m' });
  await charge();
  await local.refund();
}`,
      errors: [
        {
          messageId: 'workflowOnlyProxy',
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 66,
          data: {
            name: 'proxyActivities',
            why: '',
            error: 'IllegalStateError: Workflow.scheduleActivity(...) may only be used from a Workflow Execution',
          },
        },
        { messageId: 'workflowOnlyProxy', line: 4, column: 17 },
      ],
    },
    // Child workflows, continue-as-new, handlers, scopes, triggers.
    {
      filename,
      code: `import { executeChild, startChild, continueAsNew, setHandler, defineSignal, CancellationScope, Trigger, patched } from '@temporalio/workflow';
export async function orchestrate() {
  await executeChild('child');
  await startChild('child');
  setHandler(defineSignal('s'), () => {});
  await CancellationScope.nonCancellable(async () => {});
  const scope = new CancellationScope();
  const t = new Trigger<void>();
  if (patched('x')) await continueAsNew();
  return [scope, t];
}`,
      errors: [
        { messageId: 'workflowOnlyApi', line: 3, column: 9 },
        { messageId: 'workflowOnlyApi', line: 4, column: 9 },
        { messageId: 'workflowOnlyApi', line: 5, column: 3 },
        {
          messageId: 'workflowOnlyApi',
          line: 6,
          column: 9,
          data: { name: 'CancellationScope.nonCancellable()', why: '', error: 'TypeError: storage.getStore is not a function' },
        },
        { messageId: 'workflowOnlyApi', line: 7, column: 17, data: { name: 'new CancellationScope()', why: '', error: 'TypeError: storage.getStore is not a function' } },
        { messageId: 'workflowOnlyApi', line: 8, column: 13 },
        { messageId: 'workflowOnlyApi', line: 9, column: 7 },
        { messageId: 'workflowOnlyApi', line: 9, column: 27 },
      ],
    },
    // `require`, deep imports, and module scope (throws when the worker loads the module).
    {
      filename,
      code: `const { workflowInfo } = require('@temporalio/workflow');
const wf = require('@temporalio/workflow/lib/workflow');
const id = workflowInfo().workflowId;
exports.a = async () => wf.upsertMemo({ a: 1 });`,
      errors: [
        { messageId: 'workflowOnlyApi', line: 3, column: 12 },
        { messageId: 'workflowOnlyApi', line: 4, column: 25 },
      ],
    },
    // A file that imports @temporalio/activity is activity code whatever its name.
    {
      filename: 'src/jobs/cleanup.ts',
      code: `import { heartbeat } from '@temporalio/activity';
import { workflowInfo } from '@temporalio/workflow';
export async function cleanup() { heartbeat(workflowInfo().runId); }`,
      errors: [
        {
          messageId: 'workflowOnlyApi',
          line: 3,
          column: 45,
          data: {
            name: 'workflowInfo()',
            why: '',
            error: 'IllegalStateError: Workflow.workflowInfo(...) may only be used from a Workflow Execution.',
          },
        },
      ],
    },
    // A registered activity function in a module that is also in the workflow bundle: the chain says why.
    {
      filename: 'src/shared/notify.ts',
      settings: { temporalio: { workflows: ['src/shared/**'], activities: ['src/shared/**'] } },
      code: `import { sleep } from '@temporalio/workflow';
await sleep(1);
export async function notify(): Promise<void> {
  await sleep('1s');
}`,
      errors: [
        {
          messageId: 'workflowOnlyApi',
          line: 4,
          column: 9,
          data: {
            name: 'sleep()',
            why: ' (settings.temporalio.activities → src/shared/notify.ts)',
            error: 'IllegalStateError: Workflow.sleep(...) may only be used from a Workflow Execution',
          },
          suggestions: [
            {
              messageId: 'useActivitySleep',
              output: `import { sleep } from '@temporalio/activity';
await sleep(1);
export async function notify(): Promise<void> {
  await sleep('1s');
}`,
            },
          ],
        },
      ],
    },
    // Optional call and parenthesised callee.
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export async function a() { (wf.workflowInfo)?.(); wf.metricMeter.createCounter('c'); }`,
      errors: [
        { messageId: 'workflowOnlyApi', line: 2, column: 29 },
        { messageId: 'workflowOnlyApi', line: 2, column: 52 },
      ],
    },
  ],
});
