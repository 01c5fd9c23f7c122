import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPED_DIR = path.join(ROOT, 'fixtures/typed');
const DOCS_DIR = path.join(ROOT, 'docs/rules');

interface Block {
  kind: 'correct' | 'incorrect';
  code: string;
  line: number;
}

/** Fenced ```ts incorrect / ```ts correct blocks of a docs page. */
export function extractBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const re = /^```ts (incorrect|correct)[^\n]*\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    blocks.push({
      kind: m[1] as Block['kind'],
      code: m[2] ?? '',
      line: markdown.slice(0, m.index).split('\n').length,
    });
  }
  return blocks;
}

/** The file a block is linted as: a `// filename: x` first line, or the rule's area default. */
function blockFilename(ruleName: string, code: string): string {
  const named = /^\/\/ filename: (\S+)/.exec(code);
  if (named?.[1]) return named[1];
  if (ruleName.startsWith('activity-')) return 'src/activities.ts';
  if (ruleName.startsWith('worker-')) return 'src/worker.ts';
  if (ruleName.startsWith('client-')) return 'src/client.ts';
  if (ruleName.startsWith('test-')) return 'src/workflows.test.ts';
  return 'src/workflows.ts';
}

/** Rule options for a block: a `// options: [...]` comment line (JSON). */
function blockOptions(code: string): unknown[] {
  const m = /^\/\/ options: (.+)$/m.exec(code);
  return m?.[1] ? (JSON.parse(m[1]) as unknown[]) : [];
}

/** Shared settings for a block: a `// settings: {...}` comment line (JSON). */
function blockSettings(code: string): Record<string, unknown> {
  const m = /^\/\/ settings: (.+)$/m.exec(code);
  return m?.[1] ? (JSON.parse(m[1]) as Record<string, unknown>) : {};
}

const pages = fs.existsSync(DOCS_DIR) ? fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md')) : [];

describe('docs examples', () => {
  it('every docs page belongs to a rule', () => {
    for (const page of pages) expect(Object.keys(rules)).toContain(page.slice(0, -3));
  });

  const cases = pages.flatMap((page) => {
    const ruleName = page.slice(0, -3);
    const blocks = extractBlocks(fs.readFileSync(path.join(DOCS_DIR, page), 'utf8'));
    return blocks.map((block) => ({ ruleName, block, title: `${page}:${block.line} (${block.kind})` }));
  });

  it.each(cases)('$title', ({ ruleName, block }) => {
    const rule = rules[ruleName];
    if (!rule) throw new Error(`no rule ${ruleName}`);
    const typed = rule.meta.docs?.requiresTypeChecking === true;
    const relName = blockFilename(ruleName, block.code);
    const filename = typed ? path.join(TYPED_DIR, path.basename(relName)) : path.join(ROOT, '.docs-virtual', relName);
    const linter = new Linter({ cwd: ROOT });
    const messages = linter.verify(
      block.code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: {
            parser: tseslint.parser,
            parserOptions: typed ? { projectService: true, tsconfigRootDir: TYPED_DIR } : {},
          },
          plugins: { temporalio: plugin },
          settings: blockSettings(block.code),
          rules: { [`temporalio/${ruleName}`]: ['error', ...blockOptions(block.code)] },
        },
      ],
      filename,
    );
    const fatal = messages.filter((m) => m.fatal === true || m.ruleId === null);
    expect(fatal, 'the example must parse').toEqual([]);
    const own = messages.filter((m) => m.ruleId === `temporalio/${ruleName}`);
    if (block.kind === 'incorrect') expect(own.length, 'an incorrect example must be reported').toBeGreaterThan(0);
    else expect(own.map((m) => m.message), 'a correct example must not be reported').toEqual([]);
  });
});
