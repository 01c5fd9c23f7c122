/**
 * Per-build access to project files: text (with the editor's unsaved text as an overlay), the fast scan,
 * ESTree parses, and export origins through local barrels. Everything is cached by file stamp.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { type FileStamp, isInside, readText, stamp } from './fs.js';
import { analyseModule, type ParsedModule, type TopLevelDeclaration } from './module-ast.js';
import { parseProgram } from './parse.js';
import type { Resolver } from './resolve.js';
import { type ModuleFacts, scanModule, type ValueKind } from './scan.js';
import type { ConstDefinition } from './types.js';

/** An `export default` operand that is an expression (not an anonymous function or class declaration). */
function isExpression(node: TSESTree.Node): node is TSESTree.Expression {
  return !node.type.endsWith('Declaration') && node.type !== T.TSDeclareFunction;
}

interface CachedFile {
  stamp?: FileStamp;
  text?: string;
  /** Set when `text` came from the editor rather than the disk. */
  overlay?: boolean;
  error?: string;
  facts?: ModuleFacts;
  parsed?: ParsedModule | null;
}

/** Where an export of a module really comes from (`local: '*'` for a whole-module namespace). */
export type ExportEntry =
  | { kind: 'file'; file: string; local: string; valueKind: ValueKind; line?: number | undefined; column?: number | undefined }
  | { kind: 'package'; source: string; name: string };


/**
 * Parsed modules kept, by the size of their source (an ESTree with positions takes on the order of 100 bytes per
 * source character): the whole of a project of a few thousand files, the least recently used evicted beyond that.
 */
const MAX_PARSED_CHARS = 4_000_000;
const MAX_DEPTH = 32;

export class ProjectFiles {
  private readonly cache = new Map<string, CachedFile>();
  /** Files with a parse, least recently used first (a Map keeps insertion order). */
  private readonly parsedOrder = new Map<string, number>();
  private parsedChars = 0;
  private readonly tables = new Map<string, Map<string, ExportEntry>>();
  /** Problems reading files: file → message. */
  readonly problems = new Map<string, string>();

  constructor(
    readonly root: string,
    readonly resolver: Resolver,
  ) {}

  /** Replaces the text of `file` with the editor's content. Returns true when it differs from what was used. */
  setOverlay(file: string, text: string): boolean {
    const entry = this.cache.get(file);
    if (entry?.text === text) return false;
    // Keep the disk stamp: saving the file, or a change on disk, must still make the model stale.
    this.cache.set(file, { text, overlay: true, stamp: entry ? entry.stamp : stamp(file) });
    this.tables.clear();
    return true;
  }

  /** The files whose content was read, with their stamps on disk (for revalidation; overlays too). */
  stamps(): Map<string, FileStamp | undefined> {
    const result = new Map<string, FileStamp | undefined>();
    for (const [file, entry] of this.cache) result.set(file, entry.stamp);
    return result;
  }

  text(file: string): string | undefined {
    const entry = this.entry(file);
    return entry.text;
  }

  /** The text of `file` without keeping it (the walk's pre-filter); cached text when there is some. */
  peek(file: string): string | undefined {
    const cached = this.cache.get(file);
    if (cached) return cached.text;
    const read = readText(file);
    if ('error' in read) {
      this.problems.set(file, read.error);
      return undefined;
    }
    return read.text;
  }

  isCached(file: string): boolean {
    return this.cache.has(file);
  }

  /** The text the model used for `file`, if it read it. */
  cachedText(file: string): string | undefined {
    return this.cache.get(file)?.text;
  }

  private entry(file: string): CachedFile {
    let entry = this.cache.get(file);
    if (!entry) {
      if (!isInside(this.root, file)) {
        entry = { error: 'outside the project root' };
      } else {
        const read = readText(file);
        entry = 'text' in read ? { text: read.text, stamp: read.stamp } : { error: read.error, stamp: stamp(file) };
        if ('error' in read) this.problems.set(file, read.error);
      }
      this.cache.set(file, entry);
    }
    return entry;
  }

  facts(file: string): ModuleFacts | undefined {
    const entry = this.entry(file);
    if (entry.text === undefined) return undefined;
    entry.facts ??= scanModule(file, entry.text);
    return entry.facts;
  }

  /** The requests of `file` when it has been scanned already (never scans). */
  scanned(file: string): ModuleFacts['requests'] | undefined {
    return this.cache.get(file)?.facts?.requests;
  }

  parsed(file: string): ParsedModule | undefined {
    const entry = this.entry(file);
    if (entry.text === undefined) return undefined;
    if (entry.parsed === undefined) {
      const program = parseProgram(file, entry.text);
      entry.parsed = program ? analyseModule(file, program) : null;
      this.remember(file, entry.text.length);
    } else if (entry.parsed) {
      // most recently used last
      this.parsedOrder.delete(file);
      this.parsedOrder.set(file, entry.text.length);
    }
    return entry.parsed ?? undefined;
  }

  /**
   * Takes ESLint's parse of a linted file as the model's parse, when the model read the same text and has not parsed
   * it yet: a project lint then parses each file once, not once for ESLint and once for cross-file questions.
   */
  adopt(file: string, text: string, program: TSESTree.Program): void {
    const entry = this.cache.get(file);
    if (!entry || entry.parsed !== undefined || entry.text !== text) return;
    entry.parsed = analyseModule(file, program);
    this.remember(file, text.length);
  }

  private remember(file: string, chars: number): void {
    this.parsedChars -= this.parsedOrder.get(file) ?? 0;
    this.parsedOrder.delete(file);
    this.parsedOrder.set(file, chars);
    this.parsedChars += chars;
    for (const [evicted, size] of this.parsedOrder) {
      if (this.parsedChars <= MAX_PARSED_CHARS || evicted === file) break;
      this.parsedOrder.delete(evicted);
      this.parsedChars -= size;
      const old = this.cache.get(evicted);
      if (old) old.parsed = undefined;
    }
  }

  /**
   * Every value export of `file` with its origin, following re-exports, `import … export` and `export *`
   * (memoised per file, so a barrel of N modules costs O(N) once, not per lookup).
   */
  exportTable(file: string, depth = 0): ReadonlyMap<string, ExportEntry> {
    const cached = this.tables.get(file);
    if (cached) return cached;
    const table = new Map<string, ExportEntry>();
    this.tables.set(file, table); // a cycle sees the partial table
    const facts = this.facts(file);
    if (!facts || depth > MAX_DEPTH) return table;
    for (const [name, binding] of facts.exports) {
      if (binding.typeOnly || (binding.kind === 'local' && binding.declaration === 'type')) continue;
      const origin =
        binding.kind === 'reexport'
          ? this.followSpecifier(file, binding.specifier, binding.imported, depth)
          : this.localOrigin(file, facts, binding.local, depth);
      if (origin) table.set(name, origin);
    }
    for (const star of facts.stars) {
      const target = this.resolver.resolveFile(file, star);
      if (!target) continue;
      for (const [name, origin] of this.exportTable(target, depth + 1)) {
        if (name !== 'default' && !table.has(name)) table.set(name, origin);
      }
    }
    return table;
  }

  private localOrigin(file: string, facts: ModuleFacts, local: string, depth: number): ExportEntry | undefined {
    const imported = facts.imports.get(local);
    if (imported && !imported.typeOnly) return this.followSpecifier(file, imported.specifier, imported.imported, depth);
    const declaration = facts.declarations.get(local);
    return { kind: 'file', file, local, valueKind: declaration?.valueKind ?? 'unknown', line: declaration?.line, column: declaration?.column };
  }

  private followSpecifier(file: string, specifier: string, name: string, depth: number): ExportEntry | undefined {
    const resolution = this.resolver.resolve(file, specifier);
    if (resolution.kind === 'file') {
      if (name === '*') return { kind: 'file', file: resolution.file, local: '*', valueKind: 'value' };
      return this.exportTable(resolution.file, depth + 1).get(name);
    }
    if (resolution.kind === 'external') return { kind: 'package', source: specifier, name };
    return undefined;
  }

  /** Follows `name` exported by `file` through re-exports and import-then-export to its origin. */
  exportOrigin(file: string, name: string): ExportEntry | undefined {
    return this.exportTable(file).get(name);
  }

  /** Every value export name of `file` (following `export *`). */
  exportNames(file: string): string[] {
    return [...this.exportTable(file).keys()];
  }

  /** The initialiser of a top-level `const`/`let`/`var` of `file`, following imports of other project files. */
  topLevelConst(file: string, name: string, depth = 0): ConstDefinition | undefined {
    if (depth > MAX_DEPTH) return undefined;
    // a function, class or enum declaration has no initialiser (the scan tells without a parse)
    const declared = this.facts(file)?.declarations.get(name)?.declaration;
    if (declared === 'function' || declared === 'class' || declared === 'enum') return undefined;
    const mod = this.parsed(file);
    if (!mod) return undefined;
    const init = mod.topLevel.get(name);
    if (init) return { file, name, node: init };
    const imported = mod.imports.get(name);
    if (!imported || imported.imported === '*') return undefined;
    const target = this.resolver.resolveFile(file, imported.source);
    return target ? this.exportedConst(target, imported.imported, depth + 1) : undefined;
  }

  /** The initialiser of the `const` exported as `exportName` by `file`, through barrels. */
  exportedConst(file: string, exportName: string, depth = 0): ConstDefinition | undefined {
    const origin = this.exportOrigin(file, exportName);
    if (origin?.kind !== 'file' || origin.local === '*') return undefined;
    if (origin.local === 'default') {
      // `export default { ... }`: the exported expression (a default function or class has no initialiser)
      const expression = this.parsed(origin.file)?.defaultExpression;
      return expression && isExpression(expression) ? { file: origin.file, name: 'default', node: expression } : undefined;
    }
    return this.topLevelConst(origin.file, origin.local, depth + 1);
  }

  /** The top-level function/class declaration or const initialiser exported as `exportName` by `file`. */
  exportedDefinition(file: string, exportName: string): { file: string; node: TopLevelDeclaration | TSESTree.Expression } | undefined {
    const origin = this.exportOrigin(file, exportName);
    if (origin?.kind !== 'file' || origin.local === '*') return undefined;
    const mod = this.parsed(origin.file);
    if (!mod) return undefined;
    if (origin.local === 'default' && mod.defaultExpression) return { file: origin.file, node: mod.defaultExpression as TSESTree.Expression };
    const decl = mod.declarations.get(origin.local);
    if (decl) return { file: origin.file, node: decl };
    const init = mod.topLevel.get(origin.local);
    return init ? { file: origin.file, node: init } : undefined;
  }
}
