// Alphabetical map of every rule. Adding a rule: import it here and add one entry.
import type { TSESLint } from '@typescript-eslint/utils';
import type { TemporalRuleDocs } from '../utils/create-rule.js';
import activityHeartbeatInLoops from './activity-heartbeat-in-loops.js';
import activityHeartbeatTimeoutConsistency from './activity-heartbeat-timeout-consistency.js';
import activityNoBlockingCalls from './activity-no-blocking-calls.js';
import activityNoWorkflowApis from './activity-no-workflow-apis.js';
import activityRespectCancellation from './activity-respect-cancellation.js';
import clientKnownWorkflowType from './client-known-workflow-type.js';
import clientRequireWorkflowId from './client-require-workflow-id.js';
import consistentTaskQueue from './consistent-task-queue.js';
import noTemporalInternalImports from './no-temporal-internal-imports.js';
import requireActivityRetryPolicy from './require-activity-retry-policy.js';
import requireActivityTimeout from './require-activity-timeout.js';
import requireReplayTest from './require-replay-test.js';
import testCheckReplayErrors from './test-check-replay-errors.js';
import testPreferTimeSkipping from './test-prefer-time-skipping.js';
import testRequireTeardown from './test-require-teardown.js';
import testWorkerConnection from './test-worker-connection.js';
import validDuration from './valid-duration.js';
import validRetryPolicy from './valid-retry-policy.js';
import workerGracefulShutdown from './worker-graceful-shutdown.js';
import workerRegistersActivities from './worker-registers-activities.js';
import workerValidOptions from './worker-valid-options.js';
import workerValidWorkflowsPath from './worker-valid-workflows-path.js';
import workflowNoActivityImplementation from './workflow-no-activity-implementation.js';
import workflowNoBusyWait from './workflow-no-busy-wait.js';
import workflowNoDisallowedModules from './workflow-no-disallowed-modules.js';
import workflowNoFloatingPromises from './workflow-no-floating-promises.js';
import workflowNoGlobalState from './workflow-no-global-state.js';
import workflowNoHostDependentTime from './workflow-no-host-dependent-time.js';
import workflowNoSwallowedCancellation from './workflow-no-swallowed-cancellation.js';
import workflowNoUnsafeRandom from './workflow-no-unsafe-random.js';
import workflowNoUnsupportedGlobals from './workflow-no-unsupported-globals.js';
import workflowPreferApplicationFailure from './workflow-prefer-application-failure.js';
import workflowPreferLog from './workflow-prefer-log.js';
import workflowRequireAllHandlersFinished from './workflow-require-all-handlers-finished.js';
import workflowSetHandlersEarly from './workflow-set-handlers-early.js';
import workflowValidMessageDefinitions from './workflow-valid-message-definitions.js';
import workflowValidPatch from './workflow-valid-patch.js';
import workflowValidQueryHandler from './workflow-valid-query-handler.js';
import workflowValidSinkUsage from './workflow-valid-sink-usage.js';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], TemporalRuleDocs>> = {
  'activity-heartbeat-in-loops': activityHeartbeatInLoops,
  'activity-heartbeat-timeout-consistency': activityHeartbeatTimeoutConsistency,
  'activity-no-blocking-calls': activityNoBlockingCalls,
  'activity-no-workflow-apis': activityNoWorkflowApis,
  'activity-respect-cancellation': activityRespectCancellation,
  'client-known-workflow-type': clientKnownWorkflowType,
  'client-require-workflow-id': clientRequireWorkflowId,
  'consistent-task-queue': consistentTaskQueue,
  'no-temporal-internal-imports': noTemporalInternalImports,
  'require-activity-retry-policy': requireActivityRetryPolicy,
  'require-activity-timeout': requireActivityTimeout,
  'require-replay-test': requireReplayTest,
  'test-check-replay-errors': testCheckReplayErrors,
  'test-prefer-time-skipping': testPreferTimeSkipping,
  'test-require-teardown': testRequireTeardown,
  'test-worker-connection': testWorkerConnection,
  'valid-duration': validDuration,
  'valid-retry-policy': validRetryPolicy,
  'worker-graceful-shutdown': workerGracefulShutdown,
  'worker-registers-activities': workerRegistersActivities,
  'worker-valid-options': workerValidOptions,
  'worker-valid-workflows-path': workerValidWorkflowsPath,
  'workflow-no-activity-implementation': workflowNoActivityImplementation,
  'workflow-no-busy-wait': workflowNoBusyWait,
  'workflow-no-disallowed-modules': workflowNoDisallowedModules,
  'workflow-no-floating-promises': workflowNoFloatingPromises,
  'workflow-no-global-state': workflowNoGlobalState,
  'workflow-no-host-dependent-time': workflowNoHostDependentTime,
  'workflow-no-swallowed-cancellation': workflowNoSwallowedCancellation,
  'workflow-no-unsafe-random': workflowNoUnsafeRandom,
  'workflow-no-unsupported-globals': workflowNoUnsupportedGlobals,
  'workflow-prefer-application-failure': workflowPreferApplicationFailure,
  'workflow-prefer-log': workflowPreferLog,
  'workflow-require-all-handlers-finished': workflowRequireAllHandlersFinished,
  'workflow-set-handlers-early': workflowSetHandlersEarly,
  'workflow-valid-message-definitions': workflowValidMessageDefinitions,
  'workflow-valid-patch': workflowValidPatch,
  'workflow-valid-query-handler': workflowValidQueryHandler,
  'workflow-valid-sink-usage': workflowValidSinkUsage,
};
