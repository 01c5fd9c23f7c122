/**
 * One project's model: walks the root once, discovers workers in candidate files, walks the workflow bundle,
 * and answers per-file questions. Editor edits (unsaved text of the linted file) re-derive the roles when they
 * change what the model depends on (imports of a bundle file, a worker call).
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { createGlobMatcher } from '../utils/glob.js';
import { ACTIVITY_CONVENTION, TEST_CONVENTION, WORKFLOW_CONVENTION } from './conventions.js';
import { type DiscoveredRoot, type DiscoveredWorker, discoverWorkers, mayContainWorker } from './discovery.js';
import { EvaluatorRegistry } from './evaluate.js';
import { ProjectFiles } from './files.js';
import { type FileStamp, isInside, realpath, stamp, toPosix, walkSourceFiles } from './fs.js';
import { type GraphRoot, isIgnored, type Reached, walkBundle } from './graph.js';
import { readWorkspaces } from './root.js';
import { isBuiltin, packageNameOf, Resolver } from './resolve.js';
import { type ModuleRequest, scanModule } from './scan.js';
import { TsconfigLookup } from './tsconfig.js';
import type {
  BundleFile, ConstDefinition, FileInfo, ModuleImport, Position, ProjectModel, Role, RoleEvidence, TemporalSettings,
  WorkerInfo, WorkflowType,
} from './types.js';
import { collectWorkflowTypes } from './workflow-types.js';

export interface ModelInput {
  root: string;
  cwd: string;
  settings: TemporalSettings;
}

interface WorkflowEvidence {
  chain: string[];
  workers: number[];
}

const ROOT_LABELS: Record<DiscoveredRoot['kind'], string> = {
  workflowsPath: 'workflowsPath',
  'interceptors.workflowModules': 'interceptors.workflowModules',
  workflowInterceptorModules: 'workflowInterceptorModules',
  payloadConverterPath: 'payloadConverterPath',
  failureConverterPath: 'failureConverterPath',
  preloadModules: 'preloadModules',
};
const INFO_CACHE_SIZE = 16;

/** Chains longer than this are shown with their middle elided in messages (`explain` prints them whole). */
const MAX_CHAIN_SHOWN = 8;

function showChain(chain: readonly string[]): string {
  if (chain.length <= MAX_CHAIN_SHOWN) return chain.join(' → ');
  const head = chain.slice(0, 3);
  const tail = chain.slice(-3);
  return [...head, `… ${chain.length - head.length - tail.length} more …`, ...tail].join(' → ');
}

export function makeFileInfo(file: string, roles: Map<Role, RoleEvidence>, isWorkflowEntry = false, isPreloaded = false): FileInfo {
  return {
    file,
    roles,
    has: (role) => roles.has(role),
    describe: (role) => {
      const chain = roles.get(role)?.chain;
      return chain && showChain(chain);
    },
    isWorkflowEntry,
    isPreloaded,
  };
}

/** The packages whose import gives a file a role. */
const ROLE_PACKAGES = ['@temporalio/activity', '@temporalio/worker', '@temporalio/client', '@temporalio/testing'];

/** Temporal packages a file imports (written as value imports, even if the compiler would elide them). */
function importRoles(requests: readonly { specifier: string; typeOnly: boolean; elided?: boolean }[]): Set<string> {
  const found = new Set<string>();
  for (const r of requests) {
    if (r.typeOnly && r.elided !== true) continue;
    for (const pkg of ROLE_PACKAGES) {
      if (r.specifier === pkg || r.specifier.startsWith(`${pkg}/`)) found.add(pkg);
    }
  }
  return found;
}

export class ModelState {
  readonly root: string;
  readonly files: ProjectFiles;
  private readonly tsconfigs: TsconfigLookup;
  private registry: EvaluatorRegistry;
  private walked = new Set<string>();
  private readonly candidates = new Set<string>();
  private discoveredWorkers: DiscoveredWorker[] = [];
  private workflow = new Map<string, WorkflowEvidence>();
  private ignoredByWorkers = new WeakMap<readonly number[], readonly string[]>();
  private preloaded = new Set<string>();
  private entries = new Set<string>();
  private activity = new Map<string, string[]>();
  private workerCalls = new Map<string, string[]>();
  private diagnostics: { message: string; position?: Position }[] = [];
  private walkProblems: string[] = [];
  private workflowTypesCache: readonly WorkflowType[] | undefined;
  private workerList: readonly WorkerInfo[] | undefined;
  private bundleCache: readonly BundleFile[] | undefined;
  private bundleMap: ReadonlyMap<string, BundleFile> | undefined;
  private readonly configStamps = new Map<string, FileStamp | undefined>();
  private readonly infoCache = new Map<string, { text: string | undefined; info: FileInfo }>();
  private readonly reals = new Map<string, string>();
  private workspaceDirs: Set<string> | undefined;
  private readonly otherInfo = new Map<string, FileInfo>();
  private readonly matchWorkflows?: (file: string) => boolean;
  private readonly matchActivities?: (file: string) => boolean;
  readonly model: ProjectModel;
  checkedAt = Date.now();
  /** How long the last revalidation took (ms). */
  revalidateMs = 0;

  constructor(private readonly input: ModelInput) {
    this.root = input.root;
    this.tsconfigs = new TsconfigLookup(this.root);
    const resolver = new Resolver(this.root, this.tsconfigs, readWorkspaces(this.root));
    this.files = new ProjectFiles(this.root, resolver);
    this.registry = new EvaluatorRegistry(this.files);
    const { settings, cwd } = input;
    const relToCwd = (file: string): string => toPosix(path.relative(cwd, file));
    if (settings.workflows) {
      const m = createGlobMatcher(settings.workflows);
      this.matchWorkflows = (file) => m(relToCwd(file));
    }
    if (settings.activities) {
      const m = createGlobMatcher(settings.activities);
      this.matchActivities = (file) => m(relToCwd(file));
    }
    this.walk();
    this.derive();
    this.model = this.createModel();
  }

  /**
   * Real path of a file, memoised for this build: rules resolve imports of the same few files thousands of times
   * (every reference to an imported binding, every export of a barrel), one syscall each without the memo.
   */
  private real(file: string): string {
    // The walk lists real paths: a file it found is its own.
    if (this.walked.has(file)) return file;
    let real = this.reals.get(file);
    if (real === undefined) {
      real = realpath(file) ?? toPosix(path.resolve(file));
      this.reals.set(file, real);
    }
    return real;
  }

  private rel(file: string): string {
    return toPosix(path.posix.relative(this.root, file)) || path.posix.basename(file);
  }

  /** Directories the walk does not enter: a tsconfig's `outDir`, and nested packages that are not workspaces. */
  private skipsDir(dir: string): boolean {
    if (this.tsconfigs.forDir(path.posix.dirname(dir))?.outDir === dir) return true;
    // A nested package that is not a workspace package of this root is a separate project.
    this.workspaceDirs ??= new Set(readWorkspaces(this.root).values());
    return this.files.resolver.stats.isFile(`${dir}/package.json`) && !this.workspaceDirs.has(dir);
  }

  /**
   * Whether discovery reads workers in `file`: not in a directory the walk skips, and not compiled output whose
   * source the model reads instead. The same answer for a file the walk found and for one linted later (a new file,
   * or one in a skipped directory), so that the workers do not depend on which files were linted first.
   */
  private discoverable(file: string): boolean {
    if (this.files.resolver.compiledSource(file)) return false;
    if (this.walked.has(file)) return true;
    for (let dir = path.posix.dirname(file); dir !== this.root && isInside(this.root, dir); dir = path.posix.dirname(dir)) {
      if (this.skipsDir(dir)) return false;
    }
    return true;
  }

  private walk(): void {
    const { files, problems } = walkSourceFiles(this.root, (dir) => this.skipsDir(dir));
    this.walked = new Set(files);
    this.files.resolver.realFiles = this.walked;
    this.walkProblems = problems;
    if (!this.input.settings.discovery) return;
    for (const file of files) {
      const text = this.files.peek(file);
      if (text !== undefined && mayContainWorker(text) && this.discoverable(file)) this.candidates.add(file);
    }
  }

  /** Recomputes workers, bundle, roles from the (cached) files. */
  private derive(): void {
    this.registry = new EvaluatorRegistry(this.files);
    this.workflowTypesCache = undefined;
    this.workerList = undefined;
    this.bundleCache = undefined;
    this.bundleMap = undefined;
    this.infoCache.clear();
    this.otherInfo.clear();
    this.diagnostics = this.walkProblems.map((message) => ({ message }));
    this.discoveredWorkers = [];
    for (const file of this.candidates) {
      const ev = this.registry.for(file);
      if (ev) this.discoveredWorkers.push(...discoverWorkers(ev));
    }
    this.discoveredWorkers.sort((a, b) => this.workerRank(a) - this.workerRank(b) || a.info.position.file.localeCompare(b.info.position.file) || a.info.position.line - b.info.position.line);
    for (const w of this.discoveredWorkers) this.diagnostics.push(...w.diagnostics);
    this.deriveWorkerCalls();
    this.deriveWorkflow();
    this.deriveActivities();
    for (const [file, message] of this.files.problems) this.diagnostics.push({ message: `${this.rel(file)}: ${message}` });
  }

  /** Production workers first (their chains are the ones to show), then bundlers, replayers, and tests. */
  private workerRank(w: DiscoveredWorker): number {
    const kindRank = w.info.kind === 'Worker.create' ? 0 : w.info.kind === 'bundleWorkflowCode' ? 1 : 2;
    return (TEST_CONVENTION.test(this.rel(w.info.position.file)) ? 10 : 0) + kindRank;
  }

  private deriveWorkerCalls(): void {
    this.workerCalls = new Map();
    for (const w of this.discoveredWorkers) {
      const file = w.info.position.file;
      if (!this.workerCalls.has(file)) this.workerCalls.set(file, [`${this.rel(file)}:${w.info.position.line} (${w.info.kind})`]);
    }
  }

  private deriveWorkflow(): void {
    this.workflow = new Map();
    this.preloaded = new Set();
    this.entries = new Set();
    if (this.matchWorkflows) {
      const roots = [...this.walked].filter((f) => this.matchWorkflows?.(f)).map((file) => ({ file, label: 'settings.temporalio.workflows' }));
      for (const r of roots) this.entries.add(r.file);
      this.mergeBundle(walkBundle(this.files, roots, []), -1);
      return;
    }
    // Workers with the same roots bundle the same files (a project's tests often create one worker each with the
    // production `workflowsPath`): each distinct bundle is walked and merged once, for its group of workers. Chains
    // come from the group's first (best-ranked) worker; a file records groups, not workers, so the work is per group
    // and per file, not per worker and per file.
    const groups = new Map<string, { main: GraphRoot[]; preload: GraphRoot[]; ignore: string[]; workers: number[] }>();
    this.discoveredWorkers.forEach((w, index) => {
      const workerFile = this.rel(w.info.position.file);
      const main: GraphRoot[] = [];
      const preload: GraphRoot[] = [];
      for (const root of w.roots) {
        const label = `${workerFile} (${ROOT_LABELS[root.kind]})`;
        (root.kind === 'preloadModules' ? preload : main).push({ file: root.file, label });
        if (root.kind === 'workflowsPath') this.entries.add(root.file);
      }
      const ignore = w.info.ignoreModules;
      const key = JSON.stringify([main.map((r) => r.file), preload.map((r) => r.file), ignore]);
      const group = groups.get(key);
      if (group) group.workers.push(index);
      else groups.set(key, { main, preload, ignore, workers: [index] });
    });
    const groupWorkers: number[][] = [];
    for (const { main, preload, ignore, workers } of groups.values()) {
      this.mergeBundle(walkBundle(this.files, [...main, ...preload], ignore), groupWorkers.length);
      groupWorkers.push(workers);
      for (const file of walkBundle(this.files, preload, ignore).keys()) this.preloaded.add(file);
    }
    // Files bundled by the same groups share one list of workers (in index order), so answers per list (which
    // workers run this file) are computed once per bundle rather than once per file.
    const lists = new Map<string, number[]>();
    for (const entry of this.workflow.values()) {
      const key = entry.workers.join(',');
      let shared = lists.get(key);
      if (!shared) {
        const [only] = entry.workers;
        shared =
          entry.workers.length === 1 && only !== undefined
            ? (groupWorkers[only] ?? [])
            : entry.workers.flatMap((g) => groupWorkers[g] ?? []).sort((a, b) => a - b);
        lists.set(key, shared);
      }
      entry.workers = shared;
    }
  }

  /** Merges a walked bundle into `workflow`; `group` is the index of its group of workers (-1: settings roots). */
  private mergeBundle(reached: Map<string, Reached>, group: number): void {
    const chains = new Map<string, string[]>();
    const chainOf = (file: string): string[] => {
      const cached = chains.get(file);
      if (cached) return cached;
      const entry = reached.get(file);
      const chain = !entry ? [this.rel(file)] : entry.parent === undefined ? [entry.root.label, this.rel(file)] : [...chainOf(entry.parent), this.rel(file)];
      chains.set(file, chain);
      return chain;
    };
    const ordered = [...reached.entries()].sort((a, b) => a[1].depth - b[1].depth);
    for (const [file] of ordered) {
      const chain = chainOf(file);
      const existing = this.workflow.get(file);
      if (!existing) this.workflow.set(file, { chain, workers: group >= 0 ? [group] : [] });
      else {
        if (group >= 0) existing.workers.push(group);
        if (chain.length < existing.chain.length) existing.chain = chain;
      }
    }
  }

  private deriveActivities(): void {
    this.activity = new Map();
    if (this.matchActivities) {
      for (const file of this.walked) if (this.matchActivities(file)) this.activity.set(file, ['settings.temporalio.activities', this.rel(file)]);
      return;
    }
    for (const w of this.discoveredWorkers) {
      const label = `${this.rel(w.info.position.file)} (activities)`;
      for (const file of w.info.activities?.modules ?? []) {
        // Mock activities defined in tests are not application activity code.
        if (TEST_CONVENTION.test(this.rel(file))) continue;
        if (!this.activity.has(file)) this.activity.set(file, [label, this.rel(file)]);
      }
    }
  }

  get discovered(): boolean {
    return this.workflow.size > 0;
  }

  /** Files whose change makes the model stale, with the stamps used. */
  dependencies(): Map<string, FileStamp | undefined> {
    const deps = this.files.stamps();
    for (const f of [...this.tsconfigs.files, ...this.files.resolver.packageFiles]) {
      if (!this.configStamps.has(f)) this.configStamps.set(f, stamp(f));
      deps.set(f, this.configStamps.get(f));
    }
    return deps;
  }

  /** Applies the editor's text of `file`; re-derives when it changes the model's inputs. */
  private applyOverlay(file: string, text: string): void {
    const known = this.workflow.has(file) || this.candidates.has(file) || this.activity.has(file) || this.files.isCached(file);
    const candidate = this.input.settings.discovery && mayContainWorker(text) && this.discoverable(file);
    if (!known && !candidate) return;
    const before = this.files.cachedText(file);
    if (before === text) return;
    const oldFacts = before === undefined ? undefined : this.files.facts(file);
    if (!this.files.setOverlay(file, text)) return;
    this.otherInfo.delete(file);
    const newFacts = this.files.facts(file);
    const importsChanged = JSON.stringify(oldFacts?.requests.map((r) => [r.specifier, r.typeOnly, r.kind])) !==
      JSON.stringify(newFacts?.requests.map((r) => [r.specifier, r.typeOnly, r.kind]));
    if (candidate) this.candidates.add(file);
    if (candidate || this.candidates.has(file) || (importsChanged && this.workflow.has(file)) || before === undefined) this.derive();
  }

  fileInfo(inputFile: string, text?: string): FileInfo {
    const file = this.real(inputFile);
    if (text === undefined) {
      // Roles of other files (a worker's, an activity module's): asked for by many linted files, kept until the
      // next derive; a small LRU would thrash and cost two syscalls per question.
      const known = this.otherInfo.get(file);
      if (known) return known;
      const info = this.computeFileInfo(file, stamp(file) !== undefined, undefined);
      this.otherInfo.set(file, info);
      return info;
    }
    const cached = this.infoCache.get(file);
    if (cached && cached.text === text) return cached.info;
    const onDisk = stamp(file) !== undefined;
    if (onDisk && isInside(this.root, file)) this.applyOverlay(file, text);
    const info = this.computeFileInfo(file, onDisk, text);
    if (this.infoCache.size >= INFO_CACHE_SIZE) this.infoCache.delete(this.infoCache.keys().next().value ?? '');
    this.infoCache.set(file, { text, info });
    return info;
  }

  private computeFileInfo(file: string, onDisk: boolean, text: string | undefined): FileInfo {
    const rel = this.rel(file);
    const roles = new Map<Role, RoleEvidence>();
    const isTest = TEST_CONVENTION.test(rel);
    const set = (role: Role, source: RoleEvidence['source'], chain: string[]): void => {
      if (!roles.has(role)) roles.set(role, { role, source, chain });
    };
    const conventions = !onDisk || !this.discovered;
    const wf = this.workflow.get(file);
    if (wf) set('workflow', this.matchWorkflows ? 'settings' : 'discovery', wf.chain);
    else if (this.matchWorkflows?.(file)) set('workflow', 'settings', ['settings.temporalio.workflows', rel]);
    else if (conventions && !this.matchWorkflows && !isTest && WORKFLOW_CONVENTION.test(rel)) set('workflow', 'convention', [`${rel} (naming convention)`]);
    const act = this.activity.get(file);
    if (act) set('activity', this.matchActivities ? 'settings' : 'discovery', act);
    else if (this.matchActivities?.(file)) set('activity', 'settings', ['settings.temporalio.activities', rel]);
    const requests = text !== undefined ? this.requestsOf(file, text) : (this.files.facts(file)?.requests ?? []);
    const imported = importRoles(requests);
    if (imported.has('@temporalio/activity')) set('activity', 'import', [`${rel} (imports @temporalio/activity)`]);
    else if (conventions && !this.matchActivities && !isTest && ACTIVITY_CONVENTION.test(rel)) set('activity', 'convention', [`${rel} (naming convention)`]);
    const calls = this.workerCalls.get(file);
    if (calls) set('worker', 'discovery', calls);
    if (imported.has('@temporalio/worker')) set('worker', 'import', [`${rel} (imports @temporalio/worker)`]);
    if (imported.has('@temporalio/client')) set('client', 'import', [`${rel} (imports @temporalio/client)`]);
    if (imported.has('@temporalio/testing')) set('test', 'import', [`${rel} (imports @temporalio/testing)`]);
    if (isTest) set('test', 'convention', [`${rel} (test file naming convention)`]);
    const isEntry = this.entries.has(file) || (!!this.matchWorkflows?.(file) && !wf);
    return makeFileInfo(file, roles, isEntry || roles.get('workflow')?.source === 'convention', this.preloaded.has(file));
  }

  /**
   * The module requests of the linted text, for its import roles: nothing to scan when the text names none of the
   * role-giving packages (most files of a project), the model's scan when it read the same text.
   */
  private requestsOf(file: string, text: string): readonly ModuleRequest[] {
    if (!ROLE_PACKAGES.some((pkg) => text.includes(pkg))) return [];
    return (this.files.cachedText(file) === text ? this.files.scanned(file) : undefined) ?? scanModule(file, text, false).requests;
  }

  private importsOf(file: string): ModuleImport[] | undefined {
    const facts = this.files.facts(file);
    if (!facts) return undefined;
    return facts.requests.map((r) => {
      const resolution = this.files.resolver.resolve(file, r.specifier);
      const result: ModuleImport = { specifier: r.specifier, kind: r.kind, typeOnly: r.typeOnly, line: r.line, column: r.column };
      if (resolution.kind === 'file') result.resolved = resolution.file;
      if (resolution.kind === 'external' || isBuiltin(r.specifier)) result.packageName = packageNameOf(r.specifier);
      return result;
    });
  }

  private resolveReExport(fromFile: string, specifier: string, name: string): { source: string; name: string } | undefined {
    const from = this.real(fromFile);
    const target = this.files.resolver.resolveFile(from, specifier);
    if (!target) return undefined;
    const origin = this.files.exportOrigin(target, name);
    if (!origin) return undefined;
    if (origin.kind === 'package') return { source: origin.source, name: origin.name };
    if (origin.file === target && origin.local === name) return undefined;
    return { source: origin.file, name: origin.local };
  }

  private ignoredModules(file?: string): readonly string[] {
    if (!this.discoveredWorkers.some((w) => w.info.ignoreModules.length > 0)) return [];
    const workers = file === undefined ? this.discoveredWorkers.map((_, i) => i) : this.workflow.get(this.real(file))?.workers;
    if (!workers) return [];
    // bundle files share their list of workers: one union per list, not one per question
    let result = this.ignoredByWorkers.get(workers);
    if (!result) {
      const modules = new Set<string>();
      for (const i of workers) for (const m of this.discoveredWorkers[i]?.info.ignoreModules ?? []) modules.add(m);
      result = [...modules];
      this.ignoredByWorkers.set(workers, result);
    }
    return result;
  }

  /** The bundle files of this derive (rules ask per linted file: built once, not once per question). */
  private bundleList(): readonly BundleFile[] {
    this.bundleCache ??= [...this.workflow.entries()].map(([file, e]) => ({ file, chain: e.chain, workers: e.workers }));
    return this.bundleCache;
  }

  private bundleIndex(): ReadonlyMap<string, BundleFile> {
    this.bundleMap ??= new Map(this.bundleList().map((b) => [b.file, b]));
    return this.bundleMap;
  }

  private createModel(): ProjectModel {
    const real = (f: string): string => this.real(f);
    const base = {
      root: this.root,
      settings: this.input.settings,
      fileInfo: (file: string, text?: string) => this.fileInfo(file, text),
      workflowTypes: () => {
        this.workflowTypesCache ??= collectWorkflowTypes(this.files, this.discoveredWorkers.map((w) => w.info.workflowsPath)) ?? undefined;
        return this.workflowTypesCache;
      },
      resolveReExport: (fromFile: string, specifier: string, name: string) => this.resolveReExport(fromFile, specifier, name),
      resolveModule: (fromFile: string, specifier: string) => this.files.resolver.resolveFile(real(fromFile), specifier),
      bundleFiles: (): readonly BundleFile[] => this.bundleList(),
      bundleFile: (file: string): BundleFile | undefined => this.bundleIndex().get(real(file)),
      activityModules: () => [...this.activity.keys()],
      ignoredModules: (file?: string) => this.ignoredModules(file),
      importsOf: (file: string) => this.importsOf(real(file)),
      getText: (file: string): string | undefined => this.files.text(real(file)),
      getAst: (file: string): TSESTree.Program | undefined => this.files.parsed(real(file))?.program,
      adoptAst: (file: string, text: string, program: TSESTree.Program): void => {
        this.files.adopt(real(file), text, program);
      },
      exportOrigin: (file: string, name: string): { file: string; local: string } | null | undefined => {
        const f = real(file);
        if (!this.files.facts(f)) return undefined;
        const origin = this.files.exportOrigin(f, name);
        if (!origin) return null;
        return origin.kind === 'file' ? { file: origin.file, local: origin.local } : undefined;
      },
      moduleFacts: (file: string) => this.files.facts(real(file)),
      getModuleExportNode: (file: string, exportName: string): ConstDefinition | undefined => this.files.exportedConst(real(file), exportName),
      getTopLevelConst: (file: string, name: string): ConstDefinition | undefined => this.files.topLevelConst(real(file), name),
    } satisfies Omit<ProjectModel, 'workers' | 'discovered' | 'diagnostics'>;
    return Object.defineProperties(base, {
      workers: { get: (): readonly WorkerInfo[] => (this.workerList ??= this.discoveredWorkers.map((w) => w.info)), enumerable: true },
      discovered: { get: (): boolean => this.discovered, enumerable: true },
      diagnostics: { get: () => this.diagnostics, enumerable: true },
    }) as unknown as ProjectModel;
  }

  /** For `explain`: whether a request of `file` is cut by `ignoreModules`. */
  isIgnoredRequest(file: string, specifier: string): boolean {
    return isIgnored(specifier, this.ignoredModules(file));
  }
}
