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

const createNamedRule = ESLintUtils.RuleCreator<TemporalRuleDocs>(docsUrl);

type NamedRule<Options extends readonly unknown[], MessageIds extends string> = Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, TemporalRuleDocs>
>;

/**
 * `ESLintUtils.RuleCreator` with the defaults merged once per distinct configuration instead of once per linted
 * file: ESLint hands every file a fresh `context.options` array, and typescript-eslint's `applyDefault` clones and
 * deep-merges it again for each of them. The merge itself is typescript-eslint's (`meta.defaultOptions`, else the
 * deprecated `defaultOptions`); the result is deeply frozen, since every file of the lint shares it.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: NamedRule<Options, MessageIds>,
): ReturnType<typeof createNamedRule<Options, MessageIds>> {
  const created = createNamedRule(rule);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback typescript-eslint keeps for old rules
  const defaults: Readonly<Options> = rule.meta.defaultOptions ?? rule.defaultOptions ?? ([] as unknown as Options);
  const withDefaults = optionsMemo(defaults);
  return {
    ...created,
    create: (context) => rule.create(context, withDefaults(context.options)),
  };
}

/** How many distinct configurations of one rule are remembered (one per override block that configures it). */
const MAX_ENTRIES = 16;

/** `context.options` → the options with defaults, memoised by structure. */
export function optionsMemo<Options extends readonly unknown[]>(
  defaults: Readonly<Options>,
): (options: readonly unknown[] | undefined) => Readonly<Options> {
  // typescript-eslint keeps only the positions that have defaults: without any, every configuration gives `[]`.
  if (defaults.length === 0) {
    const none = Object.freeze(ESLintUtils.applyDefault(defaults, null));
    return () => none;
  }
  const entries: { input: readonly unknown[] | undefined; output: Readonly<Options> }[] = [];
  return (options) => {
    for (const entry of entries) {
      if (sameValue(entry.input, options)) return entry.output;
    }
    const merged = ESLintUtils.applyDefault(defaults, options ?? null);
    // Only plain data (what a JSON schema accepts) is remembered and frozen; anything else is merged per call.
    if (!isPlainData(options) || !isPlainData(merged)) return merged;
    const output = deepFreeze(structuredClone(merged));
    if (entries.length >= MAX_ENTRIES) entries.shift();
    entries.push({ input: structuredClone(options), output });
    return output;
  };
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Primitives, arrays and plain objects all the way down (no functions, class instances or cycles). */
function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (depth > 32) return false;
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  return isPlainObject(value) && Object.values(value).every((item) => isPlainData(item, depth + 1));
}

/** Structural equality of plain data: same keys (own, enumerable), same array lengths, `Object.is` on primitives. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
  return true;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
