import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { Position, ProjectModel, RegisteredActivity, WorkerInfo, WorkerKind } from '../project/index.js';
import { getFileInfo, getProjectModel, getTemporalSettings } from '../project/index.js';
import { LintMemo } from './lint-memo.js';
import { fileResolver, type ModuleReference, type ReferenceResolver, isFromPackage, isModuleExport, unwrapExpression } from './references.js';
import { evaluate, type Lookup, type StaticValue } from './static-value.js';
import { projectLookup } from './project-lookup.js';
import { createExportQueries, type ExportedBinding, type ExportQueries } from './workflow-exports.js';

/**
 * Shared pieces of the cross-file contract rules (workers, clients, tests checked against each other, DESIGN §2):
 * recognising worker and client calls by origin, matching a call in the linted file to the project model's
 * worker, and formatting the other side of a contract for messages.
 */

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ContractContext {
  /** The project model, or undefined when it cannot be built. */
  model: ProjectModel | undefined;
  /** Real path of the linted file, as the model names it. */
  file: string;
  resolver: ReferenceResolver;
  lookup: Lookup;
  evaluate: (node: TSESTree.Node | undefined) => StaticValue;
  /** Exports of project modules (cached for this lint only). */
  exports: ExportQueries | undefined;
}

/**
 * Model, resolver (following local barrels) and a static evaluator that follows imported consts. Throws only for
 * invalid `settings.temporalio` (an Error naming the key, as `getProjectModel` does); never on project contents.
 */
export function createContractContext(context: AnyContext): ContractContext {
  getTemporalSettings(context);
  let model: ProjectModel | undefined;
  let file = context.filename;
  try {
    model = getProjectModel(context);
    file = getFileInfo(context).file;
  } catch {
    model = undefined;
  }
  // The linted file's shared resolver (the workflow, options and activity rules resolve the same callees).
  const resolver = fileResolver(context.sourceCode, context.filename, model);
  const lookup = projectLookup(context);
  return { model, file, resolver, lookup, evaluate: (node) => evaluate(node, lookup), exports: model ? createExportQueries(model) : undefined };
}

/** How many modules away an imported options object is looked for (see {@link mayReachOption}). */
const MAX_OPTION_IMPORT_DEPTH = 3;
/** At most this many imported modules are read for one linted file. */
const MAX_OPTION_MODULES = 64;
const optionModules = new LintMemo<readonly string[]>();

/**
 * The project modules the linted file imports a value from (declaring modules, past barrels), and those they import
 * from, up to {@link MAX_OPTION_IMPORT_DEPTH} modules away: where a constant that static evaluation follows can be
 * written. Once per linted file, shared by the rules.
 */
function importedValueModules(context: AnyContext): readonly string[] {
  const known = optionModules.get(context.sourceCode.ast);
  if (known) return known;
  const found: string[] = [];
  try {
    const model = getProjectModel(context);
    const file = getFileInfo(context).file;
    const seen = new Set([file]);
    let level = [file];
    for (let depth = 0; depth < MAX_OPTION_IMPORT_DEPTH && level.length > 0 && found.length < MAX_OPTION_MODULES; depth++) {
      const next: string[] = [];
      for (const from of level) {
        for (const binding of model.moduleFacts(from)?.imports.values() ?? []) {
          if (binding.typeOnly) continue;
          const target = model.resolveModule(from, binding.specifier);
          if (target === undefined) continue;
          const declaring = binding.imported === '*' ? target : (model.exportOrigin(target, binding.imported)?.file ?? target);
          if (seen.has(declaring) || found.length >= MAX_OPTION_MODULES) continue;
          seen.add(declaring);
          found.push(declaring);
          next.push(declaring);
        }
      }
      level = next;
    }
  } catch {
    // no model: only the linted file's own text counts
  }
  return optionModules.set(context.sourceCode.ast, found);
}

/**
 * Whether an option written `key` can reach a call of the linted file: `key` is in its text, or in a project module
 * it imports a value from (an options object spread or passed as is, `{ ...workerOptions }`, which static evaluation
 * follows), or in one those modules import. A cheap gate for rules about one option.
 *
 * Not `ProjectFunctions.mayReach`, the gate of the cross-file function searches: that one follows every request
 * (type-only, every module of a barrel) without a depth limit, which is where code can be called from; a constant
 * that static evaluation reads sits in a declaring module a few value imports away.
 */
export function mayReachOption(context: AnyContext, key: string): boolean {
  if (context.sourceCode.text.includes(key)) return true;
  const modules = importedValueModules(context);
  if (modules.length === 0) return false;
  try {
    const model = getProjectModel(context);
    return modules.some((file) => model.getText(file)?.includes(key) === true);
  } catch {
    return false;
  }
}

const WORKER_STATICS: Readonly<Record<string, WorkerKind>> = {
  create: 'Worker.create',
  runReplayHistory: 'Worker.runReplayHistory',
  runReplayHistories: 'Worker.runReplayHistories',
};

/** `Worker.create(...)`, `bundleWorkflowCode(...)`, `Worker.runReplayHistor(y|ies)(...)` from `@temporalio/worker`. */
export function workerCallKind(resolver: ReferenceResolver, call: TSESTree.CallExpression): WorkerKind | undefined {
  const ref = resolver.resolveModule(call.callee);
  if (!ref || !isFromPackage(ref.source, '@temporalio/worker')) return undefined;
  if (ref.path.length === 1 && ref.path[0] === 'bundleWorkflowCode') return 'bundleWorkflowCode';
  if (ref.path.length === 2 && ref.path[0] === 'Worker') {
    const method = ref.path[1] ?? '';
    return Object.hasOwn(WORKER_STATICS, method) ? WORKER_STATICS[method] : undefined;
  }
  return undefined;
}

/** The model's record of the worker call `call` in the linted file (matched by position), with its index. */
export function modelWorkerAt(ctx: ContractContext, call: TSESTree.Node): { info: WorkerInfo; index: number } | undefined {
  const { model } = ctx;
  if (!model) return undefined;
  const facts = workerFacts(model);
  if (!facts.byFile) {
    const index = new Map<string, number[]>();
    model.workers.forEach((w, i) => {
      const list = index.get(w.position.file);
      if (list) list.push(i);
      else index.set(w.position.file, [i]);
    });
    facts.byFile = index;
  }
  const { line, column } = call.loc.start;
  for (const index of facts.byFile.get(ctx.file) ?? []) {
    const info = model.workers[index];
    if (info?.position.line === line && info.position.column === column) return { info, index };
  }
  return undefined;
}

/** `src/worker.ts:12`, relative to the project root. */
export function describePosition(model: ProjectModel, position: Position): string {
  const rel = path.relative(model.root, position.file).split(path.sep).join('/');
  return `${rel || path.basename(position.file)}:${position.line}`;
}

/** A project-relative display path. */
export function relativePath(model: ProjectModel, file: string): string {
  return path.relative(model.root, file).split(path.sep).join('/') || path.basename(file);
}

/**
 * Facts about a model's workers that every linted file asks for, computed once per list of workers (a project with a
 * worker per test file would otherwise cost O(workers) per file, O(N²) per lint). The model hands out a new list
 * whenever it re-derives its workers (a changed file on disk, or the editor's unsaved text of a worker file).
 */
interface WorkerFacts {
  polling?: WorkerInfo[];
  /** The distinct `workflowsPath` modules of the workers. */
  entries?: string[];
  /** File → the indices of the workers created in it. */
  byFile?: Map<string, number[]>;
  /** Task queue → the polling workers with that (known) queue, in model order. */
  pollingByQueue?: Map<string, WorkerInfo[]>;
  productionPolling?: WorkerInfo[];
  testWorker: WeakMap<WorkerInfo, boolean>;
  registered: WeakMap<WorkerInfo, ReadonlySet<string> | null>;
  /** Bundle file worker lists (shared per bundle) → the `Worker.create` calls that run them. */
  runners: WeakMap<readonly number[], WorkerInfo[]>;
  productionRunners: WeakMap<readonly number[], WorkerInfo[]>;
  /** Activity name → the distinct registered definitions (by position) across all workers. */
  activityDefinitions?: Map<string, Map<string, RegisteredActivity>>;
}
const workerFactsCache = new WeakMap<readonly WorkerInfo[], WorkerFacts>();

function workerFacts(model: ProjectModel): WorkerFacts {
  const workers = model.workers;
  let facts = workerFactsCache.get(workers);
  if (!facts) {
    facts = { testWorker: new WeakMap(), registered: new WeakMap(), runners: new WeakMap(), productionRunners: new WeakMap() };
    workerFactsCache.set(workers, facts);
  }
  return facts;
}

/** True when the worker is created in a test file (its task queue and activities are test doubles). */
export function isTestWorker(model: ProjectModel, worker: WorkerInfo): boolean {
  const known = workerFacts(model).testWorker;
  let result = known.get(worker);
  if (result === undefined) {
    try {
      result = model.fileInfo(worker.position.file).has('test');
    } catch {
      result = false;
    }
    known.set(worker, result);
  }
  return result;
}

/** Workers that poll a task queue (`Worker.create`; replayers and bundles poll nothing). */
export function pollingWorkers(model: ProjectModel): readonly WorkerInfo[] {
  const facts = workerFacts(model);
  facts.polling ??= model.workers.filter((w) => w.kind === 'Worker.create');
  return facts.polling;
}

/** The polling workers whose task queue is known to be `queue` (indexed once per list of workers, not scanned per question). */
export function pollingWorkersOf(model: ProjectModel, queue: string): readonly WorkerInfo[] {
  const facts = workerFacts(model);
  if (!facts.pollingByQueue) {
    const index = new Map<string, WorkerInfo[]>();
    for (const worker of pollingWorkers(model)) {
      if (worker.taskQueue === undefined) continue;
      const list = index.get(worker.taskQueue);
      if (list) list.push(worker);
      else index.set(worker.taskQueue, [worker]);
    }
    facts.pollingByQueue = index;
  }
  return facts.pollingByQueue.get(queue) ?? [];
}

/** The distinct `workflowsPath` modules of the model's workers (any kind), in worker order. */
export function workflowEntries(model: ProjectModel): readonly string[] {
  const facts = workerFacts(model);
  facts.entries ??= [...new Set(model.workers.flatMap((w) => (w.workflowsPath === undefined ? [] : [w.workflowsPath])))];
  return facts.entries;
}

/** Polling workers outside test files. */
export function productionPollingWorkers(model: ProjectModel): readonly WorkerInfo[] {
  const facts = workerFacts(model);
  facts.productionPolling ??= pollingWorkers(model).filter((w) => !isTestWorker(model, w));
  return facts.productionPolling;
}

/** The distinct registered definitions of activity `name` across the project's workers, keyed by position. */
export function registeredDefinitions(model: ProjectModel, name: string): ReadonlyMap<string, RegisteredActivity> | undefined {
  const facts = workerFacts(model);
  if (!facts.activityDefinitions) {
    const index = new Map<string, Map<string, RegisteredActivity>>();
    for (const worker of model.workers) {
      for (const activity of worker.activities?.names ?? []) {
        if (!activity.position) continue;
        const p = activity.position;
        let byPosition = index.get(activity.name);
        if (!byPosition) {
          byPosition = new Map();
          index.set(activity.name, byPosition);
        }
        byPosition.set(`${p.file}:${p.line}:${p.column}`, activity);
      }
    }
    facts.activityDefinitions = index;
  }
  return facts.activityDefinitions.get(name);
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The candidate closest to `name` (case-insensitive edit distance), when it is plausibly a typo of it. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(2, Math.floor(Math.max(name.length, best.length) / 3)) ? best : undefined;
}

/** ` (did you mean \`x\`?)` or an empty string. */
export function didYouMean(closest: string | undefined): string {
  return closest === undefined ? '' : ` (did you mean \`${closest}\`?)`;
}

function memberName(node: TSESTree.Node): string | undefined {
  if (node.type !== T.MemberExpression) return undefined;
  if (!node.computed && node.property.type === T.Identifier) return node.property.name;
  if (node.computed && node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function argumentAt(node: TSESTree.CallExpression, index: number): TSESTree.Node | undefined {
  for (let i = 0; i <= index; i++) {
    const arg = node.arguments[i];
    if (!arg || arg.type === T.SpreadElement) return undefined;
  }
  return node.arguments[index];
}

export type StartMethod = 'start' | 'execute' | 'signalWithStart';
const START_METHODS = new Set<string>(['start', 'execute', 'signalWithStart']);

export interface WorkflowStartCall {
  call: TSESTree.CallExpression;
  method: StartMethod;
  /** The workflow argument: a function reference or a type name. */
  workflow: TSESTree.Node | undefined;
  /** The options argument. */
  options: TSESTree.Node | undefined;
}

/** Packages whose objects can be the receiver of `.workflow.start(...)`. */
function isTemporalClientSource(ref: ModuleReference): boolean {
  return isFromPackage(ref.source, '@temporalio/client') || isFromPackage(ref.source, '@temporalio/testing');
}

function isRelativeSource(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/') || source.startsWith('#');
}

/**
 * `client.workflow.start|execute|signalWithStart(workflow, options)` (a `Client`, `env.client`, or a client from a
 * project module or a parameter), and the legacy `new WorkflowClient().start(...)`. A receiver that comes from some
 * other package is not a Temporal client.
 */
export function workflowStartCall(resolver: ReferenceResolver, call: TSESTree.CallExpression): WorkflowStartCall | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== T.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === undefined || !START_METHODS.has(method)) return undefined;
  const receiver = unwrapExpression(callee.object);
  const result = { call, method: method as StartMethod, workflow: argumentAt(call, 0), options: argumentAt(call, 1) };
  const legacy = resolver.resolveModule(receiver);
  if (legacy && isFromPackage(legacy.source, '@temporalio/client') && legacy.path.length === 2 && legacy.path[0] === 'WorkflowClient' && legacy.path[1] === 'new') {
    return result;
  }
  if (memberName(receiver) !== 'workflow' || receiver.type !== T.MemberExpression) return undefined;
  const ref = resolver.resolveModule(receiver.object);
  if (ref && !isTemporalClientSource(ref) && !isRelativeSource(ref.source)) return undefined;
  if (ref && isFromPackage(ref.source, '@temporalio/client') && !(ref.path[0] === 'Client' && ref.path[1] === 'new')) return undefined;
  return result;
}

/** `client.schedule.create({ action: { type: 'startWorkflow', workflowType, taskQueue } })`: the action object. */
export function scheduleAction(
  resolver: ReferenceResolver,
  call: TSESTree.CallExpression,
  evaluateNode: (node: TSESTree.Node | undefined) => StaticValue,
): StaticValue | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== T.MemberExpression || memberName(callee) !== 'create') return undefined;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type !== T.MemberExpression || memberName(receiver) !== 'schedule') return undefined;
  const ref = resolver.resolveModule(receiver.object);
  if (ref && !isTemporalClientSource(ref) && !isRelativeSource(ref.source)) return undefined;
  const options = evaluateNode(argumentAt(call, 0));
  if (options.kind !== 'object') return undefined;
  const action = options.properties.get('action')?.value;
  if (action?.kind !== 'object') return undefined;
  const type = action.properties.get('type')?.value;
  return type?.kind === 'literal' && type.value === 'startWorkflow' ? action : undefined;
}

/** `startChild` / `executeChild` from `@temporalio/workflow`. */
export function childWorkflowCall(resolver: ReferenceResolver, call: TSESTree.CallExpression): { workflow: TSESTree.Node | undefined; options: TSESTree.Node | undefined } | undefined {
  const ref = resolver.resolve(call.callee);
  if (!isModuleExport(ref, '@temporalio/workflow', 'startChild') && !isModuleExport(ref, '@temporalio/workflow', 'executeChild')) return undefined;
  return { workflow: argumentAt(call, 0), options: argumentAt(call, 1) };
}

/** The string a `StaticValue` holds, if it is a string literal. */
export function stringValue(value: StaticValue | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

/** The node to report for a property of an evaluated object: its value when written in this file, else `fallback`. */
export function reportNode(
  sourceCode: Readonly<TSESLint.SourceCode>,
  value: TSESTree.Node | undefined,
  fallback: TSESTree.Node,
): TSESTree.Node {
  if (!value) return fallback;
  let root: TSESTree.Node = value;
  while (root.parent) root = root.parent;
  return root === sourceCode.ast ? value : fallback;
}

/**
 * Visits `root` and every descendant (any AST, including the project model's parses, which have no `parent` links),
 * in source order. `enter` returns `false` to skip a node's children.
 */
export function walkAst(root: TSESTree.Node, enter: (node: TSESTree.Node) => boolean | undefined): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (enter(node) === false) continue;
    const children: TSESTree.Node[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (isAstNode(item)) children.push(item);
      } else if (isAstNode(value)) children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}

function isAstNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The call a model worker record stands for, in the model's parse of its file. */
export function workerCallNode(model: ProjectModel, worker: WorkerInfo): TSESTree.CallExpression | undefined {
  let program: TSESTree.Program | undefined;
  try {
    program = model.getAst(worker.position.file);
  } catch {
    return undefined;
  }
  if (!program) return undefined;
  let found: TSESTree.CallExpression | undefined;
  walkAst(program, (node) => {
    if (found) return false;
    if (node.type === T.CallExpression && node.loc.start.line === worker.position.line && node.loc.start.column === worker.position.column) {
      found = node;
      return false;
    }
    return node.loc.start.line <= worker.position.line && node.loc.end.line >= worker.position.line;
  });
  return found;
}

/**
 * True when the worker's options are an object literal with no spread and no computed key, so an option that is
 * not written there is certainly absent.
 */
export function hasClosedOptions(model: ProjectModel, worker: WorkerInfo): boolean {
  const call = workerCallNode(model, worker);
  const arg = call?.arguments[0];
  if (arg?.type !== T.ObjectExpression) return false;
  return arg.properties.every((p) => p.type === T.Property && !p.computed);
}

/** Registered activity names of a worker; `undefined` when they cannot all be known. */
export function registeredActivities(model: ProjectModel, worker: WorkerInfo): ReadonlySet<string> | undefined {
  const known = workerFacts(model).registered;
  let names = known.get(worker);
  if (names === undefined) {
    if (worker.activities) names = worker.activities.complete ? new Set(worker.activities.names.map((n) => n.name)) : null;
    else names = hasClosedOptions(model, worker) ? new Set<string>() : null;
    known.set(worker, names);
  }
  return names ?? undefined;
}

/** `the worker at src/worker.ts:12` / `the workers at src/a.ts:3 and src/b.ts:9`. */
export function describeWorkers(model: ProjectModel, workers: readonly WorkerInfo[]): string {
  const places = workers.map((w) => describePosition(model, w.position));
  if (places.length === 1) return `the worker at ${places[0] ?? ''}`;
  return `the workers at ${places.slice(0, -1).join(', ')} and ${places[places.length - 1] ?? ''}`;
}

/**
 * The `Worker.create` calls whose workflow bundle contains `file` (directly through `workflowsPath`, or through a
 * `bundleWorkflowCode` bundle, which any worker with a `workflowBundle` may load). `undefined` when the file is in
 * no discovered bundle.
 */
export function workflowRunners(model: ProjectModel, file: string): readonly WorkerInfo[] | undefined {
  const entry = model.bundleFile(file);
  if (!entry || entry.workers.length === 0) return undefined;
  const known = workerFacts(model).runners;
  let runners = known.get(entry.workers);
  if (!runners) {
    runners = computeRunners(model, entry.workers);
    known.set(entry.workers, runners);
  }
  return runners;
}

/** {@link workflowRunners} outside test files. */
export function productionWorkflowRunners(model: ProjectModel, file: string): readonly WorkerInfo[] | undefined {
  const all = workflowRunners(model, file);
  const entry = model.bundleFile(file);
  if (!all || !entry) return undefined;
  const known = workerFacts(model).productionRunners;
  let runners = known.get(entry.workers);
  if (!runners) {
    runners = all.filter((w) => !isTestWorker(model, w));
    known.set(entry.workers, runners);
  }
  return runners;
}

function computeRunners(model: ProjectModel, workers: readonly number[]): WorkerInfo[] {
  const runners: WorkerInfo[] = [];
  let viaBundle = false;
  for (const index of workers) {
    const worker = model.workers[index];
    if (worker?.kind === 'Worker.create') runners.push(worker);
    else if (worker?.kind === 'bundleWorkflowCode') viaBundle = true;
  }
  if (viaBundle) {
    for (const worker of model.workers) {
      if (worker.kind === 'Worker.create' && worker.hasWorkflowBundle && !runners.includes(worker)) runners.push(worker);
    }
  }
  return runners;
}

export interface WorkflowTypeScope {
  /** Export keys that are workflow functions. */
  names: ReadonlySet<string>;
  /** Export keys that may be functions (the linter cannot tell). */
  maybe: ReadonlySet<string>;
  /** The `workflowsPath` modules. */
  entries: string[];
  /** The workers polling the task queue (all when it is not known). */
  workers: WorkerInfo[];
  /** `the workflowsPath of the worker polling \`q\` (src/workflows.ts)` */
  where: string;
}

/**
 * The workflow types registered on `taskQueue` (all project workers' when it is undefined), or undefined when they
 * cannot all be known: no worker polls it, a worker loads a prebuilt bundle or a path the linter cannot resolve,
 * an entry's exports are not all known, or an entry exports a default function (the fallback for every type).
 */
export function workflowTypeScope(ctx: ContractContext, taskQueue: string | undefined): WorkflowTypeScope | undefined {
  const { model, exports } = ctx;
  if (!model || !exports) return undefined;
  // The same for every file linted with these workers: computed once per task queue, not per call of every client.
  let scopes = scopeCache.get(model.workers);
  if (!scopes) {
    scopes = new Map();
    scopeCache.set(model.workers, scopes);
  }
  const key = taskQueue ?? '\0any';
  if (!scopes.has(key)) scopes.set(key, computeWorkflowTypeScope(model, exports, taskQueue));
  return scopes.get(key);
}

const scopeCache = new WeakMap<readonly WorkerInfo[], Map<string, WorkflowTypeScope | undefined>>();

interface EntryTypes {
  names: Set<string>;
  maybe: Set<string>;
  files: string;
}

/**
 * The workflow types of a set of `workflowsPath` modules, merged once per distinct set: a project with one queue per
 * test worker asks for the same entry on every queue. Cached per model, as the export reader behind it is.
 */
function entryTypes(model: ProjectModel, exports: ExportQueries, entries: readonly string[]): EntryTypes | undefined {
  let cache = entryTypesCache.get(model);
  if (!cache) {
    cache = new Map();
    entryTypesCache.set(model, cache);
  }
  const key = entries.join('\0');
  if (cache.has(key)) return cache.get(key);
  let result: EntryTypes | undefined = { names: new Set(), maybe: new Set(), files: entries.map((e) => relativePath(model, e)).join(', ') };
  for (const entry of entries) {
    const types = exports.entryWorkflowTypes(entry);
    if (!types.complete || types.defaultHandler) {
      result = undefined;
      break;
    }
    for (const name of types.types) result.names.add(name);
    for (const name of types.unknown) result.maybe.add(name);
  }
  cache.set(key, result);
  return result;
}

const entryTypesCache = new WeakMap<ProjectModel, Map<string, EntryTypes | undefined>>();

function computeWorkflowTypeScope(model: ProjectModel, exports: ExportQueries, taskQueue: string | undefined): WorkflowTypeScope | undefined {
  const workers = (taskQueue === undefined ? pollingWorkers(model) : pollingWorkersOf(model, taskQueue)).filter(
    (w) => w.workflowsPath !== undefined || w.hasWorkflowBundle || w.workflowsPathProblem !== undefined,
  );
  if (workers.length === 0 || workers.some((w) => w.workflowsPath === undefined)) return undefined;
  const entries = [...new Set(workers.map((w) => w.workflowsPath as string))];
  const types = entryTypes(model, exports, entries);
  if (!types) return undefined;
  const { names, maybe, files } = types;
  const where =
    taskQueue === undefined
      ? `any \`workflowsPath\` of the project (${files})`
      : `the \`workflowsPath\` of the worker${workers.length === 1 ? '' : 's'} polling \`${taskQueue}\` (${files})`;
  return { names, maybe, entries, workers, where };
}

/** A workflow function passed by reference (`start(processOrder, ...)`): the project module and export it comes from. */
export function workflowReference(
  ctx: ContractContext,
  node: TSESTree.Node,
): { file: string; name: string; binding: ExportedBinding } | undefined {
  const { model, exports } = ctx;
  const target = unwrapExpression(node);
  if (!model || !exports || (target.type !== T.Identifier && target.type !== T.MemberExpression)) return undefined;
  const ref = ctx.resolver.resolveModule(target);
  const name = ref?.path.length === 1 ? ref.path[0] : undefined;
  if (!ref || name === undefined) return undefined;
  let file: string | undefined;
  try {
    file = path.isAbsolute(ref.source) ? ref.source : model.resolveModule(ctx.file, ref.source);
  } catch {
    file = undefined;
  }
  if (!file) return undefined;
  // A re-export the resolver followed names the binding in its declaring module, not an export.
  const binding = path.isAbsolute(ref.source) ? exports.localBinding(file, name) : exports.exportedBinding(file, name);
  return { file, name, binding };
}

/** An activity name read from an activity proxy, and the node that names it. */
export interface ActivityUse {
  name: string;
  node: TSESTree.Node;
}

function staticKey(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === T.Identifier) return key.name;
  if (key.type === T.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

function memberUse(node: TSESTree.Node): ActivityUse | undefined {
  const parent = node.parent;
  if (parent?.type !== T.MemberExpression || parent.object !== node) return undefined;
  const name = staticKey(parent.property, parent.computed);
  return name === undefined ? undefined : { name, node: parent.property };
}

/** Activity names read from a proxy: destructured, or member accesses of the proxy or of a variable holding it. */
export function proxyActivityUses(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): ActivityUse[] {
  let expression: TSESTree.Node = call;
  for (;;) {
    const parent = expression.parent as TSESTree.Node | undefined;
    if (parent?.type !== T.TSAsExpression && parent?.type !== T.TSNonNullExpression && parent?.type !== T.TSSatisfiesExpression) break;
    expression = parent;
  }
  const direct = memberUse(expression);
  if (direct) return [direct];
  const declarator = expression.parent as TSESTree.Node | undefined;
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== expression) return [];
  if (declarator.id.type === T.ObjectPattern) {
    const uses: ActivityUse[] = [];
    for (const prop of declarator.id.properties) {
      if (prop.type !== T.Property) continue;
      const name = staticKey(prop.key, prop.computed);
      if (name !== undefined) uses.push({ name, node: prop.key });
    }
    return uses;
  }
  if (declarator.id.type !== T.Identifier) return [];
  const uses: ActivityUse[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declarator)) {
    for (const reference of variable.references) {
      if (reference.init === true) continue;
      const use = memberUse(reference.identifier);
      if (use) uses.push(use);
    }
  }
  return uses;
}

