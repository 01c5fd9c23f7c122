/**
 * Which functions of an activity module run as activities, and what they (and the same-file helpers they call)
 * contain. Shared by the `activity-*` rules.
 *
 * An activity module's *activity functions* are what a worker can register from it:
 * - exported functions: `export async function a() {}`, `export const a = async () => {}`, `export { a as b }`,
 *   `export default function`, `module.exports = { a }`, `exports.a = ...`;
 * - members of an exported object literal: `export const activities = { async a() {}, b: async () => {}, c }`;
 * - members of the object a factory returns: `export function createActivities(db) { return { async a() {} } }`
 *   (the factory's own body is set-up code, like module scope, and is not activity code);
 * - members of a class instantiated for export in the same file: `export const acts = new Activities(db)`.
 *
 * Module-scope code runs once when the worker imports the module; it is never inside an activity.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import {
  ACTIVITY_PACKAGE,
  CANCELLATION_PROMISE_PATHS,
  CANCELLATION_SIGNAL_PATHS,
  HEARTBEAT_PATHS,
  matchesAnyPath,
} from '../sdk/activity-api.js';
import { enclosingFunction, isFunctionNode, stripTypeWrappers, type FunctionNode } from './ast.js';
import { isFromPackage, type ReferenceResolver } from './references.js';
import { LintMemo } from './lint-memo.js';

const { DefinitionType } = TSESLintRuntime.Scope;
const MAX_DEPTH = 12;

const SKIPPED_KEYS = new Set([
  'parent',
  'loc',
  'range',
  'tokens',
  'comments',
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'decorators',
]);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Node types without child nodes outside {@link SKIPPED_KEYS} (in every ESTree parser): their keys are not read. */
const LEAF_TYPES = new Set<string>([T.Identifier, T.Literal, T.ThisExpression, T.Super, T.TemplateElement, T.PrivateIdentifier]);

/** Appends the child nodes of `node` to `out`, in source order (a `for...in`: no entry arrays per node). */
function pushChildren(node: TSESTree.Node, out: TSESTree.Node[]): void {
  if (LEAF_TYPES.has(node.type)) return;
  for (const key in node) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) if (isNode(item)) out.push(item);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
}

/** Child nodes of `node` (parser-independent: works on any ESTree-shaped tree, with or without `parent`). */
export function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  pushChildren(node, out);
  return out;
}

/** Depth-first pre-order walk. `visit` returns `false` to skip the children of a node. */
export function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | undefined): void {
  const stack: TSESTree.Node[] = [root];
  const children: TSESTree.Node[] = [];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visit(node) === false) continue;
    pushChildren(node, children);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as TSESTree.Node);
    children.length = 0;
  }
}

/** True if `test` holds for `root` or a node inside it, not counting nested functions. */
export function someOwn(root: TSESTree.Node | null | undefined, test: (node: TSESTree.Node) => boolean): boolean {
  if (!root) return false;
  let found = false;
  walk(root, (node) => {
    if (found || (node !== root && isFunctionNode(node))) return false;
    if (test(node)) found = true;
    return undefined;
  });
  return found;
}

/** `await` is legal at `node`: the nearest enclosing function is `async`. */
export function isInAsyncFunction(node: TSESTree.Node): boolean {
  return enclosingFunction(node)?.async === true;
}

function propertyKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === T.Identifier) return key.name;
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The name of a member/property key (`a` in `{ a() {} }`, `obj.a`, `obj['a']`). */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  return propertyKeyName(node.property, node.computed);
}

/** A match found by {@link ActivityCode.find}, with the same-file helpers it was reached through. */
export interface Found {
  node: TSESTree.Node;
  /** Helper functions called on the way, outermost first (empty when `node` is directly in the searched code). */
  via: FunctionNode[];
}

const shared = new LintMemo<ActivityCode>();

export class ActivityCode {
  /** Activity functions, with the name they are exported (registered) under. */
  readonly activities = new Map<FunctionNode, string>();
  /** Factory functions: their returned objects hold activities; their own bodies are set-up code. */
  readonly factories = new Set<FunctionNode>();
  private readonly names = new Map<FunctionNode, string>();
  private readonly memo = new Map<string, Map<FunctionNode, Found | null>>();
  private readonly visitedValues = new Set<TSESTree.Node>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {
    try {
      this.collect(sourceCode.ast);
    } catch {
      // Never throw from analysis: an unexpected shape means fewer activities found.
    }
  }

  /**
   * The analysis of a linted file, shared by the rules that lint it (each would otherwise collect the same activities
   * again). Memoised searches are shared too: a rule's `find` key must name its test, with its options. Keyed by the
   * file's tree, not by its `SourceCode`, which a host may reuse for the next file (oxlint's JS plugins do).
   */
  static for(sourceCode: Readonly<TSESLint.SourceCode>): ActivityCode {
    const ast = sourceCode.ast;
    let code = shared.get(ast);
    if (code?.sourceCode !== sourceCode) {
      code = new ActivityCode(sourceCode);
      shared.set(ast, code);
    }
    return code;
  }

  /** The activity function whose execution runs `node`; undefined at module scope, in factories and in helpers. */
  enclosingActivity(node: TSESTree.Node): FunctionNode | undefined {
    let current: TSESTree.Node | undefined = node.parent;
    while (current) {
      if (isFunctionNode(current)) {
        if (this.activities.has(current)) return current;
        if (this.factories.has(current)) return undefined;
      }
      current = current.parent;
    }
    return undefined;
  }

  /** Display name of a function: its activity name, its own name, or the variable/property it is assigned to. */
  nameOf(fn: FunctionNode): string {
    const activity = this.activities.get(fn);
    if (activity !== undefined) return activity;
    const known = this.names.get(fn);
    if (known !== undefined) return known;
    if (fn.id) return fn.id.name;
    const parent = fn.parent;
    if (parent.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
    if (parent.type === T.Property || parent.type === T.MethodDefinition || parent.type === T.PropertyDefinition) {
      const name = propertyKeyName(parent.key, parent.computed);
      if (name !== undefined) return name;
    }
    return 'this function';
  }

  /**
   * An activity is synchronous when it is not `async` and returns no promise (no `new Promise`, `.then()`,
   * `Promise.*()` result): its caller cannot be interleaved with anything else anyway.
   */
  isSynchronous(fn: FunctionNode): boolean {
    if (fn.async || fn.generator) return false;
    if (fn.body.type !== T.BlockStatement) return !isPromiseLike(fn.body);
    let promise = false;
    walk(fn.body, (node) => {
      if (promise) return false;
      if (isFunctionNode(node)) return false;
      if (node.type === T.ReturnStatement && node.argument && isPromiseLike(node.argument)) promise = true;
      return undefined;
    });
    return !promise;
  }

  /** The same-file function a call invokes: a local function, `this.method()` in a class, `localObject.fn()`. */
  localCallee(call: TSESTree.CallExpression | TSESTree.NewExpression): FunctionNode | undefined {
    try {
      const callee = stripTypeWrappers(call.callee);
      if (callee.type === T.Identifier) {
        const value = this.localValue(callee);
        return value && isFunctionNode(value) ? value : undefined;
      }
      if (callee.type === T.MemberExpression) {
        const name = memberName(callee);
        if (name === undefined) return undefined;
        const object = stripTypeWrappers(callee.object);
        if (object.type === T.ThisExpression) return this.thisMember(object, name);
        if (object.type === T.Identifier) {
          const value = this.localValue(object);
          if (value?.type === T.ObjectExpression) {
            const member = objectMember(value, name);
            if (member && isFunctionNode(member)) return member;
            if (member?.type === T.Identifier) {
              const target = this.localValue(member);
              return target && isFunctionNode(target) ? target : undefined;
            }
          }
        }
      }
    } catch {
      return undefined;
    }
    return undefined;
  }

  /**
   * First node in `root` (including nested functions, and same-file functions called from it, transitively)
   * for which `test` is true. `key` names the test for memoisation; results for whole functions are cached.
   */
  find(root: TSESTree.Node, key: string, test: (node: TSESTree.Node) => boolean): Found | undefined {
    return this.findIn(root, key, test, new Set(), 0);
  }

  /** Like {@link find} for a whole function, memoised. */
  findInFunction(fn: FunctionNode, key: string, test: (node: TSESTree.Node) => boolean): Found | undefined {
    return this.findInFunctionInner(fn, key, test, new Set(), 0);
  }

  private findInFunctionInner(
    fn: FunctionNode,
    key: string,
    test: (node: TSESTree.Node) => boolean,
    inProgress: Set<FunctionNode>,
    depth: number,
  ): Found | undefined {
    let cache = this.memo.get(key);
    if (!cache) {
      cache = new Map();
      this.memo.set(key, cache);
    }
    const cached = cache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    if (inProgress.has(fn) || depth > MAX_DEPTH) return undefined;
    inProgress.add(fn);
    const result = this.findIn(fn.body, key, test, inProgress, depth + 1);
    inProgress.delete(fn);
    cache.set(fn, result ?? null);
    return result;
  }

  private findIn(
    root: TSESTree.Node,
    key: string,
    test: (node: TSESTree.Node) => boolean,
    inProgress: Set<FunctionNode>,
    depth: number,
  ): Found | undefined {
    let result: Found | undefined;
    walk(root, (node) => {
      if (result) return false;
      if (test(node)) {
        result = { node, via: [] };
        return false;
      }
      if (node.type === T.CallExpression) {
        const callee = this.localCallee(node);
        if (callee && !containsNode(root, callee)) {
          const inner = this.findInFunctionInner(callee, key, test, inProgress, depth);
          if (inner) {
            result = { node: inner.node, via: [callee, ...inner.via] };
            return false;
          }
        }
      }
      return undefined;
    });
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Collection of activity functions

  private collect(program: TSESTree.Program): void {
    for (const statement of program.body) {
      switch (statement.type) {
        case T.ExportNamedDeclaration:
          this.collectNamedExport(statement);
          break;
        case T.ExportDefaultDeclaration:
          this.addExportedValue(statement.declaration, 'default', 0);
          break;
        case T.TSExportAssignment:
          this.addExportedValue(statement.expression, 'default', 0);
          break;
        case T.ExpressionStatement:
          this.collectCommonJsExport(statement.expression);
          break;
        default:
          break;
      }
    }
  }

  private collectNamedExport(statement: TSESTree.ExportNamedDeclaration): void {
    if (statement.exportKind === 'type') return;
    const declaration = statement.declaration;
    if (declaration) {
      if (declaration.type === T.FunctionDeclaration) {
        this.addExportedValue(declaration, declaration.id?.name ?? 'default', 0);
      } else if (declaration.type === T.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === T.Identifier && declarator.init) {
            this.addExportedValue(declarator.init, declarator.id.name, 0);
          }
        }
      }
      return;
    }
    if (statement.source) return;
    for (const specifier of statement.specifiers) {
      if (specifier.exportKind === 'type') continue;
      const exported = specifier.exported.type === T.Identifier ? specifier.exported.name : specifier.exported.value;
      this.addExportedValue(specifier.local, exported, 0);
    }
  }

  /** `module.exports = {...}`, `module.exports.a = fn`, `exports.a = fn`. */
  private collectCommonJsExport(expression: TSESTree.Expression): void {
    if (expression.type !== T.AssignmentExpression || expression.operator !== '=') return;
    const left = expression.left;
    if (left.type !== T.MemberExpression) return;
    const name = memberName(left);
    if (name === undefined) return;
    if (isModuleExports(left)) {
      this.addExportedValue(expression.right, 'default', 0);
      return;
    }
    const object = left.object;
    if ((object.type === T.Identifier && object.name === 'exports') || isModuleExports(object)) {
      this.addExportedValue(expression.right, name, 0);
    }
  }

  private addExportedValue(input: TSESTree.Node, name: string, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const node = stripTypeWrappers(input);
    if (this.visitedValues.has(node)) return;
    this.visitedValues.add(node);
    if (isFunctionNode(node)) {
      const returned = this.returnedActivityContainers(node);
      if (returned.length > 0) {
        this.factories.add(node);
        this.names.set(node, name);
        for (const container of returned) this.addActivityContainer(container, depth + 1);
      } else {
        this.activities.set(node, name);
      }
      return;
    }
    switch (node.type) {
      case T.Identifier: {
        const value = this.localValue(node);
        if (value) this.addExportedValue(value, name, depth + 1);
        return;
      }
      case T.ObjectExpression:
      case T.NewExpression:
      case T.ClassExpression:
      case T.ClassDeclaration:
        this.addActivityContainer(node, depth + 1);
        return;
      case T.CallExpression: {
        // `export const activities = createActivities(db)`: the local factory's result holds the activities.
        const factory = this.localCallee(node);
        if (factory) {
          const returned = this.returnedActivityContainers(factory);
          if (returned.length > 0) {
            this.factories.add(factory);
            this.names.set(factory, this.nameOf(factory));
            for (const container of returned) this.addActivityContainer(container, depth + 1);
          }
        }
        return;
      }
      default:
        return;
    }
  }

  /** Object literals, `new LocalClass()`, classes: each function member is an activity. */
  private addActivityContainer(input: TSESTree.Node, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const node = stripTypeWrappers(input);
    if (node.type === T.ObjectExpression) {
      for (const property of node.properties) {
        if (property.type !== T.Property || property.kind !== 'init') continue;
        const name = propertyKeyName(property.key, property.computed);
        if (name === undefined) continue;
        const value = stripTypeWrappers(property.value);
        if (isFunctionNode(value)) this.activities.set(value, name);
        else if (value.type === T.Identifier) {
          const target = this.localValue(value);
          if (target && isFunctionNode(target) && !this.factories.has(target)) this.activities.set(target, name);
        }
      }
      return;
    }
    if (node.type === T.Identifier) {
      const value = this.localValue(node);
      if (value) this.addActivityContainer(value, depth + 1);
      return;
    }
    if (node.type === T.NewExpression) {
      const callee = stripTypeWrappers(node.callee);
      if (callee.type === T.Identifier) {
        const value = this.localValue(callee);
        if (value?.type === T.ClassDeclaration || value?.type === T.ClassExpression) this.addActivityContainer(value, depth + 1);
      }
      return;
    }
    if (node.type === T.ClassDeclaration || node.type === T.ClassExpression) {
      for (const member of node.body.body) {
        if (member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition) continue;
        if (member.static || (member.type === T.MethodDefinition && member.kind !== 'method')) continue;
        // Private members are never registered: they are helpers of the public ones.
        if (member.key.type === T.PrivateIdentifier || member.accessibility === 'private' || member.accessibility === 'protected') continue;
        const name = propertyKeyName(member.key, member.computed);
        const value = member.value ? stripTypeWrappers(member.value) : undefined;
        if (name !== undefined && value && isFunctionNode(value)) this.activities.set(value, name);
      }
    }
  }

  /** The activity containers (object literals with function members, `new LocalClass()`) a function returns. */
  private returnedActivityContainers(fn: FunctionNode): TSESTree.Node[] {
    const out: TSESTree.Node[] = [];
    const consider = (expression: TSESTree.Node): void => {
      const value = this.containerValue(expression);
      if (value) out.push(value);
    };
    if (fn.body.type !== T.BlockStatement) {
      consider(fn.body);
      return out;
    }
    walk(fn.body, (node) => {
      if (isFunctionNode(node)) return false;
      if (node.type === T.ReturnStatement && node.argument) consider(node.argument);
      return undefined;
    });
    return out;
  }

  private containerValue(input: TSESTree.Node): TSESTree.Node | undefined {
    let node = stripTypeWrappers(input);
    if (node.type === T.Identifier) {
      const value = this.localValue(node);
      if (!value) return undefined;
      node = stripTypeWrappers(value);
    }
    if (node.type === T.ObjectExpression) {
      const hasFunction = node.properties.some((property) => {
        if (property.type !== T.Property) return false;
        const value = stripTypeWrappers(property.value);
        if (isFunctionNode(value)) return true;
        if (value.type === T.Identifier) {
          const target = this.localValue(value);
          return target !== undefined && isFunctionNode(target);
        }
        return false;
      });
      return hasFunction ? node : undefined;
    }
    if (node.type === T.NewExpression) {
      const callee = stripTypeWrappers(node.callee);
      if (callee.type !== T.Identifier) return undefined;
      const value = this.localValue(callee);
      return value?.type === T.ClassDeclaration || value?.type === T.ClassExpression ? node : undefined;
    }
    return undefined;
  }

  /**
   * The value a local identifier is bound to: a function declaration, a class, or the initializer of a variable that
   * is never reassigned. Undefined for parameters, imports, globals and reassigned variables.
   */
  localValue(id: TSESTree.Identifier): TSESTree.Node | undefined {
    let variable: TSESLint.Scope.Variable | null;
    try {
      variable = ASTUtils.findVariable(this.sourceCode.getScope(id), id);
    } catch {
      return undefined;
    }
    const def = variable?.defs[0];
    if (!variable || !def) return undefined;
    if (def.type === DefinitionType.FunctionName || def.type === DefinitionType.ClassName) return def.node;
    if (def.type === DefinitionType.Variable && def.node.id.type === T.Identifier) {
      const writes = variable.references.filter((reference) => reference.isWrite()).length;
      if (def.node.parent.kind !== 'const' && writes > 1) return undefined;
      return def.node.init ? stripTypeWrappers(def.node.init) : undefined;
    }
    return undefined;
  }

  private thisMember(node: TSESTree.ThisExpression, name: string): FunctionNode | undefined {
    // `this` inside a method (or an arrow function nested in one) is the class instance.
    let current: TSESTree.Node | undefined = node.parent;
    while (current) {
      if (current.type === T.FunctionExpression || current.type === T.FunctionDeclaration) {
        const owner = current.parent;
        if (owner.type !== T.MethodDefinition) return undefined;
        const classBody = owner.parent;
        for (const member of classBody.body) {
          if (member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition) continue;
          if (propertyKeyName(member.key, member.computed) !== name || !member.value) continue;
          const value = stripTypeWrappers(member.value);
          return isFunctionNode(value) ? value : undefined;
        }
        return undefined;
      }
      if (current.type === T.PropertyDefinition) {
        const classBody = current.parent;
        for (const member of classBody.body) {
          if (member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition) continue;
          if (propertyKeyName(member.key, member.computed) !== name || !member.value) continue;
          const value = stripTypeWrappers(member.value);
          return isFunctionNode(value) ? value : undefined;
        }
        return undefined;
      }
      current = current.parent;
    }
    return undefined;
  }
}

function objectMember(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type !== T.Property) continue;
    if (propertyKeyName(property.key, property.computed) === name) return stripTypeWrappers(property.value);
  }
  return undefined;
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === T.MemberExpression &&
    node.object.type === T.Identifier &&
    node.object.name === 'module' &&
    memberName(node) === 'exports'
  );
}

function containsNode(root: TSESTree.Node, node: TSESTree.Node): boolean {
  return node.range[0] >= root.range[0] && node.range[1] <= root.range[1];
}

function isPromiseLike(input: TSESTree.Node): boolean {
  const node = stripTypeWrappers(input);
  if (node.type === T.NewExpression) return node.callee.type === T.Identifier && node.callee.name === 'Promise';
  if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
    const name = memberName(node.callee);
    if (name === 'then' || name === 'catch' || name === 'finally') return true;
    return node.callee.object.type === T.Identifier && node.callee.object.name === 'Promise';
  }
  return false;
}

function activityPath(resolver: ReferenceResolver | undefined, node: TSESTree.Node): string[] | undefined {
  if (!resolver) return undefined;
  const ref = resolver.resolveModule(node);
  return ref && isFromPackage(ref.source, ACTIVITY_PACKAGE) ? ref.path : undefined;
}

/**
 * A heartbeat: `heartbeat(...)`, `Context.current().heartbeat(...)`, `ctx.heartbeat`, an alias of the
 * `@temporalio/activity` export, or the function passed on (`setInterval(heartbeat, 5000)`). Deliberately lenient
 * (any `heartbeat` name counts), so that wrappers and injected contexts never cause a report. Works on trees
 * without scope information when `resolver` is omitted.
 */
export function isHeartbeatNode(node: TSESTree.Node, resolver?: ReferenceResolver): boolean {
  if (node.type === T.Identifier) {
    if (node.name === 'heartbeat') return true;
    const path = activityPath(resolver, node);
    return path !== undefined && matchesAnyPath(HEARTBEAT_PATHS, path);
  }
  if (node.type === T.MemberExpression) {
    if (memberName(node) === 'heartbeat') return true;
    const path = activityPath(resolver, node);
    return path !== undefined && matchesAnyPath(HEARTBEAT_PATHS, path);
  }
  return false;
}

/**
 * Something that makes cancellation surface as an error here: awaiting the activity's `sleep()` / `cancelled()`
 * (they reject with `CancelledFailure`), or using its `AbortSignal` (operations given it reject when it aborts).
 */
export function isCancellationSource(node: TSESTree.Node, resolver: ReferenceResolver): boolean {
  if (node.type !== T.CallExpression && node.type !== T.MemberExpression && node.type !== T.Identifier) return false;
  const path = activityPath(resolver, node);
  if (!path) return false;
  return matchesAnyPath(CANCELLATION_PROMISE_PATHS, path) || matchesAnyPath(CANCELLATION_SIGNAL_PATHS, path);
}

/** The activity's `AbortSignal` (`cancellationSignal()`, `Context.current().cancellationSignal`, a const holding it). */
export function isCancellationSignal(node: TSESTree.Node, resolver: ReferenceResolver): boolean {
  const path = activityPath(resolver, node);
  return path !== undefined && matchesAnyPath(CANCELLATION_SIGNAL_PATHS, path);
}

/**
 * `@temporalio/activity`'s export `name` can be referenced as `name` where a fix inserts it: it is imported already
 * (or a namespace is), or nothing in the file is called `name` (so `addNamedImport` adds it without an alias).
 */
export function canUseActivityExport(sourceCode: Readonly<TSESLint.SourceCode>, name: string, at: TSESTree.Node): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== T.ImportDeclaration || statement.source.value !== ACTIVITY_PACKAGE || statement.importKind === 'type') continue;
    for (const spec of statement.specifiers) {
      if (spec.type === T.ImportNamespaceSpecifier) return true;
      if (spec.type === T.ImportSpecifier && spec.importKind !== 'type' && spec.imported.type === T.Identifier && spec.imported.name === name) {
        return true;
      }
    }
  }
  try {
    if (ASTUtils.findVariable(sourceCode.getScope(at), name)) return false;
  } catch {
    return false;
  }
  const global = sourceCode.scopeManager?.globalScope;
  return !global?.through.some((reference) => reference.identifier.name === name);
}
