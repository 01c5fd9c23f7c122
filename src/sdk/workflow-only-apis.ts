/**
 * Exports of `@temporalio/workflow` 1.24 that throw when used outside a workflow execution (activities, clients,
 * plain Node), as data. Each one checks for the workflow activator (`assertInWorkflowContext()` in
 * `src/global-attributes.ts`, called from `src/workflow.ts`, `src/logs.ts`, `src/metrics.ts`, `src/sinks.ts`,
 * `src/random-streams.ts`, `src/event-groups.ts`) or reads the sandbox's `AsyncLocalStorage`, which plain Node
 * replaces with an empty class (`src/cancellation-scope.ts`: `storage.getStore is not a function`).
 *
 * Checked by running each export in Node with the installed 1.24.0 package. Not listed because they work outside
 * a workflow: `uuid4()` (falls back to `Math.random`), `inWorkflowContext()`, `defineSignal/Query/Update()`,
 * `isCancellation()`, the failure classes re-exported from `@temporalio/common`, `ActivityCancellationType`,
 * `setWorkflowOptions()`, `defineWorkflowOptions()`, `addDefaultWorkflowOptions()`.
 */

export interface WorkflowOnlyApi {
  /** Export path as the `ReferenceResolver` yields it; `'*'` matches any one member name. */
  path: readonly string[];
  /** How the export is used when it throws: called, constructed, or (for proxies) through what the call returns. */
  use: 'call' | 'new' | 'proxy';
  /** What is thrown, for messages. */
  error: string;
}

const illegal = (what: string): string => `IllegalStateError: ${what}`;
const STORAGE = 'TypeError: storage.getStore is not a function';

export const WORKFLOW_ONLY_APIS: readonly WorkflowOnlyApi[] = [
  { path: ['sleep'], use: 'call', error: illegal('Workflow.sleep(...) may only be used from a Workflow Execution') },
  { path: ['condition'], use: 'call', error: illegal('Workflow.condition(...) may only be used from a Workflow Execution.') },
  { path: ['workflowInfo'], use: 'call', error: illegal('Workflow.workflowInfo(...) may only be used from a Workflow Execution.') },
  { path: ['currentUpdateInfo'], use: 'call', error: illegal('Workflow.currentUpdateInfo(...) may only be used from a Workflow Execution.') },
  { path: ['patched'], use: 'call', error: illegal('Workflow.patch(...) and Workflow.deprecatePatch may only be used from a Workflow Execution.') },
  { path: ['deprecatePatch'], use: 'call', error: illegal('Workflow.patch(...) and Workflow.deprecatePatch may only be used from a Workflow Execution.') },
  { path: ['setHandler'], use: 'call', error: illegal('Workflow.setHandler(...) may only be used from a Workflow Execution.') },
  { path: ['setDefaultSignalHandler'], use: 'call', error: illegal('Workflow.setDefaultSignalHandler(...) may only be used from a Workflow Execution.') },
  { path: ['setDefaultUpdateHandler'], use: 'call', error: illegal('Workflow.setDefaultUpdateHandler(...) may only be used from a Workflow Execution.') },
  { path: ['setDefaultQueryHandler'], use: 'call', error: illegal('Workflow.setDefaultQueryHandler(...) may only be used from a Workflow Execution.') },
  { path: ['upsertSearchAttributes'], use: 'call', error: illegal('Workflow.upsertSearchAttributes(...) may only be used from a Workflow Execution.') },
  { path: ['upsertMemo'], use: 'call', error: illegal('Workflow.upsertMemo(...) may only be used from a Workflow Execution.') },
  { path: ['allHandlersFinished'], use: 'call', error: illegal('allHandlersFinished() may only be used from a Workflow Execution.') },
  { path: ['getCurrentDetails'], use: 'call', error: illegal('getCurrentDetails() may only be used from a Workflow Execution.') },
  { path: ['setCurrentDetails'], use: 'call', error: illegal('getCurrentDetails() may only be used from a Workflow Execution.') },
  { path: ['startChild'], use: 'call', error: illegal('Workflow.startChild(...) may only be used from a Workflow Execution.') },
  { path: ['executeChild'], use: 'call', error: illegal('Workflow.executeChild(...) may only be used from a Workflow Execution.') },
  {
    path: ['getExternalWorkflowHandle'],
    use: 'call',
    error: illegal('Workflow.getExternalWorkflowHandle(...) may only be used from a Workflow Execution.'),
  },
  { path: ['continueAsNew'], use: 'call', error: illegal('Workflow.continueAsNew(...) ... may only be used from a Workflow Execution.') },
  { path: ['makeContinueAsNewFunc'], use: 'call', error: illegal('Workflow.continueAsNew(...) ... may only be used from a Workflow Execution.') },
  { path: ['scheduleActivity'], use: 'call', error: illegal('Workflow.scheduleActivity(...) may only be used from a Workflow Execution') },
  { path: ['scheduleLocalActivity'], use: 'call', error: illegal('Workflow.scheduleLocalActivity(...) may only be used from a Workflow Execution') },
  { path: ['getRandomStream'], use: 'call', error: illegal('Workflow.getRandomStream(...) may only be used from workflow context.') },
  { path: ['createEventGroup'], use: 'call', error: illegal('createEventGroup(...) may only be used from a Workflow Execution') },
  { path: ['log', '*'], use: 'call', error: illegal('Workflow.log(...) may only be used from workflow context.') },
  { path: ['metricMeter', '*'], use: 'call', error: illegal("Workflow's `metricMeter` can only be used while in Workflow Context") },
  { path: ['workflowRandom', '*'], use: 'call', error: illegal('Workflow.workflowRandom may only be used from workflow context.') },
  { path: ['CancellationScope', 'current'], use: 'call', error: STORAGE },
  { path: ['CancellationScope', 'cancellable'], use: 'call', error: STORAGE },
  { path: ['CancellationScope', 'nonCancellable'], use: 'call', error: STORAGE },
  { path: ['CancellationScope', 'withTimeout'], use: 'call', error: STORAGE },
  { path: ['CancellationScope'], use: 'new', error: STORAGE },
  { path: ['Trigger'], use: 'new', error: STORAGE },
  // The call itself returns a proxy; every function on it throws.
  { path: ['proxyActivities'], use: 'proxy', error: illegal('Workflow.scheduleActivity(...) may only be used from a Workflow Execution') },
  {
    path: ['proxyLocalActivities'],
    use: 'proxy',
    error: illegal('Workflow.scheduleLocalActivity(...) may only be used from a Workflow Execution'),
  },
  { path: ['proxySinks'], use: 'proxy', error: illegal('Proxied sinks functions may only be used from a Workflow Execution.') },
  { path: ['createNexusServiceClient'], use: 'proxy', error: illegal('Workflow uninitialized') },
];

/** The entry for a use of the export at `path`, or undefined when that use works outside a workflow. */
export function lookupWorkflowOnlyApi(path: readonly string[], use: 'call' | 'new'): WorkflowOnlyApi | undefined {
  return WORKFLOW_ONLY_APIS.find(
    (api) =>
      (api.use === use || (use === 'call' && api.use === 'proxy')) &&
      api.path.length === path.length &&
      api.path.every((segment, i) => segment === '*' || segment === path[i]),
  );
}
