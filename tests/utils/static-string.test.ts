import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { staticString } from '../../src/utils/static-string.js';
import { collect } from './harness.js';

/** `staticString` of the first argument of every `f(...)` call in `code`, as `kind` or `string:value`. */
function kinds(code: string): string[] {
  return collect(code, 'CallExpression[callee.name="f"]', (node, context) => {
    const arg = (node as TSESTree.CallExpression).arguments[0];
    if (!arg) return '-';
    const result = staticString(context.sourceCode, arg);
    return result.kind === 'string' ? `string:${result.value}` : result.kind;
  });
}

describe('staticString', () => {
  it('evaluates literals, templates, constants and enum members', () => {
    expect(
      kinds(`
        const A = 'a'; const O = { b: 'b' } as const;
        enum E { C = 'c', D = 1, N }
        f('x'); f(\`t-\${A}\`); f(A); f(O.b); f(E.C); f(E['C']); f(E.D); f(E.N); f(1);
      `),
    ).toEqual(['string:x', 'string:t-a', 'string:a', 'string:b', 'string:c', 'string:c', 'nonString', 'nonString', 'nonString']);
  });

  it('treats imports as opaque, parameters as parameters, the rest as dynamic', () => {
    expect(
      kinds(`
        import { ID, NS } from './ids';
        import * as ids from './ids';
        const viaImport = ID; const viaMember = NS.x;
        function w(p: string, o: { id: string }) {
          f(ID); f(NS.deep.x); f(ids.V2); f(viaImport); f(viaMember); f(p); f(o.id);
          let l = 'a'; l = 'b'; f(l); f(g()); f(undeclared); f(E.Missing); f(E[k]); f(x.y.z);
        }
        enum E { A = 'a' }
      `),
    ).toEqual(['opaque', 'opaque', 'opaque', 'opaque', 'opaque', 'parameter', 'dynamic', 'dynamic', 'dynamic', 'dynamic', 'dynamic', 'dynamic', 'dynamic']);
  });
});
