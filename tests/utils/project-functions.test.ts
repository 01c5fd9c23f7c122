import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getProjectModelForRoot } from '../../src/project/index.js';
import { ProjectFunctions, type LocatedFunction } from '../../src/utils/project-functions.js';
import { FIXTURES_DIR } from '../rule-tester.js';

const ROOT = path.join(FIXTURES_DIR, 'projects/project-functions');
const INDEX = path.join(ROOT, 'src/acts/index.ts');
const DIRECT = path.join(ROOT, 'src/acts/direct.ts');

function create(): ProjectFunctions {
  return new ProjectFunctions(getProjectModelForRoot(ROOT, ROOT, { discovery: false }));
}

function line(found: LocatedFunction | undefined): number | undefined {
  return found?.fn.loc.start.line;
}

describe('ProjectFunctions: finding implementations', () => {
  const pf = create();

  it('follows export forms: declarations, local and aliased specifiers, stars, import-then-export, default', () => {
    expect(line(pf.exportedFunction(INDEX, 'direct'))).toBe(6);
    expect(line(pf.exportedFunction(INDEX, 'aliased'))).toBe(10);
    expect(line(pf.exportedFunction(INDEX, 'viaImport'))).toBe(15);
    expect(line(pf.exportedFunction(DIRECT, 'renamed'))).toBe(10);
    expect(line(pf.exportedFunction(DIRECT, 'arrow'))).toBe(19);
    expect(line(pf.exportedFunction(DIRECT, 'default'))).toBe(24);
    expect(pf.exportedFunction(INDEX, 'nothing')).toBeUndefined();
    expect(pf.exportedFunction(path.join(ROOT, 'src/acts/absent.ts'), 'x')).toBeUndefined();
  });

  it('finds members of exported objects and of factory results', () => {
    expect(line(pf.memberFunction(DIRECT, 'activities', 'member'))).toBe(29);
    expect(line(pf.memberFunction(DIRECT, 'activities', 'shorthand'))).toBe(36);
    expect(pf.memberFunction(DIRECT, 'activities', 'value')).toBeUndefined();
    expect(line(pf.memberFunction(DIRECT, 'factory', 'made'))).toBe(41);
    expect(line(pf.memberFunction(DIRECT, 'arrowFactory', 'arrowMade'))).toBe(45);
    expect(pf.memberFunction(DIRECT, 'nothing', 'x')).toBeUndefined();
  });

  it('finds functions at registration positions (declarations, properties, class members)', () => {
    expect(line(pf.functionAt({ file: DIRECT, line: 6, column: 7 }))).toBe(6);
    expect(line(pf.functionAt({ file: DIRECT, line: 29, column: 2 }))).toBe(29);
    expect(line(pf.functionAt({ file: DIRECT, line: 48, column: 2 }))).toBe(48);
    expect(line(pf.functionAt({ file: DIRECT, line: 51, column: 2 }))).toBe(51);
    expect(pf.functionAt({ file: DIRECT, line: 2, column: 0 })).toBeUndefined();
    expect(pf.functionAt({ file: path.join(ROOT, 'nope.ts'), line: 1, column: 0 })).toBeUndefined();
  });
});

describe('ProjectFunctions: heartbeat facts', () => {
  const pf = create();
  const facts = (name: string) => {
    const located = pf.exportedFunction(DIRECT, name);
    if (!located) throw new Error(name);
    return pf.analyze(located);
  };

  it('sees calls, functions passed on, project helpers and aliases', () => {
    expect(facts('direct')).toEqual({ calls: true, mentions: true, unknown: false });
    expect(facts('renamed')).toEqual({ calls: true, mentions: true, unknown: false });
    expect(facts('viaImport')).toEqual({ calls: true, mentions: true, unknown: false });
    expect(facts('arrow')).toEqual({ calls: true, mentions: true, unknown: false });
  });

  it('says what it cannot read', () => {
    expect(facts('default')).toEqual({ calls: false, mentions: false, unknown: false });
    expect(facts('ambiguous').unknown).toBe(true);
    expect(facts('callsUnresolved').unknown).toBe(true);
    expect(facts('recursive')).toEqual({ calls: false, mentions: false, unknown: false });
    const method = pf.functionAt({ file: DIRECT, line: 48, column: 2 });
    expect(method && pf.analyze(method).unknown).toBe(true);
  });
});

describe('ProjectFunctions: search', () => {
  const pf = create();

  it('finds nodes through requires and helpers, and caches by key', () => {
    const located = pf.exportedFunction(DIRECT, 'default');
    if (!located) throw new Error('default');
    const test = (node: TSESTree.Node, facts: { imports: Map<string, { source: string; imported: string }> }) => {
      if (node.type !== T.CallExpression) return undefined;
      const callee = node.callee;
      if (callee.type === T.Identifier) return facts.imports.get(callee.name)?.imported;
      if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.property.type === T.Identifier) {
        const binding = facts.imports.get(callee.object.name);
        return binding ? `${binding.source}.${callee.property.name}` : undefined;
      }
      return undefined;
    };
    const hit = pf.search(located, 'calls', test);
    expect(hit?.value).toBe('readFileSync');
    expect(pf.search(located, 'calls', test)).toBe(hit);
    const member = pf.memberFunction(DIRECT, 'activities', 'member');
    expect(member && pf.search(member, 'never', () => undefined)).toBeUndefined();
  });
});

describe('ProjectFunctions: text pre-filter', () => {
  const BLOCKING = path.join(FIXTURES_DIR, 'projects/blocking');
  const lib = (name: string): string => path.join(BLOCKING, 'src/lib', name);
  const pf = new ProjectFunctions(getProjectModelForRoot(BLOCKING, BLOCKING, { discovery: false }));
  const read: string[] = [];
  const sync = {
    key: 'sync',
    mayMatch: (text: string) => {
      read.push(text.split('\n')[0] ?? '');
      return text.includes('Sync');
    },
  };

  it('rules out a module only when no project module it imports (transitively) may match', () => {
    expect(pf.mayReach(lib('clean.ts'), sync)).toBe(false);
    expect(pf.mayReach(lib('config.ts'), sync)).toBe(true);
    // Its own text has no match, but what it imports (and re-exports) does.
    expect(pf.mayReach(lib('relay.ts'), sync)).toBe(true);
    expect(pf.mayReach(lib('middle.ts'), sync)).toBe(true);
    expect(pf.mayReach(lib('reexport.ts'), sync)).toBe(true);
    expect(pf.mayReach(lib('index.ts'), sync)).toBe(true);
    // Unreadable: may.
    expect(pf.mayReach(lib('absent.ts'), sync)).toBe(true);
    expect(pf.mayReach(lib('escaped-clock.ts'), { key: 'never', mayMatch: () => false })).toBe(false);
  });

  it('reads each text once per filter', () => {
    pf.mayReach(lib('clean.ts'), sync);
    pf.mayReach(lib('relay.ts'), sync);
    const before = read.length;
    expect(pf.mayReach(lib('clean.ts'), sync)).toBe(false);
    expect(pf.mayReach(lib('relay.ts'), sync)).toBe(true);
    expect(read.length).toBe(before);
  });

  it('searches skip modules the filter rules out, and still find what the others hold', () => {
    const relay = pf.exportedFunction(lib('relay.ts'), 'relayConfig');
    if (!relay) throw new Error('relayConfig');
    const test = (node: TSESTree.Node) =>
      node.type === T.CallExpression && node.callee.type === T.MemberExpression && node.callee.property.type === T.Identifier && node.callee.property.name === 'readFileSync'
        ? 'read'
        : undefined;
    const hit = pf.search(relay, 'read', test, sync);
    expect(hit && [path.relative(BLOCKING, hit.file), hit.node.loc.start.line]).toEqual(['src/lib/config.ts', 7]);
    const clean = pf.exportedFunction(lib('relay.ts'), 'relayClean');
    expect(clean && pf.search(clean, 'read', test, { key: 'never', mayMatch: () => false })).toBeUndefined();
  });
});
