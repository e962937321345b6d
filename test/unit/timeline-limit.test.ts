/**
 * A capped timeline (a fact sheet's) is the latest entries of the whole timeline in the same
 * order: buildTimeline sorts only the days that hold them (latestDays), and must give what
 * sorting every entry and keeping the last `limit` gives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildTimeline, TimelineEntries } from '../../src/model/timeline.ts';
import type { ArticleRef, TimelineEntry } from '../../src/model/types.ts';

function article(i: number, day: number, hour: number | undefined): ArticleRef {
  const date = new Date(Date.UTC(2024, 0, 1 + day, hour ?? 0));
  const iso = hour === undefined ? date.toISOString().slice(0, 10) : `${date.toISOString().slice(0, 19)}Z`;
  return {
    slug: `a${i}`,
    title: `A${i}`,
    page: `articles/a${i}.html`,
    source: 'Wire',
    publication: { name: 'Wire', page: 'sources/wire.html' },
    published: { iso, display: iso, time: date.getTime() },
  } as unknown as ArticleRef;
}

const flat = (days: { entries: readonly TimelineEntry[] }[]): string[] => days.flatMap((d) => d.entries.map((e) => e.target));

test('the latest `limit` entries of a timeline, in order, whatever the days and limit', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined })), { maxLength: 60 }),
      fc.integer({ min: 1, max: 70 }),
      (dates, limit) => {
        const articles = dates.map(([day, hour], i) => article(i, day, hour));
        const all = buildTimeline([], [], articles, Infinity, new TimelineEntries((d) => d));
        const capped = buildTimeline([], [], articles, limit, new TimelineEntries((d) => d));
        assert.deepEqual(flat(capped.items), flat(all.items).slice(-limit));
        assert.equal(capped.total, articles.length);
        assert.equal(capped.more, Math.max(0, articles.length - limit));
      },
    ),
    { numRuns: 300 },
  );
});
