/**
 * Project-model stand-ins for rule tests that need what only discovery can tell (a worker's `ignoreModules`,
 * `preloadModules`, a helper reached through the import graph). Use from a test file:
 *
 *   vi.mock('../../src/project/index.js', async (importOriginal) =>
 *     (await import('../model-stubs.js')).withModelStubs(await importOriginal()));
 *
 * Linted file names select the stand-in (every other file gets the real model):
 * - `.../ignoring/...`: a worker with `bundlerOptions.ignoreModules: ['fs', 'dns', 'left-pad']`;
 * - `.../lib/...`: workflow code reached from `src/worker.ts (workflowsPath) → src/workflows.ts`;
 * - `.../preload/...`: workflow code listed in `bundlerOptions.preloadModules` (`isPreloaded`).
 */
import path from 'node:path';
import type * as ProjectModule from '../src/project/index.js';
import type { FileInfo, ProjectModel, Role, RoleEvidence, WorkerInfo } from '../src/project/index.js';

type Project = typeof ProjectModule;
type AnyContext = Parameters<Project['getProjectModel']>[0];

const worker = (extra: Partial<WorkerInfo>): WorkerInfo => ({
  kind: 'Worker.create',
  position: { file: 'src/worker.ts', line: 1, column: 1 },
  hasWorkflowBundle: false,
  interceptorModules: [],
  ignoreModules: [],
  preloadModules: [],
  preloadFiles: [],
  optionKeys: ['workflowsPath'],
  ...extra,
});

function rel(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

function stubInfo(file: string, base: FileInfo): FileInfo {
  const name = rel(file);
  let chain: string[] | undefined;
  let isPreloaded = false;
  if (name.includes('/preload/')) {
    chain = ['src/worker.ts (preloadModules)', name];
    isPreloaded = true;
  } else if (name.includes('/lib/')) {
    chain = ['src/worker.ts (workflowsPath)', 'src/workflows.ts', name];
  }
  if (!chain) return base;
  const roles = new Map<Role, RoleEvidence>(base.roles);
  roles.set('workflow', { role: 'workflow', source: 'discovery', chain });
  return {
    ...base,
    roles,
    has: (role) => roles.has(role),
    describe: (role) => roles.get(role)?.chain.join(' → '),
    isPreloaded,
  };
}

function stubModel(context: AnyContext, model: ProjectModel): ProjectModel {
  const file = context.filename;
  const workers: WorkerInfo[] = [];
  if (file.includes('ignoring')) workers.push(worker({ ignoreModules: ['fs', 'dns', 'left-pad'], optionKeys: ['bundlerOptions'] }));
  if (file.includes('preload')) workers.push(worker({ preloadModules: ['./preload/polyfills'], optionKeys: ['bundlerOptions'] }));
  if (workers.length === 0) return { ...model, fileInfo: (f, text) => stubInfo(f, model.fileInfo(f, text)) };
  return {
    ...model,
    workers,
    fileInfo: (f, text) => stubInfo(f, model.fileInfo(f, text)),
    ignoredModules: () => [...new Set(workers.flatMap((w) => w.ignoreModules))],
  };
}

export function withModelStubs(actual: Project): Project {
  return {
    ...actual,
    getProjectModel: (context) => stubModel(context, actual.getProjectModel(context)),
    getFileInfo: (context) => stubInfo(context.filename, actual.getFileInfo(context)),
  };
}
