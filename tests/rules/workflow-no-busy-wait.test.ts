import { vi } from 'vitest';
import rule from '../../src/rules/workflow-no-busy-wait.js';
import { createRuleTester } from '../rule-tester.js';

// `lib/` files: a helper reached from `src/worker.ts (workflowsPath) → src/workflows.ts` (the message names the chain).
vi.mock('../../src/project/index.js', async (importOriginal) =>
  (await import('../model-stubs.js')).withModelStubs(await importOriginal()),
);

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';
const why = '';

ruleTester.run('workflow-no-busy-wait', rule, {
  valid: [
    // Idiomatic: durable timers and conditions, and time read across awaits (samples style).
    {
      code: `import { condition, proxyActivities, sleep } from '@temporalio/workflow';
import type * as activities from './activities';
const { charge } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export async function subscription(): Promise<number> {
  const start = Date.now();
  let cancelled = false;
  while (!cancelled) {
    await charge();
    cancelled = await condition(() => cancelled, '30 days');
  }
  await sleep('1 day');
  return Date.now() - start;
}`,
      filename: W,
    },
    { code: `import { sleep } from '@temporalio/workflow';\nexport async function wf(deadline: number) {\n  while (Date.now() < deadline) {\n    await sleep(1000);\n  }\n}`, filename: W },
    { code: `export async function wf(end: number, ping: () => Promise<void>) {\n  do { await ping(); } while (Date.now() < end);\n}`, filename: W },
    { code: `export async function wf(end: number, items: AsyncIterable<number>) {\n  for (; Date.now() < end; ) { for await (const i of items) { void i; } }\n}`, filename: W },
    { code: `export function* wf(end: number) {\n  while (Date.now() < end) { yield 1; }\n}`, filename: W },
    // The exit depends on something else that the loop changes.
    { code: `export function wf(end: number, step: () => boolean) {\n  let done = false;\n  while (Date.now() < end && !done) { done = step(); }\n}`, filename: W },
    { code: `export function wf(end: number, tryIt: () => boolean) {\n  while (Date.now() < end) { if (tryIt()) break; }\n}`, filename: W },
    { code: `export function wf(end: number, tryIt: () => boolean) {\n  while (Date.now() < end) { if (tryIt()) return 1; }\n  return 0;\n}`, filename: W },
    { code: `export function wf(end: number, q: number[]) {\n  for (let i = 0; Date.now() < end && i < q.length; i++) { q[i] = 0; }\n}`, filename: W },
    { code: `export function wf(opts: { end: number }, tick: () => void) {\n  while (Date.now() < opts.end) { tick(); }\n}`, filename: W },
    { code: `export function wf(end: Date, touch: (d: Date) => void) {\n  while (Date.now() < end.getTime()) { touch(end); }\n}`, filename: W },
    { code: `export function wf(end: number, poll: () => boolean) {\n  for (;;) {\n    if (poll()) break;\n    if (Date.now() > end) break;\n  }\n}`, filename: W },
    // A loop whose test does not read the clock (an infinite loop, but not a clock wait).
    { code: `export function wf(end: number) {\n  const now = Date.now();\n  while (now < end) {}\n}`, filename: W },
    { code: `export function wf() {\n  while (true) { if (Math.random() > 0.5) break; }\n}`, filename: W },
    // A local `Date` is not the workflow clock.
    { code: `export function wf(Date: { now(): number }, end: number) {\n  while (Date.now() < end) {}\n}`, filename: W },
    { code: `class Clock { now() { return 0; } }\nconst Date = new Clock();\nexport function wf(end: number) {\n  while (Date.now() < end) {}\n  const s = Date.now();\n  return Date.now() - s;\n}`, filename: W },
    // Not workflow code: activities have their own rule (activity-no-blocking-calls).
    { code: `export function spin(end: number) {\n  while (Date.now() < end) {}\n  const s = Date.now();\n  work();\n  return Date.now() - s;\n}\ndeclare function work(): void;`, filename: 'src/activities.ts' },
    { code: `const start = Date.now();\nwhile (Date.now() - start < 100) {}`, filename: 'src/client.ts' },
    // Elapsed time measured across an await.
    { code: `import { sleep } from '@temporalio/workflow';\nexport async function wf() {\n  const start = Date.now();\n  await sleep('1s');\n  return Date.now() - start;\n}`, filename: W },
    { code: `export async function wf(act: () => Promise<void>) {\n  const t0 = Date.now();\n  await act();\n  const t1 = Date.now();\n  return t1 - t0;\n}`, filename: W },
    { code: `export async function wf(xs: AsyncIterable<number>) {\n  const start = new Date();\n  for await (const x of xs) { void x; }\n  return Date.now() - start.getTime();\n}`, filename: W },
    { code: `import { sleep, log } from '@temporalio/workflow';\nexport async function wf(running: () => boolean) {\n  const start = Date.now();\n  while (running()) {\n    log.info('elapsed', { ms: Date.now() - start });\n    await sleep('1s');\n  }\n}`, filename: W },
    { code: `export async function wf(c: boolean, act: () => Promise<void>) {\n  const start = Date.now();\n  if (c) await act();\n  return Date.now() - start;\n}`, filename: W },
    { code: `export function* wf() {\n  const start = Date.now();\n  yield 1;\n  return Date.now() - start;\n}`, filename: W },
    // The readings are in different functions (a handler runs in a later activation).
    { code: `import { setHandler, defineSignal } from '@temporalio/workflow';\nconst s = defineSignal('s');\nexport async function wf() {\n  const start = Date.now();\n  setHandler(s, () => { console.log(Date.now() - start); });\n}`, filename: W },
    { code: `const loadedAt = Date.now();\nexport function age() { return Date.now() - loadedAt; }`, filename: W },
    // Reassigned, or not a clock reading.
    { code: `export function wf(work: () => void) {\n  let last = Date.now();\n  work();\n  last = Date.now();\n  return Date.now() - last;\n}`, filename: W },
    { code: `import { workflowInfo } from '@temporalio/workflow';\nexport function wf() {\n  const start = workflowInfo().unsafe.now();\n  return workflowInfo().unsafe.now() - start;\n}`, filename: W },
    { code: `import { workflowInfo } from '@temporalio/workflow';\nexport function wf() {\n  return Date.now() - workflowInfo().startTime.getTime();\n}`, filename: W },
    { code: `export function wf(start: number) {\n  return Date.now() - start;\n}`, filename: W },
    { code: `export function wf() {\n  const start = new Date(2024, 0, 1).getTime();\n  return Date.now() - start;\n}`, filename: W },
    { code: `export function wf() {\n  const a = Date.now();\n  return a - a;\n}`, filename: W },
  ],
  invalid: [
    {
      code: `export async function wf() {\n  const deadline = Date.now() + 2000;\n  while (Date.now() < deadline) {}\n}`,
      filename: W,
      errors: [
        {
          messageId: 'busyWait',
          data: { why },
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useSleep',
              output: `import { sleep } from '@temporalio/workflow';\nexport async function wf() {\n  const deadline = Date.now() + 2000;\n  await sleep(deadline - Date.now());\n}`,
            },
          ],
        },
      ],
    },
    {
      // The existing import is reused, under its alias.
      code: `import { sleep as wait, log } from '@temporalio/workflow';\nexport async function wf(end: number) {\n  log.info('waiting');\n  while (end > Date.now());\n}`,
      filename: W,
      errors: [
        {
          messageId: 'busyWait',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'useSleep',
              output: `import { sleep as wait, log } from '@temporalio/workflow';\nexport async function wf(end: number) {\n  log.info('waiting');\n  await wait(end - Date.now());\n}`,
            },
          ],
        },
      ],
    },
    {
      // Namespace import.
      code: `import * as wf from '@temporalio/workflow';\nexport async function run(start: number) {\n  wf.log.info('x');\n  while (Date.now() - start < 5 * 1000) {}\n}`,
      filename: W,
      errors: [
        {
          messageId: 'busyWait',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'useSleep',
              output: `import * as wf from '@temporalio/workflow';\nexport async function run(start: number) {\n  wf.log.info('x');\n  await wf.sleep(start + 5 * 1000 - Date.now());\n}`,
            },
          ],
        },
      ],
    },
    {
      // `new Date().getTime()` and a do-while with an empty body.
      code: `import { proxyActivities } from '@temporalio/workflow';\nconst a = proxyActivities({ startToCloseTimeout: '1m' });\nexport async function wf(end: number) {\n  await a.x();\n  do {} while (new Date().getTime() <= end);\n}`,
      filename: W,
      errors: [
        {
          messageId: 'busyWait',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'useSleep',
              output: `import { proxyActivities, sleep } from '@temporalio/workflow';\nconst a = proxyActivities({ startToCloseTimeout: '1m' });\nexport async function wf(end: number) {\n  await a.x();\n  await sleep(end - new Date().getTime());\n}`,
            },
          ],
        },
      ],
    },
    {
      // Not in an async function: no suggestion (await is not possible there).
      code: `export function wait(ms: number) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {\n    // spin\n  }\n}`,
      filename: W,
      errors: [{ messageId: 'busyWait', line: 3, column: 10, suggestions: [] }],
    },
    {
      // A body that does work: reported, no suggestion.
      code: `export async function wf(end: number, work: () => void) {\n  while (Date.now() < end) { work(); }\n}`,
      filename: W,
      errors: [{ messageId: 'busyWait', line: 2, column: 10, suggestions: [] }],
    },
    {
      // Dates compared directly, through `globalThis`.
      code: `export async function wf(ms: number) {\n  const until = new Date(Date.now() + ms);\n  while (new globalThis.Date() < until) {}\n}`,
      filename: W,
      errors: [{ messageId: 'busyWait', line: 3, column: 10, suggestions: [] }],
    },
    {
      // Infinite loops left only by clock checks.
      code: `export async function wf(end: number, poll: () => void) {\n  for (;;) {\n    poll();\n    if (Date.now() >= end) break;\n  }\n  while (true) {\n    if (Date.now() >= end) { poll(); return; }\n  }\n}`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 4, column: 9, endColumn: 26 },
        { messageId: 'busyWait', line: 7, column: 9 },
      ],
    },
    {
      // A labeled loop and a `for` with an update: reported without a suggestion.
      code: `export async function wf(end: number) {\n  outer: while (Date.now() < end) { continue outer; }\n  for (let i = 0; Date.now() < end; i++) {}\n}`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 2, column: 17, suggestions: [] },
        { messageId: 'busyWait', line: 3, column: 19, suggestions: [] },
      ],
    },
    {
      // Module scope: loading the workflow code spins.
      code: `const end = Date.now() + 10;\nwhile (Date.now() < end) {}`,
      filename: W,
      errors: [{ messageId: 'busyWait', line: 2, column: 8, suggestions: [] }],
    },
    {
      // Elapsed time without an await in between.
      code: `export function wf(work: () => void) {\n  const start = Date.now();\n  work();\n  const elapsed = Date.now() - start;\n  return elapsed;\n}`,
      filename: W,
      errors: [{ messageId: 'elapsedZero', data: { start: 'start', why }, line: 4, column: 19, endLine: 4, endColumn: 37 }],
    },
    {
      code: `import { log, sleep } from '@temporalio/workflow';\nexport async function wf(compute: () => number) {\n  const started = new Date();\n  const r = compute();\n  log.info('took', { ms: Date.now() - started.getTime() });\n  await sleep(1);\n  return r;\n}`,
      filename: W,
      errors: [{ messageId: 'elapsedZero', data: { start: 'started', why }, line: 5, column: 26 }],
    },
    {
      code: `export async function wf(work: () => void) {\n  const t0 = Date.now();\n  work();\n  const t1 = Date.now();\n  return t1 - t0;\n}`,
      filename: W,
      errors: [{ messageId: 'elapsedZero', data: { start: 't0', why }, line: 5, column: 10 }],
    },
    {
      // A loop around the second reading, with no await in it.
      code: `export function wf(xs: number[], f: (x: number) => void) {\n  const start = +new Date();\n  for (const x of xs) {\n    f(x);\n    console.log(Date.now() - start);\n  }\n}`,
      filename: W,
      errors: [{ messageId: 'elapsedZero', line: 5, column: 17 }],
    },
    {
      // Awaits inside nested callbacks do not suspend this function.
      code: `export async function wf(xs: number[]) {\n  const start = Date.now();\n  const fs = xs.map(async (x) => { await Promise.resolve(x); });\n  void fs;\n  return Date.now() - start;\n}`,
      filename: W,
      errors: [{ messageId: 'elapsedZero', line: 5, column: 10 }],
    },
    {
      // A helper reached from workflow code: the chain is in the message.
      code: `export function timed<T>(f: () => T): [T, number] {\n  const start = Date.now();\n  const r = f();\n  return [r, Date.now() - start];\n}`,
      filename: 'src/lib/timing.ts',
      errors: [
        {
          messageId: 'elapsedZero',
          data: { start: 'start', why: ' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/lib/timing.ts)' },
          line: 4,
          column: 14,
        },
      ],
    },
  ],
});

ruleTester.run('workflow-no-busy-wait: exits, stable operands, suggestions and elapsed time', rule, {
  valid: [],
  invalid: [
    // `while (1)` is endless too; a labeled `break` of an inner label or a `continue` of the own label does not leave the loop; a `return` in a nested function or class does not either.
    {
      code: `export function a(end: number): void {
  outer: while (1) {
    if (Date.now() > end) break;
    inner: for (;;) { break inner; }
    switch (end) { case 1: break; default: continue outer; }
    const f = () => { return 1; };
    class K { m() { return 2; } }
    void f; void K;
  }
}`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 3, column: 9, endLine: 3, endColumn: 25 },
      ],
    },
    // A `continue` of an outer label leaves the loop; every exit must be clock-guarded.
    {
      code: `export function a(end: number, items: number[]): void {
  outer: for (const _ of items) {
    while (true) {
      if (Date.now() > end) continue outer;
    }
  }
}
export function b(end: number, go: boolean): void {
  while (true) {
    if (Date.now() > end) break;
    if (go) return;
  }
}`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 4, column: 11, endLine: 4, endColumn: 27 },
      ],
    },
    // Stable operands: globals `Infinity`/`undefined`, imports, functions, classes, template literals, conditionals, TS wrappers, `this` members, literal computed members.
    {
      code: `import { LIMIT } from './limits';
function limit(): number { return 1; }
class Box { static max = 1; }
export function a(cfg: { end: number }, ends: number[], mode: boolean): void {
  while (Date.now() < Infinity) {}
  while (Date.now() < (mode ? LIMIT : cfg.end)) {}
  while (\`\${Date.now()}\` !== \`\${LIMIT}\`) {}
  while (Date.now() < (cfg.end as number)) {}
  while (Date.now() < cfg!.end) {}
  while (Date.now() < (cfg.end satisfies number)) {}
  while (Date.now() < ends[0]!) {}
  while (Date.now() < Number(limit)) {}
  while (Date.now() !== undefined && Box.max > 0) {}
}`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 5, column: 10, endLine: 5, endColumn: 31 },
        { messageId: 'busyWait', line: 6, column: 10, endLine: 6, endColumn: 47 },
        { messageId: 'busyWait', line: 7, column: 10, endLine: 7, endColumn: 40 },
        { messageId: 'busyWait', line: 8, column: 10, endLine: 8, endColumn: 42 },
        { messageId: 'busyWait', line: 9, column: 10, endLine: 9, endColumn: 31 },
        { messageId: 'busyWait', line: 10, column: 10, endLine: 10, endColumn: 49 },
        { messageId: 'busyWait', line: 11, column: 10, endLine: 11, endColumn: 31 },
        { messageId: 'busyWait', line: 13, column: 10, endLine: 13, endColumn: 49 },
      ],
    },
    // Unstable operands: an unknown global, a computed member, a `let` changed in the loop, a parameter reassigned in a nested function, a member while the body calls.
    {
      code: `declare let later: number;
export function a(cfg: { end: number }, key: 'end', n: number): void {
  while (Date.now() < later) {}
  while (Date.now() < cfg[key]) {}
  let end = Date.now() + 10;
  while (Date.now() < end) { end = end + 0; }
  const bump = () => { n = n + 1; };
  while (Date.now() < n) { bump(); }
  while (Date.now() < cfg.end) { delete (cfg as any).end; }
  for (let i = 0; Date.now() < cfg.end; i++) {}
  while (Date.now() < (this as any).end) {}
  while (Date.now() < deadline.getTime()) {}
}
declare const deadline: Date;`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 3, column: 10, endLine: 3, endColumn: 28 },
        { messageId: 'busyWait', line: 12, column: 10, endLine: 12, endColumn: 41 },
      ],
    },
    // A `Date` deadline compared with `getTime()` / `valueOf()` is stable when the loop does not touch it.
    {
      code: `import { sleep } from '@temporalio/workflow';
export async function a(ms: number): Promise<void> {
  const deadline = new Date(Date.now() + ms);
  while (Date.now() < deadline.valueOf()) {}
  let other = new Date();
  for (; Date.now() < other.getTime(); other = new Date()) {}
  await sleep(1);
}`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 4, column: 10, endLine: 4, endColumn: 41, suggestions: [{ messageId: 'useSleep', output: `import { sleep } from '@temporalio/workflow';
export async function a(ms: number): Promise<void> {
  const deadline = new Date(Date.now() + ms);
  await sleep(deadline.valueOf() - Date.now());
  let other = new Date();
  for (; Date.now() < other.getTime(); other = new Date()) {}
  await sleep(1);
}` }] },
      ],
    },
    // The suggestion computes the remaining time: parenthesised operands, a sum, a `>` comparison; none with a comment or for unsupported shapes.
    {
      code: `export async function a(start: number, ms: number, extra: number): Promise<void> {
  while (Date.now() - start < ms * 2) {}
  while (Date.now() - (start + 1) < (ms + extra)) {}
  while (start + ms > Date.now()) {}
  while (Date.now() < start + ms) { /* spin */ }
  while (Date.now() !== start) {}
  for (;Date.now() < start;) {}
}`,
      filename: W,
      errors: [
        { messageId: 'busyWait', line: 2, column: 10, endLine: 2, endColumn: 37, suggestions: [{ messageId: 'useSleep', output: `import { sleep } from '@temporalio/workflow';
export async function a(start: number, ms: number, extra: number): Promise<void> {
  await sleep(start + ms * 2 - Date.now());
  while (Date.now() - (start + 1) < (ms + extra)) {}
  while (start + ms > Date.now()) {}
  while (Date.now() < start + ms) { /* spin */ }
  while (Date.now() !== start) {}
  for (;Date.now() < start;) {}
}` }] },
        { messageId: 'busyWait', line: 3, column: 10, endLine: 3, endColumn: 49, suggestions: [{ messageId: 'useSleep', output: `import { sleep } from '@temporalio/workflow';
export async function a(start: number, ms: number, extra: number): Promise<void> {
  while (Date.now() - start < ms * 2) {}
  await sleep(start + 1 + (ms + extra) - Date.now());
  while (start + ms > Date.now()) {}
  while (Date.now() < start + ms) { /* spin */ }
  while (Date.now() !== start) {}
  for (;Date.now() < start;) {}
}` }] },
        { messageId: 'busyWait', line: 4, column: 10, endLine: 4, endColumn: 33, suggestions: [{ messageId: 'useSleep', output: `import { sleep } from '@temporalio/workflow';
export async function a(start: number, ms: number, extra: number): Promise<void> {
  while (Date.now() - start < ms * 2) {}
  while (Date.now() - (start + 1) < (ms + extra)) {}
  await sleep(start + ms - Date.now());
  while (Date.now() < start + ms) { /* spin */ }
  while (Date.now() !== start) {}
  for (;Date.now() < start;) {}
}` }] },
        { messageId: 'busyWait', line: 5, column: 10, endLine: 5, endColumn: 33 },
        { messageId: 'busyWait', line: 6, column: 10, endLine: 6, endColumn: 30 },
        { messageId: 'busyWait', line: 7, column: 9, endLine: 7, endColumn: 27, suggestions: [{ messageId: 'useSleep', output: `import { sleep } from '@temporalio/workflow';
export async function a(start: number, ms: number, extra: number): Promise<void> {
  while (Date.now() - start < ms * 2) {}
  while (Date.now() - (start + 1) < (ms + extra)) {}
  while (start + ms > Date.now()) {}
  while (Date.now() < start + ms) { /* spin */ }
  while (Date.now() !== start) {}
  await sleep(start - Date.now());
}` }] },
      ],
    },
    // Elapsed-time checks: `+start`, no reading before the later one, a loop around the later reading that awaits.
    {
      code: `import { sleep } from '@temporalio/workflow';
export async function a(): Promise<number[]> {
  const start = new Date();
  const elapsed = Date.now() - +start;
  const x = Date.now();
  const y = x - later;
  for (let i = 0; i < 3; i++) {
    await sleep(1);
    const d = Date.now() - x;
    void d;
  }
  return [elapsed, y];
}
const later = Date.now();`,
      filename: W,
      errors: [
        { messageId: 'elapsedZero', line: 4, column: 19, endLine: 4, endColumn: 38 },
      ],
    },
    // Both readings in one iteration of a loop that awaits later: the elapsed time is still 0.
    {
      code: `import { sleep } from '@temporalio/workflow';
export async function a(): Promise<void> {
  while (true) {
    const start = Date.now();
    const spent = Date.now() - start;
    void spent;
    await sleep(1);
  }
}`,
      filename: W,
      errors: [
        { messageId: 'elapsedZero', line: 5, column: 19, endLine: 5, endColumn: 37 },
      ],
    },
  ],
});
