import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { addNamedImport } from '../utils/fixers.js';
import { messageDefinitionKind } from '../utils/message-definitions.js';
import { isFromPackage, unwrapExpression } from '../utils/references.js';
import { staticString } from '../utils/static-string.js';
import { isFunctionNode, type FunctionNode } from '../utils/ast.js';
import { getWorkflowCodeContext, resolveLocalFunction } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds =
  | 'patchAtModuleScope'
  | 'nonLiteralPatchId'
  | 'patchInReadOnlyHandler'
  | 'patchedAndDeprecated'
  | 'patchedResultUnused'
  | 'useDeprecatePatch';

type PatchFn = 'patched' | 'deprecatePatch';

interface PatchCall {
  node: TSESTree.CallExpression;
  callee: TSESTree.Node;
  fn: PatchFn;
  /** The id when statically known. */
  id: string | undefined;
}

type ReadOnlyRole = 'query' | 'validator';

const READ_ONLY_DETAIL: Record<ReadOnlyRole, { handler: string; detail: string }> = {
  query: {
    handler: 'a query handler',
    detail:
      'queries run outside the workflow history, so the answer can differ from what the workflow code decides and no marker is recorded',
  },
  validator: {
    handler: 'an update validator',
    detail:
      'validators do not run when history is replayed, so a marker recorded there is missing on replay and the replay fails with a nondeterminism error',
  },
};

export default createRule<Options, MessageIds>({
  name: 'workflow-valid-patch',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `patched`/`deprecatePatch` calls with constant ids, inside workflow code that is replayed, and never both for one id',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      patchAtModuleScope:
        '`{{fn}}()` at module scope throws `IllegalStateError` ("Patches cannot be used before Workflow starts") when the module loads, which fails the first workflow task of every workflow in the bundle; call it inside the workflow function{{why}}.',
      nonLiteralPatchId:
        'The patch id passed to `{{fn}}()` is computed at run time: it is recorded in the workflow history and must be identical on every replay and in the later `deprecatePatch` step, so make it a string literal or a constant{{why}}.',
      patchInReadOnlyHandler: '`{{fn}}()` must not be called in {{handler}}: {{detail}}{{why}}.',
      patchedAndDeprecated:
        "Patch `{{id}}` is deprecated here but still checked with `patched('{{id}}')` in `{{workflow}}`: deprecate a patch only after its old branch is removed, together with every `patched('{{id}}')` call{{why}}.",
      patchedResultUnused:
        'The result of `patched({{id}})` is ignored, so old and new executions run the same code: branch on it, or call `deprecatePatch({{id}})` once the old branch is gone{{why}}.',
      useDeprecatePatch: 'Replace with `deprecatePatch({{id}})` (the patch marker is then recorded as deprecated).',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const sourceCode = context.sourceCode;
    const calls: PatchCall[] = [];
    const handlerCalls: TSESTree.CallExpression[] = [];

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== T.Identifier && callee.type !== T.MemberExpression) return;
        const ref = resolver.resolve(callee);
        if (ref?.kind !== 'module' || !isFromPackage(ref.source, WORKFLOW_PACKAGE) || ref.path.length !== 1) return;
        const name = ref.path[0];
        if (name === 'setHandler' || name === 'setDefaultQueryHandler') {
          handlerCalls.push(node);
          return;
        }
        if (name !== 'patched' && name !== 'deprecatePatch') return;

        const arg = node.arguments[0];
        let id: string | undefined;
        if (arg && arg.type !== T.SpreadElement) {
          const value = staticString(sourceCode, arg);
          if (value.kind === 'string') id = value.value;
          else if (value.kind === 'dynamic' || value.kind === 'nonString') {
            context.report({ node: arg, messageId: 'nonLiteralPatchId', data: { fn: name, why } });
          }
        }
        calls.push({ node, callee, fn: name, id });

        if (runsAtModuleLoad(node)) {
          context.report({ node, messageId: 'patchAtModuleScope', data: { fn: name, why } });
        }

        if (name === 'patched' && isDiscarded(node)) {
          const idText = arg ? sourceCode.getText(arg) : '';
          context.report({
            node,
            messageId: 'patchedResultUnused',
            data: { id: idText, why },
            suggest: [
              {
                messageId: 'useDeprecatePatch',
                data: { id: idText },
                fix(fixer) {
                  const { fixes, localName } = addNamedImport(fixer, sourceCode, {
                    source: WORKFLOW_PACKAGE,
                    name: 'deprecatePatch',
                    at: node,
                  });
                  return [...fixes, fixer.replaceText(callee, localName)];
                },
              },
            ],
          });
        }
      },

      'Program:exit'() {
        if (calls.length === 0) return;
        const roles = readOnlyHandlers(handlerCalls);
        for (const call of calls) {
          const role = enclosingReadOnlyRole(call.node, roles);
          if (role) {
            const { handler, detail } = READ_ONLY_DETAIL[role];
            context.report({ node: call.node, messageId: 'patchInReadOnlyHandler', data: { fn: call.fn, handler, detail, why } });
          }
        }

        // `patched(id)` and `deprecatePatch(id)` within one top-level function (one workflow).
        const groups = new Map<TSESTree.Node, PatchCall[]>();
        for (const call of calls) {
          if (call.id === undefined) continue;
          const owner = outermostFunction(call.node);
          if (!owner) continue;
          const list = groups.get(owner) ?? [];
          list.push(call);
          groups.set(owner, list);
        }
        for (const [owner, list] of groups) {
          const checked = new Set(list.filter((c) => c.fn === 'patched').map((c) => c.id));
          for (const call of list) {
            if (call.fn !== 'deprecatePatch' || call.id === undefined || !checked.has(call.id)) continue;
            context.report({
              node: call.node,
              messageId: 'patchedAndDeprecated',
              data: { id: call.id, workflow: functionName(owner), why },
            });
          }
        }
      },
    };

    /** Functions registered as query handlers or update validators (inline or through a local binding). */
    function readOnlyHandlers(setHandlerCalls: readonly TSESTree.CallExpression[]): Map<FunctionNode, ReadOnlyRole> {
      const roles = new Map<FunctionNode, ReadOnlyRole>();
      for (const call of setHandlerCalls) {
        const [def, handler, options] = call.arguments;
        const callee = resolver.resolve(unwrapExpression(call.callee));
        const isDefaultQuery = callee?.kind === 'module' && callee.path[0] === 'setDefaultQueryHandler';
        if (isDefaultQuery) {
          const fn = def ? resolveLocalFunction(sourceCode, def) : undefined;
          if (fn) roles.set(fn, 'query');
          continue;
        }
        if (!def || def.type === T.SpreadElement) continue;
        const kind = messageDefinitionKind(resolver, def, context);
        if (kind === 'query' && handler && handler.type !== T.SpreadElement) {
          const fn = resolveLocalFunction(sourceCode, handler);
          if (fn) roles.set(fn, 'query');
        }
        const opts = options ? unwrapExpression(options) : undefined;
        if (opts?.type === T.ObjectExpression) {
          for (const prop of opts.properties) {
            if (prop.type !== T.Property || prop.computed || prop.key.type !== T.Identifier || prop.key.name !== 'validator') {
              continue;
            }
            const fn = resolveLocalFunction(sourceCode, prop.value);
            if (fn) roles.set(fn, 'validator');
          }
        }
      }
      return roles;
    }
  },
});

function enclosingReadOnlyRole(node: TSESTree.Node, roles: ReadonlyMap<FunctionNode, ReadOnlyRole>): ReadOnlyRole | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      const role = roles.get(current);
      if (role) return role;
    }
  }
  return undefined;
}

/** True when `node` runs while the module is being loaded: not inside a function or an instance field initialiser. */
function runsAtModuleLoad(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return false;
    if (current.type === T.PropertyDefinition && !current.static && current.value === child) return false;
    child = current;
  }
  return true;
}

/** `patched('x');` as a statement (also through `void`, parentheses and TS wrappers). */
function isDiscarded(node: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = node;
  while (
    current.parent.type === T.TSAsExpression ||
    current.parent.type === T.TSNonNullExpression ||
    current.parent.type === T.ChainExpression
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  return parent.type === T.ExpressionStatement || (parent.type === T.UnaryExpression && parent.operator === 'void');
}

function outermostFunction(node: TSESTree.Node): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) found = current;
  }
  return found;
}

function functionName(fn: TSESTree.Node): string {
  if ((fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (parent?.type === T.Property && !parent.computed && parent.key.type === T.Identifier) return parent.key.name;
  return 'this workflow';
}
