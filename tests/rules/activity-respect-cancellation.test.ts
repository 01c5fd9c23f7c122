import rule from '../../src/rules/activity-respect-cancellation.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/activities.ts';
const strict = [{ requireAbortSignal: true }] as const;

ruleTester.run('activity-respect-cancellation', rule, {
  valid: [
    // The official sample: check for CancelledFailure, then rethrow.
    {
      filename,
      code: `
        import { Context, CancelledFailure } from '@temporalio/activity';
        export async function fakeProgress(ms = 1000): Promise<void> {
          try {
            for (let p = 1; p <= 100; ++p) { await Context.current().sleep(ms); Context.current().heartbeat(p); }
          } catch (err) {
            if (err instanceof CancelledFailure) { console.log('cancelled'); }
            throw err;
          }
        }
      `,
    },
    // Handling cancellation on purpose without rethrowing (explicit check).
    {
      filename,
      code: `
        import { sleep, cancellationSignal } from '@temporalio/activity';
        export async function a() {
          try { await sleep('1m'); } catch (err) { if (cancellationSignal().aborted) return 'cancelled'; return 'other'; }
        }
        export async function b(url: string) {
          try { return await fetch(url, { signal: cancellationSignal() }); }
          catch (err) { if ((err as Error).name === 'AbortError') return null; throw err; }
        }
      `,
    },
    // The error is handed to code that may rethrow it.
    {
      filename,
      code: `
        import { sleep } from '@temporalio/activity';
        declare function handle(err: unknown): never;
        export async function a() { try { await sleep(1000); } catch (err) { handle(err); } }
      `,
    },
    // try blocks that cannot raise cancellation (no activity sleep, no signal): catch-alls are fine.
    {
      filename,
      code: `
        export async function lookup(url: string) {
          try { return await (await fetch(url)).json(); } catch (err) { console.warn('lookup failed', err); return null; }
        }
      `,
    },
    // Catch-alls outside activity functions (module scope, workflow files).
    {
      filename: 'src/workflows.ts',
      code: `
        import { sleep } from '@temporalio/workflow';
        export async function wf() { try { await sleep(1000); } catch { /* ignore */ } }
      `,
    },
    // Abort signal passed in every supported form (strict).
    {
      filename,
      options: strict,
      code: `
        import axios from 'axios';
        import { Context, cancellationSignal } from '@temporalio/activity';
        export async function a(url: string) {
          const signal = cancellationSignal();
          await fetch(url, { signal });
          await fetch(url, { method: 'POST', signal: Context.current().cancellationSignal });
          await axios.get(url, { signal });
          await axios.post(url, { a: 1 }, { signal });
          const init = { signal };
          await fetch(url, init);
        }
      `,
    },
    // Options that cannot be evaluated are not reported; calls outside activities neither.
    {
      filename,
      options: strict,
      code: `
        declare const init: RequestInit;
        export async function a(url: string, extra: RequestInit) {
          await fetch(url, init);
          await fetch(url, { ...extra });
          await fetch(...[url]);
        }
        const warm = fetch('https://example.com');
      `,
    },
    // Without requireAbortSignal (recommended), missing signals are not reported.
    {
      filename,
      code: `export async function a(url: string) { return fetch(url); }`,
    },
    // A local function called fetch.
    {
      filename,
      options: strict,
      code: `
        function fetch(url: string) { return url; }
        export async function a(url: string) { return fetch(url); }
      `,
    },
  ],
  invalid: [
    // A catch-all around the activity's sleep, logging only.
    {
      filename,
      code: `import { sleep, log } from '@temporalio/activity';
export async function waitThenCall(url: string) {
  try {
    await sleep('1 minute');
  } catch (err) {
    log.warn('sleep failed', { err });
  }
  return url;
}`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'rethrowCancellation',
              output: `import { sleep, log, cancellationSignal } from '@temporalio/activity';
export async function waitThenCall(url: string) {
  try {
    await sleep('1 minute');
  } catch (err) {
    if (cancellationSignal().aborted) throw err;
    log.warn('sleep failed', { err });
  }
  return url;
}`,
            },
          ],
        },
      ],
    },
    // A catch without a binding, around a fetch that is given the signal; Context form.
    {
      filename,
      code: `import { Context } from '@temporalio/activity';
export async function ping(url: string) {
  try { await fetch(url, { signal: Context.current().cancellationSignal }); } catch { return false; }
  return true;
}`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          line: 3,
          column: 79,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'rethrowCancellation',
              output: `import { Context, cancellationSignal } from '@temporalio/activity';
export async function ping(url: string) {
  try { await fetch(url, { signal: Context.current().cancellationSignal }); } catch (err) { if (cancellationSignal().aborted) throw err; return false; }
  return true;
}`,
            },
          ],
        },
      ],
    },
    // Through a const signal and a same-file helper; object-member activities; `cancelled()`.
    {
      filename,
      code: `import * as activity from '@temporalio/activity';
async function download(url: string, signal: AbortSignal) { return fetch(url, { signal }); }
export const activities = {
  async a(url: string) {
    const signal = activity.cancellationSignal();
    try { await download(url, signal); } catch (e) { console.error(e); }
  },
  async b() {
    try { await Promise.race([activity.cancelled(), new Promise((r) => setTimeout(r, 10))]); } catch (e) {}
  },
};`,
      errors: [
        {
          messageId: 'swallowedCancellation',
          line: 6,
          column: 42,
          suggestions: [
            {
              messageId: 'rethrowCancellation',
              output: `import * as activity from '@temporalio/activity';
async function download(url: string, signal: AbortSignal) { return fetch(url, { signal }); }
export const activities = {
  async a(url: string) {
    const signal = activity.cancellationSignal();
    try { await download(url, signal); } catch (e) { if (activity.cancellationSignal().aborted) throw e; console.error(e); }
  },
  async b() {
    try { await Promise.race([activity.cancelled(), new Promise((r) => setTimeout(r, 10))]); } catch (e) {}
  },
};`,
            },
          ],
        },
        {
          messageId: 'swallowedCancellation',
          line: 9,
          column: 96,
          suggestions: [
            {
              messageId: 'rethrowCancellation',
              output: `import * as activity from '@temporalio/activity';
async function download(url: string, signal: AbortSignal) { return fetch(url, { signal }); }
export const activities = {
  async a(url: string) {
    const signal = activity.cancellationSignal();
    try { await download(url, signal); } catch (e) { console.error(e); }
  },
  async b() {
    try { await Promise.race([activity.cancelled(), new Promise((r) => setTimeout(r, 10))]); } catch (e) { if (activity.cancellationSignal().aborted) throw e; }
  },
};`,
            },
          ],
        },
      ],
    },
    // Promise `.catch()` handlers on cancellable promises.
    {
      filename,
      code: `import { sleep, cancellationSignal } from '@temporalio/activity';
export async function a(url: string) {
  await sleep('10s').catch(() => undefined);
  await fetch(url, { signal: cancellationSignal() }).catch(function (err) { console.log(err); return null; });
  await sleep('1s').catch((err) => { throw err; });
  await sleep('1s').catch((err) => Promise.reject(err));
  await fetch(url).catch(() => null);
}`,
      errors: [
        { messageId: 'swallowedCancellation', line: 3, column: 22, endColumn: 27 },
        { messageId: 'swallowedCancellation', line: 4, column: 54 },
      ],
    },
    // Missing abort signal (strict): fetch without options, with options, axios with padding.
    {
      filename,
      options: strict,
      code: `import axios from 'axios';
export async function sync(url: string) {
  await fetch(url);
  await fetch(url, { method: 'DELETE' });
  await axios.post(url);
}`,
      errors: [
        {
          messageId: 'missingAbortSignal',
          line: 3,
          column: 9,
          endColumn: 19,
          data: { call: 'fetch()' },
          suggestions: [
            {
              messageId: 'passAbortSignal',
              output: `import axios from 'axios';
import { cancellationSignal } from '@temporalio/activity';
export async function sync(url: string) {
  await fetch(url, { signal: cancellationSignal() });
  await fetch(url, { method: 'DELETE' });
  await axios.post(url);
}`,
            },
          ],
        },
        {
          messageId: 'missingAbortSignal',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'passAbortSignal',
              output: `import axios from 'axios';
import { cancellationSignal } from '@temporalio/activity';
export async function sync(url: string) {
  await fetch(url);
  await fetch(url, { method: 'DELETE', signal: cancellationSignal() });
  await axios.post(url);
}`,
            },
          ],
        },
        {
          messageId: 'missingAbortSignal',
          line: 5,
          column: 9,
          data: { call: 'axios.post()' },
          suggestions: [
            {
              messageId: 'passAbortSignal',
              output: `import axios from 'axios';
import { cancellationSignal } from '@temporalio/activity';
export async function sync(url: string) {
  await fetch(url);
  await fetch(url, { method: 'DELETE' });
  await axios.post(url, undefined, { signal: cancellationSignal() });
}`,
            },
          ],
        },
      ],
    },
    // Multi-line options keep their layout; an existing import is extended; axios instances; got and node-fetch are report-only.
    {
      filename,
      options: strict,
      code: `import { heartbeat } from '@temporalio/activity';
import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
const client = axios.create({ baseURL: 'https://api' });
export async function charge(id: string) {
  heartbeat();
  await client.get('/charges/' + id);
  await got.post('https://api/x', { json: {} });
  await nodeFetch('https://api/y');
  return fetch('https://api/charges', {
    method: 'POST',
    body: id,
  });
}`,
      errors: [
        {
          messageId: 'missingAbortSignal',
          line: 8,
          column: 9,
          data: { call: 'axios.get()' },
          suggestions: [
            {
              messageId: 'passAbortSignal',
              output: `import { heartbeat, cancellationSignal } from '@temporalio/activity';
import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
const client = axios.create({ baseURL: 'https://api' });
export async function charge(id: string) {
  heartbeat();
  await client.get('/charges/' + id, { signal: cancellationSignal() });
  await got.post('https://api/x', { json: {} });
  await nodeFetch('https://api/y');
  return fetch('https://api/charges', {
    method: 'POST',
    body: id,
  });
}`,
            },
          ],
        },
        { messageId: 'missingAbortSignal', line: 9, column: 9, data: { call: 'got.post()' }, suggestions: [] },
        { messageId: 'missingAbortSignal', line: 10, column: 9, data: { call: 'fetch()' }, suggestions: [] },
        {
          messageId: 'missingAbortSignal',
          line: 11,
          column: 10,
          endLine: 14,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'passAbortSignal',
              output: `import { heartbeat, cancellationSignal } from '@temporalio/activity';
import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
const client = axios.create({ baseURL: 'https://api' });
export async function charge(id: string) {
  heartbeat();
  await client.get('/charges/' + id);
  await got.post('https://api/x', { json: {} });
  await nodeFetch('https://api/y');
  return fetch('https://api/charges', {
    method: 'POST',
    body: id,
    signal: cancellationSignal(),
  });
}`,
            },
          ],
        },
      ],
    },
    // Options in a const without a signal: reported, no suggestion; undici; optional chaining.
    {
      filename,
      options: strict,
      code: `import { request } from 'undici';
const init = { method: 'POST' };
export async function a(url: string) {
  await fetch(url, init);
  await request(url);
  await globalThis.fetch?.(url);
}`,
      errors: [
        { messageId: 'missingAbortSignal', line: 4, column: 9, suggestions: [] },
        {
          messageId: 'missingAbortSignal',
          line: 5,
          column: 9,
          data: { call: 'request()' },
          suggestions: [
            {
              messageId: 'passAbortSignal',
              output: `import { request } from 'undici';
import { cancellationSignal } from '@temporalio/activity';
const init = { method: 'POST' };
export async function a(url: string) {
  await fetch(url, init);
  await request(url, { signal: cancellationSignal() });
  await globalThis.fetch?.(url);
}`,
            },
          ],
        },
        {
          messageId: 'missingAbortSignal',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'passAbortSignal',
              output: `import { request } from 'undici';
import { cancellationSignal } from '@temporalio/activity';
const init = { method: 'POST' };
export async function a(url: string) {
  await fetch(url, init);
  await request(url);
  await globalThis.fetch?.(url, { signal: cancellationSignal() });
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('activity-respect-cancellation: HTTP clients, catch forms and suggestion edges', rule, {
  valid: [
    // A file without activities is skipped.
    {
      code: `export async function helper(): Promise<unknown> { return fetch('x'); }
void helper;
const x = 1;
export { x };`,
      filename: 'src/lib/http.ts',
      options: strict,
    },
  ],
  invalid: [
    // HTTP clients: undici, node-fetch, axios (instances, methods with data, `request`), got; spreads, unknown options, an existing signal, an argument list to extend.
    {
      code: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x'),
    await nodeFetch('https://x'),
    await api.get('https://x'),
    await axios.post('https://x', { a: 1 }),
    await axios.request({ url: 'https://x' }),
    await axios({ url: 'https://x' }),
    await axios.patch('https://x'),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {},),
  ];
}`,
      filename: filename,
      options: strict,
      errors: [
        { messageId: 'missingAbortSignal', line: 10, column: 11, endLine: 10, endColumn: 31, suggestions: [{ messageId: 'passAbortSignal', output: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
import { cancellationSignal } from '@temporalio/activity';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x', { signal: cancellationSignal() }),
    await nodeFetch('https://x'),
    await api.get('https://x'),
    await axios.post('https://x', { a: 1 }),
    await axios.request({ url: 'https://x' }),
    await axios({ url: 'https://x' }),
    await axios.patch('https://x'),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {},),
  ];
}` }] },
        { messageId: 'missingAbortSignal', line: 11, column: 11, endLine: 11, endColumn: 33 },
        { messageId: 'missingAbortSignal', line: 12, column: 11, endLine: 12, endColumn: 31, suggestions: [{ messageId: 'passAbortSignal', output: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
import { cancellationSignal } from '@temporalio/activity';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x'),
    await nodeFetch('https://x'),
    await api.get('https://x', { signal: cancellationSignal() }),
    await axios.post('https://x', { a: 1 }),
    await axios.request({ url: 'https://x' }),
    await axios({ url: 'https://x' }),
    await axios.patch('https://x'),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {},),
  ];
}` }] },
        { messageId: 'missingAbortSignal', line: 13, column: 11, endLine: 13, endColumn: 44, suggestions: [{ messageId: 'passAbortSignal', output: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
import { cancellationSignal } from '@temporalio/activity';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x'),
    await nodeFetch('https://x'),
    await api.get('https://x'),
    await axios.post('https://x', { a: 1 }, { signal: cancellationSignal() }),
    await axios.request({ url: 'https://x' }),
    await axios({ url: 'https://x' }),
    await axios.patch('https://x'),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {},),
  ];
}` }] },
        { messageId: 'missingAbortSignal', line: 14, column: 11, endLine: 14, endColumn: 46, suggestions: [{ messageId: 'passAbortSignal', output: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
import { cancellationSignal } from '@temporalio/activity';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x'),
    await nodeFetch('https://x'),
    await api.get('https://x'),
    await axios.post('https://x', { a: 1 }),
    await axios.request({ url: 'https://x', signal: cancellationSignal() }),
    await axios({ url: 'https://x' }),
    await axios.patch('https://x'),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {},),
  ];
}` }] },
        { messageId: 'missingAbortSignal', line: 15, column: 11, endLine: 15, endColumn: 38, suggestions: [{ messageId: 'passAbortSignal', output: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
import { cancellationSignal } from '@temporalio/activity';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x'),
    await nodeFetch('https://x'),
    await api.get('https://x'),
    await axios.post('https://x', { a: 1 }),
    await axios.request({ url: 'https://x' }),
    await axios({ url: 'https://x', signal: cancellationSignal() }),
    await axios.patch('https://x'),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {},),
  ];
}` }] },
        { messageId: 'missingAbortSignal', line: 16, column: 11, endLine: 16, endColumn: 35, suggestions: [{ messageId: 'passAbortSignal', output: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
import { cancellationSignal } from '@temporalio/activity';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x'),
    await nodeFetch('https://x'),
    await api.get('https://x'),
    await axios.post('https://x', { a: 1 }),
    await axios.request({ url: 'https://x' }),
    await axios({ url: 'https://x' }),
    await axios.patch('https://x', undefined, { signal: cancellationSignal() }),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {},),
  ];
}` }] },
        { messageId: 'missingAbortSignal', line: 17, column: 11, endLine: 17, endColumn: 31 },
        { messageId: 'missingAbortSignal', line: 18, column: 11, endLine: 18, endColumn: 36 },
        { messageId: 'missingAbortSignal', line: 24, column: 11, endLine: 24, endColumn: 41 },
        { messageId: 'missingAbortSignal', line: 25, column: 11, endLine: 25, endColumn: 39, suggestions: [{ messageId: 'passAbortSignal', output: `import { request } from 'undici';
import nodeFetch from 'node-fetch';
import axios from 'axios';
import got from 'got';
import { cancellationSignal } from '@temporalio/activity';
declare const opts: object;
declare const args: [string];
const api = axios.create();
export async function a(signal: AbortSignal): Promise<unknown[]> {
  return [
    await request('https://x'),
    await nodeFetch('https://x'),
    await api.get('https://x'),
    await axios.post('https://x', { a: 1 }),
    await axios.request({ url: 'https://x' }),
    await axios({ url: 'https://x' }),
    await axios.patch('https://x'),
    await got.get('https://x'),
    await got({ url: 'https://x' }),
    await axios.getUri(),
    await fetch('https://x', opts),
    await fetch(...args),
    await fetch('https://x', { ...opts }),
    await fetch('https://x', { signal }),
    await fetch(/* where */ 'https://x'),
    await axios.post('https://x', {}, { signal: cancellationSignal() },),
  ];
}` }] },
      ],
    },
    // Catch clauses: destructured parameters, handlers that pass the error on, `Promise.reject`, names taken in the body, `.catch` with a non-function handler.
    {
      code: `import { sleep } from '@temporalio/activity';
declare function report(e: unknown): void;
declare const handler: (e: unknown) => void;
export async function a(): Promise<void> {
  try { await sleep(1); } catch ({ message }) { void message; }
  try { await sleep(1); } catch (e) { report(e); }
  try { await sleep(1); } catch (e) { console.log(e); }
  try { await sleep(1); } catch { const err = 1, error = 2, e = 3; void [err, error, e]; }
  try { await sleep(1); } catch {}
  try { sleep(1); } catch {}
  await sleep(1).catch(handler);
  await sleep(1).catch((e) => Promise.reject(e));
  await sleep(1).catch(function () { return undefined; });
}`,
      filename: filename,
      errors: [
        { messageId: 'swallowedCancellation', line: 5, column: 27, endLine: 5, endColumn: 46 },
        { messageId: 'swallowedCancellation', line: 7, column: 27, endLine: 7, endColumn: 36, suggestions: [{ messageId: 'rethrowCancellation', output: `import { sleep, cancellationSignal } from '@temporalio/activity';
declare function report(e: unknown): void;
declare const handler: (e: unknown) => void;
export async function a(): Promise<void> {
  try { await sleep(1); } catch ({ message }) { void message; }
  try { await sleep(1); } catch (e) { report(e); }
  try { await sleep(1); } catch (e) { if (cancellationSignal().aborted) throw e; console.log(e); }
  try { await sleep(1); } catch { const err = 1, error = 2, e = 3; void [err, error, e]; }
  try { await sleep(1); } catch {}
  try { sleep(1); } catch {}
  await sleep(1).catch(handler);
  await sleep(1).catch((e) => Promise.reject(e));
  await sleep(1).catch(function () { return undefined; });
}` }] },
        { messageId: 'swallowedCancellation', line: 8, column: 27, endLine: 8, endColumn: 32 },
        { messageId: 'swallowedCancellation', line: 9, column: 27, endLine: 9, endColumn: 32, suggestions: [{ messageId: 'rethrowCancellation', output: `import { sleep, cancellationSignal } from '@temporalio/activity';
declare function report(e: unknown): void;
declare const handler: (e: unknown) => void;
export async function a(): Promise<void> {
  try { await sleep(1); } catch ({ message }) { void message; }
  try { await sleep(1); } catch (e) { report(e); }
  try { await sleep(1); } catch (e) { console.log(e); }
  try { await sleep(1); } catch { const err = 1, error = 2, e = 3; void [err, error, e]; }
  try { await sleep(1); } catch (err) { if (cancellationSignal().aborted) throw err; }
  try { sleep(1); } catch {}
  await sleep(1).catch(handler);
  await sleep(1).catch((e) => Promise.reject(e));
  await sleep(1).catch(function () { return undefined; });
}` }] },
        { messageId: 'swallowedCancellation', line: 13, column: 18, endLine: 13, endColumn: 23 },
      ],
    },
  ],
});
