import rule from '../../src/rules/require-activity-retry-policy.js';
import path from 'node:path';
import { FIXTURES_DIR, createRuleTester, createTypedRuleTester, typedFile } from '../rule-tester.js';

const ruleTester = createRuleTester();
/** A file of a project whose `src/wf.ts` re-exports `@temporalio/workflow` APIs (renamed, as a namespace, ...). */
const BARRELS = path.join(FIXTURES_DIR, 'projects/barrels/src/workflows/a.ts');
const WORKFLOWS = 'src/workflows.ts';
/** A project on disk whose `src/options.ts` exports shared options (followed through the project model). */
const CROSS_FILE = path.join(FIXTURES_DIR, 'projects/activity-options/src/workflows.ts');

ruleTester.run('require-activity-retry-policy', rule, {
  valid: [
    // Options imported from another project file that bound the retries.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
import { RETRY_ONLY, TIMEOUTS } from './options';
const { a } = proxyActivities({ ...TIMEOUTS, ...RETRY_ONLY });
export async function wf() {
  try { await a(); } catch {}
}
`,
      filename: CROSS_FILE,
    },
    // samples-typescript/saga: compensation with `scheduleToCloseTimeout` bounding the retries.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
const defaultActivity = { startToCloseTimeout: '2s', scheduleToCloseTimeout: '3s' };
const { createAccount, addAddress, clearPostalAddresses } = proxyActivities(defaultActivity);
export async function openAccount(accountId: string): Promise<void> {
  const compensations: (() => Promise<void>)[] = [];
  try {
    await createAccount({ accountId });
    await addAddress({ accountId });
    compensations.unshift(() => clearPostalAddresses({ accountId }));
  } catch (err) {
    for (const fn of compensations) await fn();
    throw err;
  }
}
`,
      filename: WORKFLOWS,
    },
    // samples-typescript/activities-cancellation-heartbeating: the catch only observes cancellation and rethrows.
    {
      code: `
import { proxyActivities, isCancellation, CancellationScope, CancelledFailure } from '@temporalio/workflow';
const { fakeProgress, cleanup } = proxyActivities({ startToCloseTimeout: '60s', heartbeatTimeout: '3s' });
export async function runCancellableActivity(): Promise<void> {
  try {
    await fakeProgress();
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(() => cleanup());
    }
    throw err;
  }
}
export async function other(): Promise<void> {
  try {
    await fakeProgress();
  } catch (e) {
    if (e instanceof CancelledFailure) {
      console.log('cancelled');
    } else {
      throw e;
    }
  }
  await fakeProgress().catch((e) => {
    if (!isCancellation(e)) throw e;
    throw e;
  });
}
`,
      filename: WORKFLOWS,
    },
    // Bounded by maximumAttempts, by scheduleToCloseTimeout, or by executeWithOptions overrides.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
const { b } = proxyActivities({ scheduleToCloseTimeout: '5 minutes' });
const { c } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function order() {
  try { await a(); await b(); } catch {}
  try { await c.executeWithOptions({ retry: { maximumAttempts: 2 } }, []); } catch {}
}
`,
      filename: WORKFLOWS,
    },
    // Failures that are not handled, or handled where this rule cannot follow them.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
const { c } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function order() {
  await c();
  try { c(); } catch {}
  try { return c(); } catch {}
  const p = c();
  try { await p; } catch {}
  try { await c(); } finally { /* cleanup */ }
  try {
    setTimeout(async () => { await c(); });
  } catch {}
}
`,
      filename: WORKFLOWS,
    },
    // Options that cannot be known.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
export function make(o: object) {
  const { a } = proxyActivities({ startToCloseTimeout: '1 minute', ...o });
  return async () => { try { await a(); } catch {} };
}
`,
      filename: WORKFLOWS,
    },
    // A function with the same name as a stub, not from a proxy.
    {
      code: `
async function charge() {}
export async function order() {
  try { await charge(); } catch {}
}
`,
      filename: WORKFLOWS,
    },
    // mode 'always': every bounded proxy, and an explicit unlimited choice.
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
const { b } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: Infinity } });
const { c } = proxyActivities({ scheduleToCloseTimeout: '1 minute' });
export function make(o: object) { return proxyActivities(o); }
`,
      filename: WORKFLOWS,
      options: [{ mode: 'always' }],
    },
    // Unknown bounds, rethrowing catches, and promises this rule does not follow.
    {
      code: `import { proxyActivities, isCancellation, CancelledFailure } from '@temporalio/workflow';
export function make(t: string, r: object, n: number) {
  const { a } = proxyActivities({ startToCloseTimeout: '1m', scheduleToCloseTimeout: t });
  const { b } = proxyActivities({ startToCloseTimeout: '1m', retry: r });
  const { c } = proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: n } });
  const { d } = proxyActivities({ startToCloseTimeout: '1m', retry: { ...r } });
  const { e } = proxyActivities({ startToCloseTimeout: '1m', scheduleToCloseTimeout: { toString: () => '1m' } as any });
  return async () => {
    try { await a(); await b(); await c(); await d(); await e(); } catch {}
  };
}`,
      filename: WORKFLOWS,
    },
    {
      code: `import { proxyActivities, isCancellation, CancelledFailure } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: '1m' });
export async function wf() {
  try { await a(); } catch (e) { throw e; }
  try { await a(); } catch (e) { if (!isCancellation(e)) { throw e; } console.log('cancelled'); throw e; }
  try { await a(); } catch (e) { if (e instanceof CancelledFailure) { return; } else throw e; }
  try { await wrap(() => a()); } catch {}
  try { function inner() { return a(); } await inner(); } catch {}
  try { await a().then(() => 1); } catch (e) { throw e; }
  try { foo(a()); } catch {}
}
declare function wrap(f: () => unknown): Promise<void>;
declare function foo(p: unknown): void;`,
      filename: WORKFLOWS,
    },
    {
      code: `import { proxyActivities, isCancellation, CancelledFailure } from '@temporalio/workflow';
export function make(o: object) {
  proxyActivities(...[o]);
  (proxyActivities as any)();
  return proxyActivities({ ...o });
}`,
      filename: WORKFLOWS,
      options: [{ mode: 'always' }],
    },
  ],
  invalid: [
    // `proxyActivities` through a project module that re-exports the namespace: the file names no `@temporalio/` module.
    {
      code: `import { workflow } from '../wf';
export const acts = workflow.proxyActivities({ startToCloseTimeout: '1m' });`,
      filename: BARRELS,
      options: [{ mode: 'always' }],
      errors: [
        {
          messageId: 'unboundedRetries',
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { workflow } from '../wf';
export const acts = workflow.proxyActivities({ startToCloseTimeout: '1m', scheduleToCloseTimeout: '10 minutes' });`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { workflow } from '../wf';
export const acts = workflow.proxyActivities({ startToCloseTimeout: '1m', retry: { maximumAttempts: 3 } });`,
            },
          ],
        },
      ],
    },
    // A zero scheduleToCloseTimeout and null attempts bound nothing; destructured catch parameters, Promise.race,
    // computed members, \`.finally\` chains and rejection handlers that are not functions or do not rethrow.
    {
      code: `import { proxyActivities, isCancellation, CancelledFailure } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: '1m', scheduleToCloseTimeout: 0, retry: { maximumAttempts: null } });
const acts = proxyActivities({ startToCloseTimeout: '1m', retry: undefined });
export async function wf() {
  try { console.log(await a()); } catch ({ message }) { return message; }
  try { await Promise.race([acts['b'](), a().finally(() => {})]); } catch (e) { if (e.cause instanceof CancelledFailure) return; return 'x'; }
  await a().catch(console.error);
  await a().catch((e) => e);
}`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'unboundedRetriesHandled', line: 5, column: 27, endLine: 5, endColumn: 28, suggestions: [] },
        {
          messageId: 'unboundedRetriesHandled',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities, isCancellation, CancelledFailure } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: '1m', scheduleToCloseTimeout: 0, retry: { maximumAttempts: null } });
const acts = proxyActivities({ startToCloseTimeout: '1m', retry: undefined, scheduleToCloseTimeout: '10 minutes' });
export async function wf() {
  try { console.log(await a()); } catch ({ message }) { return message; }
  try { await Promise.race([acts['b'](), a().finally(() => {})]); } catch (e) { if (e.cause instanceof CancelledFailure) return; return 'x'; }
  await a().catch(console.error);
  await a().catch((e) => e);
}`,
            },
          ],
        },
        { messageId: 'unboundedRetriesHandled', line: 6, column: 42, endLine: 6, endColumn: 43, suggestions: [] },
        { messageId: 'unboundedRetriesHandled', line: 7, column: 9, endLine: 7, endColumn: 10, suggestions: [] },
        { messageId: 'unboundedRetriesHandled', line: 8, column: 9, endLine: 8, endColumn: 10, suggestions: [] },
      ],
    },
    // Options imported from another project file that do not.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
import { TIMEOUTS } from './options';
const { b } = proxyActivities(TIMEOUTS);
export async function wf() {
  try { await b(); } catch {}
}`,
      filename: CROSS_FILE,
      errors: [{ messageId: 'unboundedRetriesHandled', line: 5, column: 15, endLine: 5, endColumn: 16, suggestions: [] }],
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function order() {
  try {
    await charge();
  } catch (err) {
    return 'failed';
  }
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function order() {
  try {
    await charge();
  } catch (err) {
    return 'failed';
  }
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function order() {
  try {
    await charge();
  } catch (err) {
    return 'failed';
  }
}`,
            },
          ],
        },
      ],
    },
    // `.catch` on a member of the proxy object.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const acts = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function order() {
  await acts.charge().catch(() => 'failed');
  await acts.refund().then(() => 1, () => 2);
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const acts = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function order() {
  await acts.charge().catch(() => 'failed');
  await acts.refund().then(() => 1, () => 2);
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities } from '@temporalio/workflow';
const acts = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function order() {
  await acts.charge().catch(() => 'failed');
  await acts.refund().then(() => 1, () => 2);
}`,
            },
          ],
        },
        {
          messageId: 'unboundedRetriesHandled',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const acts = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function order() {
  await acts.charge().catch(() => 'failed');
  await acts.refund().then(() => 1, () => 2);
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities } from '@temporalio/workflow';
const acts = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function order() {
  await acts.charge().catch(() => 'failed');
  await acts.refund().then(() => 1, () => 2);
}`,
            },
          ],
        },
      ],
    },
    // Promise.allSettled over a map.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function order(ids: string[]) {
  return Promise.allSettled(ids.map((id) => charge(id)));
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function order(ids: string[]) {
  return Promise.allSettled(ids.map((id) => charge(id)));
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function order(ids: string[]) {
  return Promise.allSettled(ids.map((id) => charge(id)));
}`,
            },
          ],
        },
      ],
    },
    // Promise.all of an async map callback inside a try; the suggestion extends the existing retry object.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1s' } });
export async function order(ids: string[]) {
  try {
    await Promise.all(ids.map(async (id) => {
      await charge(id);
    }));
  } catch {
    return;
  }
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1s' }, scheduleToCloseTimeout: '10 minutes' });
export async function order(ids: string[]) {
  try {
    await Promise.all(ids.map(async (id) => {
      await charge(id);
    }));
  } catch {
    return;
  }
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1s', maximumAttempts: 3 } });
export async function order(ids: string[]) {
  try {
    await Promise.all(ids.map(async (id) => {
      await charge(id);
    }));
  } catch {
    return;
  }
}`,
            },
          ],
        },
      ],
    },
    // Saga compensation with unbounded retries: the compensation never runs for ordinary failures.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { reserve, release } = proxyActivities({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: Infinity },
});
export async function book() {
  try { await reserve(); } catch (err) { await release(); throw err; }
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { reserve, release } = proxyActivities({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: Infinity },
  scheduleToCloseTimeout: '10 minutes',
});
export async function book() {
  try { await reserve(); } catch (err) { await release(); throw err; }
}`,
            },
          ],
        },
      ],
    },
    // Namespace import, local activities, a result assigned in the try.
    {
      code: `import * as wf from '@temporalio/workflow';
const { charge } = wf.proxyLocalActivities({ startToCloseTimeout: '1 minute' });
export async function order() {
  try { const r = await charge(); return r; } catch { return null; }
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import * as wf from '@temporalio/workflow';
const { charge } = wf.proxyLocalActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function order() {
  try { const r = await charge(); return r; } catch { return null; }
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import * as wf from '@temporalio/workflow';
const { charge } = wf.proxyLocalActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function order() {
  try { const r = await charge(); return r; } catch { return null; }
}`,
            },
          ],
        },
      ],
    },
    // executeWithOptions overrides that do not bound; a CancellationScope callback; options in another const: no
    // suggestion for options that are not an object literal here.
    {
      code: `import { proxyActivities, CancellationScope } from '@temporalio/workflow';
const base = { startToCloseTimeout: '1 minute' };
const { charge } = proxyActivities({ ...base, ...{ heartbeatTimeout: '10s' } });
export async function order() {
  try { await charge.executeWithOptions({ heartbeatTimeout: '5s' }, []); } catch {}
  try { await CancellationScope.cancellable(() => charge()); } catch {}
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities, CancellationScope } from '@temporalio/workflow';
const base = { startToCloseTimeout: '1 minute' };
const { charge } = proxyActivities({ ...base, ...{ heartbeatTimeout: '10s' }, scheduleToCloseTimeout: '10 minutes' });
export async function order() {
  try { await charge.executeWithOptions({ heartbeatTimeout: '5s' }, []); } catch {}
  try { await CancellationScope.cancellable(() => charge()); } catch {}
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities, CancellationScope } from '@temporalio/workflow';
const base = { startToCloseTimeout: '1 minute' };
const { charge } = proxyActivities({ ...base, ...{ heartbeatTimeout: '10s' }, retry: { maximumAttempts: 3 } });
export async function order() {
  try { await charge.executeWithOptions({ heartbeatTimeout: '5s' }, []); } catch {}
  try { await CancellationScope.cancellable(() => charge()); } catch {}
}`,
            },
          ],
        },
        {
          messageId: 'unboundedRetriesHandled',
          line: 6,
          column: 51,
          endLine: 6,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities, CancellationScope } from '@temporalio/workflow';
const base = { startToCloseTimeout: '1 minute' };
const { charge } = proxyActivities({ ...base, ...{ heartbeatTimeout: '10s' }, scheduleToCloseTimeout: '10 minutes' });
export async function order() {
  try { await charge.executeWithOptions({ heartbeatTimeout: '5s' }, []); } catch {}
  try { await CancellationScope.cancellable(() => charge()); } catch {}
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities, CancellationScope } from '@temporalio/workflow';
const base = { startToCloseTimeout: '1 minute' };
const { charge } = proxyActivities({ ...base, ...{ heartbeatTimeout: '10s' }, retry: { maximumAttempts: 3 } });
export async function order() {
  try { await charge.executeWithOptions({ heartbeatTimeout: '5s' }, []); } catch {}
  try { await CancellationScope.cancellable(() => charge()); } catch {}
}`,
            },
          ],
        },
      ],
    },
    // A catch that handles more than cancellation.
    {
      code: `import { proxyActivities, isCancellation } from '@temporalio/workflow';
const OPTIONS = { startToCloseTimeout: '1 minute' };
const { charge } = proxyActivities(OPTIONS);
export async function order() {
  try {
    await charge();
  } catch (err) {
    if (isCancellation(err)) throw err;
    return 'declined';
  }
}`,
      filename: WORKFLOWS,
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities, isCancellation } from '@temporalio/workflow';
const OPTIONS = { startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' };
const { charge } = proxyActivities(OPTIONS);
export async function order() {
  try {
    await charge();
  } catch (err) {
    if (isCancellation(err)) throw err;
    return 'declined';
  }
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities, isCancellation } from '@temporalio/workflow';
const OPTIONS = { startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } };
const { charge } = proxyActivities(OPTIONS);
export async function order() {
  try {
    await charge();
  } catch (err) {
    if (isCancellation(err)) throw err;
    return 'declined';
  }
}`,
            },
          ],
        },
      ],
    },
    // mode 'always': reported at the proxy.
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: '1 minute' });`,
      filename: WORKFLOWS,
      options: [{ mode: 'always' }],
      errors: [
        {
          messageId: 'unboundedRetries',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });`,
            },
          ],
        },
      ],
    },
  ],
});

const typedTester = createTypedRuleTester();

typedTester.run('require-activity-retry-policy (typed)', rule, {
  valid: [
    {
      code: `
import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 5 } });
export async function order(): Promise<string> {
  try { await charge(); return 'ok'; } catch { return 'failed'; }
}
`,
      filename: typedFile('workflows.ts'),
    },
  ],
  invalid: [
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function order(): Promise<string> {
  try { await charge(); return 'ok'; } catch { return 'failed'; }
}`,
      filename: typedFile('workflows.ts'),
      errors: [
        {
          messageId: 'unboundedRetriesHandled',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addScheduleToCloseTimeout',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function order(): Promise<string> {
  try { await charge(); return 'ok'; } catch { return 'failed'; }
}`,
            },
            {
              messageId: 'addMaximumAttempts',
              output: `import { proxyActivities } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function order(): Promise<string> {
  try { await charge(); return 'ok'; } catch { return 'failed'; }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-activity-retry-policy: handler forms and cancellation tests', rule, {
  valid: [],
  invalid: [
    // Failure handlers reached through `.then(ok, fail)`, `.finally().catch()`, `Promise.race`, `Promise.allSettled`, awaited values passed on and `CancellationScope` callbacks never run: the activity retries forever.
    {
      code: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'unboundedRetriesHandled', line: 4, column: 9, endLine: 4, endColumn: 15, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }] },
        { messageId: 'unboundedRetriesHandled', line: 5, column: 9, endLine: 5, endColumn: 15, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }] },
        { messageId: 'unboundedRetriesHandled', line: 6, column: 23, endLine: 6, endColumn: 29, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }] },
        { messageId: 'unboundedRetriesHandled', line: 7, column: 29, endLine: 7, endColumn: 35, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }] },
        { messageId: 'unboundedRetriesHandled', line: 8, column: 27, endLine: 8, endColumn: 33, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }] },
        { messageId: 'unboundedRetriesHandled', line: 9, column: 59, endLine: 9, endColumn: 65, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function wf(): Promise<void> {
  await charge().then(() => 1, () => 0);
  await charge().finally(() => {}).catch(() => 0);
  await Promise.race([charge()]).catch(() => 0);
  await Promise.allSettled([charge()]);
  try { console.log(await charge()); } catch { /* handled */ }
  await CancellationScope.cancellable(async () => { await charge(); }).catch(() => 0);
}` }] },
      ],
    },
    // Catches that only rethrow ordinary failures (negated and `instanceof` cancellation tests of the caught error) are fine; tests of another value are not; promises passed on or stored are not followed.
    {
      code: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute' });
declare function use(p: Promise<unknown>): void;
export async function wf(): Promise<void> {
  try { await charge(); } catch (err) { if (!isCancellation(err)) throw err; }
  try { await charge(); } catch (err) { if (err instanceof CancelledFailure) { return; } throw err; }
  try { await charge(); } catch (err) { if (isCancellation(other)) { return; } throw err; }
  try { await charge(); } catch (err) { if (other instanceof CancelledFailure) { return; } throw err; }
  try { use(charge()); } catch { /* not awaited here */ }
  const stored = charge();
  try { await stored; } catch { /* stored promises are not followed */ }
}
declare const other: unknown;`,
      filename: WORKFLOWS,
      errors: [
        { messageId: 'unboundedRetriesHandled', line: 7, column: 15, endLine: 7, endColumn: 21, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
declare function use(p: Promise<unknown>): void;
export async function wf(): Promise<void> {
  try { await charge(); } catch (err) { if (!isCancellation(err)) throw err; }
  try { await charge(); } catch (err) { if (err instanceof CancelledFailure) { return; } throw err; }
  try { await charge(); } catch (err) { if (isCancellation(other)) { return; } throw err; }
  try { await charge(); } catch (err) { if (other instanceof CancelledFailure) { return; } throw err; }
  try { use(charge()); } catch { /* not awaited here */ }
  const stored = charge();
  try { await stored; } catch { /* stored promises are not followed */ }
}
declare const other: unknown;` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
declare function use(p: Promise<unknown>): void;
export async function wf(): Promise<void> {
  try { await charge(); } catch (err) { if (!isCancellation(err)) throw err; }
  try { await charge(); } catch (err) { if (err instanceof CancelledFailure) { return; } throw err; }
  try { await charge(); } catch (err) { if (isCancellation(other)) { return; } throw err; }
  try { await charge(); } catch (err) { if (other instanceof CancelledFailure) { return; } throw err; }
  try { use(charge()); } catch { /* not awaited here */ }
  const stored = charge();
  try { await stored; } catch { /* stored promises are not followed */ }
}
declare const other: unknown;` }] },
        { messageId: 'unboundedRetriesHandled', line: 8, column: 15, endLine: 8, endColumn: 21, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
declare function use(p: Promise<unknown>): void;
export async function wf(): Promise<void> {
  try { await charge(); } catch (err) { if (!isCancellation(err)) throw err; }
  try { await charge(); } catch (err) { if (err instanceof CancelledFailure) { return; } throw err; }
  try { await charge(); } catch (err) { if (isCancellation(other)) { return; } throw err; }
  try { await charge(); } catch (err) { if (other instanceof CancelledFailure) { return; } throw err; }
  try { use(charge()); } catch { /* not awaited here */ }
  const stored = charge();
  try { await stored; } catch { /* stored promises are not followed */ }
}
declare const other: unknown;` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
declare function use(p: Promise<unknown>): void;
export async function wf(): Promise<void> {
  try { await charge(); } catch (err) { if (!isCancellation(err)) throw err; }
  try { await charge(); } catch (err) { if (err instanceof CancelledFailure) { return; } throw err; }
  try { await charge(); } catch (err) { if (isCancellation(other)) { return; } throw err; }
  try { await charge(); } catch (err) { if (other instanceof CancelledFailure) { return; } throw err; }
  try { use(charge()); } catch { /* not awaited here */ }
  const stored = charge();
  try { await stored; } catch { /* stored promises are not followed */ }
}
declare const other: unknown;` }] },
      ],
    },
    // The `always` mode asks for a retry policy on every proxy.
    {
      code: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function wf(): Promise<void> { await charge(); }`,
      filename: WORKFLOWS,
      options: [{ mode: 'always' }],
      errors: [
        { messageId: 'unboundedRetries', line: 2, column: 36, endLine: 2, endColumn: 71, suggestions: [{ messageId: 'addScheduleToCloseTimeout', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '10 minutes' });
export async function wf(): Promise<void> { await charge(); }` }, { messageId: 'addMaximumAttempts', output: `import { proxyActivities, isCancellation, CancelledFailure, CancellationScope } from '@temporalio/workflow';
const { charge } = proxyActivities({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
export async function wf(): Promise<void> { await charge(); }` }] },
      ],
    },
  ],
});
