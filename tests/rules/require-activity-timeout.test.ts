import rule from '../../src/rules/require-activity-timeout.js';
import path from 'node:path';
import { FIXTURES_DIR, createRuleTester, createTypedRuleTester, typedFile } from '../rule-tester.js';

const ruleTester = createRuleTester();
/** A file of a project whose `src/wf.ts` re-exports `@temporalio/workflow` APIs (renamed, as a namespace, ...). */
const BARRELS = path.join(FIXTURES_DIR, 'projects/barrels/src/workflows/a.ts');
const WORKFLOWS = 'src/workflows.ts';
/** A project on disk whose `src/options.ts` exports shared options (followed through the project model). */
const CROSS_FILE = path.join(FIXTURES_DIR, 'projects/activity-options/src/workflows.ts');

ruleTester.run('require-activity-timeout', rule, {
  valid: [
    // Options imported from another project file.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import { RETRY_ONLY, TIMEOUTS } from './options';
proxyActivities(TIMEOUTS);
proxyActivities({ ...RETRY_ONLY, ...TIMEOUTS });
`,
      filename: CROSS_FILE,
    },
    // The official samples.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
`,
      filename: WORKFLOWS,
    },
    // Shared option objects (samples-typescript saga), numbers, one of the two set, a zero beside a real one.
    {
      code: `
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
const defaultActivity = { startToCloseTimeout: '2s', scheduleToCloseTimeout: '3s' };
const { createAccount } = proxyActivities(defaultActivity);
const b = proxyActivities({ scheduleToCloseTimeout: 5000 });
const c = proxyActivities({ startToCloseTimeout: 0, scheduleToCloseTimeout: '1m' });
const d = proxyLocalActivities({ ...defaultActivity, retry: { maximumAttempts: 2 } });
`,
      filename: WORKFLOWS,
    },
    // Options that cannot be known: a parameter, an unknown spread, a non-literal value.
    {
      code: `
import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
export function make(o: ActivityOptions, t: string) {
  proxyActivities({ ...o });
  proxyActivities(o);
  proxyActivities({ startToCloseTimeout: t });
  proxyActivities({ retry: { maximumAttempts: 2 }, ...o });
  proxyActivities(...[o]);
}
`,
      filename: WORKFLOWS,
    },
    // An invalid string is still "set": valid-duration reports it.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1 month' });
`,
      filename: WORKFLOWS,
    },
    // A local function with the same name.
    {
      code: `
function proxyActivities(o: object) { return o; }
proxyActivities({});
`,
      filename: WORKFLOWS,
    },
    // A shadowed import.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
export function f(proxyActivities: (o: object) => unknown) { proxyActivities({}); }
`,
      filename: WORKFLOWS,
    },
    // Typed options objects alone are not checked: they are often partial defaults spread elsewhere.
    {
      code: `
import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
const defaults: ActivityOptions = { retry: { maximumAttempts: 3 } };
proxyActivities({ ...defaults, startToCloseTimeout: '30s' });
`,
      filename: WORKFLOWS,
    },
    // Options that are not an object, and an unknown spread before an explicit undefined.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities(undefined as any);
export function f(o: object) { return proxyActivities({ ...o, startToCloseTimeout: undefined }); }`,
      filename: WORKFLOWS,
    },
  ],
  invalid: [
    // `proxyActivities` through a project module that re-exports the namespace: the file names no `@temporalio/` module.
    {
      code: `import { workflow } from '../wf';
export const acts = workflow.proxyActivities({ retry: { maximumAttempts: 3 } });`,
      filename: BARRELS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { workflow } from '../wf';
export const acts = workflow.proxyActivities({ retry: { maximumAttempts: 3 }, startToCloseTimeout: '1 minute' });`,
            },
          ],
        },
      ],
    },
    // An explicit undefined is absent (the suggestion replaces it); two zeros are two reports.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: undefined });
proxyActivities({ scheduleToCloseTimeout: 0, startToCloseTimeout: 0 });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1 minute' });
proxyActivities({ scheduleToCloseTimeout: 0, startToCloseTimeout: 0 });`,
            },
          ],
        },
        {
          messageId: 'zeroTimeout',
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'replaceWithTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: undefined });
proxyActivities({ scheduleToCloseTimeout: '1 minute', startToCloseTimeout: 0 });`,
            },
          ],
        },
        {
          messageId: 'zeroTimeout',
          line: 3,
          column: 67,
          endLine: 3,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'replaceWithTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: undefined });
proxyActivities({ scheduleToCloseTimeout: 0, startToCloseTimeout: '1 minute' });`,
            },
          ],
        },
      ],
    },
    // Options imported from another project file: no suggestion (the object is not written here).
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import { RETRY_ONLY } from './options';
proxyActivities(RETRY_ONLY);`,
      filename: CROSS_FILE,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 17, endLine: 3, endColumn: 27, suggestions: [] }],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({});`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 54,
          endLine: 3,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });`,
            },
          ],
        },
      ],
    },
    // Multi-line object: the suggestion follows the layout.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({
  retry: { maximumAttempts: 3 },
});`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 35,
          endLine: 4,
          endColumn: 2,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({
  retry: { maximumAttempts: 3 },
  startToCloseTimeout: '1 minute',
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({
  heartbeatTimeout: '10s'
});`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 35,
          endLine: 4,
          endColumn: 2,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { greet } = proxyActivities({
  heartbeatTimeout: '10s',
  startToCloseTimeout: '1 minute'
});`,
            },
          ],
        },
      ],
    },
    // No options at all.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const acts = (proxyActivities as any)();`,
      filename: WORKFLOWS,
      errors: [{ messageId: 'missingOptions', line: 2, column: 14, endLine: 2, endColumn: 40 }],
    },
    // Namespace import, local activities, inside a workflow function.
    {
      code: `import * as wf from '@temporalio/workflow';
export async function order() {
  const { charge } = wf.proxyLocalActivities({ heartbeatTimeout: '10s' });
  await charge();
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import * as wf from '@temporalio/workflow';
export async function order() {
  const { charge } = wf.proxyLocalActivities({ heartbeatTimeout: '10s', startToCloseTimeout: '1 minute' });
  await charge();
}`,
            },
          ],
        },
      ],
    },
    // Zero is sent as "no timeout".
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: 0 });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'zeroTimeout',
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'replaceWithTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1 minute' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '0s', scheduleToCloseTimeout: undefined });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'zeroTimeout',
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'replaceWithTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: undefined });`,
            },
          ],
        },
      ],
    },
    // require(), local activities, a zero string.
    {
      code: `const { proxyLocalActivities } = require('@temporalio/workflow');
proxyLocalActivities({ scheduleToCloseTimeout: '0' });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'zeroTimeout',
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'replaceWithTimeout',
              output: `const { proxyLocalActivities } = require('@temporalio/workflow');
proxyLocalActivities({ scheduleToCloseTimeout: '1 minute' });`,
            },
          ],
        },
      ],
    },
    // null is not sent.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: null, scheduleToCloseTimeout: ZERO });
const ZERO = 0;`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'zeroTimeout',
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'replaceWithTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: ZERO });
const ZERO = 0;`,
            },
          ],
        },
        { messageId: 'zeroTimeout', line: 2, column: 70, endLine: 2, endColumn: 74, suggestions: [] },
      ],
    },
    // Options held in a typed const: the suggestion edits the const.
    {
      code: `import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
const options: ActivityOptions = { retry: { maximumAttempts: 3 } };
proxyActivities(options);`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
const options: ActivityOptions = { retry: { maximumAttempts: 3 }, startToCloseTimeout: '1 minute' };
proxyActivities(options);`,
            },
          ],
        },
      ],
    },
    // A known spread without timeouts; trailing comma.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const base = { heartbeatTimeout: '10s' };
proxyActivities({ ...base, taskQueue: 'other', });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const base = { heartbeatTimeout: '10s' };
proxyActivities({ ...base, taskQueue: 'other', startToCloseTimeout: '1 minute', });`,
            },
          ],
        },
      ],
    },
    // Alias import.
    {
      code: `import { proxyActivities as proxy } from '@temporalio/workflow';
proxy({ taskQueue: 'q' });`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              output: `import { proxyActivities as proxy } from '@temporalio/workflow';
proxy({ taskQueue: 'q', startToCloseTimeout: '1 minute' });`,
            },
          ],
        },
      ],
    },
  ],
});

const typedTester = createTypedRuleTester();

typedTester.run('require-activity-timeout (typed)', rule, {
  valid: [
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import { TIMEOUT_ONLY } from './shared-options';
import * as shared from './shared-options';
proxyActivities(TIMEOUT_ONLY);
proxyActivities({ ...TIMEOUT_ONLY, retry: { maximumAttempts: 2 } });
proxyActivities({ ...shared.TIMEOUT_ONLY });
proxyActivities(shared.TIMEOUT_ONLY);
// A function's result has a widened declared type: nothing is concluded from it (known gap).
function makeOptions() {
  return { heartbeatTimeout: '10s' };
}
proxyActivities(makeOptions());
`,
      filename: typedFile('workflows.ts'),
    },
    // A declared type with optional timeouts says nothing.
    {
      code: `
import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
declare const options: ActivityOptions;
proxyActivities(options);
`,
      filename: typedFile('workflows.ts'),
    },
  ],
  invalid: [
    // Members of a namespace import are read like named imports: the suggestion edits only an object written here.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import * as shared from './shared-options';
proxyActivities(shared.RETRY_ONLY);
proxyActivities({ ...shared.RETRY_ONLY });`,
      filename: typedFile('workflows.ts'),
      errors: [
        { messageId: 'missingTimeout', line: 3, column: 17, endLine: 3, endColumn: 34, suggestions: [] },
        {
          messageId: 'missingTimeout',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addStartToCloseTimeout',
              data: { placeholder: "'1 minute'" },
              output: `import { proxyActivities } from '@temporalio/workflow';
import * as shared from './shared-options';
proxyActivities(shared.RETRY_ONLY);
proxyActivities({ ...shared.RETRY_ONLY, startToCloseTimeout: '1 minute' });`,
            },
          ],
        },
      ],
    },
  ],
});
