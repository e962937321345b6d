import { distance } from 'fastest-levenshtein';

/**
 * Near twins among ids: for an id, another id one slip of the keyboard away (a letter missing,
 * extra or wrong, or two neighbouring letters swapped), with no digit in what differs: ids that
 * differ in a digit ("launch-2023-08-30", "launch-2023-08-31") are different on purpose.
 *
 * Comparing every id with every other would be quadratic (a briefing of 10,000 articles has
 * 5,000 claim ids). One slip changes at most two neighbouring characters, so it leaves either
 * the first half of the id or its second half as it was, and at the same place from its start or
 * its end: the twins of an id are among the ids sharing its first half as a prefix or its second
 * half as a suffix, found by binary search in the ids sorted forwards and backwards.
 */
export class TwinFinder {
  readonly #forward: string[];
  readonly #backward: string[];

  constructor(ids: Iterable<string>) {
    this.#forward = [...ids].sort();
    this.#backward = this.#forward.map(reverse).sort();
  }

  /** The twins of `id` (never `id` itself), in sorted order. */
  twins(id: string): string[] {
    const half = (id.length - 1) >> 1;
    // Too short to tell a typo from another word.
    if (half < 3) return [];
    const found = new Set<string>();
    for (const t of withPrefix(this.#forward, id.slice(0, half))) if (isTwin(id, t)) found.add(t);
    for (const r of withPrefix(this.#backward, reverse(id).slice(0, half))) {
      const t = reverse(r);
      if (isTwin(id, t)) found.add(t);
    }
    return [...found].sort();
  }
}

/** At most this many ids sharing a prefix are compared: a common prefix ("kim-") must not make it quadratic. */
const MAX_CANDIDATES = 64;

function* withPrefix(sorted: readonly string[], prefix: string): Generator<string> {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo, n = 0; i < sorted.length && n < MAX_CANDIDATES && sorted[i]!.startsWith(prefix); i++, n++) yield sorted[i]!;
}

function isTwin(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  // What differs: the two ids without their common beginning and end.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const da = a.slice(start, a.length - end);
  const db = b.slice(start, b.length - end);
  if (/\d/.test(da) || /\d/.test(db)) return false;
  const swapped = da.length === 2 && db.length === 2 && da[0] === db[1] && da[1] === db[0];
  return swapped || distance(da, db) <= 1;
}

function reverse(s: string): string {
  return s.split('').reverse().join('');
}
