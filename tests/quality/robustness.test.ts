// Robustness (DESIGN §5): no rule ever throws, on any parseable input, in any context; bad options and settings
// fail with a configuration error that names the rule or the key; pathological projects finish, nothing hangs and
// nothing outside the project is read.
//
// - A real corpus: every JavaScript/TypeScript file shipped in the installed eslint, typescript-eslint,
//   @typescript-eslint/* and @temporalio/* packages (about 2,100 files, 10 MB), linted by every rule twice, in two
//   parallel processes with the built plugin: in place (the real project model over each package, with
//   `settings.temporalio` making every file workflow and activity code) and as a test file of a scratch project that
//   also imports @temporalio/worker, /client and /testing (every role at once).
// - Options and settings fuzzing from the rules' schemas and the settings schema.
// - Generated pathological projects, linted by the ESLint CLI in a child process with a time limit and an
//   fs spy that records any access outside the project.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearProjectModels, temporalSettingsSchema } from '../../src/project/index.js';
import { rules } from '../../src/rules/index.js';
import { docsBlocks } from './docs-blocks.js';
import { DIST, ROOT } from './paths.js';

const NODE_MODULES = path.join(ROOT, 'node_modules');
const CORPUS_PACKAGES = ['eslint', 'typescript-eslint', '@typescript-eslint/*', '@temporalio/*'];
const CORPUS_FILE = /\.[cm]?[jt]s$/;
const MAX_CORPUS_FILE = 1024 * 1024;
const ALL_FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

const allRulesAt = (severity: Linter.RuleSeverity): Linter.RulesRecord =>
  Object.fromEntries(Object.keys(rules).map((name) => [`temporalio/${name}`, severity]));

/** Every source file shipped in the corpus packages (their own files, not their dependencies), as real paths. */
function corpusFiles(): string[] {
  const dirs: string[] = [];
  for (const pattern of CORPUS_PACKAGES) {
    if (pattern.endsWith('/*')) {
      const scope = path.join(NODE_MODULES, pattern.slice(0, -2));
      for (const name of fs.existsSync(scope) ? fs.readdirSync(scope) : []) dirs.push(path.join(scope, name));
    } else {
      dirs.push(path.join(NODE_MODULES, pattern));
    }
  }
  const files = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && CORPUS_FILE.test(entry.name) && fs.statSync(full).size <= MAX_CORPUS_FILE) {
        files.add(full);
      }
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) walk(fs.realpathSync(dir));
  return [...files].sort();
}

interface PassResult {
  files: number;
  linted: number;
  parsed: number;
  crashes: { file: string; error: string }[];
}

/** Runs one corpus pass in its own process (tests/quality/corpus-lint.mjs): the two passes run in parallel. */
function corpusPass(mode: 'in-place' | 'as-tests', files: readonly string[], dir: string): Promise<PassResult> {
  const list = path.join(dir, `${mode}.files.json`);
  const out = path.join(dir, `${mode}.result.json`);
  fs.writeFileSync(list, JSON.stringify(files));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'tests/quality/corpus-lint.mjs'), mode, DIST, list, out],
      { cwd: ROOT, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`${mode} pass failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as PassResult);
      },
    );
  });
}

/** Every context at once: the settings make all files workflow and activity code. */
const FORCE_ROLES = { temporalio: { workflows: ['**/*'], activities: ['**/*'] } };

/** Lints `text` as `filename`; a thrown error (a rule crash) is returned, parse errors are not. */
function crashOf(linter: Linter, text: string, config: Linter.Config[], filename: string): string | undefined {
  try {
    linter.verify(text, config, filename);
    return undefined;
  } catch (error) {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
}

describe('a real corpus, every rule, every context', () => {
  const files = corpusFiles();
  let passes: Promise<[PassResult, PassResult]> | undefined;
  let dir = '';

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-corpus-run-'));
    passes = Promise.all([corpusPass('in-place', files, dir), corpusPass('as-tests', files, dir)]);
    passes.catch(() => undefined); // reported by the tests below
  });

  afterAll(async () => {
    await passes?.catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('collects a large corpus', () => {
    expect(files.length).toBeGreaterThan(1500);
  });

  it('never throws on the files in place, with the real project model of each package', async () => {
    const [inPlace] = (await passes) ?? [];
    expect(inPlace?.crashes).toEqual([]);
    expect(inPlace?.linted).toBe(files.length);
  }, 900_000);

  it('never throws on the files as test files of a project that also imports the worker, client and testing packages', async () => {
    const [, asTests] = (await passes) ?? [];
    expect(asTests?.crashes).toEqual([]);
    // Parse errors are allowed (CommonJS read as a module), but nearly everything parses.
    expect(asTests?.parsed).toBeGreaterThan(files.length * 0.9);
  }, 900_000);

  it('never throws on the inputs that once crashed a rule', () => {
    const linter = new Linter({ cwd: ROOT });
    const config: Linter.Config[] = [
      { files: [ALL_FILES], languageOptions: { parser: tseslint.parser }, plugins: { temporalio: plugin }, settings: FORCE_ROLES, rules: allRulesAt('error') },
    ];
    const inputs = [
      // workflow-no-global-state looked `constructor` up in a plain object (@temporalio/worker's debug replayer)
      "const notify = globalThis.constructor.constructor('return notifyRunner')();\nnotify(1);\n",
      'Object.__proto__.toString(); Reflect.constructor(); hasOwnProperty.call({}, "x");\n',
    ];
    for (const code of inputs) {
      for (const name of ['src/workflows.ts', 'src/activities.ts', 'src/worker.ts', 'src/client.ts', 'src/a.test.ts']) {
        expect(crashOf(linter, code, config, path.join(ROOT, '.docs-virtual', name))).toBeUndefined();
      }
    }
  });
});

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
};

const WRONG_TYPES: Record<string, unknown> = {
  string: 42,
  number: 'not a number',
  boolean: 'yes',
  array: 'not an array',
  object: 42,
};

/** Values the schema must reject (each a clear configuration error), with the text the error must show. */
function invalidValues(schema: JsonSchema): [value: unknown, mention: string][] {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const values: [unknown, string][] = [];
  for (const candidate of [42, 'not a valid value', true, null, {}]) {
    const t = candidate === null ? 'null' : typeof candidate;
    if (!types.includes(t) && !(t === 'object' && types.includes('array'))) values.push([candidate, JSON.stringify(candidate)]);
  }
  if (!types.includes('array')) values.push([[42], '[42]']);
  else if (schema.items?.type !== undefined && schema.items.type !== 'number') values.push([[42], 'Value 42 should be']);
  if (schema.enum) values.push(['not-one-of-the-enum-values', '"not-one-of-the-enum-values"']);
  if (types.includes('array') && schema.uniqueItems === true) values.push([['same', 'same'], 'duplicate items']);
  const wrong = types.length === 1 && types[0] !== undefined ? WRONG_TYPES[types[0]] : undefined;
  if (wrong !== undefined) values.push([wrong, JSON.stringify(wrong)]);
  return values;
}

/** Values the schema accepts but a rule might mishandle. */
function oddValidValues(schema: JsonSchema): unknown[] {
  if (schema.enum) return schema.enum;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const values: unknown[] = [];
  for (const t of types) {
    if (t === 'boolean') values.push(true, false);
    if (t === 'number' || t === 'integer') values.push(0, -1, 0.5, 1e308, Number.MAX_SAFE_INTEGER);
    if (t === 'string') values.push('', ' ', 'banana', '__proto__', 'constructor', '-1 ms', '1e999 years', 'x'.repeat(5000));
    if (t === 'array') {
      values.push([], ['__proto__', 'constructor', 'hasOwnProperty'], ['*', '**', '.*', '*.*', 'fs.*'], ['x'.repeat(5000)]);
    }
  }
  return values;
}

describe('options fuzzing', () => {
  const blocks = docsBlocks(path.join(ROOT, 'docs/rules'));
  const exampleDir = path.join(ROOT, 'fixtures/example');
  const exampleFiles: string[] = [];
  const collect = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) collect(full);
      else if (entry.name.endsWith('.ts')) exampleFiles.push(full);
    }
  };
  collect(path.join(exampleDir, 'src'));

  const cases = Object.entries(rules).map(([name, rule]) => ({ name, schema: rule.meta.schema as JsonSchema[] | JsonSchema }));

  it.each(cases)('$name: invalid options are configuration errors naming the rule and the value or key', ({ name, schema }) => {
    const linter = new Linter({ cwd: ROOT });
    const id = `temporalio/${name}`;
    const attempt = (options: unknown[]): Error | undefined => {
      try {
        linter.verify(
          'export const a = 1;\n',
          [{ files: [ALL_FILES], languageOptions: { parser: tseslint.parser }, plugins: { temporalio: plugin }, rules: { [id]: ['error', ...options] as Linter.RuleEntry } }],
          path.join(ROOT, '.docs-virtual/src/workflows.ts'),
        );
        return undefined;
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    };
    const expectConfigError = (options: unknown[], mentions: string): void => {
      const error = attempt(options);
      expect(error, `${id} accepted ${JSON.stringify(options)}`).toBeInstanceOf(Error);
      expect(error?.constructor).toBe(Error); // not a TypeError from rule code
      expect(error?.message).toContain(`Key "${id}"`);
      expect(error?.message).toContain(mentions);
    };
    const first = Array.isArray(schema) ? schema[0] : undefined;
    if (!first) {
      // No options: any option is rejected.
      expectConfigError([{}], 'should NOT have more than 0 items');
      return;
    }
    expectConfigError([{ notAnOption: 1 }], 'Unexpected property "notAnOption"');
    expectConfigError(['not an object'], '"not an object"');
    expectConfigError([{}, {}], 'should NOT have more than 1 items');
    for (const [key, propertySchema] of Object.entries(first.properties ?? {})) {
      for (const [value, mention] of invalidValues(propertySchema)) expectConfigError([{ [key]: value }], mention);
    }
  });

  it.each(cases.filter((c) => Array.isArray(c.schema) && c.schema[0]?.properties))(
    '$name: odd but valid option values never crash the rule',
    ({ name, schema }) => {
      const id = `temporalio/${name}`;
      const first = (schema as JsonSchema[])[0];
      const inputs = [
        ...blocks.filter((b) => b.rule === name).map((b) => ({ file: path.join(ROOT, '.docs-virtual', b.filename), code: b.code, settings: b.settings, cwd: ROOT })),
        ...exampleFiles.map((file) => ({ file, code: fs.readFileSync(file, 'utf8'), settings: {}, cwd: exampleDir })),
      ];
      const failures: string[] = [];
      for (const [key, propertySchema] of Object.entries(first?.properties ?? {})) {
        for (const value of oddValidValues(propertySchema)) {
          for (const input of inputs) {
            const linter = new Linter({ cwd: input.cwd });
            try {
              linter.verify(
                input.code,
                [
                  {
                    files: [ALL_FILES],
                    languageOptions: { parser: tseslint.parser },
                    plugins: { temporalio: plugin },
                    settings: input.settings,
                    rules: { [id]: ['error', { [key]: value }] },
                  },
                ],
                input.file,
              );
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              // Allowed: a configuration error that names the option; anything else is a crash.
              if (!(message.includes(id) && message.includes(key))) {
                failures.push(`${key}: ${JSON.stringify(value).slice(0, 40)} on ${path.relative(ROOT, input.file)}: ${message.split('\n')[0] ?? ''}`);
              }
            }
          }
        }
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});

describe('settings fuzzing', () => {
  const dir = path.join(ROOT, 'fixtures/example');
  const file = path.join(dir, 'src/workflows/order.ts');
  const code = fs.readFileSync(file, 'utf8');
  const keys = Object.keys(temporalSettingsSchema.properties);
  const values: unknown[] = [42, 'x', true, null, [], [42], [''], {}, ['**/*'], ['../..'], ['/etc/**'], '..', ['[', '{a,b', '!!x']];

  const run = (settings: unknown, rulesRecord: Linter.Config['rules']): Error | undefined => {
    try {
      new Linter({ cwd: dir }).verify(
        code,
        [
          { files: [ALL_FILES], languageOptions: { parser: tseslint.parser } },
          { plugins: { temporalio: plugin }, settings: { temporalio: settings }, rules: rulesRecord },
        ],
        file,
      );
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  it.each(keys.map((key) => ({ key })))('settings.temporalio.$key: invalid values fail naming the key, for every rule', ({ key }) => {
    clearProjectModels();
    const failures: string[] = [];
    for (const value of values) {
      for (const name of Object.keys(rules)) {
        const error = run({ [key]: value }, { [`temporalio/${name}`]: 'error' });
        if (error && !(error.constructor === Error && error.message.includes(`settings.temporalio.${key} `))) {
          failures.push(`${name} with ${key}: ${JSON.stringify(value)}: ${error.constructor.name}: ${error.message.split('\n')[0] ?? ''}`);
        }
      }
      // The recommended config as a whole is loud about a bad value (some rule reads the settings).
      const whole = run({ [key]: value }, plugin.configs.recommended.rules ?? {});
      const accepted = whole === undefined;
      const schemaType = (temporalSettingsSchema.properties as Record<string, { type: string }>)[key]?.type;
      const valid = schemaType === 'array' ? Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '') : schemaType === 'boolean' ? typeof value === 'boolean' : typeof value === 'string' && value !== '';
      if (accepted !== valid) failures.push(`recommended with ${key}: ${JSON.stringify(value)}: ${accepted ? 'accepted' : `rejected: ${whole.message}`}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('an unknown key or a non-object fails naming settings.temporalio', () => {
    for (const [settings, mention] of [
      [{ workflow: ['src/**'] }, 'settings.temporalio.workflow is not a known setting'],
      [42, 'settings.temporalio must be an object'],
      [['src/**'], 'settings.temporalio must be an object'],
      ['src/**', 'settings.temporalio must be an object'],
    ] as const) {
      const error = run(settings, plugin.configs.recommended.rules ?? {});
      expect(error?.constructor).toBe(Error);
      expect(error?.message).toContain(mention);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Pathological projects, linted by the ESLint CLI in a child process (a hang fails the test instead of the run).

/** Records every fs access under SPY_WATCH (absolute) into SPY_OUT, and any read of SPY_FIFO. */
const SPY = `'use strict';
const fs = require('fs');
const { syncBuiltinESMExports } = require('module');
const watch = process.env.SPY_WATCH;
const out = process.env.SPY_OUT;
const seen = new Set();
const note = (name, p) => {
  try {
    const s = typeof p === 'string' ? p : p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? p.toString() : undefined;
    if (s && watch && require('path').resolve(s).startsWith(watch)) seen.add(name + ' ' + require('path').resolve(s));
  } catch {}
};
for (const name of ['readFileSync', 'openSync', 'statSync', 'lstatSync', 'readdirSync', 'existsSync', 'accessSync', 'readlinkSync', 'opendirSync', 'readFile', 'open', 'stat', 'lstat', 'readdir', 'access']) {
  const original = fs[name];
  if (typeof original !== 'function') continue;
  fs[name] = function (p, ...rest) { note(name, p); return original.call(this, p, ...rest); };
}
for (const name of ['realpathSync']) {
  const original = fs[name];
  const wrapped = function (p, ...rest) { note(name, p); return original.call(this, p, ...rest); };
  wrapped.native = function (p, ...rest) { note(name + '.native', p); return original.native.call(this, p, ...rest); };
  fs[name] = wrapped;
}
for (const name of ['readFile', 'open', 'stat', 'lstat', 'readdir', 'access', 'opendir', 'realpath']) {
  const original = fs.promises[name];
  if (typeof original !== 'function') continue;
  fs.promises[name] = function (p, ...rest) { note('promises.' + name, p); return original.call(this, p, ...rest); };
}
syncBuiltinESMExports();
process.on('exit', () => { if (out) fs.writeFileSync(out, JSON.stringify([...seen])); });
`;

interface CliResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  outside: string[];
}

interface CliMessage {
  ruleId: string | null;
  message: string;
  fatal?: boolean;
  line: number;
}

const TIME_LIMIT_MS = 240_000;

describe('pathological projects', () => {
  let base = '';
  let spy = '';
  let config = '';

  beforeAll(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-pathological-')));
    spy = path.join(base, 'spy.cjs');
    fs.writeFileSync(spy, SPY);
    config = path.join(base, 'eslint.config.mjs');
    fs.writeFileSync(
      config,
      `import tseslint from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('typescript-eslint')).href)};\n` +
        `import temporalio from ${JSON.stringify(pathToFileURL(DIST).href)};\n` +
        `export default [\n  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },\n  temporalio.configs.all,\n];\n`,
    );
  });

  afterAll(() => {
    if (base) {
      // chmod 000 files and loops must not stop the clean-up
      try {
        execFileSync('chmod', ['-R', 'u+rwX', base]);
      } catch {
        // ignore
      }
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  function eslint(cwd: string, files: string[], watch: string): Promise<CliResult> {
    const out = path.join(base, `spy-${path.basename(cwd)}.json`);
    const start = Date.now();
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.join(NODE_MODULES, 'eslint/bin/eslint.js'), '--no-config-lookup', '--config', config, '-f', 'json', ...files],
        {
          cwd,
          timeout: TIME_LIMIT_MS,
          killSignal: 'SIGKILL',
          maxBuffer: 512 * 1024 * 1024,
          env: { ...process.env, NODE_OPTIONS: `--require ${spy}`, SPY_WATCH: watch, SPY_OUT: out },
        },
        (error, stdout, stderr) => {
          const outside = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as string[]) : [];
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            signal: error?.signal ?? null,
            stdout,
            stderr,
            ms: Date.now() - start,
            outside,
          });
        },
      );
    });
  }

  const parse = (result: CliResult, cwd: string): Map<string, CliMessage[]> => {
    expect(result.signal, `killed after ${result.ms} ms: it hangs\n${result.stderr}`).toBeNull();
    expect([0, 1], result.stderr).toContain(result.code);
    const parsed = JSON.parse(result.stdout) as { filePath: string; messages: CliMessage[] }[];
    return new Map(parsed.map((r) => [path.relative(cwd, r.filePath), r.messages]));
  };

  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  it('a 10,000-file import graph: a 5,000-module chain closed into a cycle and a 5,000-module barrel', async () => {
    const dir = path.join(base, 'graph');
    const N = 5000;
    write(path.join(dir, 'package.json'), '{ "name": "graph", "private": true }\n');
    write(
      path.join(dir, 'src/worker.ts'),
      `import { Worker } from '@temporalio/worker';\nexport const run = () => Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows') });\n`,
    );
    write(
      path.join(dir, 'src/workflows.ts'),
      `import { sleep } from '@temporalio/workflow';\nimport { c0 } from './chain/c0';\nimport { f${N - 1} } from './fan';\n\nexport async function big(): Promise<number> {\n  await sleep(1);\n  return c0() + f${N - 1}();\n}\n`,
    );
    for (let i = 0; i < N; i++) {
      const next = (i + 1) % N; // the last module imports the first: one long cycle
      write(
        path.join(dir, `src/chain/c${i}.ts`),
        `import { c${next} } from './c${next}';\nexport function c${i}(): number {\n  return ${i === N - 1 ? `fetch.length` : `c${next}()`};\n}\n`,
      );
      write(
        path.join(dir, `src/fan/f${i}.ts`),
        `import { f${next} } from './f${next}';\nexport function f${i}(): number {\n  return ${i === N - 1 ? `fetch.length` : `f${next}.length`};\n}\n`,
      );
    }
    write(path.join(dir, 'src/fan/index.ts'), Array.from({ length: N }, (_, i) => `export * from './f${i}';`).join('\n') + '\n');
    const targets = ['src/worker.ts', 'src/workflows.ts', 'src/fan/index.ts', `src/chain/c${N - 1}.ts`, `src/fan/f${N - 1}.ts`, `src/fan/f${N / 2}.ts`];
    const result = await eslint(dir, targets, path.join(base, 'nowhere'));
    const byFile = parse(result, dir);
    expect([...byFile.keys()].sort()).toEqual([...targets].sort());
    for (const messages of byFile.values()) expect(messages.filter((m) => m.fatal === true || m.ruleId === null)).toEqual([]);
    // The far end of the chain and of the fan-out are still known to be workflow code.
    for (const far of [`src/chain/c${N - 1}.ts`, `src/fan/f${N - 1}.ts`]) {
      expect(byFile.get(far)?.map((m) => m.ruleId)).toContain('temporalio/workflow-no-unsupported-globals');
    }
    // Messages stay readable: the 5,002-file chain is shown with its middle elided.
    const deep = byFile.get(`src/chain/c${N - 1}.ts`)?.find((m) => m.ruleId === 'temporalio/workflow-no-unsupported-globals');
    expect(deep?.message).toContain(`src/workflows.ts → src/chain/c0.ts → … ${N - 4} more … → src/chain/c${N - 3}.ts → src/chain/c${N - 2}.ts → src/chain/c${N - 1}.ts`);
    expect(deep?.message.length).toBeLessThan(600);
  }, TIME_LIMIT_MS + 120_000);

  it('cycles, symlink loops, unreadable and odd files, a 5 MB file, a workflowsPath outside the project: finishes, reads nothing outside', async () => {
    const dir = path.join(base, 'hazards');
    const outside = path.join(base, 'outside');
    write(path.join(dir, 'package.json'), '{ "name": "hazards", "private": true }\n');
    write(path.join(dir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true }, "include": ["src"] }\n');
    // The sentinel outside the project: were it read as workflow code, src/inner.ts would become workflow code.
    write(path.join(outside, 'workflows.ts'), `import { inner } from '../hazards/src/inner';\nexport async function outsider(): Promise<void> {\n  await inner();\n}\n`);
    write(path.join(outside, 'helper.ts'), `export const secret = Math.random();\n`);
    write(path.join(outside, 'unrelated.ts'), `export const unrelated = fetch('https://example.com');\n`);
    write(path.join(dir, 'src/inner.ts'), `export async function inner(): Promise<void> {\n  await fetch('https://example.com');\n}\n`);
    write(
      path.join(dir, 'src/worker.ts'),
      `import { Worker } from '@temporalio/worker';\n` +
        `export const a = () => Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('./workflows') });\n` +
        `export const b = () => Worker.create({ taskQueue: 'q', workflowsPath: require.resolve('../../outside/workflows') });\n` +
        `export const c = () => Worker.create({ taskQueue: 'q', workflowsPath: '${outside}/workflows.ts' });\n`,
    );
    write(
      path.join(dir, 'src/workflows.ts'),
      [
        `import { sleep } from '@temporalio/workflow';`,
        `import { a } from './cycle-a';`,
        `import './self';`,
        `import './big';`,
        `import './broken';`,
        `import './garbage';`,
        `import './unreadable';`,
        `import './pipe';`,
        `import './dir';`,
        `import './loop/loop/loop/workflows';`,
        `import './linked/helper';`,
        `import '../../outside/helper';`,
        `export async function hazards(): Promise<number> {`,
        `  await sleep(1);`,
        `  return a();`,
        `}`,
        ``,
      ].join('\n'),
    );
    write(path.join(dir, 'src/cycle-a.ts'), `import { b } from './cycle-b';\nexport * from './cycle-b';\nexport const a = (): number => b() + 1;\n`);
    write(path.join(dir, 'src/cycle-b.ts'), `import { a } from './cycle-a';\nexport * from './cycle-a';\nexport const b = (): number => (a.length > 0 ? 0 : new Date().getHours());\n`);
    write(path.join(dir, 'src/self.ts'), `import * as me from './self';\nexport * from './self';\nexport const self = me;\n`);
    // A 5 MB generated module, as generated code often is: about 1 MB of functions and 4 MB of embedded data (the
    // parser, not the plugin, dominates the time of a file like this: about 9 s per MB of code here).
    const lines: string[] = [`import { uuid4 } from '@temporalio/workflow';`];
    for (let size = 0, i = 0; size < 1024 * 1024; i++) {
      const line = `export function generated${i}(x: number): string { return x > ${i} ? uuid4() : String(x * ${i}); }`;
      lines.push(line);
      size += line.length + 1;
    }
    lines.push(`export const DATA = '${'0123456789abcdef'.repeat(256 * 1024)}';`);
    write(path.join(dir, 'src/big.ts'), `${lines.join('\n')}\n`);
    write(path.join(dir, 'src/broken.ts'), `export const broken = (;\nimport {\n`);
    fs.writeFileSync(path.join(dir, 'src/garbage.ts'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    write(path.join(dir, 'src/unreadable.ts'), `export const unreadable = crypto.randomUUID();\n`);
    fs.chmodSync(path.join(dir, 'src/unreadable.ts'), 0o000);
    let unreadable = true;
    try {
      fs.readFileSync(path.join(dir, 'src/unreadable.ts'));
      unreadable = false; // running as root: permissions do not stop reads
    } catch {
      // the file really is unreadable
    }
    try {
      execFileSync('mkfifo', [path.join(dir, 'src/pipe.ts')]); // reading it would block forever
    } catch {
      // no mkfifo: skip that hazard
    }
    fs.mkdirSync(path.join(dir, 'src/dir.ts'), { recursive: true }); // a directory named like a module
    fs.symlinkSync('.', path.join(dir, 'src/loop')); // src/loop/loop/... is src
    fs.symlinkSync(outside, path.join(dir, 'src/linked')); // a link that leaves the project
    const targets = ['src/worker.ts', 'src/workflows.ts', 'src/inner.ts', 'src/cycle-a.ts', 'src/cycle-b.ts', 'src/self.ts', 'src/big.ts', 'src/broken.ts', 'src/garbage.ts'];
    if (unreadable) targets.push('src/unreadable.ts');
    const result = await eslint(dir, targets, outside);
    const byFile = parse(result, dir);
    // Nothing under ../outside was read. The modules the worker names there are only looked up (stat, realpath),
    // so that worker-valid-workflows-path can say the path leaves the project; nothing else there is touched.
    const reads = result.outside.filter((access) => !/^(statSync|lstatSync|realpathSync(\.native)?|existsSync) /.test(access));
    expect(reads).toEqual([]);
    const named = new Set(['workflows.ts', 'helper.ts'].map((f) => path.join(outside, f)));
    expect(result.outside.filter((access) => !named.has(access.slice(access.indexOf(' ') + 1)))).toEqual([]);
    // The outside workflows module did not make src/inner.ts workflow code.
    expect(byFile.get('src/inner.ts')?.filter((m) => m.ruleId?.startsWith('temporalio/workflow-'))).toEqual([]);
    // The cycle members are workflow code, linted normally.
    for (const file of ['src/cycle-a.ts', 'src/cycle-b.ts']) {
      expect(byFile.get(file)?.filter((m) => m.fatal === true)).toEqual([]);
    }
    expect(byFile.get('src/cycle-b.ts')?.map((m) => m.ruleId)).toContain('temporalio/workflow-no-host-dependent-time');
    // The 5 MB file is linted (the model does not read it for the graph, ESLint lints it).
    expect(byFile.get('src/big.ts')?.filter((m) => m.fatal === true)).toEqual([]);
    // Only the broken and garbage files have parse errors; no rule crashed (a crash fails the whole CLI run).
    const fatal = [...byFile].filter(([, messages]) => messages.some((m) => m.fatal === true)).map(([file]) => file).sort();
    expect(fatal).toEqual(['src/broken.ts', 'src/garbage.ts']);
    expect(result.stderr).not.toMatch(/Error while loading rule|TypeError|RangeError/);
  }, TIME_LIMIT_MS + 120_000);
});

