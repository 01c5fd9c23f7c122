/**
 * Names the Temporal SDK reserves for its own queries, signals, updates and sinks
 * (`@temporalio/common` 1.24 `src/reserved.ts`). `throwIfReservedName(type, name)` throws a `TypeError` for them;
 * `setHandler` calls it for every definition (`@temporalio/workflow` `src/workflow.ts`, `setHandler`), and
 * `Worker.create` for sink and activity names (`@temporalio/worker` `src/worker-options.ts`).
 */

export type ReservedEntityType = 'query' | 'signal' | 'update' | 'sink';

/** `TEMPORAL_RESERVED_PREFIX`. */
export const TEMPORAL_RESERVED_PREFIX = '__temporal_';

/** `STACK_TRACE_QUERY_NAME` and `ENHANCED_STACK_TRACE_QUERY_NAME`: reserved for every entity type. */
export const RESERVED_EXACT_NAMES: readonly string[] = ['__stack_trace', '__enhanced_stack_trace'];

/**
 * `INTERNAL_RESERVED_NAME_ALLOWLIST`: prefixed names that first-party contrib packages may register as exactly this
 * entity type (`@temporalio/workflow-streams`, `@temporalio/openai-agents`, `@temporalio/langsmith`).
 */
export const INTERNAL_RESERVED_NAME_ALLOWLIST: ReadonlyMap<string, ReservedEntityType> = new Map([
  ['__temporal_workflow_stream_publish', 'signal'],
  ['__temporal_workflow_stream_poll', 'update'],
  ['__temporal_workflow_stream_offset', 'query'],
  ['__temporal_openai_agents_tracing', 'sink'],
  ['__temporal_langsmith', 'sink'],
]);

/** Why `name` is reserved for `type` (`'the \`__temporal_\` prefix'`, `'a name of a built-in query'`), or undefined. */
export function reservedNameReason(type: ReservedEntityType, name: string): string | undefined {
  if (name.startsWith(TEMPORAL_RESERVED_PREFIX) && INTERNAL_RESERVED_NAME_ALLOWLIST.get(name) !== type) {
    return `the \`${TEMPORAL_RESERVED_PREFIX}\` prefix`;
  }
  if (RESERVED_EXACT_NAMES.includes(name)) return 'a built-in query name';
  return undefined;
}
