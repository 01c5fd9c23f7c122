import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { requireSource } from './references.js';

/**
 * Shared fixers. Every function here is pure with respect to the source: it returns fixes, never applies them,
 * and never throws (on anything unexpected it falls back to adding a fresh import).
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
type Scope = TSESLint.Scope.Scope;
const { ScopeType } = TSESLintRuntime.Scope;

export interface NamedImportRequest {
  /** Module specifier, e.g. `'@temporalio/workflow'`. */
  source: string;
  /** Export name, e.g. `'condition'`. */
  name: string;
  /** Where the inserted code will reference the binding: bindings shadowed there are not reused. */
  at?: TSESTree.Node;
}

export interface NamedImportsRequest {
  source: string;
  names: readonly string[];
  at?: TSESTree.Node;
}

export interface NamedImportResult {
  fixes: TSESLint.RuleFix[];
  /** The expression to write at `at` to reference the export: `condition`, `wfCondition` or `wf.condition`. */
  localName: string;
}

export interface NamedImportsResult {
  fixes: TSESLint.RuleFix[];
  /** Export name → expression to reference it. */
  localNames: Record<string, string>;
}

/**
 * Makes `name` from `source` available, reusing what the file already imports:
 * - an existing named import (`import { condition as c }` → `c`),
 * - a namespace import or require (`import * as wf` / `const wf = require(...)` → `wf.condition`),
 * - otherwise adds the specifier to an existing `import { ... } from source`, or a new import after the last import.
 * A name that is already taken in the file (or shadowed at `at`) is imported under an alias (`wfCondition`).
 */
export function addNamedImport(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, request: NamedImportRequest): NamedImportResult {
  const { fixes, localNames } = addNamedImports(fixer, sourceCode, {
    source: request.source,
    names: [request.name],
    ...(request.at ? { at: request.at } : {}),
  });
  return { fixes, localName: localNames[request.name] ?? request.name };
}

/** Like {@link addNamedImport} for several names of one module, with non-overlapping fixes. */
export function addNamedImports(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, request: NamedImportsRequest): NamedImportsResult {
  const program = sourceCode.ast;
  const localNames: Record<string, string> = {};
  const atScope = request.at ? safeScope(sourceCode, request.at) : undefined;
  const imports = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration);
  const fromSource = imports.filter((d) => d.source.value === request.source && d.importKind !== 'type');

  // 1. Reuse what is already there.
  const missing: string[] = [];
  for (const name of request.names) {
    const existing = findExisting(sourceCode, fromSource, request.source, name, atScope);
    if (existing !== undefined) localNames[name] = existing;
    else if (!missing.includes(name)) missing.push(name);
  }
  if (missing.length === 0) return { fixes: [], localNames };

  // 2. Pick free local names.
  const taken = new Set<string>();
  const specifiers: string[] = [];
  for (const name of missing) {
    let local = name;
    if (isTaken(sourceCode, local, atScope) || taken.has(local)) {
      const base = `wf${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      local = base;
      for (let i = 2; isTaken(sourceCode, local, atScope) || taken.has(local); i++) local = `${base}${i}`;
    }
    taken.add(local);
    localNames[name] = local;
    specifiers.push(local === name ? name : `${name} as ${local}`);
  }

  // 3. Add to an existing `import { ... } from source` when there is one.
  const target = fromSource.find((d) => d.specifiers.some((s) => s.type === T.ImportSpecifier));
  if (target) {
    const last = [...target.specifiers].reverse().find((s) => s.type === T.ImportSpecifier);
    if (last) {
      const after = sourceCode.getTokenAfter(last);
      const trailingComma = after?.value === ',';
      const text = trailingComma ? ` ${specifiers.join(', ')},` : `, ${specifiers.join(', ')}`;
      return { fixes: [fixer.insertTextAfter(trailingComma ? after : last, text)], localNames };
    }
  }

  // 4. A new import after the last import (or at the top of the file).
  const quote = imports[0]?.source.raw.startsWith('"') === true ? '"' : "'";
  const semi = imports.length > 0 && !sourceCode.getText(imports[imports.length - 1]).trimEnd().endsWith(';') ? '' : ';';
  const statement = `import { ${specifiers.join(', ')} } from ${quote}${request.source}${quote}${semi}`;
  const lastImport = imports[imports.length - 1];
  if (lastImport) return { fixes: [fixer.insertTextAfter(lastImport, `\n${statement}`)], localNames };
  const first = program.body[0];
  if (first) return { fixes: [fixer.insertTextBefore(first, `${statement}\n`)], localNames };
  return { fixes: [fixer.insertTextAfterRange([0, 0], `${statement}\n`)], localNames };
}

function safeScope(sourceCode: SourceCode, node: TSESTree.Node): Scope | undefined {
  try {
    return sourceCode.getScope(node);
  } catch {
    return undefined;
  }
}

/** The variable `name` resolves to from `scope` (walking up), or undefined. */
function lookup(scope: Scope | undefined, name: string): TSESLint.Scope.Variable | undefined {
  for (let s: Scope | null | undefined = scope; s; s = s.upper) {
    const v = s.set.get(name);
    if (v) return v;
  }
  return undefined;
}

function moduleScope(sourceCode: SourceCode): Scope | undefined {
  const global = sourceCode.scopeManager?.globalScope;
  if (!global) return undefined;
  return global.childScopes.find((s) => s.type === ScopeType.module) ?? global;
}

/** True if declaring `name` at module level would clash, or `name` at `at` would not reach a module binding. */
function isTaken(sourceCode: SourceCode, name: string, atScope: Scope | undefined): boolean {
  const mod = moduleScope(sourceCode);
  if (mod?.set.has(name)) return true;
  const global = sourceCode.scopeManager?.globalScope;
  if (global?.set.get(name)?.defs.length) return true;
  // An implicit global or a lib global used somewhere in the file would be captured by the new import.
  if (global?.through.some((r) => r.identifier.name === name)) return true;
  if (atScope) {
    const v = lookup(atScope, name);
    if (v && v.scope !== mod && v.scope.type !== ScopeType.global) return true;
  }
  return false;
}

/** `v` is bound at module level and visible (not shadowed) at `atScope`. */
function visibleAt(v: TSESLint.Scope.Variable | undefined, name: string, atScope: Scope | undefined): boolean {
  if (!v) return false;
  if (!atScope) return true;
  return lookup(atScope, name) === v;
}

function findExisting(
  sourceCode: SourceCode,
  declarations: readonly TSESTree.ImportDeclaration[],
  source: string,
  name: string,
  atScope: Scope | undefined,
): string | undefined {
  const mod = moduleScope(sourceCode);
  for (const decl of declarations) {
    for (const spec of decl.specifiers) {
      if (spec.type === T.ImportSpecifier) {
        if (spec.importKind === 'type') continue;
        const imported = spec.imported.type === T.Identifier ? spec.imported.name : spec.imported.value;
        if (imported === name && visibleAt(mod?.set.get(spec.local.name), spec.local.name, atScope)) return spec.local.name;
      } else if (spec.type === T.ImportNamespaceSpecifier) {
        if (visibleAt(mod?.set.get(spec.local.name), spec.local.name, atScope)) return `${spec.local.name}.${name}`;
      }
    }
  }
  // `const { x } = require(source)` / `const wf = require(source)` at module level.
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== T.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (!declarator.init || requireSource(declarator.init) !== source) continue;
      if (declarator.id.type === T.Identifier) {
        if (visibleAt(mod?.set.get(declarator.id.name), declarator.id.name, atScope)) return `${declarator.id.name}.${name}`;
      } else if (declarator.id.type === T.ObjectPattern) {
        for (const prop of declarator.id.properties) {
          if (prop.type !== T.Property || prop.computed || prop.key.type !== T.Identifier) continue;
          if (prop.key.name !== name || prop.value.type !== T.Identifier) continue;
          if (visibleAt(mod?.set.get(prop.value.name), prop.value.name, atScope)) return prop.value.name;
        }
      }
    }
  }
  return undefined;
}

/** True if a comment lies inside `range` (fixers that replace the range back out then). */
export function hasCommentInside(sourceCode: SourceCode, range: readonly [number, number]): boolean {
  return sourceCode.getAllComments().some((c) => c.range[0] >= range[0] && c.range[1] <= range[1]);
}

/** The whitespace that indents the line `node` starts on, or undefined if `node` does not start its line. */
export function lineIndent(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): string | undefined {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const before = line.slice(0, node.loc.start.column);
  return /^\s*$/.test(before) ? before : undefined;
}
