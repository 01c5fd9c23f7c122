import path from 'node:path';
import { vi } from 'vitest';
import rule from '../../src/rules/workflow-no-activity-implementation.js';
import { createRuleTester, FIXTURES_DIR } from '../rule-tester.js';

// `lib/` files: a helper reached from `src/workflows.ts` (the message names the chain).
vi.mock('../../src/project/index.js', async (importOriginal) =>
  (await import('../model-stubs.js')).withModelStubs(await importOriginal()),
);

const ruleTester = createRuleTester();
/** `./activities` does not exist next to it: recognised by its name. */
const W = 'src/workflows.ts';
/** Next to a real `activities.ts`; the tsconfig elides imports used only as types (the TypeScript default). */
const ELIDED = path.join(FIXTURES_DIR, 'imports-elided/src/workflows.ts');
/** Next to a real `activities.ts`; the tsconfig (through `extends`) sets `verbatimModuleSyntax`. */
const PRESERVED = path.join(FIXTURES_DIR, 'imports-preserved/src/workflows.ts');
const why = '';
const byName = (specifier: string): string => `\`${specifier}\` is named like an activity module`;
const ALWAYS: [{ typeOnlyImports: 'always' }] = [{ typeOnlyImports: 'always' }];

ruleTester.run('workflow-no-activity-implementation', rule, {
  valid: [
    // Idiomatic: the samples import activity types and call the proxy.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export async function example(name: string): Promise<string> {
  return await greet(name);
}`,
      filename: W,
    },
    {
      code: `import * as wf from '@temporalio/workflow';
import type { greet as greetFn } from './activities';
const acts = wf.proxyActivities<{ greet: typeof greetFn }>({ startToCloseTimeout: 60_000 });
export async function example(): Promise<string> {
  return await acts.greet('x');
}`,
      filename: PRESERVED,
    },
    { code: `import { type greet } from './activities';\nexport type G = typeof greet;`, filename: PRESERVED, options: ALWAYS },
    { code: `export type { greet } from './activities';\nexport type * from './activities';`, filename: W },
    // A value import used only as a type is elided under the TypeScript default: fine unless `always`.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';\nimport * as activities from './activities';\nconst acts = proxyActivities<typeof activities>({ startToCloseTimeout: '1m' });\nexport const a = acts;`,
      filename: ELIDED,
    },
    // Modules that are not activity code.
    { code: `import { formatName, TASK_QUEUE } from './shared';\nexport const n = formatName(TASK_QUEUE);`, filename: ELIDED },
    { code: `import { greet } from './greetings';\nimport { activity } from './activity-names';\nexport const x = greet('a') + activity;`, filename: W },
    { code: `import { activityInfo } from '@temporalio/activity';\nexport const i = activityInfo();`, filename: W },
    // A local function with the same name as an activity.
    { code: `import type * as activities from './activities';\nasync function greet(name: string) { return name; }\nexport const g: Promise<string> = greet('x');\nexport type A = typeof activities;`, filename: W },
    // Not workflow code: workers register activities, tests call them directly.
    { code: `import * as activities from './activities';\nimport { Worker } from '@temporalio/worker';\nexport const w = Worker.create({ activities, taskQueue: 'q' });`, filename: 'src/worker.ts' },
    { code: `import { greet } from './activities';\nexport const r = greet('x');`, filename: 'src/activities.test.ts' },
    { code: `import { greet } from './activities';\nexport const r = greet('x');`, filename: 'src/client.ts' },
  ],
  invalid: [
    {
      code: `import { greet } from './activities';\nexport async function example(): Promise<string> {\n  return await greet('Temporal');\n}`,
      filename: W,
      errors: [{ messageId: 'directCall', data: { name: 'greet', evidence: byName('./activities'), why }, line: 3, column: 16, endLine: 3, endColumn: 21 }],
    },
    {
      // Alias, namespace, default and `require` forms.
      code: `import { greet as hello } from './activities';
import * as acts from '../activities/index.js';
import payments from './payment.activities';
const legacy = require('./activities');
export async function example(): Promise<void> {
  await hello('a');
  await acts.charge(1);
  await acts['refund'](2);
  await payments.capture();
  await legacy.greet('b');
}`,
      filename: W,
      errors: [
        { messageId: 'directCall', data: { name: 'hello', evidence: byName('./activities'), why }, line: 6, column: 9 },
        { messageId: 'directCall', data: { name: 'acts.charge', evidence: byName('../activities/index.js'), why }, line: 7, column: 9 },
        { messageId: 'directCall', data: { name: "acts['refund']", evidence: byName('../activities/index.js'), why }, line: 8, column: 9 },
        { messageId: 'directCall', data: { name: 'payments.capture', evidence: byName('./payment.activities'), why }, line: 9, column: 9 },
        { messageId: 'directCall', data: { name: 'legacy.greet', evidence: byName('./activities'), why }, line: 10, column: 9 },
      ],
    },
    {
      // A real activity module next to the workflow (resolved through the file system).
      code: `import { readConfig } from './activities.js';\nexport async function wf(): Promise<string> {\n  return readConfig('x');\n}`,
      filename: ELIDED,
      errors: [{ messageId: 'directCall', line: 3, column: 10 }],
    },
    {
      // Value uses other than calls bundle the module too.
      code: `import * as activities from './activities';\nimport { greet } from './activities';\nexport const all = Object.keys(activities);\nexport const fns = [greet];\nexport { greet };`,
      filename: W,
      errors: [
        { messageId: 'valueUse', data: { name: 'activities', evidence: byName('./activities'), why }, line: 3, column: 32 },
        { messageId: 'valueUse', data: { name: 'greet', evidence: byName('./activities'), why }, line: 4, column: 21 },
        { messageId: 'valueUse', data: { name: 'greet', evidence: byName('./activities'), why }, line: 5, column: 10 },
      ],
    },
    {
      // Re-exporting activities from workflow code.
      code: `export * from './activities';\nexport { greet } from './activities';`,
      filename: 'src/workflows/index.ts',
      errors: [
        { messageId: 'activityReExport', data: { source: './activities', evidence: byName('./activities'), why }, line: 1, column: 1 },
        { messageId: 'activityReExport', line: 2, column: 1 },
      ],
    },
    {
      // A helper reached from workflow code: the chain is in the message.
      code: `import { greet } from '../activities';\nexport const hello = () => greet('x');`,
      filename: 'src/lib/hello.ts',
      errors: [
        {
          messageId: 'directCall',
          data: { name: 'greet', evidence: byName('../activities'), why: ' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/lib/hello.ts)' },
          line: 2,
          column: 28,
        },
      ],
    },
    // Type-only use of a value import.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';\nimport * as activities from './activities';\nconst acts = proxyActivities<typeof activities>({ startToCloseTimeout: '1m' });\nexport const a = acts;`,
      filename: PRESERVED,
      output: `import { proxyActivities } from '@temporalio/workflow';\nimport type * as activities from './activities';\nconst acts = proxyActivities<typeof activities>({ startToCloseTimeout: '1m' });\nexport const a = acts;`,
      errors: [{ messageId: 'preservedTypeOnlyImport', line: 2, column: 1, endLine: 2, endColumn: 44 }],
    },
    {
      code: `import * as activities from './activities';\nexport type A = typeof activities;`,
      filename: ELIDED,
      options: ALWAYS,
      output: `import type * as activities from './activities';\nexport type A = typeof activities;`,
      errors: [{ messageId: 'typeOnlyImport', line: 1, column: 1 }],
    },
    {
      code: `import { charge, type refund } from './activities/payments';\nexport type A = typeof charge | typeof refund;`,
      filename: ELIDED,
      options: ALWAYS,
      output: `import type { charge, refund } from './activities/payments';\nexport type A = typeof charge | typeof refund;`,
      errors: [
        { messageId: 'typeOnlyImport', data: { source: './activities/payments', evidence: byName('./activities/payments'), why }, line: 1, column: 1 },
      ],
    },
    {
      // Default and named bindings cannot share one `import type`: the fix splits the declaration.
      code: `import acts, { greet } from './activities';\nexport type A = typeof acts & typeof greet;`,
      filename: ELIDED,
      options: ALWAYS,
      output: `import type acts from './activities';\nimport type { greet } from './activities';\nexport type A = typeof acts & typeof greet;`,
      errors: [{ messageId: 'typeOnlyImport', line: 1, column: 1 }],
    },
    {
      code: `import acts, * as all from './activities'\nexport type A = typeof acts & typeof all`,
      filename: ELIDED,
      options: ALWAYS,
      output: `import type acts from './activities'\nimport type * as all from './activities'\nexport type A = typeof acts & typeof all`,
      errors: [{ messageId: 'typeOnlyImport', line: 1, column: 1 }],
    },
    {
      // Mixed: the value binding is reported, the type-only one gets an inline `type`.
      code: `import { greet, readConfig } from './activities';\nexport const r: ReturnType<typeof readConfig> = greet('x');`,
      filename: ELIDED,
      options: ALWAYS,
      output: `import { greet, type readConfig } from './activities';\nexport const r: ReturnType<typeof readConfig> = greet('x');`,
      errors: [
        { messageId: 'typeOnlyImport', line: 1, column: 1 },
        { messageId: 'directCall', line: 2, column: 49 },
      ],
    },
    {
      // An unused import is kept by `verbatimModuleSyntax` as well.
      code: `import { greet } from './activities';`,
      filename: PRESERVED,
      output: `import type { greet } from './activities';`,
      errors: [{ messageId: 'preservedTypeOnlyImport', line: 1, column: 1 }],
    },
    {
      // Comments inside a declaration that must be split: reported without a fix.
      code: `import acts /* all */, { greet } from './activities';\nexport type A = typeof acts & typeof greet;`,
      filename: ELIDED,
      options: ALWAYS,
      output: null,
      errors: [{ messageId: 'typeOnlyImport', line: 1, column: 1 }],
    },
  ],
});

ruleTester.run('workflow-no-activity-implementation: re-exports, value uses and import forms', rule, {
  valid: [
    // Re-exports: type-only ones and modules that are not activity code are fine.
    {
      code: `export type * from './activities';
export { type Charge } from './activities';
export * from './helpers';
export { x } from './helpers';
export type { Y } from './activities';`,
      filename: W,
    },
  ],
  invalid: [
    // Re-exports of activity modules are reported.
    {
      code: `export * from './activities';
export { charge, type Refund } from './activities.js';`,
      filename: W,
      errors: [
        { messageId: 'activityReExport', line: 1, column: 1, endLine: 1, endColumn: 30 },
        { messageId: 'activityReExport', line: 2, column: 1, endLine: 2, endColumn: 55 },
      ],
    },
    // Value uses: `typeof` checks and long names are shortened; calls through TS wrappers are direct calls.
    {
      code: `import * as acts from './activities';
export const a = typeof acts.charge;
export const b = acts.aVeryLongActivityNameThatKeepsGoingAndGoingAndGoingAndGoingOnAndOn;
export const c = (acts.charge as any)();
export const d = acts.charge!<string>;`,
      filename: W,
      errors: [
        { messageId: 'valueUse', line: 3, column: 18, endLine: 3, endColumn: 89 },
        { messageId: 'directCall', line: 4, column: 19, endLine: 4, endColumn: 30 },
        { messageId: 'valueUse', line: 5, column: 18, endLine: 5, endColumn: 29 },
      ],
    },
    // Import attributes keep the fix away; a default and a namespace import are split into two type imports.
    {
      code: `import json from './activities' with { type: 'json' };
import def, * as ns from './activities';
export type T = typeof json | typeof def | typeof ns;`,
      filename: W,
      output: `import json from './activities' with { type: 'json' };
import type def from './activities';
import type * as ns from './activities';
export type T = typeof json | typeof def | typeof ns;`,
      errors: [
        { messageId: 'preservedTypeOnlyImport', line: 1, column: 1, endLine: 1, endColumn: 55 },
        { messageId: 'preservedTypeOnlyImport', line: 2, column: 1, endLine: 2, endColumn: 41 },
      ],
    },
  ],
});
