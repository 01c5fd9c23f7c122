/**
 * Does the TypeScript compilation of a file keep imports whose bindings are used only as types (or not at all)?
 *
 * The worker's bundler compiles `.ts` sources with swc, which elides such imports like `tsc` does by default
 * (facts §1.11, verified). When the worker bundles JavaScript emitted by `tsc` instead (a `workflowsPath` that
 * resolves into `outDir`, the usual production set-up), these `compilerOptions` keep the imports in the output,
 * and webpack then bundles the imported modules:
 * - `verbatimModuleSyntax: true` (TS ≥ 5.0): only `import type` / inline `type` specifiers are dropped;
 * - `preserveValueImports: true` (TS 4.5–5.x, deprecated): value imports are kept;
 * - `importsNotUsedAsValues: "preserve" | "error"` (deprecated): import declarations are kept (as side-effect
 *   imports when no binding is used as a value).
 *
 * The nearest `tsconfig.json` above the file is read, following `extends` (relative paths and packages in
 * `node_modules`), as JSON with comments and trailing commas. Results are cached per directory and revalidated by
 * the modification time of every file read. Never throws.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseJsonc } from '../project/tsconfig.js';

export interface PreservedImports {
  /** The option that preserves imports, as written: `verbatimModuleSyntax: true`. */
  option: string;
  /** The tsconfig file that sets it (absolute path). */
  file: string;
}

interface Effective {
  verbatimModuleSyntax?: { value: unknown; file: string };
  preserveValueImports?: { value: unknown; file: string };
  importsNotUsedAsValues?: { value: unknown; file: string };
}

interface CacheEntry {
  result: PreservedImports | undefined;
  files: { file: string; mtimeMs: number }[];
}

const MAX_TSCONFIG_BYTES = 512 * 1024;
const MAX_EXTENDS_DEPTH = 16;
const MAX_UP = 64;
const byDir = new Map<string, CacheEntry>();

function readJsonObject(file: string, seen: { file: string; mtimeMs: number }[]): Record<string, unknown> | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_TSCONFIG_BYTES) return undefined;
    seen.push({ file, mtimeMs: stat.mtimeMs });
    const value = parseJsonc(fs.readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function resolveExtends(spec: string, fromDir: string): string | undefined {
  const candidates = (base: string): string[] => [base, `${base}.json`, path.join(base, 'tsconfig.json')];
  if (spec.startsWith('.') || path.isAbsolute(spec)) return candidates(path.resolve(fromDir, spec)).find(isFile);
  let dir = fromDir;
  for (let i = 0; i < MAX_UP; i++) {
    const found = candidates(path.join(dir, 'node_modules', spec)).find(isFile);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function collect(file: string, seen: { file: string; mtimeMs: number }[], depth: number, out: Effective): void {
  if (depth > MAX_EXTENDS_DEPTH) return;
  const json = readJsonObject(file, seen);
  if (!json) return;
  const ext = json.extends;
  const parents = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext : [];
  for (const spec of parents) {
    if (typeof spec !== 'string') continue;
    const parent = resolveExtends(spec, path.dirname(file));
    if (parent && !seen.some((s) => s.file === parent)) collect(parent, seen, depth + 1, out);
  }
  const options = json.compilerOptions;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return;
  const record = options as Record<string, unknown>;
  for (const key of ['verbatimModuleSyntax', 'preserveValueImports', 'importsNotUsedAsValues'] as const) {
    if (key in record) out[key] = { value: record[key], file };
  }
}

function compute(tsconfig: string): CacheEntry {
  const files: { file: string; mtimeMs: number }[] = [];
  const effective: Effective = {};
  collect(tsconfig, files, 0, effective);
  let result: PreservedImports | undefined;
  const { verbatimModuleSyntax: vms, preserveValueImports: pvi, importsNotUsedAsValues: inuav } = effective;
  if (vms?.value === true) result = { option: 'verbatimModuleSyntax: true', file: vms.file };
  else if (pvi?.value === true) result = { option: 'preserveValueImports: true', file: pvi.file };
  else if (typeof inuav?.value === 'string' && ['preserve', 'error'].includes(inuav.value.toLowerCase())) {
    result = { option: `importsNotUsedAsValues: "${inuav.value}"`, file: inuav.file };
  }
  return { result, files };
}

function findTsconfig(dir: string): string | undefined {
  let current = dir;
  for (let i = 0; i < MAX_UP; i++) {
    const candidate = path.join(current, 'tsconfig.json');
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

function stillValid(entry: CacheEntry): boolean {
  return entry.files.every(({ file, mtimeMs }) => {
    try {
      return fs.statSync(file).mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}

/** Whether the tsconfig governing `file` keeps type-only-used imports in emitted JavaScript; undefined when not. */
export function preservedImports(file: string): PreservedImports | undefined {
  try {
    const dir = path.dirname(path.resolve(file));
    const cached = byDir.get(dir);
    if (cached && stillValid(cached)) return cached.result;
    const tsconfig = findTsconfig(dir);
    const entry = tsconfig ? compute(tsconfig) : { result: undefined, files: [] };
    byDir.set(dir, entry);
    return entry.result;
  } catch {
    return undefined;
  }
}

/** `.ts`, `.tsx`, `.mts`, `.cts`: files whose unused and type-only imports TypeScript compilers elide. */
export function isTypeScriptFile(file: string): boolean {
  return /\.[cm]?tsx?$/i.test(file);
}
