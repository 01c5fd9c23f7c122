import rule from '../../src/rules/worker-registers-activities.js';
import { contractCase, everyFile, replace } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const billingWorker = 'the worker at src/worker.ts:16';
const ordersWorker = 'the worker at src/worker.ts:9';

ruleTester.run('worker-registers-activities', rule, {
  valid: [
    // Two workers on two task queues, namespace registrations, a proxy with its own task queue, local activities,
    // member access on a proxy object; test workers with partial mocks are not production registrations.
    ...everyFile('shop'),
    ...everyFile('paths'),
    // Workflow-only and activity-only workers on one task queue; a worker that loads a prebuilt bundle.
    ...everyFile('split'),
    // A task queue the linter cannot evaluate: silent.
    contractCase('shop', 'src/workflows/order.ts', replace('taskQueue: BILLING_TASK_QUEUE,\n  startToCloseTimeout', 'taskQueue: process.env.BILLING_QUEUE,\n  startToCloseTimeout')),
    // Options from somewhere else (a spread that may hold a task queue): silent.
    contractCase('shop', 'src/billing/workflows.ts', replace(`proxyActivities<typeof billing>({
  startToCloseTimeout: '1 minute',`, `proxyActivities<typeof billing>({
  ...(globalThis as any).defaults,`)),
    // Dynamic access and rest elements name nothing.
    contractCase('shop', 'src/billing/workflows.ts', replace('await invoices.sendInvoice(customerId, chargeId);', "await invoices[String('sendInvoice')](customerId, chargeId);")),
    contractCase('shop', 'src/billing/workflows.ts', replace('const { chargeCard, refundCharge }', 'const { chargeCard, refundCharge, ...others }')),
    // A file that is not workflow code.
    { filename: 'src/helpers.ts', code: `import { proxyActivities } from '@temporalio/workflow';\nconst { nothing } = proxyActivities({ startToCloseTimeout: '1m' });` },
    // A class whose methods are own properties (arrow fields, bound in the constructor).
    {
      filename: 'src/worker.ts',
      code: `import { Worker } from '@temporalio/worker';
class Acts {
  greet = async () => 'hi';
  constructor() { this.farewell = this.farewell.bind(this); }
  async farewell() { return 'bye'; }
}
await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), activities: new Acts() });`,
    },
    // Auto-binding helpers and subclasses: cannot tell what is own.
    {
      filename: 'src/worker.ts',
      code: `import { Worker } from '@temporalio/worker';
class Acts { constructor() { autoBind(this); } async greet() {} }
class Sub extends Base { async greet() {} }
await Worker.create({ taskQueue: 'q', activities: new Acts() });
await Worker.create({ taskQueue: 'q', activities: new Sub() });`,
    },
    // Not the SDK's Worker.
    { filename: 'src/worker.ts', code: `class Acts { async greet() {} }\nconst Worker = { create(o: unknown) {} };\nWorker.create({ activities: new Acts() });` },
  ],
  invalid: [
    {
      // Destructured from a proxy that runs on the workflow's task queue.
      ...contractCase('shop', 'src/billing/workflows.ts', replace('const { chargeCard, refundCharge }', 'const { chargeCard, refundCharge, sendReceipt }')),
      errors: [
        {
          messageId: 'notRegistered',
          data: { name: 'sendReceipt', workers: billingWorker, serve: 'polls task queue `billing`' },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 46,
        },
      ],
    },
    {
      // Member access on a proxy object.
      ...contractCase('shop', 'src/billing/workflows.ts', replace('invoices.sendInvoice(', 'invoices.sendInvoices(')),
      errors: [{ messageId: 'notRegistered', data: { name: 'sendInvoices', workers: billingWorker, serve: 'polls task queue `billing`' }, line: 15, column: 20, endLine: 15, endColumn: 32 }],
    },
    {
      // A proxy with its own `taskQueue`: the worker polling that queue must register it.
      ...contractCase('shop', 'src/workflows/order.ts', replace('billingActivities.refundCharge(chargeId)', 'billingActivities.releaseStock(chargeId)')),
      errors: [{ messageId: 'notRegistered', data: { name: 'releaseStock', workers: billingWorker, serve: 'polls task queue `billing`' }, line: 38, column: 27 }],
    },
    {
      // An activity of the other worker.
      ...contractCase('shop', 'src/workflows/order.ts', replace('const { reserveStock, releaseStock }', 'const { reserveStock, releaseStock, chargeCard }')),
      errors: [{ messageId: 'notRegistered', data: { name: 'chargeCard', workers: ordersWorker, serve: 'polls task queue `orders`' }, line: 7, column: 37 }],
    },
    {
      // Local activities run in the worker that runs the workflow.
      ...contractCase('shop', 'src/workflows/order.ts', replace('const { checkAvailability } = proxyLocalActivities', "const { checkStock: checkAvailability } = proxyLocalActivities")),
      errors: [
        {
          messageId: 'notRegistered',
          data: { name: 'checkStock', workers: ordersWorker, serve: 'run this workflow code (local activities run in the worker that runs the workflow)' },
          line: 11,
          column: 9,
        },
      ],
    },
    {
      // Two workers poll the task queue: the workflow worker registers nothing, the activity worker not this name.
      ...contractCase('split', 'src/workflows.ts', replace('const { greet }', 'const { greet, farewell }')),
      errors: [
        {
          messageId: 'notRegistered',
          data: { name: 'farewell', workers: 'the workers at src/worker.ts:6 and src/worker.ts:11', serve: 'poll task queue `split`' },
          line: 4,
          column: 16,
        },
      ],
    },
    {
      // Workflows of a bundleWorkflowCode bundle run on the workers that load a workflowBundle.
      ...contractCase('split', 'src/bundled-workflows.ts', replace('const { audit }', 'const { audit, greet }')),
      errors: [{ messageId: 'notRegistered', data: { name: 'greet', workers: 'the worker at src/worker.ts:18', serve: 'polls task queue `bundled`' }, line: 4, column: 16 }],
    },
    {
      // A prototype method of the class instance the worker registers.
      ...contractCase('classes', 'src/workflows.ts'),
      errors: [{ messageId: 'prototypeMethod', data: { name: 'farewell', className: 'GreetingActivities', workers: 'the worker at src/worker.ts:5' }, line: 4, column: 16 }],
    },
    {
      // The worker side: the class is imported (from the project model).
      ...contractCase('classes', 'src/worker.ts'),
      errors: [{ messageId: 'classInstance', data: { className: 'GreetingActivities', methods: 'method', list: '`farewell`', are: 'is' }, line: 8, column: 17, endLine: 8, endColumn: 41 }],
    },
    {
      // A local class, through a const.
      filename: 'src/worker.ts',
      code: `import { Worker as W } from '@temporalio/worker';
class Acts {
  async greet() {}
  async farewell() {}
  static helper() {}
}
const acts = new Acts();
await W.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), activities: acts });`,
      errors: [{ messageId: 'classInstance', data: { className: 'Acts', methods: 'methods', list: '`greet`, `farewell`', are: 'are' }, line: 8, column: 93, endLine: 8, endColumn: 97 }],
    },
  ],
});
