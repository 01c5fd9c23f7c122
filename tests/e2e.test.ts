// ESLint's CLI over the example Temporal app, as CI runs it: exit codes, SARIF for code scanning, --max-warnings,
// and --concurrency giving the same findings as one thread. Uses the built plugin (tests/global-setup.ts builds it).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docsUrl } from '../src/utils/create-rule.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = path.join(ROOT, 'tests/e2e/eslint.config.js');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function eslint(...args: string[]): Promise<Result> {
  return eslintIn(ROOT, ...args);
}

function eslintIn(cwd: string, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ESLINT, '--config', CONFIG, '--no-config-lookup', ...args],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

const findings = (stdout: string): string[] =>
  (JSON.parse(stdout) as JsonResult[])
    .flatMap((r) => r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'}`))
    .sort();

describe('ESLint CLI over the example app', () => {
  it('fails on the pitfalls and passes the clean twin', async () => {
    const bad = await eslint('fixtures/example/src');
    expect(bad.stderr).toBe('');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/temporalio\//);
    const clean = await eslint('--max-warnings', '0', 'fixtures/example-clean/src');
    expect(clean.stdout + clean.stderr).toBe('');
    expect(clean.code).toBe(0);
  });

  it('reports no parse errors and only temporalio rules', async () => {
    const { stdout } = await eslint('-f', 'json', 'fixtures/example/src');
    const all = findings(stdout);
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(f).toMatch(/ temporalio\/[a-z-]+$/);
  });

  it('writes valid SARIF with rule metadata and help URIs', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-sarif-')), 'results.sarif');
    const { code } = await eslint('-f', '@microsoft/eslint-formatter-sarif', '-o', out, 'fixtures/example/src');
    expect(code).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      version: string;
      $schema: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
        results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run?.tool.driver.name).toBe('ESLint');
    const rules = run?.tool.driver.rules ?? [];
    const ours = rules.filter((r) => r.id.startsWith('temporalio/'));
    expect(ours.length).toBeGreaterThan(0);
    for (const rule of ours) {
      expect(rule.helpUri).toBe(docsUrl(rule.id.slice('temporalio/'.length)));
      expect(rule.shortDescription?.text).toMatch(/^(Enforce|Require|Disallow) /);
    }
    const results = run?.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.ruleId).toMatch(/^temporalio\//);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('exits 0 on warnings alone, and 1 with --max-warnings 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-e2e-warn-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "warn-only", "private": true }\n');
    const file = path.join(dir, 'client.ts');
    // A deep import is a warning in `recommended` (no-temporal-internal-imports).
    fs.writeFileSync(file, `import { ApplicationFailure } from '@temporalio/common/lib/failure';\nexport const f = ApplicationFailure;\n`);
    try {
      const relaxed = await eslintIn(dir, '-f', 'json', file);
      const messages = (JSON.parse(relaxed.stdout) as JsonResult[]).flatMap((r) => r.messages);
      expect(messages.map((m) => m.ruleId)).toEqual(['temporalio/no-temporal-internal-imports']);
      expect(relaxed.code).toBe(0);
      const strict = await eslintIn(dir, '--max-warnings', '0', file);
      expect(strict.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same findings with --concurrency=2', async () => {
    const single = await eslint('-f', 'json', 'fixtures/example/src');
    const parallel = await eslint('-f', 'json', '--concurrency=2', 'fixtures/example/src');
    expect(parallel.stderr.replace(/.*ESLintPoorConcurrencyWarning.*\n|.*--trace-warnings.*\n/g, '')).toBe('');
    expect(findings(parallel.stdout)).toEqual(findings(single.stdout));
  });
});
