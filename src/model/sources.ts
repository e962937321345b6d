import { idForName, nameKey } from '../content/names.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import { RESERVED_IDS } from '../fixed-pages.ts';
import { RELIABILITY, type ArticleSlug, type Reliability, type SourceId } from '../types.ts';
import { LIMITS } from './limits.ts';
import type { AnnotatedContent } from './references.ts';
import type { ArticleRef, ClaimView, Excerpt, PagePaths, PublicationRef, ReliabilityView, SourceView } from './types.ts';

/** Each article's `source` resolved to its publication: a map lookup per article. */
export interface Publications {
  readonly of: (source: string) => PublicationRef;
}

/** The words of each reliability letter, one view each, shared. */
const RELIABILITY_VIEWS = Object.fromEntries(
  Object.entries(RELIABILITY).map(([letter, words]) => [letter, { letter: letter as Reliability, words }]),
) as Record<Reliability, ReliabilityView>;

/**
 * The publications articles name (FORMAT.md §5). A `source` resolves through the records' ids,
 * names and aliases by name key, as a mention does; one no record claims is a publication of its
 * own, and its spellings meet by name key, the first one met naming it. A record's page is at its
 * id; an unprofiled publication's at a slug of its name, taken in name-key order and numbered past
 * the records' ids and the slugs taken before it (`-2`, `-3`), so the same names always get the
 * same pages.
 */
export function publications(
  content: Pick<AnnotatedContent, 'articles' | 'sources' | 'sourceNames'>,
  pages: Pick<PagePaths, 'source'>,
): Publications {
  const profiled = new Map<SourceId, PublicationRef>();
  // A fixed page under sources/ (none today) would be reserved from records at load time, and from names here.
  const taken = new Set<string>(RESERVED_IDS.sources);
  for (const { id, meta } of content.sources) {
    const reliability = meta.reliability ? RELIABILITY_VIEWS[meta.reliability] : undefined;
    profiled.set(id, { slug: id, id, name: meta.name, page: pages.source(id), ...(reliability ? { reliability } : {}) });
    taken.add(id);
  }
  // Each distinct spelling is keyed once; an unprofiled one keeps its key until the slugs are made.
  const bySpelling = new Map<string, PublicationRef | string>();
  const unprofiled = new Map<string, string>();
  for (const { meta } of content.articles) {
    if (bySpelling.has(meta.source)) continue;
    const key = nameKey(meta.source);
    const id = content.sourceNames.get(key);
    if (id !== undefined) bySpelling.set(meta.source, profiled.get(id)!);
    else {
      bySpelling.set(meta.source, key);
      if (!unprofiled.has(key)) unprofiled.set(key, meta.source);
    }
  }
  const byKey = new Map<string, PublicationRef>();
  for (const key of [...unprofiled.keys()].sort()) {
    const name = unprofiled.get(key)!;
    const base = idForName(name, 'source');
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    byKey.set(key, { slug, name, page: pages.source(slug) });
  }
  for (const [spelling, ref] of bySpelling) if (typeof ref === 'string') bySpelling.set(spelling, byKey.get(ref)!);
  return { of: (source) => bySpelling.get(source) as PublicationRef };
}

/** What `sourceViews` reads. */
export interface SourceViewsInput {
  readonly content: Pick<AnnotatedContent, 'sources'>;
  /** Newest first. */
  readonly articles: readonly ArticleRef[];
  readonly claims: readonly ClaimView[];
  readonly claimById: ReadonlyMap<string, ClaimView>;
  readonly bag: DiagnosticBag;
}

/** A publication's page while its lists are gathered. */
interface Gathered {
  readonly ref: PublicationRef;
  readonly articles: ArticleRef[];
  readonly onlyHere: Capped<ClaimView>;
  readonly shared: Capped<ClaimView>;
  readonly conflicts: Capped<{ readonly claim: ClaimView; readonly other: ClaimView }>;
}

/**
 * A list that keeps its first `limit` items and counts the rest: a big briefing's publication
 * shares thousands of claims, and its page shows the first few.
 */
class Capped<T> {
  readonly items: T[] = [];
  total = 0;
  constructor(readonly limit: number) {}
  push(item: T | (() => T)): void {
    if (this.total++ < this.limit) this.items.push(typeof item === 'function' ? (item as () => T)() : item);
  }
  excerpt(): Excerpt<T> {
    return { items: this.items, total: this.total, more: this.total - this.items.length };
  }
}

/**
 * Every publication's page, by name: one pass over the articles and one over the claims' reports.
 * A record no article names gets no page, and a warning (its name or aliases may be misspelt).
 */
export function sourceViews({ content, articles, claims, claimById, bag }: SourceViewsInput): SourceView[] {
  // Keyed by slug, not by object: under `serve` an article's view kept from the previous model
  // holds that model's reference to its publication.
  const gathered = new Map<string, Gathered>();
  const of = (p: PublicationRef): Gathered => {
    let g = gathered.get(p.slug);
    if (!g) {
      const limit = LIMITS.sourceClaims;
      gathered.set(
        p.slug,
        (g = { ref: p, articles: [], onlyHere: new Capped(limit), shared: new Capped(limit), conflicts: new Capped(limit) }),
      );
    }
    return g;
  };
  for (const a of articles) of(a.publication).articles.push(a);
  for (const claim of claims) {
    // A claim has a few reports: its distinct publications by a scan of a short list, not a map each.
    const reporters: PublicationRef[] = [];
    for (const r of claim.reports) {
      const p = r.article.publication;
      if (!reporters.some((q) => q.slug === p.slug)) reporters.push(p);
    }
    for (const p of reporters) {
      const g = of(p);
      (reporters.length === 1 ? g.onlyHere : g.shared).push(claim);
      for (const other of claim.conflicts) g.conflicts.push(() => ({ claim, other: claimById.get(other.id)! }));
    }
  }
  const records = new Map(content.sources.map((s) => [s.id as string, s]));
  const named = new Set<string>();
  const views: SourceView[] = [];
  for (const g of gathered.values()) {
    const { ref } = g;
    const record = ref.id === undefined ? undefined : records.get(ref.id);
    if (record) named.add(record.id);
    const meta = record?.meta;
    views.push({
      ...ref,
      aliases: meta?.aliases ?? [],
      ...(meta?.url ? { url: meta.url } : {}),
      ...(meta?.country ? { country: meta.country } : {}),
      ...(meta?.owner ? { owner: meta.owner } : {}),
      ...(meta?.language ? { language: meta.language } : {}),
      ...(record ? { profileHtml: record.profile.html } : {}),
      articleSlugs: g.articles.map((a) => a.slug as ArticleSlug),
      reports: cut(g.articles, LIMITS.sourceReports),
      onlyHere: g.onlyHere.excerpt(),
      shared: g.shared.excerpt(),
      conflicts: g.conflicts.excerpt(),
    });
  }
  for (const { id, at } of content.sources) {
    if (!named.has(id)) {
      bag.warning('unused-source', `no article names this source (by its id, name or an alias as \`source\`), so it gets no page`, at());
    }
  }
  return views.sort((a, b) => a.name.localeCompare(b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function cut<T>(items: readonly T[], limit: number): Excerpt<T> {
  const shown = items.length > limit ? items.slice(0, limit) : items;
  return { items: shown, total: items.length, more: items.length - shown.length };
}
