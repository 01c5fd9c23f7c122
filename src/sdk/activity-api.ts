/**
 * What `@temporalio/activity` 1.24 exports for heartbeats, cancellation and sleeping, as export paths in the form the
 * `ReferenceResolver` yields (`Context.current().heartbeat` → `['Context', 'current', '()', 'heartbeat']`).
 * Source: `node_modules/@temporalio/activity/src/index.ts` (`Context`, `heartbeat`, `sleep`, `cancelled`,
 * `cancellationSignal`). The worker's `Activity.cancel()` (`@temporalio/worker` `src/activity.ts`) aborts the
 * signal and rejects `cancelled` together, with a `CancelledFailure`.
 */

export const ACTIVITY_PACKAGE = '@temporalio/activity';

const CONTEXT = ['Context', 'current', '()'] as const;

/** `heartbeat(details)` and `Context.current().heartbeat(details)`. */
export const HEARTBEAT_PATHS: readonly (readonly string[])[] = [['heartbeat'], [...CONTEXT, 'heartbeat']];

/** Promises that reject with `CancelledFailure` on cancellation: `sleep()`, `cancelled()`, and their `Context` forms. */
export const CANCELLATION_PROMISE_PATHS: readonly (readonly string[])[] = [
  ['sleep', '()'],
  ['cancelled', '()'],
  [...CONTEXT, 'sleep', '()'],
  [...CONTEXT, 'cancelled'],
];

/** The activity's `AbortSignal`: `cancellationSignal()` and `Context.current().cancellationSignal`. */
export const CANCELLATION_SIGNAL_PATHS: readonly (readonly string[])[] = [
  ['cancellationSignal', '()'],
  [...CONTEXT, 'cancellationSignal'],
];

/** The activity's cancellable `sleep()`. */
export const ACTIVITY_SLEEP_PATHS: readonly (readonly string[])[] = [['sleep'], [...CONTEXT, 'sleep']];

export function matchesAnyPath(paths: readonly (readonly string[])[], path: readonly string[]): boolean {
  return paths.some((p) => p.length === path.length && p.every((segment, i) => segment === path[i]));
}
