import rule from '../../src/rules/workflow-valid-sink-usage.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';

const SINKS = `import { proxySinks, type Sinks } from '@temporalio/workflow';
interface AlertSinks extends Sinks { alerter: { alert(message: string, data?: unknown): void } }
const { alerter } = proxySinks<AlertSinks>();
`;

ruleTester.run('workflow-valid-sink-usage', rule, {
  valid: [
    // The sinks sample.
    {
      code: `import { log, proxySinks, Sinks } from '@temporalio/workflow';
export interface MySinks extends Sinks { alerter: { alert(message: string): void } }
const { alerter } = proxySinks<MySinks>();
export async function sinkWorkflow(): Promise<string> {
  log.info('Workflow Execution started');
  alerter.alert('alerter: Workflow Execution started');
  return 'Hello, Temporal!';
}`,
      filename: W,
    },
    // Plain data: primitives, objects, arrays, dates, maps, errors, class instances without function fields.
    {
      code: `${SINKS}
class Point { constructor(public x: number, public y: number) {} norm() { return 1; } }
const info = { id: 'a', tags: ['x'], at: new Date(), seen: new Map(), n: 10n };
export async function wf(err: Error): Promise<void> {
  alerter.alert('x', info);
  alerter.alert('x', { err, point: new Point(1, 2), nested: { list: [1, 2, { ok: true }] }, get total() { return 2; } });
  alerter.alert(\`count \${info.tags.length}\`, [...info.tags]);
  alerter.alert('x', { [Symbol.iterator]: 1 });
}`,
      filename: W,
    },
    // A void callback and a discarded value are fine.
    {
      code: `${SINKS}
import { setHandler, defineSignal } from '@temporalio/workflow';
const s = defineSignal('s');
export async function wf(flag: boolean): Promise<void> {
  setHandler(s, () => alerter.alert('signal'));
  flag && alerter.alert('flag');
  void alerter.alert('x');
  return alerter.alert('done');
}`,
      filename: W,
    },
    // `proxySinks` through a namespace and through the object.
    {
      code: `import * as wf from '@temporalio/workflow';
const sinks = wf.proxySinks<any>();
export async function w(): Promise<void> { sinks.metrics.count('x', 1); wf.log.error('failed', { error: new Error('x') }); }`,
      filename: W,
    },
    // Arguments that are unknown (parameters, imports, calls of unknown functions) are not guessed at.
    {
      code: `${SINKS}
import { helper } from './helper';
export async function wf(cb: () => void, data: unknown): Promise<void> { alerter.alert('x', cb); alerter.alert('x', helper); alerter.alert('x', compute()); alerter.alert('x', data); }`,
      filename: W,
    },
    // Not sinks: a local object called the same, other APIs.
    {
      code: `const alerter = { alert: async (m: string) => m };
export async function wf(): Promise<void> { await alerter.alert('x'); const r = alerter.alert(() => 1); }`,
      filename: W,
    },
    {
      code: `import { proxyActivities } from '@temporalio/workflow';
const { alert } = proxyActivities<any>({ startToCloseTimeout: '1m' });
export async function wf(): Promise<void> { const r = await alert(() => 1); }`,
      filename: W,
    },
    // Not workflow code.
    { code: `${SINKS}\nexport async function f(): Promise<void> { await alerter.alert('x', () => 1); }`, filename: 'src/client.ts' },
  ],
  invalid: [
    {
      code: `${SINKS}export async function wf(): Promise<void> {\n  await alerter.alert('started');\n}`,
      filename: W,
      errors: [
        {
          messageId: 'awaitedSinkCall',
          data: { name: 'alerter.alert', why: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'removeAwait',
              output: `${SINKS}export async function wf(): Promise<void> {\n  alerter.alert('started');\n}`,
            },
          ],
        },
      ],
    },
    {
      // The result is always undefined; member access on it throws.
      code: `${SINKS}const ok = alerter.alert('a');\nif (alerter.alert('b')) {}\nalerter.alert('c').then(() => 1);\nfoo(log2(alerter.alert('d')));`,
      filename: W,
      errors: [
        { messageId: 'sinkResultUsed', line: 4, column: 12, endLine: 4, endColumn: 30 },
        { messageId: 'sinkResultUsed', line: 5, column: 5 },
        { messageId: 'sinkResultUsed', line: 6, column: 1 },
        { messageId: 'sinkResultUsed', line: 7, column: 10 },
      ],
    },
    {
      // `log` from @temporalio/workflow is a sink too; aliases and namespaces.
      code: `import { log as l } from '@temporalio/workflow';\nimport * as wf from '@temporalio/workflow';\nexport async function w(): Promise<void> { await l.info('x'); const r = wf.log.warn('y'); }`,
      filename: W,
      errors: [
        {
          messageId: 'awaitedSinkCall',
          data: { name: 'log.info', why: '' },
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: 'removeAwait',
              output: `import { log as l } from '@temporalio/workflow';\nimport * as wf from '@temporalio/workflow';\nexport async function w(): Promise<void> { l.info('x'); const r = wf.log.warn('y'); }`,
            },
          ],
        },
        { messageId: 'sinkResultUsed', data: { name: 'log.warn', why: '' }, line: 3, column: 73 },
      ],
    },
    {
      // `proxySinks().x.y()` directly, through a namespace require, optional call and parentheses.
      code: `const { proxySinks } = require('@temporalio/workflow');\nconst r = proxySinks().metrics.count?.(1);\nconst q = await (proxySinks().metrics.count(2));`,
      filename: W,
      errors: [
        { messageId: 'sinkResultUsed', data: { name: 'metrics.count', why: '' }, line: 2, column: 11 },
        {
          messageId: 'awaitedSinkCall',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'removeAwait',
              output: `const { proxySinks } = require('@temporalio/workflow');\nconst r = proxySinks().metrics.count?.(1);\nconst q = proxySinks().metrics.count(2);`,
            },
          ],
        },
      ],
    },
    {
      // No suggestion when a comment would be lost.
      code: `${SINKS}await /* flush */ alerter.alert('x');`,
      filename: W,
      errors: [{ messageId: 'awaitedSinkCall', line: 4, column: 1, suggestions: [] }],
    },
    {
      // Functions, methods, symbols, promises, weak collections: `postMessage` throws DataCloneError.
      code: `${SINKS}import { sleep } from '@temporalio/workflow';
alerter.alert('x', () => 1);
alerter.alert('x', { onDone() {} });
alerter.alert('x', { nested: [1, function () {}] });
alerter.alert('x', Symbol('s'));
alerter.alert('x', sleep(10));
alerter.alert('x', new WeakMap());
alerter.alert('x', Promise.resolve(1));
alerter.alert('x', Symbol.iterator);`,
      filename: W,
      errors: [
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a function', why: '' }, line: 5, column: 20, endLine: 5, endColumn: 27 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'an object with a method', why: '' }, line: 6, column: 22 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a function', why: '' }, line: 7, column: 34 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a symbol', why: '' }, line: 8, column: 20 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a promise', why: '' }, line: 9, column: 20 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a `WeakMap`', why: '' }, line: 10, column: 20 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a promise', why: '' }, line: 11, column: 20 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a symbol', why: '' }, line: 12, column: 20 },
      ],
    },
    // The workflow info carries functions (`unsafe.now`, `unsafe.random`): log its fields, not the object.
    {
      code: `import { log, workflowInfo } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
export async function order(): Promise<void> {
  log.info('started', { info: workflowInfo() });
  const info = wf.workflowInfo();
  wf.log.warn('state', { ...info });
  log.debug('unsafe', { unsafe: workflowInfo().unsafe });
  log.error('clock', { now: info.unsafe.now });
  log.info('ids', { workflowId: workflowInfo().workflowId, replaying: workflowInfo().unsafe.isReplaying, attrs: info.searchAttributes });
}`,
      filename: W,
      errors: [
        { messageId: 'nonCloneableArgument', data: { name: 'log.info', what: 'the whole `workflowInfo()` (its `unsafe.now` is a function; pass the fields you need)', why: '' }, line: 4, column: 31 },
        { messageId: 'nonCloneableArgument', data: { name: 'log.warn', what: 'the whole `workflowInfo()` (its `unsafe.now` is a function; pass the fields you need)', why: '' }, line: 6, column: 29 },
        { messageId: 'nonCloneableArgument', data: { name: 'log.debug', what: '`workflowInfo().unsafe` (its `now` is a function)', why: '' }, line: 7, column: 33 },
        { messageId: 'nonCloneableArgument', data: { name: 'log.error', what: 'a function', why: '' }, line: 8, column: 29 },
      ],
    },
    {
      // Through local bindings: function declarations, const arrows, const objects, spreads, classes.
      code: `${SINKS}function done() {}
const cb = () => 1;
const payload = { id: 1, cb };
class Job { run = () => 1; }
class Task { constructor() { this.onEnd = function () {}; } onEnd: unknown; }
async function load() { return 1; }
alerter.alert('x', done);
alerter.alert('x', { ...payload });
alerter.alert('x', new Job());
alerter.alert('x', new Task());
alerter.alert('x', Job);
alerter.alert('x', load());`,
      filename: W,
      errors: [
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'function `done`', why: '' }, line: 10, column: 20 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'function `cb`', why: '' }, line: 11, column: 25 },
        {
          messageId: 'nonCloneableArgument',
          data: { name: 'alerter.alert', what: 'an instance of `Job` (it has function-valued fields)', why: '' },
          line: 12,
          column: 20,
        },
        {
          messageId: 'nonCloneableArgument',
          data: { name: 'alerter.alert', what: 'an instance of `Task` (it has function-valued fields)', why: '' },
          line: 13,
          column: 20,
        },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'class `Job`', why: '' }, line: 14, column: 20 },
        { messageId: 'nonCloneableArgument', data: { name: 'alerter.alert', what: 'a promise', why: '' }, line: 15, column: 20 },
      ],
    },
    {
      // `log` attributes go through the same sink.
      code: `import { log } from '@temporalio/workflow';\nexport async function wf(): Promise<void> { log.info('x', { retry: () => 1 }); }`,
      filename: 'src/workflows/order.ts',
      errors: [{ messageId: 'nonCloneableArgument', data: { name: 'log.info', what: 'a function', why: '' }, line: 2, column: 68 }],
    },
  ],
});

ruleTester.run('workflow-valid-sink-usage: value uses, uncloneable values and bindings', rule, {
  valid: [],
  invalid: [
    // Results used as a conditional or loop test; discarded in a conditional branch, a `void`, a `for` update.
    {
      code: `${SINKS}import { log } from '@temporalio/workflow';
export function wf(ok: boolean): void {
  const a = alerter.alert('x') ? 1 : 2;
  for (; alerter.alert('y'); ) break;
  ok ? alerter.alert('z') : log.info('w');
  void alerter.alert('v');
  for (let i = 0; i < 1; alerter.alert('u')) i++;
  const b = -log.warn('t');
  void [a, b];
}`,
      filename: W,
      errors: [
        { messageId: 'sinkResultUsed', line: 6, column: 13, endLine: 6, endColumn: 31 },
        { messageId: 'sinkResultUsed', line: 7, column: 10, endLine: 7, endColumn: 28 },
        { messageId: 'sinkResultUsed', line: 11, column: 14, endLine: 11, endColumn: 27 },
      ],
    },
    // Uncloneable arguments: class expressions, spreads, holes, symbols from `Symbol()` / `Symbol.for` / well-known symbols, `Symbol.keyFor`, promise statics, `WeakRef`, anonymous classes with function fields, async local functions.
    {
      code: `${SINKS}declare const extra: object;
const MyClass = class { cb = () => 1; };
const Anonymous = class {};
class WithCtor { f: () => void; constructor() { this.f = () => {}; } }
class Plain { x = 1; static s = () => 1; }
async function load(): Promise<number> { return 1; }
const loadArrow = async () => 1;
const sync = () => 1;
export function wf(): void {
  alerter.alert('a', class {});
  alerter.alert('b', { ...extra, f: 1 });
  alerter.alert('c', [, 1]);
  alerter.alert('d', Symbol('s'));
  alerter.alert('e', Symbol.for('s'));
  alerter.alert('f', Symbol.iterator);
  alerter.alert('g', Symbol.keyFor);
  alerter.alert('h', Promise.resolve(1));
  alerter.alert('i', new WeakRef({}));
  alerter.alert('j', new MyClass());
  alerter.alert('k', new WithCtor());
  alerter.alert('l', new Plain());
  alerter.alert('m', load());
  alerter.alert('n', loadArrow());
  alerter.alert('o', sync());
  alerter.alert('p', new Anonymous());
}`,
      filename: W,
      errors: [
        { messageId: 'nonCloneableArgument', line: 13, column: 22, endLine: 13, endColumn: 30 },
        { messageId: 'nonCloneableArgument', line: 16, column: 22, endLine: 16, endColumn: 33 },
        { messageId: 'nonCloneableArgument', line: 17, column: 22, endLine: 17, endColumn: 37 },
        { messageId: 'nonCloneableArgument', line: 18, column: 22, endLine: 18, endColumn: 37 },
        { messageId: 'nonCloneableArgument', line: 19, column: 22, endLine: 19, endColumn: 35 },
        { messageId: 'nonCloneableArgument', line: 20, column: 22, endLine: 20, endColumn: 40 },
        { messageId: 'nonCloneableArgument', line: 21, column: 22, endLine: 21, endColumn: 37 },
        { messageId: 'nonCloneableArgument', line: 23, column: 22, endLine: 23, endColumn: 36 },
        { messageId: 'nonCloneableArgument', line: 25, column: 22, endLine: 25, endColumn: 28 },
        { messageId: 'nonCloneableArgument', line: 26, column: 22, endLine: 26, endColumn: 33 },
      ],
    },
    // Bindings: a reassigned `let` is not followed, a written-once `let` is; parameters and unknown names are not; self-references stop.
    {
      code: `${SINKS}declare const unknownThing: unknown;
export function wf(param: () => void): void {
  let once = { f: () => 1 };
  let changed = { f: () => 1 };
  changed = { f: () => 2 };
  const self: { me?: unknown } = {};
  const cyclic = { a: 1, b: [1, 2] };
  alerter.alert('a', once);
  alerter.alert('b', changed);
  alerter.alert('c', param);
  alerter.alert('d', unknownThing);
  alerter.alert('e', self);
  alerter.alert('f', { x: cyclic, y: cyclic });
  (alerter.alert as (m: string) => void)('g');
  (0, alerter.alert)('h');
}`,
      filename: W,
      errors: [
        { messageId: 'nonCloneableArgument', line: 11, column: 22, endLine: 11, endColumn: 26 },
      ],
    },
  ],
});
