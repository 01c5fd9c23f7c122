// @ts-check
// The config a user writes, used by tests/e2e.test.ts to run the ESLint CLI over the example app in fixtures/.
import tseslint from 'typescript-eslint';
import temporalio from '../../dist/index.js';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  temporalio.configs.recommended,
];
