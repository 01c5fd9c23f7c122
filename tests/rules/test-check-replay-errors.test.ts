import rule from '../../src/rules/test-check-replay-errors.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/mocha/replay.test.ts';

ruleTester.run('test-check-replay-errors', rule, {
  valid: [
    // The official replay-testing sample's pattern.
    {
      filename,
      code: `
        import { Worker } from '@temporalio/worker';
        it('replays', async () => {
          const histories = client.workflow.list({ query: 'WorkflowType="x"' }).intoHistories();
          const results = Worker.runReplayHistories({ workflowsPath: require.resolve('./workflows') }, histories);
          for await (const result of results) {
            if (result.error) throw result.error;
          }
        });
      `,
    },
    {
      filename,
      code: `
        import { Worker } from '@temporalio/worker';
        it('replays', async () => {
          for await (const { workflowId, error } of Worker.runReplayHistories(opts, histories)) {
            assert.ifError(error);
          }
        });
      `,
    },
    {
      filename,
      code: `
        import { Worker } from '@temporalio/worker';
        const all = [];
        for await (const r of Worker.runReplayHistories(opts, histories)) all.push(r);
        expect(all.filter((r) => r.error)).toEqual([]);
      `,
    },
    {
      filename,
      code: `
        import { Worker } from '@temporalio/worker';
        it('replays', async () => {
          await Worker.runReplayHistory({ workflowsPath: require.resolve('./workflows') }, history);
        });
        it('replays too', () => Worker.runReplayHistory(opts, history));
        it('rejects', async () => { await assert.rejects(Worker.runReplayHistory(opts, bad)); });
        export function gen() { return Worker.runReplayHistories(opts, histories); }
      `,
    },
    // Not the SDK's Worker.
    { filename, code: `const Worker = { runReplayHistories() {}, runReplayHistory() {} }; Worker.runReplayHistories(); Worker.runReplayHistory();` },
  ],
  invalid: [
    {
      filename,
      code: `
import { Worker } from '@temporalio/worker';
it('replays', async () => {
  for await (const result of Worker.runReplayHistories(opts, histories)) {
    console.log(result.workflowId);
  }
});
`,
      errors: [{ messageId: 'errorNotRead', line: 4, column: 30, endLine: 4, endColumn: 72 }],
    },
    {
      // The results in a variable, iterated later: the official replay sample's shape.
      filename,
      code: `
import { Worker } from '@temporalio/worker';
it('replays', async () => {
  const results = Worker.runReplayHistories({ workflowsPath: require.resolve('./workflows') }, histories);
  for await (const result of results) {
    console.log(result.workflowId);
  }
});
`,
      errors: [{ messageId: 'errorNotRead', line: 4, column: 19, endLine: 4, endColumn: 106 }],
    },
    {
      filename,
      code: `
import { Worker as W } from '@temporalio/worker';
it('replays', async () => {
  await W.runReplayHistories(opts, histories);
});
`,
      errors: [{ messageId: 'notIterated', line: 4, column: 9 }],
    },
    {
      filename,
      code: `
import * as worker from '@temporalio/worker';
it('replays', async () => {
  const results = worker.Worker.runReplayHistories(opts, histories);
});
for (const r of worker.Worker.runReplayHistories(opts, histories)) {}
`,
      errors: [
        { messageId: 'notIterated', line: 4, column: 19 },
        { messageId: 'notIterated', line: 6, column: 17 },
      ],
    },
    {
      filename,
      code: `
import { Worker } from '@temporalio/worker';
it('replays', async () => {
  Worker.runReplayHistory(opts, history);
});
`,
      errors: [
        {
          messageId: 'replayNotAwaited',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `
import { Worker } from '@temporalio/worker';
it('replays', async () => {
  await Worker.runReplayHistory(opts, history);
});
`,
            },
          ],
        },
      ],
    },
    {
      filename,
      code: `
import { Worker } from '@temporalio/worker';
it('replays', function () { Worker.runReplayHistory(opts, history); });
`,
      errors: [{ messageId: 'replayNotAwaited', line: 3, column: 29, suggestions: [] }],
    },
  ],
});
