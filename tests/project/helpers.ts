import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearProjectModels, getProjectModelForRoot, parseTemporalSettings } from '../../src/project/index.js';
import type { ProjectModel } from '../../src/project/types.js';

export const PROJECTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'projects');

/** The model of a fixture project (fresh: the per-process cache is cleared first). */
export function modelOf(name: string, settings: Record<string, unknown> = {}, cwd?: string): ProjectModel {
  clearProjectModels();
  const root = fs.realpathSync(path.join(PROJECTS, name));
  return getProjectModelForRoot(root, cwd ?? root, parseTemporalSettings(settings));
}

/** Absolute real path of a fixture file. */
export function fixtureFile(name: string, rel: string): string {
  return path.join(fs.realpathSync(path.join(PROJECTS, name)), rel);
}

/** Copies a fixture project to a temp folder (for tests that add symlinks or edit files). */
export function copyFixture(name: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `temporal-model-${name}-`)));
  fs.cpSync(path.join(PROJECTS, name), dir, { recursive: true });
  return dir;
}

/** Project-relative paths of the bundle files. */
export function bundle(model: ProjectModel): string[] {
  return model
    .bundleFiles()
    .map((f) => path.relative(model.root, f.file))
    .sort();
}

export function chainOf(model: ProjectModel, rel: string): string | undefined {
  return model.fileInfo(path.join(model.root, rel)).describe('workflow');
}
