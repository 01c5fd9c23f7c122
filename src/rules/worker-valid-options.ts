import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { ProjectModel } from '../project/index.js';
import { RESERVED_EXACT_NAMES, TEMPORAL_RESERVED_PREFIX } from '../sdk/reserved-names.js';
import { createContractContext, describePosition, modelWorkerAt, reportNode, stringValue, workerCallKind } from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { getProperty, type StaticProperty, type StaticValue } from '../utils/static-value.js';

export type Options = [
  {
    reportClampedValues?: boolean;
  },
];
export type MessageIds = 'tunerWithMaxConcurrent' | 'ignoredAndPreloaded' | 'invalidTaskQueue' | 'ignoredModuleUsed' | 'clampedValue';

/** The options `Worker.create` refuses next to `tuner` (`worker-options.ts`, `addDefaultWorkerOptions`). */
const TUNER_EXCLUSIVE = ['maxConcurrentActivityTaskExecutions', 'maxConcurrentLocalActivityExecutions', 'maxConcurrentWorkflowTaskExecutions'];

/** `moduleMatches` of `worker/src/workflow/bundler.ts`: the module or a subpath of it. */
function moduleMatches(module: string, modules: readonly string[]): boolean {
  return modules.some((m) => module === m || module.startsWith(`${m}/`));
}

function isSet(prop: StaticProperty | 'absent' | 'unknown'): prop is StaticProperty {
  return typeof prop !== 'string' && !(prop.value.kind === 'literal' && prop.value.value === undefined);
}

function numberValue(prop: StaticProperty | 'absent' | 'unknown'): number | undefined {
  return typeof prop !== 'string' && prop.value.kind === 'literal' && typeof prop.value.value === 'number' ? prop.value.value : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'worker-valid-options',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow worker options that make `Worker.create` or the workflow bundle fail, or that the worker silently overrides',
      recommended: 'error',
      strict: { severity: 'error', options: { reportClampedValues: true } },
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportClampedValues: {
            type: 'boolean',
            description:
              'Also report cache and concurrency values that the worker replaces with a warning (`maxCachedWorkflows` of 1, `maxConcurrentWorkflowTaskExecutions` above `maxCachedWorkflows` or below 2).',
          },
        },
      },
    ],
    defaultOptions: [{ reportClampedValues: false }],
    messages: {
      tunerWithMaxConcurrent:
        '`{{option}}` cannot be combined with `tuner`: `Worker.create` throws `TypeError: Cannot set both tuner and {{option}}`. Size the slot suppliers in the tuner instead.',
      ignoredAndPreloaded:
        '`{{module}}` is both preloaded and ignored: the bundler throws `Cannot preload modules that are also ignored` and the worker does not start.',
      invalidTaskQueue: 'Task queue `\'{{queue}}\'` {{reason}}: `Worker.create` throws a `TypeError` and the worker does not start.',
      ignoredModuleUsed:
        '`{{module}}` is in `ignoreModules`, so it is an empty module in the workflow bundle, but {{place}} uses `{{name}}` when the bundle loads: that throws a `TypeError` and fails every workflow this worker runs.',
      clampedValue: '`{{option}}: {{value}}` is not applied: {{reason}}, and the worker logs a warning and uses {{applied}}.',
    },
  },
  create(context, [options]) {
    const text = context.sourceCode.text;
    if (!text.includes('Worker') && !text.includes('bundleWorkflowCode')) return {};
    const ctx = createContractContext(context);
    const reportClamped = options.reportClampedValues === true;

    function nodeOf(prop: StaticProperty, fallback: TSESTree.Node): TSESTree.Node {
      return reportNode(context.sourceCode, prop.keyNode ?? prop.valueNode, fallback);
    }

    return {
      CallExpression(node) {
        const kind = workerCallKind(ctx.resolver, node);
        if (kind !== 'Worker.create' && kind !== 'bundleWorkflowCode') return;
        const arg = node.arguments[0];
        if (!arg || arg.type === T.SpreadElement) return;
        const opts = ctx.evaluate(arg);
        if (opts.kind !== 'object') return;
        const fallback = node.callee;

        const bundler = kind === 'Worker.create' ? getProperty(opts, 'bundlerOptions') : undefined;
        const bundlerValue: StaticValue = kind === 'Worker.create' ? (typeof bundler === 'string' || !bundler ? { kind: 'unknown' } : bundler.value) : opts;
        const ignore = stringList(bundlerValue, 'ignoreModules');
        const preload = stringList(bundlerValue, 'preloadModules');
        for (const item of preload) {
          if (moduleMatches(item.value, ignore.map((i) => i.value))) {
            context.report({ node: reportNode(context.sourceCode, item.node, fallback), messageId: 'ignoredAndPreloaded', data: { module: item.value } });
          }
        }
        if (kind === 'Worker.create') {
          checkWorkerOptions(opts, fallback);
          if (ctx.model) checkIgnoredUses(ctx.model, node, ignore, fallback);
        }
      },
    };

    function checkWorkerOptions(opts: StaticValue, fallback: TSESTree.Node): void {
      if (isSet(getProperty(opts, 'tuner'))) {
        for (const option of TUNER_EXCLUSIVE) {
          const prop = getProperty(opts, option);
          if (isSet(prop)) context.report({ node: nodeOf(prop, fallback), messageId: 'tunerWithMaxConcurrent', data: { option } });
        }
      }
      const taskQueueProp = getProperty(opts, 'taskQueue');
      const queue = typeof taskQueueProp === 'string' ? undefined : stringValue(taskQueueProp.value);
      if (queue !== undefined && typeof taskQueueProp !== 'string') {
        const reason =
          queue === ''
            ? 'is empty'
            : queue.startsWith(TEMPORAL_RESERVED_PREFIX)
              ? `starts with the reserved prefix \`${TEMPORAL_RESERVED_PREFIX}\``
              : RESERVED_EXACT_NAMES.includes(queue)
                ? 'is a name the SDK reserves'
                : undefined;
        if (reason !== undefined) {
          context.report({ node: reportNode(context.sourceCode, taskQueueProp.valueNode, fallback), messageId: 'invalidTaskQueue', data: { queue, reason } });
        }
      }
      if (!reportClamped || isSet(getProperty(opts, 'tuner'))) return;
      const cacheProp = getProperty(opts, 'maxCachedWorkflows');
      const wftProp = getProperty(opts, 'maxConcurrentWorkflowTaskExecutions');
      let cache = numberValue(cacheProp);
      if (cache !== undefined && cache !== 0 && cache < 2 && typeof cacheProp !== 'string') {
        context.report({
          node: nodeOf(cacheProp, fallback),
          messageId: 'clampedValue',
          data: { option: 'maxCachedWorkflows', value: String(cache), reason: 'it must be 0 (no cache) or at least 2', applied: '2' },
        });
        cache = 2;
      }
      const wft = numberValue(wftProp);
      if (wft === undefined || typeof wftProp === 'string') return;
      const cacheEnabled = cache === undefined ? cacheProp === 'absent' : cache > 0;
      if (cache !== undefined && cache > 0 && wft > cache) {
        context.report({
          node: nodeOf(wftProp, fallback),
          messageId: 'clampedValue',
          data: {
            option: 'maxConcurrentWorkflowTaskExecutions',
            value: String(wft),
            reason: `it cannot exceed \`maxCachedWorkflows\` (${String(cache)}) while the cache is enabled`,
            applied: String(cache),
          },
        });
      } else if (cacheEnabled && wft < 2) {
        context.report({
          node: nodeOf(wftProp, fallback),
          messageId: 'clampedValue',
          data: { option: 'maxConcurrentWorkflowTaskExecutions', value: String(wft), reason: 'it cannot be lower than 2 while the workflow cache is enabled', applied: '2' },
        });
      }
    }

    function checkIgnoredUses(model: ProjectModel, call: TSESTree.CallExpression, ignore: ListItem[], fallback: TSESTree.Node): void {
      if (ignore.length === 0) return;
      const found = modelWorkerAt(ctx, call);
      if (!found) return;
      const files = model.bundleFiles().filter((b) => b.workers.includes(found.index));
      for (const item of ignore) {
        for (const file of files) {
          const use = moduleScopeUse(model, file.file, item.value);
          if (!use) continue;
          context.report({
            node: reportNode(context.sourceCode, item.node, fallback),
            messageId: 'ignoredModuleUsed',
            data: { module: item.value, place: describePosition(model, { file: file.file, line: use.line, column: 0 }), name: use.name },
          });
          break;
        }
      }
    }
  },
});

interface ListItem {
  value: string;
  node: TSESTree.Node | undefined;
}

function stringList(owner: StaticValue, key: string): ListItem[] {
  const prop = getProperty(owner, key);
  if (typeof prop === 'string' || prop.value.kind !== 'array') return [];
  const items: ListItem[] = [];
  for (const element of prop.value.elements) {
    if (element.kind === 'literal' && typeof element.value === 'string') items.push({ value: element.value, node: element.node });
  }
  return items;
}

type Node = TSESTree.Node;

/** Type-only subtrees: never run. */
const TYPE_KEYS = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType', 'superTypeArguments', 'implements']);
const SKIPPED = new Set<string>([
  T.FunctionDeclaration,
  T.FunctionExpression,
  T.ArrowFunctionExpression,
  T.ClassDeclaration,
  T.ClassExpression,
  T.TSInterfaceDeclaration,
  T.TSTypeAliasDeclaration,
  T.TSDeclareFunction,
  T.TSModuleDeclaration,
  T.ImportDeclaration,
  T.ExportAllDeclaration,
]);

function requireOf(node: Node): string | undefined {
  if (node.type !== T.CallExpression || node.callee.type !== T.Identifier || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === T.Literal && typeof arg.value === 'string' ? arg.value : undefined;
}

/**
 * A use of ignored module `module` in the module scope of `file` (code that runs when the bundle loads) that throws
 * on the empty module: calling or reading through a binding imported from it.
 */
function moduleScopeUse(model: ProjectModel, file: string, module: string): { line: number; name: string } | undefined {
  let program: TSESTree.Program | undefined;
  try {
    // the fast scan lists every import and `require('…')` of the file: no request for the module, no parse
    const requests = model.moduleFacts(file)?.requests;
    if (requests && !requests.some((r) => moduleMatches(r.specifier, [module]))) return undefined;
    program = model.getAst(file);
  } catch {
    return undefined;
  }
  if (!program) return undefined;
  /** Local name → whether it is the module object (namespace/default/require) or a named export. */
  const locals = new Map<string, 'object' | 'named'>();
  for (const statement of program.body) {
    if (statement.type === T.ImportDeclaration && statement.importKind !== 'type' && moduleMatches(statement.source.value, [module])) {
      for (const spec of statement.specifiers) {
        if (spec.type === T.ImportSpecifier && spec.importKind === 'type') continue;
        locals.set(spec.local.name, spec.type === T.ImportSpecifier ? 'named' : 'object');
      }
    }
    if (statement.type === T.VariableDeclaration) {
      for (const d of statement.declarations) {
        const source = d.init ? requireOf(d.init) : undefined;
        if (source === undefined || !moduleMatches(source, [module])) continue;
        if (d.id.type === T.Identifier) locals.set(d.id.name, 'object');
        else if (d.id.type === T.ObjectPattern) {
          for (const p of d.id.properties) if (p.type === T.Property && p.value.type === T.Identifier) locals.set(p.value.name, 'named');
        }
      }
    }
  }
  let found: { line: number; name: string } | undefined;
  const visit = (node: Node, parent: Node | undefined, key: string): void => {
    if (found || SKIPPED.has(node.type)) return;
    const use = throwingUse(node, parent, key, locals);
    if (use) {
      found = { line: node.loc.start.line, name: use };
      return;
    }
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === 'parent' || TYPE_KEYS.has(childKey)) continue;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (isNode(item)) visit(item, node, childKey);
      } else if (isNode(value)) visit(value, node, childKey);
    }
  };
  for (const statement of program.body) visit(statement, program, 'body');
  return found;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `fs.readFileSync(...)` / `fs.constants.X` for a module object; `readFileSync(...)` / `x.y` for a named import. */
function throwingUse(node: Node, parent: Node | undefined, key: string, locals: Map<string, 'object' | 'named'>): string | undefined {
  if (node.type === T.Identifier) {
    const kind = locals.get(node.name);
    if (kind !== 'named' || !parent) return undefined;
    if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && key === 'callee') return node.name;
    if (parent.type === T.MemberExpression && key === 'object') return node.name;
    return undefined;
  }
  if (node.type === T.MemberExpression && node.object.type === T.Identifier && locals.get(node.object.name) === 'object' && parent) {
    const text = !node.computed && node.property.type === T.Identifier ? `${node.object.name}.${node.property.name}` : node.object.name;
    if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && key === 'callee') return text;
    if (parent.type === T.MemberExpression && key === 'object') return text;
  }
  return undefined;
}
