import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';
import { unwrapExpression, type ReferenceResolver } from '../utils/references.js';
import { temporalPromiseKind, type WorkflowCallKind } from '../utils/workflow-apis.js';
import { enclosingFunction, stripTypeWrappers } from '../utils/ast.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds = 'floatingOperation' | 'floatingContinueAsNew' | 'addAwait' | 'addVoid';

const WHAT: Record<Exclude<WorkflowCallKind, 'sync'>, string> = {
  activity: 'activity',
  localActivity: 'local activity',
  sleep: 'timer',
  condition: 'condition',
  childWorkflow: 'child workflow',
  continueAsNew: 'continue-as-new',
  externalHandle: 'external workflow signal or cancellation',
  cancellationScope: 'cancellation scope',
  nexusOperation: 'Nexus operation',
};

/**
 * The Temporal promise an expression statement leaves floating, and the node to report: the statement's expression,
 * or a branch of `a && b` / `a ? b : c` whose value is dropped.
 */
function floating(
  resolver: ReferenceResolver,
  expr: TSESTree.Expression,
): { node: TSESTree.Expression; kind: WorkflowCallKind } | undefined {
  const node = stripTypeWrappers(expr);
  switch (node.type) {
    case T.UnaryExpression:
      // `void p` is the explicit opt-out
      return undefined;
    case T.LogicalExpression:
      return floating(resolver, node.right);
    case T.ConditionalExpression:
      return floating(resolver, node.consequent) ?? floating(resolver, node.alternate);
    case T.SequenceExpression: {
      for (const e of node.expressions) {
        const found = floating(resolver, e);
        if (found) return found;
      }
      return undefined;
    }
    case T.CallExpression:
    case T.ChainExpression: {
      if (isHandled(node)) return undefined;
      const kind = temporalPromiseKind(resolver, node);
      return kind ? { node, kind } : undefined;
    }
    default:
      return undefined;
  }
}

/** `p.catch(h)` or `p.then(a, b)`: a rejection handler is attached to the outermost call. */
function isHandled(node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== T.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== T.MemberExpression || callee.computed || callee.property.type !== T.Identifier) return false;
  if (callee.property.name === 'catch') return call.arguments.length >= 1;
  if (callee.property.name === 'then') return call.arguments.length >= 2;
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow promises of Temporal operations that workflow code neither awaits nor handles',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      floatingOperation:
        'The {{what}} promise of `{{callee}}` is neither awaited nor handled: the workflow does not wait for it, and if it rejects (on failure or cancellation) the unhandled rejection fails the workflow task{{why}}.',
      floatingContinueAsNew:
        '`{{callee}}` is not awaited: the `ContinueAsNew` it rejects with becomes an unhandled rejection that fails the workflow task, and the code after it keeps running{{why}}.',
      addAwait: 'Add `await` (the workflow then waits for the operation).',
      addVoid: 'Add `void` to mark the promise as deliberately not awaited.',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const { sourceCode } = context;

    return {
      ExpressionStatement(statement) {
        // `typeof`: oxlint sets `directive: null` on ordinary expression statements.
        if (typeof statement.directive === 'string') return;
        const found = floating(resolver, statement.expression);
        if (!found) return;
        const { node, kind } = found;
        const callee = calleeText(sourceCode, node);
        const fn = enclosingFunction(node);
        const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
        if (fn?.async === true) {
          suggest.push({ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(node, 'await ') });
        }
        suggest.push({ messageId: 'addVoid', fix: (fixer) => fixer.insertTextBefore(node, 'void ') });
        if (kind === 'continueAsNew') {
          context.report({ node, messageId: 'floatingContinueAsNew', data: { callee, why }, suggest });
        } else {
          const what = kind === 'sync' ? 'Temporal' : WHAT[kind];
          context.report({ node, messageId: 'floatingOperation', data: { what, callee, why }, suggest });
        }
      },
    };
  },
});

/** Short display text of the operation: the callee of the innermost Temporal call (`acts.greet`, `wf.sleep`). */
function calleeText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  let current = unwrapExpression(node);
  // `sleep(1).then(f)` → `sleep`; `Promise.all([...])` → `Promise.all`
  while (current.type === T.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (
      callee.type === T.MemberExpression &&
      !callee.computed &&
      callee.property.type === T.Identifier &&
      ['then', 'finally'].includes(callee.property.name) &&
      unwrapExpression(callee.object).type === T.CallExpression
    ) {
      current = unwrapExpression(callee.object);
      continue;
    }
    const text = sourceCode.getText(callee).replace(/\s+/g, ' ');
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
  return 'the operation';
}
