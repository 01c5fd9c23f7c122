import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { getFileInfo, type ProjectModel, type WorkerInfo, type WorkflowType } from '../project/index.js';
import { proxyFunctionOf } from '../utils/activity-proxies.js';
import {
  childWorkflowCall,
  closestName,
  type ContractContext,
  createContractContext,
  describePosition,
  didYouMean,
  mayReachOption,
  pollingWorkers,
  pollingWorkersOf,
  productionPollingWorkers,
  proxyActivityUses,
  registeredActivities,
  reportNode,
  scheduleAction,
  stringValue,
  workerCallKind,
  workerCallNode,
  workflowReference,
  workflowStartCall,
} from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { unwrapExpression } from '../utils/references.js';
import { getProperty, type StaticProperty } from '../utils/static-value.js';

export type Options = [
  {
    requireSharedConstant?: boolean;
    externalTaskQueues?: string[];
  },
];
export type MessageIds = 'unknownTaskQueue' | 'useSharedConstant' | 'repeatedLiteral';

type Target = 'workflow' | 'childWorkflow' | 'schedule' | 'activity' | 'worker';

const WHAT: Readonly<Record<Exclude<Target, 'worker'>, string>> = {
  workflow: 'the workflow never starts running',
  childWorkflow: 'the child workflow never starts running',
  schedule: 'the scheduled workflows never start running',
  activity: 'these activities never run (the workflow waits until their schedule-to-close timeout, by default forever)',
};

interface Site {
  target: Target;
  /** The `taskQueue` property. */
  prop: StaticProperty;
  /** Decides lazily whether the workflow or activities belong to this project. */
  isOurs: () => boolean;
  fallback: TSESTree.Node;
}

const typeNames = new WeakMap<readonly WorkflowType[], ReadonlySet<string>>();
const NO_TYPES: ReadonlySet<string> = new Set();

/** The workflow type names of the project's `workflowsPath` modules (once per list the model derives). */
function workflowTypeNames(model: ProjectModel): ReadonlySet<string> {
  const types = model.workflowTypes();
  if (!types) return NO_TYPES;
  let names = typeNames.get(types);
  if (!names) {
    names = new Set(types.map((t) => t.name));
    typeNames.set(types, names);
  }
  return names;
}

interface QueueSummary {
  /** Every relevant worker's task queue is known. */
  complete: boolean;
  /** Task queues any worker polls. */
  polled: Set<string>;
  /** Task queues of the relevant workers (test workers count only for test files), sorted. */
  known: string[];
}

const summaries = new WeakMap<readonly WorkerInfo[], Map<boolean, QueueSummary>>();

/** The task queues of a model's workers: the same for every linted file, so computed once per list of workers. */
function queueSummary(model: ProjectModel, inTest: boolean): QueueSummary {
  let byTest = summaries.get(model.workers);
  if (!byTest) {
    byTest = new Map();
    summaries.set(model.workers, byTest);
  }
  let summary = byTest.get(inTest);
  if (!summary) {
    const pollers = pollingWorkers(model);
    const relevant = inTest ? pollers : productionPollingWorkers(model);
    summary = {
      complete: relevant.length > 0 && relevant.every((w) => w.taskQueue !== undefined),
      polled: new Set(pollers.flatMap((w) => (w.taskQueue === undefined ? [] : [w.taskQueue]))),
      known: [...new Set(relevant.flatMap((w) => (w.taskQueue === undefined ? [] : [w.taskQueue])))].sort(),
    };
    byTest.set(inTest, summary);
  }
  return summary;
}

export default createRule<Options, MessageIds>({
  name: 'consistent-task-queue',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require task queues named by clients, child workflows and activity options to be polled by a worker',
      recommended: 'error',
      strict: { severity: 'error', options: { requireSharedConstant: true } },
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireSharedConstant: {
            type: 'boolean',
            description: 'Also report a task queue written as a string literal when a worker in another file polls the same name: share one constant.',
          },
          externalTaskQueues: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Task queues polled by workers outside this project (another service, another language): never reported as unpolled.',
          },
        },
      },
    ],
    defaultOptions: [{ requireSharedConstant: false, externalTaskQueues: [] }],
    messages: {
      unknownTaskQueue:
        'No worker of this project polls task queue `{{queue}}`{{suggestion}}: workers poll {{known}}, so tasks on it are never picked up and {{what}}.',
      useSharedConstant:
        'Task queue `\'{{queue}}\'` is written as a literal here, while {{worker}} reads it from `{{constant}}`: import that constant, so that a rename or a typo cannot split the client from the worker.',
      repeatedLiteral:
        'Task queue `\'{{queue}}\'` is also written as a literal at {{worker}}: share one exported constant, so that a rename or a typo cannot split them.',
    },
  },
  create(context, [options]) {
    if (!mayReachOption(context, 'taskQueue')) return {};
    const ctx = createContractContext(context);
    const model = ctx.model;
    if (!model) return {};
    const requireSharedConstant = options.requireSharedConstant === true;
    const external = new Set(options.externalTaskQueues ?? []);
    const sites: Site[] = [];

    function taskQueueOf(optionsNode: TSESTree.Node | undefined): StaticProperty | undefined {
      if (!optionsNode) return undefined;
      const prop = getProperty(ctx.evaluate(optionsNode), 'taskQueue');
      return typeof prop === 'string' ? undefined : prop;
    }

    return {
      CallExpression(node) {
        const start = workflowStartCall(ctx.resolver, node);
        if (start) {
          const prop = taskQueueOf(start.options);
          const workflow = start.workflow;
          if (prop) sites.push({ target: 'workflow', prop, isOurs: () => workflow !== undefined && isProjectWorkflow(ctx, model, workflow), fallback: node.callee });
          return;
        }
        const child = childWorkflowCall(ctx.resolver, node);
        if (child) {
          const prop = taskQueueOf(child.options);
          const workflow = child.workflow;
          if (prop) sites.push({ target: 'childWorkflow', prop, isOurs: () => workflow !== undefined && isProjectWorkflow(ctx, model, workflow), fallback: node.callee });
          return;
        }
        if (proxyFunctionOf(ctx.resolver, node) === 'proxyActivities') {
          const prop = taskQueueOf(node.arguments[0]);
          if (prop) sites.push({ target: 'activity', prop, isOurs: () => areProjectActivities(model, proxyActivityUses(context.sourceCode, node).map((u) => u.name)), fallback: node.callee });
          return;
        }
        if (workerCallKind(ctx.resolver, node) === 'Worker.create') {
          const prop = taskQueueOf(node.arguments[0]);
          if (prop) sites.push({ target: 'worker', prop, isOurs: () => false, fallback: node.callee });
          return;
        }
        const action = scheduleAction(ctx.resolver, node, ctx.evaluate);
        if (action?.kind === 'object') {
          const prop = action.properties.get('taskQueue');
          const workflow = action.properties.get('workflowType')?.valueNode;
          if (prop) sites.push({ target: 'schedule', prop, isOurs: () => workflow !== undefined && isProjectWorkflow(ctx, model, workflow), fallback: node.callee });
        }
      },
      'Program:exit'() {
        if (sites.length === 0) return;
        let inTest = false;
        try {
          inTest = getFileInfo(context).has('test');
        } catch {
          inTest = false;
        }
        const { complete, polled, known } = queueSummary(model, inTest);
        for (const site of sites) {
          const queue = stringValue(site.prop.value);
          if (queue === undefined) continue;
          const node = reportNode(context.sourceCode, site.prop.valueNode, site.fallback);
          if (site.target !== 'worker' && complete && !polled.has(queue) && !external.has(queue) && site.isOurs()) {
            context.report({
              node,
              messageId: 'unknownTaskQueue',
              data: {
                queue,
                known: known.map((q) => `\`${q}\``).join(', '),
                what: WHAT[site.target],
                suggestion: didYouMean(closestName(queue, known)),
              },
            });
            continue;
          }
          if (requireSharedConstant && node === site.prop.valueNode && isStringLiteral(node)) {
            reportRepeated(node, queue);
          }
        }
      },
    };

    function reportRepeated(node: TSESTree.Node, queue: string): void {
      for (const worker of pollingWorkersOf(model as ProjectModel, queue)) {
        if (worker.position.file === ctx.file) continue;
        const written = writtenTaskQueue(model as ProjectModel, worker);
        if (!written) continue;
        const where = `the worker at ${describePosition(model as ProjectModel, worker.position)}`;
        if (written.kind === 'constant') {
          context.report({ node, messageId: 'useSharedConstant', data: { queue, worker: where, constant: written.text } });
        } else {
          context.report({ node, messageId: 'repeatedLiteral', data: { queue, worker: describePosition(model as ProjectModel, worker.position) } });
        }
        return;
      }
    }
  },
});

function isStringLiteral(node: TSESTree.Node): boolean {
  return (node.type === T.Literal && typeof node.value === 'string') || (node.type === T.TemplateLiteral && node.expressions.length === 0);
}

/** How a worker's `taskQueue` is written in its file: a string literal, or a constant (`TASK_QUEUE`, `queues.orders`). */
function writtenTaskQueue(model: ProjectModel, worker: WorkerInfo): { kind: 'literal' } | { kind: 'constant'; text: string } | undefined {
  const arg = workerCallNode(model, worker)?.arguments[0];
  if (arg?.type !== T.ObjectExpression) return undefined;
  for (const prop of arg.properties) {
    if (prop.type !== T.Property || prop.computed || prop.key.type !== T.Identifier || prop.key.name !== 'taskQueue') continue;
    const value = unwrapExpression(prop.value);
    if (isStringLiteral(value)) return { kind: 'literal' };
    const text = constantText(value);
    return text === undefined ? undefined : { kind: 'constant', text };
  }
  return undefined;
}

function constantText(node: TSESTree.Node): string | undefined {
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier) {
    const object = constantText(node.object);
    return object === undefined ? undefined : `${object}.${node.property.name}`;
  }
  return undefined;
}

/** A workflow of this project: a type some `workflowsPath` exports, or a function of a workflow bundle file. */
function isProjectWorkflow(ctx: ContractContext, model: ProjectModel, node: TSESTree.Node): boolean {
  const name = stringValue(ctx.evaluate(node));
  if (name !== undefined) return workflowTypeNames(model).has(name);
  const reference = workflowReference(ctx, node);
  if (reference?.binding.kind !== 'function' || reference.binding.file === undefined) return false;
  const file = reference.binding.file;
  return model.bundleFile(file) !== undefined;
}

/** Some of the named activities are registered by a (non-test) worker of this project. */
function areProjectActivities(model: ProjectModel, names: string[]): boolean {
  if (names.length === 0) return false;
  return productionPollingWorkers(model).some((w) => {
    const registered = registeredActivities(model, w);
    return registered !== undefined && names.some((n) => registered.has(n));
  });
}
