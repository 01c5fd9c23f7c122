// Alphabetical map of every rule. Adding a rule: import it here and add one entry.
import type { TSESLint } from '@typescript-eslint/utils';
import type { TemporalRuleDocs } from '../utils/create-rule.js';
import noTemporalInternalImports from './no-temporal-internal-imports.js';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], TemporalRuleDocs>> = {
  'no-temporal-internal-imports': noTemporalInternalImports,
};
