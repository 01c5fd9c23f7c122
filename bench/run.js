// `npm run bench`: ESLint with the same parser and no rules vs `recommended` vs `recommended-type-checked`
// (vs the typed parse with no rules), on generated projects and the example app; ESLint running as many rules as
// `recommended`, each doing nothing (the floor under the ratios); and oxlint running the untyped rules of
// `recommended` as a JS plugin.
// Each measurement is a fresh process; runs go back to back and ratios are taken run by run, then the median.
// Options: --sizes 250,1000,4000  --runs 5  --no-typed  --no-oxlint
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { oxlintConfig } from '../scripts/oxlint-config.js';
import { generateProject } from './generate.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const sizes = arg('sizes', '250,1000,4000').split(',').map(Number);
const runs = Math.max(1, Number(arg('runs', '5')));
const typed = !args.includes('--no-typed');
const withOxlint = !args.includes('--no-oxlint');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function lintOnce(dir, mode) {
  const out = execFileSync(process.execPath, [path.join(root, 'bench/lint-once.js'), dir, mode], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

/**
 * Runs `baseMode` and then each of `modes` back to back, `runs` times; returns, per mode, the medians and the median
 * of the ratios to the base run of the same round.
 */
function series(dir, baseMode, modes) {
  const base = [];
  const measured = modes.map(() => ({ runs: [], ratios: [] }));
  for (let i = 0; i < runs; i++) {
    const b = lintOnce(dir, baseMode);
    base.push(b);
    modes.forEach((mode, j) => {
      const m = lintOnce(dir, mode);
      measured[j].runs.push(m);
      measured[j].ratios.push(m.ms / b.ms);
    });
  }
  const range = (xs) => [Math.min(...xs), Math.max(...xs)];
  return measured.map(({ runs: rs, ratios }) => ({
    baseMs: median(base.map((r) => r.ms)),
    ms: median(rs.map((r) => r.ms)),
    ratio: median(ratios),
    // The spread of the runs: a wide one (the typed parse alone is bimodal on some machines) makes a median move.
    baseMsRange: range(base.map((r) => r.ms)),
    msRange: range(rs.map((r) => r.ms)),
    ratioRange: range(ratios),
    peakRssMb: Math.max(...rs.map((r) => r.maxRssMb)),
    basePeakRssMb: Math.max(...base.map((r) => r.maxRssMb)),
    files: rs[0].files,
    problems: rs[0].problems,
    fatal: rs[0].fatal,
  }));
}

/**
 * oxlint with the plugin's untyped `recommended` rules (and none of its own) as a fresh process, `runs` times.
 * `ms` is the wall time of the process (start-up and loading the JS plugin included); `reportedMs` is what oxlint
 * itself reports ("Finished in ...").
 */
async function oxlintRuns(dir) {
  const distPath = path.join(root, 'dist/index.js');
  const { default: plugin } = await import(pathToFileURL(distPath).href);
  const rc = path.join(root, '.tmp/bench/oxlintrc.json');
  fs.mkdirSync(path.dirname(rc), { recursive: true });
  fs.writeFileSync(rc, JSON.stringify(oxlintConfig(plugin, distPath, 'recommended'), null, 2));
  const bin = path.join(root, 'node_modules/oxlint/bin/oxlint');
  // The same files ESLint lints (src/**/*.ts), named explicitly: oxlint skips git-ignored folders such as .tmp/.
  const sources = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(path.join(dir, d), { withFileTypes: true })) {
      const rel = `${d}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts')) sources.push(rel);
    }
  };
  walk('src');
  const wall = [];
  const reported = [];
  let problems = 0;
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    let out;
    try {
      out = execFileSync(process.execPath, [bin, '-c', rc, ...sources], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      out = error.stdout ?? ''; // exit code 1: findings
    }
    wall.push(performance.now() - start);
    const finished = /Finished in ([\d.]+)(ms|s) on (\d+) files?/.exec(out);
    if (finished) {
      reported.push(Number(finished[1]) * (finished[2] === 's' ? 1000 : 1));
      files = Number(finished[3]);
    }
    const found = /Found (\d+) warnings? and (\d+) errors?/.exec(out);
    if (found) problems = Number(found[1]) + Number(found[2]);
  }
  if (files === 0) throw new Error(`oxlint linted no files in ${dir}`);
  return { ms: median(wall), reportedMs: reported.length ? median(reported) : undefined, files, problems };
}

const projects = [{ name: 'example app', dir: path.join(root, 'fixtures/example') }];
for (const size of sizes) {
  const dir = path.join(root, '.tmp/bench', `p${size}`);
  generateProject(dir, size);
  projects.push({ name: `generated ${size}`, dir, size });
}

const rows = [];
for (const project of projects) {
  process.stderr.write(`bench: ${project.name} ...\n`);
  const [noopRules, recommended] = series(project.dir, 'base', ['noop-rules', 'recommended']);
  const row = { project: project.name, noopRules, recommended };
  if (typed) [row.typedNoopRules, row.typed] = series(project.dir, 'typed-base', ['typed-noop-rules', 'typed']);
  if (withOxlint) row.oxlint = await oxlintRuns(project.dir);
  rows.push(row);
}

const fmt = (n, d = 0) => n.toFixed(d);
const lines = [
  '| project | files | no rules (ms) | no-op rules (ms) | ratio | recommended (ms) | ratio | typed parse (ms) | typed, no-op rules (ms) | ratio | type-checked (ms) | ratio | peak RSS (MB) | oxlint + plugin (ms) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const oxlintCell = (o) => (o ? `${fmt(o.ms)}${o.reportedMs === undefined ? '' : ` (${fmt(o.reportedMs)})`}` : '-');
for (const r of rows) {
  lines.push(
    `| ${r.project} | ${r.recommended.files} | ${fmt(r.recommended.baseMs)} | ${fmt(r.noopRules.ms)} | ${fmt(r.noopRules.ratio, 3)} | ` +
      `${fmt(r.recommended.ms)} | ${fmt(r.recommended.ratio, 3)} | ` +
      `${r.typed ? fmt(r.typed.baseMs) : '-'} | ${r.typedNoopRules ? fmt(r.typedNoopRules.ms) : '-'} | ${r.typedNoopRules ? fmt(r.typedNoopRules.ratio, 3) : '-'} | ` +
      `${r.typed ? fmt(r.typed.ms) : '-'} | ${r.typed ? fmt(r.typed.ratio, 3) : '-'} | ` +
      `${fmt(Math.max(r.recommended.peakRssMb, r.typed?.peakRssMb ?? 0))} | ${oxlintCell(r.oxlint)} |`,
  );
}
const g1 = rows.find((r) => r.project === 'generated 1000');
const g4 = rows.find((r) => r.project === 'generated 4000');
const growth = g1 && g4 ? (g4.recommended.ms / g4.recommended.files) / (g1.recommended.ms / g1.recommended.files) : undefined;
const summary = {
  runs,
  targets: { recommendedRatio: 1.25, typedRatio: 1.1 },
  rows,
  growthPerFile1000to4000: growth,
};
const table = `${lines.join('\n')}\n\nruns per measurement: ${runs}; ratios are medians of back-to-back runs (each against the run with no rules ` +
  `just before it). "No-op rules" is ESLint with as many rules as \`recommended\` enables, each returning no listeners: what ESLint ` +
  `itself spends on running that many rules, the floor under the ratios (with the untyped and the typed parse). ESLint times are measured in the process ` +
  `(linting only); oxlint times are the whole process (start-up and loading the JS plugin included), with oxlint's own "Finished in" time in parentheses.${
  growth === undefined ? '' : `\nrecommended time per file, 4,000 vs 1,000 files: ${fmt(growth, 3)}× (1.0 = linear).`
}\n`;
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
fs.writeFileSync(path.join(root, 'bench/results/latest.md'), table);
process.stdout.write(table);
