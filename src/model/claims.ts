import type { SpanRecord } from '../annotate/context.ts';
import { SPAN_KEYS, spanEntities } from '../annotate/span-keys.ts';
import type { IsoDate } from '../content/dates.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import { flatten } from '../strings.ts';
import type { ClaimId, EntityId, SourcePosition } from '../types.ts';
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

/** What `buildStatements` reads. */
export interface StatementsInput {
  readonly articles: readonly ArticleSpans[];
  readonly entityRef: (id: EntityId) => EntityRef;
  readonly dateOf: DateOf;
  readonly bag: DiagnosticBag;
  /** How many claims of each kind the comparison page lists. */
  readonly comparisonLimit?: number;
  /** How many reports a page cites for a claim. */
  readonly citationLimit?: number;
}

/** A claim while its reports are gathered. */
interface Draft {
  reports: ClaimReportView[];
  subjects: Set<EntityId>;
  sources: Map<string, string>;
  conflicts: Set<ClaimId>;
  /** Where the id is first used. */
  at: SourcePosition;
}

interface ConflictUse {
  from: ClaimId;
  to: ClaimId;
  at: SourcePosition;
}

/**
 * Claims and quotes across all articles: reports grouped by claim id, sources counted, conflicts
 * made symmetric, quotes attributed. Linear in the number of spans.
 */
export function buildStatements(input: StatementsInput): Statements {
  const { drafts, conflictUses, quotes } = gatherSpans(input);
  linkConflicts(drafts, conflictUses, input.bag);
  const { claims, claimById } = claimViews(drafts, input.entityRef, input.citationLimit ?? Infinity);
  quotes.sort((a, b) => (a.date?.time ?? Infinity) - (b.date?.time ?? Infinity) || compare(a.target, b.target));
  return { claims, claimById, quotes, comparison: sourceComparison(claims, claimById, input.comparisonLimit ?? Infinity) };
}

/** One pass over every span: claims' reports gathered by id, quotes attributed. */
function gatherSpans({ articles, entityRef, dateOf }: StatementsInput): {
  drafts: Map<ClaimId, Draft>;
  conflictUses: ConflictUse[];
  quotes: QuoteView[];
} {
  const drafts = new Map<ClaimId, Draft>();
  const conflictUses: ConflictUse[] = [];
  const quotes: QuoteView[] = [];
  for (const { article, spans } of articles) {
    for (let position = 0; position < spans.length; position++) {
      const span = spans[position]!;
      // Flattened: a concatenation is a rope, and the model keeps these (src/strings.ts).
      const target = flatten(`${article.page}#${span.anchor}`);
      const date = span.date ? dateOf(span.date) : undefined;
      if (span.claim) {
        let d = drafts.get(span.claim);
        if (!d) drafts.set(span.claim, (d = { reports: [], subjects: new Set(), sources: new Map(), conflicts: new Set(), at: span.at }));
        d.reports.push({ article, text: span.text, target, position, ...(date ? { date } : {}) });
        for (const id of span.mentions) d.subjects.add(id);
        spanEntities(SPAN_KEYS, span, d.subjects, 'subject');
        d.sources.set(nameKey(article.source), article.source);
        for (const other of span.conflicts) conflictUses.push({ from: span.claim, to: other.id, at: other.at });
      }
      if (span.quote) {
        quotes.push({ speaker: entityRef(span.quote), article, text: span.text, target, position, ...(date ? { date } : {}) });
      }
    }
  }
  return { drafts, conflictUses, quotes };
}

/** Likely typos of claim ids warned about, unknown conflicts reported, the others made symmetric. */
function linkConflicts(drafts: Map<ClaimId, Draft>, conflictUses: readonly ConflictUse[], bag: DiagnosticBag): void {
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
}

/** Each claim's view, most sources first, then oldest first. */
function claimViews(
  drafts: ReadonlyMap<ClaimId, Draft>,
  entityRef: (id: EntityId) => EntityRef,
  citationLimit: number,
): { claims: ClaimView[]; claimById: Map<ClaimId, ClaimView> } {
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
  return { claims, claimById };
}

/** The comparison page's lists: corroborated, single-source and disputed claims. */
function sourceComparison(claims: readonly ClaimView[], claimById: ReadonlyMap<ClaimId, ClaimView>, limit: number): SourceComparison {
  const disputes: SourceComparison['disputes']['items'][number][] = [];
  for (const claim of claims) {
    for (const other of claim.conflicts) if (claim.id < other.id) disputes.push({ claim, other: claimById.get(other.id)! });
  }
  const first = <T>(items: readonly T[]): Excerpt<T> => ({
    items: items.slice(0, limit),
    total: items.length,
    more: Math.max(0, items.length - limit),
  });
  return {
    corroborated: first(claims.filter((c) => c.status === 'corroborated')),
    singleSource: first(claims.filter((c) => c.status === 'single-source')),
    disputes: first(disputes),
  };
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
