import rule from '../../src/rules/consistent-task-queue.js';
import { contractCase, contractFile, everyFile, replace } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const shared = [{ requireSharedConstant: true }] as const;
const known = '`billing`, `orders`';
const client = (edit?: (code: string) => string): { filename: string; code: string } => contractCase('shop', 'src/client.ts', edit);

/** The cart workflow with its activity proxy's options read through a namespace import of `./activity-options`. */
const CART_WITH_OPTIONS = (name: string) =>
  contractCase('shop', 'src/workflows/cart.ts', (code) =>
    code
      .replace(`import type * as activities from '../activities';`, `import type * as activities from '../activities';\nimport * as activityOptions from './activity-options';`)
      .replace(`wf.proxyActivities<typeof activities>({\n  startToCloseTimeout: '1 minute',\n});`, `wf.proxyActivities<typeof activities>(activityOptions.${name});`),
  );

/**
 * A client that starts `processOrder` with start options read from `src/options.ts`: `name` is a named import of it,
 * or `options.<name>` reads it through the module's namespace.
 */
const IMPORTED_OPTIONS = (expression: string): string => {
  const namespace = expression.startsWith('options.');
  const binding = namespace ? `* as options` : `{ ${expression} }`;
  return `import type { Client } from '@temporalio/client';
import ${binding} from './options';
import { processOrder } from './workflows';

export async function startOrder(client: Client, orderId: string): Promise<string> {
  const handle = await client.workflow.start(processOrder, { ...${expression}, workflowId: \`order-\${orderId}\`, args: [] });
  return handle.workflowId;
}
`;
};

ruleTester.run('consistent-task-queue', rule, {
  valid: [
    // Shared constants everywhere; tests use their own task queues, polled by their own workers.
    ...everyFile('shop'),
    ...everyFile('shop').map((c) => ({ ...c, options: shared })),
    ...everyFile('paths'),
    // Another service's workflow (a type no workflowsPath exports) on another service's task queue.
    client(replace(`execute('chargeCustomer', {\n    taskQueue: BILLING_TASK_QUEUE`, `execute('sendNewsletter', {\n    taskQueue: 'marketing'`)),
    // Declared as served elsewhere.
    { ...client(replace(`start(processOrder, {\n      taskQueue: ORDERS_TASK_QUEUE`, `start(processOrder, {\n      taskQueue: 'orders-v2'`)), options: [{ externalTaskQueues: ['orders-v2'] }] },
    // Activities this project does not register, on another queue (a Python service, say).
    contractCase('shop', 'src/workflows/order.ts', (code) =>
      replace('billingActivities.refundCharge(chargeId)', 'billingActivities.score()')(
        replace(`proxyActivities<typeof billing>({\n  taskQueue: BILLING_TASK_QUEUE`, `proxyActivities<{ score(): Promise<number> }>({\n  taskQueue: 'ml-scoring'`)(code),
      ),
    ),
    // Start options imported from a project module (the file itself never writes `taskQueue`), named or through a namespace.
    contractCase('shop', 'src/client.ts', () => IMPORTED_OPTIONS('orderStartOptions')),
    contractCase('shop', 'src/client.ts', () => IMPORTED_OPTIONS('options.orderStartOptions')),
    // Activity options read through a namespace import: the cart workflow itself never writes `taskQueue`.
    CART_WITH_OPTIONS('billingActivityOptions'),
    // A task queue the linter cannot evaluate.
    client(replace(`taskQueue: BILLING_TASK_QUEUE`, `taskQueue: process.env.QUEUE!`)),
    // A worker whose task queue is not statically known: nothing can be said.
    contractCase('classes', 'src/worker.ts', () => `import { Worker } from '@temporalio/worker';
import { Client } from '@temporalio/client';
await Worker.create({ taskQueue: process.env.TASK_QUEUE!, workflowsPath: require.resolve('./workflows') });
await new Client().workflow.start('greeting', { taskQueue: 'greetingz', workflowId: 'g' });`),
  ],
  invalid: [
    {
      // The options module still holds the task queue from before a rename; this file never writes `taskQueue`.
      ...contractCase('shop', 'src/client.ts', () => IMPORTED_OPTIONS('legacyStartOptions')),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'order', known, what: 'the workflow never starts running', suggestion: ' (did you mean `orders`?)' }, line: 6, column: 24 }],
    },
    {
      ...CART_WITH_OPTIONS('legacyBillingOptions'),
      errors: [
        {
          messageId: 'unknownTaskQueue',
          data: { queue: 'payments', known, what: 'these activities never run (the workflow waits until their schedule-to-close timeout, by default forever)', suggestion: '' },
          line: 5,
          column: 23,
        },
      ],
    },
    {
      ...contractCase('shop', 'src/client.ts', () => IMPORTED_OPTIONS('options.legacyStartOptions')),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'order', known, what: 'the workflow never starts running', suggestion: ' (did you mean `orders`?)' }, line: 6, column: 24 }],
    },
    {
      ...client(replace(`start(processOrder, {\n      taskQueue: ORDERS_TASK_QUEUE`, `start(processOrder, {\n      taskQueue: 'order'`)),
      errors: [
        {
          messageId: 'unknownTaskQueue',
          data: { queue: 'order', known, what: 'the workflow never starts running', suggestion: ' (did you mean `orders`?)' },
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 25,
        },
      ],
    },
    {
      ...client(replace(`signalWithStart('abandonedCart', {\n      taskQueue: ORDERS_TASK_QUEUE`, `signalWithStart('abandonedCart', {\n      taskQueue: 'ordres'`)),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'ordres', known, what: 'the workflow never starts running', suggestion: ' (did you mean `orders`?)' }, line: 15, column: 18 }],
    },
    {
      ...client(replace(`taskQueue: BILLING_TASK_QUEUE`, `taskQueue: 'billings'`)),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'billings', known, what: 'the workflow never starts running', suggestion: ' (did you mean `billing`?)' }, line: 29, column: 16 }],
    },
    {
      ...contractCase('shop', 'src/schedule.ts', replace('taskQueue: BILLING_TASK_QUEUE', `taskQueue: 'biling'`)),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'biling', known, what: 'the scheduled workflows never start running', suggestion: ' (did you mean `billing`?)' }, line: 12, column: 18 }],
    },
    {
      ...contractCase('shop', 'src/workflows/order.ts', replace(`executeChild<typeof chargeCustomer>('chargeCustomer', {\n      taskQueue: BILLING_TASK_QUEUE`, `executeChild<typeof chargeCustomer>('chargeCustomer', {\n      taskQueue: 'payments'`)),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'payments', known, what: 'the child workflow never starts running', suggestion: '' }, line: 27, column: 18 }],
    },
    {
      ...contractCase('shop', 'src/workflows/order.ts', replace(`proxyActivities<typeof billing>({\n  taskQueue: BILLING_TASK_QUEUE`, `proxyActivities<typeof billing>({\n  taskQueue: 'billing-activities'`)),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'billing-activities', known, what: 'these activities never run (the workflow waits until their schedule-to-close timeout, by default forever)', suggestion: '' }, line: 16, column: 14 }],
    },
    {
      // A test whose client names a queue that its worker does not poll.
      ...contractCase('shop', 'src/test/jest/cart.test.ts', replace(`workflowId: 'test-cart', taskQueue: 'test-cart'`, `workflowId: 'test-cart', taskQueue: 'test-carts'`)),
      errors: [{ messageId: 'unknownTaskQueue', data: { queue: 'test-carts', known: '`billing`, `orders`, `test-billing`, `test-cart`, `test-orders`', what: 'the workflow never starts running', suggestion: ' (did you mean `test-cart`?)' }, line: 28, column: 115, endLine: 28, endColumn: 127 }],
    },
    {
      // requireSharedConstant: the worker reads the queue from a constant.
      ...contractCase('shop', 'src/schedule.ts', replace('taskQueue: BILLING_TASK_QUEUE', `taskQueue: 'billing'`)),
      options: shared,
      errors: [{ messageId: 'useSharedConstant', data: { queue: 'billing', worker: 'the worker at src/worker.ts:16', constant: 'BILLING_TASK_QUEUE' }, line: 12, column: 18, endLine: 12, endColumn: 27 }],
    },
    {
      // requireSharedConstant: the worker repeats the literal.
      filename: contractFile('paths', 'src/client.ts'),
      code: `import { Client } from '@temporalio/client';\nexport const start = (client: Client) => client.workflow.start('dailyReport', { taskQueue: 'paths-reports', workflowId: 'daily' });`,
      options: shared,
      errors: [{ messageId: 'repeatedLiteral', data: { queue: 'paths-reports', worker: 'src/worker.ts:12' }, line: 2, column: 92 }],
    },
  ],
});
