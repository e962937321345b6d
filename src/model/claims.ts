import type { SpanRecord } from '../annotate/context.ts';
import type { ClaimRecordText } from '../annotate/records.ts';
import { SPAN_KEYS, spanEntities } from '../annotate/span-keys.ts';
import { parseIsoDate, type IsoDate } from '../content/dates.ts';
import { CREDIBILITY_WORDS } from '../content/schema.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import { flatten } from '../strings.ts';
import type { ClaimId, EntityId, SourcePosition } from '../types.ts';
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
  /** The claim records (`claims/<id>.md`); none in most briefings. */
  readonly records?: readonly ClaimRecordText[];
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
  const records = recordsOf(input, drafts);
  const { claims, claimById } = claimViews({ drafts, records, input });
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
        // By publication: two spellings of one source record are one source (FORMAT.md §5).
        d.sources.set(article.publication.slug, article.publication.name);
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

/** The records by claim id; a record no article's claim uses is a warning at its file. */
function recordsOf({ records, bag }: StatementsInput, drafts: ReadonlyMap<ClaimId, Draft>): Map<ClaimId, ClaimRecordText> {
  const byId = new Map<ClaimId, ClaimRecordText>();
  let finder: TwinFinder | undefined;
  for (const record of records ?? []) {
    if (drafts.has(record.id)) {
      byId.set(record.id, record);
      continue;
    }
    const twin = drafts.size > 0 ? (finder ??= new TwinFinder(drafts.keys())).twins(record.id)[0] : undefined;
    bag.warning(
      'unused-claim-record',
      `claims/${record.id}.md is the record of claim "${record.id}", which no article uses (no span has claim=${record.id})${twin ? `; did you mean "${twin}"?` : ''}`,
      record.at,
    );
  }
  return byId;
}

/**
 * Without a record, the report whose words stand for the claim: the earliest published one that
 * reads as a sentence (starts with a capital letter or a quotation mark), else the earliest; on
 * the same day, the first in article order. The claim's first appearance, in its own words.
 */
function leadReport(reports: readonly ClaimReportView[]): ClaimReportView {
  let lead = reports[0]!;
  let leadSentence = isSentence(lead.text);
  for (const r of reports) {
    const sentence = isSentence(r.text);
    if ((sentence && !leadSentence) || (sentence === leadSentence && r.article.published.time < lead.article.published.time)) {
      lead = r;
      leadSentence = sentence;
    }
  }
  return lead;
}

function isSentence(text: string): boolean {
  return /^[\p{Lu}\p{Lt}“"‘'«]/u.test(text);
}

/** What a claim's view adds from its record, or the quoted report without one. */
function headline(
  record: ClaimRecordText | undefined,
  reports: readonly ClaimReportView[],
): Pick<ClaimView, 'statement' | 'statementHtml' | 'quoted' | 'credibility' | 'noteHtml'> {
  if (!record) {
    const quoted = leadReport(reports);
    return { statement: quoted.text, quoted };
  }
  const value = record.meta.credibility;
  return {
    statement: record.statement.text,
    statementHtml: { top: record.statement.top, nested: record.statement.nested },
    ...(value !== undefined ? { credibility: { value, words: CREDIBILITY_WORDS[value - 1]! } } : {}),
    ...(record.note ? { noteHtml: record.note } : {}),
  };
}

/** Each claim's view, most sources first, then oldest first. */
function claimViews({
  drafts,
  records,
  input,
}: {
  drafts: ReadonlyMap<ClaimId, Draft>;
  records: ReadonlyMap<ClaimId, ClaimRecordText>;
  input: StatementsInput;
}): { claims: ClaimView[]; claimById: Map<ClaimId, ClaimView> } {
  const { entityRef, dateOf } = input;
  const citationLimit = input.citationLimit ?? Infinity;
  const heads = new Map<ClaimId, ReturnType<typeof headline>>();
  const refs = new Map<ClaimId, ClaimRef>();
  for (const [id, d] of drafts) {
    const head = headline(records.get(id), d.reports);
    heads.set(id, head);
    const { quoted } = head;
    refs.set(
      id,
      quoted
        ? { id, statement: head.statement, target: quoted.target, source: quoted.article.source }
        : { id, statement: head.statement, target: d.reports[0]!.target },
    );
  }

  const claims: ClaimView[] = [];
  const claimById = new Map<ClaimId, ClaimView>();
  for (const [id, d] of drafts) {
    const record = records.get(id);
    for (const about of record?.about ?? []) d.subjects.add(about);
    const sourceCount = d.sources.size;
    const status: ClaimStatus = d.conflicts.size > 0 ? 'disputed' : sourceCount > 1 ? 'corroborated' : 'single-source';
    const date = record?.meta.date !== undefined ? dateOf(parseIsoDate(record.meta.date) as IsoDate) : earliest(d.reports);
    const view: ClaimView = {
      id,
      ...heads.get(id)!,
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

/** The earliest `date=` among the reports. */
function earliest(reports: readonly ClaimReportView[]): DateView | undefined {
  let date: DateView | undefined;
  for (const r of reports) if (r.date && (!date || r.date.time < date.time)) date = r.date;
  return date;
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
    const key = r.article.publication.slug;
    if (seen.has(key)) rest.push(r);
    else {
      seen.add(key);
      first.push(r);
    }
  }
  const items = first.concat(rest).slice(0, limit);
  return { items, total: reports.length, more: reports.length - items.length };
}
