/**
 * `settings.temporalio` (ESLint shared settings): parsing, validation and the JSON schema.
 * Invalid settings throw an Error that names the key: a broken configuration must be loud.
 */
import type { TemporalSettings } from './types.js';

const PREFIX = 'eslint-plugin-temporalio: settings.temporalio';

/** JSON schema of `settings.temporalio`. */
export const temporalSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    workflows: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Globs (relative to the ESLint cwd) of workflow modules. Matching files and everything they import are workflow code; replaces discovery of workflow roots.',
    },
    activities: {
      type: 'array',
      items: { type: 'string' },
      description: 'Globs (relative to the ESLint cwd) of activity modules; replaces discovery of registered activity modules.',
    },
    ioModules: {
      type: 'array',
      items: { type: 'string' },
      description: 'Extra packages that perform I/O and must not be imported by workflow code.',
    },
    discovery: {
      type: 'boolean',
      description: 'Set to false to skip reading worker code; the settings and naming conventions then decide.',
    },
    root: {
      type: 'string',
      description: 'Project root (relative to the ESLint cwd). Default: the nearest workspace root or package above the linted file.',
    },
  },
} as const;

const ARRAY_KEYS = ['workflows', 'activities', 'ioModules'] as const;
const KNOWN_KEYS = new Set(Object.keys(temporalSettingsSchema.properties));

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
}

function fail(key: string, expected: string): never {
  throw new Error(`${PREFIX}.${key} must be ${expected}.`);
}

/** Validates `settings.temporalio`; throws an Error naming the bad key. `undefined` gives the defaults. */
export function parseTemporalSettings(raw: unknown): TemporalSettings {
  if (raw === undefined || raw === null) return { discovery: true };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${PREFIX} must be an object.`);
  }
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new Error(`${PREFIX}.${key} is not a known setting (expected one of: ${[...KNOWN_KEYS].join(', ')}).`);
    }
  }
  const result: TemporalSettings = { discovery: true };
  for (const key of ARRAY_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    if (!isStringArray(value)) fail(key, key === 'ioModules' ? 'an array of package names' : 'an array of glob strings');
    result[key] = [...value];
  }
  if (input.discovery !== undefined) {
    if (typeof input.discovery !== 'boolean') fail('discovery', 'a boolean');
    result.discovery = input.discovery;
  }
  if (input.root !== undefined) {
    if (typeof input.root !== 'string' || input.root.length === 0) fail('root', 'a non-empty string');
    result.root = input.root;
  }
  return result;
}

const parsedCache = new WeakMap<object, TemporalSettings>();

/** Parsed settings from an ESLint `settings` object, memoised per settings object. Throws on invalid settings. */
export function readTemporalSettings(settings: Readonly<Record<string, unknown>> | undefined): TemporalSettings {
  const raw = settings?.temporalio;
  if (raw === undefined || raw === null || typeof raw !== 'object') return parseTemporalSettings(raw);
  const cached = parsedCache.get(raw);
  if (cached) return cached;
  const parsed = parseTemporalSettings(raw);
  parsedCache.set(raw, parsed);
  return parsed;
}

/** A stable cache key for the parts of the settings that shape the model. */
export function settingsKey(settings: TemporalSettings): string {
  return JSON.stringify([settings.workflows ?? null, settings.activities ?? null, settings.discovery, settings.root ?? null]);
}
