/**
 * npm ID / random-number packages that do not work in the workflow sandbox, as data.
 *
 * Why they fail: the worker bundles workflow code with webpack and no `target` (`worker/src/workflow/bundler.ts:230-306`),
 * so webpack's default web target picks each package's *browser* build (`browser` field / `browser` export
 * condition). Browser builds draw randomness from `crypto.getRandomValues()` / `crypto.randomUUID()`, and the
 * sandbox has no `crypto` global (facts §1.5, §1.6). Packages that require a Node built-in fail the bundle instead
 * (`disallowedModules`, `bundler.ts:19-33`), and some touch browser globals when loaded.
 *
 * Each entry was read from the published package (version named in `source`); none was run.
 * `@paralleldrive/cuid2` is deliberately absent: its `createId()` falls back to `Math.random` when `crypto` is
 * missing (3.3.0 `src/index.js:13-30`), and the sandbox seeds `Math.random`, so it does not throw.
 */

export type RandomPackageFailure =
  /** The import itself fails `Worker.create` / `bundleWorkflowCode` (a disallowed Node built-in). */
  | 'bundle'
  /** Loading the module throws, which fails every workflow of the bundle. */
  | 'load'
  /** Calling one of `randomExports` throws (or returns garbage) at run time: a workflow task failure. */
  | 'call';

export interface RandomPackage {
  /** Package name as imported (`'uuid'`, `'@scope/name'`). */
  name: string;
  failsAt: RandomPackageFailure;
  /**
   * Why it fails, completing "`x` from `pkg` cannot run in the workflow sandbox: …" or "`pkg` cannot be used in
   * workflow code: …" (no final period).
   */
  reason: string;
  /** For `'call'`: exports whose calls draw randomness. Other exports are safe (parsers, validators, constants). */
  randomExports?: readonly string[];
  /** The export a CommonJS default import stands for when it is called (`uuid@3`: `uuid()` is `v4()`). */
  defaultExport?: string;
  /** Subpaths whose default export is a named export (`uuid/v4` → `v4`, the uuid ≤ 7 deep requires). */
  subpathExports?: Readonly<Record<string, string>>;
  /** Subpaths that are safe (`nanoid/non-secure` uses `Math.random`, which the sandbox seeds). */
  safeSubpaths?: readonly string[];
  /** Members of a safe export's result that draw randomness: `createTranslator().generate()`. */
  randomResultMembers?: Readonly<Record<string, readonly string[]>>;
  /**
   * A call is safe when it supplies its own randomness: `{ index, keys }` = an object literal argument at `index`
   * with one of `keys` (`v4({ random })`), `{ index }` = any argument at `index` (`ulid(time, prng)`).
   */
  ownRandomness?: Readonly<Record<string, { index: number; keys?: readonly string[] }>>;
  /** Exports whose call without arguments returns a random RFC 4122 v4 UUID string: `uuid4()` replaces it. */
  uuid4Equivalent?: readonly string[];
  /** Where this was read. */
  source: string;
}

const UUID_OPTIONS = { index: 0, keys: ['random', 'rng'] } as const;

export const RANDOM_PACKAGES: readonly RandomPackage[] = [
  {
    name: 'uuid',
    failsAt: 'call',
    reason:
      'its browser build calls `crypto.randomUUID()` / `crypto.getRandomValues()`, and the sandbox has no `crypto`, so the call throws and fails the workflow task',
    randomExports: ['v1', 'v4', 'v6', 'v7'],
    defaultExport: 'v4',
    subpathExports: { v1: 'v1', v4: 'v4' },
    ownRandomness: { v1: UUID_OPTIONS, v4: UUID_OPTIONS, v6: UUID_OPTIONS, v7: UUID_OPTIONS },
    uuid4Equivalent: ['v4'],
    source:
      'uuid 14.0.3 dist/rng.js, dist/v4.js (the `default` export condition, not `node`); uuid 8.3.2 throws `crypto.getRandomValues() not supported` (temporalio/sdk-typescript#1390). `v3`, `v5`, `parse`, `stringify`, `validate`, `version`, `NIL`, `MAX` are pure.',
  },
  {
    name: 'nanoid',
    failsAt: 'call',
    reason: 'its browser build calls `crypto.getRandomValues()`, and the sandbox has no `crypto`, so the call throws and fails the workflow task',
    randomExports: ['nanoid', 'customAlphabet', 'random'],
    safeSubpaths: ['non-secure'],
    source: 'nanoid 5.1.16 index.browser.js (`browser` export condition); `nanoid/non-secure` uses `Math.random`.',
  },
  {
    name: 'short-uuid',
    failsAt: 'call',
    reason:
      'it takes its UUIDs from `globalThis.crypto?.randomUUID()`, which is `undefined` in the sandbox, so generating throws a `TypeError` and fails the workflow task',
    randomExports: ['generate', 'uuid'],
    defaultExport: 'createTranslator',
    randomResultMembers: { createTranslator: ['generate', 'new', 'uuid'] },
    source: 'short-uuid 6.0.3 dist/config.js:7, dist/translate.js:14-15; `fromUUID`/`toUUID` are pure.',
  },
  {
    name: 'cuid',
    failsAt: 'load',
    reason:
      'its browser build reads `self` and `navigator` as soon as it is loaded; neither exists in the sandbox, so loading the workflow code throws and every workflow of the bundle fails',
    source: 'cuid 3.0.0 lib/fingerprint.browser.js:3-6 (mapped by the package `browser` field).',
  },
  {
    name: 'ulid',
    failsAt: 'call',
    reason:
      'without a PRNG argument it looks for `crypto.getRandomValues()`, finds none in the sandbox, and throws `Failed to find a reliable PRNG`, which fails the workflow task',
    randomExports: ['ulid', 'monotonicFactory'],
    ownRandomness: { ulid: { index: 1 }, monotonicFactory: { index: 0 } },
    source: 'ulid 3.0.2 dist/browser/index.js `detectPRNG` (the `default` export condition); `decodeTime`, `isValid`, `ulidToUUID` are pure.',
  },
  {
    name: 'uuidv4',
    failsAt: 'load',
    reason:
      'it calls `util.deprecate` when it is loaded, but the sandbox `util` module only provides `TextEncoder` and `TextDecoder`, so loading the workflow code throws a `TypeError` and every workflow of the bundle fails',
    source: 'uuidv4 6.2.13 build/lib/uuidv4.js:4,16; @temporalio/worker src/workflow/module-overrides/util.ts.',
  },
  {
    name: 'hyperid',
    failsAt: 'bundle',
    reason: 'it requires the Node built-in `buffer`, which the worker refuses to bundle, so the worker cannot start',
    source: 'hyperid 4.0.0 hyperid.js:6; @temporalio/worker src/workflow/bundler.ts:19-33 (disallowedModules).',
  },
  {
    name: 'crypto-random-string',
    failsAt: 'call',
    reason: 'its browser build calls `crypto.getRandomValues()`, and the sandbox has no `crypto`, so the call throws and fails the workflow task',
    randomExports: ['default'],
    source: 'crypto-random-string 5.0.0 browser.js (`browser` export condition).',
  },
  {
    name: 'random-bytes',
    failsAt: 'bundle',
    reason: 'it requires the Node built-in `crypto`, which the worker refuses to bundle, so the worker cannot start',
    source: 'random-bytes 1.0.0 index.js:14; @temporalio/worker src/workflow/bundler.ts:19-33 (disallowedModules).',
  },
];

const BY_NAME = new Map(RANDOM_PACKAGES.map((p) => [p.name, p]));

/** The listed package a module specifier belongs to, with the subpath (`'v4'` for `'uuid/v4'`, `''` for the root). */
export function findRandomPackage(specifier: string): { pkg: RandomPackage; subpath: string } | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const pkg = BY_NAME.get(name);
  if (!pkg) return undefined;
  return { pkg, subpath: parts.slice(nameLength).join('/') };
}
