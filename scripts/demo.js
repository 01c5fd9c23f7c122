// `npm start`: lint the example Temporal app in fixtures/ with `configs.recommended` and print the findings.
// Runs against the built package (dist/), exactly as a user's eslint.config.js would load it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import temporalio from '../dist/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} dir */
async function lint(dir) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      temporalio.configs.recommended,
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

const s = summary(results);
const c = summary(await lint(clean));
process.stdout.write(
  `\nfixtures/example: ${s.errors + s.warnings} findings (${s.errors} errors, ${s.warnings} warnings) from ${s.rules} rules in ${s.files} of ${s.total} files; ` +
    `fixtures/example-clean: ${c.errors + c.warnings} findings in ${c.total} files.\n`,
);
