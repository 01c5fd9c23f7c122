import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelOf } from './helpers.js';

// Static evaluation of worker options (src/project/evaluate.ts) over fixtures/projects/eval-forms: each
// `Worker.create` there names its case in `taskQueue`.
describe('static evaluation edge forms', () => {
  const model = modelOf('eval-forms');
  const rel = (file: string): string => path.relative(model.root, file);
  const workers = model.workers.filter((w) => w.position.file.endsWith('/src/worker.ts'));

  it('evaluates workflowsPath where it can, and says so where it cannot', () => {
    const results = workers.map((w) => `${w.taskQueue ?? '?'}: ${w.workflowsPath ? rel(w.workflowsPath) : (w.workflowsPathProblem ?? '')}`);
    const unknown = 'workflowsPath could not be evaluated statically';
    expect(results).toEqual([
      'computed-member: src/flows/index.ts',
      `computed-dynamic: ${unknown}`,
      `template-unknown: ${unknown}`,
      `concat-unknown: ${unknown}`,
      `minus: ${unknown}`,
      `meta-other: ${unknown}`,
      'url-pathname: src/flows/index.ts',
      `url-unknown: ${unknown}`,
      `url-invalid: ${unknown}`,
      `url-empty: ${unknown}`,
      `not-url: ${unknown}`,
      `resolve-none: ${unknown}`,
      'resolve-file-url: (/nowhere/flows.ts) does not resolve to a source file',
      'resolve-package: names the package some-package, not a project file',
      `join-spread: ${unknown}`,
      `normalize-none: ${unknown}`,
      `dirname-none: ${unknown}`,
      `file-url-invalid: ${unknown}`,
      `file-url-unknown: ${unknown}`,
      'require-member: src/flows/index.ts',
      `require-dynamic: ${unknown}`,
      'dynamic-import: src/flows/index.ts',
      // a local function that shadows `path.join` is not evaluated
      `local-function: ${unknown}`,
      'let-binding: src/flows/index.ts',
      'reexported-member: src/flows/index.ts',
      'reexported-namespace: src/flows/index.ts',
      'reexported-const: src/flows/index.ts',
      // a member of a namespace that a barrel re-exports (`export * as values from './values'`)
      'namespace-const: src/flows/index.ts',
      `missing-const: ${unknown}`,
      'exported-let: src/flows/index.ts',
      'spread-unknown-inner: src/flows/index.ts',
      'computed-key: src/flows/index.ts',
      'spread-unknown: src/flows/index.ts',
      'arrays: src/flows/index.ts',
      'string-key: src/flows/index.ts',
      // members of constant objects and of namespace imports
      'object-member: src/flows/index.ts',
      'nested-member: src/flows/index.ts',
      'namespace-member: src/flows/index.ts',
      // `PARTIAL.flows` may come from the unknown spread after it; `PATHS.other` does not exist
      `member-unknown-spread: ${unknown}`,
      `member-missing: ${unknown}`,
      'queue-member: src/flows/index.ts',
      // members of a default-exported object
      'default-export: src/flows/index.ts',
    ]);
  });

  it('reads option keys past unknown spreads and computed keys, with string and numeric literal keys', () => {
    const byQueue = new Map(workers.map((w) => [w.taskQueue, w]));
    expect(byQueue.get('computed-key')?.optionKeys).toEqual(['taskQueue', 'workflowsPath']);
    expect(byQueue.get('spread-unknown')?.optionKeys).toEqual(['taskQueue', 'workflowsPath']);
    expect(byQueue.get('spread-unknown-inner')?.optionKeys).toEqual(['taskQueue', 'workflowsPath']);
    expect(byQueue.get('string-key')?.optionKeys).toEqual(['taskQueue', '42', 'workflowsPath']);
  });

  it('reads arrays with holes and spreads, and notes what it could not read', () => {
    const arrays = workers.find((w) => w.taskQueue === 'arrays');
    expect(arrays?.ignoreModules).toEqual(['a', 'fs', 'dns', 'b']);
    const notes = model.diagnostics.filter((d) => d.message.startsWith('ignoreModules') && d.position?.file.endsWith('/src/worker.ts')).map((d) => [d.message, d.position?.line]);
    expect(notes).toEqual([['ignoreModules could not be fully read statically', 62]]);
  });
});

// Activity registrations (src/project/activities.ts) and option discovery over src/activity-worker.ts of the same fixture.
describe('activity registrations and discovery edge forms', () => {
  const model = modelOf('eval-forms');
  const rel = (file: string | undefined): string => (file === undefined ? '-' : path.relative(model.root, file));
  const workers = model.workers.filter((w) => w.position.file.endsWith('/src/activity-worker.ts'));
  const activities = (taskQueue: string) => {
    const found = workers.find((w) => w.taskQueue === taskQueue)?.activities;
    return found && {
      names: found.names.map((n) => `${n.name} (${rel(n.file)})`),
      complete: found.complete,
      classes: found.classInstances.map((c) => `${c.className}: ${c.prototypeMethods.join(', ')}`),
    };
  };

  it('reads a namespace import: exported functions and package re-exports, not values, classes or the default', () => {
    expect(activities('namespace')).toEqual({ names: ['charge (src/acts.ts)', 'refund (src/acts.ts)', 'uuid (-)'], complete: true, classes: [] });
    expect(activities('namespace-star')).toEqual({ names: ['local (src/acts-star.ts)'], complete: false, classes: [] });
    expect(activities('namespace-package')).toEqual({ names: [], complete: false, classes: [] });
  });

  it('reads object literals: spreads, later keys replacing earlier ones, non-functions skipped, computed keys incomplete', () => {
    expect(activities('literal')).toEqual({
      names: ['one2 (src/acts.ts)', 'charge (src/acts.ts)', 'quoted-name (src/acts.ts)', 'one (src/acts.ts)'],
      complete: false,
      classes: [],
    });
  });

  it('reads factories and class instances, and says when it cannot', () => {
    expect(activities('factory')).toEqual({ names: ['inner (src/acts-classes.ts)', 'extra (src/acts-classes.ts)'], complete: false, classes: [] });
    const derived = { names: ['field (src/acts-classes.ts)', 'bound (src/acts-classes.ts)'], complete: false, classes: ['Derived: method'] };
    expect(activities('factory-instance')).toEqual(derived);
    expect(activities('instance')).toEqual(derived);
    expect(activities('instance-anonymous')).toEqual({ names: [], complete: true, classes: ['(anonymous class): run'] });
    for (const unknown of ['factory-unknown', 'factory-empty', 'instance-unknown', 'unknown', 'other-expression']) {
      expect(activities(unknown), unknown).toEqual({ names: [], complete: false, classes: [] });
    }
  });

  it('reads error types, preload modules and option keys, and notes what it cannot read', () => {
    const discovery = workers.find((w) => w.taskQueue === 'discovery');
    expect(discovery?.workflowFailureErrorTypes).toEqual(['PaymentError', 'Named', 'TypeError']);
    expect(discovery?.preloadModules).toEqual(['src/flows', 'some-polyfill']);
    expect(discovery?.preloadFiles.map(rel)).toEqual(['src/flows/index.ts']);
    expect(workers.find((w) => w.taskQueue === 'error-types-unknown')?.workflowFailureErrorTypes).toBeUndefined();
    expect(workers.find((w) => w.taskQueue === 'spread')?.optionKeys).toEqual(['taskQueue']);
    expect(workers.find((w) => w.taskQueue === 'computed-create')?.kind).toBe('Worker.create');
    const notes = model.diagnostics.filter((d) => d.position?.file.endsWith('/src/activity-worker.ts')).map((d) => [d.message, d.position?.line]);
    expect(notes).toEqual([
      ['Worker.create options could not be read statically', 31],
      ['ignoreModules could not be fully read statically', 38],
      ['webpackConfigHook can change the bundle in ways the linter does not model', 39],
      ['workflowInterceptorModules could not be read statically', 42],
    ]);
  });
});
