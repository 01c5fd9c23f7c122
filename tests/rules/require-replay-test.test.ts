import rule from '../../src/rules/require-replay-test.js';
import { contractCase, everyFile } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-replay-test', rule, {
  valid: [
    // Both workers' workflows are replayed by src/test/replay.test.ts.
    ...everyFile('shop'),
    // Files without a worker.
    ...everyFile('classes').filter((c) => c.filename.endsWith('workflows.ts')),
    // A replayer that loads a prebuilt bundle may replay anything.
    {
      filename: 'src/worker.ts',
      code: `import { Worker } from '@temporalio/worker';\nawait Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows') });\nawait Worker.runReplayHistories({ workflowBundle: bundle }, histories);`,
    },
    // Not the SDK.
    { filename: 'src/worker.ts', code: `const Worker = { create(o: unknown) {} };\nWorker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows') });` },
  ],
  invalid: [
    {
      // src/workflows.ts is replayed by scripts/replay.ts; the other two workflowsPaths are not.
      ...contractCase('paths', 'src/worker.ts'),
      errors: [
        { messageId: 'missingReplayTest', data: { file: 'src/reports/index.ts' }, line: 14, column: 20, endLine: 14, endColumn: 51 },
        { messageId: 'missingReplayTest', data: { file: 'src/default-export.ts' }, line: 18, column: 20 },
      ],
    },
    {
      // The options come from src/worker-options.ts: the file never writes `workflowsPath`.
      ...contractCase('paths', 'src/reports-worker.ts'),
      errors: [{ messageId: 'missingReplayTest', data: { file: 'src/reports/index.ts' }, line: 5, column: 24, endLine: 5, endColumn: 37 }],
    },
    {
      ...contractCase('classes', 'src/worker.ts'),
      errors: [{ messageId: 'missingReplayTest', data: { file: 'src/workflows.ts' }, line: 7, column: 20 }],
    },
  ],
});
