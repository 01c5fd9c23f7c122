import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, chainOf, fixtureFile, modelOf } from './helpers.js';

const rel = (root: string, file: string | undefined) => (file === undefined ? undefined : path.relative(root, file));

describe('ESM worker', () => {
  const model = modelOf('esm');

  it('evaluates fileURLToPath(new URL(..., import.meta.url)) and new URL(...).pathname', () => {
    expect(model.workers.map((w) => [w.kind, w.taskQueue, rel(model.root, w.workflowsPath)])).toEqual([
      ['Worker.create', 'esm-queue', 'src/workflows.ts'],
      ['bundleWorkflowCode', undefined, 'src/other-workflows.ts'],
    ]);
  });

  it('maps ./helpers.js to the TypeScript source', () => {
    expect(bundle(model)).toEqual(['src/helpers.ts', 'src/other-workflows.ts', 'src/workflows.ts']);
    expect(chainOf(model, 'src/helpers.ts')).toBe('src/worker.ts (workflowsPath) → src/workflows.ts → src/helpers.ts');
  });
});

describe('monorepo with workspace packages and tsconfig paths', () => {
  const model = modelOf('monorepo');

  it('resolves workflowsPath to a workspace package source through its package.json', () => {
    expect(rel(model.root, model.workers[0]?.workflowsPath)).toBe('packages/workflows/src/index.ts');
  });

  it('walks into other packages through paths and exports', () => {
    expect(bundle(model)).toEqual(['packages/common/src/index.ts', 'packages/workflows/src/index.ts', 'packages/workflows/src/order.ts']);
    expect(chainOf(model, 'packages/common/src/index.ts')).toBe(
      'packages/worker/src/worker.ts (workflowsPath) → packages/workflows/src/index.ts → packages/workflows/src/order.ts → packages/common/src/index.ts',
    );
  });

  it('reads activities from a factory in another package', () => {
    const activities = model.workers[0]?.activities;
    expect(activities?.names.map((a) => a.name)).toEqual(['chargeCard', 'refund', 'ship']);
    expect(activities?.modules.map((m) => path.relative(model.root, m))).toEqual(['packages/activities/src/index.ts']);
    expect(model.fileInfo(path.join(model.root, 'packages/activities/src/index.ts')).has('activity')).toBe(true);
  });

  it('lists workflow types through export *', () => {
    expect(model.workflowTypes()?.map((t) => t.name)).toEqual(['processOrder']);
  });

  it('resolves modules like TypeScript', () => {
    const from = path.join(model.root, 'packages/worker/src/worker.ts');
    expect(rel(model.root, model.resolveModule(from, '@acme/common'))).toBe('packages/common/src/index.ts');
    expect(model.resolveModule(from, '@temporalio/worker')).toBeUndefined();
    expect(model.resolveModule(from, 'node:fs')).toBeUndefined();
  });
});

describe('barrels and re-exports', () => {
  const model = modelOf('barrels');
  const from = fixtureFile('barrels', 'src/workflows/a.ts');

  it('recognises Worker through a local barrel', () => {
    expect(model.workers).toHaveLength(1);
    expect(rel(model.root, model.workers[0]?.workflowsPath)).toBe('src/workflows/index.ts');
  });

  it('follows re-exports to their origin', () => {
    expect(model.resolveReExport(from, '../wf', 'nap')).toEqual({ source: '@temporalio/workflow', name: 'sleep' });
    expect(model.resolveReExport(from, '../wf', 'workflow')).toEqual({ source: '@temporalio/workflow', name: '*' });
    expect(model.resolveReExport(from, '../wf', 'condition')).toEqual({ source: '@temporalio/workflow', name: 'condition' });
    expect(model.resolveReExport(from, '../wf', 'uuid4')).toEqual({ source: '@temporalio/workflow', name: 'uuid4' });
    expect(model.resolveReExport(from, '../wf', 'localHelper')).toEqual({ source: fixtureFile('barrels', 'src/wf-more.ts'), name: 'localHelper' });
    expect(model.resolveReExport(from, '../wf-more', 'localHelper')).toBeUndefined();
    expect(model.resolveReExport(from, '../wf', 'missing')).toBeUndefined();
    expect(model.resolveReExport(from, '@temporalio/workflow', 'sleep')).toBeUndefined();
  });

  it('lists workflow types with their export keys and function names', () => {
    expect(model.workflowTypes()?.map((t) => [t.name, t.functionName, rel(model.root, t.file)])).toEqual([
      ['renamedB', 'b', 'src/workflows/b.ts'],
      ['a', 'a', 'src/workflows/a.ts'],
    ]);
  });

  it('includes every module the barrel re-exports', () => {
    expect(bundle(model)).toEqual(['src/wf-more.ts', 'src/wf.ts', 'src/workflows/a.ts', 'src/workflows/b.ts', 'src/workflows/index.ts']);
  });
});

describe('cycles', () => {
  it('terminates and keeps the shortest chain', () => {
    const model = modelOf('cycles');
    expect(bundle(model)).toEqual(['src/ping.ts', 'src/pong.ts', 'src/workflows.ts']);
    expect(chainOf(model, 'src/pong.ts')).toBe('src/worker.ts (workflowsPath) → src/workflows.ts → src/ping.ts → src/pong.ts');
  });
});

describe('missing workflowsPath', () => {
  const model = modelOf('missing-path');

  it('reports each problem and falls back to the conventions', () => {
    expect(model.workers.map((w) => w.workflowsPathProblem)).toEqual([
      '(src/does-not-exist) does not resolve to a source file',
      'workflowsPath could not be evaluated statically',
      '(/definitely/not/in/the/project/workflows.ts) does not resolve to a source file',
    ]);
    expect(model.diagnostics.map((d) => `${d.position?.line ?? 0}: ${d.message}`)).toEqual([
      '6: workflowsPath (src/does-not-exist) does not resolve to a source file',
      '7: workflowsPath could not be evaluated statically',
      '8: workflowsPath (/definitely/not/in/the/project/workflows.ts) does not resolve to a source file',
    ]);
    expect(model.discovered).toBe(false);
    const info = model.fileInfo(fixtureFile('missing-path', 'src/workflows.ts'));
    expect(info.roles.get('workflow')?.source).toBe('convention');
  });
});

describe('no worker: conventions', () => {
  const model = modelOf('no-worker');
  const roles = (file: string) => [...model.fileInfo(fixtureFile('no-worker', file)).roles.values()].map((r) => `${r.role}:${r.source}`);

  it('uses the naming conventions', () => {
    expect(model.discovered).toBe(false);
    expect(model.workers).toEqual([]);
    expect(roles('src/workflows/main.ts')).toEqual(['workflow:convention']);
    expect(roles('src/orders.workflow.ts')).toEqual(['workflow:convention']);
    expect(roles('src/activities.ts')).toEqual(['activity:convention']);
    expect(roles('src/helper.ts')).toEqual([]);
    expect(model.workflowTypes()).toBeUndefined();
  });

  it('applies conventions to files that do not exist on disk', () => {
    expect(roles('src/virtual/workflows.ts')).toEqual(['workflow:convention']);
  });
});

describe('explicit settings', () => {
  it('makes matching files and their imports workflow code', () => {
    const root = fixtureFile('no-worker', '');
    const model = modelOf('no-worker', { workflows: ['src/custom/**/*.ts'], activities: ['src/custom/jobs.ts'] }, root);
    expect(bundle(model)).toEqual(['src/custom/flow.ts', 'src/custom/jobs.ts', 'src/helper.ts']);
    const helper = model.fileInfo(path.join(root, 'src/helper.ts'));
    expect(helper.roles.get('workflow')).toEqual({ role: 'workflow', source: 'settings', chain: ['settings.temporalio.workflows', 'src/custom/flow.ts', 'src/helper.ts'] });
    expect(model.fileInfo(path.join(root, 'src/workflows/main.ts')).has('workflow')).toBe(false);
    expect(model.fileInfo(path.join(root, 'src/activities.ts')).has('activity')).toBe(false);
    expect(model.fileInfo(path.join(root, 'src/custom/jobs.ts')).roles.get('activity')?.source).toBe('settings');
    expect(model.fileInfo(path.join(root, 'src/custom/virtual.ts')).describe('workflow')).toBe('settings.temporalio.workflows → src/custom/virtual.ts');
  });

  it('matches globs relative to the cwd', () => {
    const model = modelOf('no-worker', { workflows: ['no-worker/src/orders.workflow.ts'] }, fixtureFile('no-worker', '..'));
    expect(bundle(model)).toEqual(['src/orders.workflow.ts']);
  });

  it('turns discovery off', () => {
    const model = modelOf('classic', { discovery: false });
    expect(model.workers).toEqual([]);
    expect(model.discovered).toBe(false);
    expect(model.fileInfo(fixtureFile('classic', 'src/workflows.ts')).roles.get('workflow')?.source).toBe('convention');
  });
});

describe('several workers in one repository', () => {
  const model = modelOf('multi-worker');

  it('finds each worker (ESM and CommonJS) with its task queue', () => {
    expect(model.workers.map((w) => [rel(model.root, w.position.file), w.taskQueue, rel(model.root, w.workflowsPath)])).toEqual([
      ['src/billing/worker.js', 'billing', 'src/billing/workflows.ts'],
      ['src/orders/worker.ts', 'orders', 'src/orders/workflows.ts'],
    ]);
  });

  it('merges the bundles and records which workers include a file', () => {
    const shared = model.bundleFiles().find((f) => f.file.endsWith('shared/money.ts'));
    expect(shared?.workers.sort()).toEqual([0, 1]);
    expect(shared?.chain).toEqual(['src/orders/worker.ts (workflowsPath)', 'src/orders/workflows.ts', 'src/shared/money.ts']);
    expect(model.ignoredModules(fixtureFile('multi-worker', 'src/billing/invoice.ts'))).toEqual(['stripe']);
    expect([...model.ignoredModules(fixtureFile('multi-worker', 'src/shared/money.ts'))].sort()).toEqual(['pg', 'stripe']);
    expect([...model.ignoredModules()].sort()).toEqual(['pg', 'stripe']);
  });
});

describe('activity registration forms', () => {
  const model = modelOf('activities-forms');
  const byQueue = (queue: string) => model.workers.find((w) => w.taskQueue === queue)?.activities;

  it('namespace import: exported functions only', () => {
    expect(byQueue('namespace')?.names.map((n) => n.name)).toEqual(['nsOne', 'nsTwo']);
  });

  it('object literal with spreads, shorthand, aliases and inline functions', () => {
    const literal = byQueue('literal');
    expect(literal?.names.map((n) => `${n.name}@${path.basename(n.file ?? '')}`)).toEqual([
      'namedOne@named.ts', 'second@named.ts', 'groupedOne@named.ts', 'groupedTwo@named.ts', 'inline@worker.ts', 'arrow@worker.ts',
    ]);
    expect(literal?.complete).toBe(true);
  });

  it('factory function returning an object', () => {
    expect(byQueue('factory')?.names.map((n) => n.name)).toEqual(['fromFactory']);
  });

  it('class instance: own fields registered, prototype methods marked', () => {
    const cls = byQueue('class');
    expect(cls?.names.map((n) => n.name)).toEqual(['greetField', 'assigned']);
    expect(cls?.classInstances.map((c) => [c.className, c.prototypeMethods])).toEqual([['GreetingActivities', ['protoMethod']]]);
  });

  it('unknown expressions are incomplete', () => {
    expect(byQueue('unknown')).toEqual({ names: [], complete: false, modules: [], classInstances: [] });
  });

  it('gives the defining modules the activity role', () => {
    expect(model.activityModules().map((m) => path.basename(m)).sort()).toEqual(['classes.ts', 'factory.ts', 'named.ts', 'namespace.ts', 'worker.ts']);
  });
});

describe('compiled paths mapped to sources', () => {
  const model = modelOf('lib-src');

  it('skips compiled output and maps lib/*.js to src/*.ts', () => {
    expect(model.workers.map((w) => [rel(model.root, w.position.file), rel(model.root, w.workflowsPath)])).toEqual([
      ['src/worker.ts', 'src/workflows.ts'],
      ['scripts/bundle.ts', 'src/workflows.ts'],
    ]);
    expect(bundle(model)).toEqual(['src/workflows.ts']);
  });

  it('does not take a worker from compiled output when that file is linted (the workers do not depend on lint order)', () => {
    const compiled = fixtureFile('lib-src', 'lib/worker.js');
    model.fileInfo(compiled, fs.readFileSync(compiled, 'utf8'));
    expect(model.workers.map((w) => rel(model.root, w.position.file))).toEqual(['src/worker.ts', 'scripts/bundle.ts']);
  });
});

describe('converters, interceptors, preload and ignored modules', () => {
  const model = modelOf('converters');
  const worker = model.workers[0];

  it('reads every root option', () => {
    expect(worker?.interceptorModules.map((f) => rel(model.root, f))).toEqual(['src/interceptors.ts']);
    expect(rel(model.root, worker?.payloadConverterPath)).toBe('src/payload-converter.ts');
    expect(rel(model.root, worker?.failureConverterPath)).toBe('src/failure-converter.ts');
    expect(worker?.ignoreModules).toEqual(['@lib/heavy', 'fs']);
    expect(worker?.preloadModules).toEqual(['src/preload']);
    expect(worker?.preloadFiles.map((f) => rel(model.root, f))).toEqual(['src/preload.ts']);
  });

  it('bundles all roots but not ignored modules', () => {
    expect(bundle(model)).toEqual([
      'src/codec-helper.ts', 'src/failure-converter.ts', 'src/interceptor-helper.ts', 'src/interceptors.ts',
      'src/payload-converter.ts', 'src/polyfill.ts', 'src/preload.ts', 'src/workflows.ts',
    ]);
    expect(chainOf(model, 'src/codec-helper.ts')).toBe('src/worker.ts (payloadConverterPath) → src/payload-converter.ts → src/codec-helper.ts');
  });

  it('marks preloaded modules', () => {
    expect(model.fileInfo(fixtureFile('converters', 'src/polyfill.ts')).isPreloaded).toBe(true);
    expect(model.fileInfo(fixtureFile('converters', 'src/workflows.ts')).isPreloaded).toBe(false);
    expect(model.fileInfo(fixtureFile('converters', 'src/workflows.ts')).isWorkflowEntry).toBe(true);
  });
});

describe('path forms', () => {
  it('evaluates every common way to write workflowsPath', () => {
    const model = modelOf('path-forms');
    const results = model.workers.map((w) => `${w.taskQueue ?? '?'}: ${rel(model.root, w.workflowsPath) ?? w.workflowsPathProblem ?? ''}`);
    expect(results).toEqual([
      'base: src/flows/index.ts',
      'resolve-relative: src/flows/index.ts',
      'create-require: src/flows/index.ts',
      'meta-dirname: src/flows/index.ts',
      'meta-filename: src/flows/index.ts',
      'concat: src/flows/index.ts',
      'template: src/flows/index.ts',
      'imported-const: src/flows/index.ts',
      'to-string: src/flows/index.ts',
      'string-call: src/flows/index.ts',
      'meta-resolve: src/flows/index.ts',
      'relative-string: src/flows/index.ts',
      'file-url: src/flows/index.ts',
      'filename: src/flows/index.ts',
    ]);
  });
});
