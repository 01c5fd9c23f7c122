/**
 * The workflow bundle as the worker's bundler sees it (facts §5.2): a breadth-first walk over value imports
 * (`import`, `export … from`, literal `require`) from the roots, not through type-only edges, dynamic `import()`
 * or `ignoreModules`, stopping at packages. Breadth-first from all roots at once gives each file its shortest chain.
 */
import type { ProjectFiles } from './files.js';

export interface GraphRoot {
  file: string;
  /** First chain element, e.g. `src/worker.ts (workflowsPath)`. */
  label: string;
}

export interface Reached {
  /** The previous file on the shortest chain; undefined for a root. */
  parent?: string;
  root: GraphRoot;
  depth: number;
}

/** `specifier` is cut by an `ignoreModules` entry (webpack alias semantics: the name or a subpath of it). */
export function isIgnored(specifier: string, ignoreModules: readonly string[]): boolean {
  return ignoreModules.some((m) => specifier === m || specifier.startsWith(`${m}/`));
}

/** Files reachable from `roots` by value imports, each with its shortest chain's parent. */
export function walkBundle(files: ProjectFiles, roots: readonly GraphRoot[], ignoreModules: readonly string[]): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  const queue: string[] = [];
  for (const root of roots) {
    if (reached.has(root.file)) continue;
    reached.set(root.file, { root, depth: 0 });
    queue.push(root.file);
  }
  for (let head = 0; head < queue.length; head++) {
    const file = queue[head] ?? '';
    const from = reached.get(file);
    const facts = files.facts(file);
    if (!from || !facts) continue;
    for (const request of facts.requests) {
      if (request.typeOnly || request.kind === 'dynamic-import' || isIgnored(request.specifier, ignoreModules)) continue;
      const target = files.resolver.resolveFile(file, request.specifier);
      if (!target || reached.has(target)) continue;
      reached.set(target, { parent: file, root: from.root, depth: from.depth + 1 });
      queue.push(target);
    }
  }
  return reached;
}
