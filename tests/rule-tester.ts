import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** Root of the typed-test fixture project (`fixtures/typed/tsconfig.json` includes every `*.ts` below it). */
export const TYPED_DIR = path.join(FIXTURES_DIR, 'typed');

/** Untyped tester: the file name decides the role by convention (`workflows.ts`, `activities.ts`, ...). */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
  });
}

/** Typed tester over `fixtures/typed` with the real `@temporalio/*` 1.24 types. */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: [] },
        tsconfigRootDir: TYPED_DIR,
      },
    },
  });
}

/** Path of a file in the typed fixture project, for `filename` in typed cases. */
export const typedFile = (rel: string): string => path.join(TYPED_DIR, rel);
