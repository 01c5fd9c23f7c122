import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, chainOf, modelOf } from './helpers.js';

describe('classic single package', () => {
  const model = modelOf('classic');
  const file = (rel: string) => path.join(model.root, rel);

  it('finds the worker, the test worker and the replayer', () => {
    expect(model.workers.map((w) => `${path.relative(model.root, w.position.file)}:${w.position.line} ${w.kind}`)).toEqual([
      'src/worker.ts:7 Worker.create',
      'scripts/replay.ts:4 Worker.runReplayHistories',
      'src/mocha/workflows.test.ts:6 Worker.create',
    ]);
    const worker = model.workers[0];
    expect(worker?.taskQueue).toBe('hello-world');
    expect(worker?.workflowsPath).toBe(file('src/workflows.ts'));
    expect(worker?.workflowFailureErrorTypes).toEqual(['InvalidInputError', 'TypeError']);
    expect(worker?.optionKeys).toEqual(['connection', 'namespace', 'taskQueue', 'workflowsPath', 'activities', 'workflowFailureErrorTypes']);
    expect(model.discovered).toBe(true);
    expect(model.diagnostics).toEqual([]);
  });

  it('walks the bundle through three hops, not through type-only imports', () => {
    expect(bundle(model)).toEqual(['src/utils/deep.ts', 'src/utils/format.ts', 'src/utils/ids.ts', 'src/workflows.ts']);
    expect(chainOf(model, 'src/utils/deep.ts')).toBe(
      'src/worker.ts (workflowsPath) → src/workflows.ts → src/utils/ids.ts → src/utils/format.ts → src/utils/deep.ts',
    );
  });

  it('gives every file its roles', () => {
    const roles = (rel: string) => [...model.fileInfo(file(rel)).roles.keys()].sort();
    expect(roles('src/workflows.ts')).toEqual(['workflow']);
    expect(roles('src/activities.ts')).toEqual(['activity']);
    expect(roles('src/worker.ts')).toEqual(['worker']);
    expect(roles('src/client.ts')).toEqual(['client']);
    expect(roles('src/shared.ts')).toEqual([]);
    expect(roles('src/mocha/workflows.test.ts')).toEqual(['test', 'worker']);
    expect(model.fileInfo(file('src/workflows.ts')).isWorkflowEntry).toBe(true);
    expect(model.fileInfo(file('src/utils/ids.ts')).isWorkflowEntry).toBe(false);
    expect(model.fileInfo(file('src/activities.ts')).describe('activity')).toBe('src/worker.ts (activities) → src/activities.ts');
  });

  it('registers the namespace activities (functions only)', () => {
    const names = model.workers[0]?.activities?.names.map((a) => a.name);
    expect(names).toEqual(['greet', 'farewell']);
    expect(model.workers[0]?.activities?.complete).toBe(true);
  });

  it('lists workflow types by export key', () => {
    expect(model.workflowTypes()?.map((t) => `${t.name}:${t.functionName ?? ''}`)).toEqual([
      'example:example',
      'arrowWorkflow:arrowWorkflow',
      'aliasedExample:example',
    ]);
  });
});
