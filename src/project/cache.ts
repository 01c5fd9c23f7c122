/**
 * One model per process, project root, cwd and settings. Each request revalidates cheaply: at most once per
 * {@link REVALIDATE_MS}, it stats only the files the model read (bundle files, workers, activity modules,
 * tsconfig and package.json files) and rebuilds when one changed. Works per process under `eslint --concurrency`.
 */
import { performance } from 'node:perf_hooks';
import { stamp } from './fs.js';
import { ModelState } from './model.js';
import { settingsKey } from './settings.js';
import type { TemporalSettings } from './types.js';

export const REVALIDATE_MS = 1000;
/**
 * A revalidation stats every file the model read; in a large project that is thousands of syscalls, so the next one
 * waits at least this many times as long as the last one took (at most 2% of the time goes to revalidating).
 */
const REVALIDATE_FACTOR = 50;
const MAX_MODELS = 16;
const models = new Map<string, ModelState>();

function isStale(state: ModelState): boolean {
  for (const [file, old] of state.dependencies()) {
    const now = stamp(file);
    if (old?.mtimeMs !== now?.mtimeMs || old?.size !== now?.size) return true;
  }
  return false;
}

/** The cached model state for a root, built or rebuilt as needed. */
export function modelFor(root: string, cwd: string, settings: TemporalSettings, now = Date.now()): ModelState {
  const key = `${root}\0${cwd}\0${settingsKey(settings)}`;
  let state = models.get(key);
  if (state && now - state.checkedAt >= Math.max(REVALIDATE_MS, state.revalidateMs * REVALIDATE_FACTOR)) {
    const started = performance.now();
    const stale = isStale(state);
    state.revalidateMs = performance.now() - started;
    state.checkedAt = now;
    if (stale) state = undefined;
  }
  if (!state) {
    state = new ModelState({ root, cwd, settings });
    state.checkedAt = now;
    if (models.size >= MAX_MODELS) models.delete(models.keys().next().value ?? '');
    models.set(key, state);
  }
  return state;
}

/** Drops every cached model (tests, or a long-lived process after large changes). */
export function clearProjectModels(): void {
  models.clear();
}
