import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from './rule-tester.js';

/** Fixture projects of the cross-file contract rules (`fixtures/contracts/<project>`). */
export const CONTRACTS_DIR = path.join(FIXTURES_DIR, 'contracts');

/** Absolute path of a file of a contracts fixture project. */
export function contractFile(project: string, rel: string): string {
  return path.join(CONTRACTS_DIR, project, rel);
}

/** The file's text on disk. */
export function contractCode(project: string, rel: string): string {
  return fs.readFileSync(contractFile(project, rel), 'utf8');
}

/**
 * A RuleTester case that lints a fixture file (so the project model sees the project on disk), optionally with
 * its text edited: `edit` gets the text on disk and returns what the editor shows.
 */
export function contractCase(project: string, rel: string, edit?: (code: string) => string): { filename: string; code: string } {
  const code = contractCode(project, rel);
  return { filename: contractFile(project, rel), code: edit ? edit(code) : code };
}

/** Replaces `from` (which must occur) with `to` in the text. */
export function replace(from: string, to: string): (code: string) => string {
  return (code) => {
    if (!code.includes(from)) throw new Error(`fixture text lacks ${JSON.stringify(from)}`);
    return code.replace(from, to);
  };
}

/** Every `.ts` file of a fixture project, relative to its root. */
export function projectFiles(project: string): string[] {
  const root = path.join(CONTRACTS_DIR, project);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts')) found.push(path.relative(root, full));
    }
  };
  walk(root);
  return found.sort();
}

/** Valid cases: every file of the project as it is on disk. */
export function everyFile(project: string): { filename: string; code: string }[] {
  return projectFiles(project).map((rel) => contractCase(project, rel));
}
