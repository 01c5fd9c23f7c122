// What the model shares across the files of one lint: bundles walked once per distinct set of roots, activities of a
// namespace read once, ESLint's parse of a linted file reused, export origins read from the scan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { clearProjectModels, getFileInfo, getProjectModel, getProjectModelForRoot, parseTemporalSettings } from '../../src/project/index.js';
import type { ProjectModel } from '../../src/project/types.js';
import plugin from '../../src/index.js';
import { ActivityCode } from '../../src/utils/activity-code.js';
import { createContractContext, pollingWorkers, pollingWorkersOf, workflowTypeScope } from '../../src/utils/contracts.js';
import { ProjectFunctions } from '../../src/utils/project-functions.js';
import { fileResolver } from '../../src/utils/references.js';
import { mayUseTemporal } from '../../src/utils/temporal-options.js';
import { getWorkflowCodeContext } from '../../src/utils/workflow-code.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  clearProjectModels();
});

function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-sharing-')));
  temps.push(dir);
  const all = { 'package.json': '{ "name": "app", "private": true }', ...files };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function modelAt(dir: string): ProjectModel {
  clearProjectModels();
  return getProjectModelForRoot(dir, dir, parseTemporalSettings({}));
}

const WORKER = (queue: string, workflows = './workflows', activities = './activities') => `import { Worker } from '@temporalio/worker';
import * as activities from '${activities}';
export async function run() {
  const worker = await Worker.create({ taskQueue: '${queue}', workflowsPath: require.resolve('${workflows}'), activities });
  await worker.run();
}
`;

const APP = {
  'src/worker.ts': WORKER('main'),
  'src/test/a.test.ts': WORKER('test-a', '../workflows', '../activities'),
  'src/test/b.test.ts': WORKER('test-b', '../workflows', '../activities'),
  'src/workflows/index.ts': "export * from './order';\nexport * from './refund';\n",
  'src/workflows/order.ts': "import { proxyActivities } from '@temporalio/workflow';\nimport { total } from '../shared/math';\nexport async function order(): Promise<number> { return total([1]); }\n",
  'src/workflows/refund.ts': 'export async function refund(): Promise<void> {}\n',
  'src/shared/math.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n',
  'src/activities/index.ts': "export * from './charge';\nexport * from './notify';\nexport { helper as renamed } from './notify';\nexport * from 'some-package';\n",
  'src/activities/charge.ts': 'export async function charge(): Promise<void> {}\n',
  'src/activities/notify.ts': 'export const notify = async (): Promise<void> => {};\nexport function helper(): void {}\n',
};

describe('workers with the same roots', () => {
  it('walks the bundle once and records every worker on each file, with the production chain', () => {
    const dir = project(APP);
    const model = modelAt(dir);
    expect(model.workers.map((w) => path.relative(dir, w.position.file)).sort()).toEqual(['src/test/a.test.ts', 'src/test/b.test.ts', 'src/worker.ts']);
    for (const rel of ['src/workflows/index.ts', 'src/workflows/order.ts', 'src/shared/math.ts']) {
      const entry = model.bundleFile(path.join(dir, rel));
      expect(entry?.workers.slice().sort()).toEqual([0, 1, 2]);
    }
    expect(model.fileInfo(path.join(dir, 'src/shared/math.ts')).describe('workflow')).toBe(
      'src/worker.ts (workflowsPath) → src/workflows/index.ts → src/workflows/order.ts → src/shared/math.ts',
    );
    expect(model.bundleFile(path.join(dir, 'src/activities/charge.ts'))).toBeUndefined();
    expect(model.bundleFiles()).toBe(model.bundleFiles());
    expect(model.workers).toBe(model.workers);
  });

  it('records each file of two interleaved bundles with its workers in index order, one shared list per bundle', () => {
    const alt = (queue: string) =>
      WORKER(queue, '../alt', '../activities').replace("activities });", "activities, bundlerOptions: { ignoreModules: ['dns'] } });");
    const dir = project({
      ...APP,
      'src/test/a.test.ts': alt('test-a'),
      'src/test/c.test.ts': alt('test-c'),
      'src/alt/index.ts': "import { total } from '../shared/math';\nexport async function alt(): Promise<number> { return total([2]); }\n",
    });
    const model = modelAt(dir);
    const index = (rel: string) => model.workers.findIndex((w) => w.position.file === path.join(dir, rel));
    const [worker, a, b, c] = ['src/worker.ts', 'src/test/a.test.ts', 'src/test/b.test.ts', 'src/test/c.test.ts'].map(index);
    // production first, then the tests in walk order: the two bundles' workers interleave (0, 2 and 1, 3)
    expect([worker, a, b, c]).toEqual([0, 1, 2, 3]);
    const workersOf = (rel: string) => model.bundleFile(path.join(dir, rel))?.workers;
    expect(workersOf('src/shared/math.ts')).toEqual([0, 1, 2, 3]);
    expect(workersOf('src/workflows/order.ts')).toEqual([0, 2]);
    expect(workersOf('src/alt/index.ts')).toEqual([1, 3]);
    expect(workersOf('src/workflows/refund.ts')).toBe(workersOf('src/workflows/order.ts'));
    expect(model.ignoredModules(path.join(dir, 'src/workflows/order.ts'))).toEqual([]);
    expect(model.ignoredModules(path.join(dir, 'src/alt/index.ts'))).toEqual(['dns']);
    expect(model.ignoredModules(path.join(dir, 'src/shared/math.ts'))).toEqual(['dns']);
    expect(model.ignoredModules()).toEqual(['dns']);
    // the shortest chain shows, from the first worker of its bundle
    expect(model.fileInfo(path.join(dir, 'src/shared/math.ts')).describe('workflow')).toBe(
      `${model.workers[Math.min(a ?? -1, c ?? -1)]?.position.file.slice(dir.length + 1)} (workflowsPath) → src/alt/index.ts → src/shared/math.ts`,
    );
  });

  it('gives every worker that registers the same namespace its activities', () => {
    const model = modelAt(project(APP));
    for (const worker of model.workers) {
      expect(worker.activities?.names.map((n) => n.name).sort()).toEqual(['charge', 'helper', 'notify', 'renamed']);
      expect(worker.activities?.complete).toBe(false);
    }
    const closed = modelAt(project({ ...APP, 'src/activities/index.ts': "export * from './charge';\nexport * from './notify';\n" }));
    expect(closed.workers.map((w) => w.activities?.complete)).toEqual([true, true, true]);
    expect(closed.workers[2]?.activities?.names.map((n) => n.name).sort()).toEqual(['charge', 'helper', 'notify']);
  });
});

describe('export origins from the scan', () => {
  it('finds the declaring module through barrels, and knows what is not exported', () => {
    const dir = project(APP);
    const model = modelAt(dir);
    const barrel = path.join(dir, 'src/activities/index.ts');
    expect(model.exportOrigin(barrel, 'charge')).toEqual({ file: path.join(dir, 'src/activities/charge.ts'), local: 'charge' });
    expect(model.exportOrigin(barrel, 'renamed')).toEqual({ file: path.join(dir, 'src/activities/notify.ts'), local: 'helper' });
    expect(model.exportOrigin(barrel, 'missing')).toBeNull();
    expect(model.exportOrigin(path.join(dir, 'src/nope.ts'), 'x')).toBeUndefined();
  });

  it('lets the activity analyser read only the declaring module of a barrel export', () => {
    const dir = project(APP);
    const model = modelAt(dir);
    const functions = ProjectFunctions.for(model);
    const barrel = path.join(dir, 'src/activities/index.ts');
    expect(functions.exportedFunction(barrel, 'notify')?.file).toBe(path.join(dir, 'src/activities/notify.ts'));
    expect(functions.exportedFunction(barrel, 'renamed')?.fn.type).toBe('FunctionDeclaration');
    expect(functions.exportedFunction(barrel, 'missing')).toBeUndefined();
    expect(functions.exportedFunction(barrel, 'default')).toBeUndefined();
  });
});

describe("reusing ESLint's parse", () => {
  function lint(file: string, text: string, parser: Linter.Parser | undefined, check: (context: Parameters<typeof getFileInfo>[0]) => void): void {
    const linter = new Linter({ cwd: path.dirname(file) });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        ...(parser ? { languageOptions: { parser } } : {}),
        plugins: { t: { rules: { probe: { create: (context) => (check(context as never), {}) } } } },
        rules: { 't/probe': 'error' },
      },
    ];
    const messages = linter.verify(text, config, file);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  }

  it("takes the linted file's tree when the model read the same text", () => {
    const dir = project(APP);
    const file = path.join(dir, 'src/activities/charge.ts');
    let shared = false;
    lint(file, APP['src/activities/charge.ts'], tseslint.parser, (context) => {
      const info = getFileInfo(context);
      expect(getFileInfo(context)).toBe(info);
      const model = getProjectModel(context);
      expect(getProjectModel(context)).toBe(model);
      shared = model.getAst(file) === context.sourceCode.ast;
    });
    expect(shared).toBe(true);
  });

  it('parses itself after a parser it does not know', () => {
    const dir = project(APP);
    const file = path.join(dir, 'src/activities/charge.ts');
    const foreign = {
      meta: { name: 'some-other-parser' },
      parseForESLint: (code: string, options: object) => (tseslint.parser.parseForESLint as (code: string, options: object) => unknown)(code, options),
    } as unknown as Linter.Parser;
    let ast: unknown;
    lint(file, APP['src/activities/charge.ts'], foreign, (context) => {
      getFileInfo(context);
      ast = getProjectModel(context).getAst(file);
      expect(ast).not.toBe(context.sourceCode.ast);
    });
    expect(ast).toMatchObject({ type: 'Program' });
  });

  it("keeps the adopted tree but nothing else of a finished lint (its SourceCode, tokens, scopes, parser services)", async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const dir = project(APP);
    const first = path.join(dir, 'src/activities/charge.ts');
    let sourceCode: WeakRef<object> | undefined;
    let tree: unknown;
    let model: ProjectModel | undefined;
    // What the rules memoise per linted file: the model's roles, the shared resolver, the activity analysis, the
    // workflow-code context and the options gate.
    const probe = (context: Parameters<typeof getFileInfo>[0]): void => {
      getFileInfo(context);
      fileResolver(context.sourceCode, context.filename, getProjectModel(context));
      ActivityCode.for(context.sourceCode);
      getWorkflowCodeContext(context);
      mayUseTemporal(context);
    };
    lint(first, APP['src/activities/charge.ts'], tseslint.parser, (context) => {
      probe(context);
      sourceCode = new WeakRef(context.sourceCode);
      tree = context.sourceCode.ast;
      model = getProjectModel(context);
    });
    lint(path.join(dir, 'src/workflows/refund.ts'), APP['src/workflows/refund.ts'], tseslint.parser, probe);
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(model?.getAst(first)).toBe(tree);
    expect(sourceCode?.deref()).toBeUndefined();
  });

  it('keeps the parse of the text the model read when ESLint lints other text', () => {
    const dir = project(APP);
    const file = path.join(dir, 'src/shared/math.ts');
    const model = modelAt(dir);
    const before = model.getAst(file);
    lint(file, `${APP['src/shared/math.ts']}// edited\n`, tseslint.parser, (context) => {
      getFileInfo(context);
      const after = getProjectModel(context).getAst(file);
      expect(after).not.toBe(before);
      expect(after?.range[1]).toBe(context.sourceCode.text.length);
    });
  });
});

describe('facts shared per list of workers', () => {
  const CLIENT = `import { Client } from '@temporalio/client';
import { order } from './workflows';
export async function start(client: Client): Promise<string> {
  const handle = await client.workflow.start(order, { taskQueue: 'main', workflowId: 'order-1' });
  return handle.workflowId;
}
`;

  it('indexes polling workers by task queue, and merges the workflow types of an entry once for all its queues', () => {
    const dir = project(APP);
    const model = modelAt(dir);
    expect(pollingWorkersOf(model, 'test-a').map((w) => path.relative(dir, w.position.file))).toEqual(['src/test/a.test.ts']);
    expect(pollingWorkersOf(model, 'nowhere')).toEqual([]);
    const linter = new Linter({ cwd: dir });
    let scopes: ReturnType<typeof workflowTypeScope>[] = [];
    const probe = { create: (context: never) => {
      const ctx = createContractContext(context);
      scopes = [workflowTypeScope(ctx, 'main'), workflowTypeScope(ctx, 'test-a'), workflowTypeScope(ctx, 'test-b')];
      return {};
    } };
    linter.verify(CLIENT, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { t: { rules: { probe } } }, rules: { 't/probe': 'error' } }], path.join(dir, 'src/client.ts'));
    const [main, a, b] = scopes;
    expect([...(main?.names ?? [])].sort()).toEqual(['order', 'refund']);
    expect(a?.where).toBe('the `workflowsPath` of the worker polling `test-a` (src/workflows/index.ts)');
    expect(a?.workers.map((w) => w.taskQueue)).toEqual(['test-a']);
    expect(a?.names).toBe(main?.names);
    expect(b?.names).toBe(main?.names);
  });

  it("sees the editor's unsaved task queue of a worker in the other files' checks", () => {
    const dir = project({ ...APP, 'src/client.ts': CLIENT });
    const linter = new Linter({ cwd: dir });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { temporalio: plugin }, rules: { 'temporalio/consistent-task-queue': 'error' } },
    ];
    const client = path.join(dir, 'src/client.ts');
    const worker = path.join(dir, 'src/worker.ts');
    expect(linter.verify(CLIENT, config, client)).toEqual([]);
    const model = modelAt(dir);
    expect(pollingWorkers(model).map((w) => w.taskQueue)).toContain('main');
    // The worker's edited text, not saved: the model re-derives its workers, and the facts read from them follow.
    expect(linter.verify(WORKER('orders'), config, worker)).toEqual([]);
    expect(pollingWorkers(model).map((w) => w.taskQueue)).toEqual(['orders', 'test-a', 'test-b']);
    const after = linter.verify(CLIENT, config, client);
    expect(after.map((m) => [m.messageId, m.line])).toEqual([['unknownTaskQueue', 4]]);
    expect(after[0]?.message).toContain('polls task queue `main`: workers poll `orders`');
  });
});
