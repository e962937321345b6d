/**
 * ISO 8601 dates as the contract accepts them (FORMAT.md §1 `published`, §2 `date=`): a calendar
 * date `YYYY-MM-DD`, or a date-time that carries its offset. A table of inputs → valid or invalid,
 * then the time values used for sorting the timeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, isIsoDateError, parseIsoDate, type IsoDate } from '../../src/content/dates.ts';

const VALID: readonly [input: string, why: string][] = [
  ['2023-09-13', 'a calendar date'],
  ['2024-02-29', 'leap day in a leap year'],
  ['2000-02-29', 'leap day in a year divisible by 400'],
  ['2023-01-01', 'first day of the year'],
  ['2023-12-31', 'last day of the year'],
  ['2023-04-30', 'last day of a 30-day month'],
  ['2023-09-13T02:43:00Z', 'date-time in UTC'],
  ['2023-09-13T02:43Z', 'date-time without seconds'],
  ['2023-09-13T02:43:00.123Z', 'fractional seconds'],
  ['2023-09-13T02:43:00+05:30', 'positive offset with minutes'],
  ['2023-09-13T02:43:00-04:00', 'negative offset'],
  ['2023-09-13T00:00:00+00:00', 'midnight, zero offset'],
  ['2023-09-13T23:59:59+14:00', 'last second, largest real offset'],
];

const INVALID: readonly [input: string, why: string][] = [
  ['2023-02-29', 'leap day in a common year'],
  ['1900-02-29', 'leap day in a century year not divisible by 400'],
  ['2024-02-30', '30 February'],
  ['2023-04-31', '31 April'],
  ['2023-13-01', 'month 13'],
  ['2023-00-10', 'month 0'],
  ['2023-09-00', 'day 0'],
  ['2023-09-32', 'day 32'],
  ['2023-09-13T02:43:00', 'date-time without an offset'],
  ['2023-09-13T02:43', 'date-time without seconds or offset'],
  ['2023-09-13T24:00:00Z', 'hour 24'],
  ['2023-09-13T24:00Z', '24:00 without seconds'],
  ['2023-09-13T23:60:00Z', 'minute 60'],
  ['2023-09-13T02:43:00+24:00', 'offset of 24 hours'],
  ['2023-09-13T02:43:00+05:60', 'offset minute 60'],
  ['2023-09-13T02:43:00+0530', 'offset without a colon'],
  ['2023-09-13T02Z', 'hours only'],
  ['2023-09-13 02:43:00Z', 'space instead of T'],
  ['2023-9-13', 'one-digit month'],
  ['20230913', 'basic format'],
  ['13 September 2023', 'words'],
  ['2023-09-13Z', 'a date with an offset'],
  [' 2023-09-13', 'leading space'],
  ['2023-09-13\n', 'trailing newline'],
  ['', 'empty'],
];

for (const [input, why] of VALID) {
  test(`valid: ${JSON.stringify(input)} (${why})`, () => {
    const parsed = parseIsoDate(input);
    assert.ok(!isIsoDateError(parsed), isIsoDateError(parsed) ? parsed.error : '');
    assert.equal(parsed.iso, input, 'keeps the text as written');
    assert.equal(parsed.hasTime, input.includes('T'));
    assert.ok(Number.isFinite(parsed.time));
  });
}

for (const [input, why] of INVALID) {
  test(`invalid: ${JSON.stringify(input)} (${why})`, () => {
    const parsed = parseIsoDate(input);
    assert.ok(isIsoDateError(parsed), `accepted ${JSON.stringify(input)}`);
    // The message names the value, so the diagnostic says what to fix.
    assert.ok(parsed.error.includes(`"${input}"`), parsed.error);
  });
}

// --- Time values ---------------------------------------------------------------------------------

function time(input: string): number {
  const parsed = parseIsoDate(input);
  if (isIsoDateError(parsed)) throw new Error(parsed.error);
  return parsed.time;
}

const TIMES: readonly [input: string, expected: number][] = [
  ['2023-09-13', Date.UTC(2023, 8, 13)], // a bare date counts as 00:00 UTC
  ['2023-09-13T02:43:00Z', Date.UTC(2023, 8, 13, 2, 43)],
  ['2023-09-13T02:43Z', Date.UTC(2023, 8, 13, 2, 43)],
  ['2023-09-13T08:13:00+05:30', Date.UTC(2023, 8, 13, 2, 43)], // the same instant in India
  ['2023-09-12T22:43:00-04:00', Date.UTC(2023, 8, 13, 2, 43)], // and in New York, the day before
  ['2023-09-13T00:30:00+09:00', Date.UTC(2023, 8, 12, 15, 30)], // Pyongyang morning = UTC the day before
  ['2024-02-29', Date.UTC(2024, 1, 29)],
];

for (const [input, expected] of TIMES) {
  test(`time of ${input} is ${new Date(expected).toISOString()}`, () => {
    assert.equal(time(input), expected);
  });
}

test('sorting by time orders instants, not strings', () => {
  const inputs = [
    '2023-09-13T10:00:00+09:00', // 01:00Z on the 13th
    '2023-09-13', // 00:00Z on the 13th
    '2023-09-12T23:00:00Z',
    '2023-09-13T01:00:00+05:30', // 19:30Z on the 12th
    '2023-09-13T00:59:00Z',
    '2023-08-30',
  ];
  const sorted = [...inputs].sort((a, b) => time(a) - time(b));
  assert.deepEqual(sorted, [
    '2023-08-30',
    '2023-09-13T01:00:00+05:30',
    '2023-09-12T23:00:00Z',
    '2023-09-13',
    '2023-09-13T00:59:00Z',
    '2023-09-13T10:00:00+09:00',
  ]);
});

test('years before 100 are not read as 19xx', () => {
  assert.ok(time('0079-08-24') < time('1000-01-01'));
  assert.ok(!isIsoDateError(parseIsoDate('0000-02-29')));
});

// --- Display -------------------------------------------------------------------------------------

test('a bare date is shown as that calendar day in every language, never shifted by a time zone', () => {
  const d = parseIsoDate('2023-09-13') as IsoDate;
  assert.equal(formatDate(d, 'en-GB'), '13 September 2023');
  assert.equal(formatDate(d, 'de'), '13. September 2023');
  assert.equal(formatDate(parseIsoDate('2024-01-01') as IsoDate, 'en-GB'), '1 January 2024');
});

test('a date-time is shown in UTC, with its time', () => {
  const shown = formatDate(parseIsoDate('2023-09-13T01:00:00+05:30') as IsoDate, 'en-GB');
  assert.match(shown, /12 September 2023/);
  assert.match(shown, /19:30/);
  assert.match(shown, /UTC/);
});
