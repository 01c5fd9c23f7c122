import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';
import { messageDefinitionKind } from '../utils/message-definitions.js';
import { unwrapExpression } from '../utils/references.js';
import { classifyWorkflowCall, isStateChangingCall, isWorkflowApi } from '../utils/workflow-apis.js';
import { type FunctionNode } from '../utils/ast.js';
import { getWorkflowCodeContext, resolveLocalFunction, walk } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds =
  | 'asyncQueryHandler'
  | 'asyncValidator'
  | 'mutationInQueryHandler'
  | 'mutationInValidator'
  | 'workflowCallInQueryHandler'
  | 'workflowCallInValidator';

type Role = 'query' | 'validator';

const MESSAGE: Record<Role, { async: MessageIds; mutation: MessageIds; call: MessageIds }> = {
  query: { async: 'asyncQueryHandler', mutation: 'mutationInQueryHandler', call: 'workflowCallInQueryHandler' },
  validator: { async: 'asyncValidator', mutation: 'mutationInValidator', call: 'workflowCallInValidator' },
};

/** Methods that change the array, map or set they are called on. */
const MUTATING_METHODS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'set',
  'add',
  'delete',
  'clear',
]);

/** `a.b.c` → `a`; `this.x` → `this`; anything else (calls, literals) → undefined. */
function baseOf(node: TSESTree.Node): TSESTree.Identifier | TSESTree.ThisExpression | undefined {
  let current = unwrapExpression(node);
  while (current.type === T.MemberExpression) current = unwrapExpression(current.object);
  return current.type === T.Identifier || current.type === T.ThisExpression ? current : undefined;
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

export default createRule<Options, MessageIds>({
  name: 'workflow-valid-query-handler',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow async code, state changes and Temporal commands in query handlers and update validators',
      recommended: 'error',
    },
    schema: [],
    messages: {
      asyncQueryHandler:
        'This query handler is async: the SDK fails every query whose handler returns a promise (`Query handlers should not return a Promise`){{why}}. Make it synchronous and only read workflow state.',
      asyncValidator:
        'This update validator is async: the SDK ignores the promise it returns, so the update is accepted even when validation fails, and the rejection fails the workflow task as an unhandled rejection{{why}}. Make the validator synchronous.',
      mutationInQueryHandler:
        'This query handler changes `{{name}}`, which lives outside it: queries are not part of the workflow history, so the change is not reproduced on replay and the workflow can diverge{{why}}.',
      mutationInValidator:
        'This update validator changes `{{name}}`, which lives outside it: validators do not run during replay, so the change is not reproduced and the workflow can diverge{{why}}.',
      workflowCallInQueryHandler:
        '`{{callee}}` in a query handler: query handlers must not schedule activities, timers or child workflows or change workflow state, because queries are not part of the workflow history{{why}}.',
      workflowCallInValidator:
        '`{{callee}}` in an update validator: validators must be synchronous and read-only, and they do not run during replay, so the command or state change is not reproduced{{why}}.',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const { sourceCode } = context;
    const checked = new Set<string>();

    const isOuter = (base: TSESTree.Identifier | TSESTree.ThisExpression, fn: FunctionNode): boolean => {
      if (base.type === T.ThisExpression) return true;
      let variable: TSESLint.Scope.Variable | null;
      try {
        variable = ASTUtils.findVariable(sourceCode.getScope(base), base);
      } catch {
        return false;
      }
      const def = variable?.defs[0];
      // an implicit global is outside too
      if (!variable || !def) return true;
      return !within(def.name, fn);
    };

    const reportMutation = (node: TSESTree.Node, target: TSESTree.Node, fn: FunctionNode, role: Role): void => {
      const base = baseOf(target);
      if (!base || !isOuter(base, fn)) return;
      const name = sourceCode.getText(unwrapExpression(target)).replace(/\s+/g, ' ');
      context.report({
        node,
        messageId: MESSAGE[role].mutation,
        data: { name: name.length > 40 ? `${name.slice(0, 37)}...` : name, why },
      });
    };

    const check = (handler: TSESTree.Node | undefined, role: Role): void => {
      if (!handler) return;
      const fn = resolveLocalFunction(sourceCode, handler);
      if (!fn) return;
      const key = `${role}:${String(fn.range[0])}`;
      if (checked.has(key)) return;
      checked.add(key);

      if (fn.async) {
        const owner =
          (fn.parent.type === T.Property && fn.parent.method) || fn.parent.type === T.MethodDefinition ? fn.parent : fn;
        const first = sourceCode.getFirstToken(owner);
        const loc = first?.value === 'async' ? first.loc : { start: fn.loc.start, end: fn.loc.start };
        context.report({ loc, messageId: MESSAGE[role].async, data: { why } });
      }

      walk(fn.body, sourceCode.visitorKeys, (node) => {
        switch (node.type) {
          case T.AssignmentExpression:
            reportMutation(node, node.left, fn, role);
            break;
          case T.UpdateExpression:
            reportMutation(node, node.argument, fn, role);
            break;
          case T.UnaryExpression:
            if (node.operator === 'delete') reportMutation(node, node.argument, fn, role);
            break;
          case T.CallExpression: {
            const kind = classifyWorkflowCall(resolver, node);
            if ((kind !== undefined && kind !== 'sync') || isStateChangingCall(resolver, node)) {
              const callee = sourceCode.getText(unwrapExpression(node.callee)).replace(/\s+/g, ' ');
              context.report({
                node,
                messageId: MESSAGE[role].call,
                data: { callee: callee.length > 40 ? `${callee.slice(0, 37)}...` : callee, why },
              });
              break;
            }
            const callee = unwrapExpression(node.callee);
            if (
              callee.type === T.MemberExpression &&
              !callee.computed &&
              callee.property.type === T.Identifier &&
              MUTATING_METHODS.has(callee.property.name) &&
              unwrapExpression(callee.object).type !== T.ThisExpression
            ) {
              reportMutation(node, callee.object, fn, role);
              break;
            }
            // Object.assign(outer, ...), Object.defineProperty(outer, ...)
            const ref = resolver.resolve(callee);
            const first = node.arguments[0];
            if (
              first &&
              ref?.kind === 'global' &&
              ref.path[0] === 'Object' &&
              (ref.path[1] === 'assign' || ref.path[1] === 'defineProperty' || ref.path[1] === 'defineProperties')
            ) {
              reportMutation(node, first, fn, role);
            }
            break;
          }
          default:
            break;
        }
        return undefined;
      });
    };

    return {
      CallExpression(call) {
        const callee = unwrapExpression(call.callee);
        if (isWorkflowApi(resolver, callee, 'setHandler')) {
          const def = call.arguments[0];
          if (def && messageDefinitionKind(resolver, def, context) === 'query') check(call.arguments[1], 'query');
          // only update handlers take a validator
          const options = call.arguments[2];
          if (options?.type === T.ObjectExpression) {
            for (const prop of options.properties) {
              if (prop.type !== T.Property || prop.computed || prop.key.type !== T.Identifier) continue;
              if (prop.key.name === 'validator') check(prop.value, 'validator');
            }
          }
        } else if (isWorkflowApi(resolver, callee, 'setDefaultQueryHandler')) {
          check(call.arguments[0], 'query');
        }
      },
    };
  },
});
