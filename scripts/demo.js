// `npm start`: lint the example Temporal app in fixtures/ with `configs.recommended` and print the findings, then
// show what `configs.strict` adds (the rules that are only in `strict`), and end with the one-line summary.
// Runs against the built package (dist/), exactly as a user's eslint.config.js would load it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import temporalio from '../dist/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} dir
 * @param {'recommended' | 'strict'} [config]
 */
async function lint(dir, config = 'recommended') {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      temporalio.configs[config],
    ],
  });
  return eslint.lintFiles(['src/**/*.ts']);
}

/** @param {import('eslint').ESLint.LintResult[]} results */
function summary(results) {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const files = results.filter((r) => r.messages.length > 0).length;
  const rules = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  return { errors, warnings, files, total: results.length, rules: rules.size };
}

const example = path.join(root, 'fixtures/example');
const clean = path.join(root, 'fixtures/example-clean');
const results = await lint(example);
const formatter = await new ESLint({ cwd: example }).loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

/**
 * `src/file.ts:12` locations of the findings of one rule, relative to `dir`.
 * @param {import('eslint').ESLint.LintResult[]} results
 * @param {string} dir
 * @param {string} ruleId
 */
function locations(results, dir, ruleId) {
  return results.flatMap((r) =>
    r.messages.filter((m) => m.ruleId === ruleId).map((m) => `${path.relative(dir, r.filePath)}:${m.line}`),
  );
}

// What `strict` adds: each rule that is not in `recommended`, with its findings' locations; the extra findings of the
// stricter options of recommended rules are only counted.
const recommendedRules = new Set(Object.keys(temporalio.configs.recommended.rules ?? {}));
const strictOnly = Object.keys(temporalio.configs.strict.rules ?? {}).filter((id) => !recommendedRules.has(id));
const strictResults = await lint(example, 'strict');
const count = (/** @type {import('eslint').ESLint.LintResult[]} */ all, /** @type {(id: string) => boolean} */ keep) =>
  all.reduce((n, r) => n + r.messages.filter((m) => keep(m.ruleId ?? '')).length, 0);
const fromStrictModes = count(strictResults, (id) => recommendedRules.has(id)) - count(results, () => true);
const width = Math.max(...strictOnly.map((id) => id.length));
process.stdout.write(`\nconfigs.strict: rules not in recommended, on fixtures/example\n`);
for (const id of strictOnly) {
  const where = locations(strictResults, example, id);
  process.stdout.write(`  ${id.padEnd(width)}  ${String(where.length).padStart(2)}  ${where.join(', ') || '(none)'}\n`);
}
process.stdout.write(`  (plus ${fromStrictModes} findings from the strict options of recommended rules)\n`);
const cleanStrict = await lint(clean, 'strict');
const cleanStrictFindings = cleanStrict.flatMap((r) =>
  r.messages.map((m) => `${path.relative(clean, r.filePath)}:${m.line} ${m.ruleId ?? 'fatal'}`),
);
process.stdout.write(
  `fixtures/example-clean under strict: ${cleanStrictFindings.length} finding${cleanStrictFindings.length === 1 ? '' : 's'}` +
    (cleanStrictFindings.length > 0 ? ` (${cleanStrictFindings.join(', ')})` : '') +
    '\n',
);

const s = summary(results);
const c = summary(await lint(clean));
process.stdout.write(
  `\nfixtures/example: ${s.errors + s.warnings} findings (${s.errors} errors, ${s.warnings} warnings) from ${s.rules} rules in ${s.files} of ${s.total} files; ` +
    `fixtures/example-clean: ${c.errors + c.warnings} findings in ${c.total} files.\n`,
);
