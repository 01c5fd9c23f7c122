/**
 * What `@temporalio/workflow` 1.24 APIs do when called while a workflow module is being loaded.
 *
 * The worker loads the workflow bundle's modules for every workflow execution (`worker-interface.ts` `initRuntime`:
 * `setActivator(activator)`, then `importInterceptors()` and `importWorkflows()`), before the workflow function is
 * chosen and started. Module-scope code therefore runs with an activator (facts §1.9):
 * - APIs that only need an activator work there (`workflowInfo()`, `uuid4()`, `log`, `Date.now()`, `Math.random()`);
 * - APIs that emit commands or register handlers also "work", but do so in every workflow execution of every workflow
 *   type of the bundle, before the workflow function runs (listed below);
 * - `patched()` / `deprecatePatch()` throw `IllegalStateError('Patches cannot be used before Workflow starts')`
 *   (`internals.ts` `patchInternal`: `this.workflow === undefined`) — reported by `workflow-valid-patch`;
 * - `continueAsNew()` returns a promise rejected with `ContinueAsNew`; unhandled, it fails the workflow task
 *   (`vm-shared.ts` `setUnhandledRejectionHandler`).
 *
 * Modules in `bundlerOptions.preloadModules` are loaded once per worker thread with **no** activator
 * (`reusable-vm.ts`: `preloadModulesScript` runs before any workflow): every API that calls
 * `assertInWorkflowContext()` / `getActivator()` (`global-attributes.ts`) throws `IllegalStateError` there, which
 * makes the worker fail to start its workflow context.
 *
 * Paths are export paths as the `ReferenceResolver` produces them (`'()'` = call result, `'*'` = any one name).
 */

export type ModuleScopeEffect = 'command' | 'handler' | 'fails';

export interface ModuleScopeApi {
  path: readonly string[];
  effect: ModuleScopeEffect;
}

/** Calls that cannot be right at module scope of workflow code (with an activator). */
export const MODULE_SCOPE_APIS: readonly ModuleScopeApi[] = [
  // Commands (`workflow.ts`): a timer, an activity, a child workflow, a signal or cancel to another workflow.
  { path: ['sleep'], effect: 'command' },
  { path: ['condition'], effect: 'command' },
  { path: ['startChild'], effect: 'command' },
  { path: ['executeChild'], effect: 'command' },
  { path: ['scheduleActivity'], effect: 'command' },
  { path: ['scheduleLocalActivity'], effect: 'command' },
  { path: ['proxyActivities', '()', '*'], effect: 'command' },
  { path: ['proxyActivities', '()', '*', 'executeWithOptions'], effect: 'command' },
  { path: ['proxyLocalActivities', '()', '*'], effect: 'command' },
  { path: ['proxyLocalActivities', '()', '*', 'executeWithOptions'], effect: 'command' },
  { path: ['getExternalWorkflowHandle', '()', 'signal'], effect: 'command' },
  { path: ['getExternalWorkflowHandle', '()', 'signalWithOptions'], effect: 'command' },
  { path: ['getExternalWorkflowHandle', '()', 'cancel'], effect: 'command' },
  { path: ['createNexusServiceClient', '()', 'executeOperation'], effect: 'command' },
  { path: ['createNexusServiceClient', '()', 'startOperation'], effect: 'command' },
  { path: ['upsertSearchAttributes'], effect: 'command' },
  { path: ['upsertMemo'], effect: 'command' },
  // Handler registration (`setHandler` stores into the current activator: the handler applies to every workflow type).
  { path: ['setHandler'], effect: 'handler' },
  { path: ['setDefaultSignalHandler'], effect: 'handler' },
  { path: ['setDefaultUpdateHandler'], effect: 'handler' },
  { path: ['setDefaultQueryHandler'], effect: 'handler' },
  // Fails the workflow task.
  { path: ['continueAsNew'], effect: 'fails' },
  { path: ['makeContinueAsNewFunc', '()'], effect: 'fails' },
];

/** `@temporalio/workflow` calls that need an activator (they throw in a preloaded module's top level). */
export const ACTIVATOR_APIS: readonly (readonly string[])[] = [
  ...MODULE_SCOPE_APIS.map((api) => api.path),
  ['patched'],
  ['deprecatePatch'],
  ['workflowInfo'],
  ['currentUpdateInfo'],
  ['uuid4'],
  ['log', '*'],
  ['allHandlersFinished'],
  ['getCurrentDetails'],
  ['setCurrentDetails'],
  ['makeContinueAsNewFunc'],
  ['getExternalWorkflowHandle'],
];

/** Global calls that need an activator (`global-overrides.ts`, `current-random.ts`). `'new'` = constructed. */
export const ACTIVATOR_GLOBALS: readonly { path: readonly string[]; noArguments?: boolean }[] = [
  { path: ['Date', 'now', '()'] },
  // `new Date()` and `Date()` without arguments read the activator's time; with arguments they do not.
  { path: ['Date', 'new'], noArguments: true },
  { path: ['Date', '()'], noArguments: true },
  { path: ['Math', 'random', '()'] },
  { path: ['setTimeout', '()'] },
  { path: ['clearTimeout', '()'] },
];

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}

/** The module-scope entry for a callee's export path of `@temporalio/workflow`. */
export function moduleScopeApi(path: readonly string[]): ModuleScopeApi | undefined {
  return MODULE_SCOPE_APIS.find((api) => matches(api.path, path));
}

/** True when a callee's export path of `@temporalio/workflow` needs an activator. */
export function needsActivator(path: readonly string[]): boolean {
  return ACTIVATOR_APIS.some((pattern) => matches(pattern, path));
}
