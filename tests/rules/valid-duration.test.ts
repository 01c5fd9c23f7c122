import rule from '../../src/rules/valid-duration.js';
import path from 'node:path';
import { FIXTURES_DIR, createRuleTester, createTypedRuleTester, typedFile } from '../rule-tester.js';

const ruleTester = createRuleTester();
/** A file of a project whose `src/wf.ts` re-exports `@temporalio/workflow` APIs (renamed, as a namespace, ...). */
const BARRELS = path.join(FIXTURES_DIR, 'projects/barrels/src/workflows/a.ts');
const WORKFLOWS = 'src/workflows.ts';
/** A project on disk whose `src/options.ts` exports shared options (followed through the project model). */
const CROSS_FILE = path.join(FIXTURES_DIR, 'projects/activity-options/src/workflows.ts');

ruleTester.run('valid-duration', rule, {
  valid: [
    // A const imported from another project file.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import { TIMEOUTS } from './options';
proxyActivities(TIMEOUTS);
`,
      filename: CROSS_FILE,
    },
    // How the official samples write it.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
`,
      filename: WORKFLOWS,
    },
    // Every unit, spacing and case the ms@3.0.0-canary.1 grammar accepts; numbers of 100 ms and more; computed numbers.
    {
      code: `
import { proxyActivities, sleep, condition } from '@temporalio/workflow';
proxyActivities({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '10s',
  heartbeatTimeout: 30_000,
  scheduleToStartTimeout: 60 * 1000,
  retry: { initialInterval: '.5s', maximumInterval: '10 MS' },
});
export async function wf(d: string) {
  await sleep('1  m');
  await sleep('5 ');
  await sleep('1.5h');
  await sleep('2 yrs');
  await sleep('3 Weeks');
  await sleep('250');
  await sleep(0);
  await sleep(-5);
  await sleep(d);
  await condition(() => true, '1 day');
}
`,
      filename: WORKFLOWS,
    },
    // A local function that happens to be called `sleep`.
    {
      code: `
function sleep(ms: number) { return new Promise((r) => setTimeout(r, ms)); }
export async function wf() { await sleep(5); }
`,
      filename: WORKFLOWS,
    },
    // A shadowed import.
    {
      code: `
import { sleep } from '@temporalio/workflow';
export async function wf(sleep: (ms: number) => Promise<void>) { await sleep(5); }
`,
      filename: WORKFLOWS,
    },
    // Short sleeps in activities and test environments are local timers: milliseconds are normal there.
    {
      code: `
import { sleep, Context } from '@temporalio/activity';
export async function poll() {
  await sleep(10);
  await Context.current().sleep(50);
}
`,
      filename: 'src/activities.ts',
    },
    // A client call in a file that does not import @temporalio/client (no type information): not recognised.
    {
      code: `
export async function run(client: any) {
  await client.workflow.start('wf', { workflowRunTimeout: '1 month' });
}
`,
      filename: 'src/start.ts',
    },
    // A spread after the value may override it: unknown.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
export function make(overrides: object) {
  return proxyActivities({ startToCloseTimeout: '1 month', ...overrides });
}
`,
      filename: WORKFLOWS,
    },
    // Option off.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: 30 });
`,
      filename: WORKFLOWS,
      options: [{ suspiciousNumbers: false }],
    },
    // Not a Temporal position.
    {
      code: `const config = { startToCloseTimeout: 30, timeout: '1 month' };`,
      filename: WORKFLOWS,
    },
    // Negative retry intervals and worker durations are not certainly rejected; sleep clamps negatives.
    {
      code: `
import { proxyActivities, sleep } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { initialInterval: '-1s' } });
export async function wf() { await sleep('-5s'); }
`,
      filename: WORKFLOWS,
    },
    // Options that cannot be known.
    {
      code: `
import { proxyActivities, sleep } from '@temporalio/workflow';
export function make(timeout: string) {
  return proxyActivities({ startToCloseTimeout: timeout, heartbeatTimeout: getTimeout() });
}
declare function getTimeout(): string;
`,
      filename: WORKFLOWS,
    },
    // A `let` that is reassigned is not followed.
    {
      code: `
import { sleep } from '@temporalio/workflow';
let wait = '1 month';
wait = '1 day';
export async function wf() { await sleep(wait); }
`,
      filename: WORKFLOWS,
    },
    // Receivers that are not Temporal clients or test environments; calls this rule cannot place.
    {
      code: `import { Client } from '@temporalio/client';
import { api } from './api';
export async function run() {
  await api.workflow.start('x', { workflowRunTimeout: '1 month' });
  await api.schedule.create({ spec: { jitter: '1 mo' } });
}`,
      filename: 'src/client.ts',
    },
    {
      code: `import { TestWorkflowEnvironment } from '@temporalio/testing';
import { sleep } from '@temporalio/workflow';
declare const other: { sleep(d: string): Promise<void> };
let env: TestWorkflowEnvironment;
let plain: any;
plain = makeEnv();
test('x', async (...args: string[]) => {
  await other.sleep('1 mo');
  await plain.sleep('1 mo');
  await this.env.sleep('1 mo');
  await sleep(...args);
});
declare function makeEnv(): unknown;`,
      filename: 'src/workflows.test.ts',
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1m' });
export async function wf() {
  await greet.bind(null)('1 month');
  await (greet as any).executeWithOptions(...[{ startToCloseTimeout: '1 month' }]);
  await unknownThing.executeWithOptions({ startToCloseTimeout: '1 month' }, []);
}
declare const unknownThing: any;`,
      filename: WORKFLOWS,
    },
  ],
  invalid: [
    // Temporal APIs through a project module that re-exports them: the file names no `@temporalio/` module.
    {
      code: `import { nap, condition } from '../wf';
export async function a(): Promise<void> {
  await condition(() => true, '1 dya');
  await nap('1 dya');
}`,
      filename: BARRELS,
      errors: [
        { messageId: 'invalidDuration', line: 3, column: 31, endLine: 3, endColumn: 38 },
        { messageId: 'invalidDuration', line: 4, column: 13, endLine: 4, endColumn: 20 },
      ],
    },
    // Legacy ScheduleClient, standalone activities, computed members, signalWithStart, client option types.
    {
      code: `import { ScheduleClient, Client } from '@temporalio/client';
import type { ActivityOptions, WorkflowStartOptions } from '@temporalio/client';
const schedules = new ScheduleClient();
await schedules.create({ scheduleId: 's', spec: { jitter: '1 mo' }, action: { type: 'startWorkflow', workflowType: 'wf', taskQueue: 'q' } });
export async function run(client: Client) {
  await client.activity.start('charge', { id: 'a', taskQueue: 'q', startToCloseTimeout: '1 month' });
  await client['workflow'].signalWithStart('wf', { workflowId: 'id', taskQueue: 'q', signal: 's', startDelay: 10 });
}
const standalone: ActivityOptions = { id: 'a', taskQueue: 'q', scheduleToCloseTimeout: '2 months' };
const start: Partial<WorkflowStartOptions> = { workflowTaskTimeout: '1 mo' };`,
      filename: 'src/client.ts',
      errors: [
        { messageId: 'invalidDuration', line: 4, column: 59, endLine: 4, endColumn: 65 },
        { messageId: 'invalidDuration', line: 6, column: 89, endLine: 6, endColumn: 98 },
        {
          messageId: 'suspiciousNumber',
          line: 7,
          column: 111,
          endLine: 7,
          endColumn: 113,
          suggestions: [{ messageId: 'useSeconds', output: `import { ScheduleClient, Client } from '@temporalio/client';
import type { ActivityOptions, WorkflowStartOptions } from '@temporalio/client';
const schedules = new ScheduleClient();
await schedules.create({ scheduleId: 's', spec: { jitter: '1 mo' }, action: { type: 'startWorkflow', workflowType: 'wf', taskQueue: 'q' } });
export async function run(client: Client) {
  await client.activity.start('charge', { id: 'a', taskQueue: 'q', startToCloseTimeout: '1 month' });
  await client['workflow'].signalWithStart('wf', { workflowId: 'id', taskQueue: 'q', signal: 's', startDelay: '10s' });
}
const standalone: ActivityOptions = { id: 'a', taskQueue: 'q', scheduleToCloseTimeout: '2 months' };
const start: Partial<WorkflowStartOptions> = { workflowTaskTimeout: '1 mo' };` }],
        },
        { messageId: 'invalidDuration', line: 9, column: 88, endLine: 9, endColumn: 98 },
        { messageId: 'invalidDuration', line: 10, column: 69, endLine: 10, endColumn: 75 },
      ],
    },
    // A test environment known by its declared type.
    {
      code: `import type { TestWorkflowEnvironment } from '@temporalio/testing';
declare const env: TestWorkflowEnvironment;
test('x', async () => {
  await env.sleep('1 mo');
});`,
      filename: 'src/workflows.test.ts',
      errors: [{ messageId: 'invalidDuration', line: 4, column: 19, endLine: 4, endColumn: 25 }],
    },
    // Worker options through require().
    {
      code: `const { Worker } = require('@temporalio/worker');
Worker.create({ taskQueue: 'q', maxHeartbeatThrottleInterval: '1 minute ', defaultHeartbeatThrottleInterval: 60 });`,
      filename: 'src/worker.ts',
      errors: [
        {
          messageId: 'invalidDuration',
          line: 2,
          column: 63,
          endLine: 2,
          endColumn: 74,
          suggestions: [{ messageId: 'removeWhitespace', output: `const { Worker } = require('@temporalio/worker');
Worker.create({ taskQueue: 'q', maxHeartbeatThrottleInterval: '1 minute', defaultHeartbeatThrottleInterval: 60 });` }],
        },
        {
          messageId: 'suspiciousNumber',
          line: 2,
          column: 110,
          endLine: 2,
          endColumn: 112,
          suggestions: [{ messageId: 'useSeconds', output: `const { Worker } = require('@temporalio/worker');
Worker.create({ taskQueue: 'q', maxHeartbeatThrottleInterval: '1 minute ', defaultHeartbeatThrottleInterval: '60s' });` }],
        },
      ],
    },
    // Consts imported from another project file: reported where they enter this file.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import { MONTHLY } from './options';
proxyActivities(MONTHLY);
proxyActivities({ ...MONTHLY, heartbeatTimeout: '1s' });`,
      filename: CROSS_FILE,
      errors: [
        { messageId: 'invalidDuration', line: 3, column: 17, endLine: 3, endColumn: 24 },
        { messageId: 'invalidDuration', line: 4, column: 17, endLine: 4, endColumn: 55 },
      ],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1 month' });`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 2, column: 58, endLine: 2, endColumn: 67 }],
    },
    // A const with `as const`, reported where the value is written.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const DEFAULTS = { startToCloseTimeout: '1 mo' } as const;
const acts = proxyActivities(DEFAULTS);`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 2, column: 41, endLine: 2, endColumn: 47 }],
    },
    // Spread of a shared object; whitespace after the unit (suggestion trims it).
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const base = { startToCloseTimeout: '1m' };
proxyActivities({ ...base, heartbeatTimeout: '5 secs ' });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'invalidDuration',
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'removeWhitespace',
              output: `import { proxyActivities } from '@temporalio/workflow';
const base = { startToCloseTimeout: '1m' };
proxyActivities({ ...base, heartbeatTimeout: '5 secs' });`,
            },
          ],
        },
      ],
    },
    // Alias import; exponent notation.
    {
      code: `import { sleep as wait } from '@temporalio/workflow';
export async function wf() {
  await wait('1e3');
}`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 3, column: 14, endLine: 3, endColumn: 19 }],
    },
    // Namespace import; leading whitespace.
    {
      code: `import * as wf from '@temporalio/workflow';
export async function run() {
  await wf.sleep(' 5s');
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'invalidDuration',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'removeWhitespace',
              output: `import * as wf from '@temporalio/workflow';
export async function run() {
  await wf.sleep('5s');
}`,
            },
          ],
        },
      ],
    },
    // require(); two components.
    {
      code: `const { proxyLocalActivities } = require('@temporalio/workflow');
proxyLocalActivities({ startToCloseTimeout: '1h30m' });`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 2, column: 45, endLine: 2, endColumn: 52 }],
    },
    // condition timeout; unknown unit.
    {
      code: `import { condition } from '@temporalio/workflow';
export async function wf() {
  await condition(() => false, '2 fortnights');
}`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 3, column: 32, endLine: 3, endColumn: 46 }],
    },
    // Child workflow options.
    {
      code: `import { executeChild } from '@temporalio/workflow';
export async function parent() {
  await executeChild(child, { workflowRunTimeout: '1 month', args: [] });
}
export async function child() {}`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 3, column: 51, endLine: 3, endColumn: 60 }],
    },
    // Child workflow retry policy; ISO 8601.
    {
      code: `import { startChild } from '@temporalio/workflow';
export async function parent() {
  await startChild('child', { retry: { initialInterval: 'PT5M' } });
}`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 3, column: 57, endLine: 3, endColumn: 63 }],
    },
    // Client: `new Client()` held in a const.
    {
      code: `import { Client, Connection } from '@temporalio/client';
async function run() {
  const client = new Client({ connection: await Connection.connect() });
  await client.workflow.start('wf', { taskQueue: 'q', workflowId: 'id', workflowExecutionTimeout: '1 month' });
}`,
      filename: 'src/client.ts',
      errors: [{ messageId: 'invalidDuration', line: 4, column: 99, endLine: 4, endColumn: 108 }],
    },
    // Client passed in, in a file importing @temporalio/client; a suspicious number with its suggestion.
    {
      code: `import type { Client } from '@temporalio/client';
export async function run(client: Client) {
  await client.workflow.execute('wf', { taskQueue: 'q', workflowId: 'id', workflowRunTimeout: 30 });
}`,
      filename: 'src/client.ts',
      errors: [
        {
          messageId: 'suspiciousNumber',
          line: 3,
          column: 95,
          endLine: 3,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import type { Client } from '@temporalio/client';
export async function run(client: Client) {
  await client.workflow.execute('wf', { taskQueue: 'q', workflowId: 'id', workflowRunTimeout: '30s' });
}`,
            },
          ],
        },
      ],
    },
    // Schedules: interval spec, action timeouts, policies.
    {
      code: `import { Client } from '@temporalio/client';
const client = new Client();
await client.schedule.create({
  scheduleId: 's',
  spec: { intervals: [{ every: '1 month' }] },
  action: { type: 'startWorkflow', workflowType: 'wf', taskQueue: 'q', workflowTaskTimeout: 10 },
  policies: { catchupWindow: '1 mo' },
});`,
      filename: 'src/schedule.ts',
      errors: [
        { messageId: 'invalidDuration', line: 5, column: 32, endLine: 5, endColumn: 41 },
        {
          messageId: 'suspiciousNumber',
          line: 6,
          column: 93,
          endLine: 6,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import { Client } from '@temporalio/client';
const client = new Client();
await client.schedule.create({
  scheduleId: 's',
  spec: { intervals: [{ every: '1 month' }] },
  action: { type: 'startWorkflow', workflowType: 'wf', taskQueue: 'q', workflowTaskTimeout: '10s' },
  policies: { catchupWindow: '1 mo' },
});`,
            },
          ],
        },
        { messageId: 'invalidDuration', line: 7, column: 30, endLine: 7, endColumn: 36 },
      ],
    },
    // Start-with operation and the legacy WorkflowClient.
    {
      code: `import { WithStartWorkflowOperation, WorkflowClient } from '@temporalio/client';
const op = new WithStartWorkflowOperation('wf', { workflowId: 'id', taskQueue: 'q', workflowIdConflictPolicy: 'USE_EXISTING', workflowRunTimeout: '1 month' });
const client = new WorkflowClient();
await client.start('wf', { taskQueue: 'q', workflowId: 'id', workflowRunTimeout: '1 mo' });`,
      filename: 'src/client.ts',
      errors: [
        { messageId: 'invalidDuration', line: 2, column: 147, endLine: 2, endColumn: 156 },
        { messageId: 'invalidDuration', line: 4, column: 82, endLine: 4, endColumn: 88 },
      ],
    },
    // ApplicationFailure.create and new ApplicationFailure(..., nextRetryDelay).
    {
      code: `import { ApplicationFailure } from '@temporalio/activity';
import * as common from '@temporalio/common';
export async function charge() {
  if (Math.random()) throw ApplicationFailure.create({ message: 'later', nextRetryDelay: '1 month' });
  throw new common.ApplicationFailure('later', 'Busy', false, [], undefined, 30);
}`,
      filename: 'src/activities.ts',
      errors: [
        { messageId: 'invalidDuration', line: 4, column: 90, endLine: 4, endColumn: 99 },
        {
          messageId: 'suspiciousNumber',
          line: 5,
          column: 78,
          endLine: 5,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import { ApplicationFailure } from '@temporalio/activity';
import * as common from '@temporalio/common';
export async function charge() {
  if (Math.random()) throw ApplicationFailure.create({ message: 'later', nextRetryDelay: '1 month' });
  throw new common.ApplicationFailure('later', 'Busy', false, [], undefined, '30s');
}`,
            },
          ],
        },
      ],
    },
    // Worker options.
    {
      code: `import { Worker } from '@temporalio/worker';
await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), shutdownGraceTime: 10 });`,
      filename: 'src/worker.ts',
      errors: [
        {
          messageId: 'suspiciousNumber',
          line: 2,
          column: 105,
          endLine: 2,
          endColumn: 107,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import { Worker } from '@temporalio/worker';
await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), shutdownGraceTime: '10s' });`,
            },
          ],
        },
      ],
    },
    // Activity sleeps: strings are still parsed.
    {
      code: `import { Context, sleep } from '@temporalio/activity';
export async function poll() {
  await Context.current().sleep('1 month');
  await sleep('2 months');
}`,
      filename: 'src/activities.ts',
      errors: [
        { messageId: 'invalidDuration', line: 3, column: 33, endLine: 3, endColumn: 42 },
        { messageId: 'invalidDuration', line: 4, column: 15, endLine: 4, endColumn: 25 },
      ],
    },
    // TestWorkflowEnvironment#sleep on a `let` assigned in a hook.
    {
      code: `import { TestWorkflowEnvironment } from '@temporalio/testing';
let testEnv: TestWorkflowEnvironment;
beforeAll(async () => {
  testEnv = await TestWorkflowEnvironment.createTimeSkipping();
});
test('waits', async () => {
  await testEnv.sleep('1 month');
});`,
      filename: 'src/test/workflows.test.ts',
      errors: [{ messageId: 'invalidDuration', line: 7, column: 23, endLine: 7, endColumn: 32 }],
    },
    // TestWorkflowEnvironment held in a const, no annotation.
    {
      code: `import { TestWorkflowEnvironment } from '@temporalio/testing';
test('waits', async () => {
  const env = await TestWorkflowEnvironment.createLocal();
  await env.sleep('1 mo');
});`,
      filename: 'src/test/workflows.test.ts',
      errors: [{ messageId: 'invalidDuration', line: 4, column: 19, endLine: 4, endColumn: 25 }],
    },
    // Objects typed as options: annotation and `satisfies`.
    {
      code: `import type { ActivityOptions } from '@temporalio/workflow';
const options: ActivityOptions = { startToCloseTimeout: 30 };
export const other = { heartbeatTimeout: '1 month' } satisfies ActivityOptions;`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'suspiciousNumber',
          line: 2,
          column: 57,
          endLine: 2,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import type { ActivityOptions } from '@temporalio/workflow';
const options: ActivityOptions = { startToCloseTimeout: '30s' };
export const other = { heartbeatTimeout: '1 month' } satisfies ActivityOptions;`,
            },
          ],
        },
        { messageId: 'invalidDuration', line: 3, column: 42, endLine: 3, endColumn: 51 },
      ],
    },
    // A typed RetryPolicy through a namespace type; `as` cast.
    {
      code: `import type * as wf from '@temporalio/workflow';
const retry: wf.RetryPolicy = { maximumInterval: '1 month' };
const scope = { timeout: '1 mo' } as wf.CancellationScopeOptions;`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'invalidDuration', line: 2, column: 50, endLine: 2, endColumn: 59 },
        { messageId: 'invalidDuration', line: 3, column: 26, endLine: 3, endColumn: 32 },
      ],
    },
    // Negative activity timeouts, string and number.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '-5s', scheduleToCloseTimeout: -1000 });`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'negativeDuration', line: 2, column: 40, endLine: 2, endColumn: 45 },
        { messageId: 'negativeDuration', line: 2, column: 71, endLine: 2, endColumn: 76 },
      ],
    },
    // Cancellation scopes.
    {
      code: `import { CancellationScope } from '@temporalio/workflow';
export async function wf() {
  await CancellationScope.withTimeout('1 month', async () => {});
  await new CancellationScope({ timeout: 5 }).run(async () => {});
}`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'invalidDuration', line: 3, column: 39, endLine: 3, endColumn: 48 },
        {
          messageId: 'suspiciousNumber',
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import { CancellationScope } from '@temporalio/workflow';
export async function wf() {
  await CancellationScope.withTimeout('1 month', async () => {});
  await new CancellationScope({ timeout: '5s' }).run(async () => {});
}`,
            },
          ],
        },
      ],
    },
    // makeContinueAsNewFunc options.
    {
      code: `import { makeContinueAsNewFunc } from '@temporalio/workflow';
const next = makeContinueAsNewFunc({ workflowRunTimeout: '1 month' });`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 2, column: 58, endLine: 2, endColumn: 67 }],
    },
    // The same object reached from a typed const and two calls is reported once.
    {
      code: `import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
const options: ActivityOptions = { startToCloseTimeout: '1 month' };
proxyActivities(options);
proxyActivities(options);`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 2, column: 57, endLine: 2, endColumn: 66 }],
    },
    // A number through a const: reported at the use, no suggestion (the const may be used elsewhere).
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const TIMEOUT = 30;
proxyActivities({ startToCloseTimeout: TIMEOUT });`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'suspiciousNumber', line: 3, column: 40, endLine: 3, endColumn: 47, suggestions: [] }],
    },
    // executeWithOptions overrides.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1m' });
export async function wf() {
  await greet.executeWithOptions({ startToCloseTimeout: '2 months' }, []);
}`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'invalidDuration', line: 4, column: 57, endLine: 4, endColumn: 67 }],
    },
    // Template literal with a const; empty string; parenthesised and optional-chained calls.
    {
      code: `import * as wf from '@temporalio/workflow';
const n = 2;
export async function run() {
  await wf.sleep(\`\${n} months\`);
  await (wf.sleep)('');
  await wf?.sleep(5);
}`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'invalidDuration', line: 4, column: 18, endLine: 4, endColumn: 31 },
        { messageId: 'invalidDuration', line: 5, column: 20, endLine: 5, endColumn: 22 },
        {
          messageId: 'suspiciousNumber',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import * as wf from '@temporalio/workflow';
const n = 2;
export async function run() {
  await wf.sleep(\`\${n} months\`);
  await (wf.sleep)('');
  await wf?.sleep('5s');
}`,
            },
          ],
        },
      ],
    },
    // Retry-policy durations (valid-retry-policy owns the relations, valid-duration the values).
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { initialInterval: 5, maximumInterval: '1 minutes ago' } });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'suspiciousNumber',
          line: 2,
          column: 72,
          endLine: 2,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useSeconds',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { initialInterval: '5s', maximumInterval: '1 minutes ago' } });`,
            },
          ],
        },
        { messageId: 'invalidDuration', line: 2, column: 92, endLine: 2, endColumn: 107 },
      ],
    },
  ],
});

const typedTester = createTypedRuleTester();

typedTester.run('valid-duration (typed)', rule, {
  valid: [
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import { GOOD_TIMEOUT } from './shared-options';
proxyActivities({ startToCloseTimeout: GOOD_TIMEOUT });
`,
      filename: typedFile('workflows.ts'),
    },
    // A string parameter: its type is `string`, not a literal.
    {
      code: `
import { sleep } from '@temporalio/workflow';
export async function wf(d: string) { await sleep(d as '1s'); }
`,
      filename: typedFile('workflows.ts'),
    },
  ],
  invalid: [
    // A const imported from another file, read through its literal type.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import { BAD_TIMEOUT } from './shared-options';
proxyActivities({ startToCloseTimeout: BAD_TIMEOUT });`,
      filename: typedFile('workflows.ts'),
      errors: [{ messageId: 'invalidDuration', line: 3, column: 40, endLine: 3, endColumn: 51 }],
    },
    // A client recognised by its type, in a file that does not import @temporalio/client.
    {
      code: `export async function run(client: { workflow: import('@temporalio/client').WorkflowClient }) {
  await client.workflow.start('wf', { taskQueue: 'q', workflowId: 'id', workflowRunTimeout: '1 month' });
}`,
      filename: typedFile('client.ts'),
      errors: [{ messageId: 'invalidDuration', line: 2, column: 93, endLine: 2, endColumn: 102 }],
    },
    // `Duration` is `any` under node16 resolution with skipLibCheck (this fixture): TypeScript accepts the typo.
    {
      code: `import { sleep, type Duration } from '@temporalio/workflow';
const wait: Duration = '1 month';
export async function wf() { await sleep(wait); }`,
      filename: typedFile('workflows.ts'),
      errors: [{ messageId: 'invalidDuration', line: 3, column: 42, endLine: 3, endColumn: 46 }],
    },
  ],
});

ruleTester.run('valid-duration: malformed strings, client and test-environment forms', rule, {
  valid: [],
  invalid: [
    // Malformed strings: a leading `+`, hexadecimal, digit separators, a value longer than 100 characters.
    {
      code: `import { proxyActivities, sleep } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '+5s', heartbeatTimeout: '0x10', scheduleToCloseTimeout: '1_000ms' });
export async function wf(): Promise<void> {
  await sleep('11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111');
}`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'invalidDuration', line: 2, column: 40, endLine: 2, endColumn: 45 },
        { messageId: 'invalidDuration', line: 2, column: 65, endLine: 2, endColumn: 71 },
        { messageId: 'invalidDuration', line: 2, column: 97, endLine: 2, endColumn: 106 },
        { messageId: 'invalidDuration', line: 4, column: 15, endLine: 4, endColumn: 118 },
      ],
    },
    // Clients from `require`, computed `workflow` members, and the legacy `WorkflowClient`.
    {
      code: `const { Client, WorkflowClient } = require('@temporalio/client');
const client = new Client();
export async function start(c: any) {
  await client['workflow'].start('wf', { taskQueue: 'q', workflowId: 'id', workflowRunTimeout: '1 dya' });
  await new WorkflowClient().start('wf', { taskQueue: 'q', workflowId: 'id', workflowExecutionTimeout: '2 hourz' });
  await c.workflow.start('wf', { taskQueue: 'q', workflowId: 'id', workflowTaskTimeout: '3 secs!' });
}`,
      filename: 'src/client.ts',
      errors: [
        { messageId: 'invalidDuration', line: 4, column: 96, endLine: 4, endColumn: 103 },
        { messageId: 'invalidDuration', line: 5, column: 104, endLine: 5, endColumn: 113 },
        { messageId: 'invalidDuration', line: 6, column: 89, endLine: 6, endColumn: 98 },
      ],
    },
    // Test environments: declared with the type, assigned from a factory, or a qualified namespace type.
    {
      code: `import { TestWorkflowEnvironment } from '@temporalio/testing';
import * as testing from '@temporalio/testing';
let env: TestWorkflowEnvironment;
let env2;
let env3: testing.TestWorkflowEnvironment;
let env4: Partial<TestWorkflowEnvironment>;
let other: { sleep(d: string): Promise<void> };
export async function setup() {
  env2 = await TestWorkflowEnvironment.createTimeSkipping();
  await env.sleep('1 dya');
  await env2.sleep('2 dya');
  await env3.sleep('3 dya');
  await env4.sleep!('4 dya');
  await other.sleep('5 dya');
}`,
      filename: 'src/workflows.test.ts',
      errors: [
        { messageId: 'invalidDuration', line: 10, column: 19, endLine: 10, endColumn: 26 },
        { messageId: 'invalidDuration', line: 11, column: 20, endLine: 11, endColumn: 27 },
        { messageId: 'invalidDuration', line: 12, column: 20, endLine: 12, endColumn: 27 },
        { messageId: 'invalidDuration', line: 13, column: 21, endLine: 13, endColumn: 28 },
      ],
    },
    // Options passed to `executeWithOptions` of a local activity.
    {
      code: `import { proxyLocalActivities } from '@temporalio/workflow';
const { greet } = proxyLocalActivities({ startToCloseTimeout: '1m' });
export async function wf(): Promise<string> {
  return greet.executeWithOptions({ startToCloseTimeout: '5 minutez' }, ['x']);
}`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'invalidDuration', line: 4, column: 58, endLine: 4, endColumn: 69 },
      ],
    },
    // Negative and suspicious numbers are reported once per node.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: -1, heartbeatTimeout: 5, retry: { initialInterval: -100, maximumInterval: 10 } });`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'negativeDuration', line: 2, column: 40, endLine: 2, endColumn: 42 },
        { messageId: 'suspiciousNumber', line: 2, column: 62, endLine: 2, endColumn: 63, suggestions: [{ messageId: 'useSeconds', output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: -1, heartbeatTimeout: '5s', retry: { initialInterval: -100, maximumInterval: 10 } });` }] },
        { messageId: 'suspiciousNumber', line: 2, column: 114, endLine: 2, endColumn: 116, suggestions: [{ messageId: 'useSeconds', output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: -1, heartbeatTimeout: 5, retry: { initialInterval: -100, maximumInterval: '10s' } });` }] },
      ],
    },
  ],
});
