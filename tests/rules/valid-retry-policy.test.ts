import rule from '../../src/rules/valid-retry-policy.js';
import path from 'node:path';
import { FIXTURES_DIR, createRuleTester, createTypedRuleTester, typedFile } from '../rule-tester.js';

const ruleTester = createRuleTester();
/** A file of a project whose `src/wf.ts` re-exports `@temporalio/workflow` APIs (renamed, as a namespace, ...). */
const BARRELS = path.join(FIXTURES_DIR, 'projects/barrels/src/workflows/a.ts');
const WORKFLOWS = 'src/workflows.ts';
/** A project on disk whose `src/options.ts` exports shared options (followed through the project model). */
const CROSS_FILE = path.join(FIXTURES_DIR, 'projects/activity-options/src/workflows.ts');

ruleTester.run('valid-retry-policy', rule, {
  valid: [
    // Options imported from another project file.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import { RETRY_ONLY, TIMEOUTS } from './options';
proxyActivities({ ...TIMEOUTS, ...RETRY_ONLY });
`,
      filename: CROSS_FILE,
    },
    // How the samples and docs write retry policies.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    backoffCoefficient: 2,
    maximumAttempts: 5,
    nonRetryableErrorTypes: ['InvalidAccountError', 'TemporalTimeout:ScheduleToClose'],
  },
});
`,
      filename: WORKFLOWS,
    },
    // Infinity is the documented way to say unlimited; null/undefined fall back to defaults; maximumInterval of 1 s
    // equals the default initial interval.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: Infinity, backoffCoefficient: 1 } });
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumInterval: '1s' } });
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: undefined, initialInterval: null, maximumInterval: '2s' } });
proxyActivities({ startToCloseTimeout: '1m', retry: { nonRetryableErrorTypes: ['TIMEOUT_TYPE_HEARTBEAT', 'TemporalTimeout:Heartbeat'] } });
`,
      filename: WORKFLOWS,
    },
    // One attempt: the server skips the rest of the policy, so a coefficient below 1 is harmless.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: 1, backoffCoefficient: 0.5 } });
`,
      filename: WORKFLOWS,
    },
    // Overrides merge into the base policy: an absent initialInterval says nothing.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1m', retry: { initialInterval: '100ms' } });
export async function wf() {
  await greet.executeWithOptions({ retry: { maximumInterval: '500ms' } }, []);
}
`,
      filename: WORKFLOWS,
    },
    // Unknown values and unknown spreads.
    {
      code: `
import { proxyActivities, type RetryPolicy } from '@temporalio/workflow';
export function make(n: number, base: RetryPolicy, types: string[]) {
  proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: n, nonRetryableErrorTypes: types } });
  proxyActivities({ startToCloseTimeout: '1m', retry: { maximumInterval: '500ms', ...base } });
  proxyActivities({ startToCloseTimeout: '1m', retry: { nonRetryableErrorTypes: [...types, ErrorName] } });
}
const ErrorName = 'Invalid';
`,
      filename: WORKFLOWS,
    },
    // Not a retry policy.
    {
      code: `const retry = { maximumAttempts: 0, backoffCoefficient: 0.5 };`,
      filename: WORKFLOWS,
    },
    // A local function with the same name.
    {
      code: `
function proxyActivities(o: object) { return o; }
proxyActivities({ retry: { maximumAttempts: 0 } });
`,
      filename: WORKFLOWS,
    },
    // Invalid duration strings are valid-duration's.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { initialInterval: '1 month', maximumInterval: '5s' } });
`,
      filename: WORKFLOWS,
    },
    // null falls back to the defaults; values that are not policies are left alone.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: null, nonRetryableErrorTypes: null, backoffCoefficient: '2' } });
proxyActivities({ startToCloseTimeout: '1m', retry: 'default' });`,
      filename: WORKFLOWS,
    },
  ],
  invalid: [
    // `proxyActivities` through a project module that re-exports the namespace: the file names no `@temporalio/` module.
    {
      code: `import { workflow } from '../wf';
export const acts = workflow.proxyActivities({ startToCloseTimeout: '1m', retry: { backoffCoefficient: 0.5 } });`,
      filename: BARRELS,
      errors: [{ messageId: 'backoffCoefficientBelowOne', line: 2, column: 104, endLine: 2, endColumn: 107 }],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: NaN, nonRetryableErrorTypes: 42 } });
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: -Infinity, initialInterval: '2s', maximumInterval: 1500 } });`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'maximumAttemptsInvalid', line: 2, column: 72, endLine: 2, endColumn: 75 },
        { messageId: 'errorTypesNotArray', line: 2, column: 101, endLine: 2, endColumn: 103, suggestions: [] },
        { messageId: 'maximumAttemptsInvalid', line: 3, column: 72, endLine: 3, endColumn: 81 },
        { messageId: 'maximumBelowInitial', line: 3, column: 123, endLine: 3, endColumn: 127 },
      ],
    },
    // A policy imported from another project file (its maximumInterval is itself an imported const).
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import { SHRINKING_RETRY, TIMEOUTS } from './options';
proxyActivities({ ...TIMEOUTS, retry: SHRINKING_RETRY });`,
      filename: CROSS_FILE,
      errors: [{ messageId: 'maximumBelowInitial', line: 3, column: 39, endLine: 3, endColumn: 54 }],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: 0 } });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'maximumAttemptsZero',
          line: 2,
          column: 72,
          endLine: 2,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useInfinity',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: Infinity } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: -1 } });
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: 2.5 } });
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: '3' } });`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'maximumAttemptsInvalid', line: 2, column: 72, endLine: 2, endColumn: 74 },
        { messageId: 'maximumAttemptsInvalid', line: 3, column: 72, endLine: 3, endColumn: 75 },
        { messageId: 'maximumAttemptsInvalid', line: 4, column: 72, endLine: 4, endColumn: 75 },
      ],
    },
    // backoffCoefficient: SDK, server and Core behave differently.
    {
      code: `import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { backoffCoefficient: 0 } });
proxyActivities({ startToCloseTimeout: '1m', retry: { backoffCoefficient: 0.5 } });
proxyLocalActivities({ startToCloseTimeout: '1m', retry: { backoffCoefficient: 0.5 } });`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'backoffCoefficientNotPositive', line: 2, column: 75, endLine: 2, endColumn: 76 },
        { messageId: 'backoffCoefficientBelowOne', line: 3, column: 75, endLine: 3, endColumn: 78 },
        { messageId: 'backoffCoefficientIgnored', line: 4, column: 80, endLine: 4, endColumn: 83 },
      ],
    },
    // Client workflow start.
    {
      code: `import { Client } from '@temporalio/client';
const client = new Client();
await client.workflow.start('wf', { taskQueue: 'q', workflowId: 'id', retry: { backoffCoefficient: 0.9 } });`,
      filename: 'src/client.ts',
      errors: [{ messageId: 'backoffCoefficientBelowOne', line: 3, column: 100, endLine: 3, endColumn: 103 }],
    },
    // Zero intervals.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { initialInterval: 0, maximumInterval: '0s' } });`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'zeroInterval', line: 2, column: 72, endLine: 2, endColumn: 73 },
        { messageId: 'zeroInterval', line: 2, column: 92, endLine: 2, endColumn: 96 },
      ],
    },
    // maximumInterval below initialInterval, written and by default.
    {
      code: `import { proxyActivities, executeChild } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { initialInterval: '10s', maximumInterval: '5s' } });
export async function p() {
  await executeChild('c', { retry: { maximumInterval: 500 } });
}`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'maximumBelowInitial', line: 2, column: 96, endLine: 2, endColumn: 100 },
        { messageId: 'maximumBelowInitial', line: 4, column: 55, endLine: 4, endColumn: 58 },
      ],
    },
    // A retry policy in a shared const, namespace import.
    {
      code: `import * as wf from '@temporalio/workflow';
const retry = { initialInterval: '2 minutes', maximumInterval: '1 minute' };
wf.proxyActivities({ startToCloseTimeout: '1m', retry });
wf.proxyLocalActivities({ startToCloseTimeout: '1m', retry });`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'maximumBelowInitial', line: 2, column: 64, endLine: 2, endColumn: 74 }],
    },
    // nonRetryableErrorTypes: a single string.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { nonRetryableErrorTypes: 'InvalidInput' } });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'errorTypesNotArray',
          line: 2,
          column: 79,
          endLine: 2,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'wrapInArray',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { nonRetryableErrorTypes: ['InvalidInput'] } });`,
            },
          ],
        },
      ],
    },
    // nonRetryableErrorTypes: a class, a number, an unknown timeout type.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
class InvalidInputError extends Error {}
proxyActivities({ startToCloseTimeout: '1m', retry: { nonRetryableErrorTypes: [InvalidInputError, 42, 'TemporalTimeout:StartToCloseTimeout'] } });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'errorTypeNotString',
          line: 3,
          column: 80,
          endLine: 3,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'useClassName',
              output: `import { proxyActivities } from '@temporalio/workflow';
class InvalidInputError extends Error {}
proxyActivities({ startToCloseTimeout: '1m', retry: { nonRetryableErrorTypes: ['InvalidInputError', 42, 'TemporalTimeout:StartToCloseTimeout'] } });`,
            },
          ],
        },
        { messageId: 'errorTypeNotString', line: 3, column: 99, endLine: 3, endColumn: 101 },
        { messageId: 'invalidTimeoutType', line: 3, column: 103, endLine: 3, endColumn: 140 },
      ],
    },
    // A typed RetryPolicy object.
    {
      code: `import type { RetryPolicy } from '@temporalio/common';
export const retry: RetryPolicy = { maximumAttempts: 0, backoffCoefficient: 0.5 };`,
      filename: 'src/shared.ts',
      errors: [
        {
          messageId: 'maximumAttemptsZero',
          line: 2,
          column: 54,
          endLine: 2,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useInfinity',
              output: `import type { RetryPolicy } from '@temporalio/common';
export const retry: RetryPolicy = { maximumAttempts: Infinity, backoffCoefficient: 0.5 };`,
            },
          ],
        },
        { messageId: 'backoffCoefficientBelowOne', line: 2, column: 77, endLine: 2, endColumn: 80 },
      ],
    },
    // executeWithOptions overrides are checked on their own.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1m' });
export async function wf() {
  await greet.executeWithOptions({ retry: { maximumAttempts: 0 } }, []);
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'maximumAttemptsZero',
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useInfinity',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1m' });
export async function wf() {
  await greet.executeWithOptions({ retry: { maximumAttempts: Infinity } }, []);
}`,
            },
          ],
        },
      ],
    },
    // Schedule actions.
    {
      code: `import { Client } from '@temporalio/client';
const client = new Client();
await client.schedule.create({ scheduleId: 's', spec: {}, action: { type: 'startWorkflow', workflowType: 'wf', taskQueue: 'q', retry: { maximumAttempts: 0 } } });`,
      filename: 'src/schedule.ts',
      errors: [
        {
          messageId: 'maximumAttemptsZero',
          line: 3,
          column: 154,
          endLine: 3,
          endColumn: 155,
          suggestions: [
            {
              messageId: 'useInfinity',
              output: `import { Client } from '@temporalio/client';
const client = new Client();
await client.schedule.create({ scheduleId: 's', spec: {}, action: { type: 'startWorkflow', workflowType: 'wf', taskQueue: 'q', retry: { maximumAttempts: Infinity } } });`,
            },
          ],
        },
      ],
    },
  ],
});

const typedTester = createTypedRuleTester();

typedTester.run('valid-retry-policy (typed)', rule, {
  valid: [
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: 3 } });
`,
      filename: typedFile('workflows.ts'),
    },
  ],
  invalid: [
    // A literal type from another file.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import { ZERO_ATTEMPTS } from './shared-options';
proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: ZERO_ATTEMPTS } });`,
      filename: typedFile('workflows.ts'),
      errors: [{ messageId: 'maximumAttemptsZero', line: 3, column: 72, endLine: 3, endColumn: 85, suggestions: [] }],
    },
  ],
});
