/**
 * Code that runs while a module is being loaded: top-level statements and initialisers, static class members and
 * static blocks, and the synchronous bodies of immediately invoked function expressions at that level.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from './ast.js';

/** `(() => { ... })()`, `(function () { ... })()`, `(async () => { ... })()`. */
export function isImmediatelyInvoked(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.callee === fn;
}

/** True when `node` runs while its module is loaded (not inside a function that is merely defined there). */
export function runsAtModuleLoad(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      if (!isImmediatelyInvoked(current) || current.body !== child) return false;
      // An async IIFE runs synchronously only up to its first `await`; everything in it is treated as load time.
      continue;
    }
    if ((current.type === T.PropertyDefinition || current.type === T.AccessorProperty) && current.value === child && !current.static) {
      return false;
    }
  }
  return true;
}
