import type { SpanRecord } from '../annotate/context.ts';
import { SPAN_KEYS, spanEntities } from '../annotate/span-keys.ts';
import type { IsoDate } from '../content/dates.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import { flatten } from '../strings.ts';
import type { ArticleSlug, ClaimId, EntityId, SourcePosition } from '../types.ts';
import { nameKey } from '../content/names.ts';
import { TwinFinder } from './twins.ts';
import type {
  ArticleRef,
  ClaimRef,
  ClaimReportView,
  ClaimStatus,
  ClaimView,
  DateView,
  EntityRef,
  Excerpt,
  QuoteView,
  SourceComparison,
  TimelineDay,
  TimelineEntry,
} from './types.ts';

export interface ArticleSpans {
  readonly article: ArticleRef;
  readonly spans: readonly SpanRecord[];
}

export interface Statements {
  readonly claims: readonly ClaimView[];
  readonly claimById: ReadonlyMap<ClaimId, ClaimView>;
  readonly quotes: readonly QuoteView[];
  readonly comparison: SourceComparison;
}

type DateOf = (d: IsoDate) => DateView;

/**
 * Claims and quotes across all articles: reports grouped by claim id, sources counted, conflicts
 * made symmetric, quotes attributed. Linear in the number of spans.
 */
export function buildStatements(
  articles: readonly ArticleSpans[],
  entityRef: (id: EntityId) => EntityRef,
  dateOf: DateOf,
  bag: DiagnosticBag,
  comparisonLimit = Infinity,
  citationLimit = Infinity,
): Statements {
  interface Draft {
    reports: ClaimReportView[];
    subjects: Set<EntityId>;
    sources: Map<string, string>;
    conflicts: Set<ClaimId>;
    /** Where the id is first used. */
    at: SourcePosition;
  }
  const drafts = new Map<ClaimId, Draft>();
  const conflictUses: { from: ClaimId; to: ClaimId; at: SourcePosition }[] = [];
  const quotes: QuoteView[] = [];

  for (const { article, spans } of articles) {
    for (const span of spans) {
      // Flattened: a concatenation is a rope, and the model keeps these (src/strings.ts).
      const target = flatten(`${article.page}#${span.anchor}`);
      const date = span.date ? dateOf(span.date) : undefined;
      if (span.claim) {
        let d = drafts.get(span.claim);
        if (!d) drafts.set(span.claim, (d = { reports: [], subjects: new Set(), sources: new Map(), conflicts: new Set(), at: span.at }));
        d.reports.push({ article, text: span.text, target, ...(date ? { date } : {}) });
        for (const id of span.mentions) d.subjects.add(id);
        spanEntities(SPAN_KEYS, span, d.subjects, 'subject');
        d.sources.set(nameKey(article.source), article.source);
        for (const other of span.conflicts) conflictUses.push({ from: span.claim, to: other.id, at: other.at });
      }
      if (span.quote) {
        quotes.push({ speaker: entityRef(span.quote), article, text: span.text, target, ...(date ? { date } : {}) });
      }
    }
  }

  // Near twins are looked for only where a typo is likely: an id used once, or one that names no claim.
  let finder: TwinFinder | undefined;
  const twinsOf = (id: string): string[] => (finder ??= new TwinFinder(drafts.keys())).twins(id);
  for (const [id, d] of drafts) {
    if (d.reports.length !== 1) continue;
    const twin = twinsOf(id)[0];
    if (twin === undefined) continue;
    const uses = drafts.get(twin as ClaimId)!.reports.length;
    bag.warning(
      'claim-twin',
      `claim id "${id}" is used only here, and "${twin}" is used ${uses === 1 ? 'once' : `${uses} times`}: did you mean "${twin}"? (the same id makes one claim of several reports)`,
      d.at,
    );
  }

  // Conflicts hold in both directions: if A contradicts B, B's fact sheet shows A too.
  for (const { from, to, at } of conflictUses) {
    const other = drafts.get(to);
    if (!other) {
      const twin = drafts.size > 0 ? twinsOf(to)[0] : undefined;
      bag.error(
        'unknown-claim',
        `conflicts=${to} names no claim: no article has a span with claim=${to}${twin ? `; did you mean "${twin}"?` : ''}`,
        at,
      );
      continue;
    }
    if (from === to) continue;
    drafts.get(from)!.conflicts.add(to);
    other.conflicts.add(from);
  }

  // A claim's headline is one source's own wording: the first report that reads as a sentence
  // (starts with a capital letter or a quotation mark), else the first report.
  const refs = new Map<ClaimId, ClaimRef>();
  for (const [id, d] of drafts) {
    const lead = d.reports.find((r) => /^[\p{Lu}\p{Lt}“"‘'«]/u.test(r.text)) ?? d.reports[0]!;
    refs.set(id, { id, statement: lead.text, target: lead.target });
  }

  const claims: ClaimView[] = [];
  const claimById = new Map<ClaimId, ClaimView>();
  for (const [id, d] of drafts) {
    const sourceCount = d.sources.size;
    const status: ClaimStatus = d.conflicts.size > 0 ? 'disputed' : sourceCount > 1 ? 'corroborated' : 'single-source';
    const dates = d.reports.map((r) => r.date).filter((x): x is DateView => x !== undefined);
    const date = dates.length ? dates.reduce((a, b) => (b.time < a.time ? b : a)) : undefined;
    const view: ClaimView = {
      id,
      statement: refs.get(id)!.statement,
      reports: d.reports,
      citations: citations(d.reports, citationLimit),
      subjects: [...d.subjects].map(entityRef).sort(byName),
      sourceCount,
      sources: [...d.sources.values()].sort(),
      conflicts: [...d.conflicts].sort().map((c) => refs.get(c)!),
      status,
      ...(date ? { date } : {}),
    };
    claims.push(view);
    claimById.set(id, view);
  }
  claims.sort((a, b) => b.sourceCount - a.sourceCount || (a.date?.time ?? Infinity) - (b.date?.time ?? Infinity) || compare(a.id, b.id));
  quotes.sort((a, b) => (a.date?.time ?? Infinity) - (b.date?.time ?? Infinity) || compare(a.target, b.target));

  const disputes: SourceComparison['disputes']['items'][number][] = [];
  for (const claim of claims) {
    for (const other of claim.conflicts) if (claim.id < other.id) disputes.push({ claim, other: claimById.get(other.id)! });
  }
  const first = <T>(items: readonly T[]): Excerpt<T> => ({
    items: items.slice(0, comparisonLimit),
    total: items.length,
    more: Math.max(0, items.length - comparisonLimit),
  });
  return {
    claims,
    claimById,
    quotes,
    comparison: {
      corroborated: first(claims.filter((c) => c.status === 'corroborated')),
      singleSource: first(claims.filter((c) => c.status === 'single-source')),
      disputes: first(disputes),
    },
  };
}

/**
 * The timeline entry of a claim, quote or article, made once and shared by every timeline that
 * shows it (the briefing's and each entity's): an article named by 15 entities is one entry, not
 * 15 (at 10,000 articles, 75,000 fewer objects kept by the model).
 */
export class TimelineEntries {
  // One map per kind: a claim id and an article slug may be the same string (FORMAT.md §1 keeps
  // each kind of id apart), and one map would hand the article the claim's entry.
  readonly #claims = new Map<ClaimId, TimelineEntry>();
  readonly #quotes = new Map<QuoteView, TimelineEntry>();
  readonly #articles = new Map<ArticleSlug, TimelineEntry>();

  claim(c: ClaimView, date: DateView): TimelineEntry {
    return made(this.#claims, c.id, () => ({ date, kind: 'claim', text: c.statement, target: c.reports[0]!.target, status: c.status }));
  }

  quote(q: QuoteView, date: DateView): TimelineEntry {
    return made(this.#quotes, q, () => ({
      date,
      kind: 'quote',
      text: q.text,
      target: q.target,
      speaker: q.speaker,
      source: q.article.source,
    }));
  }

  article(a: ArticleRef): TimelineEntry {
    return made(this.#articles, a.slug, () => ({ date: a.published, kind: 'article', text: a.title, target: a.page, source: a.source }));
  }
}

/** The entry `map` holds for `key`, made and kept the first time. */
function made<K>(map: Map<K, TimelineEntry>, key: K, make: () => TimelineEntry): TimelineEntry {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = make()));
  return entry;
}

/** Dated claims, quotes and articles, grouped by day, oldest first. */
export function buildTimeline(
  claims: readonly ClaimView[],
  quotes: readonly QuoteView[],
  articles: readonly ArticleRef[],
  dayLabel: (day: string) => string,
  limit = Infinity,
  made = new TimelineEntries(),
): Excerpt<TimelineDay> {
  const entries: TimelineEntry[] = [];
  for (const c of claims) if (c.date) entries.push(made.claim(c, c.date));
  for (const q of quotes) if (q.date) entries.push(made.quote(q, q.date));
  for (const a of articles) entries.push(made.article(a));
  const order: Record<TimelineEntry['kind'], number> = { claim: 0, quote: 1, article: 2 };
  entries.sort((a, b) => a.date.time - b.date.time || order[a.kind] - order[b.kind] || compare(a.target, b.target));
  // Past the limit, the latest entries are kept.
  const shown = entries.length > limit ? entries.slice(entries.length - limit) : entries;
  const days: { day: string; label: string; entries: TimelineEntry[] }[] = [];
  for (const e of shown) {
    const day = e.date.iso.slice(0, 10);
    const last = days[days.length - 1];
    if (last && last.day === day) last.entries.push(e);
    else days.push({ day, label: dayLabel(day), entries: [e] });
  }
  return { items: days, total: entries.length, more: entries.length - shown.length };
}

function byName(a: EntityRef, b: EntityRef): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The reports a page cites for a claim: each source's first report, then the others in order,
 * cut at `limit`. A claim repeated by a thousand reports must not make every page that shows it a
 * thousand citations long; the exports keep them all.
 */
function citations(reports: readonly ClaimReportView[], limit: number): Excerpt<ClaimReportView> {
  if (reports.length <= limit) return { items: reports, total: reports.length, more: 0 };
  const seen = new Set<string>();
  const first: ClaimReportView[] = [];
  const rest: ClaimReportView[] = [];
  for (const r of reports) {
    const key = nameKey(r.article.source);
    if (seen.has(key)) rest.push(r);
    else {
      seen.add(key);
      first.push(r);
    }
  }
  const items = first.concat(rest).slice(0, limit);
  return { items, total: reports.length, more: reports.length - items.length };
}
