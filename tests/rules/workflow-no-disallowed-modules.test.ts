import path from 'node:path';
import { vi } from 'vitest';
import rule from '../../src/rules/workflow-no-disallowed-modules.js';
import { createRuleTester, FIXTURES_DIR } from '../rule-tester.js';

// `ignoring/` files: a worker with `ignoreModules: ['fs', 'dns', 'left-pad']`; `lib/` files: a helper reached from workflows.
vi.mock('../../src/project/index.js', async (importOriginal) =>
  (await import('../model-stubs.js')).withModelStubs(await importOriginal()),
);

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';
/** A project whose tsconfig elides unused and type-only imports (the TypeScript default). */
const ELIDED = path.join(FIXTURES_DIR, 'imports-elided/src/workflows.ts');
/** A project whose tsconfig (through `extends`) sets `verbatimModuleSyntax`: every value import is kept. */
const PRESERVED = path.join(FIXTURES_DIR, 'imports-preserved/src/workflows.ts');
const IGNORING = 'src/ignoring/workflows.ts';
const why = '';

ruleTester.run('workflow-no-disallowed-modules', rule, {
  valid: [
    // Idiomatic workflow code (samples style).
    {
      code: `import { proxyActivities, sleep, log } from '@temporalio/workflow';
import type * as activities from './activities';
const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
export async function example(name: string): Promise<string> {
  await sleep('1s');
  log.info('greeting', { name });
  return await greet(name);
}`,
      filename: W,
    },
    // The three allowed built-ins, by their bare names, with what their stubs provide.
    { code: `import assert from 'assert';\nassert(true); assert.strictEqual(1, 1); assert.deepStrictEqual({}, {});`, filename: W },
    { code: `import { strictEqual, ok } from 'assert';\nstrictEqual(1, 1); ok(true);`, filename: W },
    { code: `import { TextEncoder, TextDecoder } from 'util';\nnew TextEncoder(); new TextDecoder();`, filename: W },
    { code: `import * as util from 'util';\nnew util.TextEncoder().encode('x');`, filename: W },
    { code: `import util from 'util';\nconst { TextDecoder } = util;\nnew TextDecoder();`, filename: W },
    { code: `import { URL, URLSearchParams } from 'url';\nnew URL('https://x'); new URLSearchParams('a=1');`, filename: W },
    { code: `const { URL } = require('url');\nnew URL('https://x');`, filename: W },
    { code: `const util = require('util');\nnew util.TextEncoder();`, filename: W },
    // Type-only imports are erased before bundling.
    { code: `import type { Stats } from 'fs';\nimport type * as http from 'node:http';\nlet s: Stats | http.Agent;`, filename: W },
    { code: `import { type Stats, type Dirent } from 'fs';\nlet s: Stats | Dirent;`, filename: W },
    { code: `import type { Context } from '@temporalio/activity';\nlet c: Context;`, filename: W },
    { code: `export type { Stats } from 'fs';\nexport { type Dirent } from 'node:fs';`, filename: W },
    { code: `export type * from 'fs';`, filename: W },
    { code: `import type pg = require('pg');\nlet c: pg.Client;`, filename: W },
    // With the TypeScript default (no verbatimModuleSyntax), imports used only as types or not at all are elided.
    { code: `import { Stats } from 'fs';\nlet s: Stats;`, filename: ELIDED },
    { code: `import * as fs from 'fs';\nlet s: typeof fs.readFileSync;`, filename: ELIDED },
    { code: `import { promisify } from 'util';\ntype P = typeof promisify;`, filename: ELIDED },
    // Workflow-safe packages, and other Temporal packages that are workflow code.
    {
      code: `import { ApplicationFailure } from '@temporalio/common';\nimport { defineSignal } from '@temporalio/workflow';\nimport ms from 'ms';\nimport { z } from 'zod';\nimport pino from 'pino';\nimport { pgTable } from 'drizzle-orm/pg-core';\nimport { PreciseDate } from '@google-cloud/precise-date';\nimport { unmarshall } from '@aws-sdk/util-dynamodb';\nexport const x = [ApplicationFailure, defineSignal, ms, z, pino, pgTable, PreciseDate, unmarshall];`,
      filename: W,
    },
    { code: `import { sleep } from './helpers';\nimport { greet } from '../shared/greet';\nexport const x = [sleep, greet];`, filename: W },
    // Packages that share a prefix with a disallowed module are not subpaths of it.
    { code: `import x from 'fsevents-like';\nimport y from 'path-to-regexp';\nimport z from '@temporalio/activityish';\nexport const v = [x, y, z];`, filename: W },
    // Literal `require` is a normal import for webpack.
    { code: `const { defineQuery } = require('@temporalio/workflow');\ndefineQuery('q');`, filename: W },
    // A local function called `require` is not the module loader.
    { code: `function require(name: string) { return name; }\nrequire(\`x\${1}\`); require('fs');`, filename: W },
    { code: `export function load(require: (m: string) => unknown, name: string) { return require(name); }`, filename: W },
    // Not workflow code: activities, workers, clients and tests may import anything.
    { code: `import fs from 'node:fs';\nimport axios from 'axios';\nimport { Context } from '@temporalio/activity';\nexport const x = [fs, axios, Context];\nawait import('./x');`, filename: 'src/activities.ts' },
    { code: `import { Worker } from '@temporalio/worker';\nimport path from 'node:path';\nexport const x = [Worker, path];`, filename: 'src/worker.ts' },
    { code: `import { Client } from '@temporalio/client';\nimport { randomUUID } from 'crypto';\nexport const x = [Client, randomUUID];`, filename: 'src/client.ts' },
    { code: `import { TestWorkflowEnvironment } from '@temporalio/testing';\nexport const x = TestWorkflowEnvironment;`, filename: 'src/workflows.test.ts' },
    // Ignored modules may be imported (the bundler replaces them with an empty module) as long as they are not used.
    { code: `import * as fs from 'fs';\nimport 'dns';\nexport * from 'fs';\nimport leftPad from 'left-pad';\nexport const ok = typeof fs.readFileSync === 'function' || typeof leftPad;`, filename: IGNORING },
    { code: `import { readFileSync } from 'fs';\nexport { readFileSync };\nconst x = require('fs');\nx?.readFileSync;`, filename: IGNORING },
    // `settings.temporalio.ioModules` entries that resolve nowhere special are still only matched by name.
    { code: `import { Client } from '@acme/http-client-types';\nexport const x = Client;`, filename: W, settings: { temporalio: { ioModules: ['@acme/http'] } } },
  ],
  invalid: [
    // `node:` scheme: the three allowed built-ins are fixed to their bare names.
    {
      code: `import assert from 'node:assert';\nassert(true);`,
      filename: W,
      output: `import assert from 'assert';\nassert(true);`,
      errors: [{ messageId: 'nodeSchemeAllowed', data: { source: 'node:assert', bare: 'assert', why }, line: 1, column: 20, endLine: 1, endColumn: 33 }],
    },
    {
      code: `import { URL } from "node:url";\nimport { TextEncoder } from 'node:util';\nexport const x = [URL, TextEncoder];`,
      filename: W,
      output: `import { URL } from "url";\nimport { TextEncoder } from 'util';\nexport const x = [URL, TextEncoder];`,
      errors: [
        { messageId: 'nodeSchemeAllowed', data: { source: 'node:url', bare: 'url', why }, line: 1, column: 21 },
        { messageId: 'nodeSchemeAllowed', data: { source: 'node:util', bare: 'util', why }, line: 2, column: 29 },
      ],
    },
    {
      // A member the stub lacks is reported as well; the scheme fix still applies.
      code: `const { promisify } = require('node:util');\nexport const p = promisify;`,
      filename: W,
      output: `const { promisify } = require('util');\nexport const p = promisify;`,
      errors: [
        { messageId: 'stubMember', data: { module: 'util', exports: '`TextEncoder` and `TextDecoder`', name: 'promisify', why }, line: 1, column: 9, endColumn: 18 },
        { messageId: 'nodeSchemeAllowed', line: 1, column: 31 },
      ],
    },
    {
      code: `import assert = require('node:assert');\nassert(1);\nexport * from 'node:util';`,
      filename: W,
      output: `import assert = require('assert');\nassert(1);\nexport * from 'util';`,
      errors: [
        { messageId: 'nodeSchemeAllowed', line: 1, column: 25 },
        { messageId: 'nodeSchemeAllowed', line: 3, column: 15 },
      ],
    },
    // Other `node:` built-ins: no fix (the bare name is disallowed too).
    {
      code: `import { readFile } from 'node:fs/promises';\nimport * as path from 'node:path';\nimport 'node:assert/strict';\nexport const x = [readFile, path];`,
      filename: W,
      errors: [
        { messageId: 'nodeScheme', data: { source: 'node:fs/promises', why }, line: 1, column: 26 },
        { messageId: 'nodeScheme', data: { source: 'node:path', why }, line: 2, column: 23 },
        { messageId: 'nodeScheme', data: { source: 'node:assert/strict', why }, line: 3, column: 8 },
      ],
    },
    {
      // `node:` fails even when the bare module is in `ignoreModules`: webpack cannot read the scheme.
      code: `import fs from 'node:fs';\nexport const f = fs;`,
      filename: IGNORING,
      errors: [{ messageId: 'nodeScheme', line: 1, column: 16 }],
    },
    // Bare disallowed built-ins, every import form.
    {
      code: `import fs from 'fs';\nimport { join as j } from 'path';\nimport * as cp from 'child_process';\nimport 'events';\nexport const x = [fs, j, cp];`,
      filename: W,
      errors: [
        { messageId: 'nodeBuiltin', data: { source: 'fs', why }, line: 1, column: 16, endLine: 1, endColumn: 20 },
        { messageId: 'nodeBuiltin', data: { source: 'path', why }, line: 2, column: 27 },
        { messageId: 'nodeBuiltin', data: { source: 'child_process', why }, line: 3, column: 21 },
        { messageId: 'nodeBuiltin', data: { source: 'events', why }, line: 4, column: 8 },
      ],
    },
    {
      code: `const fs = require('fs');\nconst { createHash } = require(\`crypto\`);\nimport os = require('os');\nexport const x = [fs, createHash, os, require('buffer').Buffer];`,
      filename: W,
      errors: [
        { messageId: 'nodeBuiltin', data: { source: 'fs', why }, line: 1, column: 20 },
        { messageId: 'nodeBuiltin', data: { source: 'crypto', why }, line: 2, column: 32 },
        { messageId: 'nodeBuiltin', data: { source: 'os', why }, line: 3, column: 21 },
        { messageId: 'nodeBuiltin', data: { source: 'buffer', why }, line: 4, column: 47 },
      ],
    },
    {
      // Re-exports through a barrel pull the module into the bundle.
      code: `export * from 'fs';\nexport { readFile } from 'fs/promises';\nexport * as timers from 'timers';`,
      filename: 'src/workflows/helpers.ts',
      errors: [
        { messageId: 'nodeBuiltin', data: { source: 'fs', why }, line: 1, column: 15 },
        { messageId: 'nodeBuiltin', data: { source: 'fs/promises', why }, line: 2, column: 26 },
        { messageId: 'nodeBuiltin', data: { source: 'timers', why }, line: 3, column: 25 },
      ],
    },
    {
      // A value import that is also used as a type is still bundled.
      code: `import { EventEmitter } from 'events';\nexport const e: EventEmitter = new EventEmitter();`,
      filename: ELIDED,
      errors: [{ messageId: 'nodeBuiltin', line: 1, column: 30 }],
    },
    {
      // Mixed inline type specifiers: the value one keeps the import.
      code: `import { type Stats, readFileSync } from 'fs';\nexport const r: Stats | typeof readFileSync = readFileSync;`,
      filename: ELIDED,
      errors: [{ messageId: 'nodeBuiltin', line: 1, column: 42 }],
    },
    {
      // Under verbatimModuleSyntax the compiled code keeps even an unused import.
      code: `import * as fs from 'fs';\nimport { Stats } from 'node:fs';\nlet s: Stats;`,
      filename: PRESERVED,
      errors: [
        { messageId: 'nodeBuiltin', line: 1, column: 21 },
        { messageId: 'nodeScheme', line: 2, column: 23 },
      ],
    },
    {
      // Subpaths of the allowed built-ins are not allowed.
      code: `import strictAssert from 'assert/strict';\nimport { isDate } from 'util/types';\nexport const x = [strictAssert, isDate];`,
      filename: W,
      errors: [
        { messageId: 'builtinSubpath', data: { source: 'assert/strict', base: 'assert', why }, line: 1, column: 26 },
        { messageId: 'builtinSubpath', data: { source: 'util/types', base: 'util', why }, line: 2, column: 24 },
      ],
    },
    // Members the `util` / `url` stubs do not provide.
    {
      code: `import { promisify, inspect as i, TextEncoder } from 'util';\nexport const x = [promisify, i, TextEncoder];`,
      filename: W,
      errors: [
        { messageId: 'stubMember', data: { module: 'util', exports: '`TextEncoder` and `TextDecoder`', name: 'promisify', why }, line: 1, column: 10 },
        { messageId: 'stubMember', data: { module: 'util', exports: '`TextEncoder` and `TextDecoder`', name: 'inspect', why }, line: 1, column: 21 },
      ],
    },
    {
      code: `import * as url from 'url';\nimport util from 'util';\nexport const a = url.fileURLToPath('file:///x');\nexport const b = util.format('%s', 1);\nexport const c = url['parse'];`,
      filename: W,
      errors: [
        { messageId: 'stubMember', data: { module: 'url', exports: '`URL` and `URLSearchParams`', name: 'fileURLToPath', why }, line: 3, column: 22 },
        { messageId: 'stubMember', data: { module: 'util', exports: '`TextEncoder` and `TextDecoder`', name: 'format', why }, line: 4, column: 23 },
        { messageId: 'stubMember', data: { module: 'url', exports: '`URL` and `URLSearchParams`', name: 'parse', why }, line: 5, column: 22 },
      ],
    },
    {
      code: `const util = require('util');\nconst { inspect } = util;\nexport const t = require('url').pathToFileURL;\nexport const x = [inspect, util.types];`,
      filename: W,
      errors: [
        { messageId: 'stubMember', data: { module: 'util', exports: '`TextEncoder` and `TextDecoder`', name: 'inspect', why }, line: 2, column: 9 },
        { messageId: 'stubMember', data: { module: 'url', exports: '`URL` and `URLSearchParams`', name: 'pathToFileURL', why }, line: 3, column: 33 },
        { messageId: 'stubMember', data: { module: 'util', exports: '`TextEncoder` and `TextDecoder`', name: 'types', why }, line: 4, column: 33 },
      ],
    },
    {
      code: `export { promisify, TextDecoder } from 'util';`,
      filename: 'src/workflows/barrel.ts',
      errors: [{ messageId: 'stubMember', data: { module: 'util', exports: '`TextEncoder` and `TextDecoder`', name: 'promisify', why }, line: 1, column: 10 }],
    },
    // Temporal packages that are not workflow code.
    {
      code: `import { Context } from '@temporalio/activity';\nimport { Client } from '@temporalio/client';\nimport { Worker } from '@temporalio/worker';\nimport { TestWorkflowEnvironment } from '@temporalio/testing';\nexport const x = [Context, Client, Worker, TestWorkflowEnvironment];`,
      filename: W,
      errors: [
        {
          messageId: 'nonWorkflowPackage',
          data: { source: '@temporalio/activity', hint: 'Call activities through `proxyActivities()` and import their types with `import type`', why },
          line: 1,
          column: 25,
        },
        { messageId: 'nonWorkflowPackage', data: { source: '@temporalio/client', hint: 'Import it only from worker, client, activity or test code', why }, line: 2, column: 24 },
        { messageId: 'nonWorkflowPackage', line: 3, column: 24 },
        { messageId: 'nonWorkflowPackage', line: 4, column: 41 },
      ],
    },
    {
      code: `import { filterNullAndUndefined } from '@temporalio/common/lib/internal-non-workflow';\nimport '@temporalio/core-bridge';\nimport { x } from '@temporalio/client/lib/connection';\nimport { OpenTelemetryActivityInboundInterceptor } from '@temporalio/interceptors-opentelemetry/lib/worker';\nexport const v = [filterNullAndUndefined, x, OpenTelemetryActivityInboundInterceptor];`,
      filename: W,
      errors: [
        {
          messageId: 'nonWorkflowPackage',
          data: { source: '@temporalio/common/lib/internal-non-workflow', hint: 'Import what workflow code needs from `@temporalio/common` or `@temporalio/workflow`', why },
          line: 1,
          column: 40,
        },
        { messageId: 'nonWorkflowPackage', line: 2, column: 8 },
        { messageId: 'nonWorkflowPackage', line: 3, column: 19 },
        { messageId: 'nonWorkflowPackage', line: 4, column: 57 },
      ],
    },
    // I/O packages.
    {
      code: `import axios from 'axios';\nimport { Pool } from 'pg';\nimport { S3Client } from '@aws-sdk/client-s3';\nimport { Storage } from '@google-cloud/storage';\nimport winston from 'winston';\nimport 'dotenv/config';\nexport const x = [axios, Pool, S3Client, Storage, winston];`,
      filename: W,
      errors: [
        { messageId: 'ioPackage', data: { source: 'axios', category: 'an HTTP or network client', why }, line: 1, column: 19 },
        { messageId: 'ioPackage', data: { source: 'pg', category: 'a database client', why }, line: 2, column: 22 },
        { messageId: 'ioPackage', data: { source: '@aws-sdk/client-s3', category: 'a cloud SDK client', why }, line: 3, column: 26 },
        { messageId: 'ioPackage', data: { source: '@google-cloud/storage', category: 'a cloud SDK client', why }, line: 4, column: 25 },
        { messageId: 'ioPackage', data: { source: 'winston', category: 'a logger that writes to files, streams or the network', why }, line: 5, column: 21 },
        { messageId: 'ioPackage', data: { source: 'dotenv/config', category: 'a file-system package', why }, line: 6, column: 8 },
      ],
    },
    {
      code: `const Redis = require('ioredis');\nimport { Kafka } from 'kafkajs';\nexport const x = [Redis, Kafka];`,
      filename: 'src/workflows/orders.ts',
      errors: [
        { messageId: 'ioPackage', data: { source: 'ioredis', category: 'a database client', why }, line: 1, column: 23 },
        { messageId: 'ioPackage', data: { source: 'kafkajs', category: 'a message-queue client', why }, line: 2, column: 23 },
      ],
    },
    {
      // Extra packages from `settings.temporalio.ioModules` (names, scopes with `*`).
      code: `import { Api } from '@acme/http';\nimport { Db } from '@acme/db-postgres/pool';\nexport const x = [Api, Db];`,
      filename: W,
      settings: { temporalio: { ioModules: ['@acme/http', '@acme/db-*'] } },
      errors: [
        { messageId: 'ioPackage', data: { source: '@acme/http', category: 'an I/O package (settings `temporalio.ioModules`)', why }, line: 1, column: 21 },
        { messageId: 'ioPackage', data: { source: '@acme/db-postgres/pool', category: 'an I/O package (settings `temporalio.ioModules`)', why }, line: 2, column: 20 },
      ],
    },
    // Uses of modules the worker ignores.
    {
      code: `import * as fs from 'fs';\nimport { resolve as r } from 'dns';\nimport leftPad from 'left-pad';\nexport function wf() {\n  fs.readFileSync('x');\n  r('host');\n  return leftPad('a', 2);\n}`,
      filename: IGNORING,
      errors: [
        { messageId: 'ignoredModuleUse', data: { source: 'fs', name: 'fs.readFileSync', why }, line: 5, column: 3, endLine: 5, endColumn: 5 },
        { messageId: 'ignoredModuleUse', data: { source: 'dns', name: 'r', why }, line: 6, column: 3 },
        { messageId: 'ignoredModuleUse', data: { source: 'left-pad', name: 'leftPad', why }, line: 7, column: 10 },
      ],
    },
    {
      code: `const { readFileSync } = require('fs');\nexport const a = readFileSync;\nexport const b = require('fs/promises').readFile;`,
      filename: IGNORING,
      errors: [
        { messageId: 'ignoredModuleUse', data: { source: 'fs', name: 'readFileSync', why }, line: 2, column: 18 },
        { messageId: 'ignoredModuleUse', data: { source: 'fs/promises', name: "require('fs/promises').readFile", why }, line: 3, column: 18 },
      ],
    },
    // A helper reached through the import graph: the message names the chain.
    {
      code: `import { createHash } from 'crypto';\nexport const h = createHash;`,
      filename: 'src/lib/ids.ts',
      errors: [
        {
          messageId: 'nodeBuiltin',
          data: { source: 'crypto', why: ' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/lib/ids.ts)' },
          line: 1,
          column: 28,
        },
      ],
    },
    // Dynamic import and computed require.
    {
      code: `export async function wf(name: string) {\n  const m = await import('./helpers');\n  const n = await import(name);\n  return [m, n];\n}`,
      filename: W,
      errors: [
        { messageId: 'dynamicImport', data: { why }, line: 2, column: 19, endLine: 2, endColumn: 38 },
        { messageId: 'dynamicImport', line: 3, column: 19 },
      ],
    },
    {
      code: `export function load(name: string) {\n  return [require(name), require('./handlers/' + name), require(\`./x/\${name}\`)];\n}`,
      filename: W,
      errors: [
        { messageId: 'nonLiteralRequire', data: { why }, line: 2, column: 11, endColumn: 24 },
        { messageId: 'nonLiteralRequire', line: 2, column: 26 },
        { messageId: 'nonLiteralRequire', line: 2, column: 57 },
      ],
    },
  ],
});

ruleTester.run('workflow-no-disallowed-modules: stub members through every binding form, ignored modules', rule, {
  valid: [],
  invalid: [
    // The `util` stub through destructuring of the module object (rest and computed keys), computed members, and an unused specifier (elided).
    {
      code: `import util from 'util';
import { promisify, inspect } from 'util';
const { inspect: show, ...rest } = util;
declare const key: string;
const { [key]: dyn } = util;
export const a = [util[key], util['format'], show, rest, dyn, promisify];`,
      filename: W,
      errors: [
        { messageId: 'stubMember', line: 2, column: 10, endLine: 2, endColumn: 19 },
        { messageId: 'stubMember', line: 2, column: 21, endLine: 2, endColumn: 28 },
        { messageId: 'stubMember', line: 3, column: 9, endLine: 3, endColumn: 16 },
        { messageId: 'stubMember', line: 6, column: 35, endLine: 6, endColumn: 43 },
      ],
    },
    // The stub through `require`: destructured, a member of the call, a spread argument, and `import = require`.
    {
      code: `const { inspect, TextEncoder } = require('util');
export const b = require('util').format;
declare const args: [string];
export const c = require(...args);
import u = require('util');
import unused = require('util');
import Alias = Foo.Bar;
declare namespace Foo { const Bar: number }
export const d = [inspect, TextEncoder, u.inspect, Alias];`,
      filename: W,
      errors: [
        { messageId: 'stubMember', line: 1, column: 9, endLine: 1, endColumn: 16 },
        { messageId: 'stubMember', line: 2, column: 34, endLine: 2, endColumn: 40 },
        { messageId: 'stubMember', line: 9, column: 43, endLine: 9, endColumn: 50 },
      ],
    },
    // Re-exports of stub members: type-only specifiers are skipped, string names are read.
    {
      code: `export { inspect, type TextDecoder as TD } from 'util';
export { 'format' as fmt } from 'util';`,
      filename: W,
      errors: [
        { messageId: 'stubMember', line: 1, column: 10, endLine: 1, endColumn: 17 },
        { messageId: 'stubMember', line: 2, column: 10, endLine: 2, endColumn: 18 },
      ],
    },
    // A worker that ignores `fs` and `dns`: computed members, optional calls and `typeof` checks of ignored modules are safe.
    {
      code: `import * as fs from 'fs';
import dns from 'dns';
declare const key: string;
export const a = (fs as any)[key];
export const b = fs.existsSync?.('x');
export const b2 = fs.statSync('x');
export const c = typeof fs.readFileSync === 'function';
export const d = dns.lookup;
export const e = require('fs')?.statSync;
export const f = require('dns').resolve;
export { fs };`,
      filename: 'src/ignoring/workflows.ts',
      errors: [
        { messageId: 'ignoredModuleUse', line: 4, column: 19, endLine: 4, endColumn: 21 },
        { messageId: 'ignoredModuleUse', line: 6, column: 19, endLine: 6, endColumn: 21 },
        { messageId: 'ignoredModuleUse', line: 8, column: 18, endLine: 8, endColumn: 21 },
        { messageId: 'ignoredModuleUse', line: 10, column: 18, endLine: 10, endColumn: 40 },
      ],
    },
  ],
});
