import { describe, expect, it } from 'vitest';
import { createGlobMatcher, globToRegExp } from '../../src/utils/glob.js';

describe('glob', () => {
  it.each([
    ['**/*.ts', 'src/a.ts', true],
    ['**/*.ts', 'a.ts', true],
    ['src/**', 'src/x/y.ts', true],
    ['src/**/*.ts', 'src/y.ts', true],
    ['src/*.{ts,js}', 'src/a.js', true],
    ['src/*.ts', 'src/x/a.ts', false],
    ['./src/?.ts', 'src/a.ts', true],
    ['src/[ab].ts', 'src/c.ts', false],
    ['src/[!ab].ts', 'src/c.ts', true],
    ['a.b', 'axb', false],
    ['{src,lib}/**/workflows.ts', 'lib/x/workflows.ts', true],
    // escapes, nested and unterminated brace/bracket groups
    ['src/\\*.ts', 'src/*.ts', true],
    ['src/\\*.ts', 'src/a.ts', false],
    ['src/{a,{b,c}}.ts', 'src/c.ts', true],
    ['src/{a\\,b,c}.ts', 'src/a,b.ts', true],
    ['src/{a\\,b,c}.ts', 'src/b.ts', false],
    ['src/[ab.ts', 'src/[ab.ts', true],
    ['src/{ab.ts', 'src/{ab.ts', true],
    ['src/a\\', 'src/a\\', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globToRegExp(glob).test(file)).toBe(expected);
  });

  it('applies negations', () => {
    const match = createGlobMatcher(['**/workflows/**', '!**/*.test.ts']);
    expect(match('a/workflows/b.ts')).toBe(true);
    expect(match('a/workflows/b.test.ts')).toBe(false);
    expect(createGlobMatcher([])('a.ts')).toBe(false);
  });
});
