import type { ArticleSlug, ClaimId } from '../types.ts';
import type { ArticleRef, ClaimView, DateView, Excerpt, QuoteView, TimelineDay, TimelineEntry } from './types.ts';

/**
 * The timeline entry of a claim, quote or article, made once and shared by every timeline that
 * shows it (the briefing's and each entity's): an article named by 15 entities is one entry, not
 * 15 (at 10,000 articles, 75,000 fewer objects kept by the model).
 */
export class TimelineEntries {
  /** A day's heading (`YYYY-MM-DD` in, the briefing's language out). */
  readonly label: (day: string) => string;
  // One map per kind: a claim id and an article slug may be the same string (FORMAT.md §1 keeps
  // each kind of id apart), and one map would hand the article the claim's entry.
  readonly #claims = new Map<ClaimId, TimelineEntry>();
  readonly #quotes = new Map<QuoteView, TimelineEntry>();
  readonly #articles = new Map<ArticleSlug, TimelineEntry>();

  constructor(label: (day: string) => string) {
    this.label = label;
  }

  claim(c: ClaimView, date: DateView): TimelineEntry {
    const first = c.reports[0]!;
    return made(this.#claims, c.id, () => ({
      date,
      day: this.#day(date),
      timed: date.iso.length > 10,
      article: first.article,
      position: first.position,
      kind: 'claim',
      text: c.statement,
      target: first.target,
      status: c.status,
    }));
  }

  quote(q: QuoteView, date: DateView): TimelineEntry {
    return made(this.#quotes, q, () => ({
      date,
      day: this.#day(date),
      timed: date.iso.length > 10,
      article: q.article,
      position: q.position,
      kind: 'quote',
      text: q.text,
      target: q.target,
      speaker: q.speaker,
      source: q.article.source,
    }));
  }

  article(a: ArticleRef): TimelineEntry {
    return made(this.#articles, a.slug, () => ({
      date: a.published,
      day: this.#day(a.published),
      timed: a.published.iso.length > 10,
      article: a,
      position: -1,
      kind: 'article',
      text: a.title,
      target: a.page,
      source: a.source,
    }));
  }

  // Entries are written out field by field, not spread from a shared part: a spread gives objects
  // hidden classes of their own (src/model/views.ts). Each day is one string, so the sort's most
  // frequent comparison, two entries of the same day, is a comparison of one string with itself.
  readonly #days = new Map<string, string>();
  #day(date: DateView): string {
    const day = date.iso.slice(0, 10);
    const known = this.#days.get(day);
    if (known !== undefined) return known;
    this.#days.set(day, day);
    return day;
  }
}

/**
 * The timeline's order: by day; within a day, the entries with a time of day first, in time order
 * (an editor who gave a time placed the entry), then the others in source order: by report (oldest
 * first), the report itself before what it says, then in the order written.
 */
function timelineOrder(a: TimelineEntry, b: TimelineEntry): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.timed !== b.timed) return a.timed ? -1 : 1;
  return (
    (a.timed ? a.date.time - b.date.time : 0) ||
    a.article.published.time - b.article.published.time ||
    compare(a.article.slug, b.article.slug) ||
    a.position - b.position ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compare(a.target, b.target)
  );
}

const KIND_ORDER: Record<TimelineEntry['kind'], number> = { article: 0, claim: 1, quote: 2 };

/** The entry `map` holds for `key`, made and kept the first time. */
function made<K>(map: Map<K, TimelineEntry>, key: K, make: () => TimelineEntry): TimelineEntry {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = make()));
  return entry;
}

/** Dated claims, quotes and articles, grouped by day, oldest first, in `timelineOrder`. */
export function buildTimeline(
  claims: readonly ClaimView[],
  quotes: readonly QuoteView[],
  articles: readonly ArticleRef[],
  limit: number,
  made: TimelineEntries,
): Excerpt<TimelineDay> {
  const entries: TimelineEntry[] = [];
  for (const c of claims) if (c.date) entries.push(made.claim(c, c.date));
  for (const q of quotes) if (q.date) entries.push(made.quote(q, q.date));
  const recent = recentArticles(articles, limit);
  for (const a of recent) entries.push(made.article(a));
  const total = entries.length + articles.length - recent.length;
  // Past the limit, the latest entries are kept: only the days that hold them are sorted.
  const candidates = entries.length > limit ? latestDays(entries, limit) : entries;
  candidates.sort(timelineOrder);
  const shown = candidates.length > limit ? candidates.slice(candidates.length - limit) : candidates;
  const days: { day: string; label: string; entries: TimelineEntry[] }[] = [];
  for (const e of shown) {
    const day = e.day;
    const last = days[days.length - 1];
    if (last && last.day === day) last.entries.push(e);
    else days.push({ day, label: made.label(day), entries: [e] });
  }
  return { items: days, total, more: total - shown.length };
}

/**
 * More than a day and a half between two times puts their dates (each in its own UTC offset,
 * -12:00 to +14:00) on different days, whatever the offsets: 72 hours, with room to spare.
 */
const APART_MS = 72 * 3_600_000;

/**
 * The articles that can be among a timeline's latest `limit` entries, when they come newest first
 * (as an entity's do): none more than APART_MS older than the `limit`-th, whose day is earlier than
 * the days of `limit` newer ones. An entity named in 8,000 reports makes 8,000 entries otherwise,
 * for a fact sheet that shows 50. In any other order, all of them.
 */
function recentArticles(articles: readonly ArticleRef[], limit: number): readonly ArticleRef[] {
  if (articles.length <= limit) return articles;
  for (let i = 1; i < articles.length; i++) if (articles[i]!.published.time > articles[i - 1]!.published.time) return articles;
  const bar = articles[limit - 1]!.published.time - APART_MS;
  let end = limit;
  while (end < articles.length && articles[end]!.published.time >= bar) end++;
  return articles.slice(0, end);
}

/**
 * The entries of the latest days that together hold at least `limit` entries. The order's first
 * key is the day, so no entry of an earlier day can be among the latest `limit`: a fact sheet of
 * an entity named in thousands of reports sorts the entries of a few days, not of all of them.
 */
function latestDays(entries: readonly TimelineEntry[], limit: number): TimelineEntry[] {
  const perDay = new Map<string, number>();
  for (const e of entries) perDay.set(e.day, (perDay.get(e.day) ?? 0) + 1);
  const days = [...perDay.keys()].sort(compare);
  let cutoff = days[0]!;
  for (let i = days.length - 1, n = 0; i >= 0; i--) {
    n += perDay.get(days[i]!)!;
    cutoff = days[i]!;
    if (n >= limit) break;
  }
  return entries.filter((e) => e.day >= cutoff);
}

/** The entries counted, when the caller counts (the scale test's proof of linear work). */
export function countTimeline<T extends { total: number }>(timeline: T, counters: { timelineEntries: number } | undefined): T {
  if (counters) counters.timelineEntries += timeline.total;
  return timeline;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
