import { vi } from 'vitest';
import rule from '../../src/rules/workflow-no-global-state.js';
import { createRuleTester } from '../rule-tester.js';

// `preload/` files: listed in `bundlerOptions.preloadModules` (`isPreloaded`); `lib/` files: a helper reached from workflows.
vi.mock('../../src/project/index.js', async (importOriginal) =>
  (await import('../model-stubs.js')).withModelStubs(await importOriginal()),
);

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';
const PRELOADED = 'src/preload/polyfills.ts';
const why = '';
const COMMAND = 'emits this command before its own, so changing this line breaks the replay of all of them';
const HANDLER = 'gets this handler, whether or not it defines the message';

ruleTester.run('workflow-no-global-state', rule, {
  valid: [
    // Idiomatic module scope: proxies, definitions, constants.
    {
      code: `import { proxyActivities, defineSignal, defineQuery, setHandler, condition, sleep, log, workflowInfo } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export const unblockSignal = defineSignal('unblock');
export const isBlockedQuery = defineQuery<boolean>('isBlocked');
const GREETING = JSON.parse('{"prefix":"Hello"}') as { prefix: string };
const ID_PATTERN = new RegExp('^[a-z]+$', 'i');
export async function unblockOrCancel(): Promise<void> {
  let isBlocked = true;
  setHandler(unblockSignal, () => void (isBlocked = false));
  setHandler(isBlockedQuery, () => isBlocked);
  log.info('Blocked', { id: workflowInfo().workflowId });
  await condition(() => !isBlocked);
  await sleep('1s');
  await greet(GREETING.prefix + ID_PATTERN.source);
}`,
      filename: W,
    },
    // APIs that only need the activator work at module scope (it is present while workflow modules load).
    { code: `import { workflowInfo, uuid4, log } from '@temporalio/workflow';\nconst started = Date.now();\nconst id = uuid4();\nconst seed = Math.random();\nlog.debug('loaded');\nexport const info = [started, id, seed, workflowInfo().workflowType, new Date()];`, filename: W },
    // Module-level state written by workflow functions is per execution (default `preloaded` mode).
    { code: `let count = 0;\nconst seen = new Set<string>();\nconst state = { n: 0 };\nexport async function wf(id: string) { count++; seen.add(id); state.n = count; }`, filename: W },
    // Calls inside functions, handlers and instance fields do not run at load time.
    {
      code: `import { sleep, setHandler, defineSignal, executeChild } from '@temporalio/workflow';
const s = defineSignal('s');
class Runner { timer = sleep(1); async run() { await executeChild('child'); } }
export const start = () => setHandler(s, () => {});
export function later() { return [new Runner(), setTimeout(() => {}, 1)]; }`,
      filename: W,
    },
    // Same names that are not the SDK's.
    { code: `function sleep(ms: number) { return ms; }\nsleep(1);\nconst setHandler = (x: unknown) => x;\nsetHandler(1);`, filename: W },
    { code: `import { sleep } from './utils/sleep';\nsleep(5);`, filename: W },
    // Local classes and objects named like built-ins.
    { code: `const Math = { x: 0 };\nMath.x = 1;\nclass Array2 {}\n(Array2.prototype as any).x = 1;`, filename: W },
    { code: `export function f(Date: { prototype: { x?: number } }) { Date.prototype.x = 1; }`, filename: W },
    // Reading or copying built-ins is fine; so is writing to the global object (per workflow).
    { code: `const round = Math.round;\nexport const keys = Object.keys(Array.prototype);\nexport const copy = Object.assign({}, Math);\n(globalThis as any).myFlag = true;\nObject.defineProperty(globalThis, 'x', { value: 1 });`, filename: W },
    // Valid literals.
    { code: `export const a = JSON.parse('[1, 2]');\nexport const b = BigInt('42');\nexport const c = new RegExp('a|b', 'g');`, filename: W },
    // A conditional throw is not a top-level throw.
    { code: `if (typeof TextEncoder === 'undefined') { throw new Error('no TextEncoder'); }\nexport function f() { throw new Error('x'); }`, filename: W },
    // Preloaded modules may define things, read constants and create proxies.
    { code: `import { proxyActivities, defineSignal } from '@temporalio/workflow';\nexport const acts = proxyActivities({ startToCloseTimeout: '1m' });\nexport const sig = defineSignal('s');\nexport const epoch = new Date(0);\nexport const t = Date.UTC(2020, 0, 1);`, filename: PRELOADED },
    { code: `export const LIMITS = Object.freeze({ max: 10 });\nexport function clamp(n: number) { return Math.min(n, LIMITS.max); }`, filename: PRELOADED },
    // Not workflow code.
    { code: `import { sleep } from '@temporalio/workflow';\nsleep(1);\nArray.prototype.last = function () {};\nthrow new Error('x');\nlet n = 0;\nexport function f() { n++; }`, filename: 'src/activities.ts' },
  ],
  invalid: [
    {
      code: `import { sleep, condition, setHandler, defineSignal, executeChild, startChild } from '@temporalio/workflow';
const s = defineSignal('s');
sleep('1 minute');
condition(() => true, '1s');
setHandler(s, () => {});
executeChild('child');
void startChild('child');`,
      filename: W,
      errors: [
        { messageId: 'moduleScopeCall', data: { name: 'sleep', effect: COMMAND, why }, line: 3, column: 1, endLine: 3, endColumn: 18 },
        { messageId: 'moduleScopeCall', data: { name: 'condition', effect: COMMAND, why }, line: 4, column: 1 },
        { messageId: 'moduleScopeCall', data: { name: 'setHandler', effect: HANDLER, why }, line: 5, column: 1 },
        { messageId: 'moduleScopeCall', data: { name: 'executeChild', effect: COMMAND, why }, line: 6, column: 1 },
        { messageId: 'moduleScopeCall', data: { name: 'startChild', effect: COMMAND, why }, line: 7, column: 6 },
      ],
    },
    {
      // Aliases, namespaces, activity stubs, IIFEs and static class members run at load time too.
      code: `import * as wf from '@temporalio/workflow';
import { proxyActivities, sleep as pause, setDefaultQueryHandler } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1m' });
const acts = wf.proxyActivities({ startToCloseTimeout: '1m' });
export const greeting = greet('x');
acts.charge(1);
(async () => { await pause(10); })();
class Setup { static ready = wf.upsertSearchAttributes({}); static { setDefaultQueryHandler(() => 1); } }
setTimeout(() => {}, 1000);`,
      filename: W,
      errors: [
        { messageId: 'moduleScopeCall', data: { name: 'greet', effect: COMMAND, why }, line: 5, column: 25 },
        { messageId: 'moduleScopeCall', data: { name: 'acts.charge', effect: COMMAND, why }, line: 6, column: 1 },
        { messageId: 'moduleScopeCall', data: { name: 'pause', effect: COMMAND, why }, line: 7, column: 22 },
        { messageId: 'moduleScopeCall', data: { name: 'wf.upsertSearchAttributes', effect: COMMAND, why }, line: 8, column: 30 },
        { messageId: 'moduleScopeCall', data: { name: 'setDefaultQueryHandler', effect: HANDLER, why }, line: 8, column: 70 },
        { messageId: 'moduleScopeCall', data: { name: 'setTimeout', effect: COMMAND, why }, line: 9, column: 1 },
      ],
    },
    {
      code: `import { continueAsNew } from '@temporalio/workflow';\ncontinueAsNew();`,
      filename: W,
      errors: [{ messageId: 'moduleScopeFails', data: { name: 'continueAsNew', why }, line: 2, column: 1 }],
    },
    {
      // Code that throws while the module loads.
      code: `throw new Error('not configured');\nexport const cfg = JSON.parse('{bad json}');\nconst re = new RegExp('(unclosed');\nconst big = BigInt('1.5');`,
      filename: W,
      errors: [
        { messageId: 'moduleLoadThrows', data: { what: 'a top-level `throw`', why }, line: 1, column: 1 },
        { messageId: 'moduleLoadThrows', data: { what: '`JSON.parse()` of invalid JSON', why }, line: 2, column: 20 },
        { messageId: 'moduleLoadThrows', data: { what: '`RegExp` with an invalid pattern or flags', why }, line: 3, column: 12 },
        { messageId: 'moduleLoadThrows', data: { what: '`BigInt()` of a string that is not an integer', why }, line: 4, column: 13 },
      ],
    },
    {
      // Frozen built-ins (the worker deep-freezes them when it reuses V8 contexts).
      code: `Math.clamp = (n: number) => n;\nObject.defineProperty(JSON, 'safe', { value: 1 });\nexport function f() { Date.now = () => 0; delete (console as any).log; Object.assign(Math, { x: 1 }); }`,
      filename: W,
      errors: [
        { messageId: 'frozenBuiltin', data: { target: 'Math', why }, line: 1, column: 1 },
        { messageId: 'frozenBuiltin', data: { target: 'JSON', why }, line: 2, column: 1 },
        { messageId: 'frozenBuiltin', data: { target: 'Date', why }, line: 3, column: 23 },
        { messageId: 'frozenBuiltin', data: { target: 'console', why }, line: 3, column: 43 },
        { messageId: 'frozenBuiltin', data: { target: 'Math', why }, line: 3, column: 72 },
      ],
    },
    {
      // Prototypes are shared by every workflow on the worker thread.
      code: `Array.prototype.last = function () { return this[this.length - 1]; };\nObject.defineProperty(Date.prototype, 'toJSON', { value: () => 'x' });\nglobalThis.String.prototype.shout = function () { return 1; };\nReflect.set(Promise.prototype, 'x', 1);`,
      filename: W,
      errors: [
        { messageId: 'sharedBuiltin', data: { target: 'Array.prototype', why }, line: 1, column: 1 },
        { messageId: 'sharedBuiltin', data: { target: 'Date.prototype', why }, line: 2, column: 1 },
        { messageId: 'sharedBuiltin', data: { target: 'globalThis.String.prototype', why }, line: 3, column: 1 },
        { messageId: 'sharedBuiltin', data: { target: 'Promise.prototype', why }, line: 4, column: 1 },
      ],
    },
    {
      // Preloaded modules load before any workflow exists.
      code: `import { workflowInfo, uuid4, log, sleep } from '@temporalio/workflow';
const started = Date.now();
const today = new Date();
const seed = Math.random();
const id = uuid4();
log.info('loaded');
const info = workflowInfo();
sleep(1);
export const all = [started, today, seed, id, info];`,
      filename: PRELOADED,
      errors: [
        { messageId: 'preloadActivator', data: { name: 'Date.now()', why: ' (workflow code: src/worker.ts (preloadModules) → src/preload/polyfills.ts)' }, line: 2, column: 17 },
        { messageId: 'preloadActivator', data: { name: 'new Date()', why: ' (workflow code: src/worker.ts (preloadModules) → src/preload/polyfills.ts)' }, line: 3, column: 15 },
        { messageId: 'preloadActivator', line: 4, column: 14 },
        { messageId: 'preloadActivator', data: { name: 'uuid4()', why: ' (workflow code: src/worker.ts (preloadModules) → src/preload/polyfills.ts)' }, line: 5, column: 12 },
        { messageId: 'preloadActivator', data: { name: 'log.info()', why: ' (workflow code: src/worker.ts (preloadModules) → src/preload/polyfills.ts)' }, line: 6, column: 1 },
        { messageId: 'preloadActivator', line: 7, column: 14 },
        { messageId: 'preloadActivator', line: 8, column: 1 },
      ],
    },
    {
      // Module state of a preloaded module is shared by all executions.
      code: `let calls = 0;\nconst cache = new Map<string, number>();\nconst order: string[] = [];\nconst totals = { sum: 0 };\nexport function track(id: string) {\n  calls += 1;\n  cache.set(id, calls);\n  order.push(id);\n  totals.sum++;\n}`,
      filename: PRELOADED,
      errors: [
        { messageId: 'sharedModuleState', data: { name: 'calls', why: ' (workflow code: src/worker.ts (preloadModules) → src/preload/polyfills.ts)' }, line: 6, column: 3 },
        { messageId: 'sharedModuleState', line: 7, column: 3 },
        { messageId: 'sharedModuleState', line: 8, column: 3 },
        { messageId: 'sharedModuleState', line: 9, column: 3 },
      ],
    },
    {
      // Strict mode (`moduleState: 'always'`): module state written from functions anywhere in workflow code.
      code: `let count = 0;\nconst seen = new Set<string>();\nexport async function wf(id: string) {\n  count = count + 1;\n  seen.add(id);\n  return seen.has(id);\n}`,
      filename: W,
      options: [{ moduleState: 'always' }],
      errors: [
        { messageId: 'moduleState', data: { name: 'count', why }, line: 4, column: 3 },
        { messageId: 'moduleState', data: { name: 'seen', why }, line: 5, column: 3 },
      ],
    },
    {
      // A helper reached from workflow code: the chain is in the message.
      code: `import { setHandler, defineQuery } from '@temporalio/workflow';\nsetHandler(defineQuery('q'), () => 1);`,
      filename: 'src/lib/handlers.ts',
      errors: [
        {
          messageId: 'moduleScopeCall',
          data: { name: 'setHandler', effect: HANDLER, why: ' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/lib/handlers.ts)' },
          line: 2,
          column: 1,
        },
      ],
    },
  ],
});

ruleTester.run('workflow-no-global-state: computed keys, container kinds and module-load writes', rule, {
  valid: [],
  invalid: [
    // Built-ins modified through computed and template keys, `new`-constructed and called paths (not built-ins), and a spread target.
    {
      code: `Math['clamp'] = (n: number) => n;
JSON[\`safe\`] = 1;
declare const k: string;
(Math as any)[k] = 1;
new Date().x = 1;
Date.now().toString = () => '';
declare const args: [object, object];
Object.assign(...args);
Object.freeze(Math);
Reflect.set(Math, 'x', 1);`,
      filename: W,
      errors: [
        { messageId: 'frozenBuiltin', line: 1, column: 1, endLine: 1, endColumn: 33 },
        { messageId: 'frozenBuiltin', line: 2, column: 1, endLine: 2, endColumn: 17 },
        { messageId: 'frozenBuiltin', line: 4, column: 1, endLine: 4, endColumn: 21 },
        { messageId: 'frozenBuiltin', line: 10, column: 1, endLine: 10, endColumn: 26 },
      ],
    },
    // Module state of a preloaded file: containers built by `new Array()` / `new Object()` / `new WeakMap()`, `Object.assign`, `delete`, computed and unknown methods.
    {
      code: `const list = new Array<number>();
const bag = new Object() as Record<string, number>;
const weak = new WeakMap<object, number>();
const plain = { n: 0 };
const local = new Foo();
declare class Foo { m(): void }
const frozen = Object.freeze({ n: 0 });
const [first] = [1];
export function touch(key: string, o: object) {
  list.push(1);
  list['push'](2);
  list.map((x) => x);
  bag[key] = 1;
  delete bag[key];
  Object.assign(plain, { n: 1 });
  Object.keys(plain);
  weak.set(o, 1);
  weak.get(o);
  (list as any)[key]();
  local.m();
  frozen.n;
  return [first, plain.n];
}`,
      filename: PRELOADED,
      errors: [
        { messageId: 'sharedModuleState', line: 10, column: 3, endLine: 10, endColumn: 7 },
        { messageId: 'sharedModuleState', line: 11, column: 3, endLine: 11, endColumn: 7 },
        { messageId: 'sharedModuleState', line: 13, column: 3, endLine: 13, endColumn: 6 },
        { messageId: 'sharedModuleState', line: 14, column: 10, endLine: 14, endColumn: 13 },
        { messageId: 'sharedModuleState', line: 15, column: 17, endLine: 15, endColumn: 22 },
        { messageId: 'sharedModuleState', line: 17, column: 3, endLine: 17, endColumn: 7 },
      ],
    },
    // Reads and writes at module load are fine; writes in nested functions of a preloaded file are reported.
    {
      code: `let ready = false;
ready = true;
const registry = new Map<string, () => void>();
registry.set('a', () => { ready = false; });
export const isReady = () => ready;`,
      filename: PRELOADED,
      errors: [
        { messageId: 'sharedModuleState', line: 4, column: 27, endLine: 4, endColumn: 32 },
      ],
    },
  ],
});
