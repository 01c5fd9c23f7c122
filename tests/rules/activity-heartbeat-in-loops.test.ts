import path from 'node:path';
import rule from '../../src/rules/activity-heartbeat-in-loops.js';
import { FIXTURES_DIR, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/activities.ts';
/** An activity file (not on disk) in a project whose `src/lib/render.ts` heartbeats and `activities/email.ts` does not. */
const crossFile = path.join(FIXTURES_DIR, 'projects/heartbeats/src/activities/scratch.ts');

ruleTester.run('activity-heartbeat-in-loops', rule, {
  valid: [
    // The official sample: a bounded loop that sleeps and heartbeats through `Context.current()`.
    {
      filename,
      code: `
        import { Context } from '@temporalio/activity';
        export async function fakeProgress(sleepIntervalMs = 1000): Promise<void> {
          const startingPoint = Context.current().info.heartbeatDetails || 1;
          for (let progress = startingPoint; progress <= 100; ++progress) {
            await Context.current().sleep(sleepIntervalMs);
            Context.current().heartbeat(progress);
          }
        }
      `,
    },
    // Streaming with `for await` and a heartbeat per chunk (the cancellable-fetch sample).
    {
      filename,
      code: `
        import { heartbeat } from '@temporalio/activity';
        export async function download(url: string) {
          const res = await fetch(url);
          let bytes = 0;
          for await (const chunk of res.body!) { bytes += chunk.length; heartbeat(bytes); }
          return bytes;
        }
      `,
    },
    // Heartbeat through an alias, a context variable, a helper, or an interval.
    {
      filename,
      code: `
        import { heartbeat as hb, Context } from '@temporalio/activity';
        export async function a(items: string[]) { for (const i of items) { await fetch(i); hb(i); } }
        export async function b(items: string[]) {
          const ctx = Context.current();
          for (const i of items) { await fetch(i); ctx.heartbeat(); }
        }
        function progress(n: number) { Context.current().heartbeat(n); }
        export async function c(items: string[]) { let n = 0; for (const i of items) { await fetch(i); progress(++n); } }
        export async function d(items: string[]) {
          const timer = setInterval(() => Context.current().heartbeat(), 5000);
          try { for (const i of items) await fetch(i); } finally { clearInterval(timer); }
        }
      `,
    },
    // A helper in another project file heartbeats for the activity.
    {
      filename: crossFile,
      code: `
        import { renderAll } from '../lib/render';
        export async function renderBooks(books: string[][]) { for (const pages of books) await renderAll(pages); }
      `,
    },
    // Loops over small constant collections, and numerically bounded retry loops.
    {
      filename,
      code: `
        const REGIONS = ['eu', 'us'] as const;
        export async function warmUp() {
          for (const region of REGIONS) await fetch('https://' + region + '.example.com');
          for (const url of ['a', 'b', 'c']) await fetch(url);
          for (const key of Object.keys({ a: 1, b: 2 })) await fetch(key);
          for (let attempt = 0; attempt < 3; attempt++) { try { return await fetch('x'); } catch { /* retry */ } }
          let tries = 0;
          while (tries++ < 5) await fetch('y');
        }
      `,
    },
    // Loops without an await per iteration are CPU work (other rules), not heartbeat candidates.
    {
      filename,
      code: `
        export async function sum(items: number[]) {
          let total = 0;
          for (const i of items) total += i;
          await Promise.all(items.map(async (i) => fetch(String(i))));
          return total;
        }
      `,
    },
    // Not activity code: module scope, factories' set-up, workflow files.
    {
      filename,
      code: `
        const files: string[] = [];
        for (const f of files) await import(f);
        export function createActivities(urls: string[]) {
          return { async ping() { return 1; } };
        }
      `,
    },
    {
      filename: 'src/workflows.ts',
      code: `
        import { sleep } from '@temporalio/workflow';
        export async function wf(items: string[]) { for (const i of items) await sleep(i); }
      `,
    },
  ],
  invalid: [
    // Unbounded input, with the suggestion adding the import.
    {
      filename,
      code: `import { log } from '@temporalio/activity';
export async function sendAll(emails: string[]) {
  for (const email of emails) {
    await fetch('https://mail/' + email);
  }
  log.info('done');
}`,
      errors: [
        {
          messageId: 'loopWithoutHeartbeat',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          data: { activity: 'sendAll' },
          suggestions: [
            {
              messageId: 'addHeartbeat',
              output: `import { log, heartbeat } from '@temporalio/activity';
export async function sendAll(emails: string[]) {
  for (const email of emails) {
    heartbeat();
    await fetch('https://mail/' + email);
  }
  log.info('done');
}`,
            },
          ],
        },
      ],
    },
    // Pagination with `while (true)` (the example app's sales report).
    {
      filename,
      code: `export async function exportSalesReport(day: string) {
  const rows = [];
  let page = 1;
  while (true) {
    const res = await fetch('/sales?page=' + page);
    const batch = await res.json();
    if (batch.length === 0) break;
    rows.push(...batch);
    page++;
  }
  return rows;
}`,
      errors: [
        {
          messageId: 'loopWithoutHeartbeat',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addHeartbeat',
              output: `import { heartbeat } from '@temporalio/activity';
export async function exportSalesReport(day: string) {
  const rows = [];
  let page = 1;
  while (true) {
    heartbeat();
    const res = await fetch('/sales?page=' + page);
    const batch = await res.json();
    if (batch.length === 0) break;
    rows.push(...batch);
    page++;
  }
  return rows;
}`,
            },
          ],
        },
      ],
    },
    // Polling with the activity's sleep; the namespace import is reused by the suggestion.
    {
      filename,
      code: `import * as activity from '@temporalio/activity';
export async function waitForJob(id: string) {
  let status = 'pending';
  do {
    await activity.sleep('10s');
    status = await (await fetch('/jobs/' + id)).text();
  } while (status !== 'done');
}`,
      errors: [
        {
          messageId: 'pollingWithoutHeartbeat',
          line: 4,
          column: 3,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'addHeartbeat',
              output: `import * as activity from '@temporalio/activity';
export async function waitForJob(id: string) {
  let status = 'pending';
  do {
    activity.heartbeat();
    await activity.sleep('10s');
    status = await (await fetch('/jobs/' + id)).text();
  } while (status !== 'done');
}`,
            },
          ],
        },
      ],
    },
    // Polling with timers/promises, a Promise around setTimeout, and a local `delay` helper.
    {
      filename,
      code: `import { setTimeout as wait } from 'node:timers/promises';
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const activities = {
  async a(ready: () => Promise<boolean>) { while (!(await ready())) await wait(1000); },
  async b(ready: () => Promise<boolean>) { for (;;) { if (await ready()) return; await new Promise((r) => setTimeout(r, 500)); } },
  async c(ready: () => Promise<boolean>) { while (!(await ready())) { await delay(100); } },
};`,
      errors: [
        { messageId: 'pollingWithoutHeartbeat', line: 4, column: 44, data: { activity: 'a' }, suggestions: [] },
        {
          messageId: 'pollingWithoutHeartbeat',
          line: 5,
          column: 44,
          data: { activity: 'b' },
          suggestions: [
            {
              messageId: 'addHeartbeat',
              output: `import { setTimeout as wait } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const activities = {
  async a(ready: () => Promise<boolean>) { while (!(await ready())) await wait(1000); },
  async b(ready: () => Promise<boolean>) { for (;;) { heartbeat(); if (await ready()) return; await new Promise((r) => setTimeout(r, 500)); } },
  async c(ready: () => Promise<boolean>) { while (!(await ready())) { await delay(100); } },
};`,
            },
          ],
        },
        {
          messageId: 'pollingWithoutHeartbeat',
          line: 6,
          column: 44,
          data: { activity: 'c' },
          suggestions: [
            {
              messageId: 'addHeartbeat',
              output: `import { setTimeout as wait } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const activities = {
  async a(ready: () => Promise<boolean>) { while (!(await ready())) await wait(1000); },
  async b(ready: () => Promise<boolean>) { for (;;) { if (await ready()) return; await new Promise((r) => setTimeout(r, 500)); } },
  async c(ready: () => Promise<boolean>) { while (!(await ready())) { heartbeat(); await delay(100); } },
};`,
            },
          ],
        },
      ],
    },
    // Numeric loops over input sizes; nested loops are reported once (outermost); `for await` over a stream.
    {
      filename,
      code: `export function createActivities(db: { insert(x: unknown): Promise<void> }) {
  return {
    async importRows(pages: string[][]) {
      for (let i = 0; i < pages.length; i++) {
        for (const row of pages[i]!) await db.insert(row);
      }
    },
    async drain(stream: AsyncIterable<string>) { for await (const line of stream) db.insert(line); },
    async copy(src: Record<string, string>) { for (const key in src) await db.insert(src[key]); },
  };
}`,
      errors: [
        { messageId: 'loopWithoutHeartbeat', line: 4, column: 7, data: { activity: 'importRows' }, suggestions: [{ messageId: 'addHeartbeat', output: `import { heartbeat } from '@temporalio/activity';
export function createActivities(db: { insert(x: unknown): Promise<void> }) {
  return {
    async importRows(pages: string[][]) {
      for (let i = 0; i < pages.length; i++) {
        heartbeat();
        for (const row of pages[i]!) await db.insert(row);
      }
    },
    async drain(stream: AsyncIterable<string>) { for await (const line of stream) db.insert(line); },
    async copy(src: Record<string, string>) { for (const key in src) await db.insert(src[key]); },
  };
}` }] },
        { messageId: 'loopWithoutHeartbeat', line: 8, column: 50, data: { activity: 'drain' }, suggestions: [] },
        { messageId: 'loopWithoutHeartbeat', line: 9, column: 47, data: { activity: 'copy' }, suggestions: [] },
      ],
    },
    // A helper in another project file that does not heartbeat.
    {
      filename: crossFile,
      code: `import { sendEmail } from './email';
export async function sendAll(to: string[]) { for (const t of to) await sendEmail(t); }`,
      errors: [
        {
          messageId: 'loopWithoutHeartbeat',
          line: 2,
          column: 47,
          data: { activity: 'sendAll' },
          suggestions: [],
        },
      ],
    },
    // No suggestion when `heartbeat` is a different binding in the file.
    {
      filename,
      code: `function heartbeat(): number { return 1; }
export async function a(items: string[]) { for (const i of items) { await fetch(i); } }`,
      errors: [{ messageId: 'loopWithoutHeartbeat', line: 2, column: 44, suggestions: [] }],
    },
  ],
});

ruleTester.run('activity-heartbeat-in-loops: constant bounds, collections and sleeps', rule, {
  valid: [
    // A file without activities is skipped.
    {
      code: `export const x = 1;
async function poll(): Promise<void> { while (true) { await fetch('x'); } }
void poll;`,
      filename: 'src/lib/util.ts',
    },
    // Bounded loops: a string, an object literal, `Object.values` / `Object.entries` of a constant, negative and const numeric bounds, an `&&` of bounds.
    {
      code: `const MAX = 3;
const NEG = -1;
const STEPS = ['a', 'b'] as const;
export async function a(): Promise<void> {
  for (const c of 'abc') await fetch(c);
  for (const k in { a: 1, b: 2 }) await fetch(k);
  for (const v of Object.values({ a: 1 })) await fetch(String(v));
  for (const [k] of Object.entries(STEPS)) await fetch(k);
  for (let i = 10; i > NEG; i--) await fetch(String(i));
  for (let i = 0; i < MAX && i !== -5; i++) await fetch(String(i));
  for (let i = 0; (i as number) < (MAX as number); i++) await fetch(String(i));
}`,
      filename: filename,
    },
  ],
  invalid: [
    // Unbounded loops: spreads, unknown calls, non-constant bounds, `||` of bounds, equality tests (an object literal with a method is still a constant).
    {
      code: `declare const more: string[];
declare let limit: number;
export async function a(): Promise<void> {
  for (const x of [...more]) await fetch(x);
  for (const k in { m() {} }) await fetch(k);
  for (const x of more.slice(0)) await fetch(x);
  for (let i = 0; i < limit; i++) await fetch(String(i));
  for (let i = 0; i < limit || i < 3; i++) await fetch(String(i));
  for (let i = 0; i === 0; i++) await fetch(String(i));
}`,
      filename: filename,
      errors: [
        { messageId: 'loopWithoutHeartbeat', line: 4, column: 3, endLine: 4, endColumn: 6 },
        { messageId: 'loopWithoutHeartbeat', line: 6, column: 3, endLine: 6, endColumn: 6 },
        { messageId: 'loopWithoutHeartbeat', line: 7, column: 3, endLine: 7, endColumn: 6 },
        { messageId: 'loopWithoutHeartbeat', line: 8, column: 3, endLine: 8, endColumn: 6 },
        { messageId: 'loopWithoutHeartbeat', line: 9, column: 3, endLine: 9, endColumn: 6 },
      ],
    },
    // Polling with other sleeps: `timers/promises` (default and `scheduler.wait`), a promise around `setTimeout`, a helper named like a sleep.
    {
      code: `import timers from 'timers/promises';
import { scheduler } from 'node:timers/promises';
declare const jitteredSleep: (ms: number) => Promise<void>;
declare const utils: { delay(ms: number): Promise<void> };
export async function a(): Promise<void> {
  while (true) { await timers.setTimeout(100); }
}
export async function b(): Promise<void> {
  while (true) { await scheduler.wait(100); }
}
export async function c(): Promise<void> {
  while (true) { await new Promise((r) => setTimeout(r, 100)); }
}
export async function d(): Promise<void> {
  while (true) { await jitteredSleep(100); await utils.delay(1); }
}
export async function e(): Promise<void> {
  while (true) { await new Promise((r) => r(1)); await new Map<string, number>().get('x'); }
}`,
      filename: filename,
      errors: [
        { messageId: 'pollingWithoutHeartbeat', line: 6, column: 3, endLine: 6, endColumn: 8, suggestions: [{ messageId: 'addHeartbeat', output: `import timers from 'timers/promises';
import { scheduler } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
declare const jitteredSleep: (ms: number) => Promise<void>;
declare const utils: { delay(ms: number): Promise<void> };
export async function a(): Promise<void> {
  while (true) { heartbeat(); await timers.setTimeout(100); }
}
export async function b(): Promise<void> {
  while (true) { await scheduler.wait(100); }
}
export async function c(): Promise<void> {
  while (true) { await new Promise((r) => setTimeout(r, 100)); }
}
export async function d(): Promise<void> {
  while (true) { await jitteredSleep(100); await utils.delay(1); }
}
export async function e(): Promise<void> {
  while (true) { await new Promise((r) => r(1)); await new Map<string, number>().get('x'); }
}` }] },
        { messageId: 'pollingWithoutHeartbeat', line: 9, column: 3, endLine: 9, endColumn: 8, suggestions: [{ messageId: 'addHeartbeat', output: `import timers from 'timers/promises';
import { scheduler } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
declare const jitteredSleep: (ms: number) => Promise<void>;
declare const utils: { delay(ms: number): Promise<void> };
export async function a(): Promise<void> {
  while (true) { await timers.setTimeout(100); }
}
export async function b(): Promise<void> {
  while (true) { heartbeat(); await scheduler.wait(100); }
}
export async function c(): Promise<void> {
  while (true) { await new Promise((r) => setTimeout(r, 100)); }
}
export async function d(): Promise<void> {
  while (true) { await jitteredSleep(100); await utils.delay(1); }
}
export async function e(): Promise<void> {
  while (true) { await new Promise((r) => r(1)); await new Map<string, number>().get('x'); }
}` }] },
        { messageId: 'pollingWithoutHeartbeat', line: 12, column: 3, endLine: 12, endColumn: 8, suggestions: [{ messageId: 'addHeartbeat', output: `import timers from 'timers/promises';
import { scheduler } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
declare const jitteredSleep: (ms: number) => Promise<void>;
declare const utils: { delay(ms: number): Promise<void> };
export async function a(): Promise<void> {
  while (true) { await timers.setTimeout(100); }
}
export async function b(): Promise<void> {
  while (true) { await scheduler.wait(100); }
}
export async function c(): Promise<void> {
  while (true) { heartbeat(); await new Promise((r) => setTimeout(r, 100)); }
}
export async function d(): Promise<void> {
  while (true) { await jitteredSleep(100); await utils.delay(1); }
}
export async function e(): Promise<void> {
  while (true) { await new Promise((r) => r(1)); await new Map<string, number>().get('x'); }
}` }] },
        { messageId: 'pollingWithoutHeartbeat', line: 15, column: 3, endLine: 15, endColumn: 8, suggestions: [{ messageId: 'addHeartbeat', output: `import timers from 'timers/promises';
import { scheduler } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
declare const jitteredSleep: (ms: number) => Promise<void>;
declare const utils: { delay(ms: number): Promise<void> };
export async function a(): Promise<void> {
  while (true) { await timers.setTimeout(100); }
}
export async function b(): Promise<void> {
  while (true) { await scheduler.wait(100); }
}
export async function c(): Promise<void> {
  while (true) { await new Promise((r) => setTimeout(r, 100)); }
}
export async function d(): Promise<void> {
  while (true) { heartbeat(); await jitteredSleep(100); await utils.delay(1); }
}
export async function e(): Promise<void> {
  while (true) { await new Promise((r) => r(1)); await new Map<string, number>().get('x'); }
}` }] },
        { messageId: 'loopWithoutHeartbeat', line: 18, column: 3, endLine: 18, endColumn: 8, suggestions: [{ messageId: 'addHeartbeat', output: `import timers from 'timers/promises';
import { scheduler } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
declare const jitteredSleep: (ms: number) => Promise<void>;
declare const utils: { delay(ms: number): Promise<void> };
export async function a(): Promise<void> {
  while (true) { await timers.setTimeout(100); }
}
export async function b(): Promise<void> {
  while (true) { await scheduler.wait(100); }
}
export async function c(): Promise<void> {
  while (true) { await new Promise((r) => setTimeout(r, 100)); }
}
export async function d(): Promise<void> {
  while (true) { await jitteredSleep(100); await utils.delay(1); }
}
export async function e(): Promise<void> {
  while (true) { heartbeat(); await new Promise((r) => r(1)); await new Map<string, number>().get('x'); }
}` }] },
      ],
    },
  ],
});
