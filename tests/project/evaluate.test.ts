import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelOf } from './helpers.js';

// Static evaluation of worker options (src/project/evaluate.ts) over fixtures/projects/eval-forms: each
// `Worker.create` there names its case in `taskQueue`.
describe('static evaluation edge forms', () => {
  const model = modelOf('eval-forms');
  const rel = (file: string): string => path.relative(model.root, file);

  it('evaluates workflowsPath where it can, and says so where it cannot', () => {
    const results = model.workers.map((w) => `${w.taskQueue ?? '?'}: ${w.workflowsPath ? rel(w.workflowsPath) : (w.workflowsPathProblem ?? '')}`);
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
      // a member of a re-exported project namespace is not followed
      `namespace-const: ${unknown}`,
      `missing-const: ${unknown}`,
      'exported-let: src/flows/index.ts',
      'spread-unknown-inner: src/flows/index.ts',
      'computed-key: src/flows/index.ts',
      'spread-unknown: src/flows/index.ts',
      'arrays: src/flows/index.ts',
      'string-key: src/flows/index.ts',
    ]);
  });

  it('reads option keys past unknown spreads and computed keys, with string and numeric literal keys', () => {
    const byQueue = new Map(model.workers.map((w) => [w.taskQueue, w]));
    expect(byQueue.get('computed-key')?.optionKeys).toEqual(['taskQueue', 'workflowsPath']);
    expect(byQueue.get('spread-unknown')?.optionKeys).toEqual(['taskQueue', 'workflowsPath']);
    expect(byQueue.get('spread-unknown-inner')?.optionKeys).toEqual(['taskQueue', 'workflowsPath']);
    expect(byQueue.get('string-key')?.optionKeys).toEqual(['taskQueue', '42', 'workflowsPath']);
  });

  it('reads arrays with holes and spreads, and notes what it could not read', () => {
    const arrays = model.workers.find((w) => w.taskQueue === 'arrays');
    expect(arrays?.ignoreModules).toEqual(['a', 'fs', 'dns', 'b']);
    const notes = model.diagnostics.filter((d) => d.message.startsWith('ignoreModules')).map((d) => [d.message, d.position?.line]);
    expect(notes).toEqual([['ignoreModules could not be fully read statically', 56]]);
  });
});
