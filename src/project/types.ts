/**
 * The project model's public contract (DESIGN §2). Rules import only from `src/project/index.ts`.
 * Every path is absolute and normalised with forward slashes.
 */

export type Role = 'workflow' | 'activity' | 'worker' | 'client' | 'test';

/** How a role was established, strongest first. */
export type EvidenceSource = 'discovery' | 'settings' | 'convention' | 'import';

export interface RoleEvidence {
  role: Role;
  source: EvidenceSource;
  /**
   * The chain that proves the role, as display strings relative to the project root:
   * `['src/worker.ts (workflowsPath)', 'src/workflows.ts', 'src/utils/ids.ts']`.
   * For a file that is itself an entry the chain has one or two elements.
   */
  chain: string[];
}

export interface Position {
  file: string;
  line: number;
  column: number;
}

export type WorkerKind = 'Worker.create' | 'bundleWorkflowCode' | 'Worker.runReplayHistory' | 'Worker.runReplayHistories';

/** An activity name registered by a worker, and where its implementation lives when known. */
export interface RegisteredActivity {
  name: string;
  /** The module that defines the function, when known. */
  file?: string;
  /** The function's location in that module, when known. */
  position?: Position;
}

export interface WorkerInfo {
  kind: WorkerKind;
  /** Where the call is. */
  position: Position;
  /** Literal task queue, when statically known. */
  taskQueue?: string;
  /** Resolved source file of `workflowsPath` (after lib→src mapping), when it resolves. */
  workflowsPath?: string;
  /** `workflowsPath` as written could not be evaluated or does not resolve to a file. */
  workflowsPathProblem?: string;
  hasWorkflowBundle: boolean;
  /** Resolved files of `interceptors.workflowModules` / `workflowInterceptorModules`. */
  interceptorModules: string[];
  payloadConverterPath?: string;
  failureConverterPath?: string;
  /** `bundlerOptions.ignoreModules` / `ignoreModules` as written (module specifiers). */
  ignoreModules: string[];
  /** `bundlerOptions.preloadModules` / `preloadModules` as written (module specifiers). */
  preloadModules: string[];
  /** Resolved files of the preloaded modules that are project files. */
  preloadFiles: string[];
  /** `workflowFailureErrorTypes` names; `undefined` when not statically known; `[]` when absent. */
  workflowFailureErrorTypes?: string[];
  /** Registered activities; `complete: false` when some of the object could not be evaluated. */
  activities?: { names: RegisteredActivity[]; complete: boolean };
  /** Option keys present on the options object (for option-combination checks). */
  optionKeys: string[];
}

export interface WorkflowType {
  /** Export key = workflow type name. */
  name: string;
  /** The file that defines the function. */
  file: string;
  position?: Position;
  /** The function's own `name` (differs from `name` for aliased exports such as `export { a as b }`). */
  functionName?: string;
}

export interface FileInfo {
  /** Absolute path of the file. */
  file: string;
  roles: ReadonlyMap<Role, RoleEvidence>;
  has(role: Role): boolean;
  /** `'src/worker.ts (workflowsPath) → src/workflows.ts → src/utils/ids.ts'`, or undefined without that role. */
  describe(role: Role): string | undefined;
  /** This file is itself a `workflowsPath` module (its exported functions are workflow types). */
  isWorkflowEntry: boolean;
  /** This file is (or is reached only from) a `preloadModules` entry: it runs with no workflow activator. */
  isPreloaded: boolean;
}

export interface ProjectModel {
  /** The project root (directory of the nearest tsconfig.json/package.json above the linted file, or cwd). */
  root: string;
  /** Workers, bundles and replayers found in the project's own code. */
  workers: readonly WorkerInfo[];
  /** True when discovery found at least one workflow root; false means the conventions decide. */
  discovered: boolean;
  /** Roles of `file` (absolute path). `text` is the editor's unsaved content of that file, if any. */
  fileInfo(file: string, text?: string): FileInfo;
  /** Workflow types exported by every discovered `workflowsPath`. `undefined` when none is known. */
  workflowTypes(): readonly WorkflowType[] | undefined;
  /** Where an import from `fromFile` of `specifier`'s export `name` really comes from, through local barrels. */
  resolveReExport(fromFile: string, specifier: string, name: string): { source: string; name: string } | undefined;
  /** Resolve a module specifier from a file to a project source file, as TypeScript / the bundler would. */
  resolveModule(fromFile: string, specifier: string): string | undefined;
  /** Problems found by discovery (unresolvable paths, unreadable files), for `explain` and worker rules. */
  diagnostics: readonly { message: string; position?: Position }[];
}
