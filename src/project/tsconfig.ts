/**
 * The parts of tsconfig.json the model needs: `baseUrl`, `paths`, `outDir`, `rootDir`, following `extends`
 * (relative files and packages in node_modules). JSON with comments and trailing commas is accepted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside, MAX_FILE_SIZE, toPosix } from './fs.js';

export interface PathMapping {
  /** `@app/*` */
  pattern: string;
  /** Absolute targets with `*`. */
  targets: string[];
}

export interface CompilerPaths {
  file: string;
  dir: string;
  baseUrl?: string;
  paths: PathMapping[];
  outDir?: string;
  rootDir?: string;
}

/** Parses JSON with comments and trailing commas; `undefined` when invalid. */
export function parseJsonc(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else out += ch;
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1')) as unknown;
  } catch {
    return undefined;
  }
}

export function readJson(file: string): Record<string, unknown> | undefined {
  try {
    if (fs.statSync(file).size > MAX_FILE_SIZE) return undefined;
    const value = parseJsonc(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function resolveExtends(spec: string, fromDir: string, root: string): string | undefined {
  const candidates: string[] = [];
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const base = path.resolve(fromDir, spec);
    candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
  } else {
    for (let dir = fromDir; isInside(root, toPosix(dir)); dir = path.dirname(dir)) {
      const base = path.join(dir, 'node_modules', spec);
      candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
      if (dir === path.dirname(dir)) break;
    }
  }
  return candidates.find((c) => {
    try {
      return fs.statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

function readChain(file: string, root: string, seen: Set<string>): CompilerPaths | undefined {
  if (seen.has(file) || seen.size > 16) return undefined;
  seen.add(file);
  const json = readJson(file);
  if (!json) return undefined;
  const dir = path.dirname(file);
  let result: CompilerPaths = { file: toPosix(file), dir: toPosix(dir), paths: [] };
  const ext = json.extends;
  for (const spec of typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext : []) {
    if (typeof spec !== 'string') continue;
    const parentFile = resolveExtends(spec, dir, root);
    const parent = parentFile ? readChain(parentFile, root, seen) : undefined;
    if (parent) result = { ...parent, file: result.file, dir: result.dir };
  }
  const options = json.compilerOptions as Record<string, unknown> | undefined;
  if (!options || typeof options !== 'object') return result;
  const abs = (value: unknown): string | undefined => (typeof value === 'string' ? toPosix(path.resolve(dir, value)) : undefined);
  if (typeof options.baseUrl === 'string') result.baseUrl = abs(options.baseUrl);
  if (typeof options.outDir === 'string') result.outDir = abs(options.outDir);
  if (typeof options.rootDir === 'string') result.rootDir = abs(options.rootDir);
  if (options.paths && typeof options.paths === 'object') {
    const base = result.baseUrl ?? toPosix(dir);
    result.paths = Object.entries(options.paths as Record<string, unknown>).map(([pattern, targets]) => ({
      pattern,
      targets: (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string').map((t) => toPosix(path.resolve(base, t))),
    }));
  }
  return result;
}

/** Finds and reads the tsconfig.json governing files in a directory (the nearest one up to the root). */
export class TsconfigLookup {
  private readonly byDir = new Map<string, CompilerPaths | null>();
  /** Every tsconfig file read (for revalidation). */
  readonly files = new Set<string>();

  constructor(private readonly root: string) {}

  forDir(dir: string): CompilerPaths | undefined {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let result: CompilerPaths | undefined;
    const candidate = `${dir}/tsconfig.json`;
    if (fs.existsSync(candidate)) {
      result = readChain(candidate, this.root, new Set());
      this.files.add(candidate);
    }
    const parent = path.posix.dirname(dir);
    if (!result && dir !== this.root && parent !== dir && isInside(this.root, parent)) result = this.forDir(parent);
    this.byDir.set(dir, result ?? null);
    return result;
  }

  forFile(file: string): CompilerPaths | undefined {
    return this.forDir(path.posix.dirname(file));
  }
}
