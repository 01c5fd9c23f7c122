import rule from '../../src/rules/no-temporal-internal-imports.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-temporal-internal-imports', rule, {
  valid: [
    { code: `import { proxyActivities, sleep } from '@temporalio/workflow';`, filename: 'src/workflows.ts' },
    { code: `import { Worker } from '@temporalio/worker'; import { Client } from '@temporalio/client';`, filename: 'src/worker.ts' },
    { code: `import { temporal } from '@temporalio/proto';`, filename: 'src/client.ts' },
    { code: `import x from '@temporalio-community/lib/x'; import y from 'temporalio/lib/x';`, filename: 'src/client.ts' },
    { code: `const w = require('@temporalio/workflow');`, filename: 'src/client.ts' },
    { code: `const m = require(name);`, filename: 'src/client.ts' },
    { code: `export { sleep } from '@temporalio/workflow';`, filename: 'src/workflows/index.ts' },
  ],
  invalid: [
    {
      // Declared in that very module and exported publicly: the rewrite cannot change anything.
      code: `import { ApplicationFailure } from '@temporalio/common/lib/failure';`,
      filename: 'src/workflows.ts',
      output: `import { ApplicationFailure } from '@temporalio/common';`,
      errors: [{ messageId: 'internalImport', line: 1, column: 36, endLine: 1, endColumn: 68 }],
    },
    {
      code: `import { ApplicationFailure, type RetryPolicy } from "@temporalio/common/lib/failure.js";`,
      filename: 'src/workflows.ts',
      output: null,
      errors: [
        {
          messageId: 'internalImport',
          line: 1,
          column: 54,
          suggestions: [
            { messageId: 'usePublicEntry', output: `import { ApplicationFailure, type RetryPolicy } from "@temporalio/common";` },
          ],
        },
      ],
    },
    {
      code: `import type { WorkflowInfo } from '@temporalio/workflow/lib/interfaces';`,
      filename: 'src/workflows.ts',
      output: `import type { WorkflowInfo } from '@temporalio/workflow';`,
      errors: [{ messageId: 'internalImport', line: 1, column: 35 }],
    },
    {
      code: `import { sleep } from '@temporalio/workflow/lib';`,
      filename: 'src/workflows.ts',
      output: `import { sleep } from '@temporalio/workflow';`,
      errors: [{ messageId: 'internalImport', line: 1, column: 23 }],
    },
    {
      code: `export { Context } from '@temporalio/activity/lib/index';`,
      filename: 'src/activities.ts',
      output: `export { Context } from '@temporalio/activity';`,
      errors: [{ messageId: 'internalImport', line: 1, column: 25 }],
    },
    {
      code: `const { ApplicationFailure } = require('@temporalio/common/lib/failure');`,
      filename: 'src/activities.ts',
      output: `const { ApplicationFailure } = require('@temporalio/common');`,
      errors: [{ messageId: 'internalImport', line: 1, column: 40 }],
    },
    {
      code: `import * as internals from '@temporalio/workflow/lib/internals';`,
      filename: 'src/workflows.ts',
      errors: [{ messageId: 'internalImportNoPublic', line: 1, column: 28 }],
    },
    {
      code: `import { getActivator } from '@temporalio/workflow/lib/global-attributes';`,
      filename: 'src/workflows.ts',
      errors: [{ messageId: 'internalImportNoPublic', line: 1, column: 30 }],
    },
    {
      code: `import '@temporalio/worker/lib/workflow/bundler'; export * from '@temporalio/common/lib/converter/payload-converter';`,
      filename: 'src/worker.ts',
      errors: [
        { messageId: 'internalImportNoPublic', line: 1, column: 8 },
        { messageId: 'internalImportNoPublic', line: 1, column: 65 },
      ],
    },
    {
      code: `import { foo } from '@temporalio/nexus/lib/x'; const m = require('@temporalio/proto/src/y'); import b = require('@temporalio/client/lib/base-client');`,
      filename: 'src/client.ts',
      errors: [
        { messageId: 'internalImportNoPublic', line: 1, column: 21 },
        { messageId: 'internalImportNoPublic', line: 1, column: 66 },
        { messageId: 'internalImportNoPublic', line: 1, column: 113 },
      ],
    },
    {
      code: `async function load() { return import('@temporalio/client/lib/errors'); }`,
      filename: 'src/client.ts',
      errors: [{ messageId: 'internalImportNoPublic', line: 1, column: 39 }],
    },
  ],
});
