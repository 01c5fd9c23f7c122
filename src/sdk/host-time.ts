/**
 * `Date` and `Intl` APIs whose result depends on the worker host's time zone or locale, as data.
 *
 * The sandbox replaces only the `Date` constructor, `Date.now`, `Date.parse` and `Date.UTC`
 * (`workflow/src/global-overrides.ts:30-44`); `Date.prototype` and `Intl` are V8's, so they use the worker process's
 * `TZ` and default locale (facts §1.7: in a vm context with `TZ=Asia/Tokyo`, `new Date(0).getHours()` is 9).
 */

/**
 * Local-time getters and their UTC equivalents (undefined: none with the same meaning; legacy `getYear`). `getMilliseconds` is absent on purpose: time-zone offsets are whole
 * seconds, so it always equals `getUTCMilliseconds`. `getSeconds` differs only for dates before a zone adopted a
 * whole-minute offset (local mean time, e.g. before 1972 in Liberia), but it is reported for the same reason.
 */
export const LOCAL_GETTERS: Readonly<Record<string, string | undefined>> = {
  getFullYear: 'getUTCFullYear',
  getYear: undefined,
  getMonth: 'getUTCMonth',
  getDate: 'getUTCDate',
  getDay: 'getUTCDay',
  getHours: 'getUTCHours',
  getMinutes: 'getUTCMinutes',
  getSeconds: 'getUTCSeconds',
};

/**
 * Local-time setters and their UTC equivalents. Every one of them, `setMilliseconds` included, converts the result
 * back from local time, which is ambiguous around daylight-saving changes (ECMA-262 `UTC(t)`).
 */
export const LOCAL_SETTERS: Readonly<Record<string, string | undefined>> = {
  setFullYear: 'setUTCFullYear',
  setYear: undefined,
  setMonth: 'setUTCMonth',
  setDate: 'setUTCDate',
  setHours: 'setUTCHours',
  setMinutes: 'setUTCMinutes',
  setSeconds: 'setUTCSeconds',
  setMilliseconds: 'setUTCMilliseconds',
};

/** Formatting methods with no way to pass a time zone; the replacement text of their suggestion (if any). */
export const HOST_FORMATTERS: Readonly<Record<string, string | undefined>> = {
  toString: 'toISOString()',
  toDateString: 'toISOString().slice(0, 10)',
  toTimeString: undefined,
};

/** `Date.prototype` methods taking `(locales, options)`, host-dependent without a locale and a `timeZone`. */
export const LOCALE_FORMATTERS: ReadonlySet<string> = new Set(['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']);

/** `Intl` constructors that format dates: `(locales, options)` with an optional `timeZone`. */
export const INTL_DATE_FORMATTERS: ReadonlySet<string> = new Set(['DateTimeFormat']);

/** The locale suggestions insert when a call has none (any explicit locale removes the host dependence). */
export const SUGGESTED_LOCALE = 'en-US';
