/**
 * Static evaluation of worker code (never executed): where an expression comes from (import origin),
 * path-valued expressions (`require.resolve`, `path.join(__dirname, ...)`, `new URL(..., import.meta.url)`,
 * `fileURLToPath`, templates, constants, also imported from other project files), and option objects with spreads.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { ProjectFiles } from './files.js';
import { stringLiteral, type ParsedModule } from './module-ast.js';
import { unwrapExpression } from '../utils/references.js';

type Node = TSESTree.Node;

/** Where a value comes from: a package specifier or an absolute project file, then the member path. */
export interface Origin {
  source: string;
  path: string[];
}

/** A node together with the evaluator of the module it belongs to. */
export interface Located {
  node: Node;
  ev: Evaluator;
}

export interface ObjectView {
  properties: Map<string, Located>;
  /** False when a spread or computed key could not be evaluated. */
  complete: boolean;
}

export interface ArrayView {
  elements: Located[];
  complete: boolean;
}

export const GLOBAL = '<global>';
const PATH_MODULES = new Set(['path', 'node:path', 'path/posix', 'node:path/posix']);
const URL_MODULES = new Set(['url', 'node:url']);
const MODULE_MODULES = new Set(['module', 'node:module']);
const MAX_DEPTH = 24;

/** `x as T`, `x!`, `a?.b`, `await x`, ... → `x` (one definition, shared with the rules). */
export const unwrap = unwrapExpression;

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === T.Identifier ? node.property.name : undefined;
  return stringLiteral(node.property);
}

export function propertyKey(prop: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  if (!prop.computed && prop.key.type === T.Identifier) return prop.key.name;
  if (prop.key.type === T.Literal && (typeof prop.key.value === 'string' || typeof prop.key.value === 'number')) {
    return String(prop.key.value);
  }
  return stringLiteral(prop.key);
}

/** Evaluators per module of one build, so cross-file constants are evaluated in their own module. */
export class EvaluatorRegistry {
  // Keyed by the parsed module, so the parse cache's evictions release evaluators (and their trees) too.
  private readonly evaluators = new WeakMap<ParsedModule, Evaluator>();
  /** Per-derive memo for readers of module-level facts (e.g. the activities a namespace import registers). */
  readonly memo = new Map<string, unknown>();

  constructor(readonly files: ProjectFiles) {}

  for(file: string): Evaluator | undefined {
    const mod = this.files.parsed(file);
    if (!mod) return undefined;
    let ev = this.evaluators.get(mod);
    if (!ev) {
      ev = new Evaluator(this, mod);
      this.evaluators.set(mod, ev);
    }
    return ev;
  }
}

export class Evaluator {
  readonly file: string;
  readonly dir: string;

  constructor(
    readonly registry: EvaluatorRegistry,
    readonly mod: ParsedModule,
  ) {
    this.file = mod.file;
    this.dir = path.posix.dirname(mod.file);
  }

  private get files(): ProjectFiles {
    return this.registry.files;
  }

  /** The definition an identifier is bound to: a `const` here, or a constant exported by another project file. */
  binding(name: string): Located | undefined {
    const init = this.mod.consts.get(name) ?? this.mod.topLevel.get(name);
    if (init) return { node: init, ev: this };
    const imported = this.mod.imports.get(name);
    if (!imported || imported.imported === '*') return undefined;
    const target = this.files.resolver.resolveFile(this.file, imported.source);
    const def = target ? this.files.exportedConst(target, imported.imported) : undefined;
    const ev = def ? this.registry.for(def.file) : undefined;
    return def && ev ? { node: def.node, ev } : undefined;
  }

  /** Where `node` comes from (`Worker.create` → `{ source: '@temporalio/worker', path: ['Worker', 'create'] }`). */
  origin(input: Node, depth = 0): Origin | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(input);
    switch (node.type) {
      case T.Identifier:
        return this.identifierOrigin(node.name, depth);
      case T.MemberExpression: {
        const name = memberName(node);
        const base = name === undefined ? undefined : this.origin(node.object, depth + 1);
        return base && name !== undefined ? { source: base.source, path: [...base.path, name] } : undefined;
      }
      case T.CallExpression: {
        if (node.callee.type === T.Identifier && node.callee.name === 'require' && !this.mod.imports.has('require')) {
          const source = stringLiteral(node.arguments[0]);
          if (source !== undefined) return this.moduleOrigin(source, '*');
        }
        const base = this.origin(node.callee, depth + 1);
        return base ? { source: base.source, path: [...base.path, '()'] } : undefined;
      }
      case T.NewExpression: {
        const base = this.origin(node.callee, depth + 1);
        return base ? { source: base.source, path: [...base.path, 'new'] } : undefined;
      }
      case T.ImportExpression: {
        const source = stringLiteral(node.source);
        return source === undefined ? undefined : this.moduleOrigin(source, '*');
      }
      default:
        return undefined;
    }
  }

  private identifierOrigin(name: string, depth: number): Origin | undefined {
    const imported = this.mod.imports.get(name);
    if (imported) return this.moduleOrigin(imported.source, imported.imported);
    const init = this.mod.consts.get(name);
    if (init) return this.origin(init, depth + 1);
    if (this.mod.declarations.has(name)) return { source: this.file, path: [name] };
    if (this.mod.consts.has(name) || this.mod.topLevel.has(name)) return undefined;
    return { source: GLOBAL, path: [name] };
  }

  /** Origin of an imported binding, following project barrels to the defining module or package. */
  moduleOrigin(source: string, imported: string): Origin {
    const importedPath = imported === '*' ? [] : [imported];
    const resolution = this.files.resolver.resolve(this.file, source);
    if (resolution.kind !== 'file') return { source, path: importedPath };
    if (imported === '*') return { source: resolution.file, path: [] };
    const origin = this.files.exportOrigin(resolution.file, imported);
    if (origin?.kind === 'package') return { source: origin.source, path: origin.name === '*' ? [] : [origin.name] };
    if (origin?.kind === 'file') return { source: origin.file, path: origin.local === '*' ? [] : [origin.local] };
    return { source: resolution.file, path: importedPath };
  }

  /** True when `node` comes from one of `modules` with exactly `member` as its path (`default` imports allowed). */
  private isModuleFunction(node: Node, modules: ReadonlySet<string>, members: readonly string[]): string | undefined {
    const origin = this.origin(node);
    if (!origin || !modules.has(origin.source)) return undefined;
    const p = origin.path[0] === 'default' || origin.path[0] === 'posix' ? origin.path.slice(1) : origin.path;
    const name = p.length === 1 ? p[0] : undefined;
    return name !== undefined && members.includes(name) ? name : undefined;
  }

  /** The statically known string value of `node` (paths and URLs evaluated), or undefined. */
  string(input: Node, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(input);
    switch (node.type) {
      case T.Literal:
        return typeof node.value === 'string' ? node.value : undefined;
      case T.TemplateLiteral: {
        let out = node.quasis[0]?.value.cooked ?? '';
        for (let i = 0; i < node.expressions.length; i++) {
          const expr = node.expressions[i];
          const value = expr ? this.string(expr, depth + 1) : undefined;
          if (value === undefined) return undefined;
          out += value + (node.quasis[i + 1]?.value.cooked ?? '');
        }
        return out;
      }
      case T.BinaryExpression: {
        if (node.operator !== '+') return undefined;
        const left = this.string(node.left, depth + 1);
        const right = left === undefined ? undefined : this.string(node.right, depth + 1);
        return left !== undefined && right !== undefined ? left + right : undefined;
      }
      case T.Identifier:
        return this.identifierString(node.name, depth);
      case T.MemberExpression:
        return this.memberString(node, depth);
      case T.NewExpression:
        return this.urlString(node, depth);
      case T.CallExpression:
        return this.callString(node, depth);
      default:
        return undefined;
    }
  }

  private identifierString(name: string, depth: number): string | undefined {
    const bound = this.binding(name);
    if (bound) return bound.ev.string(bound.node, depth + 1);
    if (this.mod.imports.has(name) || this.mod.consts.has(name) || this.mod.topLevel.has(name)) return undefined;
    if (name === '__dirname') return this.dir;
    if (name === '__filename') return this.file;
    return undefined;
  }

  private memberString(node: TSESTree.MemberExpression, depth: number): string | undefined {
    const name = memberName(node);
    if (node.object.type === T.MetaProperty) {
      if (name === 'url') return pathToFileURL(this.file).href;
      if (name === 'dirname') return this.dir;
      if (name === 'filename') return this.file;
      return undefined;
    }
    if (name === 'pathname' || name === 'href') {
      const url = this.string(node.object, depth + 1);
      if (url !== undefined) {
        if (name === 'href') return url;
        try {
          return decodeURIComponent(new URL(url).pathname);
        } catch {
          return undefined;
        }
      }
    }
    const found = this.member(node, depth + 1);
    return found ? found.ev.string(found.node, depth + 1) : undefined;
  }

  /**
   * The value of `object.name`: an export of a namespace import (`queues.ORDERS` with `import * as queues`), or a
   * property of a constant object literal (`QUEUES.orders`, `config.temporal.taskQueue`) whose spreads are all known.
   */
  member(node: TSESTree.MemberExpression, depth = 0): Located | undefined {
    const name = memberName(node);
    if (name === undefined || depth > MAX_DEPTH) return undefined;
    const object = unwrap(node.object);
    const imported = object.type === T.Identifier ? this.mod.imports.get(object.name) : undefined;
    // A project module's namespace: `import * as ns`, or a name a barrel re-exports as one (`export * as ns from …`).
    const origin = imported ? this.moduleOrigin(imported.source, imported.imported) : undefined;
    if (origin && origin.path.length === 0 && path.isAbsolute(origin.source)) {
      const def = this.files.exportedConst(origin.source, name);
      const ev = def ? this.registry.for(def.file) : undefined;
      return def && ev ? { node: def.node, ev } : undefined;
    }
    const view = this.object(object, depth + 1);
    return view?.complete ? view.properties.get(name) : undefined;
  }

  private urlString(node: TSESTree.NewExpression, depth: number): string | undefined {
    if (node.callee.type !== T.Identifier || node.callee.name !== 'URL') return undefined;
    const [first, second] = node.arguments;
    const relative = first ? this.string(first, depth + 1) : undefined;
    const base = second ? this.string(second, depth + 1) : undefined;
    if (relative === undefined) return undefined;
    try {
      return new URL(relative, base).href;
    } catch {
      return undefined;
    }
  }

  private callString(node: TSESTree.CallExpression, depth: number): string | undefined {
    const args = node.arguments;
    const callee = unwrap(node.callee);
    if (callee.type === T.MemberExpression && memberName(callee) === 'resolve' && this.isRequireLike(callee.object)) {
      const spec = args[0] ? this.string(args[0], depth + 1) : undefined;
      const resolved = spec === undefined ? undefined : this.requireResolve(spec);
      // `import.meta.resolve` gives a file URL, `require.resolve` a path
      const isMeta = callee.object.type === T.MetaProperty;
      return resolved !== undefined && isMeta && path.posix.isAbsolute(resolved) ? pathToFileURL(resolved).href : resolved;
    }
    if (callee.type === T.MemberExpression && memberName(callee) === 'toString' && args.length === 0) {
      return this.string(callee.object, depth + 1);
    }
    if (callee.type === T.Identifier && callee.name === 'String' && args[0]) return this.string(args[0], depth + 1);
    const pathFn = this.isModuleFunction(callee, PATH_MODULES, ['join', 'resolve', 'normalize', 'dirname']);
    if (pathFn) return this.pathCall(pathFn, args, depth);
    const urlFn = this.isModuleFunction(callee, URL_MODULES, ['fileURLToPath']);
    if (urlFn && args[0]) {
      const url = this.string(args[0], depth + 1);
      try {
        return url === undefined ? undefined : fileURLToPath(url).split(path.sep).join('/');
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private isRequireLike(node: Node): boolean {
    const target = unwrap(node);
    if (target.type === T.Identifier && target.name === 'require' && !this.mod.consts.has('require')) return true;
    if (target.type === T.MetaProperty) return true; // import.meta.resolve
    const origin = this.origin(target);
    return origin !== undefined && MODULE_MODULES.has(origin.source) && origin.path.join('.').endsWith('createRequire.()');
  }

  private requireResolve(spec: string): string | undefined {
    if (spec.startsWith('file:')) return spec;
    if (spec.startsWith('.') || spec.startsWith('/')) return path.posix.resolve(this.dir, spec);
    const resolution = this.files.resolver.resolve(this.file, spec);
    return resolution.kind === 'file' || resolution.kind === 'outside' ? resolution.file : spec;
  }

  private pathCall(fn: string, args: TSESTree.CallExpressionArgument[], depth: number): string | undefined {
    const parts: string[] = [];
    for (const arg of args) {
      const value = arg.type === T.SpreadElement ? undefined : this.string(arg, depth + 1);
      if (value === undefined) return undefined;
      parts.push(value);
    }
    switch (fn) {
      case 'join':
        return path.posix.join(...parts);
      case 'normalize':
        return parts[0] === undefined ? undefined : path.posix.normalize(parts[0]);
      case 'dirname':
        return parts[0] === undefined ? undefined : path.posix.dirname(parts[0]);
      default:
        return path.posix.resolve(this.packageDir(), ...parts);
    }
  }

  /** The directory a relative runtime path is most likely relative to: the nearest package.json folder. */
  packageDir(): string {
    const root = this.files.root;
    for (let dir = this.dir; dir.startsWith(root); dir = path.posix.dirname(dir)) {
      if (this.files.resolver.stats.isFile(`${dir}/package.json`)) return dir;
      if (dir === root) break;
    }
    return root;
  }

  /** An object literal's properties, following `const` bindings and spreads (later keys win). */
  object(input: Node, depth = 0): ObjectView | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(input);
    if (node.type === T.Identifier) {
      const bound = this.binding(node.name);
      return bound ? bound.ev.object(bound.node, depth + 1) : undefined;
    }
    if (node.type === T.MemberExpression) {
      const found = this.member(node, depth + 1);
      return found ? found.ev.object(found.node, depth + 1) : undefined;
    }
    if (node.type === T.CallExpression) {
      // `Object.freeze({...})` returns its argument
      const [arg] = node.arguments;
      const origin = this.origin(node.callee, depth + 1);
      const freezes = origin?.source === GLOBAL && origin.path.join('.') === 'Object.freeze';
      return freezes && arg && arg.type !== T.SpreadElement ? this.object(arg, depth + 1) : undefined;
    }
    if (node.type !== T.ObjectExpression) return undefined;
    const view: ObjectView = { properties: new Map(), complete: true };
    for (const prop of node.properties) {
      if (prop.type === T.SpreadElement) {
        const spread = this.object(prop.argument, depth + 1);
        if (!spread) view.complete = false;
        else {
          for (const [k, v] of spread.properties) view.properties.set(k, v);
          if (!spread.complete) view.complete = false;
        }
        continue;
      }
      const key = propertyKey(prop);
      if (key === undefined) view.complete = false;
      else view.properties.set(key, { node: prop.value, ev: this });
    }
    return view;
  }

  /** An array literal's elements, following `const` bindings and spreads. */
  array(input: Node, depth = 0): ArrayView | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(input);
    if (node.type === T.Identifier) {
      const bound = this.binding(node.name);
      return bound ? bound.ev.array(bound.node, depth + 1) : undefined;
    }
    if (node.type === T.MemberExpression) {
      const found = this.member(node, depth + 1);
      return found ? found.ev.array(found.node, depth + 1) : undefined;
    }
    if (node.type !== T.ArrayExpression) return undefined;
    const view: ArrayView = { elements: [], complete: true };
    for (const element of node.elements) {
      if (!element) continue;
      if (element.type === T.SpreadElement) {
        const spread = this.array(element.argument, depth + 1);
        if (spread) {
          view.elements.push(...spread.elements);
          if (!spread.complete) view.complete = false;
        } else view.complete = false;
      } else view.elements.push({ node: element, ev: this });
    }
    return view;
  }

  /** Property `key` of an object expression (with spreads), as a located node. */
  property(view: ObjectView | undefined, ...keys: string[]): Located | undefined {
    let current: Located | undefined;
    let currentView = view;
    for (const key of keys) {
      current = currentView?.properties.get(key);
      if (!current) return undefined;
      currentView = current.ev.object(current.node);
    }
    return current;
  }
}
