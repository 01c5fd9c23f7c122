// One pass of tests/quality/robustness.test.ts over the corpus, in its own process (the two passes run in parallel):
//   node tests/quality/corpus-lint.mjs <in-place|as-tests> <plugin dist/index.js> <file list (JSON)> <output (JSON)>
// Lints every file with every rule at `error`, with settings that make every file workflow and activity code, and
// writes { files, linted, parsed, crashes: [{ file, error }] }. A crash is an exception out of `Linter#verify` (ESLint
// rethrows a rule's exception); parse errors are counted, not crashes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const [mode, dist, listFile, outFile] = process.argv.slice(2);
if (!mode || !dist || !listFile || !outFile) throw new Error('usage: corpus-lint.mjs <mode> <dist> <list> <out>');
const { default: plugin } = await import(pathToFileURL(dist).href);
/** @type {string[]} */
const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
const ALL_FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`temporalio/${name}`, 'error']));
const settings = { temporalio: { workflows: ['**/*'], activities: ['**/*'] } };
const linterOptions = { reportUnusedDisableDirectives: 'off' };

/** @type {{ file: string, error: string }[]} */
const crashes = [];
let linted = 0;
let parsed = 0;

function lint(linter, text, config, filename, original) {
  try {
    const messages = linter.verify(text, config, filename);
    if (!messages.some((m) => m.ruleId === null && m.message.startsWith('No matching configuration'))) linted++;
    if (!messages.some((m) => m.fatal === true)) parsed++;
  } catch (error) {
    crashes.push({ file: original, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

if (mode === 'in-place') {
  // The files where they are: each package is a project, with the real project model over it.
  const first = files[0] ?? '';
  const nodeModules = first.slice(0, first.lastIndexOf('/node_modules/') + '/node_modules'.length);
  const linter = new Linter({ cwd: nodeModules });
  const config = [
    { ignores: ['!**/node_modules/'] },
    { files: [ALL_FILES], languageOptions: { parser: tseslint.parser }, linterOptions, plugins: { temporalio: plugin }, settings, rules },
  ];
  for (const file of files) lint(linter, fs.readFileSync(file, 'utf8'), config, file, file);
} else if (mode === 'as-tests') {
  // Each file as a test file of a scratch project that also imports the worker, client and testing packages: the
  // worker, client and test roles on top of workflow and activity.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-corpus-'));
  try {
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "corpus", "private": true }\n');
    const linter = new Linter({ cwd: dir });
    const config = [{ files: [ALL_FILES], languageOptions: { parser: tseslint.parser }, linterOptions, plugins: { temporalio: plugin }, settings, rules }];
    for (const file of files) {
      const rel = file.slice(file.lastIndexOf('/node_modules/') + '/node_modules/'.length);
      const ext = /\.([cm]?[jt]s)$/.exec(rel)?.[1] ?? 'ts';
      const prefix =
        ext === 'cjs' || ext === 'cts'
          ? "require('@temporalio/worker'); require('@temporalio/client'); require('@temporalio/testing');\n"
          : "import '@temporalio/worker'; import '@temporalio/client'; import '@temporalio/testing';\n";
      const name = path.join(dir, 'src/__tests__', `${rel.replace(/[/\\]/g, '__').replace(/(\.d)?\.[cm]?[jt]s$/, '')}.test.${ext}`);
      lint(linter, prefix + fs.readFileSync(file, 'utf8'), config, name, file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}

fs.writeFileSync(outFile, JSON.stringify({ files: files.length, linted, parsed, crashes }));
