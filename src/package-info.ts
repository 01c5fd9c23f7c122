// Kept in sync with package.json by tests/configs.test.ts.
export const name = 'eslint-plugin-temporalio';
export const version = '0.1.0';
