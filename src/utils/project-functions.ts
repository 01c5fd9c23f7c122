/**
 * Functions of other project files, read from the project model's parsed ASTs (no scopes, no `parent` links):
 * finding an implementation (by export name, by a worker's registration position, as a member of an exported object
 * or factory result), whether it heartbeats, and searching it (and the same-file helpers and project imports it
 * calls, depth-limited) for a node. Names are resolved syntactically (imports, top-level `require`s, function
 * declarations). Used by the cross-file parts of the `activity-*` rules. Never throws.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { Position, ProjectModel } from '../project/index.js';
import { ACTIVITY_PACKAGE } from '../sdk/activity-api.js';
import { isFunctionNode, stripTypeWrappers, type FunctionNode } from './ast.js';
import { isHeartbeatNode, memberName, walk } from './activity-code.js';
import { isFromPackage, requireSource } from './references.js';

export interface HeartbeatFacts {
  /** `heartbeat()` is called (the `@temporalio/activity` export or `<context>.heartbeat()`), or passed on as a function. */
  calls: boolean;
  /** Anything named `heartbeat` appears (lenient): when false, the code certainly never heartbeats. */
  mentions: boolean;
  /** Some called code could not be read (an unresolved import, `this.method()`, an ambiguous local name). */
  unknown: boolean;
}

/** A function in a project file. */
export interface LocatedFunction {
  file: string;
  fn: FunctionNode;
}

export interface ImportBinding {
  source: string;
  /** `'*'` for namespaces and `const x = require(...)`, `'default'`, or the imported name. */
  imported: string;
}

export interface ModuleFacts {
  file: string;
  program: TSESTree.Program;
  /** Value imports and top-level `require()` bindings by local name. */
  imports: Map<string, ImportBinding>;
  /** Functions declared anywhere in the file, by name (`function f`, `const f = () => ...`); built on first use. */
  readonly functions: Map<string, FunctionNode[]>;
  /** Top-level `const` initialisers by name. */
  consts: Map<string, TSESTree.Node>;
  /** The file's exports by name (built on first lookup). */
  exports?: ExportIndex;
}

/** What an export name of a module is: a node of the module, a re-export, or a local binding exported by name. */
type ExportRef = { node: TSESTree.Node } | { source: string; local: string } | { local: string };

interface ExportIndex {
  named: Map<string, ExportRef>;
  /** `export * from '…'` sources, in order. */
  stars: string[];
}

/** The exports of a module in one pass (the first declaration of a name wins, as in the statement order). */
function exportIndex(program: TSESTree.Program): ExportIndex {
  const named = new Map<string, ExportRef>();
  const stars: string[] = [];
  const add = (name: string, ref: ExportRef): void => {
    if (!named.has(name)) named.set(name, ref);
  };
  for (const statement of program.body) {
    if (statement.type === T.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === T.FunctionDeclaration && declaration.id) add(declaration.id.name, { node: declaration });
      if (declaration?.type === T.VariableDeclaration) {
        for (const d of declaration.declarations) if (d.id.type === T.Identifier && d.init) add(d.id.name, { node: d.init });
      }
      for (const spec of statement.specifiers) {
        const local = exportedName(spec.local);
        add(exportedName(spec.exported), statement.source ? { source: statement.source.value, local } : { local });
      }
    } else if (statement.type === T.ExportDefaultDeclaration) {
      add('default', { node: statement.declaration });
    } else if (statement.type === T.ExportAllDeclaration && !statement.exported) {
      stars.push(statement.source.value);
    }
  }
  return { named, stars };
}

const MAX_DEPTH = 4;

function importedName(spec: TSESTree.ImportClause): string {
  if (spec.type === T.ImportNamespaceSpecifier) return '*';
  if (spec.type === T.ImportDefaultSpecifier) return 'default';
  return spec.imported.type === T.Identifier ? spec.imported.name : spec.imported.value;
}

function exportedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === T.Identifier) return key.name;
  if (key.type === T.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/**
 * A cheap test of a module's source text, run before the module is parsed: `mayMatch` returns false only when the
 * text certainly contains nothing the search looks for (when in doubt, true). `key` names it for caching.
 */
export interface TextFilter {
  key: string;
  mayMatch: (text: string) => boolean;
}

/** A node found by {@link ProjectFunctions.search}, with where it is. */
export interface ProjectHit<T> {
  value: T;
  file: string;
  node: TSESTree.Node;
}

/** The initialiser of `const name = ...` declared inside `fn` (a factory's local activities object). */
function localConst(fn: FunctionNode | undefined, name: string): TSESTree.Node | undefined {
  if (!fn) return undefined;
  let found: TSESTree.Node | undefined;
  walk(fn.body, (node) => {
    if (found) return false;
    if (node.type === T.VariableDeclarator && node.id.type === T.Identifier && node.id.name === name && node.init) {
      found = stripTypeWrappers(node.init);
    }
    return undefined;
  });
  return found;
}

/** Functions declared anywhere in a module, by name (`function f`, `const f = () => ...`). */
function declaredFunctions(program: TSESTree.Program): Map<string, FunctionNode[]> {
  const functions = new Map<string, FunctionNode[]>();
  const add = (name: string, fn: FunctionNode): void => {
    const list = functions.get(name);
    if (list) list.push(fn);
    else functions.set(name, [fn]);
  };
  walk(program, (node) => {
    if (node.type === T.FunctionDeclaration && node.id) add(node.id.name, node);
    if (node.type === T.VariableDeclarator && node.id.type === T.Identifier && node.init) {
      const init = stripTypeWrappers(node.init);
      if (isFunctionNode(init)) add(node.id.name, init);
    }
    return undefined;
  });
  return functions;
}

const shared = new WeakMap<ProjectModel, ProjectFunctions>();

export class ProjectFunctions {
  // Keyed by the model's parses, so a module the model's parse cache lets go of is released here too.
  private readonly modules = new WeakMap<TSESTree.Program, ModuleFacts>();
  private readonly unreadable = new Set<string>();
  private readonly results = new WeakMap<FunctionNode, HeartbeatFacts>();
  private readonly positions = new WeakMap<TSESTree.Program, Map<string, FunctionNode | null>>();
  private readonly searches = new Map<string, WeakMap<FunctionNode, ProjectHit<unknown> | null>>();
  /** Per text filter: files whose import closure may (true) or cannot (false) match it. */
  private readonly reach = new Map<string, Map<string, boolean>>();

  constructor(private readonly model: ProjectModel) {}

  /**
   * The analyser of a model, shared by every linted file while the model lives: one per linted file re-reads the
   * same activity modules (and their barrels) again and again, which makes a project lint O(N²). A file changed on
   * disk makes the cache build a new model, and so a new analyser; unsaved text of another file is seen once saved.
   */
  static for(model: ProjectModel): ProjectFunctions {
    let analyser = shared.get(model);
    if (!analyser) {
      analyser = new ProjectFunctions(model);
      shared.set(model, analyser);
    }
    return analyser;
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Finding implementations

  /** The function a worker registered, from its position (`RegisteredActivity.position`). */
  functionAt(position: Position): LocatedFunction | undefined {
    const facts = this.facts(position.file);
    if (!facts) return undefined;
    // Asked by every linted workflow file that proxies the activity: one walk per position and parse.
    let known = this.positions.get(facts.program);
    if (!known) {
      known = new Map();
      this.positions.set(facts.program, known);
    }
    const key = `${position.line}:${position.column}`;
    let found = known.get(key);
    if (found === undefined) {
      found = this.functionAtIn(facts, position) ?? null;
      known.set(key, found);
    }
    return found ? { file: position.file, fn: found } : undefined;
  }

  private functionAtIn(facts: ModuleFacts, position: Position): FunctionNode | undefined {
    let found: FunctionNode | undefined;
    walk(facts.program, (node) => {
      if (found) return false;
      if (node.loc.start.line > position.line || node.loc.end.line < position.line) return false;
      if (node.loc.start.line === position.line && node.loc.start.column === position.column) {
        found = this.functionOf(facts, node);
        if (found) return false;
      }
      return undefined;
    });
    return found;
  }

  /** The function `file` exports as `name` (through re-exports), or the member `name` of an exported activities object. */
  exportedFunction(file: string, name: string, depth = 0): LocatedFunction | undefined {
    const value = this.exportedValue(file, name, depth);
    if (!value) return undefined;
    const fn = this.functionOf(value.facts, value.node);
    return fn ? { file: value.facts.file, fn } : undefined;
  }

  /** Member `member` of the object that `file`'s export `name` is, or that it returns (a factory). */
  memberFunction(file: string, name: string, member: string): LocatedFunction | undefined {
    const value = this.exportedValue(file, name, 0);
    if (!value) return undefined;
    const node = stripTypeWrappers(value.node);
    const containers: TSESTree.Node[] = [];
    if (node.type === T.ObjectExpression) containers.push(node);
    const fn = this.functionOf(value.facts, node);
    if (fn) {
      if (fn.body.type !== T.BlockStatement) containers.push(stripTypeWrappers(fn.body));
      else {
        walk(fn.body, (n) => {
          if (n !== fn.body && isFunctionNode(n)) return false;
          if (n.type === T.ReturnStatement && n.argument) containers.push(stripTypeWrappers(n.argument));
          return undefined;
        });
      }
    }
    for (const container of containers) {
      const object = container.type === T.Identifier ? (localConst(fn, container.name) ?? value.facts.consts.get(container.name)) : container;
      if (object?.type !== T.ObjectExpression) continue;
      for (const property of object.properties) {
        if (property.type !== T.Property || keyName(property.key, property.computed) !== member) continue;
        const target = this.functionOf(value.facts, property.value);
        if (target) return { file: value.facts.file, fn: target };
      }
    }
    return undefined;
  }

  private exportedValue(file: string, name: string, depth: number): { facts: ModuleFacts; node: TSESTree.Node } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const facts = this.facts(file);
    if (!facts) return undefined;
    facts.exports ??= exportIndex(facts.program);
    const ref = facts.exports.named.get(name);
    if (ref) {
      if ('node' in ref) return { facts, node: ref.node };
      if ('source' in ref) {
        const target = this.resolve(file, ref.source);
        return target ? this.exportedValue(target, ref.local, depth + 1) : undefined;
      }
      return this.localValue(facts, ref.local, depth);
    }
    const stars = facts.exports.stars;
    if (stars.length === 0 || name === 'default') return undefined;
    // The scan knows which module of a barrel declares the name: go there instead of reading every module.
    const origin = this.model.exportOrigin(file, name);
    if (origin === null) return undefined;
    if (origin && origin.local !== '*') {
      const declaring = this.facts(origin.file);
      const found = declaring ? this.localValue(declaring, origin.local, depth + 1) : undefined;
      if (found) return found;
    }
    for (const source of stars) {
      const target = this.resolve(file, source);
      if (!target || this.model.exportOrigin(target, name) === null) continue;
      const found = this.exportedValue(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** A local binding: a function or const of the file, or an import of another project file. */
  private localValue(facts: ModuleFacts, name: string, depth: number): { facts: ModuleFacts; node: TSESTree.Node } | undefined {
    const functions = facts.functions.get(name);
    if (functions?.length === 1 && functions[0]) return { facts, node: functions[0] };
    const init = facts.consts.get(name);
    if (init) return { facts, node: init };
    const imported = facts.imports.get(name);
    if (imported && imported.imported !== '*') {
      const target = this.resolve(facts.file, imported.source);
      return target ? this.exportedValue(target, imported.imported, depth + 1) : undefined;
    }
    return undefined;
  }

  private functionOf(facts: ModuleFacts, input: TSESTree.Node): FunctionNode | undefined {
    const node = stripTypeWrappers(input);
    if (isFunctionNode(node)) return node;
    switch (node.type) {
      case T.Property:
      case T.PropertyDefinition:
        return node.value ? this.functionOf(facts, node.value) : undefined;
      case T.MethodDefinition:
        return node.value.type === T.FunctionExpression ? node.value : undefined;
      case T.VariableDeclarator:
        return node.init ? this.functionOf(facts, node.init) : undefined;
      case T.ExportNamedDeclaration:
      case T.ExportDefaultDeclaration:
        return node.declaration ? this.functionOf(facts, node.declaration) : undefined;
      case T.Identifier: {
        const functions = facts.functions.get(node.name);
        return functions?.length === 1 ? functions[0] : undefined;
      }
      default:
        return undefined;
    }
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Search

  /**
   * The first node in `located` (and the same-file functions and project imports it calls, transitively) for which
   * `test` returns a value. `key` names the test for caching: the analyser is shared by every linted file, so the key
   * must change whenever what `test` finds does (rule options). With `filter`, a call into another module is followed
   * only when {@link mayReach} says the module may hold a match: `filter` must accept every text `test` can match in.
   */
  search<T>(
    located: LocatedFunction,
    key: string,
    test: (node: TSESTree.Node, facts: ModuleFacts) => T | undefined,
    filter?: TextFilter,
  ): ProjectHit<T> | undefined {
    try {
      return this.searchInner(located, key, test, filter, new Set(), 0);
    } catch {
      return undefined;
    }
  }

  /**
   * False when neither `file` nor any project module it imports or re-exports from (transitively, type-only requests
   * included) can hold what `filter` looks for, judged from their text without parsing them; true when one may, or
   * when a text or the imports of a module cannot be read. A search from a function of `file` only reaches code in
   * these modules, so it finds nothing when this is false. Memoised per model and filter.
   */
  mayReach(file: string, filter: TextFilter): boolean {
    let memo = this.reach.get(filter.key);
    if (!memo) {
      memo = new Map();
      this.reach.set(filter.key, memo);
    }
    const known = memo.get(file);
    if (known !== undefined) return known;
    try {
      const visited = new Set<string>();
      const pending = [file];
      for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
        if (visited.has(current)) continue;
        visited.add(current);
        const memoised = memo.get(current);
        if (memoised === false) continue;
        const text = memoised === true ? undefined : this.model.getText(current);
        const imports = text === undefined || filter.mayMatch(text) ? undefined : this.model.importsOf(current);
        if (imports === undefined) {
          memo.set(file, true);
          return true;
        }
        for (const request of imports) if (request.resolved !== undefined) pending.push(request.resolved);
      }
      // Every module reachable from a visited one was visited (or was known not to match): none can match.
      for (const clean of visited) memo.set(clean, false);
      return false;
    } catch {
      return true;
    }
  }

  private searchInner<T>(
    located: LocatedFunction,
    key: string,
    test: (node: TSESTree.Node, facts: ModuleFacts) => T | undefined,
    filter: TextFilter | undefined,
    inProgress: Set<FunctionNode>,
    depth: number,
  ): ProjectHit<T> | undefined {
    let cache = this.searches.get(key);
    if (!cache) {
      cache = new WeakMap();
      this.searches.set(key, cache);
    }
    const cached = cache.get(located.fn);
    if (cached !== undefined) return (cached ?? undefined) as ProjectHit<T> | undefined;
    const facts = this.facts(located.file);
    if (!facts || depth > MAX_DEPTH || inProgress.has(located.fn)) return undefined;
    inProgress.add(located.fn);
    let hit: ProjectHit<T> | undefined;
    walk(located.fn.body, (node) => {
      if (hit) return false;
      const value = test(node, facts);
      if (value !== undefined) {
        hit = { value, file: facts.file, node };
        return false;
      }
      if (node.type === T.CallExpression) {
        const callee = this.calleeFunction(facts, node, depth, filter);
        if (callee && callee !== 'unknown' && callee.fn !== located.fn) {
          const inner = this.searchInner(callee, key, test, filter, inProgress, depth + 1);
          if (inner) {
            hit = inner;
            return false;
          }
        }
      }
      return undefined;
    });
    inProgress.delete(located.fn);
    cache.set(located.fn, hit ?? null);
    return hit;
  }

  /** The file `specifier` (imported by `fromFile`) resolves to in the project, or undefined (packages, built-ins). */
  resolve(fromFile: string, specifier: string): string | undefined {
    try {
      return this.model.resolveModule(fromFile, specifier);
    } catch {
      return undefined;
    }
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Heartbeat facts

  /** What `fn` (in `file`) and the code it calls do with heartbeats. */
  analyze(located: LocatedFunction): HeartbeatFacts {
    try {
      return this.analyzeInner(located, new Set(), 0);
    } catch {
      return { calls: false, mentions: true, unknown: true };
    }
  }

  private analyzeInner(located: LocatedFunction, inProgress: Set<FunctionNode>, depth: number): HeartbeatFacts {
    const cached = this.results.get(located.fn);
    if (cached) return cached;
    const facts = this.facts(located.file);
    const result: HeartbeatFacts = { calls: false, mentions: false, unknown: false };
    if (!facts || depth > MAX_DEPTH) return { calls: false, mentions: false, unknown: true };
    if (inProgress.has(located.fn)) return result;
    inProgress.add(located.fn);
    const aliases = this.heartbeatAliases(facts);
    const merge = (other: HeartbeatFacts): void => {
      result.calls ||= other.calls;
      result.mentions ||= other.mentions;
      result.unknown ||= other.unknown;
    };
    walk(located.fn.body, (node) => {
      if (isHeartbeatNode(node) || (node.type === T.Identifier && aliases.has(node.name))) result.mentions = true;
      if (node.type === T.CallExpression) {
        if (this.isHeartbeatCall(node, aliases)) {
          result.calls = true;
          result.mentions = true;
        }
        for (const arg of node.arguments) {
          // `setInterval(heartbeat, 5000)`, `setInterval(ctx.heartbeat, ...)`
          const value = stripTypeWrappers(arg);
          if ((value.type === T.Identifier && aliases.has(value.name)) || (value.type === T.MemberExpression && memberName(value) === 'heartbeat')) {
            result.calls = true;
            result.mentions = true;
          }
        }
        const callee = this.calleeFunction(facts, node, depth);
        if (callee === 'unknown') result.unknown = true;
        else if (callee && callee.fn !== located.fn) merge(this.analyzeInner(callee, inProgress, depth + 1));
      }
      return undefined;
    });
    inProgress.delete(located.fn);
    this.results.set(located.fn, result);
    return result;
  }

  private isHeartbeatCall(call: TSESTree.CallExpression, aliases: Set<string>): boolean {
    const callee = stripTypeWrappers(call.callee);
    if (callee.type === T.Identifier) return aliases.has(callee.name);
    return callee.type === T.MemberExpression && memberName(callee) === 'heartbeat';
  }

  /**
   * Same-file or project function a call reaches; `'unknown'` when it is project code that cannot be read. With
   * `filter`, a function of another module that {@link mayReach} rules out is not looked up (undefined).
   */
  private calleeFunction(
    facts: ModuleFacts,
    call: TSESTree.CallExpression,
    depth: number,
    filter?: TextFilter,
  ): LocatedFunction | 'unknown' | undefined {
    const callee = stripTypeWrappers(call.callee);
    if (callee.type === T.Identifier) {
      const functions = facts.functions.get(callee.name);
      if (functions && functions.length > 1) return 'unknown';
      if (functions?.[0]) return { file: facts.file, fn: functions[0] };
      const imported = facts.imports.get(callee.name);
      if (!imported || imported.imported === '*') return undefined;
      return this.importedFunction(facts, imported, imported.imported, depth, filter);
    }
    if (callee.type !== T.MemberExpression) return undefined;
    const object = stripTypeWrappers(callee.object);
    // Methods of the activity's own classes may heartbeat: not followed, so unknown.
    if (object.type === T.ThisExpression || object.type === T.NewExpression) return 'unknown';
    const member = memberName(callee);
    if (object.type === T.Identifier && member !== undefined) {
      const imported = facts.imports.get(object.name);
      if (imported?.imported === '*') return this.importedFunction(facts, imported, member, depth, filter);
    }
    return undefined;
  }

  private importedFunction(
    facts: ModuleFacts,
    binding: ImportBinding,
    name: string,
    depth: number,
    filter?: TextFilter,
  ): LocatedFunction | 'unknown' | undefined {
    // Packages are leaves (they cannot reach this activity's context); unresolvable project imports are unknown.
    const target = this.resolve(facts.file, binding.source);
    if (!target) return /^[./#]/.test(binding.source) ? 'unknown' : undefined;
    if (filter && !this.mayReach(target, filter)) return undefined;
    return this.exportedFunction(target, name, depth + 1) ?? 'unknown';
  }

  /** Local names of `@temporalio/activity`'s `heartbeat` in a file (`import { heartbeat as hb }`). */
  private heartbeatAliases(facts: ModuleFacts): Set<string> {
    const aliases = new Set<string>();
    for (const [local, binding] of facts.imports) {
      if (isFromPackage(binding.source, ACTIVITY_PACKAGE) && binding.imported === 'heartbeat') aliases.add(local);
    }
    return aliases;
  }

  // -----------------------------------------------------------------------------------------------------------------

  private facts(file: string): ModuleFacts | undefined {
    if (this.unreadable.has(file)) return undefined;
    let program: TSESTree.Program | undefined;
    try {
      program = this.model.getAst(file);
    } catch {
      program = undefined;
    }
    if (!program) {
      this.unreadable.add(file);
      return undefined;
    }
    const cached = this.modules.get(program);
    if (cached) return cached;
    let functions: Map<string, FunctionNode[]> | undefined;
    const facts: ModuleFacts = {
      file,
      program,
      imports: new Map(),
      // A walk of the whole module, done when a name is first looked up (exported functions are found without it).
      get functions() {
        functions ??= declaredFunctions(program);
        return functions;
      },
      consts: new Map(),
    };
    for (const statement of program.body) {
      if (statement.type === T.ImportDeclaration && statement.importKind !== 'type') {
        for (const spec of statement.specifiers) {
          facts.imports.set(spec.local.name, { source: statement.source.value, imported: importedName(spec) });
        }
      }
      const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type === T.VariableDeclaration) {
        for (const d of declaration.declarations) {
          if (d.id.type === T.Identifier && d.init) facts.consts.set(d.id.name, d.init);
          const required = d.init ? requireSource(stripTypeWrappers(d.init)) : undefined;
          if (required === undefined) continue;
          if (d.id.type === T.Identifier) facts.imports.set(d.id.name, { source: required, imported: '*' });
          else if (d.id.type === T.ObjectPattern) {
            for (const property of d.id.properties) {
              if (property.type !== T.Property || property.value.type !== T.Identifier) continue;
              const key = keyName(property.key, property.computed);
              if (key !== undefined) facts.imports.set(property.value.name, { source: required, imported: key });
            }
          }
        }
      }
    }
    this.modules.set(program, facts);
    return facts;
  }
}
