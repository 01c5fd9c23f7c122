/**
 * Finds every place where Temporal options or durations are written (DESIGN §3, "missing timeouts / retry policy"):
 * calls that take option objects (`proxyActivities`, `executeChild`, `client.workflow.start`, `Worker.create`, ...),
 * calls that take a positional `Duration` (`sleep`, `condition`, `testEnv.sleep`, ...), and objects typed as options
 * (`const o: ActivityOptions = {...}`, `satisfies`, `as`). Values are evaluated statically (consts, spreads, `as const`)
 * and, with type information, through literal types. Shared by the duration and retry-policy rules.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { getProjectModel, type ProjectModel } from '../project/index.js';
import {
  CLIENT_ACTIVITY_METHODS,
  CLIENT_OPTIONS_TYPES,
  CLIENT_SCHEDULE_METHODS,
  CLIENT_WORKFLOW_METHODS,
  DURATION_CALLS,
  OPTIONS_CALLS,
  OPTIONS_TYPES,
  SHAPES,
  TEMPORAL_PACKAGES,
  TEST_ENV_SLEEP,
  type DurationCall,
  type DurationTraits,
  type FailurePoint,
  type OptionsCall,
  type ShapeName,
} from '../sdk/duration-options.js';
import { findActivityProxy } from './activity-proxies.js';
import { fileResolver, isFromPackage, mayNameModule, requireSource, unwrapExpression, type ModuleReference, type ReferenceResolver } from './references.js';
import { projectLookup } from './project-lookup.js';
import { evaluate, type Lookup, type StaticProperty, type StaticValue } from './static-value.js';
import { getTypeFacts, type TypeFacts } from './type-facts.js';
import { LintMemo } from './lint-memo.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface OptionsSite {
  shape: ShapeName;
  /** The expression in this file that holds the options (an argument, an initialiser). */
  node: TSESTree.Node;
  value: StaticValue;
  /** `proxyActivities`, `client.workflow.start`, `ActivityOptions`: for messages. */
  name: string;
  failure: FailurePoint;
  /** Overrides merged over other options at run time (`executeWithOptions`): an absent key says nothing. */
  partial: boolean;
}

export interface DurationSite {
  /** The argument node. */
  node: TSESTree.Node;
  value: StaticValue;
  traits: DurationTraits;
  failure: FailurePoint;
  /** `sleep`, `condition`, ... */
  name: string;
  /** Index of the argument. */
  argument: number;
}

/** A `Duration` property found inside an options site. */
export interface DurationProperty {
  key: string;
  prop: StaticProperty;
  value: StaticValue;
  traits: DurationTraits;
  failure: FailurePoint;
  shape: ShapeName;
  site: OptionsSite;
  /** Where to report when the property was written in another file: the nearest enclosing value written here. */
  anchor: TSESTree.Node;
}

/** A `RetryPolicy` value found inside (or as) an options site. */
export interface RetryPolicyValue {
  value: StaticValue;
  /** The `retry` property, when the policy is one (undefined for a site that is itself a `RetryPolicy`). */
  prop: StaticProperty | undefined;
  /** The shape that holds the policy (`activityOptions`, ...), or `retryPolicy` for a typed policy object. */
  owner: ShapeName;
  failure: FailurePoint;
  /** Merged over another policy at run time: absent keys say nothing. */
  partial: boolean;
  site: OptionsSite;
  /** Where to report when a policy property was written in another file. */
  anchor: TSESTree.Node;
}

export interface OptionsHandlers {
  options?: (site: OptionsSite) => void;
  duration?: (site: DurationSite) => void;
}

export interface TemporalOptionsContext {
  resolver: ReferenceResolver;
  lookup: Lookup;
  types: TypeFacts | undefined;
  evaluate: (node: TSESTree.Node | undefined) => StaticValue;
}

/** Resolver, static lookup and type facts for the linted file. Never throws. */
export function createTemporalOptionsContext(context: AnyContext): TemporalOptionsContext {
  let model: ProjectModel | undefined;
  try {
    model = getProjectModel(context);
  } catch {
    model = undefined;
  }
  const resolver = fileResolver(context.sourceCode, context.filename, model);
  const lookup = projectLookup(context);
  const types = getTypeFacts(context);
  return { resolver, lookup, types, evaluate: (node) => evaluate(node, lookup) };
}

/** By the file's tree: a host may reuse its `SourceCode` object for the next file. */
const temporalUse = new LintMemo<{ filename: string; may: boolean }>();

/**
 * False only when no option or duration site can be found in the linted file, so a rule can skip its listeners: no
 * string of the file names a `@temporalio/` module, no type information is at hand (a parameter typed as a Temporal
 * client needs no import), and no import of the file is a Temporal export re-exported by a project module (asked of
 * the model binding by binding, as the resolver would). A `require` or a namespace import of a project module counts
 * as maybe. Once per file, shared by the rules.
 */
export function mayUseTemporal(context: AnyContext): boolean {
  const sourceCode = context.sourceCode;
  const known = temporalUse.get(sourceCode.ast);
  if (known?.filename === context.filename) return known.may;
  const may = computeMayUseTemporal(context);
  temporalUse.set(sourceCode.ast, { filename: context.filename, may });
  return may;
}

function computeMayUseTemporal(context: AnyContext): boolean {
  const sourceCode = context.sourceCode;
  if (mayNameModule(sourceCode, '@temporalio/')) return true;
  if (getTypeFacts(context)) return true;
  let model: ProjectModel;
  try {
    model = getProjectModel(context);
  } catch {
    // without a model the resolver follows no re-exports: only what the file names
    return false;
  }
  // `require('./m').x` is followed like an import; `\u` may spell `require` in an identifier.
  const text = sourceCode.text;
  if (text.includes('require') || text.includes('\\u')) return true;
  const filename = context.filename;
  const isProjectModule = (source: string): boolean => {
    try {
      return model.resolveModule(filename, source) !== undefined;
    } catch {
      return false;
    }
  };
  const reExportsTemporal = (source: string, name: string): boolean => {
    try {
      return model.resolveReExport(filename, source, name)?.source.startsWith('@temporalio/') === true;
    } catch {
      return false;
    }
  };
  for (const statement of sourceCode.ast.body) {
    const node = statement.type === T.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if (node.type === T.TSModuleDeclaration) return true;
    if (node.type === T.TSImportEqualsDeclaration) {
      const ref = node.moduleReference;
      if (ref.type === T.TSExternalModuleReference && isProjectModule(ref.expression.value)) return true;
      continue;
    }
    if (node.type !== T.ImportDeclaration) continue;
    const source = node.source.value;
    for (const spec of node.specifiers) {
      if (spec.type === T.ImportNamespaceSpecifier) {
        if (isProjectModule(source)) return true;
        continue;
      }
      const name = spec.type === T.ImportDefaultSpecifier ? 'default' : spec.imported.type === T.Identifier ? spec.imported.name : spec.imported.value;
      if (reExportsTemporal(source, name)) return true;
    }
  }
  return false;
}

/**
 * `OPTIONS_CALLS` and `DURATION_CALLS` by the first element of their export path, in their order: a callee is
 * matched against the few entries of its export, not against every entry.
 */
const CALLS_BY_EXPORT: ReadonlyMap<string, { options: OptionsCall[]; durations: DurationCall[] }> = (() => {
  const index = new Map<string, { options: OptionsCall[]; durations: DurationCall[] }>();
  const entry = (path: readonly string[]): { options: OptionsCall[]; durations: DurationCall[] } => {
    const key = path[0] ?? '';
    let found = index.get(key);
    if (!found) {
      found = { options: [], durations: [] };
      index.set(key, found);
    }
    return found;
  };
  for (const call of OPTIONS_CALLS) entry(call.path).options.push(call);
  for (const call of DURATION_CALLS) entry(call.path).durations.push(call);
  return index;
})();

function matchesModule(ref: ModuleReference | undefined, packages: readonly string[], path: readonly string[]): boolean {
  return (
    ref !== undefined &&
    packages.some((p) => isFromPackage(ref.source, p)) &&
    ref.path.length === path.length &&
    ref.path.every((p, i) => p === path[i])
  );
}

function argumentAt(node: TSESTree.CallExpression | TSESTree.NewExpression, index: number): TSESTree.Node | undefined {
  // A spread before or at the index makes positions unknown.
  for (let i = 0; i <= index; i++) {
    const arg = node.arguments[i];
    if (!arg || arg.type === T.SpreadElement) return undefined;
  }
  return node.arguments[index];
}

function memberName(node: TSESTree.Node): string | undefined {
  if (node.type !== T.MemberExpression) return undefined;
  if (!node.computed && node.property.type === T.Identifier) return node.property.name;
  if (node.computed && node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function importsPackage(sourceCode: Readonly<TSESLint.SourceCode>, pkg: string): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ImportDeclaration && isFromPackage(statement.source.value, pkg)) return true;
    if (statement.type === T.VariableDeclaration) {
      for (const d of statement.declarations) {
        const src = d.init ? requireSource(unwrapExpression(d.init)) : undefined;
        if (src !== undefined && isFromPackage(src, pkg)) return true;
      }
    }
  }
  return false;
}

const CLIENT_SUBS: Readonly<Record<string, { methods: Readonly<Record<string, number>>; shape: ShapeName; type: string }>> = {
  workflow: { methods: CLIENT_WORKFLOW_METHODS, shape: 'workflowStartOptions', type: 'WorkflowClient' },
  schedule: { methods: CLIENT_SCHEDULE_METHODS, shape: 'scheduleOptions', type: 'ScheduleClient' },
  activity: { methods: CLIENT_ACTIVITY_METHODS, shape: 'clientActivityOptions', type: 'ActivityClient' },
};

/** Every method of `CLIENT_SUBS`: other member calls need no look at their receiver. */
const CLIENT_METHODS: ReadonlySet<string> = new Set(Object.values(CLIENT_SUBS).flatMap((s) => Object.keys(s.methods)));

const TEST_ENV_FACTORIES = new Set(['createTimeSkipping', 'createLocal', 'create']);

/**
 * A listener that calls `handlers` for every options site and duration site in the file.
 * Sites are reported once per node; the same object reached twice (a typed const passed to a call) is visited twice,
 * so rules deduplicate their reports by node.
 */
export function temporalOptionsListener(
  context: AnyContext,
  ctx: TemporalOptionsContext,
  handlers: OptionsHandlers,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const { resolver, types } = ctx;
  let clientImported: boolean | undefined;
  const fileImportsClient = (): boolean => (clientImported ??= importsPackage(sourceCode, '@temporalio/client'));

  const emitOptions = (node: TSESTree.Node | undefined, shape: ShapeName, name: string, partial = false): void => {
    if (!node || !handlers.options) return;
    handlers.options({ shape, node, value: ctx.evaluate(node), name, failure: SHAPES[shape].failure, partial });
  };
  const emitDuration = (
    node: TSESTree.Node | undefined,
    call: { traits: DurationTraits; failure: FailurePoint; name: string; argument: number },
  ): void => {
    if (!node || !handlers.duration) return;
    handlers.duration({
      node,
      value: ctx.evaluate(node),
      traits: call.traits,
      failure: call.failure,
      name: call.name,
      argument: call.argument,
    });
  };

  /** `x` in `x.workflow.start(...)` is a `Client` (or the member is a `WorkflowClient` etc.). */
  const isClientMember = (member: TSESTree.MemberExpression, typeName: string): boolean => {
    const ref = resolver.resolve(member.object);
    if (ref?.kind === 'module') {
      if (isFromPackage(ref.source, '@temporalio/client')) {
        return ref.path.length === 2 && ref.path[0] === 'Client' && ref.path[1] === 'new';
      }
      if (ref.path.length > 0) return false;
    }
    if (types) {
      const symbol = types.typeSymbol(member);
      if (symbol) return symbol.name === typeName && /[\\/]@temporalio[\\/]client[\\/]/.test(symbol.file);
    }
    return fileImportsClient();
  };

  const isTestEnvironment = (node: TSESTree.Node): boolean => {
    const target = unwrapExpression(node);
    const ref = resolver.resolveModule(target);
    if (ref && isFromPackage(ref.source, '@temporalio/testing')) {
      return ref.path.length === 3 && ref.path[0] === 'TestWorkflowEnvironment' && TEST_ENV_FACTORIES.has(ref.path[1] ?? '') && ref.path[2] === '()';
    }
    if (types) {
      const symbol = types.typeSymbol(target);
      if (symbol) return symbol.name === 'TestWorkflowEnvironment' && /[\\/]@temporalio[\\/]testing[\\/]/.test(symbol.file);
    }
    if (target.type !== T.Identifier) return false;
    // `let env: TestWorkflowEnvironment; before(async () => { env = await TestWorkflowEnvironment.createLocal(); })`
    const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
    if (!variable) return false;
    const def = variable.defs[0];
    if (def?.type === TSESLintRuntime.Scope.DefinitionType.Variable && def.node.id.type === T.Identifier && def.node.id.typeAnnotation) {
      const shapeRef = typeReferenceOf(def.node.id.typeAnnotation.typeAnnotation);
      if (shapeRef && isFromPackage(shapeRef.source, '@temporalio/testing') && shapeRef.name === 'TestWorkflowEnvironment') {
        return true;
      }
    }
    return variable.references.some((r) => {
      if (!r.isWrite() || !r.writeExpr) return false;
      const written = resolver.resolveModule(r.writeExpr);
      return (
        written !== undefined &&
        isFromPackage(written.source, '@temporalio/testing') &&
        written.path[0] === 'TestWorkflowEnvironment' &&
        TEST_ENV_FACTORIES.has(written.path[1] ?? '') &&
        written.path[2] === '()'
      );
    });
  };

  /** `ActivityOptions`, `wf.ActivityOptions`, `Partial<ActivityOptions>` → the module export it names. */
  const typeReferenceOf = (type: TSESTree.TypeNode): { source: string; name: string } | undefined => {
    if (type.type !== T.TSTypeReference) return undefined;
    const typeName = type.typeName;
    if (typeName.type === T.Identifier) {
      const ref = resolver.resolve(typeName);
      if (ref?.kind === 'global' && ['Partial', 'Readonly', 'Required'].includes(typeName.name)) {
        const inner = type.typeArguments?.params[0];
        return inner ? typeReferenceOf(inner) : undefined;
      }
      if (ref?.kind !== 'module' || ref.path.length !== 1 || ref.path[0] === undefined) return undefined;
      return { source: ref.source, name: ref.path[0] };
    }
    if (typeName.type === T.TSQualifiedName && typeName.left.type === T.Identifier) {
      const ref = resolver.resolveModule(typeName.left);
      if (!ref || ref.path.length !== 0) return undefined;
      return { source: ref.source, name: typeName.right.name };
    }
    return undefined;
  };

  const shapeOfType = (type: TSESTree.TypeNode): { shape: ShapeName; name: string } | undefined => {
    const ref = typeReferenceOf(type);
    if (!ref || !TEMPORAL_PACKAGES.some((p) => isFromPackage(ref.source, p))) return undefined;
    const table = isFromPackage(ref.source, '@temporalio/client') ? CLIENT_OPTIONS_TYPES : OPTIONS_TYPES;
    const shape = Object.hasOwn(table, ref.name) ? table[ref.name] : undefined;
    return shape ? { shape, name: ref.name } : undefined;
  };

  const onCall = (node: TSESTree.CallExpression | TSESTree.NewExpression, construct: boolean): void => {
    const ref = resolver.resolveModule(node.callee);
    const calls = ref ? CALLS_BY_EXPORT.get(ref.path[0] ?? '') : undefined;
    for (const call of calls?.options ?? []) {
      if ((call.construct ?? false) === construct && matchesModule(ref, call.packages, call.path)) {
        emitOptions(argumentAt(node, call.argument), call.shape, call.name);
        return;
      }
    }
    for (const call of calls?.durations ?? []) {
      if ((call.construct ?? false) === construct && matchesModule(ref, call.packages, call.path)) {
        emitDuration(argumentAt(node, call.argument), call);
        return;
      }
    }
    if (construct || node.type !== T.CallExpression) return;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== T.MemberExpression) return;
    const method = memberName(callee);
    if (method === undefined) return;

    // greet.executeWithOptions(overrides, args)
    if (method === 'executeWithOptions') {
      const proxy = findActivityProxy(resolver, sourceCode, callee);
      if (proxy) {
        emitOptions(
          argumentAt(node, 0),
          proxy.local ? 'localActivityOptions' : 'activityOptions',
          `${proxy.activityName ?? 'activity'}.executeWithOptions`,
          true,
        );
      }
      return;
    }

    // testEnv.sleep(duration)
    if (method === 'sleep' && isTestEnvironment(callee.object)) {
      emitDuration(argumentAt(node, 0), TEST_ENV_SLEEP);
      return;
    }

    // client.workflow.start(wf, options), client.schedule.create(options), client.activity.start(name, options)
    const receiver = unwrapExpression(callee.object);
    const sub = receiver.type === T.MemberExpression ? memberName(receiver) : undefined;
    const subInfo = sub !== undefined && Object.hasOwn(CLIENT_SUBS, sub) ? CLIENT_SUBS[sub] : undefined;
    if (subInfo && receiver.type === T.MemberExpression && Object.hasOwn(subInfo.methods, method)) {
      if (isClientMember(receiver, subInfo.type)) {
        emitOptions(argumentAt(node, subInfo.methods[method] ?? 0), subInfo.shape, `client.${sub ?? ''}.${method}`);
      }
      return;
    }
    // Legacy `new WorkflowClient().start(wf, options)` / `new ScheduleClient().create(options)`.
    if (!CLIENT_METHODS.has(method)) return;
    const legacy = resolver.resolveModule(receiver);
    if (legacy && isFromPackage(legacy.source, '@temporalio/client') && legacy.path.length === 2 && legacy.path[1] === 'new') {
      const info = Object.values(CLIENT_SUBS).find((s) => s.type === legacy.path[0]);
      if (info && Object.hasOwn(info.methods, method)) {
        emitOptions(argumentAt(node, info.methods[method] ?? 0), info.shape, `${legacy.path[0] ?? ''}.${method}`);
      }
    }
  };

  const onTyped = (expression: TSESTree.Node | null | undefined, type: TSESTree.TypeNode | undefined): void => {
    if (!expression || !type) return;
    const shape = shapeOfType(type);
    if (shape) emitOptions(expression, shape.shape, shape.name);
  };

  return {
    CallExpression(node) {
      try {
        onCall(node, false);
      } catch {
        // never throw from a rule
      }
    },
    NewExpression(node) {
      try {
        onCall(node, true);
      } catch {
        // never throw from a rule
      }
    },
    VariableDeclarator(node) {
      try {
        if (node.id.type === T.Identifier) onTyped(node.init, node.id.typeAnnotation?.typeAnnotation);
      } catch {
        // never throw from a rule
      }
    },
    TSSatisfiesExpression(node) {
      try {
        onTyped(node.expression, node.typeAnnotation);
      } catch {
        // never throw from a rule
      }
    },
    TSAsExpression(node) {
      try {
        onTyped(node.expression, node.typeAnnotation);
      } catch {
        // never throw from a rule
      }
    },
  };
}

/** A property's value, with the literal type from the checker when static evaluation does not know it. */
export function propertyValue(ctx: TemporalOptionsContext, prop: StaticProperty): StaticValue {
  if (prop.value.kind !== 'unknown' || !prop.local || !prop.valueNode || !ctx.types) return prop.value;
  const literal = ctx.types.literal(prop.valueNode);
  return literal === undefined ? prop.value : { kind: 'literal', value: literal, node: prop.valueNode };
}

/** A positional value, with the literal type from the checker when static evaluation does not know it. */
export function nodeValue(ctx: TemporalOptionsContext, node: TSESTree.Node, value: StaticValue): StaticValue {
  if (value.kind !== 'unknown' || !ctx.types) return value;
  const literal = ctx.types.literal(node);
  return literal === undefined ? value : { kind: 'literal', value: literal, node };
}

/** Where to report a property: its value when written in this file, else `anchor` (a value written here). */
export function reportNodeOf(prop: StaticProperty | undefined, anchor: TSESTree.Node): TSESTree.Node {
  return prop?.local && prop.valueNode ? prop.valueNode : anchor;
}

/** Every `Duration` property of an options site, nested shapes and arrays included. */
export function forEachDurationProperty(
  ctx: TemporalOptionsContext,
  site: OptionsSite,
  callback: (entry: DurationProperty) => void,
): void {
  walk(site.value, site.shape, site.failure, site.node, 0, (shape, value, failure, anchor) => {
    if (value.kind !== 'object') return;
    for (const [key, traits] of Object.entries(SHAPES[shape].durations)) {
      const prop = value.properties.get(key);
      if (!prop) continue;
      callback({ key, prop, value: propertyValue(ctx, prop), traits, failure, shape, site, anchor });
    }
  });
}

/** Every `RetryPolicy` of an options site (`retry` of activity, child, client and schedule options). */
export function forEachRetryPolicy(
  ctx: TemporalOptionsContext,
  site: OptionsSite,
  callback: (entry: RetryPolicyValue) => void,
): void {
  if (site.shape === 'retryPolicy') {
    const { value, failure, partial, node } = site;
    callback({ value, prop: undefined, owner: 'retryPolicy', failure, partial, site, anchor: node });
    return;
  }
  walk(site.value, site.shape, site.failure, site.node, 0, (shape, value, failure, anchor) => {
    if (value.kind !== 'object') return;
    for (const [key, nested] of Object.entries(SHAPES[shape].nested ?? {})) {
      if (nested.shape !== 'retryPolicy') continue;
      const prop = value.properties.get(key);
      if (!prop) continue;
      const inner = reportNodeOf(prop, anchor);
      callback({ value: prop.value, prop, owner: shape, failure, partial: site.partial, site, anchor: inner });
    }
  });
}

function walk(
  value: StaticValue,
  shape: ShapeName,
  failure: FailurePoint,
  anchor: TSESTree.Node,
  depth: number,
  visit: (shape: ShapeName, value: StaticValue, failure: FailurePoint, anchor: TSESTree.Node) => void,
): void {
  if (depth > 6) return;
  visit(shape, value, failure, anchor);
  if (value.kind !== 'object') return;
  for (const [key, nested] of Object.entries(SHAPES[shape].nested ?? {})) {
    const prop = value.properties.get(key);
    if (!prop) continue;
    const inner = SHAPES[nested.shape].failure === 'unknown' ? failure : SHAPES[nested.shape].failure;
    const innerAnchor = reportNodeOf(prop, anchor);
    if (nested.array) {
      if (prop.value.kind === 'array') {
        for (const element of prop.value.elements) walk(element, nested.shape, inner, innerAnchor, depth + 1, visit);
      }
    } else {
      walk(prop.value, nested.shape, inner, innerAnchor, depth + 1, visit);
    }
  }
}

/** The function-free ancestor chain ends at the Program: `node` runs when its module is loaded. */
export function isModuleLevel(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case T.FunctionDeclaration:
      case T.FunctionExpression:
      case T.ArrowFunctionExpression:
      case T.ClassBody:
        return false;
      default:
        break;
    }
  }
  return true;
}

/** A once-per-node guard for reports (the same object can be reached from a typed const and from a call). */
export function reportOnce(): (node: TSESTree.Node, id: string) => boolean {
  const seen = new Set<string>();
  return (node, id) => {
    const key = `${node.range[0]}:${node.range[1]}:${id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
