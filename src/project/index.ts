/**
 * Entry point of the project model for rules. PROVISIONAL implementation: conventions only.
 * The full model (discovery from worker code, module graph, settings) replaces the internals;
 * the exported functions and types stay.
 */
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileInfo, ProjectModel, Role, RoleEvidence } from './types.js';

export type * from './types.js';

const WORKFLOW_CONVENTION = /(^|\/)(workflows?\.[cm]?[jt]sx?|workflows?\/.+|[^/]+\.workflows?\.[cm]?[jt]sx?|workflows-[^/]+\.[cm]?[jt]sx?)$/;
const ACTIVITY_CONVENTION = /(^|\/)(activities\.[cm]?[jt]sx?|activities\/.+|[^/]+\.activit(y|ies)\.[cm]?[jt]sx?)$/;
const TEST_CONVENTION = /(^|\/)(__tests__\/.+|test\/.+|tests\/.+|[^/]+\.(test|spec)\.[cm]?[jt]sx?)$/;

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function makeFileInfo(file: string, roles: Map<Role, RoleEvidence>): FileInfo {
  return {
    file,
    roles,
    has: (role) => roles.has(role),
    describe: (role) => roles.get(role)?.chain.join(' → '),
    isWorkflowEntry: false,
    isPreloaded: false,
  };
}

function conventionModel(root: string): ProjectModel {
  return {
    root,
    workers: [],
    discovered: false,
    diagnostics: [],
    fileInfo(file: string, text?: string): FileInfo {
      const rel = toPosix(path.relative(root, file));
      const roles = new Map<Role, RoleEvidence>();
      const isTest = TEST_CONVENTION.test(rel);
      if (!isTest && WORKFLOW_CONVENTION.test(rel)) {
        roles.set('workflow', { role: 'workflow', source: 'convention', chain: [`${rel} (naming convention)`] });
      }
      if (!isTest && ACTIVITY_CONVENTION.test(rel)) {
        roles.set('activity', { role: 'activity', source: 'convention', chain: [`${rel} (naming convention)`] });
      }
      if (text?.includes('@temporalio/activity') && !roles.has('activity')) {
        roles.set('activity', { role: 'activity', source: 'import', chain: [`${rel} (imports @temporalio/activity)`] });
      }
      if (text?.includes('@temporalio/worker')) roles.set('worker', { role: 'worker', source: 'import', chain: [rel] });
      if (text?.includes('@temporalio/client')) roles.set('client', { role: 'client', source: 'import', chain: [rel] });
      if (isTest) roles.set('test', { role: 'test', source: 'convention', chain: [rel] });
      return makeFileInfo(file, roles);
    },
    workflowTypes: () => undefined,
    resolveReExport: () => undefined,
    resolveModule: () => undefined,
  };
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The project model for the file being linted. Never throws. */
export function getProjectModel(context: AnyContext): ProjectModel {
  return conventionModel(context.cwd);
}

/** Roles of the file being linted, with the chains that prove them. Never throws. */
export function getFileInfo(context: AnyContext): FileInfo {
  return getProjectModel(context).fileInfo(context.filename, context.sourceCode.text);
}
