/**
 * What the exports of `@temporalio/workflow` 1.24 return, as data: which calls produce promises of Temporal
 * operations (commands the workflow waits on), which are synchronous, and which change workflow state.
 *
 * Paths are export paths as the `ReferenceResolver` produces them: a call appends `'()'`, `new` appends `'new'`,
 * and `'*'` stands for any one name (an activity name on a proxy). Sources are files of the published package
 * (`node_modules/@temporalio/workflow/lib/*.d.ts`, implementation in `src/*.ts`).
 */

export const WORKFLOW_PACKAGE = '@temporalio/workflow';

/** What a call in workflow code is, for the rules that reason about promises, cancellation and handlers. */
export type WorkflowCallKind =
  | 'activity'
  | 'localActivity'
  | 'sleep'
  | 'condition'
  | 'childWorkflow'
  | 'continueAsNew'
  | 'externalHandle'
  | 'cancellationScope'
  | 'nexusOperation'
  | 'sync';

export interface WorkflowApiEntry {
  /** Export path of the callee (`'*'` = any one segment). */
  path: readonly string[];
  kind: WorkflowCallKind;
  /** Where the SDK declares it. */
  source: string;
}

/** Calls that return a promise settled by the Temporal server (a timer, an activity, a child workflow, ...). */
export const PROMISE_APIS: readonly WorkflowApiEntry[] = [
  // `sleep(ms: Duration, options?: TimerOptions): Promise<void>`
  { path: ['sleep'], kind: 'sleep', source: 'lib/workflow.d.ts (sleep)' },
  // `condition(fn, timeout?): Promise<void | boolean>`
  { path: ['condition'], kind: 'condition', source: 'lib/workflow.d.ts (condition)' },
  // `startChild(...): Promise<ChildWorkflowHandle<T>>`, `executeChild(...): Promise<WorkflowResultType<T>>`
  { path: ['startChild'], kind: 'childWorkflow', source: 'lib/workflow.d.ts (startChild)' },
  { path: ['executeChild'], kind: 'childWorkflow', source: 'lib/workflow.d.ts (executeChild)' },
  // `ChildWorkflowHandle extends BaseWorkflowHandle`: `result()`, `signal()`, `signalWithOptions()` return promises
  { path: ['startChild', '()', 'result'], kind: 'childWorkflow', source: '@temporalio/common lib/workflow-handle.d.ts' },
  { path: ['startChild', '()', 'signal'], kind: 'childWorkflow', source: '@temporalio/common lib/workflow-handle.d.ts' },
  {
    path: ['startChild', '()', 'signalWithOptions'],
    kind: 'childWorkflow',
    source: '@temporalio/common lib/workflow-handle.d.ts',
  },
  // `continueAsNew(...args): Promise<never>` rejects with `ContinueAsNew`; so does the function of `makeContinueAsNewFunc`
  { path: ['continueAsNew'], kind: 'continueAsNew', source: 'lib/workflow.d.ts (continueAsNew)' },
  { path: ['makeContinueAsNewFunc', '()'], kind: 'continueAsNew', source: 'lib/workflow.d.ts (makeContinueAsNewFunc)' },
  // `ExternalWorkflowHandle.signal / signalWithOptions / cancel(): Promise<void>`
  { path: ['getExternalWorkflowHandle', '()', 'signal'], kind: 'externalHandle', source: 'lib/workflow-handle.d.ts' },
  {
    path: ['getExternalWorkflowHandle', '()', 'signalWithOptions'],
    kind: 'externalHandle',
    source: 'lib/workflow-handle.d.ts',
  },
  { path: ['getExternalWorkflowHandle', '()', 'cancel'], kind: 'externalHandle', source: 'lib/workflow-handle.d.ts' },
  // `CancellationScope.cancellable / nonCancellable / withTimeout(fn): Promise<T>`, `scope.run(fn): Promise<T>`
  { path: ['CancellationScope', 'cancellable'], kind: 'cancellationScope', source: 'lib/cancellation-scope.d.ts' },
  { path: ['CancellationScope', 'nonCancellable'], kind: 'cancellationScope', source: 'lib/cancellation-scope.d.ts' },
  { path: ['CancellationScope', 'withTimeout'], kind: 'cancellationScope', source: 'lib/cancellation-scope.d.ts' },
  { path: ['CancellationScope', 'new', 'run'], kind: 'cancellationScope', source: 'lib/cancellation-scope.d.ts' },
  {
    path: ['CancellationScope', 'current', '()', 'run'],
    kind: 'cancellationScope',
    source: 'lib/cancellation-scope.d.ts',
  },
  // Activity proxies: every property is an `ActivityFunctionWithOptions` returning a promise
  { path: ['proxyActivities', '()', '*'], kind: 'activity', source: 'lib/workflow.d.ts (ActivityInterfaceFor)' },
  {
    path: ['proxyActivities', '()', '*', 'executeWithOptions'],
    kind: 'activity',
    source: 'lib/workflow.d.ts (ActivityFunctionWithOptions)',
  },
  { path: ['scheduleActivity'], kind: 'activity', source: 'lib/workflow.d.ts (scheduleActivity)' },
  {
    path: ['proxyLocalActivities', '()', '*'],
    kind: 'localActivity',
    source: 'lib/workflow.d.ts (LocalActivityInterfaceFor)',
  },
  {
    path: ['proxyLocalActivities', '()', '*', 'executeWithOptions'],
    kind: 'localActivity',
    source: 'lib/workflow.d.ts (LocalActivityFunctionWithOptions)',
  },
  { path: ['scheduleLocalActivity'], kind: 'localActivity', source: 'lib/workflow.d.ts (scheduleLocalActivity)' },
  // Nexus: `NexusServiceClient.executeOperation / startOperation`, `NexusOperationHandle.result()`
  {
    path: ['createNexusServiceClient', '()', 'executeOperation'],
    kind: 'nexusOperation',
    source: 'lib/nexus.d.ts',
  },
  { path: ['createNexusServiceClient', '()', 'startOperation'], kind: 'nexusOperation', source: 'lib/nexus.d.ts' },
  {
    path: ['createNexusServiceClient', '()', 'startOperation', '()', 'result'],
    kind: 'nexusOperation',
    source: 'lib/nexus.d.ts',
  },
];

/** Synchronous exports that are easily mistaken for promises (none of these is ever awaited). */
export const SYNC_APIS: readonly WorkflowApiEntry[] = [
  ...[
    'setHandler',
    'setDefaultSignalHandler',
    'setDefaultUpdateHandler',
    'setDefaultQueryHandler',
    'defineSignal',
    'defineQuery',
    'defineUpdate',
    'uuid4',
    'workflowInfo',
    'currentUpdateInfo',
    'inWorkflowContext',
    'patched',
    'deprecatePatch',
    'proxyActivities',
    'proxyLocalActivities',
    'makeContinueAsNewFunc',
    'getExternalWorkflowHandle',
    'upsertSearchAttributes',
    'upsertMemo',
    'allHandlersFinished',
    'setWorkflowOptions',
    'defineWorkflowOptions',
    'getCurrentDetails',
    'setCurrentDetails',
    'addDefaultWorkflowOptions',
  ].map((name) => ({ path: [name], kind: 'sync' as const, source: `lib/workflow.d.ts (${name})` })),
  { path: ['isCancellation'], kind: 'sync', source: 'lib/errors.d.ts (isCancellation)' },
  { path: ['proxySinks'], kind: 'sync', source: 'lib/sinks.d.ts (proxySinks)' },
  // `log.info(...)` etc.: `WorkflowLogger extends Sink`, every method returns void
  { path: ['log', '*'], kind: 'sync', source: 'lib/logs.d.ts (log)' },
  { path: ['createNexusServiceClient'], kind: 'sync', source: 'lib/nexus.d.ts' },
  { path: ['getRandomStream'], kind: 'sync', source: 'lib/random-streams.d.ts' },
  { path: ['createEventGroup'], kind: 'sync', source: 'lib/event-groups.d.ts' },
  { path: ['CancellationScope', 'current'], kind: 'sync', source: 'lib/cancellation-scope.d.ts' },
  { path: ['CancellationScope', 'new', 'cancel'], kind: 'sync', source: 'lib/cancellation-scope.d.ts' },
  { path: ['CancellationScope', 'current', '()', 'cancel'], kind: 'sync', source: 'lib/cancellation-scope.d.ts' },
  ...['create', 'fromError', 'retryable', 'nonRetryable'].map((name) => ({
    path: ['ApplicationFailure', name],
    kind: 'sync' as const,
    source: '@temporalio/common lib/failure.d.ts (ApplicationFailure)',
  })),
];

/**
 * Synchronous exports that change workflow state or emit commands. Query handlers and update validators must not
 * call them (`workflow/src/index.ts`: query handlers "may not mutate any variables or use Activities, Timers, child
 * Workflows, etc."; facts §1.19, §1.22).
 */
export const STATE_CHANGING_APIS: readonly (readonly string[])[] = [
  ['setHandler'],
  ['setDefaultSignalHandler'],
  ['setDefaultUpdateHandler'],
  ['setDefaultQueryHandler'],
  // emits a `setPatchMarker` command on first call, memoised per id (src/workflow.ts patched, internals.ts)
  ['patched'],
  ['deprecatePatch'],
  // emit `upsertWorkflowSearchAttributes` / `modifyWorkflowProperties` commands
  ['upsertSearchAttributes'],
  ['upsertMemo'],
];

/** Export names of the message definition factories and the kind each creates (lib/workflow.d.ts). */
export const MESSAGE_DEFINERS = { defineSignal: 'signal', defineQuery: 'query', defineUpdate: 'update' } as const;

/** Predefined query definitions exported by the SDK (lib/workflow.d.ts). */
export const BUILTIN_QUERIES: readonly string[] = ['stackTraceQuery', 'enhancedStackTraceQuery', 'workflowMetadataQuery'];

/** Built-in `Error` constructors: thrown from workflow code they fail the workflow *task* (facts §1.13). */
export const BUILTIN_ERROR_CLASSES: readonly string[] = [
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
];

/**
 * `TemporalFailure` subclasses exported by `@temporalio/workflow` (re-exported from `@temporalio/common`): thrown from
 * workflow code they fail the workflow *execution* (`internals.ts` `handleWorkflowFailure`).
 */
export const TEMPORAL_FAILURE_CLASSES: readonly string[] = [
  'TemporalFailure',
  'ApplicationFailure',
  'ActivityFailure',
  'CancelledFailure',
  'ChildWorkflowFailure',
  'ServerFailure',
  'TerminatedFailure',
  'TimeoutFailure',
  'NexusOperationFailure',
];

/** Kinds whose promise rejects with a `CancelledFailure` (or a failure caused by one) when the scope is cancelled. */
export const CANCELLABLE_KINDS: ReadonlySet<WorkflowCallKind> = new Set<WorkflowCallKind>([
  'activity',
  'localActivity',
  'sleep',
  'condition',
  'childWorkflow',
  'externalHandle',
  'cancellationScope',
  'nexusOperation',
]);
