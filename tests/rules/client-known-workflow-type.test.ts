import rule from '../../src/rules/client-known-workflow-type.js';
import { contractCase, contractFile, everyFile, replace } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const orders = 'the `workflowsPath` of the worker polling `orders` (src/workflows/index.ts)';
const billing = 'the `workflowsPath` of the worker polling `billing` (src/billing/workflows.ts)';
const client = (edit?: (code: string) => string): { filename: string; code: string } => contractCase('shop', 'src/client.ts', edit);
const addImport = (line: string) => (code: string): string => `${line}\n${code}`;
const pipe = (...edits: ((code: string) => string)[]) => (code: string): string => edits.reduce((c, e) => e(c), code);

ruleTester.run('client-known-workflow-type', rule, {
  valid: [
    // By reference, by name, signalWithStart, a schedule, and tests starting workflows on their own task queue.
    ...everyFile('shop'),
    ...everyFile('paths'),
    ...everyFile('classes'),
    // The alias is the type the worker registers.
    client(replace(`execute('chargeCustomer', {\n    taskQueue: BILLING_TASK_QUEUE`, `execute('cancelOrder', {\n    taskQueue: ORDERS_TASK_QUEUE`)),
    // A task queue no worker of this project polls: another service's workflow.
    client(replace(`execute('chargeCustomer', {\n    taskQueue: BILLING_TASK_QUEUE`, `execute('sendNewsletter', {\n    taskQueue: 'marketing'`)),
    // An unknown task queue: any workflowsPath of the project may serve it.
    client(replace(`taskQueue: BILLING_TASK_QUEUE`, `taskQueue: process.env.TASK_QUEUE!`)),
    // Namespace import.
    client(pipe(addImport(`import * as workflows from './workflows';`), replace('start(processOrder,', 'start(workflows.processOrder,'))),
    // A type the linter cannot evaluate.
    client(replace(`execute('chargeCustomer',`, `execute(process.env.WORKFLOW!,`)),
    // Not a Temporal client.
    { filename: client().filename, code: `import { client } from 'other-engine';\nclient.workflow.start('nope', { taskQueue: 'orders' });` },
    // A worker that loads a prebuilt bundle: its types are not known.
    { filename: contractFile('split', 'src/client.ts'), code: `import { Client } from '@temporalio/client';\nnew Client().workflow.start('anything', { taskQueue: 'bundled', workflowId: 'x' });` },
    // A default export handles every type.
    { filename: contractFile('paths', 'src/client.ts'), code: `import { Client } from '@temporalio/client';\nnew Client().workflow.start('anything', { taskQueue: 'defaults', workflowId: 'x' });` },
  ],
  invalid: [
    {
      ...client(replace(`execute('chargeCustomer',`, `execute('chargeCustomers',`)),
      errors: [{ messageId: 'unknownType', data: { name: 'chargeCustomers', where: billing, suggestion: ' (did you mean `chargeCustomer`?)' }, line: 28, column: 34, endLine: 28, endColumn: 51 }],
    },
    {
      ...client(replace(`signalWithStart('abandonedCart',`, `signalWithStart('abandonedCard',`)),
      errors: [{ messageId: 'unknownType', data: { name: 'abandonedCard', where: orders, suggestion: ' (did you mean `abandonedCart`?)' }, line: 14, column: 43, endLine: 14, endColumn: 58 }],
    },
    {
      // Exported, but by the worker of another task queue.
      ...client(replace(`execute('chargeCustomer', {\n    taskQueue: BILLING_TASK_QUEUE`, `execute('chargeCustomer', {\n    taskQueue: ORDERS_TASK_QUEUE`)),
      errors: [{ messageId: 'unknownType', data: { name: 'chargeCustomer', where: orders, suggestion: '' }, line: 28, column: 34 }],
    },
    {
      // The function's name differs from the export key.
      ...client(pipe(addImport(`import { cancelOrder } from './workflows';`), replace('start(processOrder,', 'start(cancelOrder,'))),
      errors: [{ messageId: 'aliasedExport', data: { sent: 'cancelOrderImpl', exported: 'cancelOrder', entry: 'src/workflows/index.ts' }, line: 10, column: 48, endLine: 10, endColumn: 59 }],
    },
    {
      ...client(pipe(addImport(`import * as wfs from './workflows/legacy';`), replace('start(processOrder,', 'start(wfs.cancelOrder,'))),
      errors: [{ messageId: 'aliasedExport', line: 10, column: 48, endLine: 10, endColumn: 63 }],
    },
    {
      // By reference, to a task queue whose worker does not export it.
      ...client(pipe(addImport(`import { chargeCustomer } from './billing/workflows';`), replace('start(processOrder,', 'start(chargeCustomer,'))),
      errors: [{ messageId: 'notExported', data: { sent: 'chargeCustomer', where: orders }, line: 10, column: 48 }],
    },
    {
      ...client(replace(`execute('chargeCustomer', {\n    taskQueue: BILLING_TASK_QUEUE`, `execute('cancelOrderImpl', {\n    taskQueue: ORDERS_TASK_QUEUE`)),
      errors: [{ messageId: 'unknownType', data: { name: 'cancelOrderImpl', where: orders, suggestion: ' (did you mean `cancelOrder`?)' }, line: 28, column: 34 }],
    },
    {
      // Split workers: only the workflow worker's workflowsPath counts.
      filename: contractFile('split', 'src/client.ts'),
      code: `import { Client } from '@temporalio/client';\nnew Client().workflow.start('greetings', { taskQueue: 'split', workflowId: 'x' });`,
      errors: [{ messageId: 'unknownType', data: { name: 'greetings', where: 'the `workflowsPath` of the worker polling `split` (src/workflows.ts)', suggestion: ' (did you mean `greeting`?)' }, line: 2, column: 29 }],
    },
    {
      // Schedules.
      ...contractCase('shop', 'src/schedule.ts', replace(`workflowType: 'chargeCustomer'`, `workflowType: 'chargeCustomr'`)),
      errors: [{ messageId: 'unknownType', data: { name: 'chargeCustomr', where: billing, suggestion: ' (did you mean `chargeCustomer`?)' }, line: 10, column: 21 }],
    },
    {
      // The legacy WorkflowClient, a type held in a const.
      filename: client().filename,
      code: `import { WorkflowClient } from '@temporalio/client';\nconst TYPE = 'procesOrder';\nawait new WorkflowClient().start(TYPE, { taskQueue: 'orders', workflowId: 'o-1' });`,
      errors: [{ messageId: 'unknownType', data: { name: 'procesOrder', where: orders, suggestion: ' (did you mean `processOrder`?)' }, line: 3, column: 34, endLine: 3, endColumn: 38 }],
    },
    {
      // A test starting a workflow that its worker's workflowsPath lacks.
      ...contractCase('shop', 'src/test/vitest/billing.test.ts', replace(`execute(chargeCustomer,`, `execute('processOrder',`)),
      errors: [{ messageId: 'unknownType', data: { name: 'processOrder', where: 'the `workflowsPath` of the worker polling `test-billing` (src/billing/workflows.ts)', suggestion: '' }, line: 29, column: 39 }],
    },
  ],
});
