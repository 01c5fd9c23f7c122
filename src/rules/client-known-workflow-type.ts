import type { TSESTree } from '@typescript-eslint/utils';
import {
  closestName,
  createContractContext,
  didYouMean,
  relativePath,
  reportNode,
  scheduleAction,
  stringValue,
  workflowReference,
  workflowStartCall,
  workflowTypeScope,
} from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { getProperty, type StaticValue } from '../utils/static-value.js';

export type Options = [];
export type MessageIds = 'unknownType' | 'aliasedExport' | 'notExported';

export default createRule<Options, MessageIds>({
  name: 'client-known-workflow-type',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require workflows started by clients and schedules to be registered under the type the client sends',
      recommended: 'error',
    },
    schema: [],
    messages: {
      unknownType:
        'Workflow type `{{name}}` is not exported by {{where}}{{suggestion}}: every workflow task of the started workflow fails with `no such function is exported by the workflow bundle`, so it never runs.',
      aliasedExport:
        'The client sends the function\'s `name`, `{{sent}}`, as the workflow type, but `{{entry}}` exports this function as `{{exported}}`: every workflow task fails with `no such function is exported by the workflow bundle`. Export it under its own name, or start it by the type `\'{{exported}}\'`.',
      notExported:
        'The client sends the function\'s `name`, `{{sent}}`, as the workflow type, but no workflow of that name is exported by {{where}}: every workflow task fails with `no such function is exported by the workflow bundle`.',
    },
  },
  create(context) {
    const text = context.sourceCode.text;
    if (!/workflow/i.test(text) || !/\b(start|execute|signalWithStart|create)\s*\(/.test(text)) return {};
    const ctx = createContractContext(context);
    const model = ctx.model;
    if (!model) return {};

    function check(workflow: TSESTree.Node, taskQueue: StaticValue | undefined, fallback: TSESTree.Node): void {
      const typeName = stringValue(ctx.evaluate(workflow));
      const reference = typeName === undefined ? workflowReference(ctx, workflow) : undefined;
      if (typeName === undefined && reference?.binding.kind !== 'function') return;
      const scope = workflowTypeScope(ctx, stringValue(taskQueue));
      if (!scope) return;
      const node = reportNode(context.sourceCode, workflow, fallback);
      if (typeName !== undefined) {
        if (scope.names.has(typeName) || scope.maybe.has(typeName)) return;
        const closest = closestName(typeName, [...scope.names, ...scope.maybe]);
        context.report({ node, messageId: 'unknownType', data: { name: typeName, where: scope.where, suggestion: didYouMean(closest) } });
        return;
      }
      const sent = reference?.binding.functionName;
      if (!reference || sent === undefined || scope.names.has(sent) || scope.maybe.has(sent)) return;
      for (const entry of scope.entries) {
        for (const exported of scope.names) {
          const other = ctx.exports?.exportedBinding(entry, exported);
          if (other?.kind === 'function' && other.file === reference.binding.file && other.range?.[0] === reference.binding.range?.[0]) {
            context.report({ node, messageId: 'aliasedExport', data: { sent, exported, entry: relativePath(model as NonNullable<typeof model>, entry) } });
            return;
          }
        }
      }
      context.report({ node, messageId: 'notExported', data: { sent, where: scope.where } });
    }

    return {
      CallExpression(node) {
        const start = workflowStartCall(ctx.resolver, node);
        if (start) {
          if (!start.workflow) return;
          const options = start.options ? ctx.evaluate(start.options) : undefined;
          const taskQueue = options ? getProperty(options, 'taskQueue') : 'unknown';
          check(start.workflow, typeof taskQueue === 'string' ? undefined : taskQueue.value, node.callee);
          return;
        }
        const action = scheduleAction(ctx.resolver, node, ctx.evaluate);
        if (!action || action.kind !== 'object') return;
        const workflowType = action.properties.get('workflowType');
        if (!workflowType?.valueNode) return;
        check(workflowType.valueNode, action.properties.get('taskQueue')?.value, node.callee);
      },
    };
  },
});
