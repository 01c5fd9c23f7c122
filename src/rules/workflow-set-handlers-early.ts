import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { stripTypeWrappers } from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { messageDefinitionKind } from '../utils/message-definitions.js';
import { unwrapExpression, type ReferenceResolver } from '../utils/references.js';
import { isWorkflowApi, temporalPromiseKind } from '../utils/workflow-apis.js';
import {
  exportedFunctions,
  getWorkflowCodeContext,
  resolveLocalFunction,
  unconditionalAwait,
  walk,
} from '../utils/workflow-code.js';


export type Options = [];
export type MessageIds = 'lateUpdateHandler';

/** The statements that run unconditionally, in order: a top-level `try` or block contributes its own statements. */
function straightLine(statements: readonly TSESTree.Statement[]): TSESTree.Statement[] {
  const out: TSESTree.Statement[] = [];
  for (const statement of statements) {
    if (statement.type === T.BlockStatement) out.push(...straightLine(statement.body));
    else if (statement.type === T.TryStatement) out.push(...straightLine(statement.block.body));
    else out.push(statement);
  }
  return out;
}

/** The `await` a top-level statement always reaches: `await x;`, `const y = await x;`, `if (await x)`, `for await`. */
function leadingAwait(statement: TSESTree.Statement, keys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node | undefined {
  switch (statement.type) {
    case T.ExpressionStatement:
      return unconditionalAwait(statement.expression, keys);
    case T.VariableDeclaration:
      for (const declarator of statement.declarations) {
        const found = declarator.init ? unconditionalAwait(declarator.init, keys) : undefined;
        if (found) return found;
      }
      return undefined;
    case T.IfStatement:
      return unconditionalAwait(statement.test, keys);
    case T.SwitchStatement:
      return unconditionalAwait(statement.discriminant, keys);
    case T.ForOfStatement:
      return statement.await ? statement : unconditionalAwait(statement.right, keys);
    default:
      return undefined;
  }
}

export default createRule<Options, MessageIds>({
  name: 'workflow-set-handlers-early',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require update handlers to be registered before the first `await` of a workflow function',
      recommended: 'warn',
    },
    schema: [],
    messages: {
      lateUpdateHandler:
        'The {{what}} is registered after the first `await` of the workflow (line {{line}}): an update that arrives before then, including one sent with the workflow start, is rejected with `No registered handler for update` when the activation ends{{why}}. Call `setHandler` before the first `await`.',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const { sourceCode } = context;

    /** Does awaiting `expr` end the activation? Not for values, `Promise.resolve()`, or local helpers that never wait. */
    const blocks = (awaitNode: TSESTree.Node): boolean => {
      if (awaitNode.type !== T.AwaitExpression) return true;
      const arg = unwrapExpression(awaitNode.argument);
      if (arg.type === T.Literal || arg.type === T.ObjectExpression || arg.type === T.ArrayExpression) return false;
      if (arg.type !== T.CallExpression) return true;
      const ref = resolver.resolve(arg.callee);
      if (ref?.kind === 'global' && ref.path.join('.') === 'Promise.resolve') return false;
      if (temporalPromiseKind(resolver, arg)) return true;
      const helper = resolveLocalFunction(sourceCode, arg.callee);
      return helper === undefined || waits(resolver, sourceCode.visitorKeys, helper);
    };

    const lateHandler = (statement: TSESTree.Statement): { call: TSESTree.CallExpression; what: string } | undefined => {
      if (statement.type !== T.ExpressionStatement) return undefined;
      const call = stripTypeWrappers(statement.expression);
      if (call.type !== T.CallExpression) return undefined;
      const callee = unwrapExpression(call.callee);
      if (isWorkflowApi(resolver, callee, 'setDefaultUpdateHandler')) return { call, what: 'default update handler' };
      if (!isWorkflowApi(resolver, callee, 'setHandler')) return undefined;
      const def = call.arguments[0];
      if (!def || messageDefinitionKind(resolver, def, context) !== 'update') return undefined;
      const name = sourceCode.getText(def).replace(/\s+/g, ' ');
      return { call, what: `handler for update \`${name.length > 40 ? `${name.slice(0, 37)}...` : name}\`` };
    };

    return {
      'Program:exit'() {
        for (const fn of exportedFunctions(sourceCode)) {
          if (fn.body.type !== T.BlockStatement) continue;
          let firstAwait: TSESTree.Node | undefined;
          for (const statement of straightLine(fn.body.body)) {
            if (firstAwait) {
              const late = lateHandler(statement);
              if (late) {
                context.report({
                  node: late.call,
                  messageId: 'lateUpdateHandler',
                  data: { what: late.what, line: firstAwait.loc.start.line, why },
                });
              }
              continue;
            }
            const awaitNode = leadingAwait(statement, sourceCode.visitorKeys);
            if (awaitNode && blocks(awaitNode)) firstAwait = awaitNode;
          }
        }
      },
    };
  },
});

/** True if a local helper function awaits anything (it may wait for a Temporal operation). */
function waits(
  resolver: ReferenceResolver,
  visitorKeys: Parameters<typeof walk>[1],
  fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
): boolean {
  let found = false;
  walk(
    fn.body,
    visitorKeys,
    (node) => {
      if (found) return false;
      if (node.type === T.AwaitExpression || (node.type === T.ForOfStatement && node.await)) found = true;
      // a returned Temporal promise is awaited by the caller
      if (node.type === T.ReturnStatement && node.argument && temporalPromiseKind(resolver, node.argument)) found = true;
      if (fn.body.type !== T.BlockStatement && node === fn.body && temporalPromiseKind(resolver, node)) found = true;
      return undefined;
    },
    true,
  );
  return found;
}
