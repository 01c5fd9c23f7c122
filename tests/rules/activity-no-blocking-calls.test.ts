import path from 'node:path';
import rule from '../../src/rules/activity-no-blocking-calls.js';
import { FIXTURES_DIR, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/activities.ts';
/** A project whose `src/lib` helpers block (`loadConfig`, `gitRevision`, `pause`) or not (`loadConfigAsync`). */
const crossFile = path.join(FIXTURES_DIR, 'projects/blocking/src/activities.ts');

ruleTester.run('activity-no-blocking-calls', rule, {
  valid: [
    // Idiomatic: the promise API.
    {
      filename,
      code: `
        import { readFile } from 'fs/promises';
        export async function loadConfig(path: string): Promise<string> {
          return await readFile(path, 'utf8');
        }
      `,
    },
    {
      filename,
      code: `
        import * as fs from 'node:fs';
        export async function loadConfig(path: string) {
          return fs.promises.readFile(path, 'utf8');
        }
      `,
    },
    // Module load (worker start-up) is not inside an activity.
    {
      filename,
      code: `
        import { readFileSync } from 'fs';
        const CA = readFileSync('/etc/certs/ca.pem');
        export async function callApi(url: string) {
          return fetch(url, { headers: { ca: String(CA) } });
        }
      `,
    },
    // A worker file is not activity code: reading certificates at start-up is fine.
    {
      filename: 'src/worker.ts',
      code: `
        import fs from 'fs';
        import { NativeConnection, Worker } from '@temporalio/worker';
        import * as activities from './activities';
        export async function run() {
          const connection = await NativeConnection.connect({
            address: 'temporal:7233',
            tls: { clientCertPair: { crt: fs.readFileSync('client.pem'), key: fs.readFileSync('client.key') } },
          });
          const worker = await Worker.create({ connection, taskQueue: 'q', activities, workflowsPath: require.resolve('./workflows') });
          await worker.run();
        }
      `,
    },
    // Workflow files are not activity code (other rules cover them).
    {
      filename: 'src/workflows.ts',
      code: `
        import { execSync } from 'child_process';
        export async function wf() { execSync('ls'); }
      `,
    },
    // Factory set-up code runs when the worker builds its activities, once.
    {
      filename,
      code: `
        import { readFileSync } from 'fs';
        export function createActivities(configPath: string) {
          const config = JSON.parse(readFileSync(configPath, 'utf8'));
          return {
            async greet(name: string) { return config.greeting + name; },
          };
        }
      `,
    },
    // Synchronous activities are ignored by default.
    {
      filename,
      code: `
        import { gzipSync } from 'zlib';
        export function compress(data: string): Buffer { return gzipSync(data); }
      `,
    },
    // Same-named local function and shadowed binding.
    {
      filename,
      code: `
        function readFileSync(p: string) { return p; }
        export async function a(p: string) { return readFileSync(p); }
      `,
    },
    {
      filename,
      code: `
        import * as fs from 'fs';
        export async function a(fs: { readFileSync(p: string): string }, p: string) { return fs.readFileSync(p); }
      `,
    },
    // Cheap crypto is not reported.
    {
      filename,
      code: `
        import { randomBytes, randomFillSync, createHash } from 'crypto';
        export async function token() {
          randomFillSync(Buffer.alloc(16));
          return createHash('sha256').update(randomBytes(32)).digest('hex');
        }
      `,
    },
    // Allowed calls.
    {
      filename,
      code: `
        import fs from 'fs';
        export async function a(p: string) { return fs.readFileSync(p); }
      `,
      options: [{ allow: ['fs.readFileSync'] }],
    },
    {
      filename,
      code: `
        import { execSync } from 'node:child_process';
        export async function a() { return execSync('ls'); }
      `,
      options: [{ allow: ['child_process.*'] }],
    },
    // Loops that await are not busy-waits.
    {
      filename,
      code: `
        import { sleep } from '@temporalio/activity';
        export async function poll(deadline: number) {
          while (Date.now() < deadline) { await sleep(1000); }
        }
      `,
    },
    // A helper that does not block.
    {
      filename,
      code: `
        import { readFile } from 'fs/promises';
        async function load(p: string) { return readFile(p); }
        export async function a(p: string) { return load(p); }
      `,
    },
    // A helper that blocks but is only called at module load.
    {
      filename,
      code: `
        import { readFileSync } from 'fs';
        function loadCerts() { return readFileSync('ca.pem'); }
        const certs = loadCerts();
        export async function a() { return certs.length; }
      `,
    },
    // Non-exported, non-registered functions are not activities.
    {
      filename,
      code: `
        import { readFileSync } from 'fs';
        async function unused() { return readFileSync('x'); }
      `,
    },
    // Helpers in other project files that do not block, or that are only called at module load.
    {
      filename: crossFile,
      code: `
        import { loadConfig, loadConfigAsync } from './lib';
        const CONFIG = loadConfig('/etc/app.json');
        export async function a() { return [CONFIG, await loadConfigAsync('/etc/other.json')]; }
      `,
    },
    // A file that is not activity code at all.
    {
      filename: 'src/scripts/migrate.ts',
      code: `
        import { readFileSync } from 'fs';
        export async function migrate() { return readFileSync('x'); }
      `,
    },
  ],
  invalid: [
    // Named import, with a suggestion that adds the `fs/promises` import.
    {
      filename,
      code: `import { readFileSync } from 'fs';
export async function loadConfig(path: string) {
  return JSON.parse(readFileSync(path, 'utf8'));
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'readFile' },
              output: `import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
export async function loadConfig(path: string) {
  return JSON.parse(await readFile(path, 'utf8'));
}`,
            },
          ],
        },
      ],
    },
    // Namespace import with `node:` prefix: `fs.promises` needs no import.
    {
      filename,
      code: `import * as fs from 'node:fs';
export async function save(path: string, data: string) {
  fs.writeFileSync(path, data);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'fs.promises.writeFile' },
              output: `import * as fs from 'node:fs';
export async function save(path: string, data: string) {
  await fs.promises.writeFile(path, data);
}`,
            },
          ],
        },
      ],
    },
    // Default import; the result is used as an object, so the await is parenthesised.
    {
      filename,
      code: `import fs from 'fs';
export async function size(path: string) {
  return fs.readFileSync(path).length;
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'fs';
export async function size(path: string) {
  return (await fs.promises.readFile(path)).length;
}`,
            },
          ],
        },
      ],
    },
    // `node:fs` named import: the added import keeps the prefix, and reuses an existing one when there is one.
    {
      filename,
      code: `import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
export async function copy(from: string, to: string) {
  if (!existsSync(from)) return;
  await writeFile(to, readFileSync(from));
}`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 8, suggestions: [] },
        {
          messageId: 'blockingCall',
          line: 5,
          column: 23,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'readFile' },
              output: `import { existsSync, readFileSync } from 'node:fs';
import { writeFile, readFile } from 'node:fs/promises';
export async function copy(from: string, to: string) {
  if (!existsSync(from)) return;
  await writeFile(to, await readFile(from));
}`,
            },
          ],
        },
      ],
    },
    // `require` forms: the namespace gets a suggestion, destructuring (maybe CommonJS) does not.
    {
      filename,
      code: `const fs = require('fs');
const { execSync } = require('child_process');
exports.build = async function build(dir) {
  fs.mkdirSync(dir, { recursive: true });
  execSync('make', { cwd: dir });
};`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'fs.promises.mkdir' },
              output: `const fs = require('fs');
const { execSync } = require('child_process');
exports.build = async function build(dir) {
  await fs.promises.mkdir(dir, { recursive: true });
  execSync('make', { cwd: dir });
};`,
            },
          ],
        },
        { messageId: 'blockingCall', line: 5, column: 3, suggestions: [] },
      ],
    },
    // `require('fs').readFileSync` inline.
    {
      filename,
      code: `export async function a(p: string) {
  return require('fs').readFileSync(p);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 10,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: "require('fs').promises.readFile" },
              output: `export async function a(p: string) {
  return await require('fs').promises.readFile(p);
}`,
            },
          ],
        },
      ],
    },
    // Aliased named import; child_process is report-only (the result type differs).
    {
      filename,
      code: `import { execSync as run, execFileSync, spawnSync } from 'child_process';
export async function deploy() {
  run('git pull');
  execFileSync('make', ['all']);
  spawnSync('ls');
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 3, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 3, suggestions: [] },
        { messageId: 'blockingCall', line: 5, column: 3, suggestions: [] },
      ],
    },
    // zlib: promisify suggestion, adding `promisify` (and the async function for named imports).
    {
      filename,
      code: `import * as zlib from 'zlib';
export async function pack(data: Buffer) {
  return zlib.gzipSync(data);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'usePromisify',
              data: { replacement: 'zlib.gzip' },
              output: `import * as zlib from 'zlib';
import { promisify } from 'util';
export async function pack(data: Buffer) {
  return await promisify(zlib.gzip)(data);
}`,
            },
          ],
        },
      ],
    },
    {
      filename,
      code: `import { brotliDecompressSync } from 'node:zlib';
import { promisify } from 'node:util';
export async function unpack(data: Buffer) {
  const out = brotliDecompressSync(data);
  return out;
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'usePromisify',
              data: { replacement: 'brotliDecompress' },
              output: `import { brotliDecompressSync, brotliDecompress } from 'node:zlib';
import { promisify } from 'node:util';
export async function unpack(data: Buffer) {
  const out = await promisify(brotliDecompress)(data);
  return out;
}`,
            },
          ],
        },
      ],
    },
    // crypto key derivation and key generation; Atomics.wait.
    {
      filename,
      code: `import crypto from 'crypto';
export async function derive(password: string, salt: string) {
  const key = crypto.pbkdf2Sync(password, salt, 100000, 64, 'sha512');
  const other = crypto.scryptSync(password, salt, 64);
  const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 4096 });
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  return [key, other, pair];
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 15 },
        { messageId: 'blockingCall', line: 4, column: 17 },
        { messageId: 'blockingCall', line: 5, column: 16 },
        { messageId: 'blockingCall', line: 6, column: 3, data: { call: 'Atomics.wait()', alternative: '`await Atomics.waitAsync().value`' } },
      ],
    },
    // fs-extra and graceful-fs (no suggestion: their promise APIs are typed separately).
    {
      filename,
      code: `import fse from 'fs-extra';
import gfs from 'graceful-fs';
export async function a(p: string) {
  fse.readJsonSync(p);
  fse.outputFile(p, 'x');
  return gfs.statSync(p);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 3,
          data: { call: 'fse.readJsonSync()', alternative: "`await readJson()` (fs-extra's promise form)" },
          suggestions: [],
        },
        { messageId: 'blockingCall', line: 6, column: 10, suggestions: [] },
      ],
    },
    // Activities as object members of an exported object literal, and arrow functions.
    {
      filename,
      code: `import { readdirSync } from 'fs';
export const activities = {
  async list(dir: string) { return readdirSync(dir); },
  count: async (dir: string) => readdirSync(dir).length,
};`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 36,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'readdir' },
              output: `import { readdirSync } from 'fs';
import { readdir } from 'fs/promises';
export const activities = {
  async list(dir: string) { return await readdir(dir); },
  count: async (dir: string) => readdirSync(dir).length,
};`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 4,
          column: 33,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'readdir' },
              output: `import { readdirSync } from 'fs';
import { readdir } from 'fs/promises';
export const activities = {
  async list(dir: string) { return readdirSync(dir); },
  count: async (dir: string) => (await readdir(dir)).length,
};`,
            },
          ],
        },
      ],
    },
    // Factory results: the members are activities, the factory body is not.
    {
      filename,
      code: `import { readFileSync, unlinkSync } from 'fs';
export function createActivities(root: string) {
  const manifest = readFileSync(root + '/manifest.json', 'utf8');
  return {
    async remove(name: string) { unlinkSync(root + name); return manifest; },
  };
}
export const createMore = (root: string) => ({
  clean: async () => unlinkSync(root),
});`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 34,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'unlink' },
              output: `import { readFileSync, unlinkSync } from 'fs';
import { unlink } from 'fs/promises';
export function createActivities(root: string) {
  const manifest = readFileSync(root + '/manifest.json', 'utf8');
  return {
    async remove(name: string) { await unlink(root + name); return manifest; },
  };
}
export const createMore = (root: string) => ({
  clean: async () => unlinkSync(root),
});`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 9,
          column: 22,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'unlink' },
              output: `import { readFileSync, unlinkSync } from 'fs';
import { unlink } from 'fs/promises';
export function createActivities(root: string) {
  const manifest = readFileSync(root + '/manifest.json', 'utf8');
  return {
    async remove(name: string) { unlinkSync(root + name); return manifest; },
  };
}
export const createMore = (root: string) => ({
  clean: async () => await unlink(root),
});`,
            },
          ],
        },
      ],
    },
    // A local factory result exported as the activities object; object shorthand to local functions.
    {
      filename,
      code: `import { rmSync } from 'fs';
async function purge(dir: string) { rmSync(dir, { recursive: true }); }
export const activities = { purge };`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 37,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'rm' },
              output: `import { rmSync } from 'fs';
import { rm } from 'fs/promises';
async function purge(dir: string) { await rm(dir, { recursive: true }); }
export const activities = { purge };`,
            },
          ],
        },
      ],
    },
    // A class instantiated for registration.
    {
      filename,
      code: `import { readFileSync } from 'fs';
class FileActivities {
  read = async (p: string) => readFileSync(p, 'utf8');
  async size(p: string) { return readFileSync(p).length; }
}
export const activities = new FileActivities();`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 31,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'readFile' },
              output: `import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
class FileActivities {
  read = async (p: string) => await readFile(p, 'utf8');
  async size(p: string) { return readFileSync(p).length; }
}
export const activities = new FileActivities();`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 4,
          column: 34,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'readFile' },
              output: `import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
class FileActivities {
  read = async (p: string) => readFileSync(p, 'utf8');
  async size(p: string) { return (await readFile(p)).length; }
}
export const activities = new FileActivities();`,
            },
          ],
        },
      ],
    },
    // `export { a as b }` and `export default`.
    {
      filename,
      code: `import { copyFileSync } from 'fs';
async function backup(p: string) { copyFileSync(p, p + '.bak'); }
export { backup as backupFile };
export default async function restore(p: string) { copyFileSync(p + '.bak', p); }`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'copyFile' },
              output: `import { copyFileSync } from 'fs';
import { copyFile } from 'fs/promises';
async function backup(p: string) { await copyFile(p, p + '.bak'); }
export { backup as backupFile };
export default async function restore(p: string) { copyFileSync(p + '.bak', p); }`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 4,
          column: 52,
          suggestions: [
            {
              messageId: 'useFsPromises',
              data: { replacement: 'copyFile' },
              output: `import { copyFileSync } from 'fs';
import { copyFile } from 'fs/promises';
async function backup(p: string) { copyFileSync(p, p + '.bak'); }
export { backup as backupFile };
export default async function restore(p: string) { await copyFile(p + '.bak', p); }`,
            },
          ],
        },
      ],
    },
    // A blocking helper in the same file, reported at the call in the activity; transitively.
    {
      filename,
      code: `import { readFileSync } from 'fs';
function readJson(p: string) { return JSON.parse(readFileSync(p, 'utf8')); }
function loadSettings() { return readJson('/etc/app.json'); }
export async function process(id: string) {
  const settings = loadSettings();
  return { id, settings };
}`,
      errors: [
        {
          messageId: 'blockingHelper',
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 34,
          data: {
            helper: 'loadSettings',
            what: 'calls `readFileSync()`',
            where: 'line 2',
            alternative: '`await fs.promises.readFile()`',
          },
        },
      ],
    },
    // Helpers inside callbacks, `this.helper()` in a class, busy-wait helper.
    {
      filename,
      code: `import { statSync } from 'fs';
function sleepSync(ms: number) { const end = Date.now() + ms; while (Date.now() < end) { /* spin */ } }
const sizeOf = (p: string) => statSync(p).size;
class Acts {
  private check(p: string) { return sizeOf(p) > 0; }
  run = async (files: string[]) => { sleepSync(10); return files.filter((f) => this.check(f)); };
}
export const activities = new Acts();`,
      errors: [
        { messageId: 'blockingHelper', line: 6, column: 38, data: { helper: 'sleepSync', what: 'spins in a busy-wait loop', where: 'line 2', alternative: '`await sleep()` from `@temporalio/activity`' } },
        { messageId: 'blockingHelper', line: 6, column: 80, data: { helper: 'check', what: 'calls `statSync()`', where: 'line 3', alternative: '`await fs.promises.stat()`' } },
      ],
    },
    // Busy-wait loops in the activity itself.
    {
      filename,
      code: `export async function waitABit() {
  const start = Date.now();
  while (Date.now() - start < 500) {}
  for (;;) { if (performance.now() > 1000) break; }
  do { /* nothing */ } while (new Date().getTime() < start + 10);
}`,
      errors: [
        { messageId: 'busyWait', line: 3, column: 3, endLine: 3, endColumn: 8 },
        { messageId: 'busyWait', line: 4, column: 3, endLine: 4, endColumn: 6 },
        { messageId: 'busyWait', line: 5, column: 3, endLine: 5, endColumn: 5 },
      ],
    },
    // Synchronous activities with `syncActivities: 'report'` (strict).
    {
      filename,
      code: `import { gzipSync } from 'zlib';
export function compress(data: string): Buffer { return gzipSync(data); }`,
      options: [{ syncActivities: 'report' }],
      errors: [
        {
          messageId: 'blockingCallInSyncActivity',
          line: 2,
          column: 57,
          data: { call: 'gzipSync()', activity: 'compress', alternative: '`await promisify(zlib.gzip)()`' },
        },
      ],
    },
    // Calls nested in callbacks of an async activity; no suggestion where `await` is not allowed.
    {
      filename,
      code: `import { readFileSync } from 'fs';
export async function readAll(files: string[]) {
  return files.map((f) => readFileSync(f, 'utf8'));
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 27, suggestions: [] }],
    },
    // Comments inside the call and file descriptors: report only.
    {
      filename,
      code: `import * as fs from 'fs';
export async function a(fd: number, p: string) {
  fs.readFileSync(fd);
  fs.readFileSync(p /* config */);
  fs.statSync(p, { throwIfNoEntry: false });
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 3, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 3, suggestions: [] },
        { messageId: 'blockingCall', line: 5, column: 3, suggestions: [] },
      ],
    },
    // Optional call, TS wrappers and computed member access.
    {
      filename,
      code: `import * as fs from 'fs';
export async function a(p: string) {
  (fs as typeof import('fs'))['readFileSync'](p);
  fs.readFileSync?.(p);
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 3 },
        { messageId: 'blockingCall', line: 4, column: 3, suggestions: [] },
      ],
    },
    // Helpers in other project files: named, through a barrel, re-exported under another name, namespace, transitive.
    {
      filename: crossFile,
      code: `import { loadConfig, pause } from './lib';
import * as config from './lib/config';
export async function deploy() {
  const settings = loadConfig('/etc/app.json');
  pause(100);
  return [settings, config.gitRevision(), config.describeConfig('/etc/x.json')];
}`,
      errors: [
        {
          messageId: 'blockingHelper',
          line: 4,
          column: 20,
          endColumn: 47,
          data: {
            helper: 'loadConfig',
            what: 'calls `readFileSync()`',
            where: 'src/lib/config.ts, line 7',
            alternative: '`await fs.promises.readFile()`',
          },
        },
        {
          messageId: 'blockingHelper',
          line: 5,
          column: 3,
          data: { helper: 'pause', what: 'spins in a busy-wait loop', where: 'src/lib/spin.ts, line 4', alternative: '`await sleep()` from `@temporalio/activity`' },
        },
        {
          messageId: 'blockingHelper',
          line: 6,
          column: 21,
          data: {
            helper: 'config.gitRevision',
            what: 'calls `execFileSync()`',
            where: 'src/lib/config.ts, line 11',
            alternative: '`await promisify(execFile)()` (resolves to `{ stdout, stderr }`)',
          },
        },
        { messageId: 'blockingHelper', line: 6, column: 43, data: { helper: 'config.describeConfig', what: 'calls `readFileSync()`', where: 'src/lib/config.ts, line 7', alternative: '`await fs.promises.readFile()`' } },
      ],
    },
    // A same-file helper that calls a blocking project helper; `allow` applies in other files too.
    {
      filename: crossFile,
      options: [{ allow: ['child_process.execFileSync'] }],
      code: `import { gitRevision, loadConfig } from './lib/config';
function settings() { return loadConfig('/etc/app.json'); }
export async function a() { return [settings(), gitRevision()]; }`,
      errors: [
        {
          messageId: 'blockingHelper',
          line: 3,
          column: 37,
          data: { helper: 'settings', what: 'calls `readFileSync()`', where: 'src/lib/config.ts, line 7', alternative: '`await fs.promises.readFile()`' },
        },
      ],
    },
    // A file that imports @temporalio/activity is activity code whatever its name.
    {
      filename: 'src/jobs/export.ts',
      code: `import { heartbeat } from '@temporalio/activity';
import { execSync } from 'child_process';
export async function exportAll() { heartbeat(); execSync('pg_dump'); }`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 50 }],
    },
  ],
});

ruleTester.run('activity-no-blocking-calls: helper forms in other files and suggestion edges', rule, {
  valid: [
    // Helpers that do not block, names that are not exported functions, and `allow` applied in other files.
    {
      code: `import { notBlocking, LIMIT, waitShared, readAll, run, readViaRequire } from './lib/clocks';
import * as clocks from './lib/clocks';
export async function a(buffer: Int32Array) {
  waitShared(buffer);
  (clocks as any).missing();
  return [notBlocking('/x'), (LIMIT as any)(), readAll('/x'), run('ls'), readViaRequire('/y')];
}`,
      filename: crossFile,
      options: [{ allow: ['Atomics.wait', 'fs.readFileSync', 'child_process.execSync'] }],
    },
  ],
  invalid: [
    // Helpers that block through other clock reads, `Atomics.wait`, and namespace, default, computed and inline-`require` forms.
    {
      code: `import { spinNewDate, spinPerformance, spinHrtime, spinProcess, waitShared, readAll, run, readViaRequire } from './lib/clocks';
export async function a(buffer: Int32Array) {
  spinNewDate(1);
  spinPerformance(1);
  spinHrtime(1n);
  spinProcess();
  waitShared(buffer);
  return [readAll('/x'), run('ls'), readViaRequire('/y')];
}`,
      filename: crossFile,
      errors: [
        { messageId: 'blockingHelper', line: 3, column: 3, endLine: 3, endColumn: 17 },
        { messageId: 'blockingHelper', line: 4, column: 3, endLine: 4, endColumn: 21 },
        { messageId: 'blockingHelper', line: 5, column: 3, endLine: 5, endColumn: 17 },
        { messageId: 'blockingHelper', line: 6, column: 3, endLine: 6, endColumn: 16 },
        { messageId: 'blockingHelper', line: 7, column: 3, endLine: 7, endColumn: 21 },
        { messageId: 'blockingHelper', line: 8, column: 11, endLine: 8, endColumn: 24 },
        { messageId: 'blockingHelper', line: 8, column: 26, endLine: 8, endColumn: 35 },
        { messageId: 'blockingHelper', line: 8, column: 37, endLine: 8, endColumn: 57 },
      ],
    },
    // Clock reads from `perf_hooks` and unknown callees in loop tests.
    {
      code: `import { performance } from 'perf_hooks';
declare function now(): number;
export async function a(end: number) {
  while (performance.now() < end) {}
  while (now() < end) {}
  while (1) { if (Date.now() > end) break; }
}`,
      filename: filename,
      errors: [
        { messageId: 'busyWait', line: 4, column: 3, endLine: 4, endColumn: 8 },
      ],
    },
    // Calls of other activities and of functions nested in an activity are checked where they are; a non-blocking helper called twice.
    {
      code: `import { readFileSync } from 'fs';
function helper() { return 1; }
export async function b() { return helper() + helper(); }
export async function a() {
  function inner() { return readFileSync('/x'); }
  await b();
  return inner();
}`,
      filename: filename,
      errors: [
        { messageId: 'blockingCall', line: 5, column: 29, endLine: 5, endColumn: 47 },
      ],
    },
    // Suggestion edge cases: an already awaited call, a non-null assertion, file descriptors, spread and type arguments.
    {
      code: `import * as fs from 'fs';
declare const handle: { fd: number; path: string };
declare const args: [string];
declare const paths: string[];
export async function a() {
  const x = await fs.readFileSync('/x');
  const y = fs.readFileSync('/y')!.length;
  fs.readFileSync(3);
  fs.readFileSync(handle.fd);
  fs.readFileSync(handle.path);
  fs.readFileSync(paths[0] ?? '');
  fs.readFileSync(...args);
  fs.readFileSync<string>('/z');
  return [x, y];
}`,
      filename: filename,
      errors: [
        { messageId: 'blockingCall', line: 6, column: 19, endLine: 6, endColumn: 40, suggestions: [{ messageId: 'useFsPromises', output: `import * as fs from 'fs';
declare const handle: { fd: number; path: string };
declare const args: [string];
declare const paths: string[];
export async function a() {
  const x = await fs.promises.readFile('/x');
  const y = fs.readFileSync('/y')!.length;
  fs.readFileSync(3);
  fs.readFileSync(handle.fd);
  fs.readFileSync(handle.path);
  fs.readFileSync(paths[0] ?? '');
  fs.readFileSync(...args);
  fs.readFileSync<string>('/z');
  return [x, y];
}` }] },
        { messageId: 'blockingCall', line: 7, column: 13, endLine: 7, endColumn: 34, suggestions: [{ messageId: 'useFsPromises', output: `import * as fs from 'fs';
declare const handle: { fd: number; path: string };
declare const args: [string];
declare const paths: string[];
export async function a() {
  const x = await fs.readFileSync('/x');
  const y = (await fs.promises.readFile('/y'))!.length;
  fs.readFileSync(3);
  fs.readFileSync(handle.fd);
  fs.readFileSync(handle.path);
  fs.readFileSync(paths[0] ?? '');
  fs.readFileSync(...args);
  fs.readFileSync<string>('/z');
  return [x, y];
}` }] },
        { messageId: 'blockingCall', line: 8, column: 3, endLine: 8, endColumn: 21 },
        { messageId: 'blockingCall', line: 9, column: 3, endLine: 9, endColumn: 29 },
        { messageId: 'blockingCall', line: 10, column: 3, endLine: 10, endColumn: 31, suggestions: [{ messageId: 'useFsPromises', output: `import * as fs from 'fs';
declare const handle: { fd: number; path: string };
declare const args: [string];
declare const paths: string[];
export async function a() {
  const x = await fs.readFileSync('/x');
  const y = fs.readFileSync('/y')!.length;
  fs.readFileSync(3);
  fs.readFileSync(handle.fd);
  await fs.promises.readFile(handle.path);
  fs.readFileSync(paths[0] ?? '');
  fs.readFileSync(...args);
  fs.readFileSync<string>('/z');
  return [x, y];
}` }] },
        { messageId: 'blockingCall', line: 11, column: 3, endLine: 11, endColumn: 34, suggestions: [{ messageId: 'useFsPromises', output: `import * as fs from 'fs';
declare const handle: { fd: number; path: string };
declare const args: [string];
declare const paths: string[];
export async function a() {
  const x = await fs.readFileSync('/x');
  const y = fs.readFileSync('/y')!.length;
  fs.readFileSync(3);
  fs.readFileSync(handle.fd);
  fs.readFileSync(handle.path);
  await fs.promises.readFile(paths[0] ?? '');
  fs.readFileSync(...args);
  fs.readFileSync<string>('/z');
  return [x, y];
}` }] },
        { messageId: 'blockingCall', line: 12, column: 3, endLine: 12, endColumn: 27 },
        { messageId: 'blockingCall', line: 13, column: 3, endLine: 13, endColumn: 32 },
      ],
    },
    // The promisify suggestion reuses an existing `promisify` import and follows the `node:` style of the file.
    {
      code: `import { promisify } from 'util';
import { execSync } from 'child_process';
export async function a() { return execSync('ls'); }`,
      filename: filename,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 36, endLine: 3, endColumn: 50 },
      ],
    },
    {
      code: `import { gzipSync } from 'node:zlib';
export async function a(b: Buffer) { return gzipSync(b); }`,
      filename: filename,
      errors: [
        { messageId: 'blockingCall', line: 2, column: 45, endLine: 2, endColumn: 56, suggestions: [{ messageId: 'usePromisify', output: `import { gzipSync, gzip } from 'node:zlib';
import { promisify } from 'node:util';
export async function a(b: Buffer) { return await promisify(gzip)(b); }` }] },
      ],
    },
    // No promisify suggestion for a destructured `require` (the file may be CommonJS) or a file without imports.
    {
      code: `const { execSync } = require('child_process');
const cp = require('child_process');
export async function a() { return [execSync('ls'), cp.execSync('pwd')]; }`,
      filename: filename,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 37, endLine: 3, endColumn: 51 },
        { messageId: 'blockingCall', line: 3, column: 53, endLine: 3, endColumn: 71 },
      ],
    },
  ],
});

// Other modules are read only when their text (or that of a project module they import) may hold a blocking call:
// these cases show that the text pre-filter keeps every finding.
const CONFIG_READ = { what: 'calls `readFileSync()`', where: 'src/lib/config.ts, line 7', alternative: '`await fs.promises.readFile()`' };

ruleTester.run('activity-no-blocking-calls: text pre-filter of other modules', rule, {
  valid: [
    // A module that names nothing blocking and imports no project module, and a chain that ends in a clean helper.
    {
      code: `import { formatAmount } from './lib/clean';
import { relayClean } from './lib/relay';
export async function a() { return [formatAmount(1), relayClean(2)]; }`,
      filename: crossFile,
    },
  ],
  invalid: [
    // A helper whose own text names no blocking call but calls (named and through a namespace) a helper in a
    // third module, which calls one in a fourth that blocks.
    {
      code: `import { relayConfig, relayNamespace } from './lib/relay';
export async function a(p: string) { return [relayConfig(p), relayNamespace(p)]; }`,
      filename: crossFile,
      errors: [
        { messageId: 'blockingHelper', line: 2, column: 46, endColumn: 60, data: { helper: 'relayConfig', ...CONFIG_READ } },
        { messageId: 'blockingHelper', line: 2, column: 62, endColumn: 79, data: { helper: 'relayNamespace', ...CONFIG_READ } },
      ],
    },
    // Re-exports (renamed, and `export *`) from a module whose own text names nothing blocking.
    {
      code: `import { readSettings, describeSettings } from './lib/reexport';
import * as settings from './lib/reexport';
export async function a(p: string) { return [readSettings(p), describeSettings(p), settings.describeSettings(p)]; }`,
      filename: crossFile,
      errors: [
        { messageId: 'blockingHelper', line: 3, column: 46, data: { helper: 'readSettings', ...CONFIG_READ } },
        { messageId: 'blockingHelper', line: 3, column: 63, data: { helper: 'describeSettings', ...CONFIG_READ } },
        { messageId: 'blockingHelper', line: 3, column: 84, data: { helper: 'settings.describeSettings', ...CONFIG_READ } },
      ],
    },
    // An aliased import and a computed member of a namespace import in the helper's module.
    {
      code: `import { slurpText, sizeOf } from './lib/aliased';
export async function a(p: string) { return [slurpText(p), sizeOf(p)]; }`,
      filename: crossFile,
      errors: [
        {
          messageId: 'blockingHelper',
          line: 2,
          column: 46,
          data: { helper: 'slurpText', what: 'calls `readFileSync()`', where: 'src/lib/aliased.ts, line 6', alternative: '`await fs.promises.readFile()`' },
        },
        {
          messageId: 'blockingHelper',
          line: 2,
          column: 60,
          data: { helper: 'sizeOf', what: 'calls `statSync()`', where: 'src/lib/aliased.ts, line 10', alternative: '`await fs.promises.stat()`' },
        },
      ],
    },
    // Names spelled with escapes (`'readFile\u0053ync'`, `D\u0061te.n\u006fw()`) are not in the text as written.
    {
      code: `import { readEscaped } from './lib/escaped';
import { spinEscaped } from './lib/escaped-clock';
export async function a(p: string) { spinEscaped(1); return readEscaped(p); }`,
      filename: crossFile,
      errors: [
        {
          messageId: 'blockingHelper',
          line: 3,
          column: 38,
          data: { helper: 'spinEscaped', what: 'spins in a busy-wait loop', where: 'src/lib/escaped-clock.ts, line 3', alternative: '`await sleep()` from `@temporalio/activity`' },
        },
        {
          messageId: 'blockingHelper',
          line: 3,
          column: 61,
          data: { helper: 'readEscaped', what: 'calls `readFileSync()`', where: 'src/lib/escaped.ts, line 5', alternative: '`await fs.promises.readFile()`' },
        },
      ],
    },
  ],
});
