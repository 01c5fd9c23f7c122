import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';
import { fileResolver, mayNameModule } from '../utils/references.js';
import { assignedVariableName, isInCleanupContext, isTestEnvironmentCreation } from '../utils/test-code.js';

export type Options = [];
export type MessageIds = 'missingTeardown' | 'teardownNotGuaranteed';

/** `env.teardown()` / `env?.teardown()` calls among a variable's references. */
function teardownCalls(variable: TSESLint.Scope.Variable): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    const member = ref.identifier.parent;
    if (member.type !== T.MemberExpression || member.object !== ref.identifier) continue;
    if (member.computed || member.property.type !== T.Identifier || member.property.name !== 'teardown') continue;
    const call = member.parent;
    if (call.type === T.CallExpression && call.callee === member) calls.push(call);
  }
  return calls;
}

/** The environment escapes the file's view: returned, passed on, stored elsewhere. Its teardown may be there. */
function escapes(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    const id = ref.identifier;
    const parent = id.parent;
    if (parent.type === T.MemberExpression && parent.object === id) return false;
    if (ref.isWrite()) return false;
    if (parent.type === T.VariableDeclarator && parent.id === id) return false;
    if (parent.type === T.AssignmentExpression && parent.left === id) return false;
    return true;
  });
}

export default createRule<Options, MessageIds>({
  name: 'test-require-teardown',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every `TestWorkflowEnvironment` to be torn down in an after-hook or `finally` block',
      recommended: 'error',
    },
    schema: [],
    messages: {
      missingTeardown:
        '`{{name}}` is never torn down: its test server and connections stay open, so the test process hangs or leaks a server per run. Call `await {{name}}.teardown()` in an after-hook.',
      teardownNotGuaranteed:
        '`{{name}}.teardown()` is skipped when the test fails before it, leaving the test server running. Call it in an after-hook or a `finally` block.',
    },
  },
  create(context) {
    // Environments come from `@temporalio/testing` as written (this resolver follows no re-exports).
    if (!mayNameModule(context.sourceCode, '@temporalio/testing')) return {};
    const resolver = fileResolver(context.sourceCode, context.filename);
    const seen = new Set<TSESLint.Scope.Variable>();
    return {
      CallExpression(node) {
        if (!isTestEnvironmentCreation(resolver.resolve(node))) return;
        const id = assignedVariableName(node);
        if (!id) return;
        const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
        if (!variable || seen.has(variable)) return;
        seen.add(variable);
        const decl = variable.defs[0]?.parent;
        if (decl?.type === T.VariableDeclaration && (decl.kind === 'await using' || decl.kind === 'using')) return;
        if (escapes(variable)) return;
        const calls = teardownCalls(variable);
        const data = { name: id.name };
        if (calls.length === 0) {
          context.report({ node, messageId: 'missingTeardown', data });
        } else if (!calls.some(isInCleanupContext)) {
          const first = calls[0];
          if (first) context.report({ node: first, messageId: 'teardownNotGuaranteed', data });
        }
      },
    };
  },
});
