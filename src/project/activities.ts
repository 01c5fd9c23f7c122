/**
 * Which activity names a worker registers, and which modules define them, from the `activities` option:
 * namespace imports, object literals (with spreads and methods), factory functions returning objects,
 * and class instances (own fields only: the worker registers own enumerable function properties, so
 * prototype methods are NOT registered — `worker-options.ts`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { type Evaluator, type Located, propertyKey, unwrap } from './evaluate.js';
import { walk } from './module-ast.js';
import type { ClassActivities, Position, RegisteredActivity } from './types.js';

type Node = TSESTree.Node;

export interface ActivityRegistration {
  names: RegisteredActivity[];
  complete: boolean;
  /** Modules that define registered functions. */
  modules: Set<string>;
  classInstances: ClassActivities[];
}

const MAX_DEPTH = 16;
const NON_FUNCTION = new Set(['Literal', 'TemplateLiteral', 'ObjectExpression', 'ArrayExpression', 'ClassExpression']);

export function position(file: string, node: Node): Position {
  return { file, line: node.loc.start.line, column: node.loc.start.column };
}

function isFunctionNode(node: Node): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
}

/** What `import * as ns` of a module registers (the same for every worker that registers it). */
interface NamespaceActivities {
  names: RegisteredActivity[];
  modules: string[];
  /** False when an `export *` of the module (or of a module it re-exports) names a package: its names are unknown. */
  complete: boolean;
}

/** True when every `export *` reachable from `file` re-exports a project module (whose names the scan lists). */
function starsResolve(ev: Evaluator, file: string, seen: Set<string>): boolean {
  if (seen.has(file)) return true;
  seen.add(file);
  const files = ev.registry.files;
  for (const star of files.facts(file)?.stars ?? []) {
    const target = files.resolver.resolveFile(file, star);
    if (!target || !starsResolve(ev, target, seen)) return false;
  }
  return true;
}

class Collector {
  readonly result: ActivityRegistration = { names: [], complete: true, modules: new Set(), classInstances: [] };
  private readonly seen = new Set<string>();

  add(name: string, file: string, node: Node): void {
    // A later property of the same name replaces the earlier one (the object literal's own semantics).
    if (this.seen.has(name)) this.result.names = this.result.names.filter((n) => n.name !== name);
    this.seen.add(name);
    this.result.names.push({ name, file, position: position(file, node) });
    this.result.modules.add(file);
  }

  collect(located: Located, depth = 0): void {
    if (depth > MAX_DEPTH) {
      this.result.complete = false;
      return;
    }
    const { ev } = located;
    const node = unwrap(located.node);
    switch (node.type) {
      case T.Identifier:
        this.identifier(ev, node, depth);
        return;
      case T.ObjectExpression:
        this.objectLiteral(ev, node, depth);
        return;
      case T.CallExpression:
        this.factory(ev, node, depth);
        return;
      case T.NewExpression:
        this.instance(ev, node);
        return;
      default:
        this.result.complete = false;
    }
  }

  private identifier(ev: Evaluator, node: TSESTree.Identifier, depth: number): void {
    const imported = ev.mod.imports.get(node.name);
    if (imported?.imported === '*') {
      const origin = ev.moduleOrigin(imported.source, '*');
      if (origin.source.startsWith('/')) this.namespace(ev, origin.source);
      else this.result.complete = false;
      return;
    }
    const bound = this.definition(ev, node.name);
    if (bound) this.collect(bound, depth + 1);
    else this.result.complete = false;
  }

  /** A local `const`, a local function, or a definition imported from another project module. */
  private definition(ev: Evaluator, name: string): Located | undefined {
    const init = ev.mod.consts.get(name) ?? ev.mod.topLevel.get(name);
    if (init) return { node: init, ev };
    const decl = ev.mod.declarations.get(name);
    if (decl) return { node: decl, ev };
    const imported = ev.mod.imports.get(name);
    if (!imported) return undefined;
    const target = ev.registry.files.resolver.resolveFile(ev.file, imported.source);
    const def = target ? ev.registry.files.exportedDefinition(target, imported.imported) : undefined;
    const defEv = def ? ev.registry.for(def.file) : undefined;
    return def && defEv ? { node: def.node, ev: defEv } : undefined;
  }

  /** `activities: ns` for `import * as ns`: every exported function (or export of unknown kind) of the module. */
  private namespace(ev: Evaluator, file: string): void {
    const key = `namespace-activities\0${file}`;
    let found = ev.registry.memo.get(key) as NamespaceActivities | undefined;
    if (!found) {
      found = { names: [], modules: [], complete: starsResolve(ev, file, new Set()) };
      const modules = new Set<string>();
      for (const [name, origin] of ev.registry.files.exportTable(file)) {
        if (name === 'default') continue;
        if (origin.kind === 'package') {
          found.names.push({ name });
          continue;
        }
        if (origin.valueKind === 'class' || origin.valueKind === 'value') continue;
        const registered: RegisteredActivity = { name, file: origin.file };
        if (origin.line !== undefined && origin.column !== undefined) registered.position = { file: origin.file, line: origin.line, column: origin.column };
        found.names.push(registered);
        modules.add(origin.file);
      }
      modules.add(file);
      found.modules = [...modules];
      ev.registry.memo.set(key, found);
    }
    for (const registered of found.names) {
      this.seen.add(registered.name);
      this.result.names.push(registered);
    }
    for (const module of found.modules) this.result.modules.add(module);
    if (!found.complete) this.result.complete = false;
  }

  private objectLiteral(ev: Evaluator, node: TSESTree.ObjectExpression, depth: number): void {
    for (const prop of node.properties) {
      if (prop.type === T.SpreadElement) {
        this.collect({ node: prop.argument, ev }, depth + 1);
        continue;
      }
      const key = propertyKey(prop);
      if (key === undefined) {
        this.result.complete = false;
        continue;
      }
      const value = unwrap(prop.value);
      if (NON_FUNCTION.has(value.type)) continue;
      if (value.type === T.Identifier) {
        const def = this.definition(ev, value.name);
        const defNode = def ? unwrap(def.node) : undefined;
        if (def && defNode && NON_FUNCTION.has(defNode.type)) continue;
        this.add(key, def?.ev.file ?? ev.file, defNode ?? prop);
      } else this.add(key, ev.file, prop);
    }
  }

  private factory(ev: Evaluator, node: TSESTree.CallExpression, depth: number): void {
    const callee = unwrap(node.callee);
    const def = callee.type === T.Identifier ? this.definition(ev, callee.name) : undefined;
    const fn = def ? unwrap(def.node) : undefined;
    if (!def || !fn || !isFunctionNode(fn)) {
      this.result.complete = false;
      return;
    }
    const returned = returnedExpressions(fn);
    if (returned.length === 0) this.result.complete = false;
    for (const expr of returned) {
      const value = unwrap(expr);
      if (value.type === T.ObjectExpression) this.factoryObject(def.ev, value, depth);
      else this.collect({ node: value, ev: def.ev }, depth + 1);
    }
  }

  /** The object returned by a factory: identifiers may be functions declared inside the factory. */
  private factoryObject(ev: Evaluator, node: TSESTree.ObjectExpression, depth: number): void {
    for (const prop of node.properties) {
      if (prop.type === T.SpreadElement) {
        this.collect({ node: prop.argument, ev }, depth + 1);
        continue;
      }
      const key = propertyKey(prop);
      if (key === undefined) this.result.complete = false;
      else if (!NON_FUNCTION.has(unwrap(prop.value).type)) this.add(key, ev.file, prop);
    }
  }

  private instance(ev: Evaluator, node: TSESTree.NewExpression): void {
    const callee = unwrap(node.callee);
    const def = callee.type === T.Identifier ? this.definition(ev, callee.name) : undefined;
    const cls = def ? unwrap(def.node) : undefined;
    if (!def || !cls || (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression)) {
      this.result.complete = false;
      return;
    }
    if (cls.superClass) this.result.complete = false;
    const prototypeMethods: string[] = [];
    for (const member of cls.body.body) {
      if (member.type === T.PropertyDefinition && !member.static) {
        const key = propertyKey(member);
        const value = member.value ? unwrap(member.value) : undefined;
        if (key !== undefined && value && !NON_FUNCTION.has(value.type)) this.add(key, def.ev.file, member);
      } else if (member.type === T.MethodDefinition && !member.static && member.kind === 'method') {
        const key = propertyKey(member);
        if (key !== undefined) prototypeMethods.push(key);
      } else if (member.type === T.MethodDefinition && member.kind === 'constructor') {
        this.constructorFields(def.ev.file, member);
      }
    }
    this.result.modules.add(def.ev.file);
    this.result.classInstances.push({
      className: cls.id?.name ?? '(anonymous class)',
      file: def.ev.file,
      position: position(def.ev.file, cls),
      prototypeMethods,
    });
  }

  /** `this.name = ...` in a constructor creates an own property. */
  private constructorFields(file: string, ctor: TSESTree.MethodDefinition): void {
    walk(ctor.value, (n) => {
      if (
        n.type === T.AssignmentExpression &&
        n.left.type === T.MemberExpression &&
        n.left.object.type === T.ThisExpression &&
        !n.left.computed &&
        n.left.property.type === T.Identifier &&
        !NON_FUNCTION.has(unwrap(n.right).type)
      ) {
        this.add(n.left.property.name, file, n);
      }
      return !isFunctionNode(n) || n === ctor.value;
    });
  }
}

/** Expressions a function returns (not looking into nested functions). */
function returnedExpressions(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): Node[] {
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const found: Node[] = [];
  walk(fn.body, (n) => {
    if (n.type === T.ReturnStatement && n.argument) found.push(n.argument);
    return !isFunctionNode(n);
  });
  return found;
}

/** Evaluates a worker's `activities` option. */
export function collectActivities(located: Located): ActivityRegistration {
  const collector = new Collector();
  collector.collect(located);
  return collector.result;
}
