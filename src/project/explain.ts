/**
 * The text report of `eslint-plugin-temporalio explain`: what the model found and why, for humans.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getProjectModelForRoot } from './index.js';
import { toPosix } from './fs.js';
import { availableParser } from './parse.js';
import { findProjectRoot } from './root.js';
import { parseTemporalSettings } from './settings.js';
import type { ProjectModel, Role, WorkerInfo } from './types.js';

export interface ExplainOptions {
  cwd: string;
  /** A file to explain (relative to cwd or absolute). */
  file?: string;
  /** Project root (relative to cwd or absolute). Default: found from the file or the cwd. */
  root?: string;
  /** Raw `settings.temporalio` object. */
  settings?: unknown;
}

const ROLES: Role[] = ['workflow', 'activity', 'worker', 'client', 'test'];

function list(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : '(none)';
}

class Report {
  readonly lines: string[] = [];

  constructor(private readonly model: ProjectModel) {}

  rel(file: string | undefined): string {
    if (file === undefined) return '(unknown)';
    const r = toPosix(path.relative(this.model.root, file));
    return r.startsWith('..') ? file : r;
  }

  line(text = ''): void {
    this.lines.push(text);
  }

  worker(w: WorkerInfo): void {
    const where = `${this.rel(w.position.file)}:${w.position.line}`;
    this.line(`  ${where}  ${w.kind}`);
    const add = (label: string, value: string | undefined): void => {
      if (value !== undefined) this.line(`      ${label}: ${value}`);
    };
    add('task queue', w.kind === 'bundleWorkflowCode' ? undefined : (w.taskQueue ?? '(not statically known)'));
    add('workflowsPath', w.workflowsPath ? this.rel(w.workflowsPath) : w.workflowsPathProblem ? `problem: ${w.workflowsPathProblem}` : undefined);
    if (w.hasWorkflowBundle) add('workflowBundle', 'prebuilt bundle (its sources are not known)');
    if (w.interceptorModules.length > 0) add('workflow interceptor modules', list(w.interceptorModules.map((f) => this.rel(f))));
    if (w.payloadConverterPath) add('payloadConverterPath', this.rel(w.payloadConverterPath));
    if (w.failureConverterPath) add('failureConverterPath', this.rel(w.failureConverterPath));
    if (w.ignoreModules.length > 0) add('ignoreModules', list(w.ignoreModules));
    if (w.preloadModules.length > 0) add('preloadModules', list(w.preloadModules));
    if (w.workflowFailureErrorTypes === undefined) add('workflowFailureErrorTypes', '(not statically known)');
    else if (w.workflowFailureErrorTypes.length > 0) add('workflowFailureErrorTypes', list(w.workflowFailureErrorTypes));
    if (w.activities) {
      const names = w.activities.names.map((a) => a.name);
      add('activities', `${list(names)}${w.activities.complete ? '' : ' (incomplete: some registrations could not be read)'}`);
      for (const c of w.activities.classInstances) {
        if (c.prototypeMethods.length > 0) {
          add('not registered (prototype methods of ' + c.className + ')', list(c.prototypeMethods));
        }
      }
    }
  }

  project(): void {
    const { model } = this;
    this.line(`Project root: ${model.root}`);
    this.line(`Parser: ${availableParser()}`);
    this.line();
    this.line(`Workers (${model.workers.length}):`);
    if (model.workers.length === 0) this.line('  (none found)');
    for (const w of model.workers) this.worker(w);
    this.line();
    const files = [...model.bundleFiles()].sort((a, b) => a.chain.length - b.chain.length || a.file.localeCompare(b.file));
    if (files.length === 0) {
      this.line('Workflow bundle: no workflow roots found; the naming conventions decide (workflows.ts, workflows/**, *.workflow.ts, workflows-*.ts).');
    } else {
      this.line(`Workflow bundle (${files.length} files):`);
      for (const f of files) this.line(`  ${this.rel(f.file)}\n      ${f.chain.join(' → ')}`);
    }
    const types = model.workflowTypes();
    if (types) this.line(`Workflow types: ${list(types.map((t) => (t.functionName && t.functionName !== t.name ? `${t.name} (function ${t.functionName})` : t.name)))}`);
    this.line();
    const activities = model.activityModules();
    this.line(`Activity modules (${activities.length}):`);
    for (const file of activities) this.line(`  ${this.rel(file)}`);
    const ignored = model.ignoredModules();
    if (ignored.length > 0) this.line(`Ignored modules (bundled as empty modules): ${list(ignored)}`);
    const preloaded = [...new Set(model.workers.flatMap((w) => w.preloadModules))];
    if (preloaded.length > 0) this.line(`Preloaded modules (run without a workflow activator): ${list(preloaded)}`);
    this.line();
    this.line(`Diagnostics (${model.diagnostics.length}):`);
    for (const d of model.diagnostics) {
      const where = d.position ? `${this.rel(d.position.file)}:${d.position.line}:${d.position.column + 1}  ` : '';
      this.line(`  ${where}${d.message}`);
    }
  }

  file(file: string): void {
    const { model } = this;
    const exists = fs.existsSync(file);
    const info = model.fileInfo(file);
    this.line();
    this.line(`File: ${this.rel(file)}${exists ? '' : ' (does not exist: conventions apply)'}`);
    if (info.roles.size === 0) this.line('  no Temporal role: no rule that needs a role applies to it');
    for (const role of ROLES) {
      const evidence = info.roles.get(role);
      if (evidence) this.line(`  ${role} (${evidence.source}): ${evidence.chain.join(' → ')}`);
    }
    if (info.isWorkflowEntry) this.line('  its exported functions are workflow types');
    if (info.isPreloaded) this.line('  preloaded: its module scope runs once, without a workflow activator');
    const ignored = model.ignoredModules(file);
    if (info.has('workflow') && ignored.length > 0) this.line(`  ignoreModules for its bundle: ${list(ignored)}`);
  }
}

/** Builds the explain report. Never throws on project contents (invalid settings throw). */
export function explain(options: ExplainOptions): string {
  const cwd = toPosix(path.resolve(options.cwd));
  const settings = parseTemporalSettings(options.settings);
  const file = options.file === undefined ? undefined : toPosix(path.resolve(cwd, options.file));
  const rootOption = options.root ?? settings.root;
  const root = rootOption !== undefined ? toPosix(path.resolve(cwd, rootOption)) : (findProjectRoot(file ?? path.join(cwd, 'x')) ?? cwd);
  const realRoot = fs.existsSync(root) ? toPosix(fs.realpathSync(root)) : root;
  const model = getProjectModelForRoot(realRoot, cwd, settings);
  const report = new Report(model);
  report.project();
  if (file !== undefined) report.file(fs.existsSync(file) ? toPosix(fs.realpathSync(file)) : file);
  return `${report.lines.join('\n')}\n`;
}
