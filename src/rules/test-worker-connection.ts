import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';
import { insertProperty } from '../utils/object-fixes.js';
import { fileResolver, isModuleExport, mayNameModule, unwrapExpression } from '../utils/references.js';
import { evaluate, getProperty, scopeLookup } from '../utils/static-value.js';
import { assignedVariableName, isTestEnvironmentCreation } from '../utils/test-code.js';

export type Options = [];
export type MessageIds = 'missingConnection' | 'addConnection';

export default createRule<Options, MessageIds>({
  name: 'test-worker-connection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `Worker.create` in tests with a `TestWorkflowEnvironment` to use the environment\'s connection',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingConnection:
        'This worker has no `connection`, so it dials `localhost:7233` instead of the test server, which listens on a random port: the test hangs or runs against another server. Pass `connection: env.nativeConnection`.',
      addConnection: 'Add `connection: {{env}}.nativeConnection`.',
    },
  },
  create(context) {
    // Reports need an environment from `@temporalio/testing` as written (this resolver follows no re-exports).
    if (!mayNameModule(context.sourceCode, '@temporalio/testing')) return {};
    const resolver = fileResolver(context.sourceCode, context.filename);
    const lookup = scopeLookup(context.sourceCode);
    const envNames = new Set<string>();
    let envSeen = false;
    const workerCalls: TSESTree.CallExpression[] = [];
    return {
      CallExpression(node) {
        const ref = resolver.resolve(node);
        if (isTestEnvironmentCreation(ref)) {
          envSeen = true;
          const id = assignedVariableName(node);
          if (id) envNames.add(id.name);
          return;
        }
        if (isModuleExport(resolver.resolve(node.callee), '@temporalio/worker', 'Worker', 'create')) workerCalls.push(node);
      },
      'Program:exit'() {
        if (!envSeen) return;
        for (const call of workerCalls) {
          const arg = call.arguments[0];
          if (!arg || arg.type === T.SpreadElement) continue;
          const options = evaluate(arg, lookup);
          if (getProperty(options, 'connection') !== 'absent') continue;
          const object = unwrapExpression(arg);
          const env = envNames.size === 1 ? [...envNames][0] : undefined;
          if (env === undefined || object.type !== T.ObjectExpression) {
            context.report({ node: call.callee, messageId: 'missingConnection' });
            continue;
          }
          context.report({
            node: call.callee,
            messageId: 'missingConnection',
            suggest: [
              {
                messageId: 'addConnection',
                data: { env },
                fix: (fixer) => insertProperty(fixer, context.sourceCode, object, `connection: ${env}.nativeConnection`),
              },
            ],
          });
        }
      },
    };
  },
});
