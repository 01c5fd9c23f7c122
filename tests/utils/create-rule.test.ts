import { ESLintUtils } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule, docsUrl, optionsMemo } from '../../src/utils/create-rule.js';

interface Shape {
  mode?: string;
  list?: string[];
  nested?: { a?: number; b?: number };
}
type Options = [Shape];

/** A rule that records the options its `create` receives, one entry per linted file. */
function recordingRule(seen: unknown[]) {
  return createRule<Options, 'x'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'Require nothing' },
      messages: { x: 'X.' },
      schema: [
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            mode: { type: 'string', description: 'A mode.' },
            list: { type: 'array', items: { type: 'string' }, description: 'A list.' },
            nested: {
              type: 'object',
              additionalProperties: false,
              properties: { a: { type: 'number', description: 'A.' }, b: { type: 'number', description: 'B.' } },
              description: 'Nested.',
            },
          },
        },
      ],
      defaultOptions: [{ mode: 'default', list: [], nested: { a: 1, b: 2 } }],
    },
    create(context, [options]) {
      seen.push(options);
      return {};
    },
  });
}

function lint(rule: ReturnType<typeof recordingRule>, ruleConfig: Linter.RuleEntry, files = 3): void {
  const linter = new Linter();
  const config: Linter.Config[] = [
    { plugins: { t: { rules: { recording: rule as never } } }, rules: { 't/recording': ruleConfig } },
  ];
  for (let i = 0; i < files; i++) linter.verify(`const a${String(i)} = 1;`, config, `f${String(i)}.js`);
}

describe('createRule', () => {
  it('keeps the RuleCreator shape: name, docs url, meta and defaultOptions', () => {
    const rule = recordingRule([]);
    expect(rule.name).toBe('recording');
    expect(rule.meta.docs?.url).toBe(docsUrl('recording'));
    expect(rule.meta.docs?.description).toBe('Require nothing');
    expect(rule.meta.defaultOptions).toEqual([{ mode: 'default', list: [], nested: { a: 1, b: 2 } }]);
  });

  it('merges the defaults once per configuration and shares the frozen result between files', () => {
    const seen: unknown[] = [];
    const rule = recordingRule(seen);
    lint(rule, ['error', { mode: 'strict', nested: { b: 3 } }]);
    expect(seen).toHaveLength(3);
    expect(seen[0]).toEqual({ mode: 'strict', list: [], nested: { a: 1, b: 3 } });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(Object.isFrozen((seen[0] as Shape).nested)).toBe(true);
    expect(Object.isFrozen((seen[0] as Shape).list)).toBe(true);
  });

  it('gives each configuration its own options', () => {
    const seen: unknown[] = [];
    const rule = recordingRule(seen);
    lint(rule, 'error', 1);
    lint(rule, ['error', { list: ['x'] }], 1);
    lint(rule, 'warn', 1);
    expect(seen).toEqual([
      { mode: 'default', list: [], nested: { a: 1, b: 2 } },
      { mode: 'default', list: ['x'], nested: { a: 1, b: 2 } },
      { mode: 'default', list: [], nested: { a: 1, b: 2 } },
    ]);
    expect(seen[2]).toBe(seen[0]);
  });
});

describe('optionsMemo', () => {
  const defaults: Options = [{ mode: 'default', list: [], nested: { a: 1, b: 2 } }];

  it('returns what typescript-eslint applyDefault returns', () => {
    const inputs: (unknown[] | undefined)[] = [
      undefined,
      [],
      [{}],
      [{ mode: 'x' }],
      [{ nested: { a: 5 } }],
      [{ nested: {} }],
      [{ list: ['a', 'b'] }],
      [{ mode: 'x' }, 'extra'],
      [undefined],
    ];
    const memo = optionsMemo(defaults);
    for (const input of inputs) {
      expect(memo(input)).toEqual(ESLintUtils.applyDefault(defaults, input ?? null));
      expect(memo(input)).toEqual(ESLintUtils.applyDefault(defaults, input ?? null));
    }
  });

  it('compares by structure, not identity, and does not keep the caller’s objects', () => {
    const memo = optionsMemo(defaults);
    const list = ['a'];
    const first = memo([{ list }]);
    expect(memo([{ list: ['a'] }])).toBe(first);
    expect(memo([{ list: ['b'] }])).not.toBe(first);
    expect(memo([{ list: ['a'], mode: undefined }])).not.toBe(first);
    list.push('changed');
    expect(first[0].list).toEqual(['a']);
    expect(Object.isFrozen(list)).toBe(false);
  });

  it('leaves the defaults untouched and unfrozen', () => {
    const own: Options = [{ mode: 'default', nested: { a: 1 } }];
    const memo = optionsMemo(own);
    memo(undefined);
    memo([{ nested: { b: 2 } }]);
    expect(own).toEqual([{ mode: 'default', nested: { a: 1 } }]);
    expect(Object.isFrozen(own[0])).toBe(false);
  });

  it('gives a rule without defaults no options, as applyDefault does', () => {
    const memo = optionsMemo<[]>([]);
    expect(memo([{ a: 1 }])).toEqual(ESLintUtils.applyDefault<unknown[], []>([], [{ a: 1 }]));
    expect(memo(undefined)).toEqual([]);
    expect(memo([])).toBe(memo(undefined));
    expect(Object.isFrozen(memo([]))).toBe(true);
  });

  it('does not remember options that are not plain data', () => {
    const memo = optionsMemo(defaults);
    const pattern = /x/;
    const result = memo([{ mode: pattern }]);
    expect((result[0] as { mode: unknown }).mode).toBe(pattern);
    expect(memo([{ mode: pattern }])).not.toBe(result);
  });
});
