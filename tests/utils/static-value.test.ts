import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { evaluate, getProperty, literalValue, scopeLookup, type StaticValue } from '../../src/utils/static-value.js';
import { collect } from './harness.js';

/** Evaluates the first argument of every `probe(...)` call and returns a plain JS view of it. */
function probe(code: string, importLookup?: Parameters<typeof scopeLookup>[1]): unknown[] {
  return collect(code, 'CallExpression[callee.name="probe"]', (node, context) => {
    const arg = (node as TSESTree.CallExpression).arguments[0];
    return plain(evaluate(arg, scopeLookup(context.sourceCode, importLookup)));
  });
}

function plain(v: StaticValue): unknown {
  switch (v.kind) {
    case 'literal':
      return v.value;
    case 'array':
      return { array: v.elements.map(plain), complete: v.complete };
    case 'object':
      return { object: Object.fromEntries([...v.properties].map(([k, p]) => [k, plain(p.value)])), complete: v.complete };
    case 'unknown':
      return '?';
  }
}

describe('evaluate', () => {
  it('evaluates literals, arithmetic, templates and wrappers', () => {
    expect(
      probe(`
        const MIN = 60 * 1000;
        const unit = 's';
        probe(MIN); probe(\`30\${unit}\`); probe('1' + ' minute'); probe(-5); probe(2 ** 3 % 5);
        probe(10 / 4 - 1); probe(MIN as number); probe(undefined); probe(Infinity); probe(!0); probe(void 0);
        probe(null ?? 'x'); probe(0 || 'y'); probe(1 && 'z'); probe(true ? 'a' : 'b'); probe(/re/); probe(+'1');
        probe(1 === 1); probe(1 !== 1); probe(1 < 2);
      `),
    ).toEqual([60000, '30s', '1 minute', -5, 3, 1.5, 60000, undefined, Infinity, true, undefined, 'x', 'y', 'z', 'a', '?', '?', true, false, '?']);
  });

  it('evaluates objects with spreads, computed keys and member access', () => {
    expect(
      probe(`
        const defaults = { startToCloseTimeout: '1m', retry: { maximumAttempts: 3 } } as const;
        const key = 'heartbeatTimeout';
        probe({ ...defaults, [key]: '10s', 'x': 1, 2: 'two' });
        probe(defaults.retry.maximumAttempts);
        probe(defaults['startToCloseTimeout']);
        probe(defaults.missing);
        probe(Object.freeze({ a: 1 }));
        probe({ ...undefined, a: 1 });
      `),
    ).toEqual([
      { object: { startToCloseTimeout: '1m', retry: { object: { maximumAttempts: 3 }, complete: true }, heartbeatTimeout: '10s', x: 1, '2': 'two' }, complete: true },
      3,
      '1m',
      undefined,
      { object: { a: 1 }, complete: true },
      { object: { a: 1 }, complete: true },
    ]);
  });

  it('marks unknown spreads and computed keys as incomplete, and overridden keys as unknown', () => {
    expect(
      probe(`
        function f(opts: object, k: string) {
          probe({ startToCloseTimeout: '1m', ...opts });
          probe({ ...opts, retry: {} });
          probe({ [k]: 1 });
          probe({ ...opts }.x);
          probe({ get a() { return 1; }, b() {} });
        }
      `),
    ).toEqual([
      { object: { startToCloseTimeout: '?' }, complete: false },
      { object: { retry: { object: {}, complete: true } }, complete: false },
      { object: {}, complete: false },
      '?',
      { object: { a: '?', b: '?' }, complete: true },
    ]);
  });

  it('evaluates arrays, spreads of arrays, lengths and indexes', () => {
    expect(
      probe(`
        const base = ['A', 'B'];
        function f(more: string[]) { probe([...base, 'C', , ]); probe([...more]); probe(base.length); probe(base[1]); probe('abc'.length); }
      `),
    ).toEqual([{ array: ['A', 'B', 'C', undefined], complete: true }, { array: [], complete: false }, 2, 'B', 3]);
  });

  it('follows const and never-reassigned let bindings, not reassigned ones or parameters', () => {
    expect(
      probe(`
        let once = 5;
        let twice = 1; twice = 2;
        function f(p: number) { probe(once); probe(twice); probe(p); probe(unknownGlobal); probe(call()); }
        const { destructured } = { destructured: 1 };
        probe(destructured);
      `),
    ).toEqual([5, '?', '?', '?', '?', '?']);
  });

  it('follows imported constants through the import lookup', () => {
    const results = probe(
      `import { OPTS, OTHER } from './shared'; import * as ns from './shared'; import type * as types from './shared';
      import defaults from './shared';
      probe(OPTS); probe(OTHER); probe(ns); probe(ns.OPTS.startToCloseTimeout); probe(ns['OPTS']); probe(ns.OTHER); probe(types.OPTS);
      probe(defaults.retry);
      function shadow(ns: unknown) { probe(ns.OPTS); }`,
      (source, name) => {
        if (source !== './shared' || (name !== 'OPTS' && name !== 'default')) return undefined;
        const text = name === 'OPTS' ? `const x = { startToCloseTimeout: '5m' };` : `export default { retry: { maximumAttempts: 3 } };`;
        const nodes = collect(text, 'ObjectExpression', (n) => n);
        const node = nodes[0];
        return node ? { node, lookup: () => undefined } : undefined;
      },
    );
    const opts = { object: { startToCloseTimeout: '5m' }, complete: true };
    // a member of a namespace import is that module's export; a type-only namespace or a parameter is not followed
    // a default import is the module's `default` export
    expect(results).toEqual([opts, '?', '?', '5m', opts, '?', '?', { object: { maximumAttempts: 3 }, complete: true }, '?']);
  });

  it('never throws, on missing nodes or throwing lookups', () => {
    expect(plain(evaluate(undefined, () => undefined))).toBe('?');
    const results = probe(`import { A } from './a'; probe(A);`, () => {
      throw new Error('boom');
    });
    expect(results).toEqual(['?']);
  });
});

describe('getProperty and literalValue', () => {
  it('tells absent from unknown', () => {
    const [complete, partial] = collect(`x({ a: 1 }); function f(o: object) { x({ ...o }); }`, 'CallExpression[callee.name="x"]', (node, context) =>
      evaluate((node as TSESTree.CallExpression).arguments[0], scopeLookup(context.sourceCode)),
    );
    if (!complete || !partial) throw new Error('no results');
    const a = getProperty(complete, 'a');
    expect(typeof a === 'object' ? literalValue(a.value) : a).toBe(1);
    expect(getProperty(complete, 'b')).toBe('absent');
    expect(getProperty(partial, 'b')).toBe('unknown');
    expect(getProperty({ kind: 'unknown' }, 'b')).toBe('unknown');
    expect(literalValue(undefined)).toBeUndefined();
  });
});

describe('evaluate: edge forms', () => {
  it('gives up on what it cannot know, and keeps what it can', () => {
    expect(
      probe(`
        declare const unknownValue: string;
        declare const sym: symbol;
        const arr = [1, 2] as const;
        const partial = [1, ...[unknownValue]];
        const obj = { a: 1 };
        probe(\`a\${unknownValue}\`); probe(\`a\${{ x: 1 }}\`); probe(NaN); probe(-unknownValue); probe(-'x'); probe(+true);
        probe(~1); probe(unknownValue + 1); probe(unknownValue ?? 1); probe(undefined ?? null ?? 'd');
        probe('' || 0 || 'e'); probe(0 && 'f'); probe(unknownValue || 1); probe(unknownValue ? 1 : 2); probe(false ? 1 : 2);
        probe(arr[1]); probe(arr[5]); probe(partial[0]); probe(arr[unknownValue as any]); probe(obj[unknownValue as 'a']);
        probe(arr.length); probe(({ a: 1 })['a']); probe(typeof 1);
        probe({ ...null, b: 2 }); probe({ ...unknownValue as any, c: 3 }); probe({ [unknownValue]: 1 }); probe({ [1 + 1]: 'two' });
        probe({ [sym]: 1 }); probe({ m() {} }); probe({ get g() { return 1; } });
        probe(1 - 'x' as any); probe('a' + 1); probe(1 + 'a'); probe(7 % 4); probe(2 * 3); probe(1 > 2); probe(1 <= 1); probe(2 >= 3);
        probe(1 | 2); probe(1 == 1); probe(1 != 2); probe(true + 1 as any); probe(sym);
      `),
    ).toMatchInlineSnapshot(`
      [
        "?",
        "?",
        NaN,
        "?",
        "?",
        "?",
        "?",
        "?",
        "?",
        "d",
        "e",
        0,
        "?",
        "?",
        2,
        2,
        undefined,
        1,
        "?",
        "?",
        2,
        1,
        "?",
        {
          "complete": true,
          "object": {
            "b": 2,
          },
        },
        {
          "complete": false,
          "object": {
            "c": 3,
          },
        },
        {
          "complete": false,
          "object": {},
        },
        {
          "complete": true,
          "object": {
            "2": "two",
          },
        },
        {
          "complete": false,
          "object": {},
        },
        {
          "complete": true,
          "object": {
            "m": "?",
          },
        },
        {
          "complete": true,
          "object": {
            "g": "?",
          },
        },
        "?",
        "a1",
        "1a",
        3,
        6,
        "?",
        "?",
        "?",
        "?",
        "?",
        "?",
        "?",
        "?",
      ]
    `);
  });
});
