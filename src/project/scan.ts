/**
 * The fast import/export scan: module requests, import bindings and export names of one file, from tokens.
 * Decides which import declarations TypeScript/swc would elide (type-only, or bindings used only as types);
 * ambiguous usages go to `valueUsages` (TypeScript's parser) when it is installed.
 */
import { type Token, TokenKind, tokenize } from './lexer.js';
import { valueUsages } from './ts-usage.js';

export type RequestKind = 'import' | 'export' | 'require' | 'import-equals' | 'dynamic-import';

/** One module request of a file. */
export interface ModuleRequest {
  specifier: string;
  kind: RequestKind;
  /** Erased at compile time: `import type`, `export type`, all-`type` specifiers, or bindings used only as types. */
  typeOnly: boolean;
  /** Written as a value import but erased because its bindings are unused or used only as types. */
  elided?: boolean;
  line: number;
  column: number;
}

export interface ImportBinding {
  local: string;
  /** `'default'`, `'*'` for a namespace, or the imported name. */
  imported: string;
  specifier: string;
  typeOnly: boolean;
}

/** What an export name of a module is bound to. */
export type ExportBinding =
  | { kind: 'local'; local: string; declaration: DeclarationKind; typeOnly: boolean; line: number; column: number }
  | { kind: 'reexport'; specifier: string; imported: string; typeOnly: boolean; line: number; column: number };

export type DeclarationKind = 'function' | 'class' | 'const' | 'let' | 'var' | 'enum' | 'type' | 'default' | 'binding';

/** What a top-level binding holds, as far as the tokens tell. */
export type ValueKind = 'function' | 'class' | 'value' | 'unknown';

export interface LocalDeclaration {
  /** How it is declared (`default`: the expression of `export default <expression>`). */
  declaration: DeclarationKind;
  valueKind: ValueKind;
  /** A named function expression's own name, which it keeps at run time (`const a = function b() {}` → `b`). */
  functionName?: string;
  line: number;
  column: number;
}

export interface ModuleFacts {
  requests: ModuleRequest[];
  /** Top-level function, class, enum and variable declarations by name. */
  declarations: Map<string, LocalDeclaration>;
  /** Import bindings by local name. */
  imports: Map<string, ImportBinding>;
  /** Export name → binding (`export { a as b }`, `export const x`, `export { y } from './z'`). */
  exports: Map<string, ExportBinding>;
  /** `export * from '...'` specifiers (value stars only). */
  stars: string[];
  /**
   * Some runtime exports are in neither `exports` nor `stars`: `export =`, `export namespace`, `export import x = …`,
   * destructuring (`export const { a } = …`), or CommonJS (`module.exports = …`, `exports.a = …`).
   */
  unlisted: boolean;
}

/** `@temporalio/workflow` factories whose results are plain definition objects, not functions. */
export const DEFINITION_FACTORIES: ReadonlySet<string> = new Set(['defineSignal', 'defineQuery', 'defineUpdate']);

interface PendingImport {
  request: ModuleRequest;
  bindings: ImportBinding[];
}

const TS_FILE = /\.[cm]?tsx?$/;
const TYPE_PREV = new Set([':', '<', 'extends', 'implements', 'typeof', 'keyof', 'as', 'satisfies', 'is', '|', '&', 'infer', 'readonly']);
const VALUE_PREV = new Set([
  '=', 'await', 'return', 'new', 'throw', '...', '&&', '||', '??', '!', '=>', 'yield', 'void', 'delete', 'instanceof',
  '===', '!==', '==', '!=', '+', '-', '*', '%', 'case', 'default', '+=', '-=', '++', '--',
]);
const STATEMENT_START = new Set([';', '{', '}']);

function stringValue(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  return token.kind === TokenKind.String || token.kind === TokenKind.Template ? token.value : undefined;
}

function isId(token: Token | undefined, value?: string): boolean {
  return token?.kind === TokenKind.Identifier && (value === undefined || token.value === value);
}

function isPunct(token: Token | undefined, value: string): boolean {
  return token?.kind === TokenKind.Punctuator && token.value === value;
}

class Scanner {
  private readonly tokens: Token[];
  private readonly consumed = new Set<number>();
  private readonly pendingImports: PendingImport[] = [];
  private readonly explicitValueUses = new Set<string>();
  readonly facts: ModuleFacts = { requests: [], declarations: new Map(), imports: new Map(), exports: new Map(), stars: [], unlisted: false };

  constructor(
    private readonly text: string,
    private readonly isTypeScript: boolean,
    private readonly jsx: boolean,
  ) {
    this.tokens = tokenize(text);
  }

  run(): ModuleFacts {
    const { tokens } = this;
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token?.kind === TokenKind.Punctuator) {
        if (token.value === '{' || token.value === '(' || token.value === '[') depth++;
        else if (token.value === '}' || token.value === ')' || token.value === ']') depth = Math.max(0, depth - 1);
        continue;
      }
      if (token?.kind !== TokenKind.Identifier) continue;
      const prev = tokens[i - 1];
      if (isPunct(prev, '.') || isPunct(prev, '?.')) continue;
      if (token.value === 'import') i = this.importStatement(i);
      // (an `export` inside a block belongs to a `namespace` or `declare module`, not to this module)
      else if (token.value === 'export' && depth === 0 && !isPunct(tokens[i + 1], ':')) i = this.exportStatement(i);
      else if (token.value === 'require') this.requireCall(i);
      else if (depth === 0 && DECLARATION_KEYWORDS.has(token.value) && isStatementStart(tokens, i)) this.declaration(i);
      else if (depth === 0 && (token.value === 'exports' || token.value === 'module') && isCommonJsAssignment(tokens, i)) this.facts.unlisted = true;
    }
    this.settleImports();
    return this.facts;
  }

  /** A top-level `function`, `class`, `enum` or variable declaration at `i`. */
  private declaration(i: number): void {
    const { tokens } = this;
    const keyword = tokens[i]?.value;
    // `declare function f(): void` and `declare const x: T` emit nothing: what they hold at run time is not here
    const ambient = isId(tokens[i - 1], 'declare');
    const declare = (name: Token | undefined, kind: DeclarationKind, valueKind: ValueKind, functionName?: string): void => {
      if (!isId(name) || !name) return;
      const declaration: LocalDeclaration = { declaration: kind, valueKind: ambient ? 'unknown' : valueKind, line: name.line, column: name.column };
      if (functionName !== undefined && !ambient) declaration.functionName = functionName;
      this.facts.declarations.set(name.value, declaration);
    };
    if (keyword === 'function') declare(isPunct(tokens[i + 1], '*') ? tokens[i + 2] : tokens[i + 1], 'function', 'function');
    else if (keyword === 'class') declare(tokens[i + 1], 'class', 'class');
    else if (keyword === 'enum') declare(tokens[i + 1], 'enum', 'value');
    else if (keyword === 'const' && isId(tokens[i + 1], 'enum')) declare(tokens[i + 2], 'enum', 'value');
    else if (keyword === 'const' || keyword === 'let' || keyword === 'var') {
      for (const v of this.variables(i + 1).found) declare(v.name, keyword, v.valueKind, v.functionName);
    }
  }

  /**
   * Declarators of `const a = ..., b: T = ...` from `k`: names at depth 0 with what their initialiser holds;
   * `pattern` when a declarator destructures (`{ a } = …`, `[b] = …`), which ends the list.
   */
  private variables(k: number): { found: (Initialiser & { name: Token })[]; pattern: boolean } {
    const { tokens } = this;
    const found: (Initialiser & { name: Token })[] = [];
    while (k < tokens.length) {
      const name = tokens[k];
      if (!name || !isId(name)) return { found, pattern: isPunct(name, '{') || isPunct(name, '[') };
      let j = k + 1;
      if (isPunct(tokens[j], ':')) j = skipTypeAnnotation(tokens, j + 1);
      found.push({ name, ...(isPunct(tokens[j], '=') ? initialiser(tokens, j + 1) : { valueKind: 'unknown' }) });
      const next = nextDeclarator(tokens, j);
      if (next === undefined) break;
      k = next;
    }
    return { found, pattern: false };
  }

  private consume(from: number, to: number): void {
    for (let k = from; k <= to; k++) this.consumed.add(k);
  }

  private request(specifier: string, kind: RequestKind, token: Token, typeOnly: boolean): ModuleRequest {
    const request: ModuleRequest = { specifier, kind, typeOnly, line: token.line, column: token.column };
    this.facts.requests.push(request);
    return request;
  }

  private requireCall(i: number): void {
    const { tokens } = this;
    const spec = stringValue(tokens[i + 2]);
    if (!isPunct(tokens[i + 1], '(') || spec === undefined || !isPunct(tokens[i + 3], ')')) return;
    if (isId(tokens[i - 1], 'function')) return;
    const token = tokens[i];
    if (token) this.request(spec, 'require', token, false);
  }

  /** Parses an import statement at `i`; returns the index of its last token. */
  private importStatement(i: number): number {
    const { tokens } = this;
    const start = tokens[i];
    if (!start) return i;
    const next = tokens[i + 1];
    if (isPunct(next, '(')) {
      const spec = stringValue(tokens[i + 2]);
      if (spec !== undefined) this.request(spec, 'dynamic-import', start, false);
      return i;
    }
    if (isPunct(next, '.') || isPunct(next, ':') || isPunct(next, '=')) return i;
    const direct = stringValue(next);
    if (direct !== undefined) {
      this.request(direct, 'import', start, false);
      this.consume(i, i + 1);
      return i + 1;
    }
    let j = i + 1;
    let typeOnly = false;
    const afterType = tokens[j + 1];
    if (
      isId(tokens[j], 'type') &&
      (isPunct(afterType, '{') || isPunct(afterType, '*') ||
        (isId(afterType) && !(afterType?.value === 'from' && stringValue(tokens[j + 2]) !== undefined)))
    ) {
      typeOnly = true;
      j++;
    }
    const bindings: { local: string; imported: string; typeOnly: boolean }[] = [];
    if (isId(tokens[j]) && isPunct(tokens[j + 1], '=')) return this.importEquals(i, j, typeOnly);
    if (isId(tokens[j]) && tokens[j]?.value !== 'from') {
      bindings.push({ local: tokens[j]?.value ?? '', imported: 'default', typeOnly });
      j++;
      if (isPunct(tokens[j], ',')) j++;
    } else if (isId(tokens[j], 'from') && isId(tokens[j + 1], 'from')) {
      bindings.push({ local: 'from', imported: 'default', typeOnly });
      j++;
    }
    if (isPunct(tokens[j], '*') && isId(tokens[j + 1], 'as') && isId(tokens[j + 2])) {
      bindings.push({ local: tokens[j + 2]?.value ?? '', imported: '*', typeOnly });
      j += 3;
    }
    if (isPunct(tokens[j], '{')) j = this.importSpecifiers(j + 1, bindings, typeOnly);
    if (!isId(tokens[j], 'from')) return j - 1;
    const spec = stringValue(tokens[j + 1]);
    if (spec === undefined) return j;
    this.consume(i, j + 1);
    const request = this.request(spec, 'import', start, typeOnly);
    const full = bindings.map((b) => ({ ...b, specifier: spec }));
    for (const b of full) this.facts.imports.set(b.local, b);
    if (!typeOnly) this.pendingImports.push({ request, bindings: full });
    return j + 1;
  }

  private importSpecifiers(j: number, out: { local: string; imported: string; typeOnly: boolean }[], allType: boolean): number {
    const { tokens } = this;
    while (j < tokens.length && !isPunct(tokens[j], '}')) {
      let inlineType = false;
      if (isId(tokens[j], 'type') && (isId(tokens[j + 1]) || stringValue(tokens[j + 1]) !== undefined) && !isId(tokens[j + 1], 'as')) {
        inlineType = true;
        j++;
      } else if (isId(tokens[j], 'type') && isId(tokens[j + 1], 'as') && isId(tokens[j + 2], 'as')) {
        inlineType = true; // `type as as x`
        j++;
      }
      const imported = tokens[j]?.value ?? '';
      let local = imported;
      if (isId(tokens[j + 1], 'as') && isId(tokens[j + 2])) {
        local = tokens[j + 2]?.value ?? local;
        j += 2;
      }
      out.push({ local, imported, typeOnly: allType || inlineType });
      j++;
      if (isPunct(tokens[j], ',')) j++;
      else if (!isPunct(tokens[j], '}')) break;
    }
    return j + 1;
  }

  private importEquals(i: number, j: number, typeOnly: boolean): number {
    const { tokens } = this;
    const start = tokens[i];
    const local = tokens[j]?.value ?? '';
    const spec = stringValue(tokens[j + 4]);
    if (!start || !isId(tokens[j + 2], 'require') || !isPunct(tokens[j + 3], '(') || spec === undefined) return j;
    this.consume(i, j + 5);
    const request = this.request(spec, 'import-equals', start, typeOnly);
    const binding = { local, imported: '*', typeOnly, specifier: spec };
    this.facts.imports.set(local, binding);
    if (!typeOnly) this.pendingImports.push({ request, bindings: [binding] });
    return j + 5;
  }

  private exportStatement(i: number): number {
    const { tokens } = this;
    const start = tokens[i];
    if (!start) return i;
    let j = i + 1;
    let typeOnly = false;
    if (isId(tokens[j], 'type') && (isPunct(tokens[j + 1], '{') || isPunct(tokens[j + 1], '*'))) {
      typeOnly = true;
      j++;
    }
    const token = tokens[j];
    if (isPunct(token, '*')) return this.exportStar(i, j, typeOnly);
    if (isPunct(token, '{')) return this.exportClause(i, j, typeOnly);
    if (isId(token, 'import')) {
      // `export import x = require('y')`: the import scan reads the binding; the export is not listed
      this.facts.unlisted = true;
      return i;
    }
    if (token && isPunct(token, '=')) {
      this.exportLocal('export=', token, 'binding', false);
      this.facts.unlisted = true;
      return i;
    }
    if (isId(token, 'default')) return this.exportDefault(j);
    this.exportDeclaration(j);
    return i;
  }

  private exportStar(i: number, j: number, typeOnly: boolean): number {
    const { tokens } = this;
    const start = tokens[i];
    let k = j + 1;
    let alias: string | undefined;
    if (isId(tokens[k], 'as')) {
      alias = tokens[k + 1]?.value ?? stringValue(tokens[k + 1]);
      k += 2;
    }
    const spec = stringValue(tokens[k + 1]);
    if (!start || !isId(tokens[k], 'from') || spec === undefined) return k;
    this.consume(i, k + 1);
    this.request(spec, 'export', start, typeOnly);
    if (alias !== undefined) {
      this.facts.exports.set(alias, { kind: 'reexport', specifier: spec, imported: '*', typeOnly, line: start.line, column: start.column });
    } else if (!typeOnly) this.facts.stars.push(spec);
    return k + 1;
  }

  private exportClause(i: number, j: number, allType: boolean): number {
    const { tokens } = this;
    const start = tokens[i];
    if (!start) return j;
    const specs: { local: string; exported: string; typeOnly: boolean; token: Token }[] = [];
    let k = j + 1;
    while (k < tokens.length && !isPunct(tokens[k], '}')) {
      let inlineType = false;
      if (isId(tokens[k], 'type') && !isPunct(tokens[k + 1], ',') && !isPunct(tokens[k + 1], '}') && !isId(tokens[k + 1], 'as')) {
        inlineType = true;
        k++;
      }
      const first = tokens[k];
      const local = first?.value ?? '';
      let exported = local;
      if (isId(tokens[k + 1], 'as')) {
        exported = tokens[k + 2]?.value ?? exported;
        k += 2;
      }
      if (first) specs.push({ local, exported, typeOnly: allType || inlineType, token: first });
      k++;
      if (isPunct(tokens[k], ',')) k++;
      else if (!isPunct(tokens[k], '}')) break;
    }
    const spec = isId(tokens[k + 1], 'from') ? stringValue(tokens[k + 2]) : undefined;
    if (spec !== undefined) {
      this.consume(i, k + 2);
      this.request(spec, 'export', start, allType || specs.every((s) => s.typeOnly));
      for (const s of specs) {
        this.facts.exports.set(s.exported, { kind: 'reexport', specifier: spec, imported: s.local, typeOnly: s.typeOnly, line: s.token.line, column: s.token.column });
      }
      return k + 2;
    }
    this.consume(i, k);
    for (const s of specs) {
      if (!s.typeOnly) this.explicitValueUses.add(s.local);
      this.facts.exports.set(s.exported, { kind: 'local', local: s.local, declaration: 'binding', typeOnly: s.typeOnly, line: s.token.line, column: s.token.column });
    }
    return k;
  }

  private exportDefault(j: number): number {
    const { tokens } = this;
    const token = tokens[j];
    if (!token) return j;
    let k = skipDecorators(tokens, j + 1);
    if (isId(tokens[k], 'async')) k++;
    if (isId(tokens[k], 'abstract')) k++;
    const kindToken = tokens[k];
    if (isId(kindToken, 'function') || isId(kindToken, 'class')) {
      const isClass = kindToken?.value === 'class';
      const candidate = isPunct(tokens[k + 1], '*') ? tokens[k + 2] : tokens[k + 1];
      // `export default class extends Base {}` has no name
      const named = isId(candidate) && !(isClass && (candidate?.value === 'extends' || candidate?.value === 'implements')) ? candidate : undefined;
      const local = named?.value ?? 'default';
      this.exportLocal('default', token, isClass ? 'class' : 'function', false, local);
      const at = named ?? token;
      const kind = isClass ? 'class' : 'function';
      this.facts.declarations.set(local, { declaration: kind, valueKind: kind, line: at.line, column: at.column });
      return j;
    }
    if (isId(kindToken, 'interface')) return j;
    const ident = tokens[k];
    const after = tokens[k + 1];
    if (isId(ident) && (!after || isPunct(after, ';') || after.newline)) {
      this.exportLocal('default', token, 'binding', false, ident?.value);
    } else {
      this.exportLocal('default', token, 'default', false);
      this.facts.declarations.set('default', { declaration: 'default', ...initialiser(tokens, j + 1), line: token.line, column: token.column });
    }
    return j;
  }

  private exportDeclaration(j: number): void {
    const { tokens } = this;
    let k = skipDecorators(tokens, j);
    if (isId(tokens[k], 'declare')) {
      // `export declare const/function/class` emits nothing; a declared namespace is not listed
      if (NAMESPACE_KEYWORDS.has(tokens[k + 1]?.value ?? '')) this.facts.unlisted = true;
      return;
    }
    if (isId(tokens[k], 'async')) k++;
    if (isId(tokens[k], 'abstract')) k++;
    const keyword = tokens[k]?.value;
    const nameAt = (n: number): Token | undefined => (isId(tokens[n]) ? tokens[n] : undefined);
    let name: Token | undefined;
    let kind: DeclarationKind | undefined;
    switch (keyword) {
      case 'function':
        name = nameAt(isPunct(tokens[k + 1], '*') ? k + 2 : k + 1);
        kind = 'function';
        break;
      case 'class':
        name = nameAt(k + 1);
        kind = 'class';
        break;
      case 'enum':
        name = nameAt(k + 1);
        kind = 'enum';
        break;
      case 'interface':
      case 'type':
        name = nameAt(k + 1);
        kind = 'type';
        break;
      case 'const':
        if (isId(tokens[k + 1], 'enum')) {
          name = nameAt(k + 2);
          kind = 'enum';
          break;
        }
        this.exportVariables(k + 1, 'const');
        return;
      case 'let':
      case 'var':
        this.exportVariables(k + 1, keyword);
        return;
      case 'namespace':
      case 'module':
        this.facts.unlisted = true;
        return;
      default:
        return;
    }
    if (name) {
      this.exportLocal(name.value, name, kind, kind === 'type');
      if (kind !== 'type') {
        const valueKind: ValueKind = kind === 'function' ? 'function' : kind === 'class' ? 'class' : 'value';
        this.facts.declarations.set(name.value, { declaration: kind, valueKind, line: name.line, column: name.column });
      }
    }
  }

  /** `export const a = ..., b = ...`: the names at depth 0 (destructuring patterns are skipped). */
  private exportVariables(k: number, kind: DeclarationKind): void {
    const { found, pattern } = this.variables(k);
    if (pattern) this.facts.unlisted = true;
    for (const { name, ...held } of found) {
      this.exportLocal(name.value, name, kind, false);
      this.facts.declarations.set(name.value, { declaration: kind, ...held, line: name.line, column: name.column });
    }
  }

  private exportLocal(name: string, token: Token, declaration: DeclarationKind, typeOnly: boolean, local = name): void {
    this.facts.exports.set(name, { kind: 'local', local, declaration, typeOnly, line: token.line, column: token.column });
  }

  /** Marks import declarations whose value bindings are all unused or used only as types as type-only. */
  private settleImports(): void {
    if (!this.isTypeScript) return; // JavaScript keeps every import
    const candidates = new Set<string>();
    for (const pending of this.pendingImports) {
      for (const b of pending.bindings) if (!b.typeOnly) candidates.add(b.local);
    }
    const usage = this.classifyUsages(candidates);
    let resolved: Set<string> | undefined;
    if (usage.ambiguous.size > 0) {
      resolved = valueUsages(this.text, usage.ambiguous, this.jsx) ?? this.heuristicValueUses(usage.ambiguous);
    }
    for (const pending of this.pendingImports) {
      const usedAsValue = pending.bindings.some(
        (b) => !b.typeOnly && (usage.value.has(b.local) || resolved?.has(b.local) === true),
      );
      if (pending.bindings.length > 0 && !usedAsValue) {
        pending.request.typeOnly = true;
        pending.request.elided = true;
        for (const b of pending.bindings) b.typeOnly = true;
      }
    }
  }

  private classifyUsages(names: Set<string>): { value: Set<string>; ambiguous: Set<string> } {
    const value = new Set<string>([...this.explicitValueUses].filter((n) => names.has(n)));
    const ambiguous = new Set<string>();
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t?.kind !== TokenKind.Identifier || !names.has(t.value) || value.has(t.value) || this.consumed.has(i)) continue;
      const verdict = usageAt(tokens, i);
      if (verdict === 'value') {
        value.add(t.value);
        ambiguous.delete(t.value);
      } else if (verdict === 'ambiguous') ambiguous.add(t.value);
    }
    return { value, ambiguous };
  }

  /** Without TypeScript: an ambiguous use counts as a value use unless it follows a type-position token. */
  private heuristicValueUses(names: Set<string>): Set<string> {
    const result = new Set<string>();
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t?.kind !== TokenKind.Identifier || !names.has(t.value) || this.consumed.has(i)) continue;
      const prev = tokens[i - 1];
      if (usageAt(tokens, i) !== 'none' && !(prev && TYPE_PREV.has(prev.value))) result.add(t.value);
    }
    return result;
  }
}

const DECLARATION_KEYWORDS = new Set(['function', 'class', 'const', 'let', 'var', 'enum']);
const NAMESPACE_KEYWORDS = new Set(['namespace', 'module', 'global']);
const STATEMENT_PREFIX = new Set([';', '{', '}', 'default']);
/** Modifiers before a declaration: it starts a statement when they do (`= async function f() {}` does not). */
const MODIFIERS = new Set(['async', 'declare']);
/**
 * Words after which a line break does not end the statement (an operand follows). Not `void`: a line ending in
 * `void` is far more often a return type (`declare function f(): void`) than an operator.
 */
const OPERAND_BEFORE = new Set([
  'return', 'typeof', 'new', 'await', 'yield', 'in', 'of', 'instanceof', 'extends', 'delete', 'throw', 'case', 'do',
  'else', 'export', 'import', 'as', 'satisfies', 'const', 'let', 'var', 'type',
]);

/** The token at `i` starts a statement: after `;`, a block, a modifier, or on a new line after a complete expression (ASI). */
function isStatementStart(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || STATEMENT_PREFIX.has(prev.value)) return true;
  if (prev.kind === TokenKind.Identifier && MODIFIERS.has(prev.value)) return isStatementStart(tokens, i - 1);
  if (!tokens[i]?.newline) return false;
  switch (prev.kind) {
    case TokenKind.Identifier:
      return !OPERAND_BEFORE.has(prev.value);
    case TokenKind.Punctuator:
      return prev.value === ')' || prev.value === ']';
    case TokenKind.TemplateHead:
      return false;
    default:
      return true;
  }
}

const OPEN = new Set(['(', '[', '{', '<']);
const CLOSE = new Set([')', ']', '}', '>']);

/** Index of the `=` (or `,`/`;`) ending a type annotation that starts at `j`. */
function skipTypeAnnotation(tokens: Token[], j: number): number {
  let depth = 0;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (t?.kind !== TokenKind.Punctuator) continue;
    if (OPEN.has(t.value)) depth++;
    else if (CLOSE.has(t.value)) depth--;
    else if (depth <= 0 && (t.value === '=' || t.value === ',' || t.value === ';')) return j;
  }
  return j;
}

/** The index of the next declarator's name after the initialiser that starts at `j`, if there is one. */
function nextDeclarator(tokens: Token[], j: number): number | undefined {
  let depth = 0;
  for (let k = j; k < tokens.length && k < j + 10_000; k++) {
    const t = tokens[k];
    if (!t) return undefined;
    if (k > j && depth === 0 && t.newline && t.kind === TokenKind.Identifier && DECLARATION_KEYWORDS.has(t.value)) return undefined;
    if (t.kind !== TokenKind.Punctuator) continue;
    if (t.value === '<' && tokens[k - 1]?.kind === TokenKind.Identifier) {
      // the type arguments of a call (`f<A, B>(…)`, `new Map<K, V>()`): their commas separate no declarators
      const end = closing(tokens, k);
      if (end > 0 && isPunct(tokens[end + 1], '(')) k = end;
    } else if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
    else if (t.value === ')' || t.value === ']' || t.value === '}') {
      if (--depth < 0) return undefined;
    } else if (depth === 0 && t.value === ';') return undefined;
    else if (depth === 0 && t.value === ',') return k + 1;
  }
  return undefined;
}

/** What an initialiser holds, and a function expression's own name. */
interface Initialiser {
  valueKind: ValueKind;
  functionName?: string;
}

const UNKNOWN: Initialiser = { valueKind: 'unknown' };
const OPEN_BRACKETS = new Set(['(', '[', '{']);
const CLOSE_BRACKETS = new Set([')', ']', '}']);
/** Words that continue an expression on the next line (any other word there starts a statement). */
const CONTINUATION_WORDS = new Set(['in', 'instanceof', 'as', 'satisfies']);
const LITERAL_WORDS = new Set(['true', 'false', 'null', 'undefined']);
const UNARY_WORDS = new Set(['typeof', 'void', 'delete']);
const UNARY_PUNCTUATORS = new Set(['-', '+', '!', '~']);

/**
 * What the initialiser starting at `j` holds: certain only when the whole expression is read (so `[f][0]` or
 * `function () {}.bind(x)` are `unknown`): an arrow or function expression, a class expression, or a plain value
 * (a literal, object, array, `new X(…)`, a `defineSignal(…)`-style call, a unary operator on one of these or on a
 * name), each possibly wrapped in `as T` / `satisfies T` / `!`.
 */
function initialiser(tokens: Token[], j: number): Initialiser {
  if (isArrow(tokens, j)) return { valueKind: 'function' };
  const fn = functionExpression(tokens, j);
  if (fn) {
    if (!endsAt(tokens, skipTypeWrappers(tokens, fn.end))) return UNKNOWN;
    return fn.name === undefined ? { valueKind: 'function' } : { valueKind: 'function', functionName: fn.name };
  }
  const cls = classExpressionEnd(tokens, j);
  if (cls >= 0) return endsAt(tokens, skipTypeWrappers(tokens, cls)) ? { valueKind: 'class' } : UNKNOWN;
  const value = valueEnd(tokens, j);
  return value >= 0 && endsAt(tokens, skipTypeWrappers(tokens, value)) ? { valueKind: 'value' } : UNKNOWN;
}

/** Tokens searched for the `>` closing a `<` (type arguments are short; `a < b` has none). */
const MAX_TYPE_ARGUMENT_TOKENS = 512;

/** Index of the token closing the bracket at `k` (`(`, `[`, `{`, or the `<` of type parameters), or -1. */
function closing(tokens: Token[], k: number): number {
  const angle = isPunct(tokens[k], '<');
  const stop = angle ? Math.min(tokens.length, k + MAX_TYPE_ARGUMENT_TOKENS) : tokens.length;
  let depth = 0;
  for (let i = k; i < stop; i++) {
    const t = tokens[i];
    if (t?.kind !== TokenKind.Punctuator) continue;
    if (angle ? t.value === '<' : OPEN_BRACKETS.has(t.value)) depth++;
    else if ((angle ? t.value === '>' : CLOSE_BRACKETS.has(t.value)) && --depth === 0) return i;
  }
  return -1;
}

/** True when the expression ends before token `k`: at `;`, `,`, the end of the file, or a statement on a new line. */
function endsAt(tokens: Token[], k: number): boolean {
  if (k < 0) return false;
  const t = tokens[k];
  if (!t || isPunct(t, ';') || isPunct(t, ',')) return true;
  return t.newline && t.kind === TokenKind.Identifier && !CONTINUATION_WORDS.has(t.value);
}

/** An arrow function at `j`: `x =>`, `(…) =>`, `(…): T =>`, `<T>(…) =>`, each possibly `async`. */
function isArrow(tokens: Token[], j: number): boolean {
  let k = j;
  if (isId(tokens[k]) && isPunct(tokens[k + 1], '=>')) return true;
  if (isId(tokens[k], 'async') && tokens[k + 1]?.newline === false) {
    k++;
    if (isId(tokens[k]) && isPunct(tokens[k + 1], '=>')) return true;
  }
  if (isPunct(tokens[k], '<')) k = closing(tokens, k) + 1;
  if (k <= 0 || !isPunct(tokens[k], '(')) return false;
  const end = closing(tokens, k);
  // `(…):` at the start of an expression can only be an arrow's return type
  return end >= 0 && (isPunct(tokens[end + 1], '=>') || isPunct(tokens[end + 1], ':'));
}

/** A function expression at `j` (`async`? `function` `*`? name? `<T>`? `(…)` `: T`? `{…}`): the index after it and its name. */
function functionExpression(tokens: Token[], j: number): { end: number; name?: string } | undefined {
  let k = j;
  if (isId(tokens[k], 'async') && isId(tokens[k + 1], 'function') && tokens[k + 1]?.newline === false) k++;
  if (!isId(tokens[k], 'function')) return undefined;
  k++;
  if (isPunct(tokens[k], '*')) k++;
  const named = isId(tokens[k]) ? tokens[k] : undefined;
  if (named) k++;
  if (isPunct(tokens[k], '<')) k = closing(tokens, k) + 1;
  if (k <= 0 || !isPunct(tokens[k], '(')) return undefined;
  k = closing(tokens, k) + 1;
  if (k > 0 && isPunct(tokens[k], ':')) k = simpleType(tokens, k + 1);
  if (k <= 0 || !isPunct(tokens[k], '{')) return undefined;
  const end = closing(tokens, k);
  if (end < 0) return undefined;
  return named ? { end: end + 1, name: named.value } : { end: end + 1 };
}

/** The index after a class expression at `j` (`class Name? extends …? {…}`), or -1. */
function classExpressionEnd(tokens: Token[], j: number): number {
  if (!isId(tokens[j], 'class')) return -1;
  for (let k = j + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (isPunct(t, '{')) {
      const end = closing(tokens, k);
      return end < 0 ? -1 : end + 1;
    }
    if (isPunct(t, '(') || isPunct(t, '[') || isPunct(t, '<')) {
      k = closing(tokens, k);
      if (k < 0) return -1;
    } else if (t?.kind !== TokenKind.Identifier && !isPunct(t, '.') && !isPunct(t, ',')) return -1;
  }
  return -1;
}

/** The index after a plain value at `j` (see `initialiser`), or -1. */
function valueEnd(tokens: Token[], j: number): number {
  const t = tokens[j];
  if (!t) return -1;
  switch (t.kind) {
    case TokenKind.String:
    case TokenKind.Template:
    case TokenKind.Number:
    case TokenKind.RegExp:
      return j + 1;
    case TokenKind.Punctuator:
      if (t.value === '{' || t.value === '[') {
        const end = closing(tokens, j);
        return end < 0 ? -1 : end + 1;
      }
      return UNARY_PUNCTUATORS.has(t.value) ? unaryOperandEnd(tokens, j + 1) : -1;
    case TokenKind.Identifier: {
      if (LITERAL_WORDS.has(t.value)) return j + 1;
      if (UNARY_WORDS.has(t.value)) return unaryOperandEnd(tokens, j + 1);
      if (t.value === 'new') return newExpressionEnd(tokens, j + 1);
      const callee = nameChain(tokens, j);
      return DEFINITION_FACTORIES.has(tokens[callee - 1]?.value ?? '') ? callEnd(tokens, callee, true) : -1;
    }
    default:
      return -1; // a template with substitutions: its end is not a token
  }
}

/** `a.b.c` from `j`: the index after it, or `j` when no name is there. */
function nameChain(tokens: Token[], j: number): number {
  if (!isId(tokens[j])) return j;
  let k = j + 1;
  while (isPunct(tokens[k], '.') && isId(tokens[k + 1])) k += 2;
  return k;
}

/** Type arguments (`<…>`) and an argument list (`(…)`, optional unless `required`) from `k`: the index after, or -1. */
function callEnd(tokens: Token[], k: number, required: boolean): number {
  if (isPunct(tokens[k], '<')) k = closing(tokens, k) + 1;
  if (k <= 0) return -1;
  if (!isPunct(tokens[k], '(')) return required ? -1 : k;
  const end = closing(tokens, k);
  return end < 0 ? -1 : end + 1;
}

/** `new X.Y<T>(…)` after `new`: the index after it, or -1. */
function newExpressionEnd(tokens: Token[], k: number): number {
  const callee = nameChain(tokens, k);
  return callee === k ? -1 : callEnd(tokens, callee, false);
}

/** The operand of a unary operator: a plain value, another unary operator, or a name (`!a.b`). */
function unaryOperandEnd(tokens: Token[], k: number): number {
  const value = valueEnd(tokens, k);
  if (value >= 0) return value;
  const name = nameChain(tokens, k);
  return name === k ? -1 : name;
}

/** The index after `as T`, `as const`, `satisfies T` and `!` wrappers from `k` (`k` when none), or -1. */
function skipTypeWrappers(tokens: Token[], k: number): number {
  for (;;) {
    const t = tokens[k];
    if (!t || t.newline) return k;
    if (isPunct(t, '!')) {
      k++;
      continue;
    }
    if (!isId(t, 'as') && !isId(t, 'satisfies')) return k;
    if (isId(tokens[k + 1], 'const')) {
      k += 2;
      continue;
    }
    k = simpleType(tokens, k + 1);
    if (k < 0) return -1;
  }
}

/** A type written as names with type arguments, array brackets and unions (`Foo.Bar<X>[] | null`): the index after, or -1. */
function simpleType(tokens: Token[], k: number): number {
  if (isPunct(tokens[k], '|') || isPunct(tokens[k], '&')) k++;
  for (;;) {
    const name = nameChain(tokens, k);
    if (name === k) return -1;
    k = callEnd(tokens, name, false);
    if (k < 0 || isPunct(tokens[k], '(')) return -1;
    while (isPunct(tokens[k], '[') && isPunct(tokens[k + 1], ']')) k += 2;
    if (!isPunct(tokens[k], '|') && !isPunct(tokens[k], '&')) return k;
    k++;
  }
}

/** Decorators (`@a.b`, `@c(…)`) from `k`: the index after them. */
function skipDecorators(tokens: Token[], k: number): number {
  while (isPunct(tokens[k], '@')) {
    const end = callEnd(tokens, nameChain(tokens, k + 1), false);
    if (end < 0) return k;
    k = end;
  }
  return k;
}

/** `module.exports = …`, `exports.a = …`, `module.exports['b'] = …` at `i`. */
function isCommonJsAssignment(tokens: Token[], i: number): boolean {
  let k = i + 1;
  let members = 0;
  for (;;) {
    if (isPunct(tokens[k], '.') && isId(tokens[k + 1])) k += 2;
    else if (isPunct(tokens[k], '[')) k = closing(tokens, k) + 1;
    else break;
    if (k <= 0) return false;
    members++;
  }
  return members > 0 && isPunct(tokens[k], '=');
}

/** How the identifier at `i` uses its binding: certainly as a value, not a reference at all, or unclear. */
function usageAt(tokens: Token[], i: number): 'value' | 'none' | 'ambiguous' {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const prevValue = prev?.kind === TokenKind.Identifier || prev?.kind === TokenKind.Punctuator ? prev.value : '';
  if (prevValue === '.' || prevValue === '?.') return 'none';
  if (isPunct(next, ':') && (prevValue === '{' || prevValue === ',')) return 'none';
  if (VALUE_PREV.has(prevValue)) return 'value';
  const nextValue = next?.kind === TokenKind.Punctuator ? next.value : '';
  if (next?.kind === TokenKind.Template || next?.kind === TokenKind.TemplateHead) return 'value';
  // No type can continue with `(` on the same line (`a: X(y)`, `c ? b : X(y)`, `extends X(y)` are calls); only an
  // interface's call signature after a member (`a: X` newline `(y: T): void`) puts a `(` after a type name.
  if (nextValue === '(' && next && !next.newline) return 'value';
  if ((nextValue === '(' || nextValue === '?.') && !TYPE_PREV.has(prevValue)) return 'value';
  // a call argument: `f(X)`, `f(X, y)`, `f(y, X)` (not a generic argument list, which ends with `>`)
  if ((prevValue === '(' && (nextValue === ')' || nextValue === ',')) || (prevValue === ',' && nextValue === ')')) return 'value';
  if (nextValue === '.' && (!prev || STATEMENT_START.has(prevValue))) return 'value';
  return 'ambiguous';
}

/**
 * Scans `text` (of a file named `file`) for its module requests, bindings and exports. Never throws.
 * `elision: false` skips deciding which imports the compiler erases (cheaper; `typeOnly` then only reflects
 * what is written).
 */
export function scanModule(file: string, text: string, elision = true): ModuleFacts {
  try {
    return new Scanner(text, elision && TS_FILE.test(file) && !file.endsWith('.d.ts'), file.endsWith('x')).run();
  } catch {
    return { requests: [], declarations: new Map(), imports: new Map(), exports: new Map(), stars: [], unlisted: true };
  }
}
