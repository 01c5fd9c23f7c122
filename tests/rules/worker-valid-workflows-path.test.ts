import rule from '../../src/rules/worker-valid-workflows-path.js';
import { contractCase, everyFile } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const worker = (body: string): { filename: string; code: string } =>
  contractCase('paths', 'src/worker.ts', () => `import path from 'path';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
${body}
`);

ruleTester.run('worker-valid-workflows-path', rule, {
  valid: [
    // Every file of the fixture projects, as written (require.resolve, path.join(__dirname, dir), replayers).
    ...everyFile('paths'),
    ...everyFile('shop'),
    // The official samples' forms.
    worker(`await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows') });`),
    worker(`await Worker.create({ taskQueue: 'q', workflowsPath: path.resolve(__dirname, './workflows.ts') });`),
    worker(`await Worker.create({ taskQueue: 'q', workflowsPath: path.join(__dirname, 'reports') });`),
    worker(`await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows') });`),
    // A default export runs for every workflow type.
    worker(`await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./default-export') });`),
    // A path the linter cannot evaluate, or a package: silent.
    worker(`await Worker.create({ taskQueue: 'q', workflowsPath: process.env.WORKFLOWS_PATH! });`),
    worker(`await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('@acme/workflows') });`),
    // The bundle is chosen at run time.
    worker(`const bundle = process.env.PROD ? await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows') }) : undefined;
await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), workflowBundle: bundle });`),
    worker(`export async function make(bundle?: { code: string }) {
  return Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), workflowBundle: bundle });
}`),
    // An absolute literal and a file URL.
    worker(`await Worker.create({ taskQueue: 'q', workflowsPath: '/srv/app/lib/workflows.js' });`),
    // Not the SDK's Worker.
    { filename: 'src/worker.ts', code: `class Worker { static create(o: unknown) {} }\nWorker.create({ taskQueue: 'q', workflowsPath: './workflows' });` },
    { filename: 'src/worker.ts', code: `import { Worker } from 'some-queue-lib';\nWorker.create({ workflowsPath: './workflows' });` },
  ],
  invalid: [
    {
      // Options imported from src/worker-options.ts, where the path is relative: reported at the call.
      ...contractCase('paths', 'src/reports-worker.ts', (code) => code.replaceAll('reportsWorkerOptions', 'legacyReportsOptions')),
      errors: [{ messageId: 'relativePath', data: { path: './src/reports', kind: 'Worker.create', suggested: './reports' }, line: 5, column: 24, endLine: 5, endColumn: 37 }],
    },
    {
      ...worker(`await Worker.create({ taskQueue: 'q', workflowsPath: './workflows' });`),
      errors: [{ messageId: 'relativePath', data: { path: './workflows', kind: 'Worker.create', suggested: './workflows' }, line: 3, column: 54, endLine: 3, endColumn: 67 }],
    },
    {
      // Through a const, and the namespace import.
      filename: contractCase('paths', 'src/worker.ts').filename,
      code: `import * as w from '@temporalio/worker';\nconst WORKFLOWS = 'src/workflows';\nawait w.Worker.create({ taskQueue: 'q', workflowsPath: WORKFLOWS });`,
      errors: [{ messageId: 'relativePath', data: { path: 'src/workflows', kind: 'Worker.create', suggested: './workflows' }, line: 3, column: 56, endLine: 3, endColumn: 65 }],
    },
    {
      ...worker(`await bundleWorkflowCode({ workflowsPath: '../lib/workflows.js' });`),
      errors: [{ messageId: 'relativePath', data: { path: '../lib/workflows.js', kind: 'bundleWorkflowCode', suggested: './workflows' }, line: 3, column: 43 }],
    },
    {
      ...worker(`await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./missing-workflows') });`),
      errors: [{ messageId: 'notFound', line: 3, column: 54, endLine: 3, endColumn: 92 }],
    },
    {
      ...worker(`await Worker.create({ taskQueue: 'q', workflowsPath: path.join(__dirname, 'workflow') });`),
      errors: [{ messageId: 'notFound', line: 3, column: 54 }],
    },
    {
      ...worker(`await Worker.create({
  taskQueue: 'q',
  workflowsPath: require.resolve('./workflows'),
  workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows') }),
});`),
      errors: [{ messageId: 'ignoredWithBundle', line: 5, column: 3, endLine: 5, endColumn: 16 }],
    },
    {
      ...worker(`const workflowBundle = { codePath: require.resolve('../bundle.js') };
await Worker.runReplayHistory({ workflowsPath: require.resolve('./workflows'), workflowBundle }, history);`),
      errors: [{ messageId: 'ignoredWithBundle', line: 4, column: 33 }],
    },
    {
      ...worker(`await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./shared') });`),
      errors: [{ messageId: 'noWorkflows', data: { file: 'src/shared.ts' }, line: 3, column: 54, endLine: 3, endColumn: 81 }],
    },
    {
      // Signal and query definitions, an enum and type re-exports are not workflow functions.
      ...worker(`const results = Worker.runReplayHistories({ workflowsPath: require.resolve('./definitions') }, histories);`),
      errors: [{ messageId: 'noWorkflows', data: { file: 'src/definitions.ts' }, line: 3, column: 60 }],
    },
  ],
});
