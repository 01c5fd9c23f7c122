import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { ModuleFacts, ProjectModel } from '../project/index.js';
import { DEFINITION_FACTORIES } from '../project/scan.js';
import { stripTypeWrappers } from './ast.js';

/**
 * What the runtime exports of a `workflowsPath` module are, and the `name` a function carries at run time, which is
 * what a client sends when it starts a workflow by reference (`@temporalio/common` `src/workflow-options.ts`,
 * `extractWorkflowType`: `workflowTypeOrFunc.name`). Facts §5.1: every exported function is a workflow type under its
 * export KEY; `default` is the fallback for unknown types.
 *
 * Read from the project model's fast scan of the module and the local modules it re-exports; a module is parsed only
 * for a binding the scan cannot classify (`export const x = wrap(fn)`, `export const y = x`), and for the
 * `range` of a function, which is read from the parse when first asked for. Without scan facts for a file (an
 * unreadable file, a model without them) the reader falls back to the parse for everything.
 */

/** `function`: certainly a function; `value`: certainly not one; `unknown`: cannot tell (calls, classes, ...). */
export type ExportKind = 'function' | 'value' | 'unknown';

export interface ExportedBinding {
  kind: ExportKind;
  /** The function's own `name` at run time, when `kind` is `function` and it is statically known. */
  functionName?: string;
  /** Where a function is defined: its file and the function node's range, to compare two exports. */
  file?: string;
  /** Read from the module's parse on first access when the scan found the function (few questions need it). */
  range?: readonly [number, number];
}

export interface ModuleExports {
  /** Runtime export names (type-only exports excluded) and what they are. */
  names: Map<string, ExportedBinding>;
  /**
   * False when some exports could not be listed (`export *` from a package, `export =`, CommonJS, namespaces, an
   * unreadable file; a syntax error only when the module had to be parsed).
   */
  complete: boolean;
}

type Program = TSESTree.Program;
const MAX_DEPTH = 16;
const VALUE_NODES = new Set<string>([
  T.Literal,
  T.TemplateLiteral,
  T.ObjectExpression,
  T.ArrayExpression,
  T.NewExpression,
  T.BinaryExpression,
  T.UnaryExpression,
]);
const UNKNOWN: ExportedBinding = Object.freeze({ kind: 'unknown' });
const VALUE: ExportedBinding = Object.freeze({ kind: 'value' });

function moduleName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

function calleeName(node: TSESTree.CallExpression): string | undefined {
  const callee = node.callee;
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) return callee.property.name;
  return undefined;
}

/** A function found by the scan: its `range` comes from the parse of `file`, on first access. */
function scannedFunction(file: string, functionName: string, locate: () => readonly [number, number] | undefined): ExportedBinding {
  let range: readonly [number, number] | undefined | null = null;
  const binding: ExportedBinding = { kind: 'function', functionName, file };
  return Object.defineProperty(binding, 'range', {
    enumerable: true,
    get: () => (range === null ? (range = locate()) : range),
  });
}

interface Local {
  node: TSESTree.Node;
  /** The binding name (for `const a = () => {}`, whose function takes the name `a`). */
  name: string;
}

class ExportReader {
  private readonly cache = new Map<string, ModuleExports>();
  /**
   * Per module, for each name its `export *` statements provide: the first module providing it (`null` for
   * `export * as name from`, in parsed modules), filled while `exports` lists the module.
   */
  private readonly starOwners = new Map<string, Map<string, string | null>>();
  /** `entryWorkflowTypes` results by entry module. */
  readonly entryTypes = new Map<string, EntryWorkflowTypes>();

  constructor(private readonly model: ProjectModel) {}

  private ast(file: string): Program | undefined {
    try {
      return this.model.getAst(file);
    } catch {
      return undefined;
    }
  }

  private facts(file: string): ModuleFacts | undefined {
    try {
      return this.model.moduleFacts(file);
    } catch {
      return undefined;
    }
  }

  private resolve(file: string, specifier: string): string | undefined {
    return this.model.resolveModule(file, specifier);
  }

  /** What export `name` of `file` is. */
  binding(file: string, name: string, depth = 0): ExportedBinding {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const facts = this.facts(file);
    if (!facts) return this.parsedBinding(file, name, depth);
    const exported = name === 'export=' ? undefined : facts.exports.get(name);
    if (exported && !exported.typeOnly && !(exported.kind === 'local' && exported.declaration === 'type')) {
      if (exported.kind === 'reexport') return this.imported(file, exported.specifier, exported.imported, depth);
      const { local } = exported;
      // `export default <expression>` and anonymous default functions and classes are declared as `default`
      const fallback = local === 'default' ? () => this.parsedBinding(file, 'default', depth) : () => this.parsedLocal(file, local, depth + 1);
      return this.scannedLocal(file, facts, local, depth, fallback);
    }
    return name === 'default' ? UNKNOWN : this.starBinding(file, name, depth);
  }

  /** What the top-level binding `name` of `file` is. */
  localBinding(file: string, name: string): ExportedBinding {
    const facts = this.facts(file);
    if (!facts) return this.parsedLocal(file, name, 0);
    // `default` names no binding (an anonymous default export is reached through `binding`)
    if (name === 'default') return UNKNOWN;
    return this.scannedLocal(file, facts, name, 0, () => this.parsedLocal(file, name, 0));
  }

  /**
   * The top-level binding `local` of a scanned module: an import followed to its module, or a declaration the scan
   * classified. `fallback` (the parse) answers what the scan cannot tell.
   */
  private scannedLocal(file: string, facts: ModuleFacts, local: string, depth: number, fallback: () => ExportedBinding): ExportedBinding {
    const imported = facts.imports.get(local);
    if (imported) {
      // a type-only import is no runtime binding; `import x = require()` may be anything the module assigns
      if (imported.typeOnly || facts.requests.some((r) => r.kind === 'import-equals' && r.specifier === imported.specifier)) return fallback();
      return this.imported(file, imported.specifier, imported.imported, depth);
    }
    const declaration = facts.declarations.get(local);
    switch (declaration?.valueKind) {
      case 'function':
        return scannedFunction(file, declaration.functionName ?? local, () => this.parsedRange(file, local));
      case 'class':
        return UNKNOWN;
      case 'value':
        return VALUE;
      default:
        return fallback();
    }
  }

  /** `imported` of the module `specifier` names from `file` (`*`: the module namespace object). */
  private imported(file: string, specifier: string, imported: string, depth: number): ExportedBinding {
    if (imported === '*') return VALUE;
    const target = this.resolve(file, specifier);
    return target ? this.binding(target, imported, depth + 1) : UNKNOWN;
  }

  /** `name` provided by the `export *` statements of `file`: the first star module that has it, as `exports` lists them. */
  private starBinding(file: string, name: string, depth: number): ExportedBinding {
    this.exports(file, depth);
    const owner = this.starOwners.get(file)?.get(name);
    if (owner === null) return VALUE;
    return owner === undefined ? UNKNOWN : this.binding(owner, name, depth + 1);
  }

  /** Every runtime export of `file`. */
  exports(file: string, depth = 0): ModuleExports {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const result: ModuleExports = { names: new Map(), complete: true };
    this.cache.set(file, result);
    const owners = new Map<string, string | null>();
    this.starOwners.set(file, owners);
    const facts = depth > MAX_DEPTH ? undefined : this.facts(file);
    if (facts) this.listScanned(file, facts, result, owners, depth);
    else this.listParsed(file, result, owners, depth);
    return result;
  }

  private listScanned(file: string, facts: ModuleFacts, result: ModuleExports, owners: Map<string, string | null>, depth: number): void {
    const add = (name: string): void => {
      if (!result.names.has(name)) result.names.set(name, this.binding(file, name, depth));
    };
    if (facts.unlisted) result.complete = false;
    for (const [name, exported] of facts.exports) {
      if (name === 'export=' || exported.typeOnly || (exported.kind === 'local' && exported.declaration === 'type')) continue;
      add(name);
    }
    for (const specifier of facts.stars) this.listStar(file, specifier, result, owners, depth, add);
  }

  /** `export * from specifier` in `file`: every name of the target but `default`, owned by the first star that has it. */
  private listStar(
    file: string,
    specifier: string,
    result: ModuleExports,
    owners: Map<string, string | null>,
    depth: number,
    add: (name: string) => void,
  ): void {
    const target = this.resolve(file, specifier);
    if (!target) {
      result.complete = false;
      return;
    }
    const inner = this.exports(target, depth + 1);
    if (!inner.complete) result.complete = false;
    for (const name of inner.names.keys()) {
      if (name === 'default') continue;
      if (!owners.has(name)) owners.set(name, target);
      add(name);
    }
  }

  // The parse: for what the scan cannot tell, and for files without scan facts.

  /** The binding `name` declared by top-level `statements`. */
  private local(statements: readonly TSESTree.Node[], name: string): Local | { importFrom: string; imported: string } | undefined {
    for (const statement of statements) {
      const decl =
        (statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration) && statement.declaration
          ? statement.declaration
          : statement;
      switch (decl.type) {
        case T.FunctionDeclaration:
        case T.ClassDeclaration:
        case T.TSEnumDeclaration:
          if (decl.id?.name === name) return { node: decl, name };
          break;
        case T.VariableDeclaration:
          for (const d of decl.declarations) {
            if (d.id.type === T.Identifier && d.id.name === name && d.init) return { node: d.init, name };
          }
          break;
        case T.ImportDeclaration:
          if (decl.importKind === 'type') break;
          for (const spec of decl.specifiers) {
            if (spec.local.name !== name || (spec.type === T.ImportSpecifier && spec.importKind === 'type')) continue;
            const imported =
              spec.type === T.ImportSpecifier ? moduleName(spec.imported) : spec.type === T.ImportDefaultSpecifier ? 'default' : '*';
            return { importFrom: decl.source.value, imported };
          }
          break;
        default:
          break;
      }
    }
    return undefined;
  }

  private classifyNode(file: string, local: Local, program: Program, depth: number): ExportedBinding {
    const node = stripTypeWrappers(local.node);
    switch (node.type) {
      case T.FunctionDeclaration:
      case T.FunctionExpression:
        return { kind: 'function', functionName: node.id?.name ?? local.name, file, range: node.range };
      case T.ArrowFunctionExpression:
        return { kind: 'function', functionName: local.name, file, range: node.range };
      case T.TSEnumDeclaration:
        return VALUE;
      case T.Identifier:
        return this.classifyLocal(file, program, node.name, depth + 1);
      case T.CallExpression: {
        const name = calleeName(node);
        return name !== undefined && DEFINITION_FACTORIES.has(name) ? VALUE : UNKNOWN;
      }
      default:
        return VALUE_NODES.has(node.type) ? VALUE : UNKNOWN;
    }
  }

  private classifyLocal(file: string, program: Program, name: string, depth: number): ExportedBinding {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const found = this.local(program.body, name);
    // an undeclared `undefined` is the global value
    if (!found) return name === 'undefined' ? VALUE : UNKNOWN;
    if ('importFrom' in found) return this.imported(file, found.importFrom, found.imported, depth);
    return this.classifyNode(file, found, program, depth);
  }

  /** The top-level binding `name` of `file`, from its parse. */
  private parsedLocal(file: string, name: string, depth: number): ExportedBinding {
    const program = this.ast(file);
    return program ? this.classifyLocal(file, program, name, depth) : UNKNOWN;
  }

  /** The range of the function the scan found as the top-level binding `local` of `file` (`default`: the default export). */
  private parsedRange(file: string, local: string): readonly [number, number] | undefined {
    try {
      return (local === 'default' ? this.parsedBinding(file, 'default', 0) : this.parsedLocal(file, local, 0)).range;
    } catch {
      return undefined;
    }
  }

  /** Export `name` of `file`, from its parse. */
  private parsedBinding(file: string, name: string, depth: number): ExportedBinding {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const program = this.ast(file);
    if (!program) return UNKNOWN;
    for (const statement of program.body) {
      if (statement.type === T.ExportDefaultDeclaration && name === 'default') {
        const decl = statement.declaration;
        if ((decl.type === T.FunctionDeclaration || decl.type === T.ClassDeclaration) && !decl.id) {
          return decl.type === T.FunctionDeclaration ? { kind: 'function', functionName: 'default', file, range: decl.range } : UNKNOWN;
        }
        if (decl.type === T.ArrowFunctionExpression || (decl.type === T.FunctionExpression && !decl.id)) {
          return { kind: 'function', functionName: 'default', file, range: decl.range };
        }
        return this.classifyNode(file, { node: decl, name: 'default' }, program, depth);
      }
      if (statement.type !== T.ExportNamedDeclaration || statement.exportKind === 'type') continue;
      const decl = statement.declaration;
      if (decl) {
        const declared = this.local([decl], name);
        if (declared && !('importFrom' in declared)) return this.classifyNode(file, declared, program, depth);
        continue;
      }
      for (const spec of statement.specifiers) {
        if (spec.exportKind === 'type' || moduleName(spec.exported) !== name) continue;
        const localName = moduleName(spec.local);
        if (statement.source) return this.imported(file, statement.source.value, localName, depth);
        return this.classifyLocal(file, program, localName, depth + 1);
      }
    }
    // `export * from './x'` (never re-exports `default`): the first star module that has the name, as listed by
    // `exports` (a barrel of N modules is read once, not once per name).
    return name === 'default' ? UNKNOWN : this.starBinding(file, name, depth);
  }

  private listParsed(file: string, result: ModuleExports, owners: Map<string, string | null>, depth: number): void {
    const program = depth > MAX_DEPTH ? undefined : this.ast(file);
    if (!program) {
      result.complete = false;
      return;
    }
    const add = (name: string): void => {
      if (!result.names.has(name)) result.names.set(name, this.binding(file, name, depth));
    };
    for (const statement of program.body) {
      switch (statement.type) {
        case T.ExportDefaultDeclaration:
          add('default');
          break;
        case T.ExportNamedDeclaration: {
          if (statement.exportKind === 'type') break;
          const decl = statement.declaration;
          if (decl?.type === T.VariableDeclaration) {
            // `export declare const x` emits nothing
            if (decl.declare) break;
            for (const d of decl.declarations) {
              if (d.id.type === T.Identifier) add(d.id.name);
              else result.complete = false;
            }
          } else if ((decl?.type === T.FunctionDeclaration || decl?.type === T.ClassDeclaration || decl?.type === T.TSEnumDeclaration) && decl.id) {
            if (!(decl.type !== T.FunctionDeclaration && decl.declare)) add(decl.id.name);
          } else if (decl?.type === T.TSModuleDeclaration || decl?.type === T.TSImportEqualsDeclaration) {
            result.complete = false;
          }
          for (const spec of statement.specifiers) if (spec.exportKind !== 'type') add(moduleName(spec.exported));
          break;
        }
        case T.ExportAllDeclaration: {
          if (statement.exportKind === 'type') break;
          if (statement.exported) {
            const name = moduleName(statement.exported);
            if (!owners.has(name)) owners.set(name, null);
            add(name);
            break;
          }
          this.listStar(file, statement.source.value, result, owners, depth, add);
          break;
        }
        case T.TSExportAssignment:
          result.complete = false;
          break;
        case T.ExpressionStatement:
          if (isCommonJsExport(statement.expression)) result.complete = false;
          break;
        default:
          break;
      }
    }
  }
}

function isCommonJsExport(expression: TSESTree.Expression): boolean {
  if (expression.type !== T.AssignmentExpression || expression.left.type !== T.MemberExpression) return false;
  let object: TSESTree.Node = expression.left;
  while (object.type === T.MemberExpression) object = object.object;
  return object.type === T.Identifier && (object.name === 'exports' || object.name === 'module');
}

/** The workflow types a `workflowsPath` module registers. */
export interface EntryWorkflowTypes {
  /** Export keys that are functions. */
  types: Set<string>;
  /** Keys whose kind is unknown (they may be functions). */
  unknown: Set<string>;
  /** The module exports a default function: the worker runs it for every unknown type. */
  defaultHandler: boolean;
  /** False when some exports could not be listed. */
  complete: boolean;
}

/** Questions about the exports of project modules. Every method never throws. */
export interface ExportQueries {
  /** Runtime exports of a project module (an unreadable module is `complete: false`). */
  moduleExports(file: string): ModuleExports;
  /** What export `name` of a project module is (through barrels). */
  exportedBinding(file: string, name: string): ExportedBinding;
  /** What the top-level binding `localName` of a project module is (a local declaration or an import). */
  localBinding(file: string, localName: string): ExportedBinding;
  /** The workflow types a `workflowsPath` module registers. */
  entryWorkflowTypes(entry: string): EntryWorkflowTypes;
}

/** One reader per model: a changed file on disk makes the cache build a new model, and so a new reader. */
const readers = new WeakMap<ProjectModel, ExportReader>();

/**
 * Export queries over the project model, cached for the model's lifetime: without the cache every linted file
 * would re-read every `workflowsPath` barrel, which makes linting a project O(N²). Unsaved editor text of another
 * file is seen once it is saved (the model is rebuilt then).
 */
export function createExportQueries(model: ProjectModel): ExportQueries {
  let reader = readers.get(model);
  if (!reader) {
    reader = new ExportReader(model);
    readers.set(model, reader);
  }
  const cached = reader;
  const queries: ExportQueries = {
    moduleExports(file) {
      try {
        return cached.exports(file);
      } catch {
        return { names: new Map(), complete: false };
      }
    },
    exportedBinding(file, name) {
      try {
        return cached.binding(file, name);
      } catch {
        return { kind: 'unknown' };
      }
    },
    localBinding(file, localName) {
      try {
        return cached.localBinding(file, localName);
      } catch {
        return { kind: 'unknown' };
      }
    },
    entryWorkflowTypes(entry) {
      const known = cached.entryTypes.get(entry);
      if (known) return known;
      const exports = queries.moduleExports(entry);
      const result: EntryWorkflowTypes = { types: new Set(), unknown: new Set(), defaultHandler: false, complete: exports.complete };
      for (const [name, binding] of exports.names) {
        if (name === 'default') {
          if (binding.kind !== 'value') result.defaultHandler = true;
          continue;
        }
        if (binding.kind === 'function') result.types.add(name);
        else if (binding.kind === 'unknown') result.unknown.add(name);
      }
      cached.entryTypes.set(entry, result);
      return result;
    },
  };
  return queries;
}
