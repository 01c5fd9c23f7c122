import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  createContractContext,
  mayReachOption,
  modelWorkerAt,
  relativePath,
  reportNode,
  stringValue,
  workerCallKind,
} from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { unwrapExpression } from '../utils/references.js';
import { getProperty, type StaticValue } from '../utils/static-value.js';

export type Options = [];
export type MessageIds = 'relativePath' | 'notFound' | 'ignoredWithBundle' | 'noWorkflows';

/**
 * Problems of the model's discovery that mean "this path points nowhere in the project" (not "cannot be evaluated",
 * and not a path outside the project, such as a deployment directory, which the linter cannot check).
 */
const NOT_FOUND = /does not resolve to a|is not a valid file URL/;
const OUTSIDE = /\((\.\.\/|\/|[A-Za-z]:)/;

export default createRule<Options, MessageIds>({
  name: 'worker-valid-workflows-path',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `workflowsPath` to name a module that exists and exports workflow functions',
      recommended: 'error',
    },
    schema: [],
    messages: {
      relativePath:
        '`workflowsPath` is the relative path `{{path}}`: the bundler resolves it against the working directory of the worker process, not this file, so `{{kind}}` fails when the worker starts from another directory. Use a path resolved from this file, such as `require.resolve(\'{{suggested}}\')`.',
      notFound: '`workflowsPath` {{problem}}, so `{{kind}}` throws before any workflow runs.',
      ignoredWithBundle:
        '`workflowsPath` is ignored because `workflowBundle` is also set: the worker logs a warning and runs the prebuilt bundle, so changes to these workflows never reach it. Remove one of the two options.',
      noWorkflows:
        '`workflowsPath` resolves to `{{file}}`, which exports no workflow function: every workflow task this worker runs fails with `no such function is exported by the workflow bundle`.',
    },
  },
  create(context) {
    /** `./workflows/reports`: the module the worker bundles, relative to this file (source paths map to compiled ones). */
    function suggestedSpecifier(ctx: ReturnType<typeof createContractContext>, call: TSESTree.CallExpression): string {
      const resolved = modelWorkerAt(ctx, call)?.info.workflowsPath;
      if (resolved === undefined) return './workflows';
      const rel = path.relative(path.dirname(context.filename), resolved).split(path.sep).join('/');
      const withoutExt = rel.replace(/(\/index)?\.[cm]?[jt]sx?$/, '');
      return withoutExt.startsWith('.') ? withoutExt : `./${withoutExt}`;
    }

    if (!mayReachOption(context, 'workflowsPath')) return {};
    const ctx = createContractContext(context);
    return {
      CallExpression(node) {
        const kind = workerCallKind(ctx.resolver, node);
        const arg = node.arguments[0];
        if (!kind || !arg || arg.type === T.SpreadElement) return;
        const options = ctx.evaluate(arg);
        const prop = getProperty(options, 'workflowsPath');
        if (typeof prop === 'string') return;
        const target = reportNode(context.sourceCode, prop.valueNode, node.callee);
        const keyTarget = reportNode(context.sourceCode, prop.keyNode, target);

        const written = stringValue(prop.value);
        if (written !== undefined && !path.isAbsolute(written) && !written.startsWith('file:')) {
          context.report({ node: target, messageId: 'relativePath', data: { path: written, kind, suggested: suggestedSpecifier(ctx, node) } });
          return;
        }

        if (kind !== 'bundleWorkflowCode') {
          const bundle = getProperty(options, 'workflowBundle');
          if (typeof bundle !== 'string' && isSurelySet(bundle.valueNode, bundle.value)) {
            context.report({ node: keyTarget, messageId: 'ignoredWithBundle' });
            return;
          }
        }

        const model = ctx.model;
        const worker = modelWorkerAt(ctx, node)?.info;
        if (!model || !worker) return;
        if (worker.workflowsPathProblem !== undefined && NOT_FOUND.test(worker.workflowsPathProblem) && !OUTSIDE.test(worker.workflowsPathProblem)) {
          context.report({ node: target, messageId: 'notFound', data: { problem: worker.workflowsPathProblem, kind } });
          return;
        }
        if (worker.workflowsPath === undefined) return;
        const types = ctx.exports?.entryWorkflowTypes(worker.workflowsPath);
        if (types?.complete && types.types.size === 0 && types.unknown.size === 0 && !types.defaultHandler) {
          context.report({ node: target, messageId: 'noWorkflows', data: { file: relativePath(model, worker.workflowsPath) } });
        }
      },
    };
  },
});

/** `workflowBundle: x` that is set whatever happens (not `cond ? bundle : undefined`, not `undefined`, not a parameter). */
function isSurelySet(node: TSESTree.Node | undefined, value: StaticValue): boolean {
  if (!node) return false;
  if (value.kind === 'literal') return value.value !== undefined && value.value !== null;
  if (value.kind === 'object') return true;
  const inner = unwrapExpression(value.node ?? node);
  return inner.type === T.CallExpression || inner.type === T.ObjectExpression || inner.type === T.NewExpression;
}
