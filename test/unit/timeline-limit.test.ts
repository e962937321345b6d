/**
 * A capped timeline (a fact sheet's) is the latest entries of the whole timeline in the same
 * order: buildTimeline leaves out the articles too old to count (recentArticles) and sorts only
 * the days that hold the latest entries (latestDays), and must give what sorting every entry and
 * keeping the last `limit` gives, whatever the dates' UTC offsets and the articles' order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildTimeline, TimelineEntries } from '../../src/model/timeline.ts';
import type { ArticleRef, TimelineDay } from '../../src/model/types.ts';

const HOUR = 3_600_000;

/** An article published `hours` after 2024-01-01T00:00Z, written in UTC offset `offset` hours (or as a bare date). */
function article(i: number, hours: number, offset: number | undefined): ArticleRef {
  const time = Date.UTC(2024, 0, 1) + hours * HOUR;
  let iso: string;
  if (offset === undefined) {
    iso = new Date(time).toISOString().slice(0, 10);
  } else {
    const local = new Date(time + offset * HOUR).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    iso = `${local}${sign}${String(Math.abs(offset)).padStart(2, '0')}:00`;
  }
  const published = { iso, display: iso, time: offset === undefined ? Date.parse(`${iso}T00:00:00Z`) : time };
  return {
    slug: `a${i}`,
    title: `A${i}`,
    page: `articles/a${i}.html`,
    source: 'Wire',
    publication: {},
    published,
  } as unknown as ArticleRef;
}

const flat = (days: readonly TimelineDay[]): string[] => days.flatMap((d) => d.entries.map((e) => e.target));

test('the latest `limit` entries of a timeline, in order, whatever the days, offsets, order and limit', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 24 * 12 }), fc.option(fc.integer({ min: -12, max: 14 }), { nil: undefined })), {
        maxLength: 80,
      }),
      fc.integer({ min: 1, max: 90 }),
      fc.boolean(),
      (dates, limit, newestFirst) => {
        const articles = dates.map(([hours, offset], i) => article(i, hours, offset));
        // An entity's articles come newest first; any other order must give the same result.
        if (newestFirst) articles.sort((a, b) => b.published.time - a.published.time);
        const all = buildTimeline([], [], articles, Infinity, new TimelineEntries((d) => d));
        const capped = buildTimeline([], [], articles, limit, new TimelineEntries((d) => d));
        assert.deepEqual(flat(capped.items), flat(all.items).slice(-limit));
        assert.equal(capped.total, articles.length);
        assert.equal(capped.more, Math.max(0, articles.length - limit));
      },
    ),
    { numRuns: 500 },
  );
});
