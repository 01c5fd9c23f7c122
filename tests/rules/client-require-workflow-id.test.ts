import rule from '../../src/rules/client-require-workflow-id.js';
import { contractCase, everyFile, replace } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/client.ts';
const header = `import { Client } from '@temporalio/client';\nconst client = new Client();\n`;

ruleTester.run('client-require-workflow-id', rule, {
  valid: [
    // Ids derived from the order and customer; tests are exempt.
    ...everyFile('shop'),
    { filename, code: `${header}await client.workflow.start('report', { taskQueue: 'q', workflowId: 'daily-sales-report' });` },
    { filename, code: `${header}export const go = (orderId: string) => client.workflow.execute('x', { taskQueue: 'q', workflowId: orderId });` },
    // A business key with a random suffix is still a business key.
    { filename, code: `${header}import { v4 } from 'uuid';\nexport const go = (orderId: string) => client.workflow.start('x', { taskQueue: 'q', workflowId: \`order-\${orderId}-\${v4()}\` });` },
    // Options the linter cannot see.
    { filename, code: `${header}export const go = (opts: any) => client.workflow.start('x', { ...opts, taskQueue: 'q' });` },
    { filename, code: `${header}export const go = (opts: any) => client.workflow.start('x', opts);` },
    // No options at all: not recognisably a Temporal start.
    { filename, code: `${header}client.workflow.start('x');` },
    // Deterministic uuid versions (name-based) and a local function named like a random one.
    { filename, code: `${header}import { v5 } from 'uuid';\nexport const go = (email: string) => client.workflow.start('x', { taskQueue: 'q', workflowId: v5(email, v5.URL) });` },
    { filename, code: `${header}function uuid() { return 'fixed'; }\nawait client.workflow.start('x', { taskQueue: 'q', workflowId: uuid() });` },
    // Random ids in tests are fine.
    { filename: 'src/test/workflows.test.ts', code: `${header}import { v4 } from 'uuid';\nawait client.workflow.start('x', { taskQueue: 'q', workflowId: v4() });` },
  ],
  invalid: [
    {
      ...contractCase('shop', 'src/client.ts', replace('workflowId: `order-${order.orderId}`', 'workflowId: crypto.randomUUID()')),
      errors: [{ messageId: 'randomWorkflowId', data: { source: '`crypto.randomUUID()`' }, line: 11, column: 19, endLine: 11, endColumn: 38 }],
    },
    {
      filename,
      code: `${header}import { v4 as uuid } from 'uuid';\nawait client.workflow.start('x', { taskQueue: 'q', workflowId: uuid() });`,
      errors: [{ messageId: 'randomWorkflowId', data: { source: '`uuid()`' }, line: 4, column: 64, endLine: 4, endColumn: 70 }],
    },
    {
      filename,
      code: `${header}import * as uuid from 'uuid';\nconst id = uuid.v4();\nawait client.workflow.execute('x', { taskQueue: 'q', workflowId: id });`,
      errors: [{ messageId: 'randomWorkflowId', data: { source: '`uuid.v4()`' }, line: 5, column: 66 }],
    },
    {
      filename,
      code: `${header}import { nanoid } from 'nanoid';\nawait client.workflow.signalWithStart('x', { taskQueue: 'q', workflowId: \`order-\${nanoid()}\`, signal: 's' });`,
      errors: [{ messageId: 'randomWorkflowId', data: { source: '`nanoid()`' }, line: 4, column: 74 }],
    },
    {
      filename,
      code: `${header}const { randomUUID } = require('node:crypto');\nawait client.workflow.start('x', { taskQueue: 'q', workflowId: 'wf-' + randomUUID() });`,
      errors: [{ messageId: 'randomWorkflowId', data: { source: '`randomUUID()`' }, line: 4, column: 64 }],
    },
    {
      filename,
      code: `${header}await client.workflow.start('x', { taskQueue: 'q', workflowId: \`report-\${Date.now()}\` });\nawait client.workflow.start('y', { taskQueue: 'q', workflowId: String(new Date().getTime()) });`,
      errors: [
        { messageId: 'randomWorkflowId', data: { source: '`Date.now()`' }, line: 3, column: 64 },
        { messageId: 'randomWorkflowId', data: { source: '`new Date()`' }, line: 4, column: 64 },
      ],
    },
    {
      filename,
      code: `${header}await client.workflow.start('x', { taskQueue: 'q', args: [] });`,
      errors: [{ messageId: 'missingWorkflowId', line: 3, column: 34, endLine: 3, endColumn: 62 }],
    },
    {
      filename,
      code: `import { WorkflowClient } from '@temporalio/client';\nconst opts = { taskQueue: 'q' };\nawait new WorkflowClient().execute('x', opts);`,
      errors: [{ messageId: 'missingWorkflowId', line: 3, column: 41, endLine: 3, endColumn: 45 }],
    },
  ],
});
