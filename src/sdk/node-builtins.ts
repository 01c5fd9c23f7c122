/**
 * Node built-in modules as the workflow bundler sees them.
 *
 * The bundler builds its deny-list from `require('node:module').builtinModules` of the Node process that bundles
 * (`@temporalio/worker` `src/workflow/bundler.ts`: `allowedBuiltinModules = ['assert', 'url', 'util']`,
 * `disallowedBuiltinModules = builtinModules.filter((m) => !allowedBuiltinModules.includes(m))`). The list is static
 * here so that lint results do not depend on the Node version that runs ESLint: it is `builtinModules` of Node 20
 * (68 names). Names that later Node versions expose only with the `node:` scheme (`node:test`, `node:sqlite`,
 * `node:sea`) are not listed: their bare names are ordinary npm packages, and every `node:` specifier is rejected
 * anyway (`UnhandledSchemeError`, facts §0 item 3).
 */

/** `builtinModules` of Node 20 (`node -p "require('module').builtinModules"`), in Node's order. */
export const NODE_BUILTIN_MODULES: readonly string[] = [
  '_http_agent',
  '_http_client',
  '_http_common',
  '_http_incoming',
  '_http_outgoing',
  '_http_server',
  '_stream_duplex',
  '_stream_passthrough',
  '_stream_readable',
  '_stream_transform',
  '_stream_wrap',
  '_stream_writable',
  '_tls_common',
  '_tls_wrap',
  'assert',
  'assert/strict',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'constants',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'dns/promises',
  'domain',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'inspector/promises',
  'module',
  'net',
  'os',
  'path',
  'path/posix',
  'path/win32',
  'perf_hooks',
  'process',
  'punycode',
  'querystring',
  'readline',
  'readline/promises',
  'repl',
  'stream',
  'stream/consumers',
  'stream/promises',
  'stream/web',
  'string_decoder',
  'sys',
  'timers',
  'timers/promises',
  'tls',
  'trace_events',
  'tty',
  'url',
  'util',
  'util/types',
  'v8',
  'vm',
  'wasi',
  'worker_threads',
  'zlib',
];

/**
 * Built-ins that workflow code may import by their bare name, and only by it (`bundler.ts`:
 * `allowedBuiltinModules`). The bundler resolves them to its own stubs (`module-overrides/*.ts`).
 */
export const ALLOWED_BUILTIN_MODULES: readonly string[] = ['assert', 'url', 'util'];

/** Built-ins whose import fails the workflow bundle: every other name, including `assert/strict` and `util/types`. */
export const DISALLOWED_BUILTIN_MODULES: readonly string[] = NODE_BUILTIN_MODULES.filter(
  (name) => !ALLOWED_BUILTIN_MODULES.includes(name),
);

/**
 * What the bundler's stubs of the allowed built-ins export (`@temporalio/worker` `src/workflow/module-overrides/`):
 * `util.ts` is `module.exports = { TextEncoder, TextDecoder }`, `url.ts` is `module.exports = { URL, URLSearchParams }`.
 * `assert.ts` exports Node's `assert` function itself (injected as a global by `vm-shared.ts`), so every member of
 * Node's `assert` exists and is not listed here.
 */
export const STUB_MODULE_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  util: ['TextEncoder', 'TextDecoder'],
  url: ['URL', 'URLSearchParams'],
};

/**
 * `moduleMatches` of `bundler.ts`: a request matches a listed module when it is that module or a subpath of it
 * (`fs/promises` matches `fs`).
 */
export function moduleMatches(request: string, modules: readonly string[]): boolean {
  return modules.some((module) => request === module || request.startsWith(`${module}/`));
}

/** True for a bare Node built-in name whose import fails the workflow bundle (`fs`, `fs/promises`, `assert/strict`). */
export function isDisallowedBuiltin(request: string): boolean {
  return moduleMatches(request, DISALLOWED_BUILTIN_MODULES);
}
