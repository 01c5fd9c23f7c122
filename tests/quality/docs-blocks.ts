// The ```ts incorrect / ```ts correct examples of the rule docs, with the file name, options and settings their
// comment lines choose (the conventions of tests/docs.test.ts).
import fs from 'node:fs';
import path from 'node:path';

export interface DocsBlock {
  rule: string;
  kind: 'correct' | 'incorrect';
  code: string;
  /** Line of the opening fence in the docs page. */
  line: number;
  /** Path relative to a project root, e.g. `src/workflows.ts`. */
  filename: string;
  options: unknown[];
  settings: Record<string, unknown>;
}

function filenameOf(rule: string, code: string): string {
  const named = /^\/\/ filename: (\S+)/.exec(code);
  if (named?.[1]) return named[1];
  if (rule.startsWith('activity-')) return 'src/activities.ts';
  if (rule.startsWith('worker-')) return 'src/worker.ts';
  if (rule.startsWith('client-')) return 'src/client.ts';
  if (rule.startsWith('test-')) return 'src/workflows.test.ts';
  return 'src/workflows.ts';
}

export function docsBlocks(docsDir: string): DocsBlock[] {
  if (!fs.existsSync(docsDir)) return [];
  const blocks: DocsBlock[] = [];
  for (const page of fs.readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort()) {
    const rule = page.slice(0, -3);
    const markdown = fs.readFileSync(path.join(docsDir, page), 'utf8');
    const re = /^```ts (incorrect|correct)[^\n]*\n([\s\S]*?)^```$/gm;
    for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
      const code = m[2] ?? '';
      const options = /^\/\/ options: (.+)$/m.exec(code)?.[1];
      const settings = /^\/\/ settings: (.+)$/m.exec(code)?.[1];
      blocks.push({
        rule,
        kind: m[1] as DocsBlock['kind'],
        code,
        line: markdown.slice(0, m.index).split('\n').length,
        filename: filenameOf(rule, code),
        options: options ? (JSON.parse(options) as unknown[]) : [],
        settings: settings ? (JSON.parse(settings) as Record<string, unknown>) : {},
      });
    }
  }
  return blocks;
}
