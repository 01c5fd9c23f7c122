import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, AST_TOKEN_TYPES } from '@typescript-eslint/utils';
import { ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { LintMemo } from './lint-memo.js';

const { DefinitionType } = TSESLintRuntime.Scope;

/**
 * What an expression refers to, by origin rather than by local name.
 *
 * - `import { sleep as s } from '@temporalio/workflow'; s` → `{ kind: 'module', source: '@temporalio/workflow', path: ['sleep'] }`
 * - `import * as wf from '@temporalio/workflow'; wf.sleep` → same
 * - `const { greet } = proxyActivities(opts); greet` → `path: ['proxyActivities', '()', 'greet']`
 * - `Date.now`, `globalThis.crypto.randomUUID` → `{ kind: 'global', path: ['Date', 'now'] }`, `['crypto', 'randomUUID']`
 *
 * A call in the chain appends `'()'` and `new` appends `'new'`, so results of SDK calls can be recognised too.
 * Locals that are not bound to an import, a `require`, or a global resolve to `undefined`.
 */
export interface ModuleReference {
  kind: 'module';
  /** The module specifier as written (`'@temporalio/workflow'`, `'node:fs'`, `'./helpers'`). */
  source: string;
  /** Export path: `[]` for the namespace / whole module, `['default']` for a default import. */
  path: string[];
  /** The import declaration or `require()` call that introduces the binding. */
  declaration: TSESTree.Node;
}

export interface GlobalReference {
  kind: 'global';
  /** Path from the global object: `['Date', 'now']`. `globalThis`, `window`, `self`, `global` are dropped. */
  path: string[];
}

export type Reference = ModuleReference | GlobalReference;

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);
const MAX_DEPTH = 24;

/** Re-export resolution hook: `(fromFile, specifier, exportName) → origin`, provided by the project model. */
export type ReExportResolver = (
  fromFile: string,
  source: string,
  exportName: string,
) => { source: string; name: string } | undefined;

function isWriteOnceVariable(variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (!def) return false;
  const decl = def.parent;
  if (decl?.type === T.VariableDeclaration && decl.kind === 'const') return true;
  // `let`/`var` never reassigned after the initializer
  return variable.references.filter((r) => r.isWrite()).length <= 1;
}

function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === T.Identifier ? node.property.name : undefined;
  }
  if (node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  if (node.property.type === T.TemplateLiteral && node.property.expressions.length === 0) {
    return node.property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === T.Identifier) return key.name;
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** Path of property keys from an ObjectPattern/ArrayPattern root down to `target` (an Identifier in the pattern). */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Node): string[] | undefined {
  if (pattern === target) return [];
  switch (pattern.type) {
    case T.ObjectPattern:
      for (const prop of pattern.properties) {
        if (prop.type === T.RestElement) continue;
        const key = keyName(prop.key, prop.computed);
        if (key === undefined) continue;
        const sub = patternPath(prop.value, target);
        if (sub) return [key, ...sub];
      }
      return undefined;
    case T.AssignmentPattern:
      return patternPath(pattern.left, target);
    case T.ArrayPattern:
      return undefined;
    default:
      return undefined;
  }
}

/** The `'m'` of `require('m')`, or undefined. */
export function requireSource(node: TSESTree.Node): string | undefined {
  if (
    node.type === T.CallExpression &&
    node.callee.type === T.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1
  ) {
    const arg = node.arguments[0];
    if (arg?.type === T.Literal && typeof arg.value === 'string') return arg.value;
    if (arg?.type === T.TemplateLiteral && arg.expressions.length === 0) return arg.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.ChainExpression:
      case T.TSNonNullExpression:
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        current = current.expression;
        break;
      case T.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

export class ReferenceResolver {
  private readonly cache = new WeakMap<TSESTree.Node, Reference | null>();
  private readonly imports = new WeakMap<TSESLint.Scope.Variable, ModuleReference | null>();
  private readonly origins = new Map<string, { source: string; name: string } | null>();
  private readonly variables = new WeakMap<TSESLint.Scope.Variable, { ref: Reference | null; depth: number }>();
  /** How often a resolution stopped at `MAX_DEPTH` (a result that did is not remembered). */
  private depthLimitHits = 0;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly filename?: string,
    private readonly reExports?: ReExportResolver,
  ) {}

  /** What `node` refers to; `undefined` for locals, computed keys and anything not statically known. */
  resolve(node: TSESTree.Node): Reference | undefined {
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    let result: Reference | undefined;
    try {
      result = this.resolveInner(node, 0);
    } catch {
      result = undefined;
    }
    this.cache.set(node, result ?? null);
    return result;
  }

  /** Shorthand: the module reference of `node` if it comes from `source` (exact or a subpath of it). */
  resolveModule(node: TSESTree.Node): ModuleReference | undefined {
    const ref = this.resolve(node);
    return ref?.kind === 'module' ? ref : undefined;
  }

  private resolveInner(input: TSESTree.Node, depth: number): Reference | undefined {
    if (depth > MAX_DEPTH) {
      this.depthLimitHits++;
      return undefined;
    }
    const node = unwrapExpression(input);
    switch (node.type) {
      case T.Identifier:
        return this.resolveIdentifier(node, depth);
      case T.ThisExpression:
        return undefined;
      case T.MemberExpression: {
        const name = propertyName(node);
        if (name === undefined) return undefined;
        const base = this.resolveInner(node.object, depth + 1);
        if (!base) return undefined;
        // `import * as t from './barrel'; t.snooze` follows the barrel like a named import does
        if (base.kind === 'module' && base.path.length === 0) return this.followReExport({ ...base, path: [name] });
        return append(base, name);
      }
      case T.CallExpression: {
        const src = requireSource(node);
        if (src !== undefined) return { kind: 'module', source: src, path: [], declaration: node };
        const base = this.resolveInner(node.callee, depth + 1);
        return base ? append(base, '()') : undefined;
      }
      case T.NewExpression: {
        const base = this.resolveInner(node.callee, depth + 1);
        return base ? append(base, 'new') : undefined;
      }
      default:
        return undefined;
    }
  }

  private resolveIdentifier(node: TSESTree.Identifier, depth: number): Reference | undefined {
    const scope = this.sourceCode.getScope(node);
    const variable = ASTUtils.findVariable(scope, node);
    if (!variable || variable.defs.length === 0) {
      // An implicit global or a lib global (the scope manager knows ES globals as defs-less variables).
      if (GLOBAL_OBJECTS.has(node.name)) return { kind: 'global', path: [] };
      return { kind: 'global', path: [node.name] };
    }
    const def = variable.defs[0];
    if (!def) return undefined;
    if (def.type === DefinitionType.ImportBinding) {
      // Every use of an imported binding resolves alike: once per binding.
      let known = this.imports.get(variable);
      if (known === undefined) {
        known = this.importReference(def.node) ?? null;
        this.imports.set(variable, known);
      }
      return known ?? undefined;
    }
    if (def.type === DefinitionType.Variable) {
      // Every use of a `const { greet } = proxyActivities(...)` resolves alike: once per binding. A result found
      // without reaching the depth limit holds for every use at that depth or less.
      const known = this.variables.get(variable);
      if (known && depth <= known.depth) return known.ref ?? undefined;
      const hits = this.depthLimitHits;
      const result = this.variableReference(variable, def, depth);
      if (this.depthLimitHits === hits) this.variables.set(variable, { ref: result ?? null, depth });
      return result;
    }
    return undefined;
  }

  private variableReference(
    variable: TSESLint.Scope.Variable,
    def: TSESLint.Scope.Definitions.VariableDefinition,
    depth: number,
  ): Reference | undefined {
    if (!isWriteOnceVariable(variable)) return undefined;
    const declarator = def.node;
    if (!declarator.init) return undefined;
    const sub = patternPath(declarator.id, def.name);
    if (sub === undefined) return undefined;
    const base = this.resolveInner(declarator.init, depth + 1);
    if (!base) return undefined;
    let result: Reference = base;
    for (const key of sub) result = append(result, key);
    return result;
  }

  private importReference(spec: TSESLint.Scope.Definition['node']): ModuleReference | undefined {
    if (spec.type === T.TSImportEqualsDeclaration) {
      const ref = spec.moduleReference;
      if (ref.type === T.TSExternalModuleReference) {
        return { kind: 'module', source: ref.expression.value, path: [], declaration: spec };
      }
      return undefined;
    }
    if (spec.type !== T.ImportSpecifier && spec.type !== T.ImportDefaultSpecifier && spec.type !== T.ImportNamespaceSpecifier) return undefined;
    const decl = spec.parent;
    if (decl.type !== T.ImportDeclaration) return undefined;
    const source = decl.source.value;
    let path: string[];
    if (spec.type === T.ImportNamespaceSpecifier) path = [];
    else if (spec.type === T.ImportDefaultSpecifier) path = ['default'];
    else path = [spec.imported.type === T.Identifier ? spec.imported.name : spec.imported.value];
    return this.followReExport({ kind: 'module', source, path, declaration: decl });
  }

  private followReExport(ref: ModuleReference): ModuleReference {
    const first = ref.path[0];
    if (!this.reExports || !this.filename || first === undefined) return ref;
    // Bare specifiers too: they may be workspace packages or tsconfig paths; the callback decides. Asked once per
    // specifier and name: every namespace member and imported binding of the file asks again.
    const key = `${ref.source}\0${first}`;
    let origin = this.origins.get(key);
    if (origin === undefined) {
      origin = this.reExports(this.filename, ref.source, first) ?? null;
      this.origins.set(key, origin);
    }
    if (!origin) return ref;
    return { ...ref, source: origin.source, path: origin.name === '*' ? ref.path.slice(1) : [origin.name, ...ref.path.slice(1)] };
  }
}

/** What a shared resolver needs of the project model (`ProjectModel` has it). */
export interface ReExportSource {
  resolveReExport: ReExportResolver;
}

interface FileResolvers {
  filename: string | undefined;
  plain?: ReferenceResolver;
  byModel?: WeakMap<ReExportSource, ReferenceResolver>;
}

// By the file's tree, not its `SourceCode`, which a host may reuse for the next file (oxlint's JS plugins do).
const fileResolvers = new LintMemo<FileResolvers>();

/**
 * The resolver of the linted file, shared by every rule that lints it (the rules of one lint share its `SourceCode`):
 * each callee is resolved once per file instead of once per rule. With `model`, imports are followed through the
 * project's re-exporting modules (an unknown origin leaves the import as written); without it, only as written.
 * Rules never modify the references it returns.
 */
export function fileResolver(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string | undefined,
  model?: ReExportSource,
): ReferenceResolver {
  let entry = fileResolvers.get(sourceCode.ast);
  if (!entry || entry.filename !== filename) {
    entry = { filename };
    fileResolvers.set(sourceCode.ast, entry);
  }
  if (!model) return (entry.plain ??= new ReferenceResolver(sourceCode, filename));
  entry.byModel ??= new WeakMap();
  let resolver = entry.byModel.get(model);
  if (!resolver) {
    resolver = new ReferenceResolver(sourceCode, filename, (f, s, n) => {
      try {
        return model.resolveReExport(f, s, n);
      } catch {
        return undefined;
      }
    });
    entry.byModel.set(model, resolver);
  }
  return resolver;
}

/**
 * A backslash that may start an escape spelling part of a name in a string (a letter, digit, `@`, `/`, `-`, ...):
 * `\u0040`, `\x40`, octal, a non-escape character (`'\S'` is `'S'`), or a line continuation, which joins the two
 * halves of a name. Only `\b \f \n \r \t \v` and escaped backslashes and quotes cannot.
 */
const NAME_HIDING_ESCAPE = /\\[^bfnrtv\\'"`]/;

/**
 * False only when `text` spells every name in it as written: no escape in a string can hide one. A cheap test for
 * text pre-filters that look for names with `includes`.
 */
export function mayHideNames(text: string): boolean {
  return NAME_HIDING_ESCAPE.test(text);
}

const SINGLE_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The value of a string or template token's raw text (quotes kept), escapes decoded. */
function unescapeToken(raw: string): string {
  return raw.replace(
    /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-3][0-7]{0,2}|[4-7][0-7]?|\r\n|[\s\S])/g,
    (_, escape: string) => {
      const first = escape.charAt(0);
      if (first === 'u' && escape.length > 1) {
        const code = Number.parseInt(escape.startsWith('u{') ? escape.slice(2, -1) : escape.slice(1), 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      if (first === 'x' && escape.length === 3) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
      if (/^[0-7]/.test(first)) return String.fromCharCode(Number.parseInt(escape, 8));
      if (/^(\r\n|[\n\r\u2028\u2029])$/.test(escape)) return '';
      return SINGLE_ESCAPES[escape] ?? escape;
    },
  );
}

/**
 * False only when no string in the file can name `prefix` (`'@temporalio/'`, `'@temporalio/testing'`): then no import,
 * `require` or `import x = require()` of the file refers to such a module as written, escapes (`'\u0040temporalio/…'`)
 * included. A cheap check before a rule's listeners: the text is searched once, tokens only when it has a backslash.
 */
export function mayNameModule(sourceCode: Readonly<TSESLint.SourceCode>, prefix: string): boolean {
  // Several rules ask of every file: each question is answered once per file.
  let answers = namedModules.get(sourceCode);
  if (answers?.text !== sourceCode.text) {
    answers = { text: sourceCode.text, byPrefix: new Map() };
    namedModules.set(sourceCode, answers);
  }
  let may = answers.byPrefix.get(prefix);
  if (may === undefined) {
    may = computeMayNameModule(sourceCode, prefix);
    answers.byPrefix.set(prefix, may);
  }
  return may;
}

const namedModules = new WeakMap<object, { text: string; byPrefix: Map<string, boolean> }>();

function computeMayNameModule(sourceCode: Readonly<TSESLint.SourceCode>, prefix: string): boolean {
  const text = sourceCode.text;
  if (text.includes(prefix)) return true;
  // `\n`, `\t`, `\\` and quotes decode to characters no module name contains.
  if (!mayHideNames(text)) return false;
  // Parsers that keep no tokens (some JS-plugin hosts): assume it may.
  const tokens = (sourceCode.ast as { tokens?: readonly TSESTree.Token[] }).tokens;
  if (!tokens) return true;
  return tokens.some(
    (token) => (token.type === AST_TOKEN_TYPES.String || token.type === AST_TOKEN_TYPES.Template) && token.value.includes('\\') && unescapeToken(token.value).includes(prefix),
  );
}

function append(ref: Reference, key: string): Reference {
  const path = ref.path.concat(key);
  return ref.kind === 'module' ? { kind: 'module', source: ref.source, path, declaration: ref.declaration } : { kind: 'global', path };
}

/** `@temporalio/workflow`, or a deep path of it (`@temporalio/workflow/lib/workflow`). */
export function isFromPackage(source: string, pkg: string): boolean {
  return source === pkg || source.startsWith(`${pkg}/`);
}

/** True if `ref` is `pkg`'s export `path` (e.g. `isModuleExport(ref, '@temporalio/workflow', 'sleep')`). */
export function isModuleExport(ref: Reference | undefined, pkg: string, ...path: string[]): ref is ModuleReference {
  return (
    ref?.kind === 'module' &&
    isFromPackage(ref.source, pkg) &&
    ref.path.length === path.length &&
    ref.path.every((p, i) => p === path[i])
  );
}

/** True if `ref` is the global `path` (e.g. `isGlobal(ref, 'Date', 'now')`). */
export function isGlobal(ref: Reference | undefined, ...path: string[]): ref is GlobalReference {
  return ref?.kind === 'global' && ref.path.length === path.length && ref.path.every((p, i) => p === path[i]);
}
