/**
 * The project model's public contract (DESIGN §2). Rules import only from `src/project/index.ts`.
 * Every path is absolute, a real path (symlinks resolved) and normalised with forward slashes.
 * Positions: `line` is 1-based, `column` 0-based (ESLint's convention).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ModuleFacts } from './scan.js';

export type { ModuleFacts } from './scan.js';

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
  /**
   * Registered activities; `complete: false` when some of the object could not be evaluated (then a name
   * missing from `names` may still be registered). Undefined when the option is absent.
   */
  activities?: {
    names: RegisteredActivity[];
    complete: boolean;
    /** Modules that define the registered functions (they get the `activity` role). */
    modules: string[];
    /** `activities: new X()` instances: their prototype methods are NOT registered by the worker. */
    classInstances: ClassActivities[];
  };
  /** Option keys present on the options object (for option-combination checks). */
  optionKeys: string[];
}

/** A class instance passed as `activities`: only own properties are registered (`worker-options.ts`). */
export interface ClassActivities {
  className: string;
  file: string;
  position: Position;
  /** Methods on the prototype: not registered as activities. */
  prototypeMethods: string[];
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
  /**
   * `'src/worker.ts (workflowsPath) → src/workflows.ts → src/utils/ids.ts'`, or undefined without that role.
   * A chain of more than 8 files shows its first and last three with `… N more …` between them.
   */
  describe(role: Role): string | undefined;
  /** This file is itself a `workflowsPath` module (its exported functions are workflow types). */
  isWorkflowEntry: boolean;
  /**
   * This file is a `preloadModules` entry or imported (transitively) by one: its module scope runs once at
   * bundle load, with no workflow activator (a module evaluates once, so this holds even when workflows import it too).
   */
  isPreloaded: boolean;
}

/** Parsed `settings.temporalio` (see `temporalSettingsSchema`). */
export interface TemporalSettings {
  /** Globs relative to the ESLint cwd: workflow modules (replace discovered workflow roots). */
  workflows?: string[];
  /** Globs relative to the ESLint cwd: activity modules (replace discovered activity modules). */
  activities?: string[];
  /** Extra packages that perform I/O (for workflow rules). */
  ioModules?: string[];
  /** `false` skips reading worker code. Default true. */
  discovery: boolean;
  /** Project root relative to the ESLint cwd. */
  root?: string;
}

/** One module request of a project file (see `ProjectModel.importsOf`). */
export interface ModuleImport {
  specifier: string;
  kind: 'import' | 'export' | 'require' | 'import-equals' | 'dynamic-import';
  /** Erased at compile time (`import type`, or bindings used only as types): not followed by the bundler. */
  typeOnly: boolean;
  line: number;
  column: number;
  /** The project file it resolves to; undefined for packages, built-ins and unresolvable requests. */
  resolved?: string;
  /** The package name when the request is a package or a Node built-in. */
  packageName?: string;
}

/** A file of the workflow bundle, with the shortest chain from a root. */
export interface BundleFile {
  file: string;
  chain: string[];
  /** The workers whose bundle contains the file (indexes into `ProjectModel.workers`; empty for settings roots). */
  workers: number[];
}

/** The initialiser of a top-level constant of a project file. */
export interface ConstDefinition {
  /** The file that declares the constant (after following imports and barrels). */
  file: string;
  /** Its local name in that file. */
  name: string;
  /** The ESTree initialiser (from a separate parse: compare by position, not identity, with the linted file's AST). */
  node: TSESTree.Expression;
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
  /**
   * Where an import from `fromFile` of `specifier`'s export `name` really comes from, through local barrels
   * (`export * from`, `export { a as b } from`, `import { x } from …; export { x }`). A package origin gives
   * `{ source: '@temporalio/workflow', name: 'sleep' }` (`name: '*'` for a namespace re-export); an origin in another
   * project file gives `{ source: <absolute file>, name: <local name> }`. `undefined` when `specifier` is not a project
   * module, when nothing is re-exported (the binding is declared in the module `specifier` names), or when unknown.
   */
  resolveReExport(fromFile: string, specifier: string, name: string): { source: string; name: string } | undefined;
  /** Resolve a module specifier from a file to a project source file, as TypeScript / the bundler would. */
  resolveModule(fromFile: string, specifier: string): string | undefined;
  /** Problems found by discovery (unresolvable paths, unreadable files), for `explain` and worker rules. */
  diagnostics: readonly { message: string; position?: Position }[];

  /** The parsed `settings.temporalio`. */
  settings: TemporalSettings;
  /** Every file of the workflow bundle(s), with its chain (empty when no roots are known). */
  bundleFiles(): readonly BundleFile[];
  /** The bundle file record of `file` (absolute path), or undefined when no bundle contains it. */
  bundleFile(file: string): BundleFile | undefined;
  /** Modules registered as activities (or matched by `settings.temporalio.activities`). */
  activityModules(): readonly string[];
  /**
   * `ignoreModules` specifiers that apply to `file`: those of the workers whose bundle contains it
   * (all workers' when `file` is omitted). An ignored import bundles as an empty module; using it fails at run time.
   */
  ignoredModules(file?: string): readonly string[];
  /** Module requests of a project file, resolved; undefined when the file cannot be read. */
  importsOf(file: string): readonly ModuleImport[] | undefined;
  /** The text the model reads for a project file (the editor's unsaved text where it has it); undefined when unreadable. */
  getText(file: string): string | undefined;
  /**
   * ESTree of another project file (typescript-estree, or espree for JavaScript without TypeScript installed),
   * with `range` and `loc`, no `parent` links. Cached; undefined when unreadable or unparsable.
   */
  getAst(file: string): TSESTree.Program | undefined;
  /**
   * Offers ESLint's ESTree of the linted file (typescript-estree or espree), used instead of a second parse when
   * `text` is what the model read for it. Never throws.
   */
  adoptAst(file: string, text: string, program: TSESTree.Program): void;
  /**
   * Where the value export `name` of `file` is declared (through re-exports, `import … export` and `export *`), from
   * the fast scan, so cross-file lookups go straight to the declaring module instead of parsing a barrel's modules:
   * the declaring file and its local name (`'*'` for a namespace), `null` when `file` certainly does not export
   * `name`, `undefined` when unknown (no model, unreadable file, an export of a package).
   */
  exportOrigin(file: string, name: string): { file: string; local: string } | null | undefined;
  /**
   * The fast scan of a project file (requests, imports, exports, `export *` specifiers, top-level declarations with
   * what they hold), to answer from tokens what needs no parse. Shared and cached: never modify it. Undefined when
   * the file cannot be read.
   */
  moduleFacts(file: string): ModuleFacts | undefined;
  /** Initialiser of the `const` exported as `exportName` by `file` (through barrels and `import … export`). */
  getModuleExportNode(file: string, exportName: string): ConstDefinition | undefined;
  /** Initialiser of the top-level constant `name` of `file`; an imported name is followed to its declaring file. */
  getTopLevelConst(file: string, name: string): ConstDefinition | undefined;
}
