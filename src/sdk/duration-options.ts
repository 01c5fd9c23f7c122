/**
 * Where the Temporal TypeScript SDK (1.24) takes a `Duration` or a `RetryPolicy`: option shapes, the calls that take
 * them, and the type names that mark an object as one of them. One place for `valid-duration`, `valid-retry-policy`,
 * `require-activity-timeout` and `require-activity-retry-policy`.
 *
 * Sources (node_modules/@temporalio/*): `common/src/activity-options.ts`, `common/src/retry-policy.ts`,
 * `common/src/workflow-options.ts`, `common/src/failure.ts`, `workflow/src/workflow.ts`, `workflow/src/interfaces.ts`,
 * `workflow/src/cancellation-scope.ts`, `client/src/workflow-options.ts`, `client/src/workflow-client.ts`,
 * `client/src/schedule-types.ts`, `client/src/schedule-helpers.ts`, `client/src/activity-client.ts`,
 * `worker/src/worker-options.ts`, `activity/src/index.ts`, `testing/src/testing-workflow-environment.ts`.
 */

/** What happens at run time when a value in this position is invalid; completes "… so …" in messages. */
export type FailurePoint = 'workflowTask' | 'client' | 'schedule' | 'worker' | 'activity' | 'test' | 'failure' | 'unknown';

export const FAILURE_TEXT: Readonly<Record<FailurePoint, string>> = {
  workflowTask: 'the workflow task fails and is retried until the code is fixed',
  client: 'the client call throws',
  schedule: 'creating the schedule throws',
  worker: '`Worker.create` throws',
  activity: 'the activity throws',
  test: 'the test throws',
  failure: 'converting the failure throws',
  unknown: 'the code that uses it fails',
};

export interface DurationTraits {
  /**
   * A small whole number (1–99) here is almost certainly seconds written as milliseconds. False where short
   * millisecond values are normal (local `setTimeout`-based sleeps in activities and tests).
   */
  suspicious: boolean;
  /**
   * A negative value is certainly rejected: the server refuses negative activity and workflow timeouts
   * ("A valid timeout may not be negative"), Core refuses negative local-activity timeouts ("Could not convert").
   * False where negatives are clamped (`sleep`, `condition`: `Math.max(1, ms)`) or their fate is not certain.
   */
  negativeRejected: boolean;
}

const TIMEOUT: DurationTraits = { suspicious: true, negativeRejected: true };
const INTERVAL: DurationTraits = { suspicious: true, negativeRejected: false };
const TIMER: DurationTraits = { suspicious: true, negativeRejected: false };
const LOCAL_TIMER: DurationTraits = { suspicious: false, negativeRejected: false };

export type ShapeName =
  | 'activityOptions'
  | 'localActivityOptions'
  | 'retryPolicy'
  | 'childWorkflowOptions'
  | 'continueAsNewOptions'
  | 'workflowStartOptions'
  | 'clientActivityOptions'
  | 'scheduleOptions'
  | 'scheduleSpec'
  | 'scheduleInterval'
  | 'schedulePolicies'
  | 'scheduleAction'
  | 'workerOptions'
  | 'cancellationScopeOptions'
  | 'applicationFailureOptions';

export interface Shape {
  /** Keys whose value is a `Duration`. */
  durations: Readonly<Record<string, DurationTraits>>;
  /** Keys whose value is another shape (`retry` → `retryPolicy`); `array: true` for arrays of it. */
  nested?: Readonly<Record<string, { shape: ShapeName; array?: boolean }>>;
  failure: FailurePoint;
  /** A display name for messages. */
  display: string;
}

const WORKFLOW_TIMEOUTS = {
  workflowExecutionTimeout: TIMEOUT,
  workflowRunTimeout: TIMEOUT,
  workflowTaskTimeout: TIMEOUT,
} as const;

const RETRY = { retry: { shape: 'retryPolicy' } } as const;

export const SHAPES: Readonly<Record<ShapeName, Shape>> = {
  // common/src/activity-options.ts:82-196; converted in workflow/src/workflow.ts scheduleActivityNextHandler
  activityOptions: {
    display: 'activity options',
    durations: {
      heartbeatTimeout: TIMEOUT,
      startToCloseTimeout: TIMEOUT,
      scheduleToStartTimeout: TIMEOUT,
      scheduleToCloseTimeout: TIMEOUT,
    },
    nested: RETRY,
    failure: 'workflowTask',
  },
  // common/src/activity-options.ts:200-260; workflow/src/workflow.ts scheduleLocalActivityNextHandler
  localActivityOptions: {
    display: 'local activity options',
    durations: {
      startToCloseTimeout: TIMEOUT,
      scheduleToStartTimeout: TIMEOUT,
      scheduleToCloseTimeout: TIMEOUT,
      localRetryThreshold: INTERVAL,
    },
    nested: RETRY,
    failure: 'workflowTask',
  },
  // common/src/retry-policy.ts compileRetryPolicy; the failure point is the enclosing shape's
  retryPolicy: {
    display: 'retry policy',
    durations: { initialInterval: INTERVAL, maximumInterval: INTERVAL },
    failure: 'unknown',
  },
  // workflow/src/interfaces.ts ChildWorkflowOptions extends CommonWorkflowOptions (common/src/workflow-options.ts)
  childWorkflowOptions: {
    display: 'child workflow options',
    durations: WORKFLOW_TIMEOUTS,
    nested: RETRY,
    failure: 'workflowTask',
  },
  // workflow/src/interfaces.ts ContinueAsNewOptions
  continueAsNewOptions: {
    display: 'continue-as-new options',
    durations: { workflowRunTimeout: TIMEOUT, workflowTaskTimeout: TIMEOUT, backoffStartInterval: INTERVAL },
    failure: 'workflowTask',
  },
  // client/src/workflow-options.ts WorkflowOptions (+ startDelay); workflow-client.ts compiles `retry`
  workflowStartOptions: {
    display: 'workflow start options',
    durations: { ...WORKFLOW_TIMEOUTS, startDelay: INTERVAL },
    nested: RETRY,
    failure: 'client',
  },
  // client/src/activity-client.ts ActivityOptions (standalone activities)
  clientActivityOptions: {
    display: 'activity options',
    durations: {
      heartbeatTimeout: TIMEOUT,
      startToCloseTimeout: TIMEOUT,
      scheduleToStartTimeout: TIMEOUT,
      scheduleToCloseTimeout: TIMEOUT,
      startDelay: INTERVAL,
    },
    nested: RETRY,
    failure: 'client',
  },
  // client/src/schedule-types.ts ScheduleOptions; schedule-helpers.ts compiles every field
  scheduleOptions: {
    display: 'schedule options',
    durations: {},
    nested: {
      spec: { shape: 'scheduleSpec' },
      policies: { shape: 'schedulePolicies' },
      action: { shape: 'scheduleAction' },
    },
    failure: 'schedule',
  },
  scheduleSpec: {
    display: 'schedule spec',
    durations: { jitter: INTERVAL },
    nested: { intervals: { shape: 'scheduleInterval', array: true } },
    failure: 'schedule',
  },
  scheduleInterval: {
    display: 'schedule interval',
    durations: { every: INTERVAL, offset: INTERVAL },
    failure: 'schedule',
  },
  schedulePolicies: {
    display: 'schedule policies',
    durations: { catchupWindow: INTERVAL },
    failure: 'schedule',
  },
  scheduleAction: {
    display: 'schedule action',
    durations: WORKFLOW_TIMEOUTS,
    nested: RETRY,
    failure: 'schedule',
  },
  // worker/src/worker-options.ts WorkerOptions; compileWorkerOptions converts with msToNumber
  workerOptions: {
    display: 'worker options',
    durations: {
      shutdownGraceTime: INTERVAL,
      shutdownForceTime: INTERVAL,
      stickyQueueScheduleToStartTimeout: INTERVAL,
      maxHeartbeatThrottleInterval: INTERVAL,
      defaultHeartbeatThrottleInterval: INTERVAL,
    },
    failure: 'worker',
  },
  // workflow/src/cancellation-scope.ts CancellationScopeOptions.timeout (a timer)
  cancellationScopeOptions: {
    display: 'cancellation scope options',
    durations: { timeout: TIMER },
    failure: 'workflowTask',
  },
  // common/src/failure.ts ApplicationFailureOptions.nextRetryDelay
  applicationFailureOptions: {
    display: 'application failure options',
    durations: { nextRetryDelay: INTERVAL },
    failure: 'failure',
  },
};

/** Every package that re-exports the common types and `ApplicationFailure`. */
export const TEMPORAL_PACKAGES = [
  '@temporalio/workflow',
  '@temporalio/activity',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/common',
  '@temporalio/testing',
] as const;

const WF = ['@temporalio/workflow'] as const;

/** A call (or `new`) that takes an options object of a known shape. */
export interface OptionsCall {
  packages: readonly string[];
  /** Export path of the callee (`['proxyActivities']`, `['Worker', 'create']`). */
  path: readonly string[];
  /** `new X(...)` rather than a call. */
  construct?: boolean;
  argument: number;
  shape: ShapeName;
  /** Display name for messages. */
  name: string;
}

export const OPTIONS_CALLS: readonly OptionsCall[] = [
  { packages: WF, path: ['proxyActivities'], argument: 0, shape: 'activityOptions', name: 'proxyActivities' },
  { packages: WF, path: ['proxyLocalActivities'], argument: 0, shape: 'localActivityOptions', name: 'proxyLocalActivities' },
  { packages: WF, path: ['executeChild'], argument: 1, shape: 'childWorkflowOptions', name: 'executeChild' },
  { packages: WF, path: ['startChild'], argument: 1, shape: 'childWorkflowOptions', name: 'startChild' },
  { packages: WF, path: ['makeContinueAsNewFunc'], argument: 0, shape: 'continueAsNewOptions', name: 'makeContinueAsNewFunc' },
  {
    packages: WF,
    path: ['CancellationScope'],
    construct: true,
    argument: 0,
    shape: 'cancellationScopeOptions',
    name: 'new CancellationScope',
  },
  {
    packages: ['@temporalio/client'],
    path: ['WithStartWorkflowOperation'],
    construct: true,
    argument: 1,
    shape: 'workflowStartOptions',
    name: 'new WithStartWorkflowOperation',
  },
  { packages: ['@temporalio/worker'], path: ['Worker', 'create'], argument: 0, shape: 'workerOptions', name: 'Worker.create' },
  {
    packages: TEMPORAL_PACKAGES,
    path: ['ApplicationFailure', 'create'],
    argument: 0,
    shape: 'applicationFailureOptions',
    name: 'ApplicationFailure.create',
  },
  {
    packages: TEMPORAL_PACKAGES,
    path: ['ApplicationFailure', 'fromError'],
    argument: 1,
    shape: 'applicationFailureOptions',
    name: 'ApplicationFailure.fromError',
  },
];

/** A call (or `new`) that takes a `Duration` as a positional argument. */
export interface DurationCall {
  packages: readonly string[];
  path: readonly string[];
  construct?: boolean;
  argument: number;
  traits: DurationTraits;
  failure: FailurePoint;
  name: string;
}

export const DURATION_CALLS: readonly DurationCall[] = [
  // workflow/src/workflow.ts sleep: Math.max(1, msToNumber(ms))
  { packages: WF, path: ['sleep'], argument: 0, traits: TIMER, failure: 'workflowTask', name: 'sleep' },
  // workflow/src/workflow.ts condition(fn, timeout)
  { packages: WF, path: ['condition'], argument: 1, traits: TIMER, failure: 'workflowTask', name: 'condition' },
  {
    packages: WF,
    path: ['CancellationScope', 'withTimeout'],
    argument: 0,
    traits: TIMER,
    failure: 'workflowTask',
    name: 'CancellationScope.withTimeout',
  },
  // activity/src/index.ts sleep / Context#sleep: setTimeout(resolve, msToNumber(ms))
  { packages: ['@temporalio/activity'], path: ['sleep'], argument: 0, traits: LOCAL_TIMER, failure: 'activity', name: 'sleep' },
  {
    packages: ['@temporalio/activity'],
    path: ['Context', 'current', '()', 'sleep'],
    argument: 0,
    traits: LOCAL_TIMER,
    failure: 'activity',
    name: 'Context.current().sleep',
  },
  // common/src/failure.ts: new ApplicationFailure(message, type, nonRetryable, details, cause, nextRetryDelay)
  {
    packages: TEMPORAL_PACKAGES,
    path: ['ApplicationFailure'],
    construct: true,
    argument: 5,
    traits: INTERVAL,
    failure: 'failure',
    name: 'new ApplicationFailure',
  },
];

/** `TestWorkflowEnvironment#sleep(duration)` (testing/src/testing-workflow-environment.ts). */
export const TEST_ENV_SLEEP: Omit<DurationCall, 'packages' | 'path'> = {
  argument: 0,
  traits: LOCAL_TIMER,
  failure: 'test',
  name: 'TestWorkflowEnvironment#sleep',
};

/** `client.workflow.<method>(workflow, options)` and the legacy `WorkflowClient#<method>`. */
export const CLIENT_WORKFLOW_METHODS: Readonly<Record<string, number>> = {
  start: 1,
  execute: 1,
  signalWithStart: 1,
};

/** `client.schedule.create(options)`. */
export const CLIENT_SCHEDULE_METHODS: Readonly<Record<string, number>> = { create: 0 };

/** `client.activity.start(name, options)` (standalone activities). */
export const CLIENT_ACTIVITY_METHODS: Readonly<Record<string, number>> = { start: 1, execute: 1 };

/**
 * Type names that mark an object as options of a shape (`const o: ActivityOptions = {...}`, `satisfies`, `as`),
 * per package. `ActivityOptions` from `@temporalio/client` is the standalone-activity shape.
 */
export const OPTIONS_TYPES: Readonly<Record<string, ShapeName>> = {
  ActivityOptions: 'activityOptions',
  LocalActivityOptions: 'localActivityOptions',
  RetryPolicy: 'retryPolicy',
  ChildWorkflowOptions: 'childWorkflowOptions',
  ContinueAsNewOptions: 'continueAsNewOptions',
  WorkflowOptions: 'workflowStartOptions',
  WorkflowStartOptions: 'workflowStartOptions',
  WorkflowSignalWithStartOptions: 'workflowStartOptions',
  ScheduleOptions: 'scheduleOptions',
  ScheduleOptionsAction: 'scheduleAction',
  IntervalSpec: 'scheduleInterval',
  ScheduleSpec: 'scheduleSpec',
  WorkerOptions: 'workerOptions',
  CancellationScopeOptions: 'cancellationScopeOptions',
  ApplicationFailureOptions: 'applicationFailureOptions',
};

export const CLIENT_OPTIONS_TYPES: Readonly<Record<string, ShapeName>> = {
  ...OPTIONS_TYPES,
  ActivityOptions: 'clientActivityOptions',
};

/** The close timeouts of which activities need at least one (workflow/src/workflow.ts validateActivityOptions). */
export const CLOSE_TIMEOUTS = ['startToCloseTimeout', 'scheduleToCloseTimeout'] as const;

/** Values of `TemporalTimeout:<type>` the server accepts in `nonRetryableErrorTypes` (server retrypolicy.Validate). */
export const TIMEOUT_FAILURE_PREFIX = 'TemporalTimeout:';
export const TIMEOUT_TYPES = [
  'StartToClose',
  'ScheduleToStart',
  'ScheduleToClose',
  'Heartbeat',
  'TIMEOUT_TYPE_START_TO_CLOSE',
  'TIMEOUT_TYPE_SCHEDULE_TO_START',
  'TIMEOUT_TYPE_SCHEDULE_TO_CLOSE',
  'TIMEOUT_TYPE_HEARTBEAT',
] as const;
