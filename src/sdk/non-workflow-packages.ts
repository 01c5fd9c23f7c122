/**
 * Temporal packages that workflow code cannot import.
 *
 * `@temporalio/worker` `src/workflow/bundler.ts` (`disallowedModules`) lists these next to the Node built-ins; the
 * bundler's `externals` hook records every request that matches one (exactly or as a subpath) and rejects the
 * bundle with "Your Workflow code (or a library used by your Workflow code) is importing the following disallowed
 * modules". The two `envconfig`/`nexus` entries are not in that list but fail the same build through what they import.
 */

export interface NonWorkflowPackage {
  /** Module specifier (matches itself and its subpaths). */
  module: string;
  /** Why workflow code cannot import it (for docs and messages). */
  reason: string;
}

export const NON_WORKFLOW_PACKAGES: readonly NonWorkflowPackage[] = [
  { module: '@temporalio/activity', reason: 'activity code, listed in `disallowedModules` (bundler.ts)' },
  { module: '@temporalio/client', reason: 'the gRPC client, listed in `disallowedModules` (bundler.ts)' },
  { module: '@temporalio/worker', reason: 'the worker, listed in `disallowedModules` (bundler.ts)' },
  { module: '@temporalio/testing', reason: 'test environments, listed in `disallowedModules` (bundler.ts)' },
  { module: '@temporalio/core-bridge', reason: 'the native Core bridge, listed in `disallowedModules` (bundler.ts)' },
  {
    module: '@temporalio/common/lib/internal-non-workflow',
    reason: 'Node-only helpers of `@temporalio/common`, listed in `disallowedModules` (bundler.ts)',
  },
  {
    module: '@temporalio/interceptors-opentelemetry/lib/client',
    reason: 'the client-side interceptors, listed in `disallowedModules` (bundler.ts)',
  },
  {
    module: '@temporalio/interceptors-opentelemetry/lib/worker',
    reason: 'the worker-side interceptors, listed in `disallowedModules` (bundler.ts)',
  },
  {
    module: '@temporalio/interceptors-opentelemetry-v2/lib/client',
    reason: 'the client-side interceptors, listed in `disallowedModules` (bundler.ts)',
  },
  {
    module: '@temporalio/interceptors-opentelemetry-v2/lib/worker',
    reason: 'the worker-side interceptors, listed in `disallowedModules` (bundler.ts)',
  },
  {
    module: '@temporalio/nexus',
    reason: 'Nexus operation handlers: it imports `node:async_hooks` and `@temporalio/client` (`nexus/src/context.ts`)',
  },
  {
    module: '@temporalio/envconfig',
    reason: 'client configuration loading: it requires `fs`, `path` and `os` (`envconfig/lib/*.js`, 1.24.0)',
  },
];
