/**
 * ESTree parsing of project files for discovery and cross-file rules: `@typescript-eslint/typescript-estree`
 * when it (and TypeScript) can be loaded, else `espree` from ESLint (JavaScript only). Never throws.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { loadOptional } from './load.js';

interface EstreeModule {
  parse(code: string, options: Record<string, unknown>): TSESTree.Program;
}

function typescriptEstree(): EstreeModule | undefined {
  return loadOptional('@typescript-eslint/typescript-estree', ['@typescript-eslint/utils', '.']) as EstreeModule | undefined;
}

function espree(): EstreeModule | undefined {
  return loadOptional('espree', ['eslint/package.json', '.']) as EstreeModule | undefined;
}

/** Which parser is available: for `explain` and tests. */
export function availableParser(): 'typescript-estree' | 'espree' | 'none' {
  if (typescriptEstree()) return 'typescript-estree';
  return espree() ? 'espree' : 'none';
}

/** Parses a module to ESTree with `range` and `loc`; `undefined` when no parser can read it. */
export function parseProgram(file: string, text: string): TSESTree.Program | undefined {
  const jsx = /\.[cm]?[jt]sx$/.test(file);
  const tsEstree = typescriptEstree();
  if (tsEstree) {
    try {
      return tsEstree.parse(text, { range: true, loc: true, jsx, jsDocParsingMode: 'none', comment: false, filePath: file });
    } catch {
      return undefined;
    }
  }
  const js = espree();
  if (!js || /\.[cm]?tsx?$/.test(file)) return undefined;
  for (const sourceType of ['module', 'commonjs']) {
    try {
      return js.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true, ecmaFeatures: { jsx } });
    } catch {
      // try the next source type
    }
  }
  return undefined;
}
