/**
 * The project root for a linted file (nearest package or tsconfig folder, lifted to an enclosing workspace root)
 * and the workspace packages of a root (`package.json` `workspaces`, `pnpm-workspace.yaml`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createGlobMatcher } from '../utils/glob.js';
import { realpath, toPosix } from './fs.js';
import { readJson } from './tsconfig.js';

const rootCache = new Map<string, string | null>();

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Workspace globs declared in `dir`, or undefined when `dir` is not a workspace root. */
export function workspacePatterns(dir: string): string[] | undefined {
  const pkg = exists(`${dir}/package.json`) ? readJson(`${dir}/package.json`) : undefined;
  const ws = pkg?.workspaces;
  const fromPkg = Array.isArray(ws) ? ws : ws && typeof ws === 'object' ? (ws as Record<string, unknown>).packages : undefined;
  if (Array.isArray(fromPkg)) return fromPkg.filter((p): p is string => typeof p === 'string');
  const pnpm = `${dir}/pnpm-workspace.yaml`;
  if (!exists(pnpm)) return undefined;
  try {
    const text = fs.readFileSync(pnpm, 'utf8');
    return [...text.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)].map((m) => m[1] ?? '').filter(Boolean);
  } catch {
    return [];
  }
}

function findUncached(start: string): string | undefined {
  let candidate: string | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (!candidate && (exists(path.join(dir, 'package.json')) || exists(path.join(dir, 'tsconfig.json')))) candidate = dir;
    if (candidate && dir !== candidate && workspacePatterns(toPosix(dir)) !== undefined) return dir;
    if (dir === path.dirname(dir) || exists(path.join(dir, '.git'))) break;
  }
  return candidate;
}

/**
 * The root for `file`: the nearest folder with a package.json or tsconfig.json, or the workspace root above it
 * (searching up to the repository's `.git` folder). `undefined` when none exists.
 */
export function findProjectRoot(file: string): string | undefined {
  const start = path.dirname(path.resolve(file));
  let cached = rootCache.get(start);
  if (cached === undefined) {
    const found = findUncached(start);
    cached = found ? (realpath(found) ?? toPosix(found)) : null;
    rootCache.set(start, cached);
  }
  return cached ?? undefined;
}

/** Workspace package name → real directory, for a workspace root. */
export function readWorkspaces(root: string): Map<string, string> {
  const result = new Map<string, string>();
  const patterns = workspacePatterns(root);
  if (!patterns || patterns.length === 0) return result;
  const match = createGlobMatcher(patterns.map((p) => p.replace(/\/$/, '')));
  const visit = (dir: string, rel: string, depth: number): void => {
    if (depth > 4) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const child = `${dir}/${entry.name}`;
      if (match(childRel)) {
        const name = readJson(`${child}/package.json`)?.name;
        if (typeof name === 'string') result.set(name, realpath(child) ?? child);
      }
      visit(child, childRel, depth + 1);
    }
  };
  visit(root, '', 0);
  return result;
}
