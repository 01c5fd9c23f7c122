/**
 * Node.js APIs that block the event loop, as data, with their non-blocking replacement.
 *
 * Activities run on the worker's main thread, the same event loop that sends heartbeats, delivers cancellation,
 * runs every other activity and exchanges workflow activations with Core ("All interactions with Core SDK ...
 * happens on the main thread", `@temporalio/worker` `src/worker-options.ts`, `reuseV8Context`/`workflowThreadPoolSize`
 * docs). A synchronous call stalls all of that until it returns.
 *
 * Deliberately not listed: `crypto.randomBytes(n)` without a callback and `crypto.randomFillSync()` (a CSPRNG read
 * that costs microseconds for the usual key/id sizes; the async form only moves it to the libuv pool),
 * `crypto.hkdfSync()` (a handful of HMACs), `JSON.parse`/`JSON.stringify` (cost depends on data the linter cannot see).
 */

/** Module specifiers that provide the same API (`node:` prefixes are stripped before look-up). */
const MODULE_ALIASES: Record<string, BlockingModule> = {
  fs: 'fs',
  'graceful-fs': 'fs',
  'fs-extra': 'fs-extra',
  child_process: 'child_process',
  zlib: 'zlib',
  crypto: 'crypto',
};

export type BlockingModule = 'fs' | 'fs-extra' | 'child_process' | 'zlib' | 'crypto';

export interface BlockingCall {
  /** Canonical module (`fs` for `node:fs` and `graceful-fs`). */
  module: BlockingModule;
  /** Export name, e.g. `readFileSync`. */
  name: string;
  /** The non-blocking alternative, as Markdown for messages: `` `await fs.promises.readFile()` ``. */
  alternative: string;
  /**
   * `fs/promises` export that is a drop-in (same arguments, same result, as a promise) for a suggestion.
   * Undefined when no drop-in exists (fd-based calls, `existsSync`, different result types).
   */
  promisesName?: string;
  /** The drop-in holds only for calls with at most this many arguments (e.g. `statSync`'s `throwIfNoEntry`). */
  maxArgs?: number;
  /** `zlib` export whose `util.promisify()` form is a typed drop-in (`__promisify__` in `@types/node`). */
  promisifyName?: string;
}

/**
 * `fs` functions whose `fs/promises` counterpart takes the same arguments and resolves to the same type
 * (checked against `@types/node` 20: `fs.d.ts` vs `fs/promises.d.ts`). File arguments that are numeric file
 * descriptors are the one difference (`fs/promises` takes a `FileHandle`), so the suggestion is skipped for them.
 */
const FS_PROMISES: Record<string, { name: string; maxArgs?: number }> = {
  accessSync: { name: 'access' },
  appendFileSync: { name: 'appendFile' },
  chmodSync: { name: 'chmod' },
  chownSync: { name: 'chown' },
  copyFileSync: { name: 'copyFile' },
  cpSync: { name: 'cp' },
  lchownSync: { name: 'lchown' },
  linkSync: { name: 'link' },
  // `lstatSync`/`statSync` accept `{ throwIfNoEntry }`, which the promise API lacks.
  lstatSync: { name: 'lstat', maxArgs: 1 },
  lutimesSync: { name: 'lutimes' },
  mkdirSync: { name: 'mkdir' },
  mkdtempSync: { name: 'mkdtemp' },
  opendirSync: { name: 'opendir' },
  readdirSync: { name: 'readdir' },
  readFileSync: { name: 'readFile' },
  readlinkSync: { name: 'readlink' },
  realpathSync: { name: 'realpath' },
  renameSync: { name: 'rename' },
  rmdirSync: { name: 'rmdir' },
  rmSync: { name: 'rm' },
  statSync: { name: 'stat', maxArgs: 1 },
  symlinkSync: { name: 'symlink' },
  truncateSync: { name: 'truncate' },
  unlinkSync: { name: 'unlink' },
  utimesSync: { name: 'utimes' },
  writeFileSync: { name: 'writeFile' },
};

const CHILD_PROCESS: Record<string, string> = {
  execSync: '`await promisify(exec)()` (resolves to `{ stdout, stderr }`)',
  execFileSync: '`await promisify(execFile)()` (resolves to `{ stdout, stderr }`)',
  spawnSync: '`spawn()` with its `close` event (or `promisify(execFile)`)',
};

/** `crypto` functions that are slow by design (key derivation, key and prime generation). */
const CRYPTO: Record<string, string> = {
  pbkdf2Sync: '`await promisify(crypto.pbkdf2)()`',
  scryptSync: '`crypto.scrypt()` with a callback (or a worker thread)',
  generateKeyPairSync: '`await promisify(crypto.generateKeyPair)()`',
  generateKeySync: '`await promisify(crypto.generateKey)()`',
  generatePrimeSync: '`await promisify(crypto.generatePrime)()`',
  checkPrimeSync: '`await promisify(crypto.checkPrime)()`',
};

/** The suffix of every blocking `fs`, `fs-extra` and `zlib` function (their async twins drop it). */
const SYNC_SUFFIX = 'Sync';

/**
 * Text that the name of every call {@link lookupBlockingCall} finds contains: source text with none of these (and no
 * escape that could spell one) calls nothing blocking by name, so a pre-filter may skip parsing it.
 */
export const BLOCKING_CALL_NEEDLES: readonly string[] = [
  SYNC_SUFFIX,
  ...[...Object.keys(CHILD_PROCESS), ...Object.keys(CRYPTO)].filter((name) => !name.includes(SYNC_SUFFIX)),
];

/** The canonical module of a specifier, or undefined when it is not a module with blocking calls. */
export function blockingModule(specifier: string): BlockingModule | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return Object.hasOwn(MODULE_ALIASES, bare) ? MODULE_ALIASES[bare] : undefined;
}

/** The blocking call `name` of `module`, or undefined when it does not block. */
export function lookupBlockingCall(module: BlockingModule, name: string): BlockingCall | undefined {
  switch (module) {
    case 'fs': {
      if (!name.endsWith(SYNC_SUFFIX)) return undefined;
      const drop = Object.hasOwn(FS_PROMISES, name) ? FS_PROMISES[name] : undefined;
      if (drop) {
        return {
          module,
          name,
          alternative: `\`await fs.promises.${drop.name}()\``,
          promisesName: drop.name,
          ...(drop.maxArgs === undefined ? {} : { maxArgs: drop.maxArgs }),
        };
      }
      return { module, name, alternative: '`fs.promises` (`fs/promises`) or the callback form' };
    }
    case 'fs-extra':
      // fs-extra returns a promise from every async function called without a callback.
      if (!name.endsWith(SYNC_SUFFIX) || name.length <= SYNC_SUFFIX.length) return undefined;
      return { module, name, alternative: `\`await ${name.slice(0, -SYNC_SUFFIX.length)}()\` (fs-extra's promise form)` };
    case 'child_process': {
      const alternative = Object.hasOwn(CHILD_PROCESS, name) ? CHILD_PROCESS[name] : undefined;
      return alternative === undefined ? undefined : { module, name, alternative };
    }
    case 'zlib': {
      if (!name.endsWith(SYNC_SUFFIX) || name.length <= SYNC_SUFFIX.length) return undefined;
      const async = name.slice(0, -SYNC_SUFFIX.length);
      return { module, name, alternative: `\`await promisify(zlib.${async})()\``, promisifyName: async };
    }
    case 'crypto': {
      const alternative = Object.hasOwn(CRYPTO, name) ? CRYPTO[name] : undefined;
      return alternative === undefined ? undefined : { module, name, alternative };
    }
  }
}

/** `Atomics.wait()` blocks the calling thread until notified or timed out (allowed on Node's main thread). */
export const ATOMICS_WAIT_ALTERNATIVE = '`await Atomics.waitAsync().value`';

/** Clock reads that make a loop a busy-wait when nothing in it awaits. */
export const CLOCK_GLOBALS: readonly (readonly string[])[] = [
  ['Date', 'now'],
  ['performance', 'now'],
  ['process', 'hrtime'],
  ['process', 'hrtime', 'bigint'],
];
