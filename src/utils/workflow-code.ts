/**
 * Shared set-up of the `workflow-*` rules: is the linted file workflow code, why (the chain quoted in messages),
 * a `ReferenceResolver` wired to the project model, and which functions of the file are workflow functions.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { getFileInfo, getProjectModel, type FileInfo, type ProjectModel } from '../project/index.js';
import { isFunctionNode, type FunctionNode } from './ast.js';
import { fileResolver, type ReferenceResolver, unwrapExpression } from './references.js';
import { LintMemo } from './lint-memo.js';

const { DefinitionType } = TSESLintRuntime.Scope;

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface WorkflowCodeContext {
  info: FileInfo;
  model: ProjectModel;
  resolver: ReferenceResolver;
  /**
   * `''` when the file is workflow code by itself (a convention file or a `workflowsPath` entry), otherwise
   * `' (workflow code: src/worker.ts (workflowsPath) → src/workflows.ts → src/utils/ids.ts)'`, for a `{{why}}`
   * placeholder at the end of a message sentence.
   */
  why: string;
}

/**
 * The workflow-code context of the linted file, or undefined when the file is not workflow code. Throws only for
 * invalid `settings.temporalio` (an Error naming the key, as `getProjectModel` does); never on project contents.
 */
export function getWorkflowCodeContext(context: AnyContext): WorkflowCodeContext | undefined {
  const info = getFileInfo(context);
  // Every workflow rule asks for the same file: build the context (and its `why` chain) once.
  const memo = workflowContexts.get(context.sourceCode.ast);
  if (memo?.info === info && memo.filename === context.filename) return memo.result;
  const result = computeWorkflowCodeContext(context, info);
  workflowContexts.set(context.sourceCode.ast, { info, filename: context.filename, result });
  return result;
}

/** By the file's tree: a host may reuse its `SourceCode` object for the next file (oxlint's JS plugins do). */
const workflowContexts = new LintMemo<{ info: FileInfo; filename: string; result: WorkflowCodeContext | undefined }>();

function computeWorkflowCodeContext(context: AnyContext, info: FileInfo): WorkflowCodeContext | undefined {
  if (!info.has('workflow')) return undefined;
  // A module the worker registers as activities, reached from workflow code only through an import of it: that
  // import is the mistake, and `workflow-no-activity-implementation` reports it there. Reporting every `fetch` or
  // `fs` call inside the activities as well would bury it.
  if (info.roles.get('activity')?.source === 'discovery' && !info.isWorkflowEntry) return undefined;
  const model = getProjectModel(context);
  try {
    const resolver = fileResolver(context.sourceCode, context.filename, model);
    const evidence = info.roles.get('workflow');
    const self = info.isWorkflowEntry || evidence?.source === 'convention' || (evidence?.chain.length ?? 0) <= 1;
    const chain = info.describe('workflow');
    const why = self || chain === undefined ? '' : ` (workflow code: ${chain})`;
    return { info, model, resolver, why };
  } catch {
    return undefined;
  }
}

/** The function a local identifier is bound to in the same file (`function f() {}`, `const f = () => {}`). */
export function resolveLocalFunction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): FunctionNode | undefined {
  const target = unwrapExpression(node);
  if (isFunctionNode(target)) return target;
  if (target.type !== T.Identifier) return undefined;
  let variable: TSESLint.Scope.Variable | null;
  try {
    variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  } catch {
    return undefined;
  }
  const def = variable?.defs[0];
  if (!variable || !def) return undefined;
  if (def.type === DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
  if (def.type === DefinitionType.Variable && def.node.id.type === T.Identifier) {
    const writes = variable.references.filter((r) => r.isWrite()).length;
    if (def.parent.kind !== 'const' && writes > 1) return undefined;
    const init = def.node.init ? unwrapExpression(def.node.init) : undefined;
    return isFunctionNode(init) ? init : undefined;
  }
  return undefined;
}

/**
 * The functions a workflow module exports: `export async function wf() {}`, `export const wf = async () => {}`,
 * `export default async function`, `export { wf, wf as alias }` for local functions. These are the workflow types when
 * the module is a `workflowsPath` entry (or re-exported by it).
 */
export function exportedFunctions(sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode[] {
  const out = new Set<FunctionNode>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ExportNamedDeclaration) {
      const decl = statement.declaration;
      if (decl?.type === T.FunctionDeclaration) out.add(decl);
      else if (decl?.type === T.VariableDeclaration) {
        for (const declarator of decl.declarations) {
          const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
          if (isFunctionNode(init)) out.add(init);
        }
      } else if (!statement.source) {
        for (const spec of statement.specifiers) {
          const fn = resolveLocalFunction(sourceCode, spec.local);
          if (fn) out.add(fn);
        }
      }
    } else if (statement.type === T.ExportDefaultDeclaration) {
      const decl = statement.declaration;
      if (isFunctionNode(decl)) out.add(decl);
      else {
        const fn = resolveLocalFunction(sourceCode, decl);
        if (fn) out.add(fn);
      }
    }
  }
  return [...out];
}

/**
 * Visits `root` and its descendants in source order. `enter` returns `false` to skip a node's children.
 * With `skipFunctions`, nested functions (not `root` itself) are not entered: their bodies run at another time.
 */
export function walk(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  enter: (node: TSESTree.Node) => boolean | undefined,
  skipFunctions = false,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (skipFunctions && node !== root && isFunctionNode(node)) continue;
    if (enter(node) === false) continue;
    // Children pushed last to first, so that they are visited in source order.
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k] ?? ''];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const item: unknown = value[i];
          if (isNode(item)) stack.push(item);
        }
      } else if (isNode(value)) stack.push(value);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * The `await`s (and `for await` loops) that run whenever `node` runs, in evaluation order: not those in nested
 * functions, in `?:` branches, or on the right of `&&`/`||`/`??`.
 */
export function unconditionalAwaits(
  node: TSESTree.Node,
  keys: TSESLint.SourceCode.VisitorKeys,
  out: TSESTree.Node[] = [],
): TSESTree.Node[] {
  if (isFunctionNode(node) || node.type === T.ClassBody) return out;
  if (node.type === T.AwaitExpression) {
    unconditionalAwaits(node.argument, keys, out);
    out.push(node);
    return out;
  }
  if (node.type === T.ConditionalExpression) return unconditionalAwaits(node.test, keys, out);
  if (node.type === T.LogicalExpression) return unconditionalAwaits(node.left, keys, out);
  for (const key of keys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (isNode(child)) unconditionalAwaits(child, keys, out);
    }
  }
  return out;
}

/** The first of {@link unconditionalAwaits}. */
export function unconditionalAwait(node: TSESTree.Node, keys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node | undefined {
  return unconditionalAwaits(node, keys)[0];
}
