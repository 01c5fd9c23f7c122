import type { ESLint, Linter } from 'eslint';
import type { ConfigEntry } from '../utils/create-rule.js';
import { rules } from '../rules/index.js';

export type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict' | 'all';

const PREFIX = 'temporalio';

function toRuleEntry(entry: ConfigEntry): Linter.RuleEntry {
  return typeof entry === 'string' ? entry : [entry.severity, entry.options];
}

interface RuleMetaLike {
  meta: { docs?: { recommended?: ConfigEntry; strict?: ConfigEntry; requiresTypeChecking?: boolean } };
}

/** Rule entries of one config, derived from each rule's `meta.docs`. */
export function deriveRules(name: ConfigName, all: Record<string, RuleMetaLike> = rules): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(all).sort(([a], [b]) => a.localeCompare(b))) {
    const docs = rule.meta.docs ?? {};
    const typed = docs.requiresTypeChecking === true;
    let entry: ConfigEntry | undefined;
    switch (name) {
      case 'recommended':
        entry = typed ? undefined : docs.recommended;
        break;
      case 'recommended-type-checked':
        entry = docs.recommended;
        break;
      case 'strict':
        entry = docs.strict ?? docs.recommended;
        break;
      case 'all':
        entry = docs.strict ?? docs.recommended ?? 'warn';
        break;
    }
    if (entry !== undefined) out[`${PREFIX}/${ruleName}`] = toRuleEntry(entry);
  }
  return out;
}

export function createConfigs(plugin: ESLint.Plugin): Record<ConfigName, Linter.Config> {
  const make = (name: ConfigName): Linter.Config => ({
    name: `${PREFIX}/${name}`,
    plugins: { [PREFIX]: plugin },
    rules: deriveRules(name),
  });
  return {
    recommended: make('recommended'),
    'recommended-type-checked': make('recommended-type-checked'),
    strict: make('strict'),
    all: make('all'),
  };
}
