import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { ProjectModel } from '../project/index.js';
import { durationToMs } from '../sdk/duration.js';
import {
  type ContractContext,
  createContractContext,
  describePosition,
  stringValue,
  walkAst,
  workflowEntries,
  workflowReference,
  workflowStartCall,
} from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { isFromPackage, unwrapExpression } from '../utils/references.js';
import { evaluate, type Lookup } from '../utils/static-value.js';
import type { ExportedBinding } from '../utils/workflow-exports.js';
import { isTestEnvironmentCreation } from '../utils/test-code.js';

export type Options = [
  {
    maxTimer?: string | number;
  },
];
export type MessageIds = 'longTimer' | 'useTimeSkipping';

const DEFAULT_MAX_TIMER = '1 minute';
const DEFAULT_MAX_TIMER_MS = 60_000;

interface Timer {
  workflow: string;
  duration: string;
  ms: number;
  place: string;
}

export default createRule<Options, MessageIds>({
  name: 'test-prefer-time-skipping',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require time-skipping test environments for workflows that wait on long timers',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxTimer: {
            type: ['string', 'number'],
            description: `The longest timer a test may wait on in real time: a duration string (\`'${DEFAULT_MAX_TIMER}'\`) or milliseconds.`,
          },
        },
      },
    ],
    defaultOptions: [{ maxTimer: DEFAULT_MAX_TIMER }],
    messages: {
      longTimer:
        'This test runs `{{workflow}}`, which waits on a {{duration}} timer ({{place}}), on `createLocal()`: the local server does not skip time, so the test waits that long in real time. Use `TestWorkflowEnvironment.createTimeSkipping()`.',
      useTimeSkipping: 'Use `createTimeSkipping()`.',
    },
  },
  create(context, [options]) {
    if (!context.sourceCode.text.includes('createLocal')) return {};
    const maxTimer = durationToMs(options.maxTimer) ?? DEFAULT_MAX_TIMER_MS;
    const ctx = createContractContext(context);
    const envs: TSESTree.CallExpression[] = [];
    const workflows: TSESTree.Node[] = [];
    return {
      CallExpression(node) {
        const ref = ctx.resolver.resolve(node);
        if (isTestEnvironmentCreation(ref) && ref?.kind === 'module' && ref.path[1] === 'createLocal') {
          envs.push(node);
          return;
        }
        const start = workflowStartCall(ctx.resolver, node);
        if (start?.workflow) workflows.push(start.workflow);
      },
      'Program:exit'() {
        const model = ctx.model;
        if (envs.length === 0 || workflows.length === 0 || !model) return;
        let longest: Timer | undefined;
        for (const workflow of workflows) {
          const timer = longestTimer(ctx, model, workflow);
          if (timer && timer.ms > maxTimer && (!longest || timer.ms > longest.ms)) longest = timer;
        }
        if (!longest) return;
        const data = { workflow: longest.workflow, duration: longest.duration, place: longest.place };
        for (const env of envs) {
          const callee = unwrapExpression(env.callee);
          const property = callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier ? callee.property : undefined;
          context.report({
            node: env,
            messageId: 'longTimer',
            data,
            suggest:
              property && env.arguments.length === 0
                ? [{ messageId: 'useTimeSkipping', fix: (fixer) => fixer.replaceText(property, 'createTimeSkipping') }]
                : [],
          });
        }
      },
    };
  },
});

/** The workflow function a start names (by reference or by type), in the model's parse of its file. */
function workflowFunction(ctx: ContractContext, model: ProjectModel, workflow: TSESTree.Node): { name: string; file: string; fn: TSESTree.Node } | undefined {
  const typeName = stringValue(ctx.evaluate(workflow));
  let name: string;
  let binding: ExportedBinding | undefined;
  if (typeName !== undefined) {
    name = typeName;
    for (const entry of workflowEntries(model)) {
      const found = ctx.exports?.exportedBinding(entry, typeName);
      if (found?.kind === 'function') {
        binding = found;
        break;
      }
    }
  } else {
    const reference = workflowReference(ctx, workflow);
    name = reference?.name ?? '';
    binding = reference?.binding;
  }
  const range = binding?.range;
  if (binding?.kind !== 'function' || !binding.file || !range) return undefined;
  const target = { name, file: binding.file, start: (n: TSESTree.Node) => n.range[0] === range[0] && n.range[1] === range[1] };
  let program: TSESTree.Program | undefined;
  try {
    program = model.getAst(target.file);
  } catch {
    return undefined;
  }
  if (!program) return undefined;
  let fn: TSESTree.Node | undefined;
  walkAst(program, (n) => {
    if (fn) return false;
    if ((n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression) && target.start(n)) {
      fn = n;
      return false;
    }
    return undefined;
  });
  return fn ? { name: target.name, file: target.file, fn } : undefined;
}

/** The longest literal `sleep` / `condition` timeout in the workflow function. */
function longestTimer(ctx: ContractContext, model: ProjectModel, workflow: TSESTree.Node): Timer | undefined {
  const found = workflowFunction(ctx, model, workflow);
  if (!found) return undefined;
  const program = model.getAst(found.file);
  if (!program) return undefined;
  const names = workflowImports(program);
  const lookup: Lookup = (id) => {
    try {
      const def = model.getTopLevelConst(found.file, id.name);
      return def ? { node: def.node, lookup, local: false } : undefined;
    } catch {
      return undefined;
    }
  };
  let longest: Timer | undefined;
  walkAst(found.fn, (n) => {
    if (n.type !== T.CallExpression) return undefined;
    const api = apiName(n.callee, names);
    const arg = api === 'sleep' ? n.arguments[0] : api === 'condition' ? n.arguments[1] : undefined;
    if (!arg || arg.type === T.SpreadElement) return undefined;
    const value = evaluate(arg, lookup);
    if (value.kind !== 'literal') return undefined;
    const ms = durationToMs(value.value);
    if (ms === undefined || (longest && ms <= longest.ms)) return undefined;
    longest = {
      workflow: found.name,
      duration: typeof value.value === 'string' ? `\`'${value.value}'\`` : `${String(value.value)} ms`,
      ms,
      place: describePosition(model, { file: found.file, line: n.loc.start.line, column: n.loc.start.column }),
    };
    return undefined;
  });
  return longest;
}

/** Local names of `sleep` / `condition` and namespaces of `@temporalio/workflow` in a parsed module. */
function workflowImports(program: TSESTree.Program): { named: Map<string, string>; namespaces: Set<string> } {
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== T.ImportDeclaration || statement.importKind === 'type' || !isFromPackage(statement.source.value, '@temporalio/workflow')) continue;
    for (const spec of statement.specifiers) {
      if (spec.type === T.ImportNamespaceSpecifier) namespaces.add(spec.local.name);
      else if (spec.type === T.ImportSpecifier && spec.imported.type === T.Identifier) named.set(spec.local.name, spec.imported.name);
    }
  }
  return { named, namespaces };
}

function apiName(callee: TSESTree.Node, names: { named: Map<string, string>; namespaces: Set<string> }): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === T.Identifier) return names.named.get(node.name);
  if (node.type === T.MemberExpression && !node.computed && node.object.type === T.Identifier && names.namespaces.has(node.object.name) && node.property.type === T.Identifier) {
    return node.property.name;
  }
  return undefined;
}
