// Generates a synthetic but realistic Temporal project of about N source files:
// a worker with workflowsPath, a workflows barrel, workflow files, helpers shared by workflows and activities,
// activity modules registered through a namespace import, a client, and tests.
import fs from 'node:fs';
import path from 'node:path';

/**
 * @param {string} dir target directory (emptied first)
 * @param {number} files approximate number of source files
 */
export function generateProject(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  const groups = Math.max(1, Math.round((files - 5) / 4));
  const write = (rel, text) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write('package.json', JSON.stringify({ name: `bench-${files}`, private: true, type: 'commonjs' }, null, 2));
  write(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          target: 'es2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true,
          rootDir: 'src', outDir: 'lib', types: ['node'],
        },
        include: ['src/**/*.ts'],
      },
      null,
      2,
    ),
  );
  write(
    'src/worker.ts',
    `import { NativeConnection, Worker } from '@temporalio/worker';
import * as activities from './activities';
import { TASK_QUEUE } from './shared';

async function run() {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233' });
  const worker = await Worker.create({
    connection,
    taskQueue: TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    activities,
    shutdownGraceTime: '30s',
  });
  await worker.run();
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
`,
  );
  write('src/shared.ts', `export const TASK_QUEUE = 'bench';\nexport interface Order { id: string; amount: number; items: string[] }\n`);
  const wfIndex = [];
  const actIndex = [];
  for (let g = 0; g < groups; g++) {
    wfIndex.push(`export * from './wf${g}';`);
    actIndex.push(`export * from './act${g}';`);
    write(
      `src/workflows/wf${g}.ts`,
      `import { condition, defineQuery, defineSignal, proxyActivities, setHandler, sleep, uuid4 } from '@temporalio/workflow';
import type * as activities from '../activities';
import { formatTotal${g}, validate${g} } from '../utils/helpers${g}';
import type { Order } from '../shared';

const { charge${g}, notify${g} } = proxyActivities<typeof activities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '1s', backoffCoefficient: 2 },
});

export const approve${g} = defineSignal<[boolean]>('approve${g}');
export const status${g} = defineQuery<string>('status${g}');

export async function order${g}(order: Order): Promise<string> {
  let status = 'pending';
  let approved: boolean | undefined;
  setHandler(approve${g}, (value) => {
    approved = value;
  });
  setHandler(status${g}, () => status);
  validate${g}(order);
  if (!(await condition(() => approved !== undefined, '1 day'))) {
    status = 'expired';
    return status;
  }
  const receipt = await charge${g}(order.id, order.amount);
  await sleep('5 seconds');
  await notify${g}(order.id, formatTotal${g}(order.amount), uuid4());
  status = approved ? \`done:\${receipt}\` : 'rejected';
  return status;
}
`,
    );
    write(
      `src/utils/helpers${g}.ts`,
      `import { ApplicationFailure } from '@temporalio/common';
import type { Order } from '../shared';

export function formatTotal${g}(amount: number): string {
  return \`\${(amount / 100).toFixed(2)} USD\`;
}

export function validate${g}(order: Order): void {
  if (order.amount <= 0 || order.items.length === 0) {
    throw ApplicationFailure.nonRetryable(\`invalid order \${order.id}\`, 'InvalidOrder');
  }
}
`,
    );
    write(
      `src/activities/act${g}.ts`,
      `import { Context, heartbeat } from '@temporalio/activity';
import { readFile } from 'node:fs/promises';
import { formatTotal${g} } from '../utils/helpers${g}';

export async function charge${g}(id: string, amount: number): Promise<string> {
  const { log } = Context.current();
  log.info('charging', { id, amount: formatTotal${g}(amount) });
  return \`receipt-\${id}\`;
}

export async function notify${g}(id: string, total: string, key: string): Promise<void> {
  const template = await readFile('templates/notify.txt', 'utf8');
  for (const line of template.split('\\n')) {
    heartbeat(line.length);
  }
  Context.current().log.info('notified', { id, total, key });
}
`,
    );
    write(
      `src/test/wf${g}.test.ts`,
      `import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { order${g} } from '../workflows';

export async function testOrder${g}(): Promise<void> {
  const env = await TestWorkflowEnvironment.createTimeSkipping();
  try {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'test${g}',
      workflowsPath: require.resolve('../workflows'),
      activities: { charge${g}: async () => 'r', notify${g}: async () => undefined },
    });
    await worker.runUntil(env.client.workflow.execute(order${g}, { taskQueue: 'test${g}', workflowId: 'wf-${g}', args: [{ id: '1', amount: 1, items: ['a'] }] }));
  } finally {
    await env.teardown();
  }
}
`,
    );
  }
  write('src/workflows/index.ts', `${wfIndex.join('\n')}\n`);
  write('src/activities/index.ts', `${actIndex.join('\n')}\n`);
  write(
    'src/client.ts',
    `import { Client, Connection } from '@temporalio/client';
import { order0 } from './workflows';
import { TASK_QUEUE } from './shared';

async function run() {
  const connection = await Connection.connect();
  const client = new Client({ connection });
  const handle = await client.workflow.start(order0, {
    taskQueue: TASK_QUEUE,
    workflowId: 'order-0',
    args: [{ id: '0', amount: 100, items: ['book'] }],
  });
  console.log(await handle.result());
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
`,
  );
  return { dir, files: groups * 4 + 5 };
}
