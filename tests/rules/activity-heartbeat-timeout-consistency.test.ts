import path from 'node:path';
import rule from '../../src/rules/activity-heartbeat-timeout-consistency.js';
import { FIXTURES_DIR, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
/** A project with a worker (`src/worker.ts`) that registers `src/activities/**` and has `workflowsPath: ./workflows`. */
const filename = path.join(FIXTURES_DIR, 'projects/heartbeats/src/workflows.ts');
/** The same project without reading the worker: implementations come from the proxy's type argument. */
const typedOnly = { temporalio: { discovery: false } };

ruleTester.run('activity-heartbeat-timeout-consistency', rule, {
  valid: [
    // Heartbeating activities with heartbeatTimeout; non-heartbeating ones without it (the clean example's shape).
    {
      filename,
      code: `
        import { proxyActivities } from '@temporalio/workflow';
        import type * as activities from './activities';
        const { processFiles, pollJob } = proxyActivities<typeof activities>({ startToCloseTimeout: '10m', heartbeatTimeout: '30s' });
        const { sendEmail } = proxyActivities<typeof activities>({ startToCloseTimeout: '1m' });
        export async function wf() { await processFiles([]); await pollJob('j'); await sendEmail('a'); }
      `,
    },
    // A shared proxy where some activities heartbeat: heartbeatTimeout is right for those.
    {
      filename,
      code: `
        import { proxyActivities } from '@temporalio/workflow';
        import type * as activities from './activities';
        const { processFiles, sendEmail } = proxyActivities<typeof activities>({ startToCloseTimeout: '10m', heartbeatTimeout: '30s' });
        export async function wf() { await processFiles([]); await sendEmail('a'); }
      `,
    },
    // Heartbeats through a helper in another project file count.
    {
      filename,
      code: `
        import { proxyActivities } from '@temporalio/workflow';
        import type * as activities from './activities';
        const { renderReport } = proxyActivities<typeof activities>({ startToCloseTimeout: '10m', heartbeatTimeout: '30s' });
        export async function wf() { await renderReport([]); }
      `,
    },
    // Code the analysis cannot follow (class methods) keeps it silent.
    {
      filename,
      code: `
        import { proxyActivities } from '@temporalio/workflow';
        import type * as activities from './activities';
        const { upload } = proxyActivities<typeof activities>({ startToCloseTimeout: '10m', heartbeatTimeout: '30s' });
        export async function wf() { await upload(); }
      `,
    },
    // Unknown options, unknown names, unknown implementations, and local activities.
    {
      filename,
      code: `
        import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
        import type * as activities from './activities';
        declare const base: { startToCloseTimeout: string };
        const a = proxyActivities<typeof activities>({ ...base });
        const { missing } = proxyActivities<any>({ startToCloseTimeout: '1m', heartbeatTimeout: '5s' });
        const { processFiles } = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '1m' });
        export const exported = proxyActivities<typeof activities>({ startToCloseTimeout: '1m', heartbeatTimeout: '5s' });
        export async function wf() { await a.processFiles([]); await missing(); await processFiles([]); }
      `,
    },
    // The proxy object escapes: not every name is known, so "none heartbeats" cannot be claimed.
    {
      filename,
      code: `
        import { proxyActivities } from '@temporalio/workflow';
        import type * as activities from './activities';
        const acts = proxyActivities<typeof activities>({ startToCloseTimeout: '1m', heartbeatTimeout: '5s' });
        declare function run(x: unknown): Promise<void>;
        export async function wf() { await acts.sendEmail('a'); await run(acts); }
      `,
    },
    // heartbeatTimeout in a variable of unknown value counts as set.
    {
      filename,
      code: `
        import { proxyActivities } from '@temporalio/workflow';
        import type * as activities from './activities';
        declare const HB: string;
        const { importRows } = proxyActivities<typeof activities>({ startToCloseTimeout: '1m', heartbeatTimeout: HB });
        export async function wf() { await importRows([]); }
      `,
    },
    // Not workflow code (a file that is not on disk, so the fixture's own files keep their content).
    {
      filename: path.join(FIXTURES_DIR, 'projects/heartbeats/src/activities/scratch.ts'),
      code: `
        import { proxyActivities } from '@temporalio/workflow';
        import type * as activities from './index';
        const { sendEmail } = proxyActivities<typeof activities>({ startToCloseTimeout: '1m', heartbeatTimeout: '5s' });
        export const x = sendEmail;
      `,
    },
  ],
  invalid: [
    // heartbeatTimeout on a proxy whose activities never heartbeat (registered through the worker's namespace).
    {
      filename,
      code: `import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';
const { sendEmail, sendSms } = proxyActivities<typeof activities>({
  startToCloseTimeout: '1m',
  heartbeatTimeout: '10s',
});
export async function wf() { await sendEmail('a'); await sendSms('b'); }`,
      errors: [
        {
          messageId: 'heartbeatTimeoutWithoutHeartbeat',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 19,
          data: { names: '`sendEmail` and `sendSms`', verb: 'call', where: 'src/activities/email.ts' },
        },
      ],
    },
    // Activities that heartbeat (directly, through a helper, from a factory) proxied without heartbeatTimeout.
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
import type * as activities from './activities';
const acts = wf.proxyActivities<typeof activities>({ startToCloseTimeout: '1h', retry: { maximumAttempts: 3 } });
export async function run() {
  await acts.processFiles([]);
  await acts.importRows([]);
  await acts.sendEmail('done');
}`,
      errors: [
        {
          messageId: 'heartbeatWithoutTimeout',
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 112,
          data: { names: '`processFiles` and `importRows`', verb: 'call', where: 'src/activities/files.ts, src/activities/db.ts' },
        },
      ],
    },
    // An activity registered under another name than its function (`notify: sendEmail`); options in a const.
    {
      filename,
      code: `import { proxyActivities } from '@temporalio/workflow';
const OPTIONS = { startToCloseTimeout: '1m', heartbeatTimeout: '5s' } as const;
const { notify } = proxyActivities(OPTIONS);
export async function wf() { await notify('x'); }`,
      errors: [
        {
          messageId: 'heartbeatTimeoutWithoutHeartbeat',
          line: 2,
          column: 46,
          data: { names: '`notify`', verb: 'calls', where: 'src/activities/email.ts' },
        },
      ],
    },
    // `heartbeatTimeout: 0` leaves it unset; a direct member call on the proxy.
    {
      filename,
      code: `import { proxyActivities } from '@temporalio/workflow';
export async function wf() {
  await proxyActivities({ startToCloseTimeout: '1m', heartbeatTimeout: 0 }).pollJob('j');
}`,
      errors: [{ messageId: 'heartbeatWithoutTimeout', line: 3, column: 54, data: { names: '`pollJob`', verb: 'calls', where: 'src/activities/files.ts' } }],
    },
    // Without the worker: the type argument names the module (namespace, re-exports followed).
    {
      filename,
      settings: typedOnly,
      code: `import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';
const { sendSms } = proxyActivities<typeof activities>({ startToCloseTimeout: '1m', heartbeatTimeout: '1m' });
const { processFiles } = proxyActivities<typeof import('./activities/files')>({ startToCloseTimeout: '1m' });
export async function wf() { await sendSms('a'); await processFiles([]); }`,
      errors: [
        { messageId: 'heartbeatTimeoutWithoutHeartbeat', line: 3, column: 85, data: { names: '`sendSms`', verb: 'calls', where: 'src/activities/email.ts' } },
        { messageId: 'heartbeatWithoutTimeout', line: 4, column: 79 },
      ],
    },
    // Without the worker: an intersection of activity modules (`typeof a & typeof b`) names each member's module.
    {
      filename,
      settings: typedOnly,
      code: `import { proxyActivities } from '@temporalio/workflow';
import type * as email from './activities/email';
import type * as files from './activities/files';
const { sendSms, processFiles } = proxyActivities<typeof email & typeof files>({ startToCloseTimeout: '1m' });
export async function wf() { await sendSms('a'); await processFiles([]); }`,
      errors: [{ messageId: 'heartbeatWithoutTimeout', line: 4, column: 80 }],
    },
    // Without the worker: a factory through `ReturnType<typeof createDbActivities>`.
    {
      filename,
      settings: typedOnly,
      code: `import { proxyActivities } from '@temporalio/workflow';
import type { createDbActivities } from './activities/db';
const { ping } = proxyActivities<ReturnType<typeof createDbActivities>>({ startToCloseTimeout: '1m', heartbeatTimeout: '1m' });
const { importRows } = proxyActivities<ReturnType<typeof createDbActivities>>({ startToCloseTimeout: '1m' });
export async function wf() { await ping(); await importRows([]); }`,
      errors: [
        { messageId: 'heartbeatTimeoutWithoutHeartbeat', line: 3, column: 102, data: { names: '`ping`', verb: 'calls', where: 'src/activities/db.ts' } },
        { messageId: 'heartbeatWithoutTimeout', line: 4, column: 79, data: { names: '`importRows`', verb: 'calls', where: 'src/activities/db.ts' } },
      ],
    },
  ],
});
