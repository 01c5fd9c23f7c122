import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearProjectModels, getProjectModelForRoot, parseTemporalSettings } from '../../src/project/index.js';
import { createExportQueries } from '../../src/utils/workflow-exports.js';
import { CONTRACTS_DIR } from '../contracts.js';

const root = fs.realpathSync(path.join(CONTRACTS_DIR, 'exports'));
const file = (rel: string): string => path.join(root, rel).split(path.sep).join('/');

function queries() {
  clearProjectModels();
  return createExportQueries(getProjectModelForRoot(root, root, parseTemporalSettings({})));
}

describe('createExportQueries', () => {
  const q = queries();

  it('lists runtime exports through barrels, with what they are', () => {
    const exports = q.moduleExports(file('src/index.ts'));
    expect(exports.complete).toBe(true);
    const kinds = Object.fromEntries([...exports.names].map(([name, b]) => [name, b.kind]));
    expect(kinds).toEqual({
      fromA: 'function',
      ns: 'value',
      renamed: 'function',
      imported: 'function',
      whole: 'value',
      aliased: 'function',
      arrow: 'function',
      named: 'function',
      value: 'value',
      signal: 'value',
      made: 'unknown',
      typed: 'function',
      Klass: 'unknown',
      Kind: 'value',
    });
  });

  it('gives the name a function carries at run time', () => {
    const name = (n: string): string | undefined => q.exportedBinding(file('src/index.ts'), n).functionName;
    expect(name('aliased')).toBe('local');
    expect(name('renamed')).toBe('renamedSource');
    expect(name('arrow')).toBe('arrow');
    expect(name('named')).toBe('inner');
    expect(name('fromA')).toBe('fromA');
    expect(q.exportedBinding(file('src/index.ts'), 'missing').kind).toBe('unknown');
    expect(q.localBinding(file('src/index.ts'), 'local').functionName).toBe('local');
    expect(q.localBinding(file('src/index.ts'), 'imported').functionName).toBe('imported');
    expect(q.localBinding(file('src/index.ts'), 'whole').kind).toBe('value');
    expect(q.localBinding(file('src/index.ts'), 'nothing').kind).toBe('unknown');
  });

  it('classifies default exports (export * never re-exports them)', () => {
    expect(q.moduleExports(file('src/index.ts')).names.has('default')).toBe(false);
    expect(q.exportedBinding(file('src/default-anonymous.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'default' });
    expect(q.exportedBinding(file('src/default-arrow.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'default' });
    expect(q.exportedBinding(file('src/default-identifier.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'handler' });
    expect(q.exportedBinding(file('src/a.ts'), 'default')).toMatchObject({ kind: 'function', functionName: 'defaultOfA' });
    expect(q.exportedBinding(file('src/default-object.ts'), 'default').kind).toBe('value');
    expect(q.exportedBinding(file('src/default-class.ts'), 'default').kind).toBe('unknown');
    expect(q.entryWorkflowTypes(file('src/default-identifier.ts')).defaultHandler).toBe(true);
    expect(q.entryWorkflowTypes(file('src/default-object.ts')).defaultHandler).toBe(false);
  });

  it('marks exports it cannot list as incomplete', () => {
    for (const rel of ['src/incomplete.ts', 'src/commonjs.ts', 'src/export-equals.ts', 'src/namespaces.ts', 'src/missing.ts']) {
      expect(q.moduleExports(file(rel)).complete, rel).toBe(false);
    }
  });

  it('sorts the workflow types of an entry', () => {
    const types = q.entryWorkflowTypes(file('src/index.ts'));
    expect([...types.types].sort()).toEqual(['aliased', 'arrow', 'fromA', 'imported', 'named', 'renamed', 'typed']);
    expect([...types.unknown].sort()).toEqual(['Klass', 'made']);
    expect(types.complete).toBe(true);
    expect(types.defaultHandler).toBe(false);
  });
});
