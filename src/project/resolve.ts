/**
 * Module resolution like TypeScript's bundler mode and the worker's webpack config: relative paths, tsconfig
 * `paths`/`baseUrl`, `.js`→`.ts` extension mapping, index files, workspace packages (by name or by a
 * node_modules symlink whose real path is inside the root) with their `exports`/`types`/`main`, and compiled
 * output (`lib/x.js`, tsconfig `outDir`) mapped back to sources. Packages in node_modules are leaves.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { isInside, isSourceFile, realpath, StatCache, toPosix } from './fs.js';
import { readJson, type TsconfigLookup } from './tsconfig.js';

export type Resolution =
  | { kind: 'file'; file: string }
  /** A package in node_modules, a Node built-in, or a bare specifier nothing resolves. */
  | { kind: 'external'; packageName: string }
  | { kind: 'outside'; file: string }
  | { kind: 'missing' };

const BUILTINS = new Set(builtinModules);
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const EXTENSION_ALIASES: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};
const TS_SOURCE = /\.[cm]?tsx?$/;
const BUILD_SEGMENT = /\/(lib|dist|build|out|esm|cjs)(?=\/|$)/g;

export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(packageNameOf(specifier));
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** The target of a package.json `exports` entry for a subpath (conditions: types, import, require, default). */
function exportsTarget(exportsField: unknown, subpath: string): string | undefined {
  if (typeof exportsField === 'string') return subpath === '.' ? exportsField : undefined;
  if (!exportsField || typeof exportsField !== 'object') return undefined;
  const entries = exportsField as Record<string, unknown>;
  const keys = Object.keys(entries);
  if (keys.length > 0 && keys.every((k) => !k.startsWith('.'))) return subpath === '.' ? conditionTarget(entries) : undefined;
  const direct = entries[subpath];
  if (direct !== undefined) return conditionTarget(direct);
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const target = conditionTarget(entries[key]);
      return target?.replace('*', subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}

function conditionTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(conditionTarget).find((v) => v !== undefined);
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const condition of ['types', 'import', 'require', 'node', 'default']) {
    const target = conditionTarget(record[condition]);
    if (target !== undefined) return target;
  }
  return undefined;
}

export class Resolver {
  readonly stats = new StatCache();
  private readonly cache = new Map<string, Resolution>();
  /** Every package.json read (for revalidation). */
  readonly packageFiles = new Set<string>();
  /** Files known to be real paths (the project walk's): a resolution to one needs no `realpath` call. */
  realFiles: ReadonlySet<string> = new Set();

  constructor(
    readonly root: string,
    private readonly tsconfigs: TsconfigLookup,
    /** Workspace package name → real directory. */
    private readonly workspaces: ReadonlyMap<string, string>,
  ) {}

  /** Resolves `specifier` imported from `fromFile`. Never throws. */
  resolve(fromFile: string, specifier: string): Resolution {
    const dir = path.posix.dirname(fromFile);
    const key = `${dir}\0${specifier}`;
    let result = this.cache.get(key);
    if (!result) {
      try {
        result = this.resolveUncached(dir, specifier);
      } catch {
        result = { kind: 'missing' };
      }
      this.cache.set(key, result);
    }
    return result;
  }

  /** The project source file for `specifier`, or undefined (packages, built-ins, missing, outside). */
  resolveFile(fromFile: string, specifier: string): string | undefined {
    const r = this.resolve(fromFile, specifier);
    return r.kind === 'file' ? r.file : undefined;
  }

  private resolveUncached(dir: string, specifier: string): Resolution {
    if (specifier.length === 0) return { kind: 'missing' };
    if (isRelative(specifier) || specifier.startsWith('/')) {
      return this.finish(this.sourceFor(toPosix(path.posix.resolve(dir, specifier))));
    }
    if (specifier.startsWith('file:')) return this.resolveUncached(dir, toPosix(new URL(specifier).pathname));
    if (isBuiltin(specifier)) return { kind: 'external', packageName: packageNameOf(specifier) };
    const mapped = this.fromTsconfig(dir, specifier);
    if (mapped) return this.finish(mapped);
    const name = packageNameOf(specifier);
    const subpath = specifier === name ? '.' : `.${specifier.slice(name.length)}`;
    const workspaceDir = this.workspaces.get(name) ?? this.linkedPackage(dir, name);
    if (workspaceDir) return this.finish(this.packageEntry(workspaceDir, subpath));
    return { kind: 'external', packageName: name };
  }

  private finish(file: string | undefined): Resolution {
    if (!file) return { kind: 'missing' };
    const real = this.realFiles.has(file) ? file : (realpath(file) ?? file);
    if (!isInside(this.root, real)) return { kind: 'outside', file: real };
    return { kind: 'file', file: real };
  }

  private fromTsconfig(dir: string, specifier: string): string | undefined {
    const config = this.tsconfigs.forDir(dir);
    if (!config) return undefined;
    for (const mapping of config.paths) {
      const star = mapping.pattern.indexOf('*');
      let captured: string | undefined;
      if (star === -1) captured = mapping.pattern === specifier ? '' : undefined;
      else {
        const prefix = mapping.pattern.slice(0, star);
        const suffix = mapping.pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
          captured = specifier.slice(prefix.length, specifier.length - suffix.length);
        }
      }
      if (captured === undefined) continue;
      for (const target of mapping.targets) {
        const found = this.sourceFor(target.replace('*', captured));
        if (found) return found;
      }
    }
    return config.baseUrl ? this.sourceFor(`${config.baseUrl}/${specifier}`) : undefined;
  }

  /** A package in a node_modules folder up from `dir` whose real path is a project folder (a linked workspace). */
  private linkedPackage(dir: string, name: string): string | undefined {
    for (let d = dir; isInside(this.root, d); d = path.posix.dirname(d)) {
      const candidate = `${d}/node_modules/${name}`;
      if (this.stats.isDir(candidate)) {
        const real = realpath(candidate);
        return real && isInside(this.root, real) && !real.includes('/node_modules/') ? real : undefined;
      }
      if (d === this.root || d === path.posix.dirname(d)) break;
    }
    return undefined;
  }

  /** The source file of a local package's subpath: `exports`, then `types`/`main`, then index. */
  packageEntry(dir: string, subpath: string): string | undefined {
    const pkgFile = `${dir}/package.json`;
    const pkg = this.stats.isFile(pkgFile) ? readJson(pkgFile) : undefined;
    if (pkg) this.packageFiles.add(pkgFile);
    const targets: string[] = [];
    const fromExports = pkg ? exportsTarget(pkg.exports, subpath) : undefined;
    if (fromExports) targets.push(fromExports);
    if (subpath === '.' && pkg) {
      for (const field of ['types', 'typings', 'module', 'main']) {
        if (typeof pkg[field] === 'string') targets.push(pkg[field]);
      }
    }
    if (subpath !== '.' && !pkg?.exports) targets.push(subpath);
    for (const target of targets) {
      const found = this.sourceFor(toPosix(path.posix.resolve(dir, target)));
      if (found) return found;
    }
    return subpath === '.' ? this.tryIndex(dir) : undefined;
  }

  /**
   * The source file for a path as written or compiled: exact source file, extension mapping, index files,
   * then compiled output mapped to sources (`outDir`→`rootDir`, `lib|dist|build|out`→`src`, `.d.ts`→`.ts`).
   */
  sourceFor(target: string): string | undefined {
    const direct = this.tryPath(target);
    if (direct && TS_SOURCE.test(direct)) return direct;
    for (const candidate of this.compiledCandidates(direct ?? target)) {
      const found = this.tryPath(candidate);
      if (found && TS_SOURCE.test(found)) return found;
    }
    return direct;
  }

  /** The TypeScript source a compiled JavaScript file was built from, if the project has it. */
  compiledSource(file: string): string | undefined {
    if (TS_SOURCE.test(file)) return undefined;
    const source = this.sourceFor(file);
    return source !== file ? source : undefined;
  }

  private tryPath(target: string): string | undefined {
    const declaration = /\.d\.([cm]?)ts$/.exec(target);
    if (declaration) return this.tryPath(`${target.slice(0, declaration.index)}.${declaration[1] ?? ''}js`);
    const ext = path.posix.extname(target);
    for (const alias of EXTENSION_ALIASES[ext] ?? []) {
      const file = target.slice(0, -ext.length) + alias;
      if (this.stats.isFile(file)) return file;
    }
    if (isSourceFile(target) && this.stats.isFile(target)) return target;
    for (const extension of SOURCE_EXTENSIONS) {
      if (this.stats.isFile(target + extension)) return target + extension;
    }
    if (this.stats.isDir(target)) {
      if (this.stats.isFile(`${target}/package.json`) && !target.includes('/node_modules/')) {
        const entry = this.packageEntry(target, '.');
        if (entry) return entry;
      }
      return this.tryIndex(target);
    }
    return undefined;
  }

  private tryIndex(dir: string): string | undefined {
    for (const extension of SOURCE_EXTENSIONS) {
      if (this.stats.isFile(`${dir}/index${extension}`)) return `${dir}/index${extension}`;
    }
    return undefined;
  }

  private compiledCandidates(target: string): string[] {
    const candidates: string[] = [];
    const config = this.tsconfigs.forDir(this.existingDir(target));
    if (config?.outDir && isInside(config.outDir, target)) {
      const rest = target.slice(config.outDir.length);
      const rootDir = config.rootDir ?? (this.stats.isDir(`${config.dir}/src`) ? `${config.dir}/src` : config.dir);
      candidates.push(rootDir + rest);
    }
    for (const match of target.matchAll(BUILD_SEGMENT)) {
      const before = target.slice(0, match.index);
      const after = target.slice(match.index + match[0].length);
      candidates.push(`${before}/src${after}`, before + after);
    }
    return candidates;
  }

  private existingDir(target: string): string {
    let dir = target;
    while (!this.stats.isDir(dir) && dir !== path.posix.dirname(dir)) dir = path.posix.dirname(dir);
    return dir;
  }
}
