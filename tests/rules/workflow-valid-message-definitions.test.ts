import rule from '../../src/rules/workflow-valid-message-definitions.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const W = 'src/workflows.ts';
const RECOMMENDED = [{ requireModuleScope: false, requireLiteralNames: false, requireQueryResultType: false }] as const;

ruleTester.run('workflow-valid-message-definitions', rule, {
  valid: [
    // The message-passing/introduction sample.
    {
      code: `import * as wf from '@temporalio/workflow';
export const getLanguages = wf.defineQuery<Language[], [GetLanguagesInput]>('getLanguages');
export const approve = wf.defineSignal<[ApproveInput]>('approve');
export const setLanguage = wf.defineUpdate<Language, [Language]>('setLanguage');
export const getLanguage = wf.defineQuery<Language>('getLanguage');`,
      filename: W,
    },
    // Constants, `as const` objects, string enums, imported names.
    {
      code: `import { defineSignal, defineQuery, defineUpdate } from '@temporalio/workflow';
import { NAMES } from './names';
const APPROVE = 'approve';
const Q = { status: 'status' } as const;
enum Updates { Rename = 'rename' }
export const a = defineSignal(APPROVE);
export const b = defineQuery<string>(Q.status);
export const c = defineUpdate<void>(Updates.Rename);
export const d = defineSignal(NAMES.cancel);
export const e = defineSignal(\`order-\${APPROVE}\`);`,
      filename: W,
    },
    // Contextual types make the query result known.
    {
      code: `import { defineQuery, type QueryDefinition } from '@temporalio/workflow';
export const q1: QueryDefinition<number> = defineQuery('q1');
export const q2 = defineQuery('q2') as QueryDefinition<number>;
export const q3 = defineQuery('q3') satisfies QueryDefinition<unknown>;`,
      filename: W,
    },
    // JavaScript files have no type arguments.
    { code: `import { defineQuery } from '@temporalio/workflow';\nexport const q = defineQuery('status');`, filename: 'src/workflows.js' },
    // Allow-listed names of first-party contrib packages, for their own entity type.
    {
      code: `import { defineSignal, defineUpdate, defineQuery } from '@temporalio/workflow';
export const p = defineSignal('__temporal_workflow_stream_publish');
export const u = defineUpdate<void>('__temporal_workflow_stream_poll');
export const o = defineQuery<number>('__temporal_workflow_stream_offset');`,
      filename: W,
    },
    // The recommended options only check reserved names.
    {
      code: `import { defineSignal, defineQuery, setHandler } from '@temporalio/workflow';
export async function wf(prefix: string): Promise<void> {
  setHandler(defineQuery('childState'), () => 1);
  setHandler(defineSignal(prefix + '-done'), () => {});
}`,
      filename: W,
      options: RECOMMENDED,
    },
    // Same-named local functions and other packages.
    {
      code: `function defineSignal(name: string) { return name; }\nexport function f(n: string) { return defineSignal('__temporal_x' + n); }`,
      filename: W,
    },
    { code: `import { defineQuery } from 'graphlite';\nexport function f(n: string) { return defineQuery(n); }`, filename: W },
    // Not workflow code.
    { code: `import { defineSignal } from '@temporalio/workflow';\nexport const s = defineSignal('__temporal_x');`, filename: 'src/client.ts' },
  ],
  invalid: [
    {
      code: `import { defineSignal, defineQuery, defineUpdate } from '@temporalio/workflow';
export const a = defineSignal('__temporal_approve');
export const b = defineQuery<string>('__stack_trace');
export const c = defineUpdate<void>('__enhanced_stack_trace');
export const d = defineQuery<number>('__temporal_workflow_stream_publish');`,
      filename: W,
      options: RECOMMENDED,
      errors: [
        {
          messageId: 'reservedName',
          data: { definer: 'defineSignal', name: '__temporal_approve', reason: 'the `__temporal_` prefix', why: '' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 51,
        },
        { messageId: 'reservedName', data: { definer: 'defineQuery', name: '__stack_trace', reason: 'a built-in query name', why: '' }, line: 3, column: 38 },
        { messageId: 'reservedName', line: 4, column: 37 },
        // Allow-listed as a signal name only.
        { messageId: 'reservedName', data: { definer: 'defineQuery', name: '__temporal_workflow_stream_publish', reason: 'the `__temporal_` prefix', why: '' }, line: 5, column: 38 },
      ],
    },
    {
      // Reserved names through constants, namespaces, aliases and require.
      code: `import * as wf from '@temporalio/workflow';
import { defineSignal as sig } from '@temporalio/workflow';
const { defineUpdate } = require('@temporalio/workflow');
const PREFIX = '__temporal_';
export const a = wf.defineSignal(PREFIX + 'x');
export const b = sig(\`\${PREFIX}y\`);
export const c = defineUpdate('__temporal_z');`,
      filename: W,
      errors: [
        { messageId: 'reservedName', data: { definer: 'defineSignal', name: '__temporal_x', reason: 'the `__temporal_` prefix', why: '' }, line: 5, column: 34 },
        { messageId: 'reservedName', line: 6, column: 22 },
        { messageId: 'reservedName', line: 7, column: 31 },
      ],
    },
    {
      // Definitions inside functions; untyped query results; computed names.
      code: `import { defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
export async function wf(prefix: string, input: { name: string }): Promise<void> {
  setHandler(defineQuery('childState'), () => 1);
  const done = defineSignal(prefix + '-done');
  const named = defineSignal(input.name);
}
export const status = defineQuery('status');`,
      filename: W,
      errors: [
        { messageId: 'definitionInFunction', data: { definer: 'defineQuery', why: '' }, line: 3, column: 14, endLine: 3, endColumn: 25 },
        { messageId: 'missingQueryResultType', data: { why: '' }, line: 3, column: 14 },
        { messageId: 'definitionInFunction', data: { definer: 'defineSignal', why: '' }, line: 4, column: 16 },
        { messageId: 'nonLiteralName', data: { definer: 'defineSignal', why: '' }, line: 4, column: 29 },
        { messageId: 'definitionInFunction', line: 5, column: 17 },
        { messageId: 'nonLiteralName', line: 5, column: 30 },
        { messageId: 'missingQueryResultType', line: 7, column: 23, endLine: 7, endColumn: 34 },
      ],
    },
    {
      // Each option alone.
      code: `import { defineQuery } from '@temporalio/workflow';\nexport const q = defineQuery('q');\nexport function make(n: string) { return defineQuery<number>(n); }`,
      filename: W,
      options: [{ requireModuleScope: false, requireLiteralNames: false, requireQueryResultType: true }],
      errors: [{ messageId: 'missingQueryResultType', line: 2, column: 18 }],
    },
    {
      code: `import { defineQuery } from '@temporalio/workflow';\nlet name = 'a'; name = 'b';\nexport const q = defineQuery<number>(name);\nexport const r = defineQuery<number>(getName());\nexport const s = defineQuery<number>(42 as any);`,
      filename: W,
      options: [{ requireModuleScope: false, requireLiteralNames: true, requireQueryResultType: false }],
      errors: [
        { messageId: 'nonLiteralName', line: 3, column: 38 },
        { messageId: 'nonLiteralName', line: 4, column: 38 },
        { messageId: 'nonLiteralName', line: 5, column: 38 },
      ],
    },
    {
      // Workflow code by directory convention.
      code: `import { defineSignal } from '@temporalio/workflow';\nexport const s = defineSignal('__temporal_s');`,
      filename: 'src/workflows/order.ts',
      errors: [{ messageId: 'reservedName', line: 2, column: 31 }],
    },
  ],
});
