import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { explain } from '../../src/project/explain.js';
import { clearProjectModels } from '../../src/project/index.js';
import { fixtureFile, PROJECTS } from './helpers.js';

function run(args: string[], cwd = PROJECTS): { code: number; out: string; err: string } {
  clearProjectModels();
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('explain', () => {
  it('prints workers, the bundle with chains, activities and one file', () => {
    const { code, out } = run(['explain', 'classic/src/utils/format.ts']);
    expect(code).toBe(0);
    expect(out).toContain(`Project root: ${fixtureFile('classic', '')}`);
    expect(out).toContain('  src/worker.ts:7  Worker.create\n      task queue: hello-world\n      workflowsPath: src/workflows.ts');
    expect(out).toContain('      activities: greet, farewell');
    expect(out).toContain('Workflow bundle (4 files):');
    expect(out).toContain('  src/utils/format.ts\n      src/worker.ts (workflowsPath) → src/workflows.ts → src/utils/ids.ts → src/utils/format.ts');
    expect(out).toContain('Workflow types: example, arrowWorkflow, aliasedExample (function example)');
    expect(out).toContain('Activity modules (1):\n  src/activities.ts');
    expect(out).toContain('File: src/utils/format.ts\n  workflow (discovery): src/worker.ts (workflowsPath) → src/workflows.ts → src/utils/ids.ts → src/utils/format.ts');
  });

  it('shows diagnostics and the conventions fallback', () => {
    const out = explain({ cwd: PROJECTS, root: 'missing-path', file: 'missing-path/src/workflows.ts' });
    expect(out).toContain('workflowsPath: problem: (src/does-not-exist) does not resolve to a source file');
    expect(out).toContain('Workflow bundle: no workflow roots found; the naming conventions decide');
    expect(out).toContain('  src/worker.ts:6:62  workflowsPath (src/does-not-exist) does not resolve to a source file');
    expect(out).toContain('  workflow (convention): src/workflows.ts (naming convention)');
  });

  it('explains converters, preload and ignored modules, and class activities', () => {
    const converters = explain({ cwd: PROJECTS, file: 'converters/src/polyfill.ts' });
    expect(converters).toContain('ignoreModules: @lib/heavy, fs');
    expect(converters).toContain('Preloaded modules (run without a workflow activator): src/preload');
    expect(converters).toContain('  preloaded: its module scope runs once, without a workflow activator');
    const forms = explain({ cwd: PROJECTS, root: 'activities-forms' });
    expect(forms).toContain('not registered (prototype methods of GreetingActivities): protoMethod');
    expect(forms).toContain('activities: (none) (incomplete: some registrations could not be read)');
  });

  it('handles files without roles and files that do not exist', () => {
    expect(explain({ cwd: PROJECTS, file: 'classic/src/standalone.ts' })).toContain('no Temporal role');
    expect(explain({ cwd: PROJECTS, file: 'classic/src/nope/workflows.ts' })).toContain('(does not exist: conventions apply)');
  });

  it('applies --settings', () => {
    const { out } = run(['explain', '--root', '.', '--settings', '{"workflows":["src/custom/*.ts"]}'], path.join(PROJECTS, 'no-worker'));
    expect(out).toContain('settings.temporalio.workflows → src/custom/flow.ts → src/helper.ts');
  });

  it('reports usage errors', () => {
    expect(run([]).code).toBe(2);
    expect(run(['--help']).code).toBe(0);
    expect(run(['explain', '--help']).out).toContain('Usage:');
    expect(run(['lint']).err).toContain('unknown command lint');
    expect(run(['explain', '--root']).err).toContain('--root needs a value');
    expect(run(['explain', '--settings', '{']).err).toContain('--settings must be JSON');
    expect(run(['explain', '--bogus']).err).toContain('unknown option --bogus');
    expect(run(['explain', 'a', 'b']).err).toContain('unexpected argument b');
    const bad = run(['explain', '--settings', '{"workflow":[]}']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('settings.temporalio.workflow is not a known setting');
  });

  it('never crashes on a folder that is not a project', () => {
    const { code, out } = run(['explain', '--root', '/nonexistent/folder']);
    expect(code).toBe(0);
    expect(out).toContain('Workers (0):');
  });
});
