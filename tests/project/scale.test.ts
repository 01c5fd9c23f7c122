import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFor } from '../../src/project/cache.js';
import { clearProjectModels, parseTemporalSettings } from '../../src/project/index.js';

/**
 * A generated project of `modules` feature modules (workflow + helper + activity + client each), one worker.
 * Every workflow module imports its helper; helpers import the previous helper (long chains); activities are
 * imported type-only by the workflows.
 */
export function generateProject(dir: string, modules: number): void {
  const src = path.join(dir, 'src');
  fs.mkdirSync(path.join(src, 'workflows'), { recursive: true });
  fs.mkdirSync(path.join(src, 'helpers'), { recursive: true });
  fs.mkdirSync(path.join(src, 'activities'), { recursive: true });
  fs.mkdirSync(path.join(src, 'clients'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "generated", "private": true }\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{ "compilerOptions": { "outDir": "lib", "rootDir": "src" } }\n');
  const index: string[] = [];
  const acts: string[] = [];
  for (let i = 0; i < modules; i++) {
    const prev = i > 0 ? `import { helper${i - 1} } from './helper${i - 1}';\n` : '';
    fs.writeFileSync(
      path.join(src, 'helpers', `helper${i}.ts`),
      `${prev}export function helper${i}(n: number): number {\n  return ${i > 0 ? `helper${i - 1}(n)` : 'n'} + ${i};\n}\n`,
    );
    fs.writeFileSync(
      path.join(src, 'workflows', `flow${i}.ts`),
      `import { proxyActivities, sleep } from '@temporalio/workflow';\nimport type * as acts from '../activities/act${i}';\nimport { helper${i} } from '../helpers/helper${i}';\n\nconst { act${i} } = proxyActivities<typeof acts>({ startToCloseTimeout: '1 minute' });\n\nexport async function flow${i}(n: number): Promise<number> {\n  await sleep(helper${i}(n));\n  return act${i}(n);\n}\n`,
    );
    fs.writeFileSync(
      path.join(src, 'activities', `act${i}.ts`),
      `import { Context } from '@temporalio/activity';\nexport async function act${i}(n: number): Promise<number> {\n  Context.current().heartbeat();\n  return n * 2;\n}\n`,
    );
    fs.writeFileSync(
      path.join(src, 'clients', `client${i}.ts`),
      `import { Client } from '@temporalio/client';\nimport { flow${i} } from '../workflows/flow${i}';\nexport const start${i} = (c: Client) => c.workflow.start(flow${i}, { taskQueue: 'q', workflowId: 'w${i}', args: [1] });\n`,
    );
    index.push(`export * from './flow${i}';`);
    acts.push(`export * from './act${i}';`);
  }
  fs.writeFileSync(path.join(src, 'workflows', 'index.ts'), `${index.join('\n')}\n`);
  fs.writeFileSync(path.join(src, 'activities', 'index.ts'), `${acts.join('\n')}\n`);
  fs.writeFileSync(
    path.join(src, 'worker.ts'),
    `import { Worker } from '@temporalio/worker';\nimport * as activities from './activities';\nexport const run = () => Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), activities });\n`,
  );
}

describe('a generated 2,000-file project', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-model-scale-')));
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    clearProjectModels();
  });

  it('builds the model and answers for every file', () => {
    generateProject(dir, 500);
    const model = modelFor(dir, dir, parseTemporalSettings({})).model;
    expect(model.workers).toHaveLength(1);
    expect(model.bundleFiles()).toHaveLength(1001);
    expect(model.workers[0]?.activities?.names).toHaveLength(500);
    expect(model.fileInfo(path.join(dir, 'src/helpers/helper0.ts')).describe('workflow')).toBe(
      'src/worker.ts (workflowsPath) → src/workflows/index.ts → src/workflows/flow0.ts → src/helpers/helper0.ts',
    );
    expect(model.fileInfo(path.join(dir, 'src/clients/client7.ts')).has('workflow')).toBe(false);
    expect(model.fileInfo(path.join(dir, 'src/activities/act7.ts')).has('workflow')).toBe(false);
    expect(model.workflowTypes()).toHaveLength(500);
  });
});
