/**
 * Query handlers and update validators: the read-only parts of a workflow, where the real clock and fresh entropy
 * (`workflowInfo().unsafe.now()`, `.unsafe.random`) are allowed because nothing they compute reaches history.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { messageDefinitionKind } from './message-definitions.js';
import type { ReferenceResolver } from './references.js';
import { isWorkflowApi } from './workflow-apis.js';
import { isFunctionNode, type FunctionNode } from './ast.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a function placed at `node` is registered as. `'unknownHandler'`: `setHandler` with a definition of unknown kind. */
export type HandlerSlot = 'query' | 'validator' | 'signal' | 'update' | 'unknownHandler';

const MAX_DEPTH = 8;

function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === T.TSAsExpression ||
      current.parent.type === T.TSSatisfiesExpression ||
      current.parent.type === T.TSNonNullExpression ||
      current.parent.type === T.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}

/**
 * The handler slot that `node` (a function, or an identifier naming one) fills: the handler argument of
 * `setHandler(def, node)`, the `validator` option of `setHandler(def, fn, { validator: node })`, or the argument of
 * `setDefault{Query,Signal,Update}Handler(node)`. Undefined when `node` is somewhere else.
 */
export function handlerSlot(node: TSESTree.Node, resolver: ReferenceResolver, context?: AnyContext): HandlerSlot | undefined {
  const self = skipWrappers(node);
  const parent = self.parent;
  if (!parent) return undefined;
  if (parent.type === T.CallExpression) {
    if (parent.arguments[1] === self && isWorkflowApi(resolver, parent.callee, 'setHandler')) {
      const def = parent.arguments[0];
      return (def && messageDefinitionKind(resolver, def, context)) ?? 'unknownHandler';
    }
    if (parent.arguments[0] === self) {
      if (isWorkflowApi(resolver, parent.callee, 'setDefaultQueryHandler')) return 'query';
      if (isWorkflowApi(resolver, parent.callee, 'setDefaultSignalHandler')) return 'signal';
      if (isWorkflowApi(resolver, parent.callee, 'setDefaultUpdateHandler')) return 'update';
    }
    return undefined;
  }
  if (parent.type === T.Property && parent.value === self) {
    const key = parent.key;
    const name = !parent.computed && key.type === T.Identifier ? key.name : key.type === T.Literal ? String(key.value) : undefined;
    if (name !== 'validator') return undefined;
    const options = skipWrappers(parent.parent);
    const call = options.parent;
    if (call?.type === T.CallExpression && call.arguments[2] === options && isWorkflowApi(resolver, call.callee, 'setHandler')) {
      return 'validator';
    }
  }
  return undefined;
}

function isReadOnlySlot(slot: HandlerSlot | undefined): boolean {
  // A handler whose definition cannot be classified may be a query: stay silent rather than guess.
  return slot === 'query' || slot === 'validator' || slot === 'unknownHandler';
}

/** The identifier a function is bound to: `function f() {}`, `const f = () => {}` / `function () {}`. */
function bindingOf(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === T.FunctionDeclaration) return fn.id ?? undefined;
  const parent = skipWrappers(fn).parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier && parent.parent.kind === 'const') {
    return parent.id;
  }
  return undefined;
}

/**
 * True if `node` only ever runs inside a query handler or an update validator: it is (inside) a function passed as
 * one, or a local function called or passed only from such places. Unknown handler kinds count as read-only.
 */
export function isInReadOnlyHandler(
  node: TSESTree.Node,
  resolver: ReferenceResolver,
  sourceCode: Readonly<TSESLint.SourceCode>,
  context?: AnyContext,
): boolean {
  try {
    return inReadOnly(node, resolver, sourceCode, context, 0, new Set());
  } catch {
    return false;
  }
}

function inReadOnly(
  node: TSESTree.Node,
  resolver: ReferenceResolver,
  sourceCode: Readonly<TSESLint.SourceCode>,
  context: AnyContext | undefined,
  depth: number,
  visiting: Set<FunctionNode>,
): boolean {
  if (depth > MAX_DEPTH) return false;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const slot = handlerSlot(current, resolver, context);
    if (slot !== undefined) return isReadOnlySlot(slot);
    const binding = bindingOf(current);
    if (!binding) continue;
    if (visiting.has(current)) return false;
    let variable: TSESLint.Scope.Variable | null;
    try {
      variable = ASTUtils.findVariable(sourceCode.getScope(binding), binding);
    } catch {
      variable = null;
    }
    const uses = variable?.references.filter((r) => r.identifier !== binding && !r.init) ?? [];
    if (uses.length === 0) continue;
    visiting.add(current);
    const allReadOnly = uses.every((use) => {
      const id = use.identifier;
      const slotOfUse = handlerSlot(id, resolver, context);
      if (slotOfUse !== undefined) return isReadOnlySlot(slotOfUse);
      const parent = skipWrappers(id).parent;
      if (parent?.type === T.CallExpression && parent.callee === skipWrappers(id)) {
        return inReadOnly(id, resolver, sourceCode, context, depth + 1, visiting);
      }
      return false;
    });
    visiting.delete(current);
    return allReadOnly;
  }
  return false;
}
