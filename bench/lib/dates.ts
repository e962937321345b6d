/** Calendar helpers that never read the clock, so the corpus is the same whenever it is generated. */
import type { Rng } from './rng.ts';

const DAY = 86_400_000;

/** A day in [from, to] (ISO dates), as a UTC timestamp at midnight. */
export function randomDay(rng: Rng, from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return a + rng.int(Math.round((b - a) / DAY) + 1) * DAY;
}

export const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

export const addDays = (t: number, days: number): number => t + days * DAY;

const OFFSETS = ['Z', '+00:00', '+01:00', '+02:00', '+03:00', '-05:00', '+09:00'] as const;

/** ISO 8601 date-time with an explicit offset, as FORMAT.md allows for `published`. */
export function isoDateTime(rng: Rng, day: number): string {
  const hh = String(rng.range(5, 22)).padStart(2, '0');
  const mm = String(rng.int(60)).padStart(2, '0');
  return `${isoDate(day)}T${hh}:${mm}:00${rng.pick(OFFSETS)}`;
}
