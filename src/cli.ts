#!/usr/bin/env node
/**
 * `eslint-plugin-temporalio explain [file] [--root dir] [--settings json]`: prints what the project model found
 * (workers, the workflow bundle with chains, activity modules, diagnostics) and, for one file, its roles and why.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { explain } from './project/explain.js';

const USAGE = `Usage: eslint-plugin-temporalio explain [file] [--root <dir>] [--settings <json>]

  file              a file to explain: its roles (workflow, activity, worker, client, test) and the chain that proves each
  --root <dir>      project root (default: the workspace root or package folder above the file or the current folder)
  --settings <json> settings.temporalio to apply, e.g. '{"workflows":["src/workflows/**/*.ts"]}'
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

function parseArgs(args: readonly string[]): { file?: string; root?: string; settings?: unknown; help?: boolean } | string {
  const result: { file?: string; root?: string; settings?: unknown; help?: boolean } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') result.help = true;
    else if (arg === '--root' || arg === '--settings') {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === '--root') result.root = value;
      else {
        try {
          result.settings = JSON.parse(value) as unknown;
        } catch {
          return '--settings must be JSON';
        }
      }
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (result.file === undefined) result.file = arg;
    else return `unexpected argument ${arg}`;
  }
  return result;
}

/** Runs the command; returns the exit code. */
export function main(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'explain') {
    io.err(`eslint-plugin-temporalio: unknown command ${command}\n\n${USAGE}`);
    return 2;
  }
  const args = parseArgs(rest);
  if (typeof args === 'string') {
    io.err(`eslint-plugin-temporalio: ${args}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    io.out(explain({ cwd: io.cwd, ...args }));
    return 0;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return fs.realpathSync(script) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  });
}
