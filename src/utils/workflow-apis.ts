import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  PROMISE_APIS,
  STATE_CHANGING_APIS,
  SYNC_APIS,
  WORKFLOW_PACKAGE,
  type WorkflowApiEntry,
  type WorkflowCallKind,
} from '../sdk/workflow-api.js';
import { isFromPackage, unwrapExpression, type ModuleReference, type ReferenceResolver } from './references.js';

export type { WorkflowCallKind } from '../sdk/workflow-api.js';

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}

function lookup(entries: readonly WorkflowApiEntry[], path: readonly string[]): WorkflowApiEntry | undefined {
  return entries.find((entry) => matches(entry.path, path));
}

/** The `@temporalio/workflow` export path that `node` refers to, or undefined. */
export function workflowApiPath(resolver: ReferenceResolver, node: TSESTree.Node): string[] | undefined {
  const ref = resolver.resolve(node);
  return ref?.kind === 'module' && isFromPackage(ref.source, WORKFLOW_PACKAGE) ? ref.path : undefined;
}

/** True if `node` is the `@temporalio/workflow` export at `path` (aliases, namespaces and re-exports included). */
export function isWorkflowApi(resolver: ReferenceResolver, node: TSESTree.Node, ...path: string[]): boolean {
  const found = workflowApiPath(resolver, node);
  return found !== undefined && matches(path, found);
}

/** Kind of an export path of `@temporalio/workflow` as a callee; undefined when it is not a known API. */
export function classifyWorkflowPath(path: readonly string[]): WorkflowCallKind | undefined {
  return (lookup(PROMISE_APIS, path) ?? lookup(SYNC_APIS, path))?.kind;
}

/** `proxyActivities(...)` / `proxyLocalActivities(...)` (the proxy object itself). */
function proxyKind(path: readonly string[] | undefined): WorkflowCallKind | undefined {
  if (path?.length !== 2 || path[1] !== '()') return undefined;
  if (path[0] === 'proxyActivities') return 'activity';
  if (path[0] === 'proxyLocalActivities') return 'localActivity';
  return undefined;
}

/**
 * What a call in workflow code does, recognised by the callee's origin:
 * `'activity'` for `const { greet } = proxyActivities(opts); greet()` and `acts.greet()`, `'sleep'`, `'condition'`,
 * `'childWorkflow'`, `'continueAsNew'`, `'externalHandle'` (`getExternalWorkflowHandle(id).signal()`),
 * `'cancellationScope'` (`CancellationScope.cancellable(fn)`, `scope.run(fn)`), `'nexusOperation'`, `'sync'` for
 * synchronous SDK calls (`setHandler`, `defineSignal`, `uuid4`, `log.info`, ...), undefined for everything else.
 */
export function classifyWorkflowCall(
  resolver: ReferenceResolver,
  call: TSESTree.CallExpression,
): WorkflowCallKind | undefined {
  const callee = unwrapExpression(call.callee);
  const path = workflowApiPath(resolver, callee);
  if (path) {
    const kind = classifyWorkflowPath(path);
    if (kind) return kind;
  }
  // `acts[name]()`: a computed member of an activity proxy
  if (callee.type === T.MemberExpression && callee.computed) {
    return proxyKind(workflowApiPath(resolver, callee.object));
  }
  return undefined;
}

/** True for a call of an SDK export that emits a command or changes workflow state while being synchronous. */
export function isStateChangingCall(resolver: ReferenceResolver, call: TSESTree.CallExpression): boolean {
  const path = workflowApiPath(resolver, unwrapExpression(call.callee));
  return path !== undefined && STATE_CHANGING_APIS.some((p) => matches(p, path));
}

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * The Temporal operation whose promise `expr` is, looking through `.then/.catch/.finally` chains, `Promise.all([...])`
 * style combinators, and `const p = sleep(1)` bindings. Only promise-returning kinds are returned (never `'sync'`).
 */
export function temporalPromiseKind(
  resolver: ReferenceResolver,
  expr: TSESTree.Node,
  depth = 0,
): WorkflowCallKind | undefined {
  if (depth > 16) return undefined;
  const node = unwrapExpression(expr);
  if (node.type === T.CallExpression) {
    const kind = classifyWorkflowCall(resolver, node);
    if (kind && kind !== 'sync') return kind;
    const callee = unwrapExpression(node.callee);
    if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
      const method = callee.property.name;
      if (method === 'then' || method === 'catch' || method === 'finally') {
        return temporalPromiseKind(resolver, callee.object, depth + 1);
      }
      if (PROMISE_COMBINATORS.has(method) && isPromiseGlobal(resolver, callee.object)) {
        const arg = node.arguments[0];
        if (arg?.type === T.ArrayExpression) {
          for (const element of arg.elements) {
            if (!element) continue;
            const inner = temporalPromiseKind(
              resolver,
              element.type === T.SpreadElement ? element.argument : element,
              depth + 1,
            );
            if (inner) return inner;
          }
        }
      }
    }
    return undefined;
  }
  if (node.type === T.Identifier) {
    // `const p = sleep(1)`: the resolver sees the binding as the result of the call
    const ref = resolver.resolve(node);
    if (ref?.kind === 'module' && isFromPackage(ref.source, WORKFLOW_PACKAGE) && ref.path.at(-1) === '()') {
      const kind = classifyWorkflowPath(ref.path.slice(0, -1));
      if (kind && kind !== 'sync') return kind;
    }
  }
  return undefined;
}

function isPromiseGlobal(resolver: ReferenceResolver, node: TSESTree.Node): boolean {
  const ref = resolver.resolve(node);
  return ref?.kind === 'global' && ref.path.length === 1 && ref.path[0] === 'Promise';
}

/** The module reference of `node` when it is an export of `@temporalio/workflow` (or `@temporalio/common`). */
export function temporalExport(resolver: ReferenceResolver, node: TSESTree.Node): ModuleReference | undefined {
  const ref = resolver.resolve(node);
  if (ref?.kind !== 'module') return undefined;
  return isFromPackage(ref.source, WORKFLOW_PACKAGE) || isFromPackage(ref.source, '@temporalio/common') ? ref : undefined;
}
