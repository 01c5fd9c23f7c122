import { vi } from 'vitest';
import rule from '../../src/rules/workflow-no-unsupported-globals.js';
import { createRuleTester } from '../rule-tester.js';

// `lib/` files: a helper reached from `src/workflows.ts` (the message names the chain).
vi.mock('../../src/project/index.js', async (importOriginal) =>
  (await import('../model-stubs.js')).withModelStubs(await importOriginal()),
);

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';
const why = '';
const IO = 'do network I/O in an activity';

ruleTester.run('workflow-no-unsupported-globals', rule, {
  valid: [
    // Idiomatic workflow code: what the sandbox provides.
    {
      code: `import { proxyActivities, sleep, log, uuid4 } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export async function example(name: string): Promise<string> {
  const started = Date.now();
  const id = uuid4();
  if (Math.random() > 0.5) await sleep(100);
  const timer = setTimeout(() => log.info('late'), 1000);
  clearTimeout(timer);
  console.log('hello', new Date().toISOString());
  console.info('i'); console.warn('w'); console.error('e'); console.debug('d');
  const bytes = new TextEncoder().encode(name);
  const url = new URL('https://example.com?a=1');
  const params = new URLSearchParams(url.search);
  const controller = new AbortController();
  controller.signal.aborted;
  const cache = new WeakMap<object, number>();
  const seen = new WeakSet<object>();
  const fmt = new Intl.NumberFormat('en-US').format(1);
  const json = JSON.parse(JSON.stringify({ id, started, bytes, params, cache, seen, fmt }));
  assert(json);
  return await greet(name);
}`,
      filename: W,
    },
    // `process.env.NODE_ENV` comparisons: webpack inlines the string; they never throw.
    { code: `export const dev = process.env.NODE_ENV !== 'production';\nif (process.env.NODE_ENV === 'test') {}\nswitch (process.env.NODE_ENV) { default: }`, filename: W },
    // Feature checks.
    { code: `export const hasFetch = typeof fetch === 'function';\nexport const noBuffer = typeof Buffer === 'undefined';\nexport const t = typeof process;`, filename: W },
    { code: `export function get(url: string) { return typeof fetch !== 'undefined' ? fetch(url) : undefined; }`, filename: W },
    { code: `export const debug = typeof process !== 'undefined' && process.env.DEBUG === '1';`, filename: W },
    { code: `export function clone<T>(v: T): T {\n  if (typeof structuredClone === 'undefined') return JSON.parse(JSON.stringify(v));\n  return structuredClone(v);\n}`, filename: W },
    { code: `export function enc(s: string) {\n  if (typeof Buffer !== 'undefined') { return Buffer.from(s).toString('base64'); }\n  return s;\n}`, filename: W },
    { code: `export const c = globalThis.structuredClone ? globalThis.structuredClone({}) : {};\nexport const d = 'fetch' in globalThis && globalThis.fetch('x');`, filename: W },
    // More forms of feature checks: reversed operands, `||` fallbacks, early exits, `in`, `Boolean()`, negations.
    {
      code: `export function a() { return 'undefined' !== typeof fetch ? fetch('x') : null; }
export function b() { return typeof Buffer === 'undefined' || Buffer.from('x'); }
export function c() { if (!('structuredClone' in globalThis)) throw new Error('x'); return structuredClone({}); }
export function d() { return Boolean(globalThis.atob) && atob('eA=='); }
export function e() { if (typeof performance !== 'object') { return 0; } return performance.mark('x'); }
export function f() { if (!(typeof btoa === 'function')) return; return btoa('x'); }
export function g(k: string) { switch (k) { case 'a': if (typeof setImmediate === 'undefined') break; setImmediate(() => {}); } }
export function h() { for (;;) { if (typeof queueMicrotask === 'undefined') continue; queueMicrotask(() => {}); } }
export function i() { return typeof fetch === 'undefined' ? undefined : fetch('x'); }
export function j() { if (typeof fetch !== 'function' || typeof Headers !== 'function') return; return [fetch, Headers]; }
export function k() { return typeof self !== 'undefined' && typeof window !== 'undefined' ? [self, window] : []; }
export function l() { return globalThis.fetch?.('x') ?? (typeof process === 'undefined' ? null : process.env.X); }
export const m = { get f() { return typeof fetch !== 'undefined' && typeof fetch === 'function' && fetch; } };`,
      filename: W,
    },
    { code: `export const q = globalThis.queueMicrotask;\nglobalThis.setImmediate?.(() => {});\nexport const f = global.fetch;`, filename: W },
    { code: `console.table?.([]);\nexport const t = typeof console.time;\nif (typeof console.trace === 'function') console.trace();`, filename: W },
    // Types only.
    { code: `let b: Buffer;\nlet p: typeof process.env;\nlet r: Response | Request;\nexport type E = typeof fetch;\nfunction f(x: ReadableStream): void {}`, filename: W },
    // Local bindings shadow the globals.
    { code: `import { fetch } from './http-stub';\nexport const r = fetch('x');`, filename: W },
    { code: `function setInterval(cb: () => void, ms: number) { return [cb, ms]; }\nsetInterval(() => {}, 1);`, filename: W },
    { code: `export function f(process: { env: Record<string, string> }, Buffer: unknown, performance: { now(): number }) {\n  return [process.env.X, Buffer, performance.now()];\n}`, filename: W },
    { code: `const console = { table(x: unknown) { return x; } };\nconsole.table([]);`, filename: W },
    { code: `class WeakRef<T> { constructor(readonly v: T) {} }\nnew WeakRef(1);`, filename: W },
    { code: `declare const Buffer: { from(s: string): Uint8Array };\nexport const b = Buffer.from('x');`, filename: W },
    // Properties with the same names are not the globals.
    { code: `export function f(o: { fetch(): void; process: { env: { X: string } } }) { o.fetch(); return o.process.env.X; }`, filename: W },
    // `WeakRef` itself may be referenced; only calling it throws.
    { code: `export const hasWeakRef = typeof WeakRef === 'function' && WeakRef !== undefined;`, filename: W },
    // `crypto` belongs to workflow-no-unsafe-random; `require` and `__dirname` are rewritten by webpack.
    { code: `export const id = crypto.randomUUID();\nexport const d = __dirname;\nconst { sleep } = require('@temporalio/workflow');`, filename: W },
    // Not workflow code.
    { code: `export const r = await fetch('x');\nsetInterval(() => {}, 1);\nconsole.table(process.env.FOO, Buffer.from('x'));\nnew WeakRef({});`, filename: 'src/activities.ts' },
    { code: `export const port = process.env.PORT;\nconsole.time('start');`, filename: 'src/worker.ts' },
    { code: `export const addr = process.env.TEMPORAL_ADDRESS;`, filename: 'src/client.ts' },
  ],
  invalid: [
    {
      code: `export async function wf(url: string) {\n  const res = await fetch(url);\n  return res.json();\n}`,
      filename: W,
      errors: [{ messageId: 'absentGlobal', data: { name: 'fetch', hint: IO, why }, line: 2, column: 21, endLine: 2, endColumn: 26 }],
    },
    {
      code: `export function wf() {\n  const x = new XMLHttpRequest();\n  const ws = new WebSocket('ws://x');\n  return [x, ws, new Headers(), new AbortSignal()];\n}`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', data: { name: 'XMLHttpRequest', hint: IO, why }, line: 2, column: 17 },
        { messageId: 'absentGlobal', data: { name: 'WebSocket', hint: IO, why }, line: 3, column: 18 },
        { messageId: 'absentGlobal', data: { name: 'Headers', hint: IO, why }, line: 4, column: 22 },
        {
          messageId: 'absentGlobal',
          data: { name: 'AbortSignal', hint: 'create signals with `new AbortController().signal`, or use a `CancellationScope`', why },
          line: 4,
          column: 37,
        },
      ],
    },
    {
      code: `export function wf(data: string) {\n  return [Buffer.from(data), btoa(data), atob(data), structuredClone({ data })];\n}`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', data: { name: 'Buffer', hint: 'use `Uint8Array`, `TextEncoder` and `TextDecoder`, which the sandbox provides', why }, line: 2, column: 11 },
        { messageId: 'absentGlobal', line: 2, column: 30 },
        { messageId: 'absentGlobal', line: 2, column: 42 },
        { messageId: 'absentGlobal', data: { name: 'structuredClone', hint: 'copy plain data with spreads or `JSON.parse(JSON.stringify(value))`', why }, line: 2, column: 54 },
      ],
    },
    {
      code: `export const t = performance.now();\nexport const u = globalThis.performance.now();\nexport const v = performance.now(/* x */);`,
      filename: W,
      errors: [
        {
          messageId: 'absentGlobal',
          data: { name: 'performance', hint: 'use `Date.now()`, which is the workflow task time in the sandbox', why },
          line: 1,
          column: 18,
          endColumn: 29,
          suggestions: [{ messageId: 'useDateNow', output: `export const t = Date.now();\nexport const u = globalThis.performance.now();\nexport const v = performance.now(/* x */);` }],
        },
        { messageId: 'absentGlobal', line: 2, column: 18 },
        { messageId: 'absentGlobal', line: 3, column: 18, suggestions: [] },
      ],
    },
    {
      code: `const t = setInterval(() => {}, 1000);\nclearInterval(t);\nsetImmediate(() => {});\nqueueMicrotask(() => {});\nperformance.mark('start');`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', data: { name: 'setInterval', hint: 'use `sleep()` from `@temporalio/workflow` (a durable timer) in a loop', why }, line: 1, column: 11 },
        { messageId: 'absentGlobal', line: 2, column: 1 },
        { messageId: 'absentGlobal', line: 3, column: 1 },
        { messageId: 'absentGlobal', data: { name: 'queueMicrotask', hint: 'use `Promise.resolve().then(callback)`', why }, line: 4, column: 1 },
        { messageId: 'absentGlobal', line: 5, column: 1 },
      ],
    },
    {
      code: `export const a = [new Event('x'), new EventTarget(), navigator.userAgent, localStorage.getItem('k'), window.location];`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', line: 1, column: 23 },
        { messageId: 'absentGlobal', line: 1, column: 39 },
        { messageId: 'absentGlobal', line: 1, column: 54 },
        { messageId: 'absentGlobal', line: 1, column: 75 },
        { messageId: 'absentGlobal', data: { name: 'window', hint: 'use `globalThis`', why }, line: 1, column: 102 },
      ],
    },
    {
      // Through the global object: a call or dereference fails.
      code: `export const r = globalThis.fetch('x');\nexport const b = global.Buffer.from('x');\nglobalThis['setInterval'](() => {}, 1);`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', data: { name: 'fetch', hint: IO, why }, line: 1, column: 18, endColumn: 34 },
        { messageId: 'absentGlobal', line: 2, column: 18 },
        { messageId: 'absentGlobal', line: 3, column: 1 },
      ],
    },
    // `process`.
    {
      code: `export function wf() {\n  const key = process.env.API_KEY;\n  const { REGION } = process.env;\n  return [key, REGION, process.env['TOKEN'], process.cwd(), process.argv];\n}`,
      filename: W,
      errors: [
        { messageId: 'processEnv', data: { expression: 'process.env.API_KEY', why }, line: 2, column: 15, endColumn: 34 },
        { messageId: 'processEnv', data: { expression: 'process.env', why }, line: 3, column: 22 },
        { messageId: 'processEnv', data: { expression: "process.env['TOKEN']", why }, line: 4, column: 24 },
        {
          messageId: 'absentGlobal',
          data: { name: 'process', hint: 'pass configuration in as workflow arguments, or read it in an activity', why },
          line: 4,
          column: 46,
        },
        { messageId: 'absentGlobal', line: 4, column: 61 },
      ],
    },
    {
      // NODE_ENV read as a value: always "development".
      code: `export const env = process.env.NODE_ENV;\nexport const config = { mode: process.env.NODE_ENV ?? 'production' };`,
      filename: W,
      errors: [
        { messageId: 'nodeEnv', data: { why }, line: 1, column: 20, endColumn: 40 },
        { messageId: 'nodeEnv', line: 2, column: 31 },
      ],
    },
    {
      // A check of another global does not guard this one; a failed guard's branch is not guarded.
      code: `export const a = typeof fetch !== 'undefined' && Buffer.from('x');\nexport const b = typeof fetch === 'undefined' ? fetch('x') : 1;\nif (typeof process === 'undefined') { process.exit(1); }`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', line: 1, column: 50 },
        { messageId: 'absentGlobal', line: 2, column: 49 },
        { messageId: 'absentGlobal', line: 3, column: 39 },
      ],
    },
    {
      // Checks that prove nothing: `||` of presence checks, a non-exiting early `if`, truthiness of a bare name.
      code: `export function a() { return (typeof fetch === 'function' || typeof Headers === 'function') && fetch('x'); }
export function b() { if (typeof Buffer === 'undefined') { console.log('no Buffer'); } return Buffer.from('x'); }
export function c() { return typeof atob == 'string' ? 1 : atob('x'); }`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', line: 1, column: 96 },
        { messageId: 'absentGlobal', line: 2, column: 95 },
        { messageId: 'absentGlobal', line: 3, column: 60 },
      ],
    },
    // Throwing globals.
    {
      code: `const ref = new WeakRef({});\nconst reg = new FinalizationRegistry(() => {});\nexport const r = [ref, reg, new globalThis.WeakRef({})];`,
      filename: W,
      errors: [
        { messageId: 'throwingGlobal', data: { name: 'WeakRef', why }, line: 1, column: 17, endColumn: 24 },
        { messageId: 'throwingGlobal', data: { name: 'FinalizationRegistry', why }, line: 2, column: 17 },
        { messageId: 'throwingGlobal', data: { name: 'WeakRef', why }, line: 3, column: 33 },
      ],
    },
    // Console methods the sandbox lacks.
    {
      code: `export function wf() {\n  console.table([]);\n  console.time('t');\n  console.timeEnd('t');\n  console.trace();\n  console['dir']({});\n  globalThis.console.assert(true);\n}`,
      filename: W,
      errors: [
        { messageId: 'consoleMethod', data: { method: 'table', why }, line: 2, column: 3, endColumn: 16 },
        { messageId: 'consoleMethod', data: { method: 'time', why }, line: 3, column: 3 },
        { messageId: 'consoleMethod', data: { method: 'timeEnd', why }, line: 4, column: 3 },
        { messageId: 'consoleMethod', data: { method: 'trace', why }, line: 5, column: 3 },
        { messageId: 'consoleMethod', data: { method: 'dir', why }, line: 6, column: 3 },
        { messageId: 'consoleMethod', data: { method: 'assert', why }, line: 7, column: 3 },
      ],
    },
    {
      // A helper reached from workflow code: the chain is in the message.
      code: `export function retryLater(cb: () => void) {\n  return setInterval(cb, 1000);\n}`,
      filename: 'src/lib/retry.ts',
      errors: [
        {
          messageId: 'absentGlobal',
          data: {
            name: 'setInterval',
            hint: 'use `sleep()` from `@temporalio/workflow` (a durable timer) in a loop',
            why: ' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/lib/retry.ts)',
          },
          line: 2,
          column: 10,
        },
      ],
    },
  ],
});

ruleTester.run('workflow-no-unsupported-globals: feature-check forms and computed members', rule, {
  valid: [
    // Feature checks in their other forms: `||` of checks, `!` of absence, `Boolean()`, computed and template keys, early exits by `throw`/`continue`/`break` in blocks and switch cases.
    {
      code: `export function a(url: string): unknown[] {
  const out: unknown[] = [];
  if (typeof fetch === 'function' || typeof fetch === 'object') out.push(fetch(url));
  if (!(typeof fetch === 'undefined')) out.push(fetch(url));
  if (Boolean(globalThis['fetch'])) out.push(fetch(url));
  if (globalThis[\`fetch\`]) out.push(fetch(url));
  out.push(typeof fetch == 'undefined' || fetch(url));
  out.push(!globalThis.fetch ? null : fetch(url));
  out.push(typeof fetch === 'undefined' ?? fetch(url));
  for (const u of [url]) {
    if (typeof fetch === 'undefined') { continue; }
    out.push(fetch(u));
  }
  switch (url) {
    case 'x':
      if (!globalThis.fetch) break;
      out.push(fetch(url));
      break;
    default:
  }
  return out;
}
export class K {
  static {
    if (typeof fetch === 'undefined') throw new Error('no fetch');
    void fetch('x');
  }
}`,
      filename: W,
    },
  ],
  invalid: [
    // Checks that prove nothing: other globals, `typeof x === "undefined"` in the consequent, unknown type strings, other operators, `&&` of absences, a call of another function.
    {
      code: `export function a(url: string): unknown[] {
  return [
    typeof Buffer !== 'undefined' && fetch(url),
    typeof fetch === 'undefined' && fetch(url),
    typeof fetch === 'unknown-type' && fetch(url),
    typeof fetch < 'z' && fetch(url),
    (typeof fetch === 'undefined' && typeof Buffer === 'undefined') || fetch(url),
    String(globalThis.fetch) && fetch(url),
    typeof fetch !== \`\${url}\` && fetch(url),
    typeof globalThis[url] !== 'undefined' && fetch(url),
    'fetch' in window.self && fetch(url),
    !Boolean(fetch) || fetch(url),
  ];
}
export function b(url: string): unknown {
  if (typeof fetch === 'undefined') { void url; }
  if (typeof fetch === 'undefined') {}
  return fetch(url);
}`,
      filename: W,
      errors: [
        { messageId: 'absentGlobal', line: 3, column: 38, endLine: 3, endColumn: 43 },
        { messageId: 'absentGlobal', line: 4, column: 37, endLine: 4, endColumn: 42 },
        { messageId: 'absentGlobal', line: 5, column: 40, endLine: 5, endColumn: 45 },
        { messageId: 'absentGlobal', line: 6, column: 27, endLine: 6, endColumn: 32 },
        { messageId: 'absentGlobal', line: 7, column: 72, endLine: 7, endColumn: 77 },
        { messageId: 'absentGlobal', line: 8, column: 33, endLine: 8, endColumn: 38 },
        { messageId: 'absentGlobal', line: 9, column: 34, endLine: 9, endColumn: 39 },
        { messageId: 'absentGlobal', line: 10, column: 47, endLine: 10, endColumn: 52 },
        { messageId: 'absentGlobal', line: 11, column: 16, endLine: 11, endColumn: 22 },
        { messageId: 'absentGlobal', line: 11, column: 31, endLine: 11, endColumn: 36 },
        { messageId: 'absentGlobal', line: 12, column: 14, endLine: 12, endColumn: 19 },
        { messageId: 'absentGlobal', line: 12, column: 24, endLine: 12, endColumn: 29 },
        { messageId: 'absentGlobal', line: 18, column: 10, endLine: 18, endColumn: 15 },
      ],
    },
    // Members of absent globals through computed and template keys, tagged templates and optional calls.
    {
      code: `export const a = process['env'];
export const b = process[\`versions\`];
declare const k: string;
export const c = process[k];
export const d = String.raw\`\${setImmediate}\`;
export const e = setImmediate\`x\`;
export const f = globalThis.setImmediate?.call(null, () => {});`,
      filename: W,
      errors: [
        { messageId: 'processEnv', line: 1, column: 18, endLine: 1, endColumn: 32 },
        { messageId: 'absentGlobal', line: 2, column: 18, endLine: 2, endColumn: 25 },
        { messageId: 'absentGlobal', line: 4, column: 18, endLine: 4, endColumn: 25 },
        { messageId: 'absentGlobal', line: 5, column: 31, endLine: 5, endColumn: 43 },
        { messageId: 'absentGlobal', line: 6, column: 18, endLine: 6, endColumn: 30 },
      ],
    },
  ],
});
