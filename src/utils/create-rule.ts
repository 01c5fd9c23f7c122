import { ESLintUtils } from '@typescript-eslint/utils';

export const REPO_URL = 'https://github.com/temporalio-community/eslint-plugin-temporalio';

export type Severity = 'error' | 'warn';

/** How a rule (or a mode of it) enters a shareable config. */
export type ConfigEntry = Severity | { severity: Severity; options: Record<string, unknown> };

/**
 * `meta.docs` of every rule. Configs are derived from these fields (see `src/configs/index.ts`),
 * never hand-listed.
 */
export interface TemporalRuleDocs {
  description: string;
  /** Entry in `recommended` (and `recommended-type-checked`); absent: not recommended. */
  recommended?: ConfigEntry;
  /** Entry in `strict` when it differs from `recommended` (a stricter mode, or strict-only rules). */
  strict?: ConfigEntry;
  /** The rule needs type information: it enters `recommended-type-checked` instead of `recommended`. */
  requiresTypeChecking?: boolean;
}

export const docsUrl = (name: string): string => `${REPO_URL}/blob/main/docs/rules/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<TemporalRuleDocs>(docsUrl);
