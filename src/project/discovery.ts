/**
 * Discovery of workers in the project's own code (read, never run): `Worker.create`, `bundleWorkflowCode`,
 * `Worker.runReplayHistory`/`runReplayHistories`, recognised by their origin in `@temporalio/worker` (aliases,
 * namespaces, `require`, local barrels), with the options that decide the workflow bundle (facts §5.1, §1.27).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { collectActivities, position } from './activities.js';
import { type Evaluator, type Located, type ObjectView, unwrap } from './evaluate.js';
import { isInside, toPosix } from './fs.js';
import { walk } from './module-ast.js';
import type { Position, WorkerInfo, WorkerKind } from './types.js';

type Node = TSESTree.Node;

export type RootKind = 'workflowsPath' | 'interceptors.workflowModules' | 'workflowInterceptorModules' | 'payloadConverterPath' | 'failureConverterPath' | 'preloadModules';

export interface DiscoveredRoot {
  file: string;
  kind: RootKind;
}

export interface DiscoveredWorker {
  info: WorkerInfo;
  roots: DiscoveredRoot[];
  diagnostics: { message: string; position?: Position }[];
}

const WORKER_PACKAGE = '@temporalio/worker';
const KINDS: Record<string, WorkerKind> = {
  'Worker.create': 'Worker.create',
  bundleWorkflowCode: 'bundleWorkflowCode',
  'Worker.runReplayHistory': 'Worker.runReplayHistory',
  'Worker.runReplayHistories': 'Worker.runReplayHistories',
};

/** Cheap pre-filter: can this text contain a worker call? */
export function mayContainWorker(text: string): boolean {
  return (text.includes('Worker') && /\b(create|runReplayHistor)/.test(text)) || text.includes('bundleWorkflowCode');
}

function workerKind(ev: Evaluator, callee: Node): WorkerKind | undefined {
  const target = unwrap(callee);
  if (target.type !== T.Identifier && target.type !== T.MemberExpression) return undefined;
  const origin = ev.origin(target);
  if (!origin || !(origin.source === WORKER_PACKAGE || origin.source.startsWith(`${WORKER_PACKAGE}/`))) return undefined;
  return KINDS[origin.path.join('.')];
}

function stringList(located: Located | undefined): { values: string[]; complete: boolean } {
  if (!located) return { values: [], complete: true };
  const view = located.ev.array(located.node);
  if (!view) return { values: [], complete: false };
  const values: string[] = [];
  let complete = view.complete;
  for (const element of view.elements) {
    const value = element.ev.string(element.node);
    if (value === undefined) complete = false;
    else values.push(value);
  }
  return { values, complete };
}

/** Names in `workflowFailureErrorTypes`: strings and class references (by their name). */
function errorTypeNames(located: Located | undefined): string[] | undefined {
  if (!located) return [];
  const view = located.ev.array(located.node);
  if (!view?.complete) return undefined;
  const names: string[] = [];
  for (const element of view.elements) {
    const node = unwrap(element.node);
    const text = element.ev.string(node);
    if (text !== undefined) names.push(text);
    else if (node.type === T.Identifier) names.push(node.name);
    else if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier) names.push(node.property.name);
    else return undefined;
  }
  return names;
}

class WorkerReader {
  private readonly diagnostics: DiscoveredWorker['diagnostics'] = [];
  private readonly roots: DiscoveredRoot[] = [];

  constructor(
    private readonly ev: Evaluator,
    private readonly call: TSESTree.CallExpression,
    private readonly kind: WorkerKind,
  ) {}

  private rel(file: string): string {
    const root = this.ev.registry.files.root;
    return isInside(root, file) ? toPosix(path.posix.relative(root, file)) : file;
  }

  read(): DiscoveredWorker {
    const { ev, call, kind } = this;
    const info: WorkerInfo = {
      kind,
      position: position(ev.file, call),
      hasWorkflowBundle: false,
      interceptorModules: [],
      ignoreModules: [],
      preloadModules: [],
      preloadFiles: [],
      optionKeys: [],
    };
    const arg = call.arguments[0];
    const view = arg && arg.type !== T.SpreadElement ? ev.object(arg) : undefined;
    if (!view) {
      this.diagnostics.push({ message: `${kind} options could not be read statically`, position: info.position });
      return { info, roots: this.roots, diagnostics: this.diagnostics };
    }
    this.readOptions(info, view);
    return { info, roots: this.roots, diagnostics: this.diagnostics };
  }

  private readOptions(info: WorkerInfo, view: ObjectView): void {
    const { ev } = this;
    const bundle = this.kind === 'bundleWorkflowCode';
    info.optionKeys = [...view.properties.keys()];
    info.hasWorkflowBundle = view.properties.has('workflowBundle');
    const taskQueue = view.properties.get('taskQueue');
    info.taskQueue = taskQueue ? taskQueue.ev.string(taskQueue.node) : undefined;
    const workflowsPath = view.properties.get('workflowsPath');
    if (workflowsPath) {
      const result = this.rootFile(workflowsPath, 'workflowsPath');
      if (result.file) info.workflowsPath = result.file;
      else info.workflowsPathProblem = result.problem;
    }
    const interceptors = bundle ? ev.property(view, 'workflowInterceptorModules') : ev.property(view, 'interceptors', 'workflowModules');
    info.interceptorModules = this.rootList(interceptors, bundle ? 'workflowInterceptorModules' : 'interceptors.workflowModules');
    const converters = bundle ? view : this.subObject(view, 'dataConverter');
    info.payloadConverterPath = this.optionalRoot(converters?.properties.get('payloadConverterPath'), 'payloadConverterPath');
    info.failureConverterPath = this.optionalRoot(converters?.properties.get('failureConverterPath'), 'failureConverterPath');
    const bundler = bundle ? view : this.subObject(view, 'bundlerOptions');
    const ignore = stringList(bundler?.properties.get('ignoreModules'));
    info.ignoreModules = ignore.values;
    if (!ignore.complete) this.note('ignoreModules could not be fully read statically', bundler?.properties.get('ignoreModules'));
    const preload = stringList(bundler?.properties.get('preloadModules'));
    info.preloadModules = preload.values.map((v) => (path.posix.isAbsolute(v) ? this.rel(v) : v));
    info.preloadFiles = this.rootList(bundler?.properties.get('preloadModules'), 'preloadModules');
    info.workflowFailureErrorTypes = errorTypeNames(view.properties.get('workflowFailureErrorTypes'));
    const activities = view.properties.get('activities');
    if (activities) {
      const reg = collectActivities(activities);
      info.activities = { names: reg.names, complete: reg.complete, modules: [...reg.modules], classInstances: reg.classInstances };
    }
    if (view.properties.has('webpackConfigHook')) {
      this.note('webpackConfigHook can change the bundle in ways the linter does not model', view.properties.get('webpackConfigHook'));
    }
  }

  private subObject(view: ObjectView, key: string): ObjectView | undefined {
    const located = view.properties.get(key);
    return located ? located.ev.object(located.node) : undefined;
  }

  private note(message: string, located: Located | undefined): void {
    this.diagnostics.push({ message, position: located ? position(located.ev.file, located.node) : position(this.ev.file, this.call) });
  }

  private optionalRoot(located: Located | undefined, kind: RootKind): string | undefined {
    return located ? this.rootFile(located, kind).file : undefined;
  }

  private rootList(located: Located | undefined, kind: RootKind): string[] {
    if (!located) return [];
    const view = located.ev.array(located.node);
    if (!view) {
      this.note(`${kind} could not be read statically`, located);
      return [];
    }
    const files: string[] = [];
    for (const element of view.elements) {
      const file = this.rootFile(element, kind).file;
      if (file) files.push(file);
    }
    return files;
  }

  /** Evaluates a path option to a project source file, recording it as a root; or a problem. */
  private rootFile(located: Located, kind: RootKind): { file?: string; problem?: string } {
    const value = located.ev.string(located.node);
    if (value === undefined) {
      const problem = `${kind} could not be evaluated statically`;
      this.note(problem, located);
      return { problem };
    }
    const result = this.toSource(value, located.ev);
    if (result.file) this.roots.push({ file: result.file, kind });
    else if (result.problem && (kind === 'workflowsPath' || !result.problem.startsWith('names the package'))) {
      this.note(`${kind} ${result.problem}`, located);
    }
    return result;
  }

  private toSource(value: string, ev: Evaluator): { file?: string; problem?: string } {
    const files = ev.registry.files;
    let target = value;
    if (target.startsWith('file:')) {
      try {
        target = toPosix(fileURLToPath(target));
      } catch {
        return { problem: `is not a valid file URL: ${value}` };
      }
    }
    if (!path.posix.isAbsolute(target)) {
      if (!target.startsWith('.')) {
        const resolution = files.resolver.resolve(ev.file, target);
        if (resolution.kind === 'file') return { file: resolution.file };
        if (resolution.kind === 'external') return { problem: `names the package ${resolution.packageName}, not a project file` };
        return { problem: `(${value}) does not resolve to a file` };
      }
      target = path.posix.resolve(ev.packageDir(), target);
    }
    const file = files.resolver.sourceFor(target);
    if (!file) return { problem: `(${this.rel(target)}) does not resolve to a source file` };
    const real = files.resolver.resolve(ev.file, file);
    if (real.kind === 'outside') return { problem: `resolves outside the project root (${real.file})` };
    if (real.kind !== 'file' || !isInside(files.root, real.file)) return { problem: `(${this.rel(target)}) does not resolve to a source file` };
    return { file: real.file };
  }
}

/** Every worker, bundle and replayer call in a parsed module. */
export function discoverWorkers(ev: Evaluator): DiscoveredWorker[] {
  const found: DiscoveredWorker[] = [];
  walk(ev.mod.program, (node) => {
    if (node.type !== T.CallExpression) return;
    const kind = workerKind(ev, node.callee);
    if (kind) found.push(new WorkerReader(ev, node, kind).read());
  });
  return found;
}
