/**
 * Generic AST helpers shared by the rules and the other utils: function nodes, the enclosing function of a node,
 * and type-only wrappers around an expression.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === T.FunctionDeclaration ||
    node?.type === T.FunctionExpression ||
    node?.type === T.ArrowFunctionExpression
  );
}

/** The innermost function that contains `node` (not `node` itself), or undefined at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** `x as T`, `x satisfies T`, `x!`, `<T>x` → `x`. */
export function stripTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === T.TSAsExpression ||
    current.type === T.TSSatisfiesExpression ||
    current.type === T.TSNonNullExpression ||
    current.type === T.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}
