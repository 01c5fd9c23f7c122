// `npm run bench`: ESLint with the same parser and no rules vs `recommended` vs `recommended-type-checked`
// (vs the typed parse with no rules), on generated projects and the example app.
// Each measurement is a fresh process; pairs run back to back and ratios are taken pair by pair, then the median.
// Options: --sizes 250,1000,4000  --runs 5  --no-typed
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Runs `base` and `mode` back to back `runs` times; returns medians and the median of pairwise ratios. */
function pair(dir, baseMode, mode) {
  const ratios = [];
  const base = [];
  const measured = [];
  for (let i = 0; i < runs; i++) {
    const b = lintOnce(dir, baseMode);
    const m = lintOnce(dir, mode);
    base.push(b);
    measured.push(m);
    ratios.push(m.ms / b.ms);
  }
  return {
    baseMs: median(base.map((r) => r.ms)),
    ms: median(measured.map((r) => r.ms)),
    ratio: median(ratios),
    peakRssMb: Math.max(...measured.map((r) => r.maxRssMb)),
    basePeakRssMb: Math.max(...base.map((r) => r.maxRssMb)),
    files: measured[0].files,
    problems: measured[0].problems,
    fatal: measured[0].fatal,
  };
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
  const row = { project: project.name, recommended: pair(project.dir, 'base', 'recommended') };
  if (typed) row.typed = pair(project.dir, 'typed-base', 'typed');
  rows.push(row);
}

const fmt = (n, d = 0) => n.toFixed(d);
const lines = [
  '| project | files | no rules (ms) | recommended (ms) | ratio | typed parse (ms) | type-checked (ms) | ratio | peak RSS (MB) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const r of rows) {
  lines.push(
    `| ${r.project} | ${r.recommended.files} | ${fmt(r.recommended.baseMs)} | ${fmt(r.recommended.ms)} | ${fmt(r.recommended.ratio, 3)} | ` +
      `${r.typed ? fmt(r.typed.baseMs) : '-'} | ${r.typed ? fmt(r.typed.ms) : '-'} | ${r.typed ? fmt(r.typed.ratio, 3) : '-'} | ` +
      `${fmt(Math.max(r.recommended.peakRssMb, r.typed?.peakRssMb ?? 0))} |`,
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
const table = `${lines.join('\n')}\n\nruns per measurement: ${runs}; ratios are medians of back-to-back pairs.${
  growth === undefined ? '' : `\nrecommended time per file, 4,000 vs 1,000 files: ${fmt(growth, 3)}× (1.0 = linear).`
}\n`;
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
fs.writeFileSync(path.join(root, 'bench/results/latest.md'), table);
process.stdout.write(table);
