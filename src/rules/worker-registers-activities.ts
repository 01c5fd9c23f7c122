import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { getFileInfo, type ProjectModel, type WorkerInfo } from '../project/index.js';
import { proxyFunctionOf } from '../utils/activity-proxies.js';
import {
  type ContractContext,
  createContractContext,
  describeWorkers,
  modelWorkerAt,
  productionPollingWorkers,
  productionWorkflowRunners,
  proxyActivityUses,
  registeredActivities,
  reportNode,
  stringValue,
  workerCallKind,
} from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { unwrapExpression } from '../utils/references.js';
import { getProperty } from '../utils/static-value.js';

export type Options = [];
export type MessageIds = 'notRegistered' | 'prototypeMethod' | 'classInstance';

interface Proxy {
  call: TSESTree.CallExpression;
  local: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'worker-registers-activities',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every activity that workflows call to be registered by a worker polling their task queue',
      recommended: 'error',
    },
    schema: [],
    messages: {
      notRegistered:
        'Activity `{{name}}` is not registered by {{workers}}, which {{serve}}: every call fails with a retryable `NotFoundError`, so the workflow waits on retries (forever under the default retry policy).',
      prototypeMethod:
        'Activity `{{name}}` is a prototype method of `{{className}}`, and {{workers}} registers `new {{className}}()`: the worker registers only own properties, so every call fails with a retryable `NotFoundError`.',
      classInstance:
        '`new {{className}}()` registers only its own properties: the prototype {{methods}} {{list}} {{are}} not registered as activities, so calls to them fail with a retryable `NotFoundError`. Define them as arrow-function properties, or register a plain object.',
    },
  },
  create(context) {
    const text = context.sourceCode.text;
    const mayHaveWorker = text.includes('activities') && text.includes('Worker');
    // Proxies are checked in workflow code only (the workers that run it tell which task queues it reaches).
    const mayHaveProxy = (text.includes('proxyActivities') || text.includes('proxyLocalActivities')) && isWorkflowCode(context);
    if (!mayHaveWorker && !mayHaveProxy) return {};
    const ctx = createContractContext(context);
    const proxies: Proxy[] = [];
    return {
      CallExpression(node) {
        if (mayHaveProxy) {
          const fn = proxyFunctionOf(ctx.resolver, node);
          if (fn) {
            proxies.push({ call: node, local: fn === 'proxyLocalActivities' });
            return;
          }
        }
        if (mayHaveWorker && workerCallKind(ctx.resolver, node) === 'Worker.create') checkClassInstance(context, ctx, node);
      },
      'Program:exit'() {
        if (proxies.length === 0 || !ctx.model) return;
        const runners = productionWorkflowRunners(ctx.model, ctx.file);
        if (!runners || runners.length === 0) return;
        for (const proxy of proxies) checkProxy(context, ctx, ctx.model, runners, proxy);
      },
    };
  },
});

function isWorkflowCode(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): boolean {
  try {
    return getFileInfo(context).has('workflow');
  } catch {
    return false;
  }
}

function checkProxy(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  ctx: ContractContext,
  model: ProjectModel,
  runners: readonly WorkerInfo[],
  proxy: Proxy,
): void {
  const arg = proxy.call.arguments[0];
  const options = arg && arg.type !== T.SpreadElement ? ctx.evaluate(arg) : undefined;
  let registrants: readonly WorkerInfo[];
  let serve: string;
  if (proxy.local) {
    registrants = runners;
    serve = 'run this workflow code (local activities run in the worker that runs the workflow)';
  } else {
    const taskQueue = options ? getProperty(options, 'taskQueue') : 'absent';
    let queues: string[];
    if (taskQueue === 'unknown') return;
    if (taskQueue === 'absent') {
      const known = runners.map((w) => w.taskQueue);
      if (known.some((q) => q === undefined)) return;
      queues = [...new Set(known as string[])];
    } else {
      const queue = stringValue(taskQueue.value);
      if (queue === undefined) return;
      queues = [queue];
    }
    const pollers = productionPollingWorkers(model);
    if (pollers.some((w) => w.taskQueue === undefined)) return;
    registrants = pollers.filter((w) => queues.includes(w.taskQueue ?? ''));
    serve = `poll${registrants.length === 1 ? 's' : ''} task queue ${queues.map((q) => `\`${q}\``).join(', ')}`;
  }
  if (registrants.length === 0) return;
  // The workers' own sets (shared by every linted file), not a union copied per file.
  const registered: ReadonlySet<string>[] = [];
  for (const worker of registrants) {
    const names = registeredActivities(model, worker);
    if (!names) return;
    registered.push(names);
  }
  let workers: string | undefined;
  for (const use of proxyActivityUses(context.sourceCode, proxy.call)) {
    if (registered.some((names) => names.has(use.name))) continue;
    workers ??= describeWorkers(model, registrants);
    const owner = registrants
      .flatMap((w) => w.activities?.classInstances ?? [])
      .find((c) => c.prototypeMethods.includes(use.name));
    if (owner) {
      context.report({ node: use.node, messageId: 'prototypeMethod', data: { name: use.name, className: owner.className, workers } });
    } else {
      context.report({ node: use.node, messageId: 'notRegistered', data: { name: use.name, workers, serve } });
    }
  }
}

function staticKey(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === T.Identifier) return key.name;
  if (key.type === T.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/** Prototype methods of a class declared in this file that are not also own properties. */
function localPrototypeMethods(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): { className: string; methods: string[] } | undefined {
  const node = unwrapExpression(expression);
  if (node.type !== T.NewExpression || node.callee.type !== T.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.callee);
  const def = variable?.defs[0];
  if (def?.node.type !== T.ClassDeclaration) return undefined;
  const cls = def.node;
  if (cls.superClass) return undefined;
  const own = new Set<string>();
  const methods: string[] = [];
  let dynamic = false;
  for (const member of cls.body.body) {
    if (member.type === T.PropertyDefinition && !member.static) {
      const key = staticKey(member.key, member.computed);
      if (key !== undefined) own.add(key);
    } else if (member.type === T.MethodDefinition && !member.static && member.kind === 'method') {
      const key = staticKey(member.key, member.computed);
      if (key !== undefined) methods.push(key);
    } else if (member.type === T.MethodDefinition && member.kind === 'constructor') {
      dynamic ||= constructorAssigns(member.value, own);
    }
  }
  if (dynamic) return undefined;
  const missing = methods.filter((m) => !own.has(m));
  return missing.length > 0 ? { className: cls.id?.name ?? 'class', methods: missing } : undefined;
}

/** Collects `this.x = ...` in a constructor; true when it does something dynamic with `this` (auto-binding). */
function constructorAssigns(fn: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression, own: Set<string>): boolean {
  let dynamic = false;
  const visit = (node: TSESTree.Node | null | undefined): void => {
    if (!node || dynamic) return;
    if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression && node.left.object.type === T.ThisExpression) {
      const key = staticKey(node.left.property, node.left.computed);
      if (key === undefined) dynamic = true;
      else own.add(key);
    }
    if (node.type === T.CallExpression && node.arguments.some((a) => a.type === T.ThisExpression)) dynamic = true;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) for (const item of value as unknown[]) visitUnknown(item);
      else visitUnknown(value);
    }
  };
  const visitUnknown = (value: unknown): void => {
    if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') visit(value as TSESTree.Node);
  };
  visit(fn.body);
  return dynamic;
}

function checkClassInstance(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  ctx: ContractContext,
  call: TSESTree.CallExpression,
): void {
  const arg = call.arguments[0];
  if (!arg || arg.type === T.SpreadElement) return;
  const prop = getProperty(ctx.evaluate(arg), 'activities');
  if (typeof prop === 'string' || !prop.valueNode) return;
  const target = reportNode(context.sourceCode, prop.valueNode, call.callee);
  const report = (className: string, methods: string[]): void => {
    context.report({
      node: target,
      messageId: 'classInstance',
      data: {
        className,
        methods: methods.length === 1 ? 'method' : 'methods',
        list: methods.map((m) => `\`${m}\``).join(', '),
        are: methods.length === 1 ? 'is' : 'are',
      },
    });
  };
  const instance = prop.value.kind === 'unknown' && prop.value.node ? prop.value.node : prop.valueNode;
  const local = reportNode(context.sourceCode, instance, prop.valueNode) === instance ? localPrototypeMethods(context.sourceCode, instance) : undefined;
  if (local) {
    report(local.className, local.methods);
    return;
  }
  const worker = modelWorkerAt(ctx, call)?.info;
  if (!worker?.activities) return;
  const own = new Set(worker.activities.names.map((n) => n.name));
  for (const cls of worker.activities.classInstances) {
    const methods = cls.prototypeMethods.filter((m) => !own.has(m));
    if (methods.length > 0) {
      report(cls.className, methods);
      return;
    }
  }
}
