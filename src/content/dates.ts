/**
 * ISO 8601 dates as the contract accepts them: `YYYY-MM-DD`, or a date-time with an offset
 * (`YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`). `Date.parse` is not used because it accepts
 * impossible dates (2024-02-30 becomes 1 March) and guesses time zones.
 */
const ISO = new RegExp(
  [
    '^(\\d{4})-(\\d{2})-(\\d{2})', // date: year, month, day
    '(?:T(\\d{2}):(\\d{2})', // optional time: hours, minutes
    '(?::(\\d{2})(?:\\.\\d{1,9})?)?', // optional seconds and fraction
    '(Z|[+-]\\d{2}:\\d{2}))?$', // the offset, required with a time
  ].join(''),
);

export interface IsoDate {
  /** The text as written. */
  readonly iso: string;
  /** Milliseconds since the epoch (a bare date counts as 00:00 UTC), for sorting. */
  readonly time: number;
  readonly hasTime: boolean;
}

export function parseIsoDate(text: string): IsoDate | { error: string } {
  const m = ISO.exec(text);
  if (!m) return { error: `"${text}" is not an ISO 8601 date (YYYY-MM-DD) or date-time with offset (YYYY-MM-DDTHH:MM:SSZ)` };
  const [, y, mo, d, h, mi, s, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return { error: `"${text}" has no month ${month}` };
  const daysInMonth = utc(year, month + 1, 0).getUTCDate();
  if (day < 1 || day > daysInMonth) return { error: `"${text}" is not a real date: month ${month} of ${year} has ${daysInMonth} days` };
  if (h === undefined) return { iso: text, time: utc(year, month, day).getTime(), hasTime: false };
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return { error: `"${text}" is not a real time of day` };
  let offsetMinutes = 0;
  if (offset && offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) return { error: `"${text}" has an impossible offset ${offset}` };
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return {
    iso: text,
    time: utc(year, month, day).getTime() + ((hour * 60 + minute) * 60 + second) * 1000 - offsetMinutes * 60_000,
    hasTime: true,
  };
}

/**
 * Midnight UTC of a day; unlike `Date.UTC`, years 0–99 stay years 0–99 (not 1900–1999). Month is
 * 1-based. A time of day is added in milliseconds: UTC has no daylight saving, so that is exact.
 */
function utc(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

export function isIsoDateError(v: IsoDate | { error: string }): v is { error: string } {
  return 'error' in v;
}

const display = new Map<string, Intl.DateTimeFormat>();

/** A reader-facing date such as "13 September 2023" (in the briefing's language), or with time in UTC. */
export function formatDate(date: IsoDate, language: string): string {
  const key = `${language}|${date.hasTime}`;
  let fmt = display.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
      ...(date.hasTime ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
    });
    display.set(key, fmt);
  }
  return fmt.format(new Date(date.time));
}
