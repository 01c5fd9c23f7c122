import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { getFileInfo } from '../project/index.js';
import { createContractContext, mayReachOption, modelWorkerAt, relativePath, reportNode, workerCallKind } from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { getProperty } from '../utils/static-value.js';

export type Options = [];
export type MessageIds = 'missingReplayTest';

export default createRule<Options, MessageIds>({
  name: 'require-replay-test',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require the workflows of every worker to be replayed against recorded histories in a test',
      strict: 'error',
    },
    schema: [],
    messages: {
      missingReplayTest:
        'No code in this project replays the workflows of `{{file}}` (`Worker.runReplayHistories` with this `workflowsPath`): a change that breaks determinism for running workflows is found only in production, as nondeterminism errors. Replay recorded histories in a test.',
    },
  },
  create(context) {
    if (!mayReachOption(context, 'workflowsPath')) return {};
    try {
      if (getFileInfo(context).has('test')) return {};
    } catch {
      return {};
    }
    const ctx = createContractContext(context);
    const model = ctx.model;
    if (!model) return {};
    /**
     * True when the bundle built from `from` contains `to`: a replayer whose `workflowsPath` is a barrel that
     * re-exports the worker's workflows replays them too. Follows value imports and re-exports only.
     */
    function reaches(from: string, to: string): boolean {
      const seen = new Set<string>([from]);
      const queue = [from];
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        if (file === to) return true;
        for (const edge of model?.importsOf(file) ?? []) {
          if (edge.typeOnly || edge.resolved === undefined || seen.has(edge.resolved)) continue;
          seen.add(edge.resolved);
          queue.push(edge.resolved);
        }
      }
      return false;
    }

    return {
      CallExpression(node) {
        if (workerCallKind(ctx.resolver, node) !== 'Worker.create') return;
        const entry = modelWorkerAt(ctx, node)?.info.workflowsPath;
        if (entry === undefined) return;
        const replayers = model.workers.filter((w) => w.kind === 'Worker.runReplayHistory' || w.kind === 'Worker.runReplayHistories');
        // A replayer whose workflows the linter cannot see may replay these.
        if (replayers.some((w) => w.workflowsPath === undefined)) return;
        if (replayers.some((w) => w.workflowsPath !== undefined && reaches(w.workflowsPath, entry))) return;
        const arg = node.arguments[0];
        const prop = arg && arg.type !== T.SpreadElement ? getProperty(ctx.evaluate(arg), 'workflowsPath') : 'unknown';
        const target = typeof prop === 'string' ? node.callee : reportNode(context.sourceCode, prop.valueNode, node.callee);
        context.report({ node: target, messageId: 'missingReplayTest', data: { file: relativePath(model, entry) } });
      },
    };
  },
});
