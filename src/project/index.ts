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
    activityModules: () => [],
    ignoredModules: () => [],
    importsOf: () => undefined,
    getAst: () => undefined,
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

/** The project model for the file being linted. Never throws on project contents. */
export function getProjectModel(context: AnyContext): ProjectModel {
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

/** Roles of the file being linted, with the chains that prove them. Never throws on project contents. */
export function getFileInfo(context: AnyContext): FileInfo {
  const model = getProjectModel(context);
  try {
    return model.fileInfo(context.filename, context.sourceCode.text);
  } catch {
    return conventionModel(model.root, model.settings).fileInfo(context.filename, context.sourceCode.text);
  }
}
