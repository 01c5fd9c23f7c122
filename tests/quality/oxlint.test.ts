// The rules that need no type information load as an oxlint JS plugin (`jsPlugins`) and find exactly what ESLint
// finds: same file, position, rule, severity and message. oxlint runs as users run it (its CLI with an
// .oxlintrc.json); the plugin is the built dist/index.js (tests/global-setup.ts builds it).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT } from './paths.js';
import { ESLINT_ONLY, oxlintConfig } from '../../scripts/oxlint-config.js';
import type { TemporalioPlugin } from '../../src/index.js';

const OXLINT = path.join(ROOT, 'node_modules/oxlint/bin/oxlint');
const EXTENSIONS = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: 'error' | 'warning';
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

function oxlint(cwd: string, config: string, target: string): Promise<OxlintDiagnostic[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [OXLINT, '-c', config, '-f', 'json', target],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        try {
          resolve((JSON.parse(stdout) as { diagnostics: OxlintDiagnostic[] }).diagnostics);
        } catch {
          reject(new Error(`oxlint failed (${String(error?.code)}): ${stderr}\n${stdout.slice(0, 2000)}`));
        }
      },
    );
  });
}

const line = (file: string, l: number, c: number, rule: string, severity: string, message: string): string =>
  `${file}:${l}:${c} ${rule} ${severity} ${message}`;

async function compare(plugin: TemporalioPlugin, configName: string, cwd: string, target: string, dir: string) {
  const config = oxlintConfig(plugin, DIST, configName);
  const rcFile = path.join(dir, `${configName}.oxlintrc.json`);
  fs.writeFileSync(rcFile, JSON.stringify(config, null, 2));
  const fromOxlint = (await oxlint(cwd, rcFile, target))
    .filter((d) => d.code.startsWith('temporalio('))
    .map((d) => {
      const span = d.labels[0]?.span;
      const rule = d.code.replace(/^temporalio\((.+)\)$/, 'temporalio/$1');
      return line(path.relative(cwd, path.resolve(cwd, d.filename)), span?.line ?? 0, span?.column ?? 0, rule, d.severity, d.message);
    })
    .sort();
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: [`**/*.${EXTENSIONS}`], languageOptions: { parser: tseslint.parser } },
      { plugins: { temporalio: plugin }, rules: config.rules as Linter.RulesRecord },
    ],
  });
  const results = await eslint.lintFiles([target]);
  const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal === true));
  expect(fatal).toEqual([]);
  const fromESLint = results
    .flatMap((r) =>
      r.messages.map((m) =>
        line(path.relative(cwd, r.filePath), m.line, m.column, m.ruleId ?? '', m.severity === 2 ? 'error' : 'warning', m.message),
      ),
    )
    .sort();
  return { fromOxlint, fromESLint, rules: Object.keys(config.rules) };
}

describe('oxlint JS plugin', () => {
  let plugin: TemporalioPlugin;
  let dir = '';

  beforeAll(async () => {
    plugin = ((await import(pathToFileURL(DIST).href)) as { default: TemporalioPlugin }).default;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-oxlint-'));
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs every untyped rule of `recommended` (the others are typed or listed as ESLint-only with a reason)', () => {
    const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
    const config = oxlintConfig(plugin, DIST, 'recommended');
    for (const id of recommended) {
      const name = id.slice('temporalio/'.length);
      const docs = plugin.rules[name]?.meta?.docs as { requiresTypeChecking?: boolean } | undefined;
      const skipped = docs?.requiresTypeChecking === true || name in ESLINT_ONLY;
      expect(id in config.rules, id).toBe(!skipped);
    }
    for (const reason of Object.values(ESLINT_ONLY)) expect(reason).toMatch(/\S/);
    expect(Object.keys(config.rules).length).toBeGreaterThan(0);
  });

  it('finds what ESLint finds in the example app with `recommended`', async () => {
    const { fromOxlint, fromESLint } = await compare(plugin, 'recommended', path.join(ROOT, 'fixtures/example'), 'src', dir);
    expect(fromESLint.length).toBeGreaterThan(10);
    expect(fromOxlint).toEqual(fromESLint);
  });

  it('finds what ESLint finds in every fixture project with every untyped rule (`all`)', async () => {
    const { fromOxlint, fromESLint, rules } = await compare(plugin, 'all', ROOT, 'fixtures', dir);
    expect(rules.length).toBeGreaterThan(Object.keys(oxlintConfig(plugin, DIST, 'recommended').rules).length - 1);
    expect(fromESLint.length).toBeGreaterThan(10);
    expect(fromOxlint).toEqual(fromESLint);
  });
});
