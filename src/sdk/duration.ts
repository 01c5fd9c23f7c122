/**
 * The duration grammar of the Temporal TypeScript SDK, as data.
 *
 * `Duration = StringValue | number` (`@temporalio/common/src/time.ts`): numbers are milliseconds, strings go through
 * `ms()` from the exact version the SDK pins (`@temporalio/common/package.json`: `"ms": "3.0.0-canary.1"`).
 * `msToNumber` → `msWithValidation` throws `TypeError("Invalid duration string: '<s>'")` when `ms()` returns `NaN`;
 * `ms()` itself throws for an empty string or one longer than 100 characters.
 */

/** The `ms` version `@temporalio/common` 1.24 pins. */
export const MS_VERSION = '3.0.0-canary.1';

/**
 * The regular expression of `ms@3.0.0-canary.1` (`dist/index.cjs`, `parse()`), copied exactly: one optional `-`,
 * digits with at most one `.` (`.5` is fine, `5.` is not), any number of spaces (none before the number), an optional
 * unit, case-insensitive. No months, no exponents, no hex, no second component.
 */
export const MS_PATTERN =
  /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i;

/** `ms` rejects longer strings outright. */
export const MS_MAX_LENGTH = 100;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds per unit, exactly as `ms` multiplies (a year is 365.25 days). */
const UNIT_MS: Readonly<Record<string, number>> = {
  years: DAY * 365.25,
  year: DAY * 365.25,
  yrs: DAY * 365.25,
  yr: DAY * 365.25,
  y: DAY * 365.25,
  weeks: DAY * 7,
  week: DAY * 7,
  w: DAY * 7,
  days: DAY,
  day: DAY,
  d: DAY,
  hours: HOUR,
  hour: HOUR,
  hrs: HOUR,
  hr: HOUR,
  h: HOUR,
  minutes: MINUTE,
  minute: MINUTE,
  mins: MINUTE,
  min: MINUTE,
  m: MINUTE,
  seconds: SECOND,
  second: SECOND,
  secs: SECOND,
  sec: SECOND,
  s: SECOND,
  milliseconds: 1,
  millisecond: 1,
  msecs: 1,
  msec: 1,
  ms: 1,
};

/** Milliseconds of a duration string as the SDK computes them, or `undefined` when the SDK throws. */
export function parseDurationString(text: string): number | undefined {
  if (text.length === 0 || text.length > MS_MAX_LENGTH) return undefined;
  const match = MS_PATTERN.exec(text);
  if (!match) return undefined;
  const amount = Number.parseFloat(match[1] ?? '');
  const factor = UNIT_MS[(match[2] ?? 'ms').toLowerCase()];
  if (factor === undefined || Number.isNaN(amount)) return undefined;
  return amount * factor;
}

/**
 * Milliseconds of a `Duration` value as `msToNumber` computes them: numbers as they are, strings parsed.
 * `undefined` when the SDK would throw (an invalid string, a value that is neither a string nor a number).
 */
export function durationToMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string') return parseDurationString(value);
  return undefined;
}

/** Why `ms` rejects `text`, as a short phrase for messages (`'ms' has no month unit`). */
export function explainInvalidDuration(text: string): string {
  if (text.length === 0) return 'it is empty';
  if (text.length > MS_MAX_LENGTH) return `it is longer than ${MS_MAX_LENGTH} characters`;
  if (/^\s/.test(text)) return 'it starts with whitespace';
  if (/\s$/.test(text) && /[a-z]\s+$/i.test(text)) return 'it ends with whitespace after the unit';
  const trimmed = text.trim();
  if (/^-?[\d.]+\s*(mo|mos|mon|mons|month|months|mth|mths)$/i.test(trimmed)) {
    return 'there is no month unit; use days or weeks';
  }
  if (/^P(\d|T)/i.test(trimmed)) return 'ISO 8601 durations are not supported';
  if (/^-?\d*\.?\d+e[+-]?\d+/i.test(trimmed)) return 'exponent notation is not supported';
  if (/^-?0x/i.test(trimmed)) return 'hexadecimal numbers are not supported';
  if (/^\+/.test(trimmed)) return 'a leading `+` is not supported';
  if (/\d[_,]\d/.test(trimmed)) return 'digit separators and decimal commas are not supported';
  if (/^-?[\d.]+\s*[a-z]+\s*,?\s*-?[\d.]+\s*[a-z]*$/i.test(trimmed) || /\band\b/i.test(trimmed)) {
    return 'only one number and one unit are allowed';
  }
  const unit = /^-?(?:\d+)?\.?\d+\s*(.+)$/.exec(trimmed)?.[1];
  if (unit !== undefined) return `\`${unit}\` is not a unit \`ms\` knows`;
  return 'it does not start with a number';
}

/** `30` → `'30s'`: the seconds string a user most likely meant by a small millisecond number. */
export function secondsString(value: number): string {
  return `${value}s`;
}
