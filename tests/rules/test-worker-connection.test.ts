import rule from '../../src/rules/test-worker-connection.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/mocha/workflows.test.ts';
const header = `import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
let testEnv: TestWorkflowEnvironment;
before(async () => { testEnv = await TestWorkflowEnvironment.createLocal(); });
`;

ruleTester.run('test-worker-connection', rule, {
  valid: [
    // The official samples' pattern.
    {
      filename,
      code: `${header}
it('runs', async () => {
  const worker = await Worker.create({
    connection: testEnv.nativeConnection,
    taskQueue: 'test',
    workflowsPath: require.resolve('../workflows'),
    activities,
  });
});`,
    },
    // No test environment in the file: a production worker.
    {
      filename: 'src/worker.ts',
      code: `import { Worker } from '@temporalio/worker'; await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows') });`,
    },
    // Options from somewhere else: unknown.
    { filename, code: `${header} function make(opts) { return Worker.create({ ...opts, taskQueue: 'q' }); }` },
    { filename, code: `${header} const w = await Worker.create(opts);` },
    // A local Worker class.
    { filename, code: `import { TestWorkflowEnvironment } from '@temporalio/testing'; const env = await TestWorkflowEnvironment.createLocal(); class Worker { static create(o) {} } Worker.create({ taskQueue: 'q' });` },
  ],
  invalid: [
    {
      filename,
      code: `${header}
it('runs', async () => {
  const worker = await Worker.create({
    taskQueue: 'test',
    workflowsPath: require.resolve('../workflows'),
  });
});`,
      errors: [
        {
          messageId: 'missingConnection',
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'addConnection',
              data: { env: 'testEnv' },
              output: `${header}
it('runs', async () => {
  const worker = await Worker.create({
    taskQueue: 'test',
    workflowsPath: require.resolve('../workflows'),
    connection: testEnv.nativeConnection,
  });
});`,
            },
          ],
        },
      ],
    },
    {
      // Namespace import, options in a const, two environments: no single suggestion.
      filename,
      code: `import * as testing from '@temporalio/testing';
import * as worker from '@temporalio/worker';
const a = await testing.TestWorkflowEnvironment.createLocal();
const b = await testing.TestWorkflowEnvironment.createTimeSkipping();
const opts = { taskQueue: 'q', workflowsPath: require.resolve('./workflows') };
await worker.Worker.create(opts);`,
      errors: [{ messageId: 'missingConnection', line: 6, column: 7, suggestions: [] }],
    },
  ],
});
