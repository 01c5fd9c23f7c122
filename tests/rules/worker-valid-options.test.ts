import rule from '../../src/rules/worker-valid-options.js';
import { contractCase, everyFile } from '../contracts.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/worker.ts';
const header = `import { Worker, bundleWorkflowCode } from '@temporalio/worker';\n`;
const clamped = [{ reportClampedValues: true }] as const;

ruleTester.run('worker-valid-options', rule, {
  valid: [
    ...everyFile('options'),
    ...everyFile('options').map((c) => ({ ...c, options: clamped })),
    ...everyFile('shop').map((c) => ({ ...c, options: clamped })),
    ...everyFile('paths'),
    // A tuner alone, or with the options the SDK does not check against it.
    { filename, code: `${header}await Worker.create({ taskQueue: 'q', tuner: { workflowTaskSlotSupplier: s, activityTaskSlotSupplier: s, localActivityTaskSlotSupplier: s } });` },
    { filename, code: `${header}await Worker.create({ taskQueue: 'q', tuner, maxConcurrentNexusTaskExecutions: 5, maxConcurrentWorkflowTaskExecutions: undefined });` },
    // Options merged from elsewhere may or may not hold a tuner: only what is written is checked.
    { filename, code: `${header}await Worker.create({ ...base, taskQueue: 'q', maxConcurrentActivityTaskExecutions: 10 });` },
    // A preloaded module that is not ignored (a different package, not a subpath).
    { filename, code: `${header}await Worker.create({ taskQueue: 'q', bundlerOptions: { ignoreModules: ['lodash'], preloadModules: ['lodash-es'] } });` },
    // Task queues that look reserved but are not.
    { filename, code: `${header}await Worker.create({ taskQueue: '_temporal_orders' });\nawait Worker.create({ taskQueue: 'orders__temporal_' });` },
    // Clamped values are only reported with the option; a disabled cache allows any concurrency.
    { filename, code: `${header}await Worker.create({ taskQueue: 'q', maxCachedWorkflows: 1, maxConcurrentWorkflowTaskExecutions: 50 });` },
    { filename, code: `${header}await Worker.create({ taskQueue: 'q', maxCachedWorkflows: 0, maxConcurrentWorkflowTaskExecutions: 1 });`, options: clamped },
    { filename, code: `${header}await Worker.create({ taskQueue: 'q', maxCachedWorkflows: 40, maxConcurrentWorkflowTaskExecutions: 40 });`, options: clamped },
    // An ignored module used only inside functions (activities, helpers) and not at module scope.
    contractCase('options', 'src/worker.ts', () => `${header}await Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows'), bundlerOptions: { ignoreModules: ['dns'] } });`),
    // Not the SDK.
    { filename, code: `const Worker = { create(o: unknown) {} };\nWorker.create({ taskQueue: '', tuner: {}, maxConcurrentActivityTaskExecutions: 1 });` },
  ],
  invalid: [
    {
      filename,
      code: `${header}await Worker.create({
  taskQueue: 'q',
  tuner: { workflowTaskSlotSupplier: s, activityTaskSlotSupplier: s, localActivityTaskSlotSupplier: s },
  maxConcurrentActivityTaskExecutions: 50,
  maxConcurrentWorkflowTaskExecutions: 20,
});`,
      errors: [
        { messageId: 'tunerWithMaxConcurrent', data: { option: 'maxConcurrentActivityTaskExecutions' }, line: 5, column: 3, endLine: 5, endColumn: 38 },
        { messageId: 'tunerWithMaxConcurrent', data: { option: 'maxConcurrentWorkflowTaskExecutions' }, line: 6, column: 3 },
      ],
    },
    {
      // Through a const and a namespace import.
      filename,
      code: `import * as w from '@temporalio/worker';\nconst options = { taskQueue: 'q', tuner, maxConcurrentLocalActivityExecutions: 5 };\nawait w.Worker.create(options);`,
      errors: [{ messageId: 'tunerWithMaxConcurrent', data: { option: 'maxConcurrentLocalActivityExecutions' }, line: 2, column: 42 }],
    },
    {
      filename,
      code: `${header}await Worker.create({ taskQueue: 'q', bundlerOptions: { ignoreModules: ['lodash'], preloadModules: ['lodash/fp', 'immer'] } });`,
      errors: [{ messageId: 'ignoredAndPreloaded', data: { module: 'lodash/fp' }, line: 2, column: 101, endLine: 2, endColumn: 112 }],
    },
    {
      filename,
      code: `${header}const IGNORED = ['@acme/heavy'];\nawait bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), ignoreModules: IGNORED, preloadModules: ['@acme/heavy'] });`,
      errors: [{ messageId: 'ignoredAndPreloaded', data: { module: '@acme/heavy' }, line: 3, column: 116 }],
    },
    {
      filename,
      code: `${header}await Worker.create({ taskQueue: '__temporal_orders' });\nawait Worker.create({ taskQueue: '' });\nawait Worker.create({ taskQueue: '__stack_trace' });`,
      errors: [
        { messageId: 'invalidTaskQueue', data: { queue: '__temporal_orders', reason: 'starts with the reserved prefix `__temporal_`' }, line: 2, column: 34, endLine: 2, endColumn: 53 },
        { messageId: 'invalidTaskQueue', data: { queue: '', reason: 'is empty' }, line: 3, column: 34 },
        { messageId: 'invalidTaskQueue', data: { queue: '__stack_trace', reason: 'is a name the SDK reserves' }, line: 4, column: 34 },
      ],
    },
    {
      // The ignored modules are used when the bundle loads (src/reporting/plans.ts reads a file at module scope).
      ...contractCase('options', 'src/worker.ts', () => `${header}await Worker.create({
  taskQueue: 'reports',
  workflowsPath: require.resolve('./reporting/workflows'),
  bundlerOptions: { ignoreModules: ['fs', 'path', 'dns'] },
});`),
      errors: [
        { messageId: 'ignoredModuleUsed', data: { module: 'fs', place: 'src/reporting/plans.ts:4', name: 'fs.readFileSync' }, line: 5, column: 37, endLine: 5, endColumn: 41 },
        { messageId: 'ignoredModuleUsed', data: { module: 'path', place: 'src/reporting/plans.ts:4', name: 'path.join' }, line: 5, column: 43 },
      ],
    },
    {
      // Named imports and a destructured require, called at module scope.
      ...contractCase('options', 'src/worker.ts', () => `${header}const IGNORED = ['fs', 'path'];
await Worker.create({ taskQueue: 'templates', workflowsPath: require.resolve('./reporting/template-workflows'), bundlerOptions: { ignoreModules: IGNORED } });`),
      errors: [
        { messageId: 'ignoredModuleUsed', data: { module: 'fs', place: 'src/reporting/templates.ts:5', name: 'readFileSync' }, line: 2, column: 18 },
        { messageId: 'ignoredModuleUsed', data: { module: 'path', place: 'src/reporting/templates.ts:5', name: 'join' }, line: 2, column: 24 },
      ],
    },
    {
      filename,
      code: `${header}await Worker.create({ taskQueue: 'q', maxCachedWorkflows: 1 });\nawait Worker.create({ taskQueue: 'q', maxCachedWorkflows: 20, maxConcurrentWorkflowTaskExecutions: 50 });\nawait Worker.create({ taskQueue: 'q', maxConcurrentWorkflowTaskExecutions: 1 });`,
      options: clamped,
      errors: [
        { messageId: 'clampedValue', data: { option: 'maxCachedWorkflows', value: '1', reason: 'it must be 0 (no cache) or at least 2', applied: '2' }, line: 2, column: 39 },
        {
          messageId: 'clampedValue',
          data: { option: 'maxConcurrentWorkflowTaskExecutions', value: '50', reason: 'it cannot exceed `maxCachedWorkflows` (20) while the cache is enabled', applied: '20' },
          line: 3,
          column: 63,
        },
        {
          messageId: 'clampedValue',
          data: { option: 'maxConcurrentWorkflowTaskExecutions', value: '1', reason: 'it cannot be lower than 2 while the workflow cache is enabled', applied: '2' },
          line: 4,
          column: 39,
        },
      ],
    },
  ],
});
