/**
 * Lazy loading of optional parsers. `typescript` is an optional peer dependency and
 * `@typescript-eslint/typescript-estree` comes with `@typescript-eslint/utils`; `espree` comes with ESLint.
 * Each is resolved from the package that depends on it, so strict package managers work too.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

function tryRequire(id: string, from: readonly string[]): unknown {
  for (const base of from) {
    try {
      const req = base === '.' ? requireHere : createRequire(requireHere.resolve(base));
      return req(id);
    } catch {
      // try the next location
    }
  }
  return undefined;
}

/** Loads `id` once; `undefined` when it cannot be loaded. `from` lists packages whose dependency it is. */
export function loadOptional(id: string, from: readonly string[]): unknown {
  if (!loaded.has(id)) loaded.set(id, tryRequire(id, from) ?? null);
  return loaded.get(id) ?? undefined;
}

/** For tests: pretend a module is missing (`null`) or restore normal loading (`undefined`). */
export function overrideOptional(id: string, value: unknown): void {
  if (value === undefined) loaded.delete(id);
  else loaded.set(id, value);
}
