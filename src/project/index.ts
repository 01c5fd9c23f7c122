/**
 * Entry point of the project model for rules (DESIGN §2). `getProjectModel(context)` and `getFileInfo(context)`
 * never throw on project contents (any failure degrades to the naming conventions); invalid
 * `settings.temporalio` throws an Error naming the bad key.
 */
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { modelFor } from './cache.js';
import { ACTIVITY_CONVENTION, TEST_CONVENTION, WORKFLOW_CONVENTION } from './conventions.js';
import { toPosix } from './fs.js';
import { makeFileInfo } from './model.js';
import { findProjectRoot } from './root.js';
import { readTemporalSettings } from './settings.js';
import type { FileInfo, ProjectModel, Role, RoleEvidence, TemporalSettings } from './types.js';

export type * from './types.js';
export { clearProjectModels } from './cache.js';
export { parseTemporalSettings, temporalSettingsSchema } from './settings.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The conventions-only model: used when building the real one fails. */
export function conventionModel(root: string, settings: TemporalSettings): ProjectModel {
  return {
    root,
    settings,
    workers: [],
    discovered: false,
    diagnostics: [],
    fileInfo(file: string, text?: string): FileInfo {
      const rel = toPosix(path.relative(root, file));
      const roles = new Map<Role, RoleEvidence>();
      const isTest = TEST_CONVENTION.test(rel);
      const add = (role: Role, source: RoleEvidence['source'], why: string): void => {
        if (!roles.has(role)) roles.set(role, { role, source, chain: [why] });
      };
      if (!isTest && WORKFLOW_CONVENTION.test(rel)) add('workflow', 'convention', `${rel} (naming convention)`);
      if (!isTest && ACTIVITY_CONVENTION.test(rel)) add('activity', 'convention', `${rel} (naming convention)`);
      if (text?.includes('@temporalio/activity')) add('activity', 'import', `${rel} (imports @temporalio/activity)`);
      if (text?.includes('@temporalio/worker')) add('worker', 'import', rel);
      if (text?.includes('@temporalio/client')) add('client', 'import', rel);
      if (text?.includes('@temporalio/testing') || isTest) add('test', isTest ? 'convention' : 'import', rel);
      return makeFileInfo(file, roles, roles.has('workflow'));
    },
    workflowTypes: () => undefined,
    resolveReExport: () => undefined,
    resolveModule: () => undefined,
    bundleFiles: () => [],
    bundleFile: () => undefined,
    activityModules: () => [],
    ignoredModules: () => [],
    importsOf: () => undefined,
    getText: () => undefined,
    getAst: () => undefined,
    exportOrigin: () => undefined,
    moduleFacts: () => undefined,
    adoptAst: () => undefined,
    getModuleExportNode: () => undefined,
    getTopLevelConst: () => undefined,
  };
}

/** Parsed `settings.temporalio` of the rule's configuration. Throws an Error naming the key when invalid. */
export function getTemporalSettings(context: AnyContext): TemporalSettings {
  return readTemporalSettings(context.settings);
}

/** The model for an explicit root (the `explain` command, tests). Never throws. */
export function getProjectModelForRoot(root: string, cwd: string, settings: TemporalSettings): ProjectModel {
  try {
    return modelFor(root, cwd, settings).model;
  } catch {
    return conventionModel(root, settings);
  }
}

function rootFor(filename: string, cwd: string, settings: TemporalSettings): string {
  if (settings.root !== undefined) return toPosix(path.resolve(cwd, settings.root));
  const absolute = path.isAbsolute(filename) ? filename : path.resolve(cwd, filename);
  return findProjectRoot(absolute) ?? toPosix(cwd);
}

/**
 * The model and roles of one linted file, shared by every rule that lints it (the rules of one lint share its
 * `SourceCode`): asking once per file instead of once per rule.
 */
interface PerFile {
  settings: unknown;
  cwd: string;
  filename: string;
  model: ProjectModel;
  info?: FileInfo;
}
const perFile = new WeakMap<object, PerFile>();

function rawSettings(context: AnyContext): unknown {
  return (context.settings as Readonly<Record<string, unknown>> | undefined)?.temporalio;
}

function memoFor(context: AnyContext): PerFile | undefined {
  const memo = perFile.get(context.sourceCode);
  if (!memo) return undefined;
  return memo.settings === rawSettings(context) && memo.cwd === context.cwd && memo.filename === context.filename ? memo : undefined;
}

/** The project model for the file being linted. Never throws on project contents. */
export function getProjectModel(context: AnyContext): ProjectModel {
  const memo = memoFor(context);
  if (memo) return memo.model;
  const model = buildProjectModel(context);
  perFile.set(context.sourceCode, { settings: rawSettings(context), cwd: context.cwd, filename: context.filename, model });
  return model;
}

function buildProjectModel(context: AnyContext): ProjectModel {
  const settings = getTemporalSettings(context);
  const cwd = context.cwd;
  let root = toPosix(cwd);
  try {
    root = rootFor(context.filename, cwd, settings);
    return modelFor(root, cwd, settings).model;
  } catch {
    return conventionModel(root, settings);
  }
}

/** ESTree parsers whose trees the model's cross-file readers understand. */
function isEstreeParser(parser: unknown): boolean {
  if (!parser || typeof parser !== 'object') return false;
  const { meta, name } = parser as { meta?: { name?: unknown }; name?: unknown };
  return meta?.name === 'typescript-eslint/parser' || meta?.name === 'espree' || name === 'espree';
}

const adopted = new WeakSet<object>();

/** Lets the model reuse ESLint's parse of the linted file (once per parse). */
function adoptAst(context: AnyContext, model: ProjectModel): void {
  try {
    const { sourceCode } = context;
    if (adopted.has(sourceCode.ast)) return;
    adopted.add(sourceCode.ast);
    if (isEstreeParser(context.languageOptions.parser)) model.adoptAst(context.filename, sourceCode.text, sourceCode.ast);
  } catch {
    // an unusual context (no language options): the model parses the file itself when asked
  }
}

/** Roles of the file being linted, with the chains that prove them. Never throws on project contents. */
export function getFileInfo(context: AnyContext): FileInfo {
  const model = getProjectModel(context);
  const memo = memoFor(context);
  if (memo?.info) return memo.info;
  try {
    const { sourceCode } = context;
    const info = model.fileInfo(context.filename, sourceCode.text);
    adoptAst(context, model);
    if (memo) memo.info = info;
    return info;
  } catch {
    return conventionModel(model.root, model.settings).fileInfo(context.filename, context.sourceCode.text);
  }
}
