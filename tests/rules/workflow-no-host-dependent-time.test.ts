import { vi } from 'vitest';
import rule from '../../src/rules/workflow-no-host-dependent-time.js';
import { createRuleTester, createTypedRuleTester, typedFile } from '../rule-tester.js';

// `lib/` files: a helper reached from `src/worker.ts (workflowsPath) → src/workflows.ts` (the message names the chain).
vi.mock('../../src/project/index.js', async (importOriginal) =>
  (await import('../model-stubs.js')).withModelStubs(await importOriginal()),
);

const ruleTester = createRuleTester();

/** `code` with `from` at (1-based) `line`:`column` replaced by `to`. */
function replaceAt(code: string, line: number, column: number, from: string, to: string): string {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  if (text.slice(column - 1, column - 1 + from.length) !== from) throw new Error(`no ${from} at ${line}:${column}`);
  lines[line - 1] = text.slice(0, column - 1) + to + text.slice(column - 1 + from.length);
  return lines.join('\n');
}
const W = 'src/workflows.ts';
const why = '';
/** Variables, parameters, class properties and interface members typed `Date`. */
const DATES_CODE = `const d = new Date();
interface Order { createdAt: Date; meta?: { due: Date | null } }
export class Schedule {
  private at: Date = new Date();
  constructor(private readonly start: Date) {}
  hour() { return this.at.getHours() + this.start.getMinutes(); }
}
export function f(day: Date, o: Order, maybe?: Date) {
  return [d.getDay(), day.getMonth(), o.createdAt.getFullYear(), o.meta?.due?.getDate(), maybe?.getSeconds(), (d as Date).getYear()];
}`;
/** Signal and update handlers change state: the real clock there breaks replay. */
const SIGNAL_CODE = `import { defineSignal, defineUpdate, defineQuery, setHandler, workflowInfo } from '@temporalio/workflow';
const touch = defineSignal('touch');
const bump = defineUpdate<number>('bump');
const seen = defineQuery<number>('seen');
function now() { return workflowInfo().unsafe.now(); }
export async function wf() {
  let last = 0;
  setHandler(touch, () => { last = workflowInfo().unsafe.now(); });
  setHandler(bump, () => workflowInfo().unsafe.now());
  setHandler(seen, () => now());
  last = now();
}`;

ruleTester.run('workflow-no-host-dependent-time', rule, {
  valid: [
    // Idiomatic workflow time: deterministic in the sandbox (samples style).
    {
      code: `import { proxyActivities, sleep } from '@temporalio/workflow';
import type * as activities from './activities';
const { sendReport } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export async function daily(): Promise<void> {
  const started = new Date();
  const day = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const hour = started.getUTCHours();
  await sendReport(day, hour, started.getTime(), started.valueOf(), started.toJSON(), started.toUTCString());
  await sleep('1 day');
}`,
      filename: W,
    },
    { code: `const d = new Date();\nexport const x = [d.getMilliseconds(), d.getUTCDay(), d.setUTCHours(0, 0, 0, 0), Date.UTC(2024, 0, 1)];`, filename: W },
    { code: `export const xs = [new Date(0), new Date(1_700_000_000_000), new Date(Date.UTC(2024, 0, 1)), new Date(new Date())];`, filename: W },
    // ECMAScript date-only forms are UTC; strings with an offset are absolute.
    {
      code: `export const xs = [new Date('2024-01-01'), new Date('2024-01'), new Date('2024'), new Date('+002024-01-01'), new Date('2024-01-01T10:00:00Z'), new Date('2024-01-01T10:00:00.123+02:00'), Date.parse('2024-01-01T00:00Z'), new Date('Mon, 01 Jan 2024 10:00:00 GMT'), new Date('2024/01/01 10:00 UTC'), new Date('2024-01-01 10:00:00-05:00'), new Date('not a date'), new Date(\`2024-06-01\`)];`,
      filename: W,
    },
    { code: `export function f(iso: string) { return new Date(iso); }`, filename: W },
    // Explicit locale and time zone.
    { code: `const d = new Date();\nexport const xs = [d.toLocaleString('en-US', { timeZone: 'UTC' }), d.toLocaleDateString(['de-DE'], { timeZone: 'Europe/Berlin', dateStyle: 'short' })];`, filename: W },
    { code: `export const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short' });`, filename: W },
    { code: `const opts = { timeZone: 'UTC', hour: '2-digit' } as const;\nexport const s = new Date().toLocaleTimeString('en-US', opts);`, filename: W },
    { code: `declare function options(): Intl.DateTimeFormatOptions;\nexport const s = new Date().toLocaleString('en-US', options());`, filename: W },
    { code: `declare const locale: string;\nexport const s = new Date().toLocaleString(locale, { timeZone: 'UTC', ...{} });`, filename: W },
    // Not Dates (untyped: only what is known to be a Date is checked).
    { code: `const n = 1234.5;\nexport const xs = [n.toLocaleString(), (5).toString()];`, filename: W },
    { code: `const clock = { getHours: () => 1, toLocaleString: () => '' };\nexport const xs = [clock.getHours(), clock.toLocaleString()];`, filename: W },
    { code: `declare const when: { getHours(): number };\nexport const h = when.getHours();`, filename: W },
    { code: `export function f(d: string) { return d.toString(); }`, filename: W },
    { code: `class Date { getHours() { return 1; } }\nexport const h = new Date().getHours();`, filename: W },
    { code: `export function f(Date: any) { return new Date(2024, 0, 1).getHours(); }`, filename: W },
    // Values that only reach the logs cannot change commands.
    {
      code: `import { log } from '@temporalio/workflow';\nconst d = new Date();\nlog.info(\`started at \${d}\`);\nlog.info('hour', { hour: d.getHours(), at: d.toLocaleString() });\nconsole.log('now ' + d.toString());\nconsole.info(new Intl.DateTimeFormat().format(d));`,
      filename: W,
    },
    { code: `const d = new Date();\nexport const s = sql\`select \${d}\`;\ndeclare function sql(s: TemplateStringsArray, ...v: unknown[]): string;`, filename: W },
    // The real clock is fine in query handlers and update validators.
    {
      code: `import { defineQuery, defineUpdate, setHandler, workflowInfo } from '@temporalio/workflow';
const ageQuery = defineQuery<number>('age');
const setDeadline = defineUpdate<void, [number]>('setDeadline');
export async function wf(): Promise<void> {
  const started = Date.now();
  setHandler(ageQuery, () => workflowInfo().unsafe.now() - started);
  setHandler(setDeadline, async (at) => { void at; }, {
    validator: (at) => {
      if (at < workflowInfo().unsafe.now()) throw new Error('in the past');
    },
  });
}`,
      filename: W,
    },
    {
      code: `import * as wf from '@temporalio/workflow';
const status = wf.defineQuery<string>('status');
function describe(): string {
  return new Date(wf.workflowInfo().unsafe.now()).toISOString();
}
export async function run(): Promise<void> {
  wf.setHandler(status, describe);
  wf.setDefaultQueryHandler(() => wf.workflowInfo().unsafe.now());
}`,
      filename: W,
    },
    {
      // A definition imported from a file that cannot be read: it may be a query, so stay silent.
      code: `import { setHandler, workflowInfo } from '@temporalio/workflow';\nimport { statusQuery } from './no-such-module';\nexport async function wf() { setHandler(statusQuery, () => workflowInfo().unsafe.now()); }`,
      filename: W,
    },
    // `performance` from a module is another rule's business (the import fails the bundle).
    { code: `import { performance } from 'perf_hooks';\nexport const t = performance.now();`, filename: W },
    { code: `export function f(performance: { now(): number }) { return performance.now(); }`, filename: W },
    // `performance` is absent from the sandbox: workflow-no-unsupported-globals reports it as an error.
    { code: `export const t = performance.now();`, filename: W },
    // Not workflow code.
    { code: `const d = new Date();\nexport const x = [d.getHours(), d.toLocaleString(), new Date(2024, 0, 1), performance.now()];`, filename: 'src/activities.ts' },
    { code: `export const s = new Intl.DateTimeFormat().format(new Date());`, filename: 'src/client.ts' },
  ],
  invalid: [
    {
      code: `export const h = new Date().getHours();`,
      filename: W,
      errors: [
        {
          messageId: 'localTime',
          data: { name: 'getHours', why },
          line: 1,
          column: 29,
          endColumn: 37,
          suggestions: [{ messageId: 'useUtc', data: { replacement: 'getUTCHours' }, output: `export const h = new Date().getUTCHours();` }],
        },
      ],
    },
    {
      // Variables, parameters, class properties and interface members typed `Date`.
      code: DATES_CODE,
      filename: W,
      errors: [
        { messageId: 'localTime', data: { name: 'getHours', why }, line: 6, column: 27, suggestions: [{ messageId: 'useUtc', output: replaceAt(DATES_CODE, 6, 27, 'getHours', 'getUTCHours') }] },
        { messageId: 'localTime', data: { name: 'getMinutes', why }, line: 6, column: 51, suggestions: [{ messageId: 'useUtc', output: replaceAt(DATES_CODE, 6, 51, 'getMinutes', 'getUTCMinutes') }] },
        { messageId: 'localTime', data: { name: 'getDay', why }, line: 9, column: 13, suggestions: [{ messageId: 'useUtc', output: replaceAt(DATES_CODE, 9, 13, 'getDay', 'getUTCDay') }] },
        { messageId: 'localTime', data: { name: 'getMonth', why }, line: 9, column: 27, suggestions: [{ messageId: 'useUtc', output: replaceAt(DATES_CODE, 9, 27, 'getMonth', 'getUTCMonth') }] },
        { messageId: 'localTime', data: { name: 'getFullYear', why }, line: 9, column: 51, suggestions: [{ messageId: 'useUtc', output: replaceAt(DATES_CODE, 9, 51, 'getFullYear', 'getUTCFullYear') }] },
        { messageId: 'localTime', data: { name: 'getDate', why }, line: 9, column: 79, suggestions: [{ messageId: 'useUtc', output: replaceAt(DATES_CODE, 9, 79, 'getDate', 'getUTCDate') }] },
        { messageId: 'localTime', data: { name: 'getSeconds', why }, line: 9, column: 97, suggestions: [{ messageId: 'useUtc', output: replaceAt(DATES_CODE, 9, 97, 'getSeconds', 'getUTCSeconds') }] },
        { messageId: 'localTime', data: { name: 'getYear', why }, line: 9, column: 123, suggestions: [] },
      ],
    },
    {
      code: `const d = new Date();\nd.setHours(0, 0, 0, 0);\nd.setMilliseconds(0);`,
      filename: W,
      errors: [
        {
          messageId: 'localTime',
          line: 2,
          column: 3,
          suggestions: [{ messageId: 'useUtc', output: `const d = new Date();\nd.setUTCHours(0, 0, 0, 0);\nd.setMilliseconds(0);` }],
        },
        {
          messageId: 'localTime',
          line: 3,
          column: 3,
          suggestions: [{ messageId: 'useUtc', output: `const d = new Date();\nd.setHours(0, 0, 0, 0);\nd.setUTCMilliseconds(0);` }],
        },
      ],
    },
    {
      // Even a local-time setter that only feeds a log mutates the date.
      code: `console.log(new Date().setDate(1));`,
      filename: W,
      errors: [{ messageId: 'localTime', line: 1, column: 24, suggestions: [{ messageId: 'useUtc', output: `console.log(new Date().setUTCDate(1));` }] }],
    },
    {
      code: `export const o = new Date().getTimezoneOffset();`,
      filename: W,
      errors: [{ messageId: 'timezoneOffset', data: { why }, line: 1, column: 29, suggestions: [] }],
    },
    {
      code: `const d = new Date();\nexport const xs = [d.toString(), d.toDateString(), d.toTimeString()];`,
      filename: W,
      errors: [
        {
          messageId: 'hostFormat',
          data: { name: 'toString()', why },
          line: 2,
          column: 22,
          suggestions: [
            { messageId: 'useIso', data: { replacement: 'toISOString()' }, output: `const d = new Date();\nexport const xs = [d.toISOString(), d.toDateString(), d.toTimeString()];` },
          ],
        },
        {
          messageId: 'hostFormat',
          data: { name: 'toDateString()', why },
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'useIso',
              output: `const d = new Date();\nexport const xs = [d.toString(), d.toISOString().slice(0, 10), d.toTimeString()];`,
            },
          ],
        },
        { messageId: 'hostFormat', data: { name: 'toTimeString()', why }, line: 2, column: 54, suggestions: [] },
      ],
    },
    {
      // Implicit `toString()`.
      code: `const d = new Date();\nexport const id = \`report-\${d}\`;\nexport const s = String(new Date(Date.now()));`,
      filename: W,
      errors: [
        {
          messageId: 'hostFormat',
          data: { name: '${date}', why },
          line: 2,
          column: 29,
          suggestions: [{ messageId: 'useIso', output: `const d = new Date();\nexport const id = \`report-\${d.toISOString()}\`;\nexport const s = String(new Date(Date.now()));` }],
        },
        {
          messageId: 'hostFormat',
          data: { name: 'String(date)', why },
          line: 3,
          column: 25,
          suggestions: [{ messageId: 'useIso', output: `const d = new Date();\nexport const id = \`report-\${d}\`;\nexport const s = (new Date(Date.now())).toISOString();` }],
        },
      ],
    },
    {
      code: `export const s = new Date().toLocaleDateString();`,
      filename: W,
      errors: [
        {
          messageId: 'hostDefaults',
          data: { name: 'toLocaleDateString()', missing: 'locale and time zone', why },
          line: 1,
          column: 29,
          suggestions: [
            {
              messageId: 'addDefaults',
              data: { added: "the locale `'en-US'` and `timeZone: 'UTC'`" },
              output: `export const s = new Date().toLocaleDateString('en-US', { timeZone: 'UTC' });`,
            },
          ],
        },
      ],
    },
    {
      code: `const d = new Date();\nexport const xs = [\n  d.toLocaleString('de-DE'),\n  d.toLocaleString(undefined, { timeZone: 'UTC' }),\n  d.toLocaleTimeString('en-US', { hour: '2-digit' }),\n  d.toLocaleDateString([], {}),\n  d.toLocaleString('en-US', { timeZone: undefined }),\n];`,
      filename: W,
      errors: [
        {
          messageId: 'hostDefaults',
          data: { name: 'toLocaleString()', missing: 'time zone', why },
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'addDefaults',
              data: { added: "`timeZone: 'UTC'`" },
              output: `const d = new Date();\nexport const xs = [\n  d.toLocaleString('de-DE', { timeZone: 'UTC' }),\n  d.toLocaleString(undefined, { timeZone: 'UTC' }),\n  d.toLocaleTimeString('en-US', { hour: '2-digit' }),\n  d.toLocaleDateString([], {}),\n  d.toLocaleString('en-US', { timeZone: undefined }),\n];`,
            },
          ],
        },
        {
          messageId: 'hostDefaults',
          data: { name: 'toLocaleString()', missing: 'locale', why },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'addDefaults',
              data: { added: "the locale `'en-US'`" },
              output: `const d = new Date();\nexport const xs = [\n  d.toLocaleString('de-DE'),\n  d.toLocaleString('en-US', { timeZone: 'UTC' }),\n  d.toLocaleTimeString('en-US', { hour: '2-digit' }),\n  d.toLocaleDateString([], {}),\n  d.toLocaleString('en-US', { timeZone: undefined }),\n];`,
            },
          ],
        },
        {
          messageId: 'hostDefaults',
          data: { name: 'toLocaleTimeString()', missing: 'time zone', why },
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addDefaults',
              output: `const d = new Date();\nexport const xs = [\n  d.toLocaleString('de-DE'),\n  d.toLocaleString(undefined, { timeZone: 'UTC' }),\n  d.toLocaleTimeString('en-US', { timeZone: 'UTC', hour: '2-digit' }),\n  d.toLocaleDateString([], {}),\n  d.toLocaleString('en-US', { timeZone: undefined }),\n];`,
            },
          ],
        },
        {
          messageId: 'hostDefaults',
          data: { name: 'toLocaleDateString()', missing: 'locale and time zone', why },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'addDefaults',
              output: `const d = new Date();\nexport const xs = [\n  d.toLocaleString('de-DE'),\n  d.toLocaleString(undefined, { timeZone: 'UTC' }),\n  d.toLocaleTimeString('en-US', { hour: '2-digit' }),\n  d.toLocaleDateString('en-US', { timeZone: 'UTC' }),\n  d.toLocaleString('en-US', { timeZone: undefined }),\n];`,
            },
          ],
        },
        {
          messageId: 'hostDefaults',
          data: { name: 'toLocaleString()', missing: 'time zone', why },
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'addDefaults',
              output: `const d = new Date();\nexport const xs = [\n  d.toLocaleString('de-DE'),\n  d.toLocaleString(undefined, { timeZone: 'UTC' }),\n  d.toLocaleTimeString('en-US', { hour: '2-digit' }),\n  d.toLocaleDateString([], {}),\n  d.toLocaleString('en-US', { timeZone: 'UTC' }),\n];`,
            },
          ],
        },
      ],
    },
    {
      // `Intl.DateTimeFormat`, with `new`, without parentheses, called, and with options held in a const.
      code: `const opts = { dateStyle: 'short' } as const;\nexport const a = new Intl.DateTimeFormat();\nexport const b = new Intl.DateTimeFormat;\nexport const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\nexport const c = new globalThis.Intl.DateTimeFormat('en-US', opts);`,
      filename: W,
      errors: [
        {
          messageId: 'hostDefaults',
          data: { name: 'Intl.DateTimeFormat', missing: 'locale and time zone', why },
          line: 2,
          column: 22,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addDefaults',
              output: `const opts = { dateStyle: 'short' } as const;\nexport const a = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' });\nexport const b = new Intl.DateTimeFormat;\nexport const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\nexport const c = new globalThis.Intl.DateTimeFormat('en-US', opts);`,
            },
          ],
        },
        {
          messageId: 'hostDefaults',
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'addDefaults',
              output: `const opts = { dateStyle: 'short' } as const;\nexport const a = new Intl.DateTimeFormat();\nexport const b = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' });\nexport const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\nexport const c = new globalThis.Intl.DateTimeFormat('en-US', opts);`,
            },
          ],
        },
        {
          messageId: 'hostDefaults',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'addDefaults',
              output: `const opts = { dateStyle: 'short' } as const;\nexport const a = new Intl.DateTimeFormat();\nexport const b = new Intl.DateTimeFormat;\nexport const zone = Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).resolvedOptions().timeZone;\nexport const c = new globalThis.Intl.DateTimeFormat('en-US', opts);`,
            },
          ],
        },
        {
          messageId: 'hostDefaults',
          data: { name: 'Intl.DateTimeFormat', missing: 'time zone', why },
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'addDefaults',
              output: `const opts = { dateStyle: 'short' } as const;\nexport const a = new Intl.DateTimeFormat();\nexport const b = new Intl.DateTimeFormat;\nexport const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\nexport const c = new globalThis.Intl.DateTimeFormat('en-US', { ...opts, timeZone: 'UTC' });`,
            },
          ],
        },
      ],
    },
    {
      // Multi-line options keep their layout.
      code: `export const f = new Intl.DateTimeFormat('en-US', {\n  weekday: 'long',\n});`,
      filename: W,
      errors: [
        {
          messageId: 'hostDefaults',
          line: 1,
          column: 22,
          suggestions: [{ messageId: 'addDefaults', output: `export const f = new Intl.DateTimeFormat('en-US', {\n  timeZone: 'UTC',\n  weekday: 'long',\n});` }],
        },
      ],
    },
    {
      code: `export const d = new Date(2024, 0, 1, 9);\nexport const e = Date(2024, 5);`,
      filename: W,
      errors: [
        {
          messageId: 'localComponents',
          data: { name: 'new Date(year, month, ...)', why },
          line: 1,
          column: 18,
          endColumn: 41,
          suggestions: [{ messageId: 'useDateUtc', output: `export const d = new Date(Date.UTC(2024, 0, 1, 9));\nexport const e = Date(2024, 5);` }],
        },
        {
          messageId: 'localComponents',
          data: { name: 'Date(year, month, ...)', why },
          line: 2,
          column: 18,
          suggestions: [{ messageId: 'useDateUtc', output: `export const d = new Date(2024, 0, 1, 9);\nexport const e = Date(Date.UTC(2024, 5));` }],
        },
      ],
    },
    {
      code: `const local = '2024-03-10T02:30:00';\nexport const xs = [new Date('2024-01-01T10:00'), Date.parse("2024-01-01 10:00"), new Date('January 1, 2024'), new Date(local), new Date(\`2024-01-01T00:00:00.000\`)];`,
      filename: W,
      errors: [
        {
          messageId: 'localString',
          data: { text: "`'2024-01-01T10:00'`", why },
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'appendZ',
              output: `const local = '2024-03-10T02:30:00';\nexport const xs = [new Date('2024-01-01T10:00Z'), Date.parse("2024-01-01 10:00"), new Date('January 1, 2024'), new Date(local), new Date(\`2024-01-01T00:00:00.000\`)];`,
            },
          ],
        },
        { messageId: 'localString', data: { text: '`"2024-01-01 10:00"`', why }, line: 2, column: 61, suggestions: [] },
        { messageId: 'localString', data: { text: "`'January 1, 2024'`", why }, line: 2, column: 91, suggestions: [] },
        { messageId: 'localString', data: { text: '`"2024-03-10T02:30:00"`', why }, line: 2, column: 120, suggestions: [] },
        {
          messageId: 'localString',
          line: 2,
          column: 137,
          suggestions: [
            {
              messageId: 'appendZ',
              output: `const local = '2024-03-10T02:30:00';\nexport const xs = [new Date('2024-01-01T10:00'), Date.parse("2024-01-01 10:00"), new Date('January 1, 2024'), new Date(local), new Date(\`2024-01-01T00:00:00.000Z\`)];`,
            },
          ],
        },
      ],
    },
    {
      // The real clock on the main path, through a named import, a namespace, and a destructured `unsafe`.
      code: `import { workflowInfo as info } from '@temporalio/workflow';\nimport * as wf from '@temporalio/workflow';\nexport async function run() {\n  const a = info().unsafe.now();\n  const b = wf.workflowInfo().unsafe.now();\n  const { unsafe } = wf.workflowInfo();\n  return [a, b, unsafe.now()];\n}`,
      filename: W,
      errors: [
        {
          messageId: 'unsafeNow',
          data: { why },
          line: 4,
          column: 13,
          suggestions: [
            {
              messageId: 'useDateNow',
              output: `import { workflowInfo as info } from '@temporalio/workflow';\nimport * as wf from '@temporalio/workflow';\nexport async function run() {\n  const a = Date.now();\n  const b = wf.workflowInfo().unsafe.now();\n  const { unsafe } = wf.workflowInfo();\n  return [a, b, unsafe.now()];\n}`,
            },
          ],
        },
        {
          messageId: 'unsafeNow',
          line: 5,
          column: 13,
          suggestions: [
            {
              messageId: 'useDateNow',
              output: `import { workflowInfo as info } from '@temporalio/workflow';\nimport * as wf from '@temporalio/workflow';\nexport async function run() {\n  const a = info().unsafe.now();\n  const b = Date.now();\n  const { unsafe } = wf.workflowInfo();\n  return [a, b, unsafe.now()];\n}`,
            },
          ],
        },
        {
          messageId: 'unsafeNow',
          line: 7,
          column: 17,
          suggestions: [
            {
              messageId: 'useDateNow',
              output: `import { workflowInfo as info } from '@temporalio/workflow';\nimport * as wf from '@temporalio/workflow';\nexport async function run() {\n  const a = info().unsafe.now();\n  const b = wf.workflowInfo().unsafe.now();\n  const { unsafe } = wf.workflowInfo();\n  return [a, b, Date.now()];\n}`,
            },
          ],
        },
      ],
    },
    {
      // Signal and update handlers change state: the real clock there breaks replay.
      code: SIGNAL_CODE,
      filename: W,
      errors: [
        { messageId: 'unsafeNow', line: 5, column: 25, endColumn: 52, suggestions: [{ messageId: 'useDateNow', output: SIGNAL_CODE.replace('return workflowInfo().unsafe.now();', 'return Date.now();') }] },
        { messageId: 'unsafeNow', line: 8, column: 36, suggestions: [{ messageId: 'useDateNow', output: SIGNAL_CODE.replace('last = workflowInfo().unsafe.now();', 'last = Date.now();') }] },
        { messageId: 'unsafeNow', line: 9, column: 26, suggestions: [{ messageId: 'useDateNow', output: SIGNAL_CODE.replace('() => workflowInfo().unsafe.now());', '() => Date.now());') }] },
      ],
    },
    {
      options: [{ reportLoggedValues: true }],
      code: `import { log } from '@temporalio/workflow';\nlog.info('hour', { hour: new Date().getHours() });`,
      filename: W,
      errors: [
        {
          messageId: 'localTime',
          line: 2,
          column: 37,
          suggestions: [{ messageId: 'useUtc', output: `import { log } from '@temporalio/workflow';\nlog.info('hour', { hour: new Date().getUTCHours() });` }],
        },
      ],
    },
    {
      // A helper reached from workflow code: the chain is in the message.
      code: `export function isBusinessHours(at: Date): boolean {\n  const h = at.getHours();\n  return h >= 9 && h < 17;\n}`,
      filename: 'src/lib/calendar.ts',
      errors: [
        {
          messageId: 'localTime',
          data: { name: 'getHours', why: ' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/lib/calendar.ts)' },
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'useUtc',
              output: `export function isBusinessHours(at: Date): boolean {\n  const h = at.getUTCHours();\n  return h >= 9 && h < 17;\n}`,
            },
          ],
        },
      ],
    },
  ],
});

// With type information the checker knows which receivers are Dates.
const typedTester = createTypedRuleTester();
const TYPED_CODE = `import { workflowInfo } from '@temporalio/workflow';\nexport function f() {\n  const info = workflowInfo();\n  return [info.startTime.getHours(), info.runStartTime.toLocaleDateString('en-US')];\n}`;
typedTester.run('workflow-no-host-dependent-time (typed)', rule, {
  valid: [
    { code: `const n = 1234.5;\nexport const s = n.toLocaleString();`, filename: typedFile('workflows.ts') },
    { code: `class Clock { getHours() { return 1; } }\nexport const h = new Clock().getHours();`, filename: typedFile('workflows.ts') },
    { code: `import { workflowInfo } from '@temporalio/workflow';\nexport const h = workflowInfo().startTime.getUTCHours();`, filename: typedFile('workflows.ts') },
  ],
  invalid: [
    {
      code: TYPED_CODE,
      filename: typedFile('workflows.ts'),
      errors: [
        {
          messageId: 'localTime',
          data: { name: 'getHours', why },
          line: 4,
          column: 26,
          suggestions: [{ messageId: 'useUtc', output: TYPED_CODE.replace('getHours', 'getUTCHours') }],
        },
        {
          messageId: 'hostDefaults',
          data: { name: 'toLocaleDateString()', missing: 'time zone', why },
          line: 4,
          column: 56,
          suggestions: [{ messageId: 'addDefaults', output: TYPED_CODE.replace("('en-US')", "('en-US', { timeZone: 'UTC' })") }],
        },
      ],
    },
  ],
});

ruleTester.run('workflow-no-host-dependent-time: syntactic Date values, locale arguments and suggestion edges', rule, {
  valid: [],
  invalid: [
    // Computed members with string keys, optional calls, and the destructured `workflowInfo().unsafe.now` (allowed in a query handler).
    {
      code: `import { defineQuery, setHandler, workflowInfo } from '@temporalio/workflow';
const q = defineQuery<number>('q');
export async function wf(d: Date): Promise<number[]> {
  const { now } = workflowInfo().unsafe;
  setHandler(q, () => now());
  const { DateTimeFormat } = Intl;
  DateTimeFormat('en-US', { timeZone: 'UTC' });
  DateTimeFormat();
  return [d['getHours'](), d?.getMinutes(), now()];
}`,
      filename: W,
      errors: [
        { messageId: 'hostDefaults', line: 8, column: 3, endLine: 8, endColumn: 17, suggestions: [{ messageId: 'addDefaults', output: `import { defineQuery, setHandler, workflowInfo } from '@temporalio/workflow';
const q = defineQuery<number>('q');
export async function wf(d: Date): Promise<number[]> {
  const { now } = workflowInfo().unsafe;
  setHandler(q, () => now());
  const { DateTimeFormat } = Intl;
  DateTimeFormat('en-US', { timeZone: 'UTC' });
  DateTimeFormat('en-US', { timeZone: 'UTC' });
  return [d['getHours'](), d?.getMinutes(), now()];
}` }] },
        { messageId: 'localTime', line: 9, column: 13, endLine: 9, endColumn: 23 },
        { messageId: 'localTime', line: 9, column: 31, endLine: 9, endColumn: 41, suggestions: [{ messageId: 'useUtc', output: `import { defineQuery, setHandler, workflowInfo } from '@temporalio/workflow';
const q = defineQuery<number>('q');
export async function wf(d: Date): Promise<number[]> {
  const { now } = workflowInfo().unsafe;
  setHandler(q, () => now());
  const { DateTimeFormat } = Intl;
  DateTimeFormat('en-US', { timeZone: 'UTC' });
  DateTimeFormat();
  return [d['getHours'](), d?.getUTCMinutes(), now()];
}` }] },
        { messageId: 'unsafeNow', line: 9, column: 45, endLine: 9, endColumn: 50, suggestions: [{ messageId: 'useDateNow', output: `import { defineQuery, setHandler, workflowInfo } from '@temporalio/workflow';
const q = defineQuery<number>('q');
export async function wf(d: Date): Promise<number[]> {
  const { now } = workflowInfo().unsafe;
  setHandler(q, () => now());
  const { DateTimeFormat } = Intl;
  DateTimeFormat('en-US', { timeZone: 'UTC' });
  DateTimeFormat();
  return [d['getHours'](), d?.getMinutes(), Date.now()];
}` }] },
      ],
    },
    // Date-valued expressions without type information: assertions, non-null, optional chains, satisfies, annotated members of interfaces and type aliases, class fields and parameter properties.
    {
      code: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}`,
      filename: W,
      errors: [
        { messageId: 'localTime', line: 15, column: 34, endLine: 15, endColumn: 42, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getUTCHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 16, column: 26, endLine: 16, endColumn: 34, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getUTCHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 22, column: 17, endLine: 22, endColumn: 25, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getUTCHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 23, column: 15, endLine: 23, endColumn: 25, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getUTCMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 24, column: 25, endLine: 24, endColumn: 35, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getUTCSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 25, column: 37, endLine: 25, endColumn: 44, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getUTCDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 26, column: 21, endLine: 26, endColumn: 27, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getUTCDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 27, column: 18, endLine: 27, endColumn: 26, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getUTCMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 28, column: 15, endLine: 28, endColumn: 26, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getUTCFullYear(),
    maybe?.at.getHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
        { messageId: 'localTime', line: 29, column: 15, endLine: 29, endColumn: 23, suggestions: [{ messageId: 'useUtc', output: `interface Order { placedAt: Date; meta: { due?: Date | null }; 'quoted': Date }
type Alias = { at: Date };
type Wrapped = Alias;
declare const order: Order;
declare const alias: Wrapped | undefined;
declare const maybe: Alias | null;
declare const other: { at: Date } | { at: string };
export class Clock {
  created = new Date(0);
  label: string = '';
  untyped;
  constructor(private readonly started: Date, public count: number) {}
  hours(): number[] {
    const f = function (this: any) { return this.created.getHours(); };
    const g = () => this.created.getHours();
    return [this.started.getHours(), g(), f(), this.untyped.getHours(), this.count, this.label.length, this.missing.getHours()];
  }
  missing: any;
}
export function a(x: unknown, y: any): number[] {
  return [
    (x as Date).getHours(),
    (<Date>y).getMinutes(),
    (x as Date | null)!.getSeconds(),
    (order.placedAt satisfies Date).getDate(),
    order.meta.due!.getDay(),
    order.quoted.getMonth(),
    alias!.at.getFullYear(),
    maybe?.at.getUTCHours() ?? 0,
    other.at.getHours() as number,
    (x as Promise<Date>) as any,
  ];
}` }] },
      ],
    },
    // Variables: a reassigned `let` is not known to hold a Date; destructured and parameter bindings need an annotation.
    {
      code: `export function a(p: Date, { q }: { q: Date }, ...rest: Date[]): number[] {
  let d = new Date(0);
  d = new Date(1);
  let e = new Date(2);
  const [f] = [new Date(3)];
  return [d.getHours(), e.getHours(), f!.getHours(), p.getHours(), q.getHours(), rest[0]!.getHours()];
}`,
      filename: W,
      errors: [
        { messageId: 'localTime', line: 6, column: 27, endLine: 6, endColumn: 35, suggestions: [{ messageId: 'useUtc', output: `export function a(p: Date, { q }: { q: Date }, ...rest: Date[]): number[] {
  let d = new Date(0);
  d = new Date(1);
  let e = new Date(2);
  const [f] = [new Date(3)];
  return [d.getHours(), e.getUTCHours(), f!.getHours(), p.getHours(), q.getHours(), rest[0]!.getHours()];
}` }] },
        { messageId: 'localTime', line: 6, column: 56, endLine: 6, endColumn: 64, suggestions: [{ messageId: 'useUtc', output: `export function a(p: Date, { q }: { q: Date }, ...rest: Date[]): number[] {
  let d = new Date(0);
  d = new Date(1);
  let e = new Date(2);
  const [f] = [new Date(3)];
  return [d.getHours(), e.getHours(), f!.getHours(), p.getUTCHours(), q.getHours(), rest[0]!.getHours()];
}` }] },
      ],
    },
    // `Date()` without `new` is a Date in the workflow sandbox (`workflow/src/global-overrides.ts`) but a string to
    // TypeScript: the suggestion for it says `new Date()`, and a binding of it gets no suggestion.
    {
      code: `export function a(): string[] {
  const n = Number(new Date());
  const s = Date();
  return [String(n), String(new Date(0)), \`\${Date()}\`, \`\${s}\`];
}`,
      filename: W,
      errors: [
        { messageId: 'hostFormat', line: 4, column: 29, endLine: 4, endColumn: 40, suggestions: [{ messageId: 'useIso', output: `export function a(): string[] {
  const n = Number(new Date());
  const s = Date();
  return [String(n), (new Date(0)).toISOString(), \`\${Date()}\`, \`\${s}\`];
}` }] },
        { messageId: 'hostFormat', line: 4, column: 46, endLine: 4, endColumn: 52, suggestions: [{ messageId: 'useIso', output: `export function a(): string[] {
  const n = Number(new Date());
  const s = Date();
  return [String(n), String(new Date(0)), \`\${new Date().toISOString()}\`, \`\${s}\`];
}` }] },
        { messageId: 'hostFormat', line: 4, column: 59, endLine: 4, endColumn: 60, suggestions: [] },
      ],
    },
    // Values that only feed a log call through conditionals and property values; not through a test, a key, or arithmetic.
    {
      code: `import { log } from '@temporalio/workflow';
export function a(d: Date, flag: boolean): void {
  log.info('at', { when: flag ? d.getHours() : 0 });
  console.log(d.getHours() > 3 ? 'late' : 'early');
  log.info(\`h\`, { [d.getHours()]: 1 });
  console.log(d.getHours() * 2);
  log.info(String(d.getHours()));
}`,
      filename: W,
      errors: [
        { messageId: 'localTime', line: 4, column: 17, endLine: 4, endColumn: 25, suggestions: [{ messageId: 'useUtc', output: `import { log } from '@temporalio/workflow';
export function a(d: Date, flag: boolean): void {
  log.info('at', { when: flag ? d.getHours() : 0 });
  console.log(d.getUTCHours() > 3 ? 'late' : 'early');
  log.info(\`h\`, { [d.getHours()]: 1 });
  console.log(d.getHours() * 2);
  log.info(String(d.getHours()));
}` }] },
        { messageId: 'localTime', line: 5, column: 22, endLine: 5, endColumn: 30, suggestions: [{ messageId: 'useUtc', output: `import { log } from '@temporalio/workflow';
export function a(d: Date, flag: boolean): void {
  log.info('at', { when: flag ? d.getHours() : 0 });
  console.log(d.getHours() > 3 ? 'late' : 'early');
  log.info(\`h\`, { [d.getUTCHours()]: 1 });
  console.log(d.getHours() * 2);
  log.info(String(d.getHours()));
}` }] },
        { messageId: 'localTime', line: 6, column: 17, endLine: 6, endColumn: 25, suggestions: [{ messageId: 'useUtc', output: `import { log } from '@temporalio/workflow';
export function a(d: Date, flag: boolean): void {
  log.info('at', { when: flag ? d.getHours() : 0 });
  console.log(d.getHours() > 3 ? 'late' : 'early');
  log.info(\`h\`, { [d.getHours()]: 1 });
  console.log(d.getUTCHours() * 2);
  log.info(String(d.getHours()));
}` }] },
        { messageId: 'localTime', line: 7, column: 21, endLine: 7, endColumn: 29, suggestions: [{ messageId: 'useUtc', output: `import { log } from '@temporalio/workflow';
export function a(d: Date, flag: boolean): void {
  log.info('at', { when: flag ? d.getHours() : 0 });
  console.log(d.getHours() > 3 ? 'late' : 'early');
  log.info(\`h\`, { [d.getHours()]: 1 });
  console.log(d.getHours() * 2);
  log.info(String(d.getUTCHours()));
}` }] },
      ],
    },
    // Locale arguments: spread arguments are skipped; an undefined locale or empty array counts as missing; comments keep the suggestion away.
    {
      code: `declare const args: [string];
export function a(d: Date): string[] {
  return [
    d.toLocaleDateString(...args),
    d.toLocaleDateString(undefined, { timeZone: 'UTC' }),
    d.toLocaleDateString([], { timeZone: 'UTC' }),
    d.toLocaleDateString(/* host */ undefined, { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', undefined),
    d.toLocaleTimeString('en-US', { timeZone: undefined }),
    d.toLocaleTimeString('en-US', { /* none */ }),
    d.toLocaleTimeString('en-US', { timeZone: /* later */ undefined }),
    d.toLocaleTimeString('en-US', {
      hour: '2-digit',
    }),
    d.toLocaleTimeString('en-US', opts),
    d.toLocaleTimeString('en-US', { ...opts }),
    d.toLocaleTimeString('en-US', /* opts */ opts),
    d.toLocaleString(/* nothing */),
  ];
}
declare const opts: Intl.DateTimeFormatOptions;`,
      filename: W,
      errors: [
        { messageId: 'hostDefaults', line: 5, column: 7, endLine: 5, endColumn: 25, suggestions: [{ messageId: 'addDefaults', output: `declare const args: [string];
export function a(d: Date): string[] {
  return [
    d.toLocaleDateString(...args),
    d.toLocaleDateString('en-US', { timeZone: 'UTC' }),
    d.toLocaleDateString([], { timeZone: 'UTC' }),
    d.toLocaleDateString(/* host */ undefined, { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', undefined),
    d.toLocaleTimeString('en-US', { timeZone: undefined }),
    d.toLocaleTimeString('en-US', { /* none */ }),
    d.toLocaleTimeString('en-US', { timeZone: /* later */ undefined }),
    d.toLocaleTimeString('en-US', {
      hour: '2-digit',
    }),
    d.toLocaleTimeString('en-US', opts),
    d.toLocaleTimeString('en-US', { ...opts }),
    d.toLocaleTimeString('en-US', /* opts */ opts),
    d.toLocaleString(/* nothing */),
  ];
}
declare const opts: Intl.DateTimeFormatOptions;` }] },
        { messageId: 'hostDefaults', line: 6, column: 7, endLine: 6, endColumn: 25, suggestions: [{ messageId: 'addDefaults', output: `declare const args: [string];
export function a(d: Date): string[] {
  return [
    d.toLocaleDateString(...args),
    d.toLocaleDateString(undefined, { timeZone: 'UTC' }),
    d.toLocaleDateString('en-US', { timeZone: 'UTC' }),
    d.toLocaleDateString(/* host */ undefined, { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', undefined),
    d.toLocaleTimeString('en-US', { timeZone: undefined }),
    d.toLocaleTimeString('en-US', { /* none */ }),
    d.toLocaleTimeString('en-US', { timeZone: /* later */ undefined }),
    d.toLocaleTimeString('en-US', {
      hour: '2-digit',
    }),
    d.toLocaleTimeString('en-US', opts),
    d.toLocaleTimeString('en-US', { ...opts }),
    d.toLocaleTimeString('en-US', /* opts */ opts),
    d.toLocaleString(/* nothing */),
  ];
}
declare const opts: Intl.DateTimeFormatOptions;` }] },
        { messageId: 'hostDefaults', line: 7, column: 7, endLine: 7, endColumn: 25, suggestions: [{ messageId: 'addDefaults', output: `declare const args: [string];
export function a(d: Date): string[] {
  return [
    d.toLocaleDateString(...args),
    d.toLocaleDateString(undefined, { timeZone: 'UTC' }),
    d.toLocaleDateString([], { timeZone: 'UTC' }),
    d.toLocaleDateString(/* host */ 'en-US', { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', undefined),
    d.toLocaleTimeString('en-US', { timeZone: undefined }),
    d.toLocaleTimeString('en-US', { /* none */ }),
    d.toLocaleTimeString('en-US', { timeZone: /* later */ undefined }),
    d.toLocaleTimeString('en-US', {
      hour: '2-digit',
    }),
    d.toLocaleTimeString('en-US', opts),
    d.toLocaleTimeString('en-US', { ...opts }),
    d.toLocaleTimeString('en-US', /* opts */ opts),
    d.toLocaleString(/* nothing */),
  ];
}
declare const opts: Intl.DateTimeFormatOptions;` }] },
        { messageId: 'hostDefaults', line: 8, column: 7, endLine: 8, endColumn: 25, suggestions: [{ messageId: 'addDefaults', output: `declare const args: [string];
export function a(d: Date): string[] {
  return [
    d.toLocaleDateString(...args),
    d.toLocaleDateString(undefined, { timeZone: 'UTC' }),
    d.toLocaleDateString([], { timeZone: 'UTC' }),
    d.toLocaleDateString(/* host */ undefined, { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', { ...undefined, timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', { timeZone: undefined }),
    d.toLocaleTimeString('en-US', { /* none */ }),
    d.toLocaleTimeString('en-US', { timeZone: /* later */ undefined }),
    d.toLocaleTimeString('en-US', {
      hour: '2-digit',
    }),
    d.toLocaleTimeString('en-US', opts),
    d.toLocaleTimeString('en-US', { ...opts }),
    d.toLocaleTimeString('en-US', /* opts */ opts),
    d.toLocaleString(/* nothing */),
  ];
}
declare const opts: Intl.DateTimeFormatOptions;` }] },
        { messageId: 'hostDefaults', line: 9, column: 7, endLine: 9, endColumn: 25, suggestions: [{ messageId: 'addDefaults', output: `declare const args: [string];
export function a(d: Date): string[] {
  return [
    d.toLocaleDateString(...args),
    d.toLocaleDateString(undefined, { timeZone: 'UTC' }),
    d.toLocaleDateString([], { timeZone: 'UTC' }),
    d.toLocaleDateString(/* host */ undefined, { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', undefined),
    d.toLocaleTimeString('en-US', { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', { /* none */ }),
    d.toLocaleTimeString('en-US', { timeZone: /* later */ undefined }),
    d.toLocaleTimeString('en-US', {
      hour: '2-digit',
    }),
    d.toLocaleTimeString('en-US', opts),
    d.toLocaleTimeString('en-US', { ...opts }),
    d.toLocaleTimeString('en-US', /* opts */ opts),
    d.toLocaleString(/* nothing */),
  ];
}
declare const opts: Intl.DateTimeFormatOptions;` }] },
        { messageId: 'hostDefaults', line: 10, column: 7, endLine: 10, endColumn: 25 },
        { messageId: 'hostDefaults', line: 11, column: 7, endLine: 11, endColumn: 25 },
        { messageId: 'hostDefaults', line: 12, column: 7, endLine: 12, endColumn: 25, suggestions: [{ messageId: 'addDefaults', output: `declare const args: [string];
export function a(d: Date): string[] {
  return [
    d.toLocaleDateString(...args),
    d.toLocaleDateString(undefined, { timeZone: 'UTC' }),
    d.toLocaleDateString([], { timeZone: 'UTC' }),
    d.toLocaleDateString(/* host */ undefined, { timeZone: 'UTC' }),
    d.toLocaleTimeString('en-US', undefined),
    d.toLocaleTimeString('en-US', { timeZone: undefined }),
    d.toLocaleTimeString('en-US', { /* none */ }),
    d.toLocaleTimeString('en-US', { timeZone: /* later */ undefined }),
    d.toLocaleTimeString('en-US', {
      timeZone: 'UTC',
      hour: '2-digit',
    }),
    d.toLocaleTimeString('en-US', opts),
    d.toLocaleTimeString('en-US', { ...opts }),
    d.toLocaleTimeString('en-US', /* opts */ opts),
    d.toLocaleString(/* nothing */),
  ];
}
declare const opts: Intl.DateTimeFormatOptions;` }] },
        { messageId: 'hostDefaults', line: 18, column: 7, endLine: 18, endColumn: 21 },
      ],
    },
    // Date constructors: spread arguments, `Date.parse` without arguments, a shadowed `Date` gets no `Date.UTC` suggestion.
    {
      code: `declare const parts: [number, number];
export function a(): unknown[] {
  return [new Date(...parts), Date.parse(), Date(2024, 1)];
}
export function b(Date: DateConstructor): number {
  return new Date(2024, 1).getTime();
}`,
      filename: W,
      errors: [
        { messageId: 'localComponents', line: 3, column: 45, endLine: 3, endColumn: 58, suggestions: [{ messageId: 'useDateUtc', output: `declare const parts: [number, number];
export function a(): unknown[] {
  return [new Date(...parts), Date.parse(), Date(Date.UTC(2024, 1))];
}
export function b(Date: DateConstructor): number {
  return new Date(2024, 1).getTime();
}` }] },
      ],
    },
    // Host formatters: with arguments or a comment there is no suggestion; `${}` of an expression is parenthesised; comments block it.
    {
      code: `export function a(d: Date, e?: Date): string[] {
  return [d.toString(/* x */), \`\${e ?? d}\`, String(/* c */ d), \`\${d /* c */}\`, d['toString']()];
}`,
      filename: W,
      errors: [
        { messageId: 'hostFormat', line: 2, column: 13, endLine: 2, endColumn: 21 },
        { messageId: 'hostFormat', line: 2, column: 60, endLine: 2, endColumn: 61 },
        { messageId: 'hostFormat', line: 2, column: 67, endLine: 2, endColumn: 68, suggestions: [{ messageId: 'useIso', output: `export function a(d: Date, e?: Date): string[] {
  return [d.toString(/* x */), \`\${e ?? d}\`, String(/* c */ d), \`\${d.toISOString() /* c */}\`, d['toString']()];
}` }] },
        { messageId: 'hostFormat', line: 2, column: 82, endLine: 2, endColumn: 92 },
      ],
    },
    // The unsafe clock with a comment, and a shadowed `Date`, gets no `Date.now()` suggestion.
    {
      code: `import { workflowInfo } from '@temporalio/workflow';
export function a(): number[] {
  const Date = 1;
  return [workflowInfo().unsafe.now(), Date];
}
export function b(): number {
  return workflowInfo().unsafe.now(/* host */);
}`,
      filename: W,
      errors: [
        { messageId: 'unsafeNow', line: 4, column: 11, endLine: 4, endColumn: 38 },
        { messageId: 'unsafeNow', line: 7, column: 10, endLine: 7, endColumn: 47 },
      ],
    },
  ],
});
