// The package as users install it: build, `npm pack`, install the tarball into scratch projects with
// ESLint 10 and ESLint 9, and lint a workflow file with `configs.recommended` from an ESM
// `eslint.config.js` and from a CommonJS `eslint.config.cjs`. Needs the npm registry (or a warm cache).
// Skip for quick local runs with SKIP_PACKAGE_TEST=1; CI runs it.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = process.env.SKIP_PACKAGE_TEST === '1';
const TIMEOUT = 300_000;

interface PackageJson {
  name: string;
  version: string;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without npm's per-script variables, which would point a nested npm at this repo. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  env.NO_UPDATE_NOTIFIER = '1';
  return env;
}

function run(cmd: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: childEnv(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function runOk(cmd: string, args: string[], cwd: string): Promise<string> {
  const result = await run(cmd, args, cwd);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const rootPkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const versionOf = (dep: string): string => {
  const range = rootPkg.dependencies?.[dep] ?? rootPkg.devDependencies?.[dep];
  if (range === undefined) throw new Error(`package.json lists no ${dep}`);
  return range;
};

/** ESLint majors to install, with the parser and TypeScript versions this repo is tested with. */
const ESLINT_VERSIONS = [
  { label: 'ESLint 10', spec: 'eslint@^10', major: 10 },
  { label: 'ESLint 9', spec: 'eslint@^9.39', major: 9 },
] as const;

/** Files with common hazards that the untyped `recommended` rules are meant to catch. */
const HAZARD_FILES: Record<string, string> = {
  'src/workflows.ts': `import { proxyActivities, sleep } from '@temporalio/workflow';
import { msToNumber } from '@temporalio/common/lib/time';
import fs from 'fs';
import { v4 } from 'uuid';

const { greet } = proxyActivities<{ greet(name: string): Promise<string> }>({});

export async function example(name: string): Promise<string> {
  const requestId = crypto.randomUUID();
  greet(name);
  await sleep('1 month');
  return \`\${v4()} \${requestId} \${msToNumber('1s')} \${fs.existsSync('/tmp') ? 'yes' : 'no'}\`;
}
`,
  'src/activities.ts': `import { execSync } from 'child_process';
import { readFileSync } from 'fs';

export async function loadConfig(file: string): Promise<string> {
  execSync('sync');
  return readFileSync(file, 'utf8');
}
`,
};

const ESM_CONFIG = `// @ts-check
import { defineConfig } from 'eslint/config';
import temporalio from 'eslint-plugin-temporalio';
import tseslint from 'typescript-eslint';

export default defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  temporalio.configs.recommended,
]);
`;

const CJS_CONFIG = `const temporalio = require('eslint-plugin-temporalio');
const tseslint = require('typescript-eslint');

module.exports = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  temporalio.configs.recommended,
];
`;

/** Type-level check: the public configs and plugin are accepted by ESLint's own \`defineConfig\`. */
const TYPES_SOURCE = `import { defineConfig } from 'eslint/config';
import temporalio from 'eslint-plugin-temporalio';

export default defineConfig([
  temporalio.configs.recommended,
  temporalio.configs['recommended-type-checked'],
  temporalio.configs.strict,
  temporalio.configs.all,
  { plugins: { temporalio }, rules: {} },
]);
`;

const TYPES_TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    files: ['config-types.ts'],
  },
  null,
  2,
);

interface LintMessage {
  ruleId: string | null;
  fatal?: boolean;
  message: string;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}
interface PrintedConfig {
  plugins?: string[];
  rules?: Record<string, unknown>;
}

describe.skipIf(SKIP)('the packed package, installed as users install it', { timeout: TIMEOUT }, () => {
  let tmp = '';
  let tarball = '';
  let packedFiles: string[] = [];
  const projects = new Map<number, string>();

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'eslint-plugin-temporalio-package-'));

    // Build into a staging copy of the package, so the repo's own dist/ is never touched while other tests run.
    const stage = path.join(tmp, 'stage');
    await mkdir(stage, { recursive: true });
    await runOk(path.join(ROOT, 'node_modules', '.bin', 'tsdown'), ['--out-dir', path.join(stage, 'dist')], ROOT);
    await cp(path.join(ROOT, 'package.json'), path.join(stage, 'package.json'));
    const extra = (await readdir(ROOT)).filter((f) => /^(readme|license|licence|changelog)(\.|$)/i.test(f));
    for (const entry of [...(rootPkg.files ?? []).filter((f) => f !== 'dist'), ...extra]) {
      await cp(path.join(ROOT, entry), path.join(stage, entry), { recursive: true }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      });
    }
    const packed = JSON.parse(
      await runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], stage),
    ) as { filename: string; files: { path: string }[] }[];
    const info = packed[0];
    if (info === undefined) throw new Error('npm pack reported no tarball');
    tarball = path.join(tmp, info.filename);
    packedFiles = info.files.map((f) => f.path);

    await Promise.all(
      ESLINT_VERSIONS.map(async ({ spec, major }) => {
        const dir = path.join(tmp, `eslint${major}`);
        await mkdir(path.join(dir, 'src'), { recursive: true });
        await writeFile(
          path.join(dir, 'package.json'),
          JSON.stringify({ name: `scratch-eslint${major}`, version: '0.0.0', private: true, type: 'module' }, null, 2),
        );
        await writeFile(path.join(dir, 'eslint.config.js'), ESM_CONFIG);
        await writeFile(path.join(dir, 'eslint.config.cjs'), CJS_CONFIG);
        for (const [file, source] of Object.entries(HAZARD_FILES)) await writeFile(path.join(dir, file), source);
        await writeFile(path.join(dir, 'config-types.ts'), TYPES_SOURCE);
        await writeFile(path.join(dir, 'tsconfig.json'), TYPES_TSCONFIG);
        await runOk(
          'npm',
          [
            'install',
            '--no-audit',
            '--no-fund',
            '--prefer-offline',
            '--loglevel=error',
            tarball,
            spec,
            `typescript-eslint@${versionOf('typescript-eslint')}`,
            `typescript@${versionOf('typescript').replace(/^[~^]/, '')}`,
          ],
          dir,
        );
        projects.set(major, dir);
      }),
    );
  }, TIMEOUT);

  afterAll(async () => {
    if (tmp !== '' && process.env.KEEP_PACKAGE_TEST_DIR !== '1') await rm(tmp, { recursive: true, force: true });
  });

  it('packs the built entry points and types, and no sources or tests', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('dist/index.js');
    expect(packedFiles).toContain('dist/index.d.ts');
    expect(packedFiles.filter((f) => /^(src|tests|fixtures|scripts|bench)\//.test(f))).toEqual([]);
  });

  describe.each(ESLINT_VERSIONS)('$label', ({ major }) => {
    const dir = (): string => {
      const d = projects.get(major);
      if (d === undefined) throw new Error(`scratch project for ESLint ${major} was not installed`);
      return d;
    };
    const node = (script: string, flag: '-e' | '--input-type=module'): Promise<string> =>
      flag === '-e'
        ? runOk(process.execPath, ['-e', script], dir())
        : runOk(process.execPath, ['--input-type=module', '-e', script], dir());
    const eslint = (args: string[]): Promise<RunResult> =>
      run(process.execPath, [path.join(dir(), 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], dir());

    /** Rule ids of `configs.recommended`, read from the installed package. */
    let recommended: string[] = [];

    beforeAll(async () => {
      const installed = await node("console.log(require('eslint/package.json').version)", '-e');
      expect(installed.trim().startsWith(`${major}.`)).toBe(true);
      recommended = JSON.parse(
        await node(
          "import p from 'eslint-plugin-temporalio'; console.log(JSON.stringify(Object.keys(p.configs.recommended.rules ?? {})))",
          '--input-type=module',
        ),
      ) as string[];
    }, TIMEOUT);

    it('imports from ESM and requires from CommonJS', async () => {
      const esm = JSON.parse(
        await node(
          "import p, { configs, rules } from 'eslint-plugin-temporalio'; console.log(JSON.stringify({ name: p.meta.name, namespace: p.meta.namespace, configs: Object.keys(configs), same: configs === p.configs && rules === p.rules, plugin: configs.recommended.plugins.temporalio === p }))",
          '--input-type=module',
        ),
      ) as Record<string, unknown>;
      expect(esm).toEqual({
        name: rootPkg.name,
        namespace: 'temporalio',
        configs: ['recommended', 'recommended-type-checked', 'strict', 'all'],
        same: true,
        plugin: true,
      });

      const cjs = JSON.parse(
        await node(
          "const p = require('eslint-plugin-temporalio'); const r = p.configs.recommended; console.log(JSON.stringify({ name: r.name, plugin: r.plugins.temporalio.meta.name, rules: Object.keys(r.rules ?? {}) }))",
          '-e',
        ),
      ) as Record<string, unknown>;
      expect(cjs).toEqual({ name: 'temporalio/recommended', plugin: rootPkg.name, rules: recommended });
    });

    it.each([
      ['ESM eslint.config.js', 'eslint.config.js'],
      ['CommonJS eslint.config.cjs', 'eslint.config.cjs'],
    ])('%s: the config loads with the plugin and its recommended rules', async (_label, config) => {
      const result = await eslint(['-c', config, '--print-config', 'src/workflows.ts']);
      expect(result.code, result.stderr).toBe(0);
      const printed = JSON.parse(result.stdout) as PrintedConfig;
      expect(printed.plugins?.some((p) => p.startsWith('temporalio'))).toBe(true);
      for (const ruleId of recommended) expect(printed.rules).toHaveProperty([ruleId]);
    });

    it.each([
      ['ESM eslint.config.js', 'eslint.config.js'],
      ['CommonJS eslint.config.cjs', 'eslint.config.cjs'],
    ])('%s: workflow and activity files with hazards are reported', async (_label, config) => {
      const result = await eslint(['-c', config, '-f', 'json', 'src']);
      expect([0, 1], result.stderr).toContain(result.code);
      const results = JSON.parse(result.stdout) as LintResult[];
      expect(results.map((r) => path.relative(dir(), r.filePath)).sort()).toEqual(Object.keys(HAZARD_FILES).sort());
      const messages = results.flatMap((r) => r.messages);
      expect(messages.filter((m) => m.fatal === true || m.ruleId === null)).toEqual([]);
      const ours = messages.flatMap((m) => (m.ruleId?.startsWith('temporalio/') === true ? [m.ruleId] : []));
      for (const ruleId of ours) expect(recommended).toContain(ruleId);
      if (recommended.length > 0) expect(ours.length).toBeGreaterThan(0);
    });

    it('types: defineConfig accepts every config and the plugin object', async () => {
      const result = await run(process.execPath, [path.join(dir(), 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir());
      expect(result.stdout + result.stderr).toBe('');
      expect(result.code).toBe(0);
    });
  });
});
