import { flatten } from '../strings.ts';
import type { ArticleSlug, ClaimId, EntityId, PagePath } from '../types.ts';
import { ENTITY_TYPES } from '../types.ts';
import type { Statements } from './claims.ts';
import { factSheetLayout } from './fact-sheet.ts';
import { relatedByWeight, type EntityInArticle, type FactSheetMentions, type MentionCounts } from './counts.ts';
import { KEY_ENTITIES_PER_TYPE, LIMITS } from './limits.ts';
import type { Catalogue } from '../messages.ts';
import type { AnnotatedContent, ArticleInput, EntityNames } from './references.ts';
import type { SentenceIndex } from './snippets.ts';
import type { TimelineEntries } from './timeline.ts';
import { buildTimeline } from './timeline.ts';
import type {
  ArticleMentions,
  ArticleRef,
  ArticleView,
  ClaimRef,
  ClaimView,
  CountedEntity,
  EntityGroup,
  EntityRef,
  EntityView,
  Excerpt,
  MentionView,
  QuoteView,
  SourceGroup,
  WeightedEntity,
} from './types.ts';

/**
 * An entity reference with a number, written out field by field: a spread (`{ ...ref, n }`) gives
 * each of the hundreds of thousands of these objects its own hidden class in V8, several times
 * the object's size in heap (measured: 42,000 classes at 2,000 articles).
 */
function withCount(r: EntityRef, mentionCount: number): CountedEntity {
  return { id: r.id, name: r.name, type: r.type, typeLabel: r.typeLabel, page: r.page, summary: r.summary, stub: r.stub, mentionCount };
}

function withWeight(r: EntityRef, weight: number): WeightedEntity {
  return { id: r.id, name: r.name, type: r.type, typeLabel: r.typeLabel, page: r.page, summary: r.summary, stub: r.stub, weight };
}

/** The first `limit` items, mapped, and how many more there are. */
export function excerpt<T, U>(items: readonly T[], limit: number, map: (t: T, i: number) => U): Excerpt<U> {
  const shown = items.slice(0, limit).map(map);
  return { items: shown, total: items.length, more: items.length - shown.length };
}

/** Claims and quotes by the article that reports them and by the entity they are about. */
export interface StatementIndex {
  readonly claimsByArticle: Map<ArticleSlug, ClaimRef[]>;
  readonly quotesByArticle: Map<ArticleSlug, QuoteView[]>;
  readonly factsByEntity: Map<EntityId, ClaimView[]>;
  readonly quotesByEntity: Map<EntityId, QuoteView[]>;
  readonly claimById: ReadonlyMap<ClaimId, ClaimView>;
}

export function indexStatements(statements: Statements): StatementIndex {
  const claimsByArticle = new Map<ArticleSlug, ClaimRef[]>();
  const factsByEntity = new Map<EntityId, ClaimView[]>();
  for (const claim of statements.claims) {
    for (const r of claim.reports) push(claimsByArticle, r.article.slug, { id: claim.id, statement: r.text, target: r.target });
    for (const s of claim.subjects) push(factsByEntity, s.id, claim);
  }
  const quotesByEntity = new Map<EntityId, QuoteView[]>();
  const quotesByArticle = new Map<ArticleSlug, QuoteView[]>();
  for (const q of statements.quotes) {
    push(quotesByEntity, q.speaker.id, q);
    push(quotesByArticle, q.article.slug, q);
  }
  return { claimsByArticle, quotesByArticle, factsByEntity, quotesByEntity, claimById: statements.claimById };
}

/** What the article views are built from. */
export interface ArticleViewsInput {
  readonly articles: readonly ArticleInput[];
  readonly names: EntityNames;
  readonly counts: MentionCounts;
  readonly statements: StatementIndex;
  /** The previous model's view of an article no edit touched. */
  readonly kept: (slug: ArticleSlug) => ArticleView | undefined;
  readonly language: string;
}

/** The articles' views, newest first. */
export function articleViews({ articles, names, counts, statements, kept, language }: ArticleViewsInput): ArticleView[] {
  const { refs, nameRank } = names;
  return articles.map(({ ref, meta }) => {
    const previous = kept(ref.slug);
    // A new name elsewhere can move an unprofiled publication's page (its slug numbered anew).
    if (previous && previous.publication.page === ref.publication.page && previous.publication.name === ref.publication.name)
      return previous;
    const byCount = [...(counts.perArticle.get(ref.slug) ?? new Map<EntityId, number>())].sort(
      ([a, m], [b, n]) => n - m || nameRank.get(a)! - nameRank.get(b)!,
    );
    // Every field written out (no `...ref`, no optional spreads): V8 gives each object built by
    // spreading its own hidden class, and there is one of these per article.
    return {
      slug: ref.slug,
      title: ref.title,
      page: ref.page,
      source: ref.source,
      publication: ref.publication,
      published: ref.published,
      url: meta.url,
      authors: meta.authors,
      dateline: meta.dateline,
      summary: meta.summary,
      language: meta.language ?? language,
      tags: meta.tags,
      editorSupplied: meta.editorSupplied,
      editorNote: meta.editorNote,
      entities: byCount.map(([id]) => refs.get(id)!),
      mentions: byCount.map(([, n]) => n),
      claims: statements.claimsByArticle.get(ref.slug) ?? [],
      quotes: statements.quotesByArticle.get(ref.slug) ?? [],
    };
  });
}

/** What every fact sheet is built from. */
export interface FactSheetInput {
  readonly content: Pick<AnnotatedContent, 'entities'>;
  readonly names: EntityNames;
  readonly counts: MentionCounts;
  readonly mentions: FactSheetMentions;
  readonly statements: StatementIndex;
  /** The previous model's views of the entities no edit touched. */
  readonly kept: ReadonlyMap<EntityId, EntityView>;
  readonly sentences: SentenceIndex;
  readonly timelineEntries: TimelineEntries;
  readonly counters: { snippets: number; entityArticleVisits: number; timelineEntries: number } | undefined;
}

/** The entities' views (their fact sheets), by id. */
export function entityViews(input: FactSheetInput): EntityView[] {
  const profiles = new Map(input.content.entities.map((e) => [e.id, e]));
  const snippets = (x: EntityInArticle): ArticleMentions => snippetsOf(x, input.sentences, input.counters);
  return [...input.names.refs.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((ref) => input.kept.get(ref.id) ?? entityView(ref, profiles.get(ref.id), input, snippets));
}

/**
 * A fact sheet shows the latest reports' snippets and caps its long lists, so a page stays
 * readable (and the build linear) when an entity is named in thousands of reports; the full lists
 * are in the exports and on the sources page.
 */
function entityView(
  ref: EntityRef,
  profile: AnnotatedContent['entities'][number] | undefined,
  input: FactSheetInput,
  snippets: (x: EntityInArticle) => ArticleMentions,
): EntityView {
  const { names, counters } = input;
  const byArticle = input.mentions.byEntity.get(ref.id) ?? [];
  const articleRefsOf = byArticle.map((x) => x.article);
  const dates = articleRefsOf.map((a) => a.published);
  const relatedWeights = relatedByWeight(input.mentions.related[names.nameRank.get(ref.id)!], names.inNameOrder);
  const facts = input.statements.factsByEntity.get(ref.id) ?? [];
  const quotes = input.statements.quotesByEntity.get(ref.id) ?? [];
  const timeline = buildTimeline(facts, quotes, articleRefsOf, LIMITS.timelineEntries, input.timelineEntries);
  if (counters) {
    counters.entityArticleVisits += byArticle.length;
    counters.timelineEntries += timeline.total;
  }
  const mentionsByArticle = excerpt(byArticle, LIMITS.articlesWithSnippets, snippets);
  const related = excerpt(relatedWeights.ids, LIMITS.related, (id, i): WeightedEntity =>
    withWeight(names.refs.get(id)!, relatedWeights.weights[i]!),
  );
  const factsShown = excerpt(facts, LIMITS.facts, (c) => c);
  const quotesShown = excerpt(quotes, LIMITS.quotes, (q) => q);
  const layout = factSheetLayout({
    facts: factsShown,
    quotes: quotesShown,
    mentions: mentionsByArticle,
    timeline,
    related,
    claimById: input.statements.claimById,
  });
  const first = dates.length ? minBy(dates, (d) => d.time) : undefined;
  const last = dates.length ? minBy(dates, (d) => -d.time) : undefined;
  // Every field written out, as for articles.
  return {
    id: ref.id,
    name: ref.name,
    type: ref.type,
    typeLabel: ref.typeLabel,
    page: ref.page,
    summary: ref.summary,
    stub: ref.stub,
    aliases: profile?.meta.aliases ?? [],
    attributes: profile?.attributes ?? [],
    sameAs: profile?.meta.sameAs ?? [],
    image: profile?.meta.image === undefined ? undefined : { file: profile.meta.image, alt: profile.meta.imageAlt! },
    profileHtml: profile?.profile.html ?? '',
    mentionCount: input.counts.perEntity.get(ref.id) ?? 0,
    articleCount: byArticle.length,
    articleSlugs: articleRefsOf.map((a) => a.slug),
    firstReported: first,
    lastReported: last,
    mentionsByArticle,
    relatedWeights,
    related,
    sources: groupBySource(articleRefsOf, LIMITS.articlesPerSource),
    facts: factsShown,
    quotes: quotesShown,
    timeline,
    layout,
  };
}

/** The snippets of an entity's first few mentions in one article. */
function snippetsOf(
  { article, mentions, count }: EntityInArticle,
  sentences: SentenceIndex,
  counters: { snippets: number } | undefined,
): ArticleMentions {
  const shown = mentions.slice(0, LIMITS.snippetsPerArticle).map((m): MentionView => {
    if (counters) counters.snippets++;
    return { snippetHtml: sentences.snippet(m.text, m.start, m.end), href: flatten(`../${article.page}#${m.anchor}`) };
  });
  return { article, mentions: shown, more: count - shown.length };
}

/** The home page's key entities and the entities page's groups, by type (stubs apart). */
export function entityGroups(
  entities: readonly EntityView[],
  names: EntityNames,
  counts: MentionCounts,
  catalogue: Catalogue,
): { keyEntities: EntityGroup[]; entityGroups: EntityGroup[] } {
  const { refs, nameRank } = names;
  const counted = (id: EntityId): CountedEntity => withCount(refs.get(id)!, counts.perEntity.get(id) ?? 0);
  const byName = (a: { id: EntityId }, b: { id: EntityId }): number => nameRank.get(a.id)! - nameRank.get(b.id)!;
  // `named`: only entities the reports mention; a list of key entities is no place for one they never name.
  const byType = (order: (a: CountedEntity, b: CountedEntity) => number, limit: number, named: boolean): EntityGroup[] =>
    ENTITY_TYPES.map((type) => ({
      type,
      label: catalogue.text(`types.${type}`),
      entities: entities
        .filter((e) => e.type === type && !e.stub && (!named || e.mentionCount > 0))
        .map((e) => counted(e.id))
        .sort(order)
        .slice(0, limit),
    })).filter((g) => g.entities.length > 0);
  const stubs = entities.filter((e) => e.stub).map((e) => counted(e.id));
  return {
    keyEntities: byType((a, b) => b.mentionCount - a.mentionCount || byName(a, b), KEY_ENTITIES_PER_TYPE, true),
    entityGroups: [
      ...byType(byName, Infinity, false),
      ...(stubs.length ? [{ type: 'topic' as const, label: catalogue.text('types.stub'), entities: stubs }] : []),
    ],
  };
}

/** Articles per publication, publications by name, articles newest first (the latest `limit`). */
export function groupBySource(articles: readonly ArticleRef[], limit: number): SourceGroup[] {
  // By publication: two spellings of one source record are one group, named as the record is.
  // Keyed by slug, not by object: under `serve` an article's view kept from the previous model
  // holds that model's reference to its publication.
  const groups = new Map<string, { name: string; page: PagePath; articles: ArticleRef[] }>();
  for (const a of articles) {
    let g = groups.get(a.publication.slug);
    if (!g) groups.set(a.publication.slug, (g = { name: a.publication.name, page: a.publication.page, articles: [] }));
    g.articles.push(a);
  }
  return [...groups.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((g) => {
      const sorted = g.articles.sort((a, b) => b.published.time - a.published.time);
      const shown = sorted.length > limit ? sorted.slice(0, limit) : sorted;
      return { name: g.name, page: g.page, articles: shown, total: sorted.length, more: sorted.length - shown.length };
    });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function minBy<T>(items: readonly T[], key: (t: T) => number): T {
  return items.reduce((best, x) => (key(x) < key(best) ? x : best));
}
