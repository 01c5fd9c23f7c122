import rule from '../../src/rules/worker-graceful-shutdown.js';
import { everyFile } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/worker.ts';
const header = `import { NativeConnection, Runtime, Worker } from '@temporalio/worker';\n`;
const grace = [{ requireShutdownGraceTime: true }] as const;

ruleTester.run('worker-graceful-shutdown', rule, {
  valid: [
    // The samples' worker: `run().catch(... process.exit(1))` exits after the worker has stopped.
    ...everyFile('shop'),
    ...everyFile('shop').filter((c) => !c.filename.includes('test')).map((c) => ({ ...c, options: grace })),
    ...everyFile('options').map((c) => ({ ...c, options: grace })),
    // Exiting after the worker stopped, in a signal handler.
    {
      filename,
      code: `${header}const worker = await Worker.create({ taskQueue: 'q' });
const running = worker.run();
process.on('SIGTERM', async () => {
  worker.shutdown();
  await running;
  process.exit(0);
});
await running;`,
    },
    { filename, code: `${header}const worker = await Worker.create({ taskQueue: 'q' });\nconst done = worker.run();\nprocess.once('SIGINT', () => { worker.shutdown(); done.then(() => process.exit(0)); });\nawait done;` },
    // Other events, and exits outside handlers.
    { filename, code: `${header}await Worker.create({ taskQueue: 'q' });\nprocess.on('uncaughtException', () => process.exit(1));` },
    // Handled rejections.
    { filename, code: `${header}const worker = await Worker.create({ taskQueue: 'q' });\nworker.run().catch((err) => { console.error(err); process.exitCode = 1; });` },
    { filename, code: `${header}const worker = await Worker.create({ taskQueue: 'q' });\nworker.run().then(() => console.log('stopped'), (err) => console.error(err));` },
    { filename, code: `${header}export async function main() { const worker = await Worker.create({ taskQueue: 'q' }); return worker.run(); }` },
    { filename, code: `${header}const worker = await Worker.create({ taskQueue: 'q' });\nawait Promise.all([worker.run()]);` },
    // No signal handling, but a shutdown path.
    { filename, code: `${header}Runtime.install({ shutdownSignals: [] });\nconst worker = await Worker.create({ taskQueue: 'q' });\nprocess.on('SIGTERM', () => worker.shutdown());\nawait worker.run();` },
    { filename, code: `${header}Runtime.install({ shutdownSignals: ['SIGTERM'] });\nconst worker = await Worker.create({ taskQueue: 'q' });\nawait worker.run();` },
    // Not worker code: no Worker.create here, or a test.
    { filename: 'src/main.ts', code: `process.on('SIGTERM', () => process.exit(0));` },
    {
      filename: 'src/workflows.test.ts',
      code: `${header}import { TestWorkflowEnvironment } from '@temporalio/testing';\nconst env = await TestWorkflowEnvironment.createLocal();\nconst worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'q', activities: {} });\nworker.run();`,
      options: grace,
    },
    // Grace time set, or no activities.
    { filename, code: `${header}await Worker.create({ taskQueue: 'q', activities, shutdownGraceTime: '1m' });\nawait Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows') });`, options: grace },
    // A local `Worker`.
    { filename, code: `const Worker = { create(o: unknown) { return { run() {} }; } };\nconst worker = Worker.create({});\nworker.run();\nprocess.on('SIGTERM', () => process.exit(0));` },
  ],
  invalid: [
    {
      filename,
      code: `${header}const worker = await Worker.create({ taskQueue: 'q' });
process.on('SIGTERM', () => {
  console.log('bye');
  process.exit(0);
});
await worker.run();`,
      errors: [{ messageId: 'exitInSignalHandler', data: { signal: 'SIGTERM' }, line: 5, column: 3, endLine: 5, endColumn: 18 }],
    },
    {
      // `node:process`, `once`, a handler that shuts down but does not wait.
      filename,
      code: `${header}import process from 'node:process';\nconst worker = await Worker.create({ taskQueue: 'q' });\nprocess.once('SIGINT', function () { worker.shutdown(); process.exit(); });\nawait worker.run();`,
      errors: [{ messageId: 'exitInSignalHandler', data: { signal: 'SIGINT' }, line: 4, column: 57 }],
    },
    {
      filename,
      code: `${header}async function run() {
  const connection = await NativeConnection.connect();
  try {
    const worker = await Worker.create({ connection, taskQueue: 'q' });
    worker.run();
  } finally {
    await connection.close();
  }
}
run();`,
      errors: [
        {
          messageId: 'floatingRun',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${header}async function run() {
  const connection = await NativeConnection.connect();
  try {
    const worker = await Worker.create({ connection, taskQueue: 'q' });
    await worker.run();
  } finally {
    await connection.close();
  }
}
run();`,
            },
          ],
        },
      ],
    },
    {
      filename,
      code: `${header}const worker = await Worker.create({ taskQueue: 'q' });\nvoid worker.run();\nworker.run().then(() => console.log('done'));\nworker.run().finally(() => console.log('done'));`,
      errors: [
        { messageId: 'floatingRun', line: 3, column: 6, suggestions: [] },
        { messageId: 'floatingRun', line: 4, column: 1, suggestions: [] },
        { messageId: 'floatingRun', line: 5, column: 1, suggestions: [] },
      ],
    },
    {
      filename,
      code: `${header}Runtime.install({ logger, shutdownSignals: [] });\nconst worker = await Worker.create({ taskQueue: 'q' });\nawait worker.run();`,
      errors: [{ messageId: 'noShutdownPath', line: 2, column: 44, endLine: 2, endColumn: 46 }],
    },
    {
      filename,
      code: `${header}import * as activities from './activities';\nconst worker = await Worker.create({\n  taskQueue: 'q',\n  activities,\n});\nawait worker.run();`,
      options: grace,
      errors: [
        {
          messageId: 'missingShutdownGraceTime',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addShutdownGraceTime',
              output: `${header}import * as activities from './activities';\nconst worker = await Worker.create({\n  taskQueue: 'q',\n  activities,\n  shutdownGraceTime: '30 seconds',\n});\nawait worker.run();`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('worker-graceful-shutdown: signal handlers, run chains and grace time', rule, {
  valid: [],
  invalid: [
    // Signal handlers: the exit runs after `.then`/`.catch`/`.finally`, a non-signal event and a computed listener are not handlers, spread `Runtime.install` arguments are unknown.
    {
      code: `${header}declare const args: [object];
declare const opts: Parameters<typeof Worker.create>[0];
Runtime.install(...args);
const worker = await Worker.create(opts);
process.on('SIGTERM', () => { worker.shutdown(); Promise.resolve().then(() => process.exit(0)); });
process.on('SIGINT', () => { Promise.resolve().catch(() => process.exit(1)); });
process.once('SIGHUP', () => { Promise.resolve().finally(() => process.exit(2)); });
process.on('exit', () => process.exit(3));
process['on']('SIGUSR1', () => process.exit(4));
const emitter = { on(_s: string, _f: () => void) {} };
emitter.on('SIGUSR2', () => process.exit(5));
process.on('SIGQUIT', function () { worker.shutdown(); process.exit(6); });
await worker.run();`,
      filename: filename,
      errors: [
        { messageId: 'exitInSignalHandler', line: 13, column: 56, endLine: 13, endColumn: 71 },
      ],
    },
    // Runs whose rejection is kept by `.then(ok)` / `.finally()` or wrapped in TS expressions, and handled by `.then(ok, fail)` or `.catch()`.
    {
      code: `${header}declare const opts: Parameters<typeof Worker.create>[0];
const worker = await Worker.create(opts);
worker.run().then(() => {});
worker.run().finally(() => {});
(worker.run() as Promise<void>).then(() => {}, () => {});
worker.run()!.catch(() => {});
worker.run()['catch'](() => {});`,
      filename: filename,
      errors: [
        { messageId: 'floatingRun', line: 4, column: 1, endLine: 4, endColumn: 13 },
        { messageId: 'floatingRun', line: 5, column: 1, endLine: 5, endColumn: 13 },
      ],
    },
    // Grace time: non-literal options get no suggestion; spread options are unknown.
    {
      code: `${header}import * as activities from './activities';
declare const args: [any];
const base = { taskQueue: 'q', activities };
await Worker.create(base);
await Worker.create(...args);`,
      filename: filename,
      options: grace,
      errors: [
        { messageId: 'missingShutdownGraceTime', line: 5, column: 7, endLine: 5, endColumn: 20 },
      ],
    },
  ],
});
