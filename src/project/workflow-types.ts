/**
 * Workflow types of the `workflowsPath` modules: every exported function (facts §5.1: the export key is the
 * type name, `default` the fallback handler), through re-exports and barrels. Read from the fast scan.
 */
import type { ProjectFiles } from './files.js';
import type { WorkflowType } from './types.js';

function typesOf(files: ProjectFiles, file: string): WorkflowType[] {
  const result: WorkflowType[] = [];
  for (const [name, origin] of files.exportTable(file)) {
    if (origin.kind !== 'file' || origin.valueKind !== 'function') continue;
    const type: WorkflowType = { name, file: origin.file };
    if (origin.line !== undefined && origin.column !== undefined) type.position = { file: origin.file, line: origin.line, column: origin.column };
    if (origin.local !== 'default') type.functionName = origin.local;
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
