import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modelFor, REVALIDATE_MS } from '../../src/project/cache.js';
import { clearProjectModels, conventionModel, getFileInfo, getProjectModel, getTemporalSettings, parseTemporalSettings } from '../../src/project/index.js';
import { overrideOptional } from '../../src/project/load.js';
import { availableParser } from '../../src/project/parse.js';
import { bundle, copyFixture, fixtureFile, modelOf } from './helpers.js';

const temps: string[] = [];
function temp(name: string): string {
  const dir = copyFixture(name);
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  clearProjectModels();
});

/** A minimal rule context, as ESLint passes it. */
function contextFor(filename: string, text: string, settings: Record<string, unknown> = {}, cwd = path.dirname(filename)) {
  return { filename, cwd, settings, sourceCode: { text } } as unknown as Parameters<typeof getProjectModel>[0];
}

describe('file-system hazards', () => {
  it('survives symlink loops and ignores links that leave the root', () => {
    const dir = temp('cycles');
    fs.symlinkSync(path.join(dir, 'src'), path.join(dir, 'src', 'loop'));
    fs.symlinkSync('/', path.join(dir, 'src', 'escape'));
    fs.symlinkSync(path.join(dir, 'src', 'missing-target'), path.join(dir, 'src', 'dangling.ts'));
    const model = modelFor(dir, dir, parseTemporalSettings({})).model;
    expect(bundle(model)).toEqual(['src/ping.ts', 'src/pong.ts', 'src/workflows.ts']);
  });

  it('reports a workflowsPath outside the root', () => {
    const dir = temp('cycles');
    const outside = temp('no-worker');
    fs.symlinkSync(path.join(outside, 'src'), path.join(dir, 'src', 'linked'));
    fs.writeFileSync(
      path.join(dir, 'src', 'worker.ts'),
      `import { Worker } from '@temporalio/worker';\nexport const run = () => Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./linked/helper') });\n`,
    );
    const model = modelFor(dir, dir, parseTemporalSettings({})).model;
    expect(model.workers[0]?.workflowsPathProblem).toMatch(/^resolves outside the project root/);
    expect(model.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^workflowsPath resolves outside the project root/)]);
  });

  it('skips files over 2 MB with a diagnostic', () => {
    const dir = temp('cycles');
    fs.writeFileSync(path.join(dir, 'src', 'ping.ts'), `export const big = '${'x'.repeat(2 * 1024 * 1024)}';\n`);
    const model = modelFor(dir, dir, parseTemporalSettings({})).model;
    expect(bundle(model)).toEqual(['src/ping.ts', 'src/workflows.ts']);
    expect(model.diagnostics.map((d) => d.message)).toEqual(['src/ping.ts: larger than 2 MB, not read']);
  });

  it('reads garbage without throwing', () => {
    const dir = temp('cycles');
    fs.writeFileSync(path.join(dir, 'src', 'worker.ts'), 'import { Worker } from "@temporalio/worker"; Worker.create({ workflowsPath: require.resolve("./workflows"), )))');
    fs.writeFileSync(path.join(dir, 'src', 'ping.ts'), '`unterminated ${ import "./pong"');
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{ not json');
    fs.writeFileSync(path.join(dir, 'package.json'), '[1,');
    const model = modelFor(dir, dir, parseTemporalSettings({})).model;
    expect(model.workers).toEqual([]);
    expect(model.fileInfo(path.join(dir, 'src', 'workflows.ts')).has('workflow')).toBe(true);
  });
});

describe('workspace packages without tsconfig paths', () => {
  it('resolves packages by workspace name, package exports and node_modules symlinks', () => {
    const dir = temp('monorepo');
    fs.writeFileSync(path.join(dir, 'tsconfig.base.json'), '{}');
    fs.mkdirSync(path.join(dir, 'tools', 'shared', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tools', 'shared', 'package.json'), '{ "name": "@acme/tools", "exports": { "./*": "./lib/*.js" } }');
    fs.writeFileSync(path.join(dir, 'tools', 'shared', 'src', 'format.ts'), 'export const fmt = (s: string): string => s;\n');
    fs.mkdirSync(path.join(dir, 'node_modules', '@acme'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'tools', 'shared'), path.join(dir, 'node_modules', '@acme', 'tools'));
    const order = path.join(dir, 'packages', 'workflows', 'src', 'order.ts');
    fs.writeFileSync(order, `import { formatOrder } from '@acme/common';\nimport { fmt } from '@acme/tools/format';\nexport async function processOrder(id: string): Promise<string> {\n  return fmt(formatOrder(id));\n}\n`);
    const model = modelFor(dir, dir, parseTemporalSettings({})).model;
    expect(bundle(model)).toEqual([
      'packages/common/src/index.ts', 'packages/workflows/src/index.ts', 'packages/workflows/src/order.ts', 'tools/shared/src/format.ts',
    ]);
  });
});

describe('revalidation and editor text', () => {
  it('rebuilds when a file of the model changes on disk', () => {
    const dir = temp('cycles');
    const settings = parseTemporalSettings({});
    const first = modelFor(dir, dir, settings, 0);
    expect(modelFor(dir, dir, settings, 10)).toBe(first);
    const pong = path.join(dir, 'src', 'pong.ts');
    fs.writeFileSync(pong, 'export function pong(n: number): number { return n; }\n');
    fs.utimesSync(pong, new Date(), new Date(Date.now() + 5000));
    expect(modelFor(dir, dir, settings, 20)).toBe(first);
    const rebuilt = modelFor(dir, dir, settings, 20 + REVALIDATE_MS);
    expect(rebuilt).not.toBe(first);
    expect(modelFor(dir, dir, settings, 30 + 2 * REVALIDATE_MS)).toBe(rebuilt);
  });

  it('uses the unsaved text of the linted file', () => {
    const dir = temp('cycles');
    const workflows = path.join(dir, 'src', 'workflows.ts');
    const original = fs.readFileSync(workflows, 'utf8');
    const helper = path.join(dir, 'src', 'extra.ts');
    fs.writeFileSync(helper, 'export const extra = 1;\n');
    const ctx = (file: string, text: string) => contextFor(file, text, {}, dir);
    expect(getFileInfo(ctx(helper, 'export const extra = 1;\n')).has('workflow')).toBe(false);
    const edited = `import { extra } from './extra';\n${original}\nexport const x = extra;\n`;
    expect(getFileInfo(ctx(workflows, edited)).has('workflow')).toBe(true);
    expect(getFileInfo(ctx(helper, 'export const extra = 1;\n')).describe('workflow')).toBe('src/worker.ts (workflowsPath) → src/workflows.ts → src/extra.ts');
  });

  it('notices a new worker file opened in the editor', () => {
    const dir = temp('no-worker');
    const worker = path.join(dir, 'src', 'worker.ts');
    const text = `import { Worker } from '@temporalio/worker';\nexport const run = () => Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./custom/flow') });\n`;
    fs.writeFileSync(worker, '');
    expect(getProjectModel(contextFor(worker, '', {}, dir)).discovered).toBe(false);
    const info = getFileInfo(contextFor(worker, text, {}, dir));
    expect(info.roles.get('worker')?.source).toBe('discovery');
    const helper = getFileInfo(contextFor(path.join(dir, 'src', 'helper.ts'), 'export const helper = (): number => 1;\n', {}, dir));
    expect(helper.describe('workflow')).toBe('src/worker.ts (workflowsPath) → src/custom/flow.ts → src/helper.ts');
  });
});

describe('rule-facing entry points', () => {
  it('finds the workspace root for a file in a package', () => {
    const file = fixtureFile('monorepo', 'packages/workflows/src/order.ts');
    const model = getProjectModel(contextFor(file, fs.readFileSync(file, 'utf8')));
    expect(model.root).toBe(fixtureFile('monorepo', ''));
    expect(getFileInfo(contextFor(file, fs.readFileSync(file, 'utf8'))).has('workflow')).toBe(true);
  });

  it('applies conventions to virtual files', () => {
    const info = getFileInfo(contextFor(fixtureFile('classic', 'src/other/workflows.ts'), 'export {}'));
    expect(info.roles.get('workflow')?.source).toBe('convention');
    expect(getFileInfo(contextFor(fixtureFile('classic', 'src/activities2.ts'), `import { log } from '@temporalio/activity';`)).roles.get('activity')?.source).toBe('import');
  });

  it('validates settings with an error naming the key', () => {
    const file = fixtureFile('classic', 'src/workflows.ts');
    expect(() => getProjectModel(contextFor(file, '', { temporalio: { workflows: 'src/**' } }))).toThrow(
      'eslint-plugin-temporalio: settings.temporalio.workflows must be an array of glob strings.',
    );
    expect(() => parseTemporalSettings({ workflow: [] })).toThrow(/settings\.temporalio\.workflow is not a known setting/);
    expect(() => parseTemporalSettings({ discovery: 'no' })).toThrow('settings.temporalio.discovery must be a boolean.');
    expect(() => parseTemporalSettings({ root: '' })).toThrow('settings.temporalio.root must be a non-empty string.');
    expect(() => parseTemporalSettings({ ioModules: [1] })).toThrow('settings.temporalio.ioModules must be an array of package names.');
    expect(() => parseTemporalSettings([])).toThrow('settings.temporalio must be an object.');
    expect(getTemporalSettings(contextFor(file, '', { temporalio: { ioModules: ['ioredis'] } }))).toEqual({ discovery: true, ioModules: ['ioredis'] });
  });

  it('honours settings.root', () => {
    const file = fixtureFile('monorepo', 'packages/common/src/index.ts');
    const model = getProjectModel(contextFor(file, '', { temporalio: { root: 'packages/common' } }, fixtureFile('monorepo', '')));
    expect(model.root).toBe(fixtureFile('monorepo', 'packages/common'));
  });
});

describe('the conventions-only fallback model', () => {
  it('answers from file names and imports only', () => {
    const model = conventionModel('/p', parseTemporalSettings({}));
    const roles = (file: string, text?: string) => [...model.fileInfo(file, text).roles.keys()];
    expect(roles('/p/src/workflows.ts')).toEqual(['workflow']);
    expect(roles('/p/src/activities/a.ts')).toEqual(['activity']);
    expect(roles('/p/src/a.ts', "import '@temporalio/activity'; import '@temporalio/worker'; import '@temporalio/client'")).toEqual(['activity', 'worker', 'client']);
    expect(roles('/p/src/workflows.test.ts', "import '@temporalio/testing'")).toEqual(['test']);
    expect(model.fileInfo('/p/src/workflows.ts').describe('workflow')).toBe('src/workflows.ts (naming convention)');
    expect([model.workflowTypes(), model.resolveReExport('/p/a.ts', './b', 'c'), model.resolveModule('/p/a.ts', './b')]).toEqual([undefined, undefined, undefined]);
    expect([model.bundleFiles(), model.activityModules(), model.ignoredModules()]).toEqual([[], [], []]);
    expect([model.importsOf('/p/a.ts'), model.getAst('/p/a.ts'), model.getModuleExportNode('/p/a.ts', 'x'), model.getTopLevelConst('/p/a.ts', 'x')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('cross-file lookups', () => {
  const model = modelOf('classic');
  const file = (rel: string) => fixtureFile('classic', rel);

  it('returns constants of other files', () => {
    const exported = model.getModuleExportNode(file('src/shared.ts'), 'TASK_QUEUE');
    expect(exported?.name).toBe('TASK_QUEUE');
    expect(exported?.node).toMatchObject({ type: 'Literal', value: 'hello-world' });
    const viaImport = model.getTopLevelConst(file('src/client.ts'), 'TASK_QUEUE');
    expect(viaImport?.file).toBe(file('src/shared.ts'));
    expect(model.getTopLevelConst(file('src/workflows.ts'), 'notAWorkflow')?.node).toMatchObject({ type: 'Literal', value: 42 });
    expect(model.getModuleExportNode(file('src/shared.ts'), 'GreetInput')).toBeUndefined();
    expect(model.getAst(file('src/shared.ts'))?.body).toHaveLength(2);
  });

  it('returns an `export default` expression, not a default function', () => {
    const forms = modelOf('eval-forms');
    const config = fixtureFile('eval-forms', 'src/config.ts');
    expect(forms.getModuleExportNode(config, 'default')).toMatchObject({ file: config, name: 'default', node: { type: 'TSAsExpression' } });
    expect(forms.getModuleExportNode(fixtureFile('eval-forms', 'src/acts.ts'), 'default')).toBeUndefined();
    const functions = modelOf('project-functions');
    expect(functions.getModuleExportNode(fixtureFile('project-functions', 'src/acts/direct.ts'), 'default')).toBeUndefined();
  });

  it('lists module requests with resolution', () => {
    expect(model.importsOf(file('src/workflows.ts'))?.map((r) => [r.specifier, r.typeOnly, r.resolved && path.basename(r.resolved), r.packageName])).toEqual([
      ['@temporalio/workflow', false, undefined, '@temporalio/workflow'],
      ['./activities', true, 'activities.ts', undefined],
      ['./shared', true, 'shared.ts', undefined],
      ['./utils/ids', false, 'ids.ts', undefined],
    ]);
    expect(model.importsOf(file('src/nope.ts'))).toBeUndefined();
  });
});

describe('without TypeScript', () => {
  it('falls back to espree for JavaScript and to conventions for TypeScript workers', () => {
    overrideOptional('@typescript-eslint/typescript-estree', null);
    overrideOptional('typescript', null);
    try {
      expect(availableParser()).toBe('espree');
      const model = modelOf('multi-worker');
      expect(model.workers.map((w) => w.taskQueue)).toEqual(['billing']);
      expect(bundle(model)).toEqual(['src/billing/invoice.ts', 'src/billing/workflows.ts', 'src/shared/money.ts']);
    } finally {
      overrideOptional('@typescript-eslint/typescript-estree', undefined);
      overrideOptional('typescript', undefined);
    }
  });
});
