// Alphabetical map of every rule. Adding a rule: import it here and add one entry.
import type { TSESLint } from '@typescript-eslint/utils';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
};
