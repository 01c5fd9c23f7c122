import path from 'node:path';
import rule from '../../src/rules/workflow-no-swallowed-cancellation.js';
import { createRuleTester, FIXTURES_DIR } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/workflows.ts';

const header = `import { proxyActivities, sleep, condition, continueAsNew, isCancellation, CancelledFailure, CancellationScope, log } from '@temporalio/workflow';
const { greet, cleanup } = proxyActivities({ startToCloseTimeout: '1 minute' });`;

ruleTester.run('workflow-no-swallowed-cancellation', rule, {
  valid: [
    // samples: rethrow after logging / cleanup in a non-cancellable scope
    {
      filename,
      code: `${header}
export async function run(url: string): Promise<void> {
  try {
    await greet(url);
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(() => cleanup(url));
    }
    throw err;
  }
}`,
    },
    // samples: deliberate handling of a scope the workflow cancelled itself
    {
      filename,
      code: `${header}
export async function cancelTimer(): Promise<void> {
  try {
    await CancellationScope.cancellable(async () => {
      const promise = sleep(1);
      CancellationScope.current().cancel();
      await promise;
    });
  } catch (e) {
    if (e instanceof CancelledFailure) {
      log.info('Timer cancelled');
    } else {
      throw e;
    }
  }
}`,
    },
    // samples: saga compensation that rethrows; a new failure thrown instead
    {
      filename,
      code: `import { proxyActivities, ApplicationFailure } from '@temporalio/workflow';
const { charge, refund, notify } = proxyActivities({ startToCloseTimeout: '1 minute' });
export async function order(): Promise<void> {
  const compensations: Array<() => Promise<void>> = [];
  try {
    await charge();
    compensations.unshift(() => refund());
  } catch (err) {
    for (const c of compensations) {
      try {
        await c();
      } catch {
        // best effort: the compensation is a local function, not a Temporal operation
      }
    }
    throw err;
  }
  try {
    await charge();
  } catch (err) {
    await notify('failed');
    throw ApplicationFailure.create({ message: 'Failed to charge' });
  }
}`,
    },
    // the error is handed on
    {
      filename,
      code: `${header}
declare function handleFailure(err: unknown): never;
export async function f(): Promise<void> {
  try { await greet('x'); } catch (err) { handleFailure(err); }
  await new Promise<void>((resolve, reject) => {
    greet('x').then(() => resolve(), (e) => reject(e));
  });
}`,
    },
    // no Temporal operation awaited in the try: pure local code
    {
      filename,
      code: `${header}
export async function f(input: string): Promise<unknown> {
  try {
    return JSON.parse(input);
  } catch {
    return undefined;
  }
}
export async function g(): Promise<void> {
  try {
    greet('x');
    return;
  } catch {
    // a returned or floating promise does not reject into this catch
  }
}`,
    },
    // shielded from cancellation: inside CancellationScope.nonCancellable, or the awaited op is itself shielded
    {
      filename,
      code: `${header}
export async function f(): Promise<void> {
  await CancellationScope.nonCancellable(async () => {
    try { await cleanup('x'); } catch (err) { log.warn('cleanup failed', { err }); }
  });
  try {
    await CancellationScope.nonCancellable(() => cleanup('y'));
  } catch {
    log.warn('cleanup failed');
  }
  try {
    await Promise.allSettled([greet('a'), greet('b')]);
  } catch {
    log.warn('never happens');
  }
}`,
    },
    // continueAsNew rethrown, checked, or outside the try
    {
      filename,
      code: `import { continueAsNew, ContinueAsNew, sleep, log } from '@temporalio/workflow';
export async function loop(n: number): Promise<void> {
  try {
    await continueAsNew<typeof loop>(n + 1);
  } catch (err) {
    if (err instanceof ContinueAsNew) throw err;
    log.error('unexpected');
  }
  try {
    await sleep(1);
  } catch (err) {
    throw err;
  }
  await continueAsNew<typeof loop>(n + 1);
}`,
    },
    // same-named local functions
    {
      filename,
      code: `async function sleep(ms: number) { return ms; }
export async function f(): Promise<void> {
  try { await sleep(1); } catch {}
}`,
    },
    // the cancellation surfaces again: a cancellable await always follows (a timer after the catch, in the catch,
    // after the loop, in a finally), so the workflow still ends as cancelled
    {
      filename,
      code: `${header}
export async function subscription(cycles: number): Promise<void> {
  let billed = 0;
  while (billed < cycles) {
    try {
      await greet('invoice');
    } catch (err) {
      log.warn('billing failed, next cycle', { err });
    }
    billed++;
    await sleep('30 days');
  }
  try {
    await greet('x');
  } catch {
    await greet('fallback');
  }
  if (cycles > 0) {
    try { await greet('y'); } catch { log.warn('y failed'); }
  }
  await condition(() => billed > 0);
  try {
    try { await greet('z'); } catch { log.warn('z failed'); }
  } finally {
    await cleanup('z');
  }
  void greet('w').catch(() => undefined);
  await sleep(1);
}`,
    },
    // every statement form that always awaits again after the catch-all
    {
      filename,
      code: `${header}
export async function forms(items: string[], n: number): Promise<void> {
  try { await greet('1'); } catch { log.warn('1'); }
  if (await condition(() => n > 0, '1s')) log.info('x');
  try { await greet('2'); } catch { log.warn('2'); }
  switch (await greet('s')) { default: break; }
  try { await greet('3'); } catch { log.warn('3'); }
  for (const i of await greet('list')) log.info(i);
  try { await greet('4'); } catch { log.warn('4'); }
  while (await condition(() => n > 1, '1s')) n--;
  try { await greet('5'); } catch { log.warn('5'); }
  { await sleep(1); }
  try { await greet('6'); } catch { log.warn('6'); }
  try { await sleep(2); } finally { log.info('f'); }
  try { await greet('7'); } catch { log.warn('7'); }
  const r = await greet('r');
  try { await greet('8'); } catch { log.warn('8'); }
  return void (await greet(r));
}`,
    },
    // shielded by a non-cancellable scope built with the constructor
    {
      filename,
      code: `${header}
export async function f(): Promise<void> {
  await new CancellationScope({ cancellable: false }).run(async () => {
    try { await cleanup('x'); } catch { log.warn('cleanup failed'); }
  });
  await new CancellationScope({ cancellable: true }).run(async () => undefined);
}`,
    },
    // not workflow code
    {
      filename: 'src/activities.ts',
      code: `${header}
export async function f(): Promise<void> {
  try { await sleep(1); } catch {}
}`,
    },
  ],
  invalid: [
    {
      filename,
      code: `${header}
export async function f(): Promise<void> {
  try {
    await greet('x');
  } catch (err) {
    log.warn('greeting failed', { err });
  }
  log.info('done');
}`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          data: { what: "`greet(...)`", why: '' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
        },
      ],
    },
    // catch without a binding, aliases and namespaces, timers and conditions
    {
      filename,
      code: `import { sleep as pause } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
export async function f(): Promise<string> {
  try {
    await pause('1 day');
  } catch {
    return 'timed out';
  }
  try {
    await wf.condition(() => false, '1 hour');
  } catch (e) {
    console.log(e);
  }
  return 'done';
}`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          data: { what: '`pause(...)`', why: '' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
        },
        {
          messageId: 'swallowedCancellation',
          data: { what: '`wf.condition(...)`', why: '' },
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 14,
        },
      ],
    },
    // child workflows, combinators, promises kept in variables, require
    {
      filename,
      code: `const { executeChild, proxyLocalActivities } = require('@temporalio/workflow');
const acts = proxyLocalActivities({ startToCloseTimeout: 1000 });
export async function f(): Promise<void> {
  const p = acts.a();
  try {
    await Promise.all([executeChild('child'), p]);
  } catch (err) {
    const message = String(err);
  }
}`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          data: { what: '`Promise.all(...)`', why: '' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 16,
        },
      ],
    },
    // .catch() and .then(_, onRejected) callbacks on Temporal promises
    {
      filename,
      code: `${header}
export async function f(): Promise<void> {
  await greet('x').catch(() => undefined);
  await sleep(1).then(() => 1, (err) => { log.error('x', { err }); return 0; });
  greet('y').catch(() => {}).then(() => undefined);
}`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          data: { what: "`greet(...)`", why: '' },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 41,
        },
        {
          messageId: 'swallowedCancellation',
          data: { what: '`sleep(...)`', why: '' },
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 79,
        },
        {
          messageId: 'swallowedCancellation',
          data: { what: '`greet(...)`', why: '' },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 28,
        },
      ],
    },
    // the same catch-all swallows every iteration's cancellation; a return ends the workflow before any await
    {
      filename,
      code: `${header}
export async function batch(items: string[]): Promise<string> {
  for (const item of items) {
    try {
      await greet(item);
    } catch {
      continue;
    }
  }
  try {
    await sleep('1 day');
  } catch {
    return 'stopped';
  }
  await greet('never reached after a cancellation');
  return 'done';
}`,
      errors: [
        { messageId: 'swallowedCancellation', data: { what: '`greet(...)`', why: '' }, line: 7, column: 7, endLine: 7, endColumn: 12 },
        { messageId: 'swallowedCancellation', data: { what: '`sleep(...)`', why: '' }, line: 13, column: 5, endLine: 13, endColumn: 10 },
      ],
    },
    // a promise held in a variable; a then-chain; a try in a switch case that breaks out
    {
      filename,
      code: `${header}
export async function f(kind: string): Promise<void> {
  const p = sleep('1 day');
  try {
    await p;
  } catch {
    log.info('woken');
  }
  switch (kind) {
    case 'a':
      try {
        await greet('a').then((x) => x);
      } catch {
        log.info('a failed');
      }
      break;
    default:
      await sleep(1);
  }
}`,
      errors: [
        { messageId: 'swallowedCancellation', data: { what: '`p`', why: '' }, line: 7, column: 5, endLine: 7, endColumn: 10 },
        { messageId: 'swallowedCancellation', data: { what: '`greet(...)`', why: '' }, line: 14, column: 9, endLine: 14, endColumn: 14 },
      ],
    },
    // continueAsNew inside a catch-all
    {
      filename,
      code: `import { continueAsNew, log } from '@temporalio/workflow';
export async function loop(n: number): Promise<void> {
  try {
    await continueAsNew<typeof loop>(n + 1);
  } catch (err) {
    log.error('continue-as-new failed', { err });
  }
}`,
      errors: [
        {
          messageId: 'swallowedContinueAsNew',
          data: { what: 'continueAsNew(...)', why: '' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 16,
        },
      ],
    },
    // the throw is inside a callback, not the catch itself; a nested try does not shield the outer one
    {
      filename,
      code: `${header}
export async function f(): Promise<void> {
  try {
    try {
      await greet('x');
    } finally {
      log.info('done');
    }
  } catch (err) {
    [err].forEach((e) => { throw e; });
  }
}`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          data: { what: "`greet(...)`", why: '' },
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 16,
        },
      ],
    },
    // re-exported through a local barrel
    {
      filename: path.join(FIXTURES_DIR, 'workflow-semantics/src/workflows.ts'),
      code: `import { condition } from './temporal';
export async function f(): Promise<void> {
  try {
    await condition(() => false, '1 day');
  } catch {
    return;
  }
}`,
      errors: [
        { messageId: 'swallowedCancellation', data: { what: '`condition(...)`', why: '' }, line: 5, column: 5, endLine: 5, endColumn: 10 },
      ],
    },
  ],
});
