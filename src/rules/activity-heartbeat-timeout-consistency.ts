import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { getFileInfo, getProjectModel, type ProjectModel } from '../project/index.js';
import { proxyFunctionOf } from '../utils/activity-proxies.js';
import { ProjectFunctions, type LocatedFunction } from '../utils/project-functions.js';
import { memberName } from '../utils/activity-code.js';
import { registeredDefinitions } from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { resolveImportedFile } from '../utils/cross-file.js';
import { isInFile } from '../utils/object-fixes.js';
import { projectLookup } from '../utils/project-lookup.js';
import { fileResolver } from '../utils/references.js';
import { evaluate, getProperty, literalValue } from '../utils/static-value.js';

export type Options = [];
export type MessageIds = 'heartbeatTimeoutWithoutHeartbeat' | 'heartbeatWithoutTimeout';

interface NamesUsed {
  names: string[];
  /** Every activity called through this proxy is in `names`. */
  complete: boolean;
}

const { DefinitionType } = TSESLintRuntime.Scope;
const MAX_LISTED = 3;

function listNames(names: readonly string[]): string {
  const quoted = names.slice(0, MAX_LISTED).map((n) => `\`${n}\``);
  if (names.length > MAX_LISTED) return `${quoted.join(', ')} and ${names.length - MAX_LISTED} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}

export default createRule<Options, MessageIds>({
  name: 'activity-heartbeat-timeout-consistency',
  meta: {
    type: 'problem',
    docs: {
      description: "Require `heartbeatTimeout` on activity proxies to match whether the activities heartbeat",
      recommended: 'warn',
    },
    schema: [],
    messages: {
      heartbeatTimeoutWithoutHeartbeat:
        '`heartbeatTimeout` is set, but {{names}} never {{verb}} `heartbeat()` ({{where}}): every attempt that runs longer than `heartbeatTimeout` fails with a heartbeat timeout and is retried. Heartbeat in the activity, or remove `heartbeatTimeout`.',
      heartbeatWithoutTimeout:
        "This `proxyActivities()` sets no `heartbeatTimeout`, but {{names}} {{verb}} `heartbeat()` ({{where}}): the server cannot tell a stalled attempt from a slow one before `startToCloseTimeout`, and heartbeats (which bring cancellation) are throttled to the worker's 30-second default. Set `heartbeatTimeout`.",
    },
  },
  create(context) {
    const info = getFileInfo(context);
    if (!info.has('workflow')) return {};
    const sourceCode = context.sourceCode;
    if (!sourceCode.text.includes('proxyActivities')) return {};
    let model: ProjectModel;
    try {
      model = getProjectModel(context);
    } catch {
      return {};
    }
    const resolver = fileResolver(sourceCode, context.filename, model);
    const lookup = projectLookup(context);
    const analyzer = ProjectFunctions.for(model);

    function relative(file: string): string {
      const root = model.root.endsWith('/') ? model.root : `${model.root}/`;
      return file.startsWith(root) ? file.slice(root.length) : file;
    }

    /** The activity names called through the proxy that `call` creates. */
    function namesUsed(call: TSESTree.CallExpression): NamesUsed | undefined {
      let node: TSESTree.Node = call;
      while (
        (node.parent.type === T.TSAsExpression ||
          node.parent.type === T.TSSatisfiesExpression ||
          node.parent.type === T.TSNonNullExpression ||
          node.parent.type === T.ChainExpression)
      ) {
        node = node.parent;
      }
      const parent = node.parent;
      if (parent.type === T.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        return name === undefined ? undefined : { names: [name], complete: true };
      }
      if (parent.type !== T.VariableDeclarator || parent.init !== node) return undefined;
      const exported = parent.parent.parent.type === T.ExportNamedDeclaration;
      if (parent.id.type === T.ObjectPattern) {
        const names: string[] = [];
        let complete = !exported;
        for (const property of parent.id.properties) {
          if (property.type === T.RestElement) {
            complete = false;
            continue;
          }
          const key = !property.computed && property.key.type === T.Identifier ? property.key.name : property.key.type === T.Literal ? String(property.key.value) : undefined;
          if (key === undefined) complete = false;
          else names.push(key);
        }
        return { names, complete };
      }
      if (parent.id.type !== T.Identifier) return undefined;
      const variable = sourceCode.getDeclaredVariables(parent)[0];
      if (!variable) return undefined;
      const names = new Set<string>();
      let complete = !exported;
      for (const reference of variable.references) {
        if (reference.init) continue;
        const use = reference.identifier.parent;
        const name = use.type === T.MemberExpression && use.object === reference.identifier ? memberName(use) : undefined;
        if (name === undefined) complete = false;
        else names.add(name);
      }
      return { names: [...names], complete };
    }

    /** The implementation a worker registers under `name`, when exactly one is known. */
    function registered(name: string): LocatedFunction | undefined {
      const positions = registeredDefinitions(model, name);
      if (positions?.size !== 1) return undefined;
      const only = [...positions.values()][0];
      return only?.position ? analyzer.functionAt(only.position) : undefined;
    }

    function importedFile(id: TSESTree.Identifier): { file: string; imported: string } | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
      const def = variable?.defs[0];
      if (def?.type !== DefinitionType.ImportBinding) return undefined;
      const spec = def.node;
      const declaration = spec.parent;
      if (declaration.type !== T.ImportDeclaration) return undefined;
      const file = resolveImportedFile(context, declaration.source.value);
      if (!file) return undefined;
      if (spec.type === T.ImportNamespaceSpecifier) return { file, imported: '*' };
      if (spec.type === T.ImportDefaultSpecifier) return { file, imported: 'default' };
      if (spec.type === T.ImportSpecifier) {
        return { file, imported: spec.imported.type === T.Identifier ? spec.imported.name : spec.imported.value };
      }
      return undefined;
    }

    /** The implementation named by the proxy's type argument: `typeof activities`, `ReturnType<typeof create>`. */
    function typed(call: TSESTree.CallExpression, name: string): LocatedFunction | undefined {
      const type = call.typeArguments?.params[0];
      return type ? fromType(type, name) : undefined;
    }

    function fromType(type: TSESTree.TypeNode, name: string): LocatedFunction | undefined {
      // `typeof a & typeof b`: the activity is a member of one of them.
      if (type.type === T.TSIntersectionType) {
        for (const member of type.types) {
          const found = fromType(member, name);
          if (found) return found;
        }
        return undefined;
      }
      if (type.type === T.TSTypeQuery) {
        const expr = type.exprName;
        if (expr.type === T.Identifier) {
          const origin = importedFile(expr);
          if (!origin) return undefined;
          return origin.imported === '*'
            ? analyzer.exportedFunction(origin.file, name)
            : analyzer.memberFunction(origin.file, origin.imported, name);
        }
        if (expr.type === T.TSImportType) {
          const file = resolveImportedFile(context, expr.source.value);
          return file ? analyzer.exportedFunction(file, name) : undefined;
        }
        return undefined;
      }
      if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier && type.typeName.name === 'ReturnType') {
        const inner = type.typeArguments?.params[0];
        if (inner?.type !== T.TSTypeQuery || inner.exprName.type !== T.Identifier) return undefined;
        const origin = importedFile(inner.exprName);
        return origin && origin.imported !== '*' ? analyzer.memberFunction(origin.file, origin.imported, name) : undefined;
      }
      return undefined;
    }

    function implementation(call: TSESTree.CallExpression, name: string): LocatedFunction | undefined {
      try {
        return registered(name) ?? typed(call, name);
      } catch {
        return undefined;
      }
    }

    function check(call: TSESTree.CallExpression): void {
      if (proxyFunctionOf(resolver, call) !== 'proxyActivities') return;
      const optionsNode = call.arguments[0];
      if (!optionsNode || optionsNode.type === T.SpreadElement) return;
      const options = evaluate(optionsNode, lookup);
      if (options.kind !== 'object') return;
      const heartbeatTimeout = getProperty(options, 'heartbeatTimeout');
      if (heartbeatTimeout === 'unknown') return;
      const used = namesUsed(call);
      if (!used || used.names.length === 0) return;
      const timeoutValue = heartbeatTimeout === 'absent' ? undefined : literalValue(heartbeatTimeout.value);
      // `0` (and an explicit `undefined`) leave the timeout unset.
      const timeoutSet =
        heartbeatTimeout !== 'absent' &&
        !(heartbeatTimeout.value.kind === 'literal' && (timeoutValue === 0 || timeoutValue === undefined || timeoutValue === null));
      const implementations = used.names.map((name) => ({ name, impl: implementation(call, name) }));

      if (timeoutSet) {
        if (!used.complete || implementations.some((i) => !i.impl)) return;
        const files = new Set<string>();
        for (const { impl } of implementations) {
          if (!impl) return;
          const facts = analyzer.analyze(impl);
          if (facts.mentions || facts.unknown) return;
          files.add(relative(impl.file));
        }
        const keyNode = heartbeatTimeout.keyNode;
        const node = heartbeatTimeout.local && keyNode && isInFile(sourceCode, keyNode) ? keyNode : optionsNode;
        context.report({
          node,
          messageId: 'heartbeatTimeoutWithoutHeartbeat',
          data: {
            names: listNames(used.names),
            verb: used.names.length === 1 ? 'calls' : 'call',
            where: [...files].join(', '),
          },
        });
        return;
      }

      const heartbeating = implementations.filter((i) => i.impl && analyzer.analyze(i.impl).calls);
      if (heartbeating.length === 0) return;
      const files = new Set(heartbeating.map((i) => relative(i.impl?.file ?? '')));
      const node =
        heartbeatTimeout !== 'absent' && heartbeatTimeout.local && heartbeatTimeout.keyNode && isInFile(sourceCode, heartbeatTimeout.keyNode)
          ? heartbeatTimeout.keyNode
          : optionsNode;
      context.report({
        node,
        messageId: 'heartbeatWithoutTimeout',
        data: {
          names: listNames(heartbeating.map((i) => i.name)),
          verb: heartbeating.length === 1 ? 'calls' : 'call',
          where: [...files].join(', '),
        },
      });
    }

    return {
      CallExpression(call) {
        try {
          check(call);
        } catch {
          // A cross-file look-up failed: stay silent.
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});
