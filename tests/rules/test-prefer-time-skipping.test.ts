import rule from '../../src/rules/test-prefer-time-skipping.js';
import { contractCase, everyFile, replace } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const cartTest = (...edits: ((code: string) => string)[]): { filename: string; code: string } =>
  contractCase('shop', 'src/test/jest/cart.test.ts', (code) => edits.reduce((c, e) => e(c), code));
const local = replace('TestWorkflowEnvironment.createTimeSkipping()', 'TestWorkflowEnvironment.createLocal()');
const data = { workflow: 'abandonedCart', duration: "`'1 day'`", place: 'src/workflows/cart.ts:15' };

ruleTester.run('test-prefer-time-skipping', rule, {
  valid: [
    // createTimeSkipping for the day-long timer; createLocal for a workflow without timers.
    ...everyFile('shop'),
    contractCase('shop', 'src/test/mocha/order.test.ts', local),
    // Below the threshold.
    { ...cartTest(local), options: [{ maxTimer: '2 days' }] },
    { ...cartTest(local), options: [{ maxTimer: 86_400_000 }] },
    // A workflow the linter cannot find.
    cartTest(local, replace('execute(abandonedCart,', 'execute(process.env.WORKFLOW!,')),
    cartTest(local, replace('execute(abandonedCart,', "execute('notAWorkflow',")),
    // Not the SDK's environment.
    { filename: 'src/workflows.test.ts', code: `const env = await TestWorkflowEnvironment.createLocal();\nawait env.client.workflow.execute('abandonedCart', { taskQueue: 'q', workflowId: 'x' });` },
  ],
  invalid: [
    {
      ...cartTest(local),
      errors: [
        {
          messageId: 'longTimer',
          data,
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 56,
          suggestions: [{ messageId: 'useTimeSkipping', output: cartTest().code }],
        },
      ],
    },
    {
      // By type name; the threshold as a duration string.
      ...cartTest(local, replace('execute(abandonedCart,', "execute('abandonedCart',")),
      options: [{ maxTimer: '1 hour' }],
      errors: [{ messageId: 'longTimer', data, line: 8, column: 19, suggestions: [{ messageId: 'useTimeSkipping', output: cartTest(replace('execute(abandonedCart,', "execute('abandonedCart',")).code }] }],
    },
    {
      // Options passed to createLocal: no suggestion (the two factories take different options).
      ...cartTest(replace('TestWorkflowEnvironment.createTimeSkipping()', "TestWorkflowEnvironment.createLocal({ server: { namespace: 'test' } })")),
      errors: [{ messageId: 'longTimer', data, line: 8, column: 19, suggestions: [] }],
    },
  ],
});
