import path from 'node:path';
import { vi } from 'vitest';
import type { WorkerInfo } from '../../src/project/index.js';
import rule from '../../src/rules/workflow-prefer-application-failure.js';
import { createRuleTester, FIXTURES_DIR } from '../rule-tester.js';

/** Workers the project model reports, set per test case (the conventions-only model finds none). */
const state = vi.hoisted(() => ({ workers: undefined as WorkerInfo[] | undefined }));
vi.mock('../../src/project/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/project/index.js')>();
  return {
    ...actual,
    getProjectModel: (context: Parameters<typeof actual.getProjectModel>[0]) => {
      const model = actual.getProjectModel(context);
      return state.workers ? { ...model, workers: state.workers } : model;
    },
  };
});

function worker(workflowFailureErrorTypes: string[] | undefined, workflowsPath: string | null = '/p/src/workflows.ts'): WorkerInfo {
  return {
    kind: 'Worker.create',
    position: { file: '/p/src/worker.ts', line: 1, column: 1 },
    ...(workflowsPath === null ? {} : { workflowsPath }),
    hasWorkflowBundle: false,
    interceptorModules: [],
    ignoreModules: [],
    preloadModules: [],
    preloadFiles: [],
    ...(workflowFailureErrorTypes === undefined ? {} : { workflowFailureErrorTypes }),
    optionKeys: [],
  };
}

const withWorkers = (workers: WorkerInfo[]) => ({
  before: () => {
    state.workers = workers;
  },
  after: () => {
    state.workers = undefined;
  },
});

const ruleTester = createRuleTester();
const filename = 'src/workflows.ts';
const fixtureWorkflows = path.join(FIXTURES_DIR, 'workflow-semantics/src/workflows.ts');

ruleTester.run('workflow-prefer-application-failure', rule, {
  valid: [
    // samples: ApplicationFailure in its forms
    {
      filename,
      code: `import { ApplicationFailure } from '@temporalio/workflow';
import * as wf from '@temporalio/workflow';
export async function order(productId: number): Promise<void> {
  if (productId < 0) throw ApplicationFailure.create({ message: 'Product not found' });
  if (productId === 0) throw new ApplicationFailure('failing workflow run');
  if (productId === 1) throw ApplicationFailure.nonRetryable('bad input');
  if (productId === 2) throw new wf.ApplicationFailure('namespace form');
}`,
    },
    // rethrowing what was caught; throwing a value built elsewhere
    {
      filename,
      code: `import { proxyActivities } from '@temporalio/workflow';
const { a } = proxyActivities({ startToCloseTimeout: 1000 });
declare function toFailure(err: unknown): Error;
export async function f(): Promise<void> {
  try { await a(); } catch (err) { throw err; }
  try { await a(); } catch (err) { throw toFailure(err); }
}`,
    },
    // subclasses of Temporal failures
    {
      filename,
      code: `import { ApplicationFailure } from '@temporalio/workflow';
class OrderRejected extends ApplicationFailure {}
const Timeout = class extends ApplicationFailure {};
export async function f(): Promise<void> {
  throw new OrderRejected('rejected');
}
export async function g(): Promise<void> {
  throw new Timeout('late');
}`,
    },
    // update validators and query handlers: a throw rejects the update or fails the query (samples)
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export const setLanguage = wf.defineUpdate<string, [string]>('setLanguage');
export const getLanguage = wf.defineQuery<string, [string]>('getLanguage');
export const assign = wf.defineUpdate<void, [number]>('assign');
function validateAssign(n: number): void {
  if (n <= 0) throw new Error(\`numNodes must be positive (got \${n})\`);
}
export async function greeting(): Promise<void> {
  let language = 'en';
  wf.setHandler(setLanguage, (l) => { const prev = language; language = l; return prev; }, {
    validator: (l) => {
      if (l === '') throw new Error('empty language');
    },
  });
  wf.setHandler(assign, () => undefined, { validator: validateAssign });
  wf.setHandler(getLanguage, (key) => {
    if (key === '') throw new TypeError('no key');
    return language;
  });
  wf.setHandler(someImportedDef, () => { throw new Error('unknown kind: may be a query'); });
  wf.setDefaultQueryHandler(() => { throw new Error('no such query'); });
}`,
    },
    // the worker fails the workflow on these types (option, as when the worker cannot be read)
    {
      filename,
      code: `class InvalidInput extends Error {}
export async function f(): Promise<void> {
  throw new InvalidInput('x');
}`,
      options: [{ workflowFailureErrorTypes: ['InvalidInput'] }],
    },
    {
      filename,
      code: `export async function f(): Promise<void> {
  throw new Error('x');
}`,
      options: [{ workflowFailureErrorTypes: ['Error'] }],
    },
    // per-workflow failureExceptionTypes (instanceof: subclasses too)
    {
      filename,
      code: `import { setWorkflowOptions, defineWorkflowOptions } from '@temporalio/workflow';
class Base extends Error {}
class Derived extends Base {}
setWorkflowOptions({ failureExceptionTypes: [Base] }, f);
export async function f(): Promise<void> {
  throw new Derived('x');
}
defineWorkflowOptions(g, { workflowDefinitionOptions: { failureExceptionTypes: [Error] } });
export async function g(): Promise<void> {
  throw new Error('y');
}`,
    },
    // failureExceptionTypes that cannot be read: no reports in the file
    {
      filename,
      code: `import { setWorkflowOptions } from '@temporalio/workflow';
import { workflowOptions } from './options';
setWorkflowOptions(workflowOptions, f);
export async function f(): Promise<void> {
  throw new Error('x');
}`,
    },
    // failureExceptionTypes that cannot be read, in every form: no reports in the file
    {
      filename,
      code: `import { defineWorkflowOptions } from '@temporalio/workflow';
import { config } from './config';
defineWorkflowOptions(f, config);
export async function f(): Promise<void> { throw new Error('x'); }`,
    },
    {
      filename,
      code: `import { defineWorkflowOptions } from '@temporalio/workflow';
import { base } from './config';
defineWorkflowOptions(f, { ...base });
export async function f(): Promise<void> { throw new Error('x'); }`,
    },
    {
      filename,
      code: `import { setWorkflowOptions } from '@temporalio/workflow';
import { types, base } from './config';
setWorkflowOptions({ failureExceptionTypes: types }, f);
setWorkflowOptions({ ...base }, g);
export async function f(): Promise<void> { throw new Error('x'); }
export async function g(): Promise<void> { throw new Error('y'); }`,
    },
    {
      filename,
      code: `import { defineWorkflowOptions } from '@temporalio/workflow';
import * as errors from './errors';
defineWorkflowOptions(f, { workflowDefinitionOptions: { failureExceptionTypes: [errors.Bad] } });
export async function f(): Promise<void> { throw new Error('x'); }`,
    },
    // unknown classes, non-error globals, shadowed Error
    {
      filename,
      code: `import { SomeError } from 'some-package';
export async function f(n: number): Promise<void> {
  if (n === 1) throw new SomeError('x');
  if (n === 2) throw new Date();
  if (n === 3) throw new (class {})();
}
export async function g(): Promise<void> {
  class Error { constructor(readonly m: string) {} }
  throw new Error('local class');
}`,
    },
    // not workflow code
    {
      filename: 'src/activities.ts',
      code: `export async function a(): Promise<void> { throw new Error('activity errors are fine'); }`,
    },
    // a module that is activity code too (it imports @temporalio/activity)
    {
      filename,
      code: `import { Context } from '@temporalio/activity';
export async function charge(): Promise<void> {
  Context.current().heartbeat();
  throw new Error('card declined');
}`,
    },
    // ApplicationFailure re-exported through a local barrel
    {
      filename: fixtureWorkflows,
      code: `import { ApplicationFailure, wf } from './temporal';
export async function f(n: number): Promise<void> {
  if (n === 1) throw new ApplicationFailure('x');
  if (n === 2) throw new wf.ApplicationFailure('y');
  throw ApplicationFailure.nonRetryable('z');
}`,
    },
    // a Temporal failure from another file
    {
      filename: fixtureWorkflows,
      code: `import { OrderRejected } from './errors';
export async function f(): Promise<void> {
  throw new OrderRejected('x');
}`,
    },
  ],
  invalid: [
    {
      filename,
      code: `export async function f(amount: number): Promise<void> {
  if (amount < 0) throw new Error('negative amount');
}`,
      errors: [
        {
          messageId: 'plainError',
          data: { name: 'Error', why: '' },
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useApplicationFailureCreate',
              output: `import { ApplicationFailure } from '@temporalio/workflow';
export async function f(amount: number): Promise<void> {
  if (amount < 0) throw ApplicationFailure.create({ message: 'negative amount' });
}`,
            },
            {
              messageId: 'useApplicationFailureNonRetryable',
              output: `import { ApplicationFailure } from '@temporalio/workflow';
export async function f(amount: number): Promise<void> {
  if (amount < 0) throw ApplicationFailure.nonRetryable('negative amount');
}`,
            },
          ],
        },
      ],
    },
    // Error() without new, other built-ins, an existing import is reused (namespace), no message
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
export async function f(n: number): Promise<void> {
  if (n === 1) throw Error(\`bad \${n}\`);
  if (n === 2) throw new RangeError('out of range');
  throw new Error();
}`,
      errors: [
        {
          messageId: 'plainError',
          data: { name: 'Error', why: '' },
          line: 3,
          column: 22,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useApplicationFailureCreate',
              output: `import * as wf from '@temporalio/workflow';
export async function f(n: number): Promise<void> {
  if (n === 1) throw wf.ApplicationFailure.create({ message: \`bad \${n}\` });
  if (n === 2) throw new RangeError('out of range');
  throw new Error();
}`,
            },
            {
              messageId: 'useApplicationFailureNonRetryable',
              output: `import * as wf from '@temporalio/workflow';
export async function f(n: number): Promise<void> {
  if (n === 1) throw wf.ApplicationFailure.nonRetryable(\`bad \${n}\`);
  if (n === 2) throw new RangeError('out of range');
  throw new Error();
}`,
            },
          ],
        },
        {
          messageId: 'plainError',
          data: { name: 'RangeError', why: '' },
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'useApplicationFailureCreate',
              output: `import * as wf from '@temporalio/workflow';
export async function f(n: number): Promise<void> {
  if (n === 1) throw Error(\`bad \${n}\`);
  if (n === 2) throw wf.ApplicationFailure.create({ type: 'RangeError', message: 'out of range' });
  throw new Error();
}`,
            },
            {
              messageId: 'useApplicationFailureNonRetryable',
              output: `import * as wf from '@temporalio/workflow';
export async function f(n: number): Promise<void> {
  if (n === 1) throw Error(\`bad \${n}\`);
  if (n === 2) throw wf.ApplicationFailure.nonRetryable('out of range', 'RangeError');
  throw new Error();
}`,
            },
          ],
        },
        {
          messageId: 'plainError',
          data: { name: 'Error', why: '' },
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'useApplicationFailureCreate',
              output: `import * as wf from '@temporalio/workflow';
export async function f(n: number): Promise<void> {
  if (n === 1) throw Error(\`bad \${n}\`);
  if (n === 2) throw new RangeError('out of range');
  throw wf.ApplicationFailure.create({});
}`,
            },
            {
              messageId: 'useApplicationFailureNonRetryable',
              output: `import * as wf from '@temporalio/workflow';
export async function f(n: number): Promise<void> {
  if (n === 1) throw Error(\`bad \${n}\`);
  if (n === 2) throw new RangeError('out of range');
  throw wf.ApplicationFailure.nonRetryable();
}`,
            },
          ],
        },
      ],
    },
    // custom subclasses (same file, class expressions, chains): reported without suggestions
    {
      filename,
      code: `import { proxyActivities, setHandler, defineSignal } from '@temporalio/workflow';
class ValidationError extends Error {}
class MissingField extends ValidationError {}
const Conflict = class extends globalThis.Error {};
export const sig = defineSignal('sig');
export async function f(n: number): Promise<void> {
  setHandler(sig, () => {
    throw new ValidationError('in a signal handler');
  });
  if (n === 1) throw new MissingField('x');
  throw new Conflict();
}`,
      errors: [
        { messageId: 'plainError', data: { name: 'ValidationError', why: '' }, line: 8, column: 11, suggestions: [] },
        { messageId: 'plainError', data: { name: 'MissingField', why: '' }, line: 10, column: 22, suggestions: [] },
        { messageId: 'plainError', data: { name: 'Conflict', why: '' }, line: 11, column: 9, suggestions: [] },
      ],
    },
    // a type list that does not cover the thrown class; with a cause argument, no suggestion
    {
      filename,
      code: `class InvalidInput extends Error {}
export async function f(err: unknown): Promise<void> {
  throw new Error('wrapped', { cause: err });
}`,
      options: [{ workflowFailureErrorTypes: ['InvalidInput'] }],
      errors: [{ messageId: 'plainError', data: { name: 'Error', why: '' }, line: 3, column: 9, suggestions: [] }],
    },
    // the name ApplicationFailure is taken by something else: the import is aliased
    {
      filename,
      code: `import { log } from '@temporalio/workflow';
const ApplicationFailure = 1;
export async function f(): Promise<void> {
  log.info(String(ApplicationFailure));
  throw new Error('x');
}`,
      errors: [
        {
          messageId: 'plainError',
          data: { name: 'Error', why: '' },
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'useApplicationFailureCreate',
              output: `import { log, ApplicationFailure as wfApplicationFailure } from '@temporalio/workflow';
const ApplicationFailure = 1;
export async function f(): Promise<void> {
  log.info(String(ApplicationFailure));
  throw wfApplicationFailure.create({ message: 'x' });
}`,
            },
            {
              messageId: 'useApplicationFailureNonRetryable',
              output: `import { log, ApplicationFailure as wfApplicationFailure } from '@temporalio/workflow';
const ApplicationFailure = 1;
export async function f(): Promise<void> {
  log.info(String(ApplicationFailure));
  throw wfApplicationFailure.nonRetryable('x');
}`,
            },
          ],
        },
      ],
    },
    // workflow options without failureExceptionTypes change nothing; a class extending a namespace member
    {
      filename,
      code: `import * as wf from '@temporalio/workflow';
wf.setWorkflowOptions({ versioningBehavior: 'PINNED' }, f);
wf.defineWorkflowOptions(f, { staticOptions: {} });
wf.defineWorkflowOptions(f);
class Failure extends wf.ApplicationFailure {}
class Plain extends globalThis.TypeError {}
export async function f(): Promise<void> {
  if (Math.random() > 0.5) throw new Failure('fine');
  throw new Plain('x');
}`,
      errors: [{ messageId: 'plainError', data: { name: 'Plain', why: '' }, line: 9, column: 9, suggestions: [] }],
    },
    // a comment inside the replaced range: report only
    {
      filename,
      code: `export async function f(): Promise<void> {
  throw new Error(/* why */ 'x');
}`,
      errors: [{ messageId: 'plainError', data: { name: 'Error', why: '' }, line: 2, column: 9, suggestions: [] }],
    },
    // plain error classes imported from another project file
    {
      filename: fixtureWorkflows,
      code: `import { InsufficientFunds, OverdraftLimit } from './errors';
export async function f(n: number): Promise<void> {
  if (n < 0) throw new InsufficientFunds('x');
  throw new OverdraftLimit('y');
}`,
      errors: [
        { messageId: 'plainError', data: { name: 'InsufficientFunds', why: '' }, line: 3, column: 20, suggestions: [] },
        { messageId: 'plainError', data: { name: 'OverdraftLimit', why: '' }, line: 4, column: 9, suggestions: [] },
      ],
    },
    // require: a module binding is reused by the suggestion; a required ApplicationFailure is fine
    {
      filename,
      code: `const wf = require('@temporalio/workflow');
const { ApplicationFailure } = require('@temporalio/workflow');
export async function f(n: number) {
  if (n > 1) throw new ApplicationFailure('fine');
  throw new Error('x');
}`,
      errors: [
        {
          messageId: 'plainError',
          data: { name: 'Error', why: '' },
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'useApplicationFailureCreate',
              output: `const wf = require('@temporalio/workflow');
const { ApplicationFailure } = require('@temporalio/workflow');
export async function f(n: number) {
  if (n > 1) throw new ApplicationFailure('fine');
  throw wf.ApplicationFailure.create({ message: 'x' });
}`,
            },
            {
              messageId: 'useApplicationFailureNonRetryable',
              output: `const wf = require('@temporalio/workflow');
const { ApplicationFailure } = require('@temporalio/workflow');
export async function f(n: number) {
  if (n > 1) throw new ApplicationFailure('fine');
  throw wf.ApplicationFailure.nonRetryable('x');
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('workflow-prefer-application-failure (worker options)', rule, {
  valid: [
    // the worker lists 'Error': every error fails the workflow
    {
      filename,
      code: `export async function f(): Promise<void> { throw new Error('x'); }`,
      ...withWorkers([worker(['Error'])]),
    },
    // the worker lists an ancestor of the thrown class (matched along the constructor chain)
    {
      filename,
      code: `class Base extends Error {}
class Derived extends Base {}
export async function f(): Promise<void> { throw new Derived('x'); }`,
      ...withWorkers([worker(['Base'])]),
    },
    // a worker whose list cannot be read statically: no reports
    {
      filename,
      code: `export async function f(): Promise<void> { throw new Error('x'); }`,
      ...withWorkers([worker(['Other']), worker(undefined)]),
    },
  ],
  invalid: [
    // the list is known and does not cover the class; workers without workflows do not count
    {
      filename,
      code: `class Base extends Error {}
export async function f(): Promise<void> { throw new Base('x'); }`,
      ...withWorkers([worker([]), worker(undefined, null)]),
      errors: [{ messageId: 'plainError', data: { name: 'Base', why: '' }, line: 2, column: 50, suggestions: [] }],
    },
  ],
});

ruleTester.run('workflow-prefer-application-failure: class forms', rule, {
  valid: [],
  invalid: [
    // Classes in every form: a class expression, a const-bound class expression, a base from a call, a class without a base, an unknown global, a package class.
    {
      code: `import { LibError } from 'some-error-lib';
declare function makeBase(): typeof Error;
const Local = class LocalError extends TypeError {};
class FromCall extends makeBase() {}
class NoBase {}
export async function wf(n: number): Promise<void> {
  if (n === 1) throw new (class extends RangeError {})('x');
  if (n === 2) throw new Local('x');
  if (n === 3) throw new FromCall();
  if (n === 4) throw new NoBase();
  if (n === 5) throw new SomethingGlobal('x');
  if (n === 6) throw new LibError('x');
  if (n === 7) throw new globalThis.Error('x');
}
declare const SomethingGlobal: new (m: string) => Error;`,
      filename,
      errors: [
        { messageId: 'plainError', line: 7, column: 22, endLine: 7, endColumn: 60, suggestions: [{ messageId: 'useApplicationFailureCreate', output: `import { LibError } from 'some-error-lib';
import { ApplicationFailure } from '@temporalio/workflow';
declare function makeBase(): typeof Error;
const Local = class LocalError extends TypeError {};
class FromCall extends makeBase() {}
class NoBase {}
export async function wf(n: number): Promise<void> {
  if (n === 1) throw ApplicationFailure.create({ type: 'RangeError', message: 'x' });
  if (n === 2) throw new Local('x');
  if (n === 3) throw new FromCall();
  if (n === 4) throw new NoBase();
  if (n === 5) throw new SomethingGlobal('x');
  if (n === 6) throw new LibError('x');
  if (n === 7) throw new globalThis.Error('x');
}
declare const SomethingGlobal: new (m: string) => Error;` }, { messageId: 'useApplicationFailureNonRetryable', output: `import { LibError } from 'some-error-lib';
import { ApplicationFailure } from '@temporalio/workflow';
declare function makeBase(): typeof Error;
const Local = class LocalError extends TypeError {};
class FromCall extends makeBase() {}
class NoBase {}
export async function wf(n: number): Promise<void> {
  if (n === 1) throw ApplicationFailure.nonRetryable('x', 'RangeError');
  if (n === 2) throw new Local('x');
  if (n === 3) throw new FromCall();
  if (n === 4) throw new NoBase();
  if (n === 5) throw new SomethingGlobal('x');
  if (n === 6) throw new LibError('x');
  if (n === 7) throw new globalThis.Error('x');
}
declare const SomethingGlobal: new (m: string) => Error;` }] },
        { messageId: 'plainError', line: 8, column: 22, endLine: 8, endColumn: 36 },
        { messageId: 'plainError', line: 13, column: 22, endLine: 13, endColumn: 47, suggestions: [{ messageId: 'useApplicationFailureCreate', output: `import { LibError } from 'some-error-lib';
import { ApplicationFailure } from '@temporalio/workflow';
declare function makeBase(): typeof Error;
const Local = class LocalError extends TypeError {};
class FromCall extends makeBase() {}
class NoBase {}
export async function wf(n: number): Promise<void> {
  if (n === 1) throw new (class extends RangeError {})('x');
  if (n === 2) throw new Local('x');
  if (n === 3) throw new FromCall();
  if (n === 4) throw new NoBase();
  if (n === 5) throw new SomethingGlobal('x');
  if (n === 6) throw new LibError('x');
  if (n === 7) throw ApplicationFailure.create({ message: 'x' });
}
declare const SomethingGlobal: new (m: string) => Error;` }, { messageId: 'useApplicationFailureNonRetryable', output: `import { LibError } from 'some-error-lib';
import { ApplicationFailure } from '@temporalio/workflow';
declare function makeBase(): typeof Error;
const Local = class LocalError extends TypeError {};
class FromCall extends makeBase() {}
class NoBase {}
export async function wf(n: number): Promise<void> {
  if (n === 1) throw new (class extends RangeError {})('x');
  if (n === 2) throw new Local('x');
  if (n === 3) throw new FromCall();
  if (n === 4) throw new NoBase();
  if (n === 5) throw new SomethingGlobal('x');
  if (n === 6) throw new LibError('x');
  if (n === 7) throw ApplicationFailure.nonRetryable('x');
}
declare const SomethingGlobal: new (m: string) => Error;` }] },
      ],
    },
  ],
});
