import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { isFromPackage, unwrapExpression, type ReferenceResolver } from './references.js';

/**
 * Activity stubs and the `proxyActivities` / `proxyLocalActivities` calls that made them.
 *
 * `const { greet } = proxyActivities(opts)`, `const acts = wf.proxyActivities(opts); acts.greet`,
 * `proxyLocalActivities(opts).greet` and `greet.executeWithOptions(...)` all lead back to the proxy call,
 * so a rule can read the options that govern a stub call.
 */

export const PROXY_FUNCTIONS = ['proxyActivities', 'proxyLocalActivities'] as const;
export type ProxyFunction = (typeof PROXY_FUNCTIONS)[number];

export interface ActivityProxy {
  /** The `proxyActivities(...)` / `proxyLocalActivities(...)` call. */
  call: TSESTree.CallExpression;
  /** Its options argument, if any. */
  optionsNode: TSESTree.Node | undefined;
  /** `proxyLocalActivities`. */
  local: boolean;
  /** The activity name the stub calls (`greet`), when the callee names one. */
  activityName: string | undefined;
  /** `greet.executeWithOptions(...)`: the call carries its own overrides as first argument. */
  withOptions: boolean;
}

const MAX_DEPTH = 12;

/** `'proxyActivities'` / `'proxyLocalActivities'` when `node` is a call of it from `@temporalio/workflow`. */
export function proxyFunctionOf(resolver: ReferenceResolver, node: TSESTree.Node): ProxyFunction | undefined {
  const call = unwrapExpression(node);
  if (call.type !== T.CallExpression) return undefined;
  const ref = resolver.resolveModule(call.callee);
  if (!ref || !isFromPackage(ref.source, '@temporalio/workflow') || ref.path.length !== 1) return undefined;
  const name = ref.path[0];
  return name === 'proxyActivities' || name === 'proxyLocalActivities' ? name : undefined;
}

/**
 * The proxy behind an activity stub callee (`greet`, `acts.greet`, `greet.executeWithOptions`), or undefined when
 * `callee` is not a stub or the proxy call cannot be found in this file.
 */
export function findActivityProxy(
  resolver: ReferenceResolver,
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
): ActivityProxy | undefined {
  try {
    const ref = resolver.resolveModule(callee);
    if (!ref || !isFromPackage(ref.source, '@temporalio/workflow')) return undefined;
    const [fn, called, name, method, ...rest] = ref.path;
    if ((fn !== 'proxyActivities' && fn !== 'proxyLocalActivities') || called !== '()' || name === undefined) return undefined;
    if (rest.length > 0 || (method !== undefined && method !== 'executeWithOptions')) return undefined;
    const call = findProxyCall(resolver, sourceCode, callee, 0);
    if (!call) return undefined;
    const arg = call.arguments[0];
    return {
      call,
      optionsNode: arg && arg.type !== T.SpreadElement ? arg : undefined,
      local: fn === 'proxyLocalActivities',
      activityName: name,
      withOptions: method === 'executeWithOptions',
    };
  } catch {
    return undefined;
  }
}

function findProxyCall(
  resolver: ReferenceResolver,
  sourceCode: Readonly<TSESLint.SourceCode>,
  input: TSESTree.Node,
  depth: number,
): TSESTree.CallExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(input);
  switch (node.type) {
    case T.CallExpression:
      return proxyFunctionOf(resolver, node) ? node : undefined;
    case T.MemberExpression:
      return findProxyCall(resolver, sourceCode, node.object, depth + 1);
    case T.Identifier: {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      const def = variable?.defs[0];
      if (def?.type !== TSESLintRuntime.Scope.DefinitionType.Variable || !def.node.init) return undefined;
      return findProxyCall(resolver, sourceCode, def.node.init, depth + 1);
    }
    default:
      return undefined;
  }
}
