import fs from 'node:fs';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { getProjectModel } from '../project/index.js';

/**
 * Cheap, text-level look-ups in other project files, for facts a rule needs from a file it is not linting
 * (which kind a message definition is, what an error class extends). Never throws; never reads `node_modules`.
 */

const MAX_BYTES = 1_000_000;
const cache = new Map<string, { mtimeMs: number; text: string | undefined }>();

/** The text of a project source file, cached by modification time; undefined when unreadable or too large. */
export function readProjectFile(file: string): string | undefined {
  try {
    if (file.split(path.sep).includes('node_modules')) return undefined;
    const stat = fs.statSync(file);
    if (!stat.isFile()) return undefined;
    const cached = cache.get(file);
    if (cached?.mtimeMs === stat.mtimeMs) return cached.text;
    const text = stat.size > MAX_BYTES ? undefined : fs.readFileSync(file, 'utf8');
    cache.set(file, { mtimeMs: stat.mtimeMs, text });
    return text;
  } catch {
    return undefined;
  }
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Resolve a relative specifier the way TypeScript does for sources (`.js` → `.ts`, extensionless, index files). */
export function resolveRelativeModule(fromFile: string, specifier: string): string | undefined {
  const relative = specifier.startsWith('./') || specifier.startsWith('../');
  if (!relative && !path.isAbsolute(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const ext = path.extname(base);
  const candidates: string[] = [];
  for (const replacement of JS_TO_TS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + replacement);
  candidates.push(base);
  for (const e of SOURCE_EXTENSIONS) candidates.push(base + e);
  for (const e of SOURCE_EXTENSIONS) candidates.push(path.join(base, `index${e}`));
  return candidates.find(isFile);
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The project file that `specifier` (imported from the linted file) refers to, through the project model first. */
export function resolveImportedFile(context: AnyContext, specifier: string): string | undefined {
  try {
    const viaModel = getProjectModel(context).resolveModule(context.filename, specifier);
    if (viaModel) return viaModel;
  } catch {
    // fall through to the relative resolution
  }
  return resolveRelativeModule(context.filename, specifier);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
