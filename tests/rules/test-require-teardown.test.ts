import rule from '../../src/rules/test-require-teardown.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/mocha/workflows.test.ts';

ruleTester.run('test-require-teardown', rule, {
  valid: [
    // The official samples (mocha): before/after hooks.
    {
      filename,
      code: `
        import { TestWorkflowEnvironment } from '@temporalio/testing';
        describe('workflows', () => {
          let testEnv: TestWorkflowEnvironment;
          before(async () => { testEnv = await TestWorkflowEnvironment.createTimeSkipping(); });
          after(async () => { await testEnv?.teardown(); });
        });
      `,
    },
    // jest / vitest
    {
      filename,
      code: `
        import { TestWorkflowEnvironment } from '@temporalio/testing';
        let env: TestWorkflowEnvironment;
        beforeAll(async () => { env = await TestWorkflowEnvironment.createLocal(); });
        afterAll(async () => { await env.teardown(); });
      `,
    },
    // try/finally inside one test
    {
      filename,
      code: `
        import * as testing from '@temporalio/testing';
        it('runs', async () => {
          const env = await testing.TestWorkflowEnvironment.createLocal();
          try { await run(env); } finally { await env.teardown(); }
        });
      `,
    },
    // ava
    {
      filename,
      code: `
        import { TestWorkflowEnvironment } from '@temporalio/testing';
        let env;
        test.before(async () => { env = await TestWorkflowEnvironment.createTimeSkipping(); });
        test.after.always(async () => { await env.teardown(); });
      `,
    },
    // Returned from a helper, stored on a context object, `await using`: teardown is elsewhere.
    {
      filename,
      code: `
        import { TestWorkflowEnvironment } from '@temporalio/testing';
        export async function makeEnv() { const env = await TestWorkflowEnvironment.createLocal(); return env; }
        test.before(async (t) => { t.context.env = await TestWorkflowEnvironment.createLocal(); });
        async function f() { await using env = await TestWorkflowEnvironment.createLocal(); }
      `,
    },
    // Not the SDK's TestWorkflowEnvironment
    {
      filename,
      code: `
        class TestWorkflowEnvironment { static async createLocal() { return {}; } }
        it('x', async () => { const env = await TestWorkflowEnvironment.createLocal(); });
      `,
    },
    { filename, code: `import { MockActivityEnvironment } from '@temporalio/testing'; const env = new MockActivityEnvironment();` },
  ],
  invalid: [
    {
      filename,
      code: `
import { TestWorkflowEnvironment } from '@temporalio/testing';
let env: TestWorkflowEnvironment;
before(async () => { env = await TestWorkflowEnvironment.createTimeSkipping(); });
it('works', async () => { await env.client.workflow.execute(wf, opts); });
`,
      errors: [{ messageId: 'missingTeardown', line: 4, column: 34, endLine: 4, endColumn: 78 }],
    },
    {
      filename,
      code: `
const { TestWorkflowEnvironment: Env } = require('@temporalio/testing');
it('works', async () => {
  const env = await Env.createLocal();
  await env.client.workflow.execute(wf, opts);
  await env.teardown();
});
`,
      errors: [{ messageId: 'teardownNotGuaranteed', line: 6, column: 9, endLine: 6, endColumn: 23 }],
    },
    {
      filename,
      code: `
import { TestWorkflowEnvironment } from '@temporalio/testing';
it('works', async () => {
  const env = await TestWorkflowEnvironment.createFromExistingServer({ address: 'localhost:7233' });
  await env.client.workflow.execute(wf, opts);
});
`,
      errors: [{ messageId: 'missingTeardown', line: 4, column: 21 }],
    },
  ],
});
