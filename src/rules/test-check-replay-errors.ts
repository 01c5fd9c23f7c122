import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';
import { fileResolver, isModuleExport, mayNameModule } from '../utils/references.js';

export type Options = [];
export type MessageIds = 'errorNotRead' | 'notIterated' | 'replayNotAwaited' | 'addAwait';

/** How a `for await` loop variable is used: reads `.error`, escapes (passed on, stored), or neither. */
function readsError(variable: TSESLint.Scope.Variable): boolean {
  for (const ref of variable.references) {
    const id = ref.identifier;
    const parent = id.parent;
    if (parent.type === T.VariableDeclarator && parent.id === id) continue;
    if (parent.type === T.MemberExpression && parent.object === id) {
      if (parent.computed || (parent.property.type === T.Identifier && parent.property.name === 'error')) return true;
      continue;
    }
    // Passed to an assertion, pushed to an array, spread, returned: the error may be checked there.
    return true;
  }
  return false;
}

function patternReadsError(pattern: TSESTree.Node, scopeVars: readonly TSESLint.Scope.Variable[]): boolean {
  if (pattern.type === T.Identifier) {
    const v = scopeVars.find((x) => x.name === pattern.name);
    return v ? readsError(v) : true;
  }
  if (pattern.type === T.ObjectPattern) {
    return pattern.properties.some(
      (p) =>
        p.type === T.RestElement ||
        p.computed ||
        (p.key.type === T.Identifier && p.key.name === 'error') ||
        (p.key.type === T.Literal && p.key.value === 'error'),
    );
  }
  return true;
}

export default createRule<Options, MessageIds>({
  name: 'test-check-replay-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require replay tests to check the errors that `Worker.runReplayHistories` yields and to await `Worker.runReplayHistory`',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      errorNotRead:
        '`Worker.runReplayHistories()` does not throw on nondeterminism: it yields `{ error }` per history. This loop never reads `.error`, so the replay test cannot fail.',
      notIterated:
        '`Worker.runReplayHistories()` returns an async generator that replays nothing until it is iterated, so this replay test checks nothing. Iterate it with `for await` and check each result\'s `error`.',
      replayNotAwaited:
        '`Worker.runReplayHistory()` reports nondeterminism by rejecting; without `await` the test finishes before the replay and cannot fail.',
      addAwait: 'Add `await`.',
    },
  },
  create(context) {
    // The replay functions come from `@temporalio/worker` as written (this resolver follows no re-exports).
    if (!mayNameModule(context.sourceCode, '@temporalio/worker')) return {};
    const resolver = fileResolver(context.sourceCode, context.filename);

    /** A loop over the histories' results: it must be `for await`, and must read each result's `error`. */
    function checkLoop(loop: TSESTree.ForOfStatement, call: TSESTree.CallExpression): void {
      if (!loop.await) {
        context.report({ node: call, messageId: 'notIterated' });
        return;
      }
      const left = loop.left;
      // `for await (r of ...)` with an outer variable: the error may be read after the loop.
      if (left.type !== T.VariableDeclaration) return;
      const declarator = left.declarations.at(0);
      if (!declarator) return;
      const vars = context.sourceCode.getDeclaredVariables(left);
      if (!patternReadsError(declarator.id, vars)) context.report({ node: call, messageId: 'errorNotRead' });
    }
    return {
      CallExpression(node) {
        const callee = resolver.resolve(node.callee);
        if (isModuleExport(callee, '@temporalio/worker', 'Worker', 'runReplayHistory')) {
          const parent = node.parent;
          if (parent.type === T.ExpressionStatement) {
            context.report({
              node,
              messageId: 'replayNotAwaited',
              suggest: isInAsync(node) ? [{ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(node, 'await ') }] : [],
            });
          }
          return;
        }
        if (!isModuleExport(callee, '@temporalio/worker', 'Worker', 'runReplayHistories')) return;
        const parent = node.parent;
        if (parent.type === T.ForOfStatement && parent.right === node) {
          checkLoop(parent, node);
          return;
        }
        if (parent.type === T.ExpressionStatement || parent.type === T.AwaitExpression) {
          context.report({ node, messageId: 'notIterated' });
          return;
        }
        if (parent.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
          const variable = ASTUtils.findVariable(context.sourceCode.getScope(parent.id), parent.id);
          if (!variable) return;
          const uses = variable.references.filter((r) => r.init !== true);
          if (uses.length === 0) {
            context.report({ node, messageId: 'notIterated' });
            return;
          }
          // `const results = Worker.runReplayHistories(...); for await (const r of results) { ... }`
          for (const use of uses) {
            const loop = use.identifier.parent;
            if (loop.type === T.ForOfStatement && loop.right === use.identifier) checkLoop(loop, node);
          }
        }
      },
    };
  },
});

function isInAsync(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === T.FunctionDeclaration ||
      current.type === T.FunctionExpression ||
      current.type === T.ArrowFunctionExpression
    ) {
      return current.async;
    }
  }
  return false;
}
