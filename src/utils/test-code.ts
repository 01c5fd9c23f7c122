import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { Reference } from './references.js';
import { isFromPackage } from './references.js';

/** Static factories of `TestWorkflowEnvironment` (`packages/testing/src/testing-workflow-environment.ts`). */
const ENV_FACTORIES = new Set(['createTimeSkipping', 'createLocal', 'createFromExistingServer']);

/** `TestWorkflowEnvironment.createLocal()` and the other factories: the reference of the call's result. */
export function isTestEnvironmentCreation(ref: Reference | undefined): boolean {
  return (
    ref?.kind === 'module' &&
    isFromPackage(ref.source, '@temporalio/testing') &&
    ref.path.length === 3 &&
    ref.path[0] === 'TestWorkflowEnvironment' &&
    ENV_FACTORIES.has(ref.path[1] ?? '') &&
    ref.path[2] === '()'
  );
}

/** Cleanup hooks of mocha, jest, vitest, node:test, ava and tap. */
const CLEANUP_HOOKS = new Set(['after', 'afterAll', 'afterEach', 'teardown', 'onTestFinished', 'always']);

function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
    return callee.property.name;
  }
  return undefined;
}

/**
 * True when `node` runs even if the test fails: inside a `finally` block, or inside a function registered as a
 * cleanup hook (`after`, `afterAll`, `afterEach`, `test.after.always`, `t.teardown`, `onTestFinished`).
 */
export function isInCleanupContext(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === T.TryStatement && current.finalizer === child) return true;
    if (
      (child.type === T.FunctionExpression || child.type === T.ArrowFunctionExpression) &&
      current.type === T.CallExpression &&
      current.arguments.includes(child)
    ) {
      const name = calleeName(current.callee);
      if (name !== undefined && CLEANUP_HOOKS.has(name)) return true;
    }
  }
  return false;
}

/** The variable an expression's value is stored in: `const env = await X()` or `env = await X()`. */
export function assignedVariableName(expression: TSESTree.Node): TSESTree.Identifier | undefined {
  let node = expression;
  while (node.parent?.type === T.AwaitExpression || node.parent?.type === T.TSAsExpression || node.parent?.type === T.TSNonNullExpression) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === T.VariableDeclarator && parent.init === node && parent.id.type === T.Identifier) return parent.id;
  if (parent?.type === T.AssignmentExpression && parent.right === node && parent.left.type === T.Identifier) return parent.left;
  return undefined;
}
