import path from 'node:path';
import rule from '../../src/rules/workflow-no-floating-promises.js';
import { createRuleTester, FIXTURES_DIR } from '../rule-tester.js';

const ruleTester = createRuleTester();
const filename = 'src/workflows.ts';

/** `code` with `text` inserted at 1-based `line`, `column`. */
function insertAt(code: string, line: number, column: number, text: string): string {
  const lines = code.split('\n');
  const target = lines[line - 1] ?? '';
  lines[line - 1] = target.slice(0, column - 1) + text + target.slice(column - 1);
  return lines.join('\n');
}

/** The expected suggestions for a report at `line:column` (no `await` outside async functions). */
function suggestions(code: string, line: number, column: number, inAsync = true) {
  const voidFix = { messageId: 'addVoid' as const, output: insertAt(code, line, column, 'void ') };
  return inAsync ? [{ messageId: 'addAwait' as const, output: insertAt(code, line, column, 'await ') }, voidFix] : [voidFix];
}

const header = `import { proxyActivities, sleep, condition, continueAsNew, startChild, CancellationScope } from '@temporalio/workflow';
const { greet } = proxyActivities({ startToCloseTimeout: '1 minute' });
`;


const aliasCode = `import { sleep as s } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
const { condition } = require('@temporalio/workflow');
const acts = wf.proxyLocalActivities({ startToCloseTimeout: 1000 });
export function f(): void {
  s(1);
  wf.sleep('1s');
  acts.greet();
  acts['greet']();
  condition(() => true);
}`;

const chainCode = `${header}
export async function f(ok: boolean): Promise<void> {
  sleep(1).then(() => undefined);
  greet('x').finally(() => undefined);
  Promise.all([greet('a'), greet('b')]);
  ok && sleep(1);
  ok ? greet('a') : undefined;
}`;

const childCode = `import * as wf from '@temporalio/workflow';
const acts = wf.proxyActivities({ startToCloseTimeout: 1000 });
export const sig = wf.defineSignal('sig');
export async function parent(): Promise<void> {
  const child = await wf.startChild('child');
  child.signal('s');
  wf.getExternalWorkflowHandle('other').cancel();
  new wf.CancellationScope().run(async () => undefined);
  acts.greet?.();
  (wf.executeChild('child'));
  wf.setHandler(sig, async () => {
    acts.greet();
  });
  await child.result();
}`;

const variableCode = `${header}
export async function f(): Promise<void> {
  const p = sleep(1);
  p.then(() => undefined);
}`;

const barrelCode = `import { sleep, wf } from './temporal';

export async function f(): Promise<void> { wf.sleep(1); sleep(2); }`;

const moduleScopeCode = `${header}
sleep(1);`;

const formsCode = `${header}
export async function f(): Promise<void> {
  'use strict';
  (sleep(1), greet('x'));
  sleep(2) as unknown;
  CancellationScope.nonCancellable(async () => { await greet('a'); await greet('b'); await greet('c'); }).then(() => 1);
}`;

ruleTester.run('workflow-no-floating-promises', rule, {
  valid: [
    // idiomatic: awaited, returned, assigned, combined
    {
      filename,
      code: `${header}
export async function example(name: string): Promise<string> {
  await sleep('1s');
  const p = greet(name);
  const [a, b] = await Promise.all([greet('a'), greet('b')]);
  await Promise.race([sleep('1 day'), condition(() => a === b)]);
  return await p;
}`,
    },
    {
      filename,
      code: `${header}
export function viaReturn(): Promise<string> {
  return greet('x');
}
export async function handled(): Promise<void> {
  greet('x').catch(() => undefined);
  greet('x').then(() => undefined, () => undefined);
  void sleep(1);
  const scope = CancellationScope.cancellable(async () => greet('x'));
  await scope;
}`,
    },
    // synchronous Temporal APIs are not promises
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export const unblock = wf.defineSignal('unblock');
export async function blocked(): Promise<void> {
  let isBlocked = true;
  wf.setHandler(unblock, () => void (isBlocked = false));
  wf.log.info('Blocked');
  wf.uuid4();
  wf.patched('p');
  wf.proxyActivities({ startToCloseTimeout: 1000 });
  await wf.condition(() => !isBlocked);
}`,
    },
    // same-named local functions and unknown calls
    {
      filename,
      code: `function sleep(ms: number) { return ms; }
async function greet() {}
export async function wf(): Promise<void> {
  sleep(1);
  greet();
  helper();
}`,
    },
    // continueAsNew awaited or returned, as in the samples
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export async function loop(n: number): Promise<void> {
  await wf.condition(wf.allHandlersFinished);
  if (n > 10) return;
  await wf.continueAsNew<typeof loop>(n + 1);
}`,
    },
    // not workflow code
    {
      filename: 'src/client.ts',
      code: `${header}
export async function f() { greet('x'); sleep(1); }`,
    },
    // starting an operation inside a scope and keeping the promise (samples: shieldAwaitedInRootScope)
    {
      filename,
      code: `${header}
export async function shield(): Promise<unknown> {
  let p: Promise<string> | undefined;
  await CancellationScope.nonCancellable(async () => {
    p = greet('x');
  });
  return p;
}`,
    },
  ],
  invalid: [
    {
      filename,
      code: `${header}
export async function example(): Promise<void> {
  greet('x');
}`,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'activity', callee: 'greet', why: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${header}
export async function example(): Promise<void> {
  await greet('x');
}`,
            },
            {
              messageId: 'addVoid',
              output: `${header}
export async function example(): Promise<void> {
  void greet('x');
}`,
            },
          ],
        },
      ],
    },
    // aliases, namespaces, proxies held in a variable, require; no `await` suggestion outside async functions
    {
      filename,
      code: aliasCode,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 's', why: '' },
          line: 6,
          column: 3,
          suggestions: suggestions(aliasCode, 6, 3, false),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'wf.sleep', why: '' },
          line: 7,
          column: 3,
          suggestions: suggestions(aliasCode, 7, 3, false),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'local activity', callee: 'acts.greet', why: '' },
          line: 8,
          column: 3,
          suggestions: suggestions(aliasCode, 8, 3, false),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'local activity', callee: "acts['greet']", why: '' },
          line: 9,
          column: 3,
          suggestions: suggestions(aliasCode, 9, 3, false),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'condition', callee: 'condition', why: '' },
          line: 10,
          column: 3,
          suggestions: suggestions(aliasCode, 10, 3, false),
        },
      ],
    },
    // continueAsNew without await
    {
      filename,
      code: `import { continueAsNew } from '@temporalio/workflow';
export async function loop(n: number): Promise<void> {
  continueAsNew<typeof loop>(n + 1);
}`,
      errors: [
        {
          messageId: 'floatingContinueAsNew',
          data: { callee: 'continueAsNew', why: '' },
          line: 3,
          column: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { continueAsNew } from '@temporalio/workflow';
export async function loop(n: number): Promise<void> {
  await continueAsNew<typeof loop>(n + 1);
}`,
            },
            {
              messageId: 'addVoid',
              output: `import { continueAsNew } from '@temporalio/workflow';
export async function loop(n: number): Promise<void> {
  void continueAsNew<typeof loop>(n + 1);
}`,
            },
          ],
        },
      ],
    },
    // then-chains without a rejection handler, finally, combinators, conditional branches
    {
      filename,
      code: chainCode,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'sleep', why: '' },
          line: 5,
          column: 3,
          endColumn: 33,
          suggestions: suggestions(chainCode, 5, 3),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'activity', callee: 'greet', why: '' },
          line: 6,
          column: 3,
          suggestions: suggestions(chainCode, 6, 3),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'activity', callee: 'Promise.all', why: '' },
          line: 7,
          column: 3,
          suggestions: suggestions(chainCode, 7, 3),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'sleep', why: '' },
          line: 8,
          column: 9,
          suggestions: suggestions(chainCode, 8, 9),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'activity', callee: 'greet', why: '' },
          line: 9,
          column: 8,
          suggestions: suggestions(chainCode, 9, 8),
        },
      ],
    },
    // child workflows, external handles, scopes, optional chaining, parentheses, handlers
    {
      filename,
      code: childCode,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'child workflow', callee: 'child.signal', why: '' },
          line: 6,
          column: 3,
          suggestions: suggestions(childCode, 6, 3),
        },
        {
          messageId: 'floatingOperation',
          data: {
            what: 'external workflow signal or cancellation',
            callee: "wf.getExternalWorkflowHandle('other').cancel",
            why: '',
          },
          line: 7,
          column: 3,
          suggestions: suggestions(childCode, 7, 3),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'cancellation scope', callee: 'new wf.CancellationScope().run', why: '' },
          line: 8,
          column: 3,
          suggestions: suggestions(childCode, 8, 3),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'activity', callee: 'acts.greet', why: '' },
          line: 9,
          column: 3,
          suggestions: suggestions(childCode, 9, 3),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'child workflow', callee: 'wf.executeChild', why: '' },
          line: 10,
          column: 4,
          suggestions: suggestions(childCode, 10, 4),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'activity', callee: 'acts.greet', why: '' },
          line: 12,
          column: 5,
          suggestions: suggestions(childCode, 12, 5),
        },
      ],
    },
    // a promise kept in a variable and then dropped in a statement position
    {
      filename,
      code: variableCode,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'p.then', why: '' },
          line: 6,
          column: 3,
          suggestions: suggestions(variableCode, 6, 3),
        },
      ],
    },
    // sequences, type assertions, long callees
    {
      filename,
      code: formsCode,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'sleep', why: '' },
          line: 6,
          column: 4,
          suggestions: suggestions(formsCode, 6, 4),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'sleep', why: '' },
          line: 7,
          column: 3,
          suggestions: suggestions(formsCode, 7, 3),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'cancellation scope', callee: 'CancellationScope.nonCancellable', why: '' },
          line: 8,
          column: 3,
          suggestions: suggestions(formsCode, 8, 3),
        },
      ],
    },
    // module scope: only `void` is offered
    {
      filename,
      code: moduleScopeCode,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'sleep', why: '' },
          line: 4,
          column: 1,
          suggestions: suggestions(moduleScopeCode, 4, 1, false),
        },
      ],
    },
    // re-exported through a local barrel
    {
      filename: path.join(FIXTURES_DIR, 'workflow-semantics/src/workflows.ts'),
      code: barrelCode,
      errors: [
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'wf.sleep', why: '' },
          line: 3,
          column: 44,
          suggestions: suggestions(barrelCode, 3, 44),
        },
        {
          messageId: 'floatingOperation',
          data: { what: 'timer', callee: 'sleep', why: '' },
          line: 3,
          column: 57,
          suggestions: suggestions(barrelCode, 3, 57),
        },
      ],
    },
  ],
});
