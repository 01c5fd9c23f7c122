/**
 * File-system access for the model: bounded reads, cached stats, and a directory walk that stays inside the
 * root, follows no symlink loops and skips dependency and build folders.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Files larger than this are not read (a diagnostic says so). */
export const MAX_FILE_SIZE = 2 * 1024 * 1024;

export const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
/** Folders never walked: dependencies, VCS, caches and common build output. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'bower_components', 'jspm_packages']);

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `child` is `parent` or below it (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
}

export function isSourceFile(file: string): boolean {
  return SOURCE_FILE.test(file) && !DECLARATION_FILE.test(file);
}

export function realpath(p: string): string | undefined {
  try {
    return toPosix(fs.realpathSync.native(p));
  } catch {
    return undefined;
  }
}

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export function stamp(file: string): FileStamp | undefined {
  try {
    const s = fs.statSync(file);
    return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : undefined;
  } catch {
    return undefined;
  }
}

export type ReadResult = { text: string; stamp: FileStamp } | { error: string };

/** Reads a text file, refusing files over {@link MAX_FILE_SIZE}. Never throws. */
export function readText(file: string): ReadResult {
  try {
    const s = fs.statSync(file);
    if (!s.isFile()) return { error: 'not a file' };
    if (s.size > MAX_FILE_SIZE) return { error: `larger than ${MAX_FILE_SIZE / 1024 / 1024} MB, not read` };
    return { text: fs.readFileSync(file, 'utf8'), stamp: { mtimeMs: s.mtimeMs, size: s.size } };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Cached `stat` kinds for one model build. */
export class StatCache {
  private readonly kinds = new Map<string, 'file' | 'dir' | null>();

  kind(p: string): 'file' | 'dir' | null {
    let k = this.kinds.get(p);
    if (k === undefined) {
      try {
        const s = fs.statSync(p);
        k = s.isFile() ? 'file' : s.isDirectory() ? 'dir' : null;
      } catch {
        k = null;
      }
      this.kinds.set(p, k);
    }
    return k;
  }

  isFile(p: string): boolean {
    return this.kind(p) === 'file';
  }

  isDir(p: string): boolean {
    return this.kind(p) === 'dir';
  }
}

export interface WalkResult {
  files: string[];
  problems: string[];
}

/**
 * Source files below `root` (a realpath), as realpaths. Symlinks are followed only when their target is inside
 * the root and not visited yet, so loops end. `skipDir` can exclude more folders (e.g. tsconfig `outDir`s).
 */
export function walkSourceFiles(root: string, skipDir: (dir: string) => boolean, limit = 200_000): WalkResult {
  const files: string[] = [];
  const problems: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const stack = [root];
  while (stack.length > 0 && files.length < limit) {
    const dir = stack.pop() ?? root;
    if (seenDirs.has(dir)) continue;
    seenDirs.add(dir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      let full = `${dir}/${name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = realpath(full);
        if (!target || !isInside(root, target)) continue;
        full = target;
        isDir = isDirectory(target);
        isFile = !isDir;
      }
      if (isDir) {
        if (name.startsWith('.') || SKIPPED_DIRS.has(name) || skipDir(full) || seenDirs.has(full)) continue;
        stack.push(full);
      } else if (isFile && isSourceFile(name) && !seenFiles.has(full)) {
        seenFiles.add(full);
        files.push(full);
      }
    }
  }
  if (files.length >= limit) problems.push(`more than ${limit} source files; the rest were not read`);
  files.sort();
  return { files, problems };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
