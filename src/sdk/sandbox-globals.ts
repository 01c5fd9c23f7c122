/**
 * Globals of the workflow sandbox (`@temporalio/worker` 1.24).
 *
 * The sandbox is a bare V8 context (`vm.createContext({})`: only ECMAScript built-ins plus V8's `console`), to which
 * the worker adds (`src/workflow/vm-shared.ts` `injectGlobals`): `URL`, `URLSearchParams`, `TextEncoder`,
 * `TextDecoder`, `AbortController`, `assert` (non-writable, from the host realm), a `console` with five methods, and
 * `AsyncLocalStorage`. `@temporalio/workflow` `src/global-overrides.ts` then replaces `setTimeout`, `clearTimeout`,
 * `Date`, `Math.random`, and makes `WeakRef` / `FinalizationRegistry` throw. Webpack rewrites `global` to the
 * global object and inlines `process.env.NODE_ENV` as `"development"` (`mode: 'development'`, `bundler.ts`).
 * Everything Node or browsers add on top of ECMAScript is absent: `typeof x === 'undefined'`, and a read is a
 * `ReferenceError` (facts §1.6, verified on a fresh context with the SDK's own set-up).
 */

export interface AbsentGlobal {
  /** What to do instead, as a sentence fragment starting in lower case (no final period). */
  hint: string;
}

const IO = 'do network I/O in an activity';
const TIMER = 'use `sleep()` from `@temporalio/workflow` (a durable timer) in a loop';
const BINARY = 'use `Uint8Array`, `TextEncoder` and `TextDecoder`, which the sandbox provides';
const STORAGE = 'keep state in workflow variables, or persist it from an activity';
const EVENTS = 'use signals, updates and `condition()` for events in workflows';
const STREAMS = 'process streams in an activity';

/** Host globals that do not exist in the sandbox: reading one throws a `ReferenceError`. */
export const ABSENT_GLOBALS: Readonly<Record<string, AbsentGlobal>> = {
  // Network
  fetch: { hint: IO },
  XMLHttpRequest: { hint: IO },
  WebSocket: { hint: IO },
  EventSource: { hint: IO },
  Headers: { hint: IO },
  Request: { hint: IO },
  Response: { hint: IO },
  FormData: { hint: IO },
  // Node process and binary data
  process: { hint: 'pass configuration in as workflow arguments, or read it in an activity' },
  Buffer: { hint: BINARY },
  Blob: { hint: BINARY },
  File: { hint: BINARY },
  atob: { hint: BINARY },
  btoa: { hint: BINARY },
  structuredClone: { hint: 'copy plain data with spreads or `JSON.parse(JSON.stringify(value))`' },
  // Timers and scheduling (only `setTimeout` / `clearTimeout` exist, as durable timers)
  setInterval: { hint: TIMER },
  clearInterval: { hint: 'stop the `sleep()` loop, or cancel it with a `CancellationScope`' },
  setImmediate: { hint: 'use `await Promise.resolve()` to yield, or `sleep()` for a durable timer' },
  clearImmediate: { hint: 'use `await Promise.resolve()` to yield, or `sleep()` for a durable timer' },
  queueMicrotask: { hint: 'use `Promise.resolve().then(callback)`' },
  performance: { hint: 'use `Date.now()`, which is the workflow task time in the sandbox' },
  // Events and cancellation (`AbortController` exists; `AbortSignal` is reachable only as `controller.signal`)
  AbortSignal: { hint: 'create signals with `new AbortController().signal`, or use a `CancellationScope`' },
  Event: { hint: EVENTS },
  EventTarget: { hint: EVENTS },
  CustomEvent: { hint: EVENTS },
  MessageChannel: { hint: EVENTS },
  MessagePort: { hint: EVENTS },
  BroadcastChannel: { hint: EVENTS },
  DOMException: { hint: 'throw an `ApplicationFailure` from `@temporalio/workflow`' },
  // Streams
  ReadableStream: { hint: STREAMS },
  WritableStream: { hint: STREAMS },
  TransformStream: { hint: STREAMS },
  CompressionStream: { hint: STREAMS },
  DecompressionStream: { hint: STREAMS },
  // Browser objects (webpack rewrites only `global`, never `window` / `self` / `document`)
  window: { hint: 'use `globalThis`' },
  self: { hint: 'use `globalThis`' },
  document: { hint: 'render documents in an activity' },
  navigator: { hint: 'pass what you need in as workflow arguments' },
  location: { hint: 'pass what you need in as workflow arguments' },
  localStorage: { hint: STORAGE },
  sessionStorage: { hint: STORAGE },
  indexedDB: { hint: STORAGE },
};

/** Constructors that `global-overrides.ts` replaces with functions throwing `DeterminismViolationError`. */
export const THROWING_GLOBALS: readonly string[] = ['WeakRef', 'FinalizationRegistry'];

/** The only methods of the sandbox `console` (`vm-shared.ts`: `consoleMethods`). */
export const CONSOLE_METHODS: readonly string[] = ['log', 'warn', 'error', 'info', 'debug'];

/**
 * ECMAScript globals present in the sandbox context (`vm.createContext({})`), plus what the worker injects.
 * With `reuseV8Context` (the default, `worker-options.ts`) their values are deep-frozen after start-up
 * (`reusable-vm.ts` `deepFreeze`): own properties of objects such as `Math` and `JSON` are frozen recursively, functions
 * such as `Date` or `Array` are frozen themselves, and prototypes are not frozen (shared by every workflow).
 */
export const SANDBOX_BUILTINS: readonly string[] = [
  'Object',
  'Function',
  'Array',
  'Number',
  'Boolean',
  'String',
  'Symbol',
  'Date',
  'Promise',
  'RegExp',
  'Error',
  'AggregateError',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'JSON',
  'Math',
  'Intl',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'Uint8Array',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'Uint8ClampedArray',
  'BigUint64Array',
  'BigInt64Array',
  'DataView',
  'Map',
  'BigInt',
  'Set',
  'WeakMap',
  'WeakSet',
  'Proxy',
  'Reflect',
  'Atomics',
  'WebAssembly',
  'console',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AsyncLocalStorage',
  'assert',
];

/** Sandbox globals whose value is an object (deep-frozen with all its properties), not a function. */
export const FROZEN_NAMESPACE_OBJECTS: readonly string[] = [
  'Math',
  'JSON',
  'Intl',
  'Reflect',
  'Atomics',
  'WebAssembly',
  'console',
];
