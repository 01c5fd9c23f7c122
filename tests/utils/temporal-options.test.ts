import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayUseTemporal } from '../../src/utils/temporal-options.js';
import { FIXTURES_DIR } from '../rule-tester.js';
import { collect } from './harness.js';

/** A file of the `barrels` fixture project, whose `src/wf.ts` re-exports `@temporalio/workflow` APIs. */
const BARRELS = path.join(FIXTURES_DIR, 'projects/barrels/src/workflows/a.ts');

function mayUse(code: string, filename = BARRELS): boolean {
  return collect(code, 'Program', (_node, context) => mayUseTemporal(context), filename)[0] ?? false;
}

describe('mayUseTemporal', () => {
  it('is true for a file that names a Temporal module', () => {
    expect(mayUse(`import { sleep } from '@temporalio/workflow';`)).toBe(true);
    expect(mayUse(`import type { Duration } from '@temporalio/common';`)).toBe(true);
  });

  it('is true for imports that a project module re-exports from Temporal: renamed, namespace, import-then-export, export *', () => {
    expect(mayUse(`import { nap } from '../wf';`)).toBe(true);
    expect(mayUse(`import { workflow } from '../wf';`)).toBe(true);
    expect(mayUse(`import { condition } from '../wf';`)).toBe(true);
    expect(mayUse(`import { uuid4 } from '../wf';`)).toBe(true);
  });

  it('is true for what it cannot follow name by name: namespace imports, import-equals and require of project modules', () => {
    expect(mayUse(`import * as wf from '../wf';`)).toBe(true);
    expect(mayUse(`import wf = require('../wf');`)).toBe(true);
    expect(mayUse(`const { nap } = require('../wf');`)).toBe(true);
    expect(mayUse(`declare module 'x' { import { nap } from '../wf'; }`)).toBe(true);
  });

  it('is false when no import can reach Temporal', () => {
    expect(mayUse(`import { localHelper } from '../wf';\nexport const a = localHelper();`)).toBe(false);
    expect(mayUse(`import * as path from 'node:path';\nimport lodash from 'lodash';\nexport const a = path.join('a', lodash.x);`)).toBe(false);
    expect(mayUse(`import { b } from './b';\nexport * from '../wf';\nexport const a = b;`)).toBe(false);
    expect(mayUse(`export const a = 1;`, 'src/no-project.ts')).toBe(false);
  });
});
