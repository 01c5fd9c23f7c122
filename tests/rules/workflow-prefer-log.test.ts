import rule from '../../src/rules/workflow-prefer-log.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';

ruleTester.run('workflow-prefer-log', rule, {
  valid: [
    // Idiomatic: the samples log through `log` from @temporalio/workflow.
    {
      code: `import { log } from '@temporalio/workflow';\nexport async function wf(): Promise<void> { log.info('Workflow started', { n: 1 }); }`,
      filename: W,
    },
    {
      code: `import * as wf from '@temporalio/workflow';\nexport async function w(): Promise<void> { wf.log.warn('x'); }`,
      filename: W,
    },
    // Not workflow code.
    { code: `console.log('activity');`, filename: 'src/activities.ts' },
    { code: `console.log('client');`, filename: 'src/client.ts' },
    { code: `console.log('test');`, filename: 'src/workflows.test.ts' },
    // Methods the sandbox does not have are another rule's business.
    { code: `console.table([]); console.time('x'); console.trace();`, filename: W },
    // A local `console` is not the global.
    { code: `function f(console: { log(m: string): void }) { console.log('x'); }`, filename: W },
    { code: `const console = { log: (m: string) => m };\nconsole.log('x');`, filename: W },
    { code: `logger.log('x'); foo.console.log('y');`, filename: W },
  ],
  invalid: [
    {
      code: `export async function wf(): Promise<void> {\n  console.log('started');\n}`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          data: { method: 'log', level: 'info', why: '' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useLog',
              data: { level: 'info' },
              output: `import { log } from '@temporalio/workflow';\nexport async function wf(): Promise<void> {\n  log.info('started');\n}`,
            },
          ],
        },
      ],
    },
    {
      // Each level maps to its `log` method; an existing import is extended.
      code: `import { sleep } from '@temporalio/workflow';\nconsole.warn('w'); console.error(\`e \${1}\`); console.debug('d'); console.info('i');`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'useLog',
              output: `import { sleep, log } from '@temporalio/workflow';\nlog.warn('w'); console.error(\`e \${1}\`); console.debug('d'); console.info('i');`,
            },
          ],
        },
        {
          messageId: 'preferLog',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'useLog',
              output: `import { sleep, log } from '@temporalio/workflow';\nconsole.warn('w'); log.error(\`e \${1}\`); console.debug('d'); console.info('i');`,
            },
          ],
        },
        {
          messageId: 'preferLog',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'useLog',
              output: `import { sleep, log } from '@temporalio/workflow';\nconsole.warn('w'); console.error(\`e \${1}\`); log.debug('d'); console.info('i');`,
            },
          ],
        },
        {
          messageId: 'preferLog',
          line: 2,
          column: 65,
          suggestions: [
            {
              messageId: 'useLog',
              output: `import { sleep, log } from '@temporalio/workflow';\nconsole.warn('w'); console.error(\`e \${1}\`); console.debug('d'); log.info('i');`,
            },
          ],
        },
      ],
    },
    {
      // Namespace import: `wf.log`.
      code: `import * as wf from '@temporalio/workflow';\nconsole.log('x');`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'useLog', output: `import * as wf from '@temporalio/workflow';\nwf.log.info('x');` }],
        },
      ],
    },
    {
      // Alias import is reused.
      code: `import { log as wlog } from '@temporalio/workflow';\nconsole.log('x');`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'useLog', output: `import { log as wlog } from '@temporalio/workflow';\nwlog.info('x');` }],
        },
      ],
    },
    {
      // A local `log` is not clobbered.
      code: `const log = [];\nconsole.log('x');`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'useLog',
              output: `import { log as wfLog } from '@temporalio/workflow';\nconst log = [];\nwfLog.info('x');`,
            },
          ],
        },
      ],
    },
    {
      // Extra values become attributes.
      code: `console.log('order placed', orderId, input.customer);`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          line: 1,
          column: 1,
          suggestions: [
            {
              messageId: 'useLog',
              output: `import { log } from '@temporalio/workflow';\nlog.info('order placed', { orderId, customer: input.customer });`,
            },
          ],
        },
      ],
    },
    {
      // A single object literal is already the attributes.
      code: `console.error('failed', { attempt: 2 });`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          line: 1,
          column: 1,
          suggestions: [
            { messageId: 'useLog', output: `import { log } from '@temporalio/workflow';\nlog.error('failed', { attempt: 2 });` },
          ],
        },
      ],
    },
    {
      // Optional call, computed member, `globalThis`.
      code: `console.log?.('a'); console['warn']('b'); globalThis.console.error('c');`,
      filename: W,
      errors: [
        {
          messageId: 'preferLog',
          line: 1,
          column: 1,
          suggestions: [{ messageId: 'useLog', output: `import { log } from '@temporalio/workflow';\nlog.info?.('a'); console['warn']('b'); globalThis.console.error('c');` }],
        },
        {
          messageId: 'preferLog',
          line: 1,
          column: 21,
          suggestions: [{ messageId: 'useLog', output: `import { log } from '@temporalio/workflow';\nconsole.log?.('a'); log.warn('b'); globalThis.console.error('c');` }],
        },
        {
          messageId: 'preferLog',
          line: 1,
          column: 43,
          suggestions: [{ messageId: 'useLog', output: `import { log } from '@temporalio/workflow';\nconsole.log?.('a'); console['warn']('b'); log.error('c');` }],
        },
      ],
    },
    {
      // No suggestion when the arguments do not fit `log.x(message, attrs)`: not a string, format specifiers,
      // unnamed values, spread, no argument, a comment inside.
      code: [
        `console.log(value);`,
        `console.log('%s items', n);`,
        `console.log('total', 1 + 2);`,
        `console.log(...args);`,
        `console.log();`,
        `console.log('x', a, a);`,
        `console.log('x' /* why */);`,
      ].join('\n'),
      filename: W,
      errors: [
        { messageId: 'preferLog', line: 1, column: 1, suggestions: [] },
        { messageId: 'preferLog', line: 2, column: 1, suggestions: [] },
        { messageId: 'preferLog', line: 3, column: 1, suggestions: [] },
        { messageId: 'preferLog', line: 4, column: 1, suggestions: [] },
        { messageId: 'preferLog', line: 5, column: 1, suggestions: [] },
        { messageId: 'preferLog', line: 6, column: 1, suggestions: [] },
        { messageId: 'preferLog', line: 7, column: 1, suggestions: [] },
      ],
    },
    {
      // A destructured method is still the console's; reported without a suggestion.
      code: `const { log: print } = console;\nprint('x');`,
      filename: W,
      errors: [{ messageId: 'preferLog', data: { method: 'log', level: 'info', why: '' }, line: 2, column: 1, suggestions: [] }],
    },
    {
      // Inside handlers and helpers of workflow code too.
      code: `import { setHandler, defineSignal } from '@temporalio/workflow';\nconst s = defineSignal('s');\nexport async function wf(): Promise<void> {\n  setHandler(s, () => { console.info('got s'); });\n}`,
      filename: 'src/workflows/order.ts',
      errors: [
        {
          messageId: 'preferLog',
          line: 4,
          column: 25,
          suggestions: [
            {
              messageId: 'useLog',
              output: `import { setHandler, defineSignal, log } from '@temporalio/workflow';\nconst s = defineSignal('s');\nexport async function wf(): Promise<void> {\n  setHandler(s, () => { log.info('got s'); });\n}`,
            },
          ],
        },
      ],
    },
  ],
});
