import { vi } from 'vitest';
import rule from '../../src/rules/workflow-no-unsafe-random.js';
import { findRandomPackage } from '../../src/sdk/random-packages.js';
import { createRuleTester } from '../rule-tester.js';

// `lib/` files: a helper reached from `src/worker.ts (workflowsPath) → src/workflows.ts` (the message names the chain).
vi.mock('../../src/project/index.js', async (importOriginal) =>
  (await import('../model-stubs.js')).withModelStubs(await importOriginal()),
);

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';
const why = '';
const reasonOf = (name: string): string => findRandomPackage(name)?.pkg.reason ?? '';
const UUID_REASON =
  'its browser build calls `crypto.randomUUID()` / `crypto.getRandomValues()`, and the sandbox has no `crypto`, so the call throws and fails the workflow task';
const NANOID_REASON =
  'its browser build calls `crypto.getRandomValues()`, and the sandbox has no `crypto`, so the call throws and fails the workflow task';

ruleTester.run('workflow-no-unsafe-random', rule, {
  valid: [
    // Idiomatic: the seeded PRNG and `uuid4()` (samples style).
    {
      code: `import { proxyActivities, uuid4 } from '@temporalio/workflow';
import type * as activities from './activities';
const { charge } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export async function order(amount: number): Promise<string> {
  const idempotencyKey = uuid4();
  const jitter = Math.floor(Math.random() * 1000);
  await charge(idempotencyKey, amount + jitter);
  return idempotencyKey;
}`,
      filename: W,
    },
    { code: `import * as wf from '@temporalio/workflow';\nexport const id = wf.uuid4();`, filename: W },
    // Pure parts of ID packages, and their Math.random-based builds.
    { code: `import { v5 as uuidv5, validate, NIL } from 'uuid';\nexport const id = uuidv5('order-1', NIL);\nexport const ok = validate(id);`, filename: W },
    { code: `import * as uuid from 'uuid';\nexport const ok = uuid.validate('x') && uuid.version('x') === 4;`, filename: W },
    { code: `import { nanoid, customAlphabet } from 'nanoid/non-secure';\nexport const a = nanoid();\nexport const b = customAlphabet('abc', 4)();`, filename: W },
    { code: `import { ulid, decodeTime } from 'ulid';\nexport const id = ulid(Date.now(), Math.random);\nexport const t = decodeTime(id);`, filename: W },
    { code: `import { v4 } from 'uuid';\ndeclare const bytes: Uint8Array;\nexport const id = v4({ random: bytes });`, filename: W },
    { code: `import { createTranslator } from 'short-uuid';\nimport { uuid4 } from '@temporalio/workflow';\nexport const short = createTranslator().fromUUID(uuid4());`, filename: W },
    // Imported only for types: the compiler drops the import.
    { code: `import type cuid from 'cuid';\nimport hyperid from 'hyperid';\nexport type Gen = typeof cuid | typeof hyperid;`, filename: W },
    // Local functions and bindings with the same names.
    { code: `function uuidv4() { return 'x'; }\nfunction nanoid() { return 'y'; }\nexport const ids = [uuidv4(), nanoid()];`, filename: W },
    { code: `import { v4 } from './ids';\nexport const id = v4();`, filename: W },
    { code: `export function f(crypto: { randomUUID(): string }) { return crypto.randomUUID(); }`, filename: W },
    { code: `import { uuid4 } from '@temporalio/workflow';\nconst crypto = { randomUUID: () => uuid4() };\nexport const id = crypto.randomUUID();`, filename: W },
    // The `crypto` module is reported by workflow-no-disallowed-modules (the import fails the bundle).
    { code: `import crypto from 'crypto';\nimport { randomUUID } from 'node:crypto';\nexport const ids = [crypto.randomUUID(), randomUUID()];`, filename: W },
    // Feature tests and code guarded by them never touch `crypto` in the sandbox.
    {
      code: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto !== 'undefined' ? crypto.randomUUID() : uuid4();
export const b = typeof globalThis.crypto === 'object' && globalThis.crypto.randomUUID();
export function c(): string {
  if (typeof crypto === 'undefined') return uuid4();
  return crypto.randomUUID();
}
export function d(): string {
  if (globalThis.crypto) return globalThis.crypto.randomUUID();
  return uuid4();
}
export const e = 'crypto' in globalThis ? 'yes' : 'no';
export const f = !globalThis.crypto || typeof crypto === 'undefined';`,
      filename: W,
    },
    { code: `const o = { crypto: 1 };\nexport const x = o.crypto;\nexport interface Env { crypto: Crypto }\nexport type C = typeof crypto;`, filename: W },
    // Query handlers and update validators may draw fresh entropy.
    {
      code: `import { defineQuery, setHandler, workflowInfo } from '@temporalio/workflow';\nconst nonce = defineQuery<string>('nonce');\nexport async function wf() {\n  setHandler(nonce, () => workflowInfo().unsafe.random.uuid4());\n}`,
      filename: W,
    },
    // Not workflow code.
    { code: `import { v4 } from 'uuid';\nimport cuid from 'cuid';\nexport const ids = [v4(), crypto.randomUUID(), cuid()];`, filename: 'src/activities.ts' },
    { code: `import { nanoid } from 'nanoid';\nexport const workflowId = \`order-\${nanoid()}-\${crypto.randomUUID()}\`;`, filename: 'src/client.ts' },
  ],
  invalid: [
    {
      // No import to extend: one is added at the top.
      code: `export const id = crypto.randomUUID();`,
      filename: W,
      errors: [
        {
          messageId: 'cryptoGlobal',
          data: { name: 'crypto.randomUUID()', why },
          line: 1,
          column: 19,
          endColumn: 38,
          suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';\nexport const id = uuid4();` }],
        },
      ],
    },
    {
      // An existing named import is extended.
      code: `import { sleep } from '@temporalio/workflow';\nexport async function wf() {\n  await sleep(1);\n  return globalThis.crypto.randomUUID();\n}`,
      filename: W,
      errors: [
        {
          messageId: 'cryptoGlobal',
          data: { name: 'globalThis.crypto.randomUUID()', why },
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { sleep, uuid4 } from '@temporalio/workflow';\nexport async function wf() {\n  await sleep(1);\n  return uuid4();\n}`,
            },
          ],
        },
      ],
    },
    {
      // A namespace import is used as it is.
      code: `import * as wf from '@temporalio/workflow';\nexport const id = window.crypto?.randomUUID();`,
      filename: W,
      errors: [
        {
          messageId: 'cryptoGlobal',
          data: { name: 'window.crypto.randomUUID()', why },
          line: 2,
          column: 19,
          suggestions: [{ messageId: 'useUuid4', output: `import * as wf from '@temporalio/workflow';\nexport const id = wf.uuid4();` }],
        },
      ],
    },
    {
      // Other uses of the missing global: no suggestion.
      code: `export const bytes = crypto.getRandomValues(new Uint8Array(16));\nexport const subtle = crypto.subtle;\nconst c = crypto;\nconst { crypto: k } = globalThis;\nexport const x = [c, k];`,
      filename: W,
      errors: [
        { messageId: 'cryptoGlobal', data: { name: 'crypto.getRandomValues()', why }, line: 1, column: 22, suggestions: [] },
        { messageId: 'cryptoGlobal', data: { name: 'crypto.subtle', why }, line: 2, column: 23, suggestions: [] },
        { messageId: 'cryptoGlobal', data: { name: 'crypto', why }, line: 3, column: 11, suggestions: [] },
        { messageId: 'cryptoGlobal', data: { name: 'globalThis.crypto', why }, line: 4, column: 9 },
      ],
    },
    {
      // The only use of `v4`: the uuid import is replaced by the workflow import.
      code: `import { proxyActivities } from './proxies';\nimport { v4 as uuidv4 } from 'uuid';\nexport const newId = () => uuidv4();`,
      filename: W,
      errors: [
        {
          messageId: 'randomPackageCall',
          data: { name: 'v4()', source: 'uuid', reason: UUID_REASON, why },
          line: 3,
          column: 28,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { proxyActivities } from './proxies';\nimport { uuid4 } from '@temporalio/workflow';\nexport const newId = () => uuid4();`,
            },
          ],
        },
      ],
    },
    {
      // Several uses: each call is replaced on its own; the import stays while it is used.
      code: `import { log } from '@temporalio/workflow';\nimport { v4, validate } from 'uuid';\nexport const a = v4();\nexport const b = validate(a) ? v4() : '';\nlog.info(a);`,
      filename: W,
      errors: [
        {
          messageId: 'randomPackageCall',
          line: 3,
          column: 18,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { log, uuid4 } from '@temporalio/workflow';\nimport { v4, validate } from 'uuid';\nexport const a = uuid4();\nexport const b = validate(a) ? v4() : '';\nlog.info(a);`,
            },
          ],
        },
        {
          messageId: 'randomPackageCall',
          line: 4,
          column: 32,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { log, uuid4 } from '@temporalio/workflow';\nimport { v4, validate } from 'uuid';\nexport const a = v4();\nexport const b = validate(a) ? uuid4() : '';\nlog.info(a);`,
            },
          ],
        },
      ],
    },
    {
      // The last use of one specifier among several: only that specifier goes.
      code: `import { sleep } from '@temporalio/workflow';\nimport { v4, validate } from 'uuid';\nexport const ok = validate('x');\nexport async function wf() { await sleep(1); return v4(); }`,
      filename: W,
      errors: [
        {
          messageId: 'randomPackageCall',
          line: 4,
          column: 53,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { sleep, uuid4 } from '@temporalio/workflow';\nimport { validate } from 'uuid';\nexport const ok = validate('x');\nexport async function wf() { await sleep(1); return uuid4(); }`,
            },
          ],
        },
      ],
    },
    {
      // Namespace, default (uuid ≤ 3) and require forms.
      code: `import * as uuid from 'uuid';\nexport const a = uuid.v4();`,
      filename: W,
      errors: [
        {
          messageId: 'randomPackageCall',
          data: { name: 'v4()', source: 'uuid', reason: UUID_REASON, why },
          line: 2,
          column: 18,
          suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';\nexport const a = uuid4();` }],
        },
      ],
    },
    {
      code: `import uuid from 'uuid';\nimport { log } from '@temporalio/workflow';\nlog.info(uuid());`,
      filename: W,
      errors: [
        {
          messageId: 'randomPackageCall',
          data: { name: 'v4()', source: 'uuid', reason: UUID_REASON, why },
          line: 3,
          column: 10,
          suggestions: [{ messageId: 'useUuid4', output: `import { log, uuid4 } from '@temporalio/workflow';\nlog.info(uuid4());` }],
        },
      ],
    },
    {
      code: `const { v4: uuidv4 } = require('uuid');\nconst uuidOld = require('uuid/v4');\nexport const ids = [uuidv4(), uuidOld(), require('uuid').v7()];`,
      filename: W,
      errors: [
        {
          messageId: 'randomPackageCall',
          data: { name: 'v4()', source: 'uuid', reason: UUID_REASON, why },
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { uuid4 } from '@temporalio/workflow';\nconst uuidOld = require('uuid/v4');\nexport const ids = [uuid4(), uuidOld(), require('uuid').v7()];`,
            },
          ],
        },
        {
          messageId: 'randomPackageCall',
          data: { name: 'v4()', source: 'uuid/v4', reason: UUID_REASON, why },
          line: 3,
          column: 31,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { uuid4 } from '@temporalio/workflow';\nconst { v4: uuidv4 } = require('uuid');\nexport const ids = [uuidv4(), uuid4(), require('uuid').v7()];`,
            },
          ],
        },
        { messageId: 'randomPackageCall', data: { name: 'v7()', source: 'uuid', reason: UUID_REASON, why }, line: 3, column: 42, suggestions: [] },
      ],
    },
    {
      code: `import { nanoid, customAlphabet } from 'nanoid';\nexport const a = nanoid();\nexport const gen = customAlphabet('0123456789', 8);\nexport const ids = ['x'].map(nanoid);`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', data: { name: 'nanoid()', source: 'nanoid', reason: NANOID_REASON, why }, line: 2, column: 18, suggestions: [] },
        { messageId: 'randomPackageCall', data: { name: 'customAlphabet()', source: 'nanoid', reason: NANOID_REASON, why }, line: 3, column: 20 },
        { messageId: 'randomPackageCall', data: { name: 'nanoid', source: 'nanoid', reason: NANOID_REASON, why }, line: 4, column: 30 },
      ],
    },
    {
      code: `import short, { generate } from 'short-uuid';\nimport { ulid, monotonicFactory } from 'ulid';\nimport cryptoRandomString from 'crypto-random-string';\nexport const xs = [generate(), short().new(), ulid(), monotonicFactory(), cryptoRandomString({ length: 10 })];`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', data: { name: 'generate()', source: 'short-uuid', reason: reasonOf('short-uuid'), why }, line: 4, column: 20 },
        { messageId: 'randomPackageCall', data: { name: 'createTranslator().new()', source: 'short-uuid', reason: reasonOf('short-uuid'), why }, line: 4, column: 32 },
        { messageId: 'randomPackageCall', data: { name: 'ulid()', source: 'ulid', reason: reasonOf('ulid'), why }, line: 4, column: 47 },
        { messageId: 'randomPackageCall', data: { name: 'monotonicFactory()', source: 'ulid', reason: reasonOf('ulid'), why }, line: 4, column: 55 },
        { messageId: 'randomPackageCall', data: { name: 'default()', source: 'crypto-random-string', reason: reasonOf('crypto-random-string'), why }, line: 4, column: 75 },
      ],
    },
    {
      // Packages that break the bundle or the module load: the import itself is reported.
      code: `import cuid from 'cuid';\nimport { uuid } from 'uuidv4';\nimport 'hyperid';\nconst randomBytes = require('random-bytes');\nexport { default as rb } from 'random-bytes';\nexport const ids = [cuid(), uuid(), randomBytes];`,
      filename: W,
      errors: [
        { messageId: 'randomPackageImport', data: { source: 'cuid', reason: reasonOf('cuid'), why }, line: 1, column: 1, endColumn: 25 },
        { messageId: 'randomPackageImport', data: { source: 'uuidv4', reason: reasonOf('uuidv4'), why }, line: 2, column: 1 },
        { messageId: 'randomPackageImport', data: { source: 'hyperid', reason: reasonOf('hyperid'), why }, line: 3, column: 1 },
        { messageId: 'randomPackageImport', data: { source: 'random-bytes', reason: reasonOf('random-bytes'), why }, line: 4, column: 21 },
        { messageId: 'randomPackageImport', data: { source: 'random-bytes', reason: reasonOf('random-bytes'), why }, line: 5, column: 1 },
      ],
    },
    {
      // The nondeterministic escape hatch on the main workflow path.
      code: `import { workflowInfo } from '@temporalio/workflow';\nexport async function wf(buf: Uint8Array) {\n  const { random } = workflowInfo().unsafe;\n  return [workflowInfo().unsafe.random.uuid4(), random.random(), random.fillRandom(buf)];\n}`,
      filename: W,
      errors: [
        {
          messageId: 'unsafeRandom',
          data: { why },
          line: 4,
          column: 11,
          suggestions: [
            {
              messageId: 'useUuid4',
              output: `import { workflowInfo, uuid4 } from '@temporalio/workflow';\nexport async function wf(buf: Uint8Array) {\n  const { random } = workflowInfo().unsafe;\n  return [uuid4(), random.random(), random.fillRandom(buf)];\n}`,
            },
          ],
        },
        {
          messageId: 'unsafeRandom',
          line: 4,
          column: 49,
          suggestions: [
            {
              messageId: 'useMathRandom',
              output: `import { workflowInfo } from '@temporalio/workflow';\nexport async function wf(buf: Uint8Array) {\n  const { random } = workflowInfo().unsafe;\n  return [workflowInfo().unsafe.random.uuid4(), Math.random(), random.fillRandom(buf)];\n}`,
            },
          ],
        },
        { messageId: 'unsafeRandom', line: 4, column: 66, suggestions: [] },
      ],
    },
    {
      // A helper reached from workflow code: the chain is in the message.
      code: `import { nanoid } from 'nanoid';\nexport const newId = (): string => nanoid(12);`,
      filename: 'src/lib/ids.ts',
      errors: [
        {
          messageId: 'randomPackageCall',
          data: { name: 'nanoid()', source: 'nanoid', reason: NANOID_REASON, why: ' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/lib/ids.ts)' },
          line: 2,
          column: 36,
        },
      ],
    },
  ],
});

ruleTester.run('workflow-no-unsafe-random: guards, deep imports and fix edges', rule, {
  valid: [
    // Feature tests in their other forms: `&&` chains, negations, `==`/`!=`, `'crypto' in globalThis`, the else branch.
    {
      code: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : uuid4();
export const b = !(typeof crypto === 'undefined') ? crypto.randomUUID() : uuid4();
export const c = typeof crypto == 'function' ? crypto.randomUUID() : uuid4();
export const d = typeof crypto != 'undefined' ? crypto.randomUUID() : uuid4();
export const e = 'crypto' in globalThis ? crypto.randomUUID() : uuid4();
export const f = typeof crypto === 'undefined' ? uuid4() : crypto.randomUUID();
export const g = typeof crypto === 'undefined' || !globalThis.crypto ? uuid4() : crypto.randomUUID();
export const h = typeof crypto == 'undefined' || crypto.randomUUID();
export function i(): string {
  if (!globalThis.crypto) { return uuid4(); } else { return crypto.randomUUID(); }
}
export const j = !('crypto' in globalThis) ? uuid4() : crypto.randomUUID();`,
      filename: W,
    },
    // Type-only imports and re-exports of bundle-breaking packages are dropped by the compiler.
    {
      code: `import { type Foo } from 'hyperid';
export type * from 'hyperid';
import type * as R from 'random-bytes';
export type X = Foo | R.T;
export const y = 1;`,
      filename: W,
    },
  ],
  invalid: [
    // Computed members name the member when it is a string literal; a call of `crypto` itself is reported as such.
    {
      code: `export const a = crypto['randomUUID']();
export const b = globalThis['crypto'].getRandomValues(new Uint8Array(2));
declare const k: 'subtle';
export const c = crypto[k];
export const d = crypto();`,
      filename: W,
      errors: [
        { messageId: 'cryptoGlobal', line: 1, column: 18, endLine: 1, endColumn: 40, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export const a = uuid4();
export const b = globalThis['crypto'].getRandomValues(new Uint8Array(2));
declare const k: 'subtle';
export const c = crypto[k];
export const d = crypto();` }] },
        { messageId: 'cryptoGlobal', line: 2, column: 18, endLine: 2, endColumn: 73 },
        { messageId: 'cryptoGlobal', line: 4, column: 18, endLine: 4, endColumn: 27 },
        { messageId: 'cryptoGlobal', line: 5, column: 18, endLine: 5, endColumn: 26 },
      ],
    },
    // Only a guard that always exits (`throw`/`return`) protects the code after it.
    {
      code: `import { uuid4 } from '@temporalio/workflow';
export function a(): string {
  if (typeof crypto === 'undefined') {
    throw new Error('no crypto');
  }
  return crypto.randomUUID();
}
export function b(): string {
  if (typeof crypto === 'undefined') {}
  return crypto.randomUUID();
}
export function c(): string {
  if (typeof crypto === 'undefined') uuid4();
  return crypto.randomUUID();
}`,
      filename: W,
      errors: [
        { messageId: 'cryptoGlobal', line: 10, column: 10, endLine: 10, endColumn: 29, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export function a(): string {
  if (typeof crypto === 'undefined') {
    throw new Error('no crypto');
  }
  return crypto.randomUUID();
}
export function b(): string {
  if (typeof crypto === 'undefined') {}
  return uuid4();
}
export function c(): string {
  if (typeof crypto === 'undefined') uuid4();
  return crypto.randomUUID();
}` }] },
        { messageId: 'cryptoGlobal', line: 14, column: 10, endLine: 14, endColumn: 29, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export function a(): string {
  if (typeof crypto === 'undefined') {
    throw new Error('no crypto');
  }
  return crypto.randomUUID();
}
export function b(): string {
  if (typeof crypto === 'undefined') {}
  return crypto.randomUUID();
}
export function c(): string {
  if (typeof crypto === 'undefined') uuid4();
  return uuid4();
}` }] },
      ],
    },
    // Tests that do not prove `crypto` exists, a shadowed `window`, and a label named `crypto`.
    {
      code: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto === 'undefined' ?? crypto.randomUUID();
export const b = typeof crypto === 'string' ? crypto.randomUUID() : uuid4();
export const c = typeof crypto !== 'object' ? uuid4() : crypto.randomUUID();
export const d = 1 > 2 ? crypto.randomUUID() : uuid4();
export const e = typeof crypto !== 'undefined' || crypto.randomUUID();
export const f = uuid4() || globalThis.crypto;
export function g(window: { crypto: { x: number } }) { return window.crypto.x; }
crypto: for (;;) { break crypto; }`,
      filename: W,
      errors: [
        { messageId: 'cryptoGlobal', line: 2, column: 51, endLine: 2, endColumn: 70, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto === 'undefined' ?? uuid4();
export const b = typeof crypto === 'string' ? crypto.randomUUID() : uuid4();
export const c = typeof crypto !== 'object' ? uuid4() : crypto.randomUUID();
export const d = 1 > 2 ? crypto.randomUUID() : uuid4();
export const e = typeof crypto !== 'undefined' || crypto.randomUUID();
export const f = uuid4() || globalThis.crypto;
export function g(window: { crypto: { x: number } }) { return window.crypto.x; }
crypto: for (;;) { break crypto; }` }] },
        { messageId: 'cryptoGlobal', line: 3, column: 47, endLine: 3, endColumn: 66, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto === 'undefined' ?? crypto.randomUUID();
export const b = typeof crypto === 'string' ? uuid4() : uuid4();
export const c = typeof crypto !== 'object' ? uuid4() : crypto.randomUUID();
export const d = 1 > 2 ? crypto.randomUUID() : uuid4();
export const e = typeof crypto !== 'undefined' || crypto.randomUUID();
export const f = uuid4() || globalThis.crypto;
export function g(window: { crypto: { x: number } }) { return window.crypto.x; }
crypto: for (;;) { break crypto; }` }] },
        { messageId: 'cryptoGlobal', line: 4, column: 57, endLine: 4, endColumn: 76, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto === 'undefined' ?? crypto.randomUUID();
export const b = typeof crypto === 'string' ? crypto.randomUUID() : uuid4();
export const c = typeof crypto !== 'object' ? uuid4() : uuid4();
export const d = 1 > 2 ? crypto.randomUUID() : uuid4();
export const e = typeof crypto !== 'undefined' || crypto.randomUUID();
export const f = uuid4() || globalThis.crypto;
export function g(window: { crypto: { x: number } }) { return window.crypto.x; }
crypto: for (;;) { break crypto; }` }] },
        { messageId: 'cryptoGlobal', line: 5, column: 26, endLine: 5, endColumn: 45, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto === 'undefined' ?? crypto.randomUUID();
export const b = typeof crypto === 'string' ? crypto.randomUUID() : uuid4();
export const c = typeof crypto !== 'object' ? uuid4() : crypto.randomUUID();
export const d = 1 > 2 ? uuid4() : uuid4();
export const e = typeof crypto !== 'undefined' || crypto.randomUUID();
export const f = uuid4() || globalThis.crypto;
export function g(window: { crypto: { x: number } }) { return window.crypto.x; }
crypto: for (;;) { break crypto; }` }] },
        { messageId: 'cryptoGlobal', line: 6, column: 51, endLine: 6, endColumn: 70, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
export const a = typeof crypto === 'undefined' ?? crypto.randomUUID();
export const b = typeof crypto === 'string' ? crypto.randomUUID() : uuid4();
export const c = typeof crypto !== 'object' ? uuid4() : crypto.randomUUID();
export const d = 1 > 2 ? crypto.randomUUID() : uuid4();
export const e = typeof crypto !== 'undefined' || uuid4();
export const f = uuid4() || globalThis.crypto;
export function g(window: { crypto: { x: number } }) { return window.crypto.x; }
crypto: for (;;) { break crypto; }` }] },
        { messageId: 'cryptoGlobal', line: 7, column: 29, endLine: 7, endColumn: 46 },
      ],
    },
    // Deep requires (`uuid/v4` default, `uuid/v1`), pure subpath exports, unknown subpaths of RNG packages, callable CommonJS modules.
    {
      code: `import v4 from 'uuid/v4';
import { v1 } from 'uuid/v1';
import { parse } from 'uuid/v4';
import * as esm from 'uuid/dist/esm-browser';
const crs = require('crypto-random-string');
import * as ulidNs from 'ulid';
export const xs = [v4(), v1(), parse('x'), esm.v4(), crs(), ulidNs(), require('nanoid/async')()];`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 7, column: 20, endLine: 7, endColumn: 24, suggestions: [{ messageId: 'useUuid4', output: `import { v1 } from 'uuid/v1';
import { parse } from 'uuid/v4';
import * as esm from 'uuid/dist/esm-browser';
const crs = require('crypto-random-string');
import * as ulidNs from 'ulid';
import { uuid4 } from '@temporalio/workflow';
export const xs = [uuid4(), v1(), parse('x'), esm.v4(), crs(), ulidNs(), require('nanoid/async')()];` }] },
        { messageId: 'randomPackageCall', line: 7, column: 26, endLine: 7, endColumn: 30 },
        { messageId: 'randomPackageCall', line: 7, column: 44, endLine: 7, endColumn: 52 },
        { messageId: 'randomPackageCall', line: 7, column: 54, endLine: 7, endColumn: 59 },
        { messageId: 'randomPackageCall', line: 7, column: 71, endLine: 7, endColumn: 96 },
      ],
    },
    // Calls that pass their own randomness are fine; `undefined`, unrelated option keys and `new` are not.
    {
      code: `import { v4 } from 'uuid';
import { ulid, monotonicFactory } from 'ulid';
declare const opts: { random: Uint8Array };
export const xs = [v4(opts), v4(undefined), v4({ ...opts }), v4({ ['random']: opts.random }), v4({ msecs: 1 }), ulid(), ulid(1, Math.random), new monotonicFactory(), new ulid()];`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 4, column: 30, endLine: 4, endColumn: 43 },
        { messageId: 'randomPackageCall', line: 4, column: 95, endLine: 4, endColumn: 111 },
        { messageId: 'randomPackageCall', line: 4, column: 113, endLine: 4, endColumn: 119 },
        { messageId: 'randomPackageCall', line: 4, column: 143, endLine: 4, endColumn: 165 },
        { messageId: 'randomPackageCall', line: 4, column: 167, endLine: 4, endColumn: 177 },
      ],
    },
    // The uuid import on one line with the code: it is replaced in place.
    {
      code: `import { v4 } from 'uuid'; export const a = v4();`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 1, column: 45, endLine: 1, endColumn: 49, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow'; export const a = uuid4();` }] },
      ],
    },
    // An import after its use at the end of the file (no final line break).
    {
      code: `export const a = v4();
import { v4 } from 'uuid';`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 1, column: 18, endLine: 1, endColumn: 22, suggestions: [{ messageId: 'useUuid4', output: `export const a = uuid4();
import { uuid4 } from '@temporalio/workflow';` }] },
      ],
    },
    // A require among several declarators stays: only the call is replaced.
    {
      code: `const x = 1, { v4 } = require('uuid');
export const a = v4();`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 2, column: 18, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
const x = 1, { v4 } = require('uuid');
export const a = uuid4();` }] },
      ],
    },
    // A destructuring default keeps the require.
    {
      code: `const { v4 = () => '' } = require('uuid');
export const a = v4();`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 2, column: 18, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'useUuid4', output: `import { uuid4 } from '@temporalio/workflow';
const { v4 = () => '' } = require('uuid');
export const a = uuid4();` }] },
      ],
    },
    // One property of a destructured require goes; the others stay.
    {
      code: `import { sleep } from '@temporalio/workflow';
const { v4, validate } = require('uuid');
export const a = v4();
export const b = validate(a);
sleep(1);`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 3, column: 18, endLine: 3, endColumn: 22, suggestions: [{ messageId: 'useUuid4', output: `import { sleep, uuid4 } from '@temporalio/workflow';
const { validate } = require('uuid');
export const a = uuid4();
export const b = validate(a);
sleep(1);` }] },
      ],
    },
    // The last specifier goes together with the comma before it.
    {
      code: `import { validate, v4 } from 'uuid';
export const a = v4();
export const b = validate(a);`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 2, column: 18, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'useUuid4', output: `import { validate } from 'uuid';
import { uuid4 } from '@temporalio/workflow';
export const a = uuid4();
export const b = validate(a);` }] },
      ],
    },
    // A comment in the import keeps it.
    {
      code: `import { /* keep */ v4 } from 'uuid';
export const a = v4();`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 2, column: 18, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'useUuid4', output: `import { /* keep */ v4 } from 'uuid';
import { uuid4 } from '@temporalio/workflow';
export const a = uuid4();` }] },
      ],
    },
    // No suggestion when the callee has no root binding or the call holds a comment.
    {
      code: `export const a = require('uuid').v4();
export const b = v4(/* c */);
import { v4 } from 'uuid';`,
      filename: W,
      errors: [
        { messageId: 'randomPackageCall', line: 1, column: 18, endLine: 1, endColumn: 38, suggestions: [{ messageId: 'useUuid4', output: `export const a = uuid4();
export const b = v4(/* c */);
import { v4 } from 'uuid';
import { uuid4 } from '@temporalio/workflow';` }] },
        { messageId: 'randomPackageCall', line: 2, column: 18, endLine: 2, endColumn: 29 },
      ],
    },
    // No `Math.random()` suggestion when `Math` is shadowed; no suggestion with a comment or arguments.
    {
      code: `import { workflowInfo } from '@temporalio/workflow';
export function wf() {
  const Math = { random: () => 1 };
  return [workflowInfo().unsafe.random.random(), Math.random(), workflowInfo().unsafe.random.uuid4(/* x */), workflowInfo().unsafe.random.uuid4(1)];
}`,
      filename: W,
      errors: [
        { messageId: 'unsafeRandom', line: 4, column: 11, endLine: 4, endColumn: 48 },
        { messageId: 'unsafeRandom', line: 4, column: 65, endLine: 4, endColumn: 108 },
        { messageId: 'unsafeRandom', line: 4, column: 110, endLine: 4, endColumn: 147 },
      ],
    },
  ],
});

const HANDLERS = `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
`;

ruleTester.run('workflow-no-unsafe-random: query handlers, validators and the helpers they call', rule, {
  valid: [
    // Read-only places: the default query handler, a validator (identifier or string key), a function used only as a query handler, a helper called only from one, an unclassified definition.
    {
      code: `${HANDLERS}declare const unknownDef: any;
function nonce(): string { return workflowInfo().unsafe.random.uuid4(); }
const viaHelper = (): string => nonce();
export async function wf(): Promise<void> {
  setDefaultQueryHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { validator: () => { workflowInfo().unsafe.random.uuid4(); } });
  setHandler(u, (s) => s, { 'validator': () => { workflowInfo().unsafe.random.uuid4(); } });
  setHandler(q, nonce);
  setHandler(q, () => viaHelper());
  setHandler(unknownDef, () => workflowInfo().unsafe.random.uuid4());
}`,
      filename: W,
    },
  ],
  invalid: [
    // Not read-only: default signal and update handlers, another option key, a helper also called from the workflow, a helper passed elsewhere, an unused helper.
    {
      code: `${HANDLERS}function mixed(): string { return workflowInfo().unsafe.random.uuid4(); }
function passed(): string { return workflowInfo().unsafe.random.uuid4(); }
function unused(): string { return workflowInfo().unsafe.random.uuid4(); }
let notConst = (): string => workflowInfo().unsafe.random.uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { workflowInfo().unsafe.random.uuid4(); });
  setDefaultUpdateHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { description: (() => workflowInfo().unsafe.random.uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}`,
      filename: W,
      errors: [
        { messageId: 'unsafeRandom', line: 4, column: 35, endLine: 4, endColumn: 71, suggestions: [{ messageId: 'useUuid4', output: `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
function mixed(): string { return uuid4(); }
function passed(): string { return workflowInfo().unsafe.random.uuid4(); }
function unused(): string { return workflowInfo().unsafe.random.uuid4(); }
let notConst = (): string => workflowInfo().unsafe.random.uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { workflowInfo().unsafe.random.uuid4(); });
  setDefaultUpdateHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { description: (() => workflowInfo().unsafe.random.uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}` }] },
        { messageId: 'unsafeRandom', line: 5, column: 36, endLine: 5, endColumn: 72, suggestions: [{ messageId: 'useUuid4', output: `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
function mixed(): string { return workflowInfo().unsafe.random.uuid4(); }
function passed(): string { return uuid4(); }
function unused(): string { return workflowInfo().unsafe.random.uuid4(); }
let notConst = (): string => workflowInfo().unsafe.random.uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { workflowInfo().unsafe.random.uuid4(); });
  setDefaultUpdateHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { description: (() => workflowInfo().unsafe.random.uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}` }] },
        { messageId: 'unsafeRandom', line: 6, column: 36, endLine: 6, endColumn: 72, suggestions: [{ messageId: 'useUuid4', output: `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
function mixed(): string { return workflowInfo().unsafe.random.uuid4(); }
function passed(): string { return workflowInfo().unsafe.random.uuid4(); }
function unused(): string { return uuid4(); }
let notConst = (): string => workflowInfo().unsafe.random.uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { workflowInfo().unsafe.random.uuid4(); });
  setDefaultUpdateHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { description: (() => workflowInfo().unsafe.random.uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}` }] },
        { messageId: 'unsafeRandom', line: 7, column: 30, endLine: 7, endColumn: 66, suggestions: [{ messageId: 'useUuid4', output: `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
function mixed(): string { return workflowInfo().unsafe.random.uuid4(); }
function passed(): string { return workflowInfo().unsafe.random.uuid4(); }
function unused(): string { return workflowInfo().unsafe.random.uuid4(); }
let notConst = (): string => uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { workflowInfo().unsafe.random.uuid4(); });
  setDefaultUpdateHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { description: (() => workflowInfo().unsafe.random.uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}` }] },
        { messageId: 'unsafeRandom', line: 9, column: 35, endLine: 9, endColumn: 71, suggestions: [{ messageId: 'useUuid4', output: `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
function mixed(): string { return workflowInfo().unsafe.random.uuid4(); }
function passed(): string { return workflowInfo().unsafe.random.uuid4(); }
function unused(): string { return workflowInfo().unsafe.random.uuid4(); }
let notConst = (): string => workflowInfo().unsafe.random.uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { uuid4(); });
  setDefaultUpdateHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { description: (() => workflowInfo().unsafe.random.uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}` }] },
        { messageId: 'unsafeRandom', line: 10, column: 33, endLine: 10, endColumn: 69, suggestions: [{ messageId: 'useUuid4', output: `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
function mixed(): string { return workflowInfo().unsafe.random.uuid4(); }
function passed(): string { return workflowInfo().unsafe.random.uuid4(); }
function unused(): string { return workflowInfo().unsafe.random.uuid4(); }
let notConst = (): string => workflowInfo().unsafe.random.uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { workflowInfo().unsafe.random.uuid4(); });
  setDefaultUpdateHandler(() => uuid4());
  setHandler(u, (s) => s, { description: (() => workflowInfo().unsafe.random.uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}` }] },
        { messageId: 'unsafeRandom', line: 11, column: 49, endLine: 11, endColumn: 85, suggestions: [{ messageId: 'useUuid4', output: `import { defineQuery, defineUpdate, setHandler, setDefaultQueryHandler, setDefaultSignalHandler, setDefaultUpdateHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
const q = defineQuery<string>('q');
const u = defineUpdate<string, [string]>('u');
function mixed(): string { return workflowInfo().unsafe.random.uuid4(); }
function passed(): string { return workflowInfo().unsafe.random.uuid4(); }
function unused(): string { return workflowInfo().unsafe.random.uuid4(); }
let notConst = (): string => workflowInfo().unsafe.random.uuid4();
export async function wf(): Promise<string[]> {
  setDefaultSignalHandler(() => { workflowInfo().unsafe.random.uuid4(); });
  setDefaultUpdateHandler(() => workflowInfo().unsafe.random.uuid4());
  setHandler(u, (s) => s, { description: (() => uuid4())() } as any);
  setHandler(q, () => mixed());
  setHandler(q, notConst);
  return [mixed(), [1].map(passed)[0] ?? ''];
}` }] },
      ],
    },
  ],
});
