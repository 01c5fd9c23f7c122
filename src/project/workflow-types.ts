/**
 * Workflow types of the `workflowsPath` modules: every exported function (facts §5.1: the export key is the
 * type name, `default` the fallback handler), through re-exports and barrels.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { position } from './activities.js';
import { unwrap } from './evaluate.js';
import type { ProjectFiles } from './files.js';
import type { WorkflowType } from './types.js';

function isFunction(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression;
}

function typesOf(files: ProjectFiles, file: string): WorkflowType[] {
  const result: WorkflowType[] = [];
  for (const name of files.exportNames(file)) {
    const origin = files.exportOrigin(file, name);
    if (origin?.kind !== 'file' || origin.local === '*') continue;
    const mod = files.parsed(origin.file);
    if (!mod) continue;
    const decl = origin.local === 'default' ? mod.defaultExpression : (mod.declarations.get(origin.local) ?? mod.topLevel.get(origin.local));
    if (!decl || !isFunction(decl)) continue;
    const fn = unwrap(decl);
    const declaredName = fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression ? fn.id?.name : undefined;
    const type: WorkflowType = { name, file: origin.file, position: position(origin.file, fn) };
    const functionName = declaredName ?? (origin.local === 'default' ? undefined : origin.local);
    if (functionName !== undefined) type.functionName = functionName;
    result.push(type);
  }
  return result;
}

/** Workflow types exported by the given `workflowsPath` files; `undefined` when none is known. */
export function collectWorkflowTypes(files: ProjectFiles, workflowsPaths: readonly (string | undefined)[]): WorkflowType[] | undefined {
  const known = [...new Set(workflowsPaths.filter((p): p is string => p !== undefined))];
  if (known.length === 0) return undefined;
  const seen = new Set<string>();
  const result: WorkflowType[] = [];
  for (const file of known) {
    for (const type of typesOf(files, file)) {
      const key = `${type.name}\0${type.file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(type);
    }
  }
  return result;
}
