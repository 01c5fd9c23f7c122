// One measured lint run in a fresh process: node bench/lint-once.js <projectDir> <mode>
// mode: base (parser, no rules) | recommended | typed-base (typed parse, no rules) | typed (recommended-type-checked)
//   | noop-rules / typed-noop-rules (as many rules as `recommended` enables, each returning no listeners, with the
//     untyped or the typed parse: ESLint's own cost of running that many rules, the floor under the ratios)
// PLUGIN_DIST=<dir> loads the plugin from another build directory (default: dist/).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const distDir = process.env.PLUGIN_DIST ? path.resolve(process.env.PLUGIN_DIST) : path.join(import.meta.dirname, '../dist');
const { default: temporalio } = await import(pathToFileURL(path.join(distDir, 'index.js')).href);

const [dirArg, mode] = process.argv.slice(2);
const dir = dirArg && path.resolve(dirArg);
if (!dirArg || !mode) throw new Error('usage: lint-once.js <dir> <mode>');
const typed = mode.startsWith('typed');
const languageOptions = {
  parser: tseslint.parser,
  parserOptions: typed ? { projectService: true, tsconfigRootDir: dir } : {},
};
const overrideConfig = [{ files: ['**/*.ts'], languageOptions }];
if (mode === 'recommended') overrideConfig.push(temporalio.configs.recommended);
if (mode === 'typed') overrideConfig.push(temporalio.configs['recommended-type-checked']);
if (mode === 'noop-rules' || mode === 'typed-noop-rules') {
  const count = Object.keys(temporalio.configs.recommended.rules).length;
  const rules = Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}`, { meta: { schema: [] }, create: () => ({}) }]));
  overrideConfig.push({ plugins: { noop: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((r) => [`noop/${r}`, 'error'])) });
}

const start = performance.now();
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig });
const results = await eslint.lintFiles(['src/**/*.ts']);
const ms = performance.now() - start;
const problems = results.reduce((n, r) => n + r.messages.length, 0);
const fatal = results.reduce((n, r) => n + r.messages.filter((m) => m.fatal).length, 0);
process.stdout.write(
  `${JSON.stringify({ ms, files: results.length, problems, fatal, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
