import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MS_VERSION, durationToMs, explainInvalidDuration, parseDurationString } from '../../src/sdk/duration.js';

// The very `ms` the SDK runs: resolved from `@temporalio/common`, which pins it.
const requireCommon = createRequire(createRequire(import.meta.url).resolve('@temporalio/common'));
const msMain = requireCommon.resolve('ms');
const ms = requireCommon('ms') as (value: string) => number;
const msVersion = (JSON.parse(fs.readFileSync(path.join(path.dirname(msMain), '..', 'package.json'), 'utf8')) as { version: string })
  .version;

/** What `msToNumber` (`@temporalio/common/src/time.ts`) returns, or undefined when it throws. */
function sdk(value: string): number | undefined {
  try {
    const n = ms(value);
    return Number.isNaN(n) ? undefined : n;
  } catch {
    return undefined;
  }
}

const SAMPLES = [
  '1 minute', '1m', '1  m', '5 ', '10 MS', '.5s', '-5s', '-.5h', '1.5h', '100', '0', '0s', '2 yrs', '3 Weeks', '1 year',
  '7d', '1 day', '2 days', '30 seconds', '30 secs', '30 sec', '1 hr', '1 hrs', '45 mins', '45 min', '1 msec', '2 msecs',
  '1 millisecond', '2 milliseconds', 'sEc', '5sEc', '5 SECONDS', '1 month', '1mo', '1 mo', '2 months', '1e3', '0x10',
  ' 5s', '5s ', '5 s ', '', '1h30m', '1 hour 30 minutes', 'PT5M', '+5s', '1,5s', '1_000', '5.', '5.s', '..5s', '--5s',
  'Infinity', 'NaN', '1 fortnight', '1 minutes ago', 'a', 's', '1e', '1'.repeat(101), '1'.repeat(100),
  '5\ts', '5\ns', '١٢s',
];

describe('duration grammar', () => {
  it('is checked against the ms version the SDK pins', () => {
    expect(msVersion).toBe(MS_VERSION);
  });

  it.each(SAMPLES)('parses %j exactly like ms', (sample) => {
    expect(parseDurationString(sample)).toBe(sdk(sample));
  });

  it('converts numbers as milliseconds and rejects other values', () => {
    expect(durationToMs(30)).toBe(30);
    expect(durationToMs(Number.NaN)).toBeUndefined();
    expect(durationToMs(true)).toBeUndefined();
    expect(durationToMs('1 minute')).toBe(60_000);
  });

  it('explains why a string is rejected', () => {
    expect(explainInvalidDuration('')).toBe('it is empty');
    expect(explainInvalidDuration('1'.repeat(101))).toBe('it is longer than 100 characters');
    expect(explainInvalidDuration(' 5s')).toBe('it starts with whitespace');
    expect(explainInvalidDuration('5s ')).toBe('it ends with whitespace after the unit');
    expect(explainInvalidDuration('1 month')).toBe('there is no month unit; use days or weeks');
    expect(explainInvalidDuration('PT5M')).toBe('ISO 8601 durations are not supported');
    expect(explainInvalidDuration('1e3')).toBe('exponent notation is not supported');
    expect(explainInvalidDuration('0x10')).toBe('hexadecimal numbers are not supported');
    expect(explainInvalidDuration('+5s')).toBe('a leading `+` is not supported');
    expect(explainInvalidDuration('1_000')).toBe('digit separators and decimal commas are not supported');
    expect(explainInvalidDuration('1h30m')).toBe('only one number and one unit are allowed');
    expect(explainInvalidDuration('1 hour and 5 minutes')).toBe('only one number and one unit are allowed');
    expect(explainInvalidDuration('2 fortnights')).toBe('`fortnights` is not a unit `ms` knows');
    expect(explainInvalidDuration('soon')).toBe('it does not start with a number');
  });
});
