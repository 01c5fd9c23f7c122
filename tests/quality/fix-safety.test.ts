// Fix safety (DESIGN §5): every autofix and every suggestion the rules offer on the fixture projects and on the
// docs' incorrect examples, applied one at a time, leaves code that parses, type-checks against the real
// @temporalio/* types (no diagnostic the unedited code does not have), and no longer has the report that offered it;
// `--fix` reaches a fixed point in one run (a second run changes nothing) and its output type-checks too.
//
// Type-checking is batched: edits on different files are checked together in one program (the k-th edit of every
// file), and only a batch with new diagnostics is re-checked edit by edit to name the culprit.
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearProjectModels } from '../../src/project/index.js';
import { rules } from '../../src/rules/index.js';
import { docsBlocks } from './docs-blocks.js';
import { fixCases } from './fix-cases.js';
import { ROOT } from './paths.js';
import { ProjectTypeChecker } from './type-check.js';

const FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

interface Edit {
  rule: string;
  /** `fix`, or `suggestion: <description>`. */
  what: string;
  file: string;
  line: number;
  column: number;
  range: readonly [number, number];
  text: string;
  /** The config (or docs example) whose run produced it. */
  config: Linter.Config[];
}

const isTyped = (ruleId: string): boolean => rules[ruleId.slice('temporalio/'.length)]?.meta.docs?.requiresTypeChecking === true;

/** The shipped configs, one of each distinct rule set (recommended-type-checked = recommended without typed rules). */
function shippedConfigs(dir: string): Linter.Config[][] {
  const seen = new Set<string>();
  const result: Linter.Config[][] = [];
  for (const config of Object.values(plugin.configs)) {
    const key = JSON.stringify(config.rules);
    if (seen.has(key)) continue;
    seen.add(key);
    const typed = Object.keys(config.rules ?? {}).some(isTyped);
    result.push([
      {
        files: [FILES],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: dir } : {},
        },
      },
      config,
    ]);
  }
  return result;
}

const apply = (text: string, range: readonly [number, number], replacement: string): string =>
  text.slice(0, range[0]) + replacement + text.slice(range[1]);

const where = (e: Edit): string => `${e.rule} ${path.relative(ROOT, e.file)}:${e.line}:${e.column} ${e.what}`;

/** Fixes and suggestions reported for one text. */
function editsOf(messages: readonly Linter.LintMessage[], file: string, config: Linter.Config[]): Edit[] {
  const edits: Edit[] = [];
  for (const m of messages) {
    if (!m.ruleId?.startsWith('temporalio/')) continue;
    const base = { rule: m.ruleId, file, line: m.line, column: m.column, config };
    if (m.fix) edits.push({ ...base, what: 'fix', range: m.fix.range, text: m.fix.text });
    for (const s of m.suggestions ?? []) edits.push({ ...base, what: `suggestion: ${s.desc}`, range: s.fix.range, text: s.fix.text });
  }
  return edits;
}

interface Outcome {
  checked: Edit[];
  problems: string[];
}

/**
 * Applies each edit alone: it must parse, and the rule must report less in the edited text. Then type-checks
 * them in batches (one edit per file per batch).
 */
function checkEdits(
  edits: readonly Edit[],
  textOf: (file: string) => string,
  verify: (edit: Edit, text: string) => Linter.LintMessage[],
  checker: ProjectTypeChecker,
): Outcome {
  const problems: string[] = [];
  for (const edit of edits) {
    const original = textOf(edit.file);
    const before = verify(edit, original).filter((m) => m.ruleId === edit.rule).length;
    const after = verify(edit, apply(original, edit.range, edit.text));
    const fatal = after.filter((m) => m.fatal === true);
    if (fatal.length > 0) problems.push(`${where(edit)}: does not parse: ${fatal.map((m) => m.message).join('; ')}`);
    const remaining = after.filter((m) => m.ruleId === edit.rule).length;
    if (remaining >= before) problems.push(`${where(edit)}: the report is still there (${before} before, ${remaining} after)`);
  }
  const perFile = new Map<string, Edit[]>();
  for (const edit of edits) perFile.set(edit.file, [...(perFile.get(edit.file) ?? []), edit]);
  const depth = Math.max(0, ...[...perFile.values()].map((list) => list.length));
  for (let k = 0; k < depth; k++) {
    const batch = [...perFile.values()].flatMap((list) => list.slice(k, k + 1));
    const overlay = (list: readonly Edit[]) => new Map(list.map((e) => [e.file, apply(textOf(e.file), e.range, e.text)]));
    if (checker.newDiagnostics(overlay(batch)).length === 0) continue;
    for (const edit of batch) {
      const found = checker.newDiagnostics(overlay([edit]));
      if (found.length > 0) problems.push(`${where(edit)}: does not type-check: ${found.join(' | ')}`);
    }
  }
  return { checked: [...edits], problems };
}

/** Source files of a tsconfig project (what tsc checks and ESLint lints). */
function projectsUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'tsconfig.json') found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

const exercised = new Map<string, number>();
const count = (edits: readonly Edit[]): void => {
  for (const e of edits) exercised.set(e.rule, (exercised.get(e.rule) ?? 0) + 1);
};

describe('fix safety', () => {
  const tsconfigs = projectsUnder(path.join(ROOT, 'fixtures'));

  it.each(tsconfigs.map((tsconfig) => ({ tsconfig, name: path.relative(ROOT, path.dirname(tsconfig)) })))(
    'fixes and suggestions in $name parse, type-check, remove their report, and --fix is idempotent',
    ({ tsconfig }) => {
      const dir = path.dirname(tsconfig);
      const checker = new ProjectTypeChecker(dir, tsconfig);
      const files = checker.rootNames.filter((f) => !f.endsWith('.d.ts'));
      const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
      const textOf = (file: string): string => texts.get(file) ?? '';
      const linter = new Linter({ cwd: dir });
      const verify = (config: Linter.Config[], file: string, text: string): Linter.LintMessage[] => {
        clearProjectModels(); // the model keeps the unsaved text of a linted file: start from the disk each time
        return linter.verify(text, config, file);
      };
      const configs = shippedConfigs(dir);
      const seen = new Set<string>();
      const edits: Edit[] = [];
      for (const config of configs) {
        for (const file of files) {
          for (const edit of editsOf(verify(config, file, textOf(file)), file, config)) {
            const key = `${edit.rule}\0${file}\0${String(edit.range)}\0${edit.text}`;
            if (seen.has(key)) continue;
            seen.add(key);
            edits.push(edit);
          }
        }
      }
      count(edits);
      const { problems } = checkEdits(edits, textOf, (edit, text) => verify(edit.config, edit.file, text), checker);

      // --fix: the fixed output is a fixed point, parses, and type-checks.
      for (const config of configs) {
        const outputs = new Map<string, string>();
        for (const file of files) {
          clearProjectModels();
          const first = linter.verifyAndFix(textOf(file), config, { filename: file });
          if (!first.fixed) continue;
          outputs.set(file, first.output);
          const fatal = first.messages.filter((m) => m.fatal === true);
          if (fatal.length > 0) problems.push(`--fix ${path.relative(ROOT, file)}: does not parse: ${fatal[0]?.message ?? ''}`);
          clearProjectModels();
          const second = linter.verifyAndFix(first.output, config, { filename: file });
          if (second.fixed) problems.push(`--fix ${path.relative(ROOT, file)}: a second run changes the output again`);
        }
        if (outputs.size === 0) continue;
        const found = checker.newDiagnostics(outputs);
        if (found.length > 0) problems.push(`--fix (${[...outputs.keys()].map((f) => path.relative(ROOT, f)).join(', ')}): does not type-check: ${found.join(' | ')}`);
      }
      expect(problems).toEqual([]);
    },
    300_000,
  );

  it('fixes and suggestions on the docs examples (and extra cases) parse, type-check and remove their report', () => {
    // Each example is its own file in a virtual project under the repository (so @temporalio/* resolve); an example
    // that names a file in a fixture project (`// filename: ../fixtures/...`) sits there, as in tests/docs.test.ts.
    const virtual = path.join(ROOT, '.docs-virtual');
    const blocks = [
      ...docsBlocks(path.join(ROOT, 'docs/rules')).filter((b) => b.kind === 'incorrect'),
      ...fixCases.map((c, i) => ({ ...c, line: -i - 1, options: c.options ?? [], settings: c.settings ?? {} })),
    ].filter((b) => rules[b.rule] !== undefined && rules[b.rule]?.meta.docs?.requiresTypeChecking !== true);
    const files = new Map<string, { code: string; config: Linter.Config[] }>();
    for (const block of blocks) {
      let file = block.filename.startsWith('../')
        ? path.join(virtual, block.filename)
        : path.join(virtual, 'fix-safety', `${block.rule}-${block.line}`, block.filename);
      if (files.has(file)) file = file.replace(/(\.[cm]?[jt]sx?)$/, `-${block.rule}-${block.line}$1`);
      files.set(file, {
        code: block.code,
        config: [
          {
            files: [FILES],
            languageOptions: { parser: tseslint.parser },
            plugins: { temporalio: plugin },
            settings: block.settings,
            rules: { [`temporalio/${block.rule}`]: ['error', ...block.options] as Linter.RuleEntry },
          },
        ],
      });
    }
    const linter = new Linter({ cwd: ROOT });
    const edits: Edit[] = [];
    for (const [file, { code, config }] of files) edits.push(...editsOf(linter.verify(code, config, file), file, config));
    count(edits);
    const checker = new ProjectTypeChecker(
      virtual,
      {
        options: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.Preserve,
          moduleResolution: ts.ModuleResolutionKind.Bundler,
          strict: true,
          skipLibCheck: true,
          types: ['node'],
          lib: ['lib.es2023.d.ts'],
        },
        rootNames: [...files.keys()],
      },
      new Map([...files].map(([file, { code }]) => [file, code])),
    );
    const { problems } = checkEdits(
      edits,
      (file) => files.get(file)?.code ?? '',
      (edit, text) => linter.verify(text, edit.config, edit.file),
      checker,
    );
    expect(edits.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 300_000);

  it('type-checks for real: an edit that breaks the types is caught', () => {
    const dir = path.join(ROOT, 'fixtures/example');
    const checker = new ProjectTypeChecker(dir, path.join(dir, 'tsconfig.json'));
    const file = checker.rootNames.find((f) => !f.endsWith('.d.ts'));
    expect(file).toBeDefined();
    if (file === undefined) return;
    const broken = `${fs.readFileSync(file, 'utf8')}\nexport const broken: number = 'not a number';\n`;
    expect(checker.newDiagnostics(new Map([[file, broken]]))).toEqual([
      `${path.relative(dir, file)}: TS2322: Type 'string' is not assignable to type 'number'.`,
    ]);
  }, 120_000);

  it('exercised every rule that offers fixes or suggestions', () => {
    const fixing = Object.entries(rules)
      .filter(([, rule]) => rule.meta.fixable !== undefined || rule.meta.hasSuggestions === true)
      .map(([name]) => `temporalio/${name}`);
    if (process.env.FIX_SAFETY_SUMMARY) console.log(JSON.stringify(Object.fromEntries([...exercised].sort()), null, 1));
    expect(fixing.filter((id) => !exercised.has(id))).toEqual([]);
  });
});
