import type { KeptText } from '../annotate/parse.ts';
import type { BodyHtml } from '../annotate/spill.ts';
import { formatDate, parseIsoDate, type IsoDate } from '../content/dates.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import { flatten } from '../strings.ts';
import type { ArticleMeta, ArticleSlug, BriefingSettings, ClaimId, EntityId, EntityMeta, EntityType } from '../types.ts';
import { ENTITY_TYPES } from '../types.ts';
import { buildStatements, buildTimeline, TimelineEntries } from './claims.ts';
import { nameKey } from '../content/names.ts';
import type { StubEntity } from '../content/registry.ts';
import { SentenceIndex } from './snippets.ts';
import { touchedBy, touchedEntities } from './touched.ts';
import type {
  ArticleBodies,
  ArticleMentions,
  ArticleRef,
  ArticleView,
  ClaimRef,
  ClaimView,
  CountedEntity,
  DateView,
  EntityGroup,
  Excerpt,
  PagePaths,
  EntityRef,
  EntityView,
  MentionView,
  Model,
  RelatedWeights,
  SourceGroup,
  WeightedEntity,
} from './types.ts';

/** What the annotate stage hands to the model stage. */
export interface AnnotatedContent {
  readonly settings: BriefingSettings;
  readonly summary: KeptText;
  readonly articles: readonly { readonly slug: ArticleSlug; readonly meta: ArticleMeta; readonly body: KeptText<BodyHtml> }[];
  readonly entities: readonly {
    readonly id: EntityId;
    readonly meta: EntityMeta;
    readonly profile: KeptText;
    readonly attributes: readonly { readonly label: string; readonly html: string }[];
  }[];
  readonly stubs: readonly StubEntity[];
  readonly buildId: string;
}

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
  object: 'Objects',
  topic: 'Topics',
};
const TYPE_NAMES: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
  object: 'Object',
  topic: 'Topic',
};

/** How many entities of each type the home page lists. */
const KEY_ENTITIES_PER_TYPE = 8;

/** Caps on a page's long lists (docs/format.md); the exports always hold everything. */
export const LIMITS = {
  articlesWithSnippets: 30,
  snippetsPerArticle: 3,
  facts: 30,
  quotes: 30,
  related: 30,
  timelineEntries: 100,
  comparison: 30,
  citations: 10,
  articlesPerSource: 10,
  homeArticles: 50,
} as const;

/** An entity in one article: the article, the mentions its fact sheet may show, how many there are. */
interface EntityInArticle {
  readonly article: ArticleRef;
  readonly mentions: RawMention[];
  count: number;
}

/** A mention waiting for its snippet: only the ones a page shows are ever cut out. */
interface RawMention {
  /** Its block's plain text and anchor. */
  readonly text: string;
  readonly anchor: string;
  readonly start: number;
  readonly end: number;
}

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
function excerpt<T, U>(items: readonly T[], limit: number, map: (t: T, i: number) => U): Excerpt<U> {
  const shown = items.slice(0, limit).map(map);
  return { items: shown, total: items.length, more: items.length - shown.length };
}

/**
 * How many of the distinct entities named before it in a paragraph each entity is related to.
 * Relating every pair is quadratic in the paragraph: one paragraph naming 6,000 entities made 18
 * million pairs and ran out of memory. A window of neighbours makes at most this many pairs per
 * mention, whatever the input, and changes nothing for a paragraph naming up to 21 entities; news
 * paragraphs name a handful (at most 9 in the example briefing, 6 in the benchmark corpus).
 */
export const RELATED_WINDOW = 20;

/** Counters of per-item work, read by the scale test to prove the model is built in linear time. */
export interface ModelCounters {
  /** Mentions walked (once each). */
  mentions: number;
  /** Snippets cut out (only the ones pages show). */
  snippets: number;
  /** Co-occurrence updates (entity pairs per paragraph). */
  pairs: number;
  /** Windows handed to the sentence segmenter. */
  sentenceWindows: number;
  /** (entity, article) pairs visited while building fact sheets. */
  entityArticleVisits: number;
  /** Timeline entries sorted, across the briefing's and every entity's timeline. */
  timelineEntries: number;
}

export function newCounters(): ModelCounters {
  return { mentions: 0, snippets: 0, pairs: 0, sentenceWindows: 0, entityArticleVisits: 0, timelineEntries: 0 };
}

/**
 * Stage 5, model: everything the pages show, computed once, before any rendering. Each loop below
 * walks the content once; per-entity lists are filled by pushing into maps keyed by id, never by
 * scanning all articles for each entity (the quadratic trap of backlinks components).
 */
/**
 * What `serve` hands over after an edit of articles only (briefing.md and the entities unchanged):
 * the previous model and the slugs of the articles that changed, appeared or went away. The views
 * of the other articles, and of the entities none of those articles touch before or after the
 * edit, are the same as before and are taken over instead of computed again.
 */
export interface ModelReuse {
  readonly previous: Model;
  readonly changed: ReadonlySet<string>;
}

/** Entity references, profiles first, then stubs: the model's, and the search index's before the model. */
export function entityReferences(content: Pick<AnnotatedContent, 'entities' | 'stubs'>, pages: PagePaths): Map<EntityId, EntityRef> {
  const refs = new Map<EntityId, EntityRef>();
  for (const e of content.entities) {
    refs.set(e.id, {
      id: e.id,
      name: e.meta.name,
      type: e.meta.type,
      typeLabel: TYPE_NAMES[e.meta.type],
      page: pages.entity(e.id),
      summary: e.meta.summary,
      stub: false,
    });
  }
  for (const s of content.stubs) {
    refs.set(s.id, {
      id: s.id,
      name: s.name,
      type: s.type,
      typeLabel: 'No profile yet',
      page: pages.entity(s.id),
      summary: undefined,
      stub: true,
    });
  }
  return refs;
}

/** The articles' references, newest first (then by slug), each with its metadata and body. */
export function articleReferences<A extends AnnotatedContent['articles'][number]>(
  content: { readonly articles: readonly A[] },
  dateOf: (d: IsoDate) => DateView,
  pages: PagePaths,
): { ref: ArticleRef; meta: A['meta']; body: A['body'] }[] {
  const refs = content.articles.map(({ slug, meta, body }) => ({
    ref: {
      slug,
      title: meta.title,
      page: pages.article(slug),
      source: meta.source,
      published: dateOf(parseIsoDate(meta.published) as IsoDate),
    } satisfies ArticleRef,
    meta,
    body,
  }));
  return refs.sort(
    (a, b) => b.ref.published.time - a.ref.published.time || (a.ref.slug < b.ref.slug ? -1 : a.ref.slug > b.ref.slug ? 1 : 0),
  );
}

/**
 * How the model shows a date, in the briefing's language. One view per distinct date, shared:
 * a big briefing has far fewer dates than dated things, and `Intl.DateTimeFormat` is slow enough
 * that formatting every article's date again was a tenth of the model stage.
 */
export function dateView(language: string): (d: IsoDate) => DateView {
  const views = new Map<string, DateView>();
  return (d) => {
    let view = views.get(d.iso);
    if (!view) {
      view = { iso: d.iso, display: formatDate(d, language), time: d.time };
      views.set(d.iso, view);
    }
    return view;
  };
}

export function buildModel(
  content: AnnotatedContent,
  pages: PagePaths,
  bag: DiagnosticBag,
  counters?: ModelCounters,
  reuse?: ModelReuse,
): Model {
  const language = content.settings.language;
  // Publications are a few names, met once per article on every fact sheet.
  const sourceKey = memoized(nameKey);
  const dateOf = dateView(language);
  const dayLabel = memoized((day) => {
    const d = parseIsoDate(day);
    return 'error' in d ? day : formatDate(d, language);
  });
  // Each claim's, quote's and article's timeline entry, shared by the timelines that show it.
  const timelineEntries = new TimelineEntries();
  const site = {
    title: content.settings.title,
    ...optional('subtitle', content.settings.subtitle),
    ...optional('description', content.settings.description),
    language,
    ...optional('publisher', content.settings.publisher),
    ...optional('author', content.settings.author),
    ...(content.settings.updated ? { updated: dateOf(parseIsoDate(content.settings.updated) as IsoDate) } : {}),
    // With a trailing slash, so page paths can be appended.
    ...optional('baseUrl', content.settings.baseUrl?.replace(/\/?$/, '/')),
    buildId: content.buildId,
  };

  const refs = entityReferences(content, pages);
  const entityRef = (id: EntityId): EntityRef => refs.get(id)!;
  // Entities in name order, once, with the briefing language's collation: sorts below compare
  // ranks instead of calling localeCompare (an ICU call) millions of times.
  const collator = new Intl.Collator(language);
  const inNameOrder = [...refs.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)).map((r) => r.id);
  const nameRank = new Map(inNameOrder.map((id, i) => [id, i]));
  const byName = (a: { id: EntityId }, b: { id: EntityId }): number => nameRank.get(a.id)! - nameRank.get(b.id)!;

  const articleRefs = articleReferences(content, dateOf, pages);

  const statements = buildStatements(
    articleRefs.map(({ ref, body }) => ({ article: ref, spans: body.spans })),
    entityRef,
    dateOf,
    bag,
    LIMITS.comparison,
    LIMITS.citations,
  );
  const claimsByArticle = new Map<ArticleSlug, ClaimRef[]>();
  const factsByEntity = new Map<EntityId, (typeof statements.claims)[number][]>();
  for (const claim of statements.claims) {
    for (const r of claim.reports) push(claimsByArticle, r.article.slug, { id: claim.id, statement: r.text, target: r.target });
    for (const s of claim.subjects) push(factsByEntity, s.id, claim);
  }
  const quotesByEntity = new Map<EntityId, (typeof statements.quotes)[number][]>();
  const quotesByArticle = new Map<ArticleSlug, (typeof statements.quotes)[number][]>();
  for (const q of statements.quotes) {
    push(quotesByEntity, q.speaker.id, q);
    push(quotesByArticle, q.article.slug, q);
  }

  // Mentions counted per entity, and per article for the article views to build (under `serve`,
  // only the changed articles).
  const previousArticles = new Map(reuse?.previous.articles.map((a) => [a.slug as string, a]));
  const keptArticle = (slug: string): ArticleView | undefined =>
    reuse && !reuse.changed.has(slug) ? previousArticles.get(slug) : undefined;
  const mentionCount = new Map<EntityId, number>();
  const articleEntityCounts = new Map<ArticleSlug, Map<EntityId, number>>();
  let totalMentions = 0;
  for (const { ref, body } of articleRefs) {
    const counts = keptArticle(ref.slug) ? undefined : new Map<EntityId, number>();
    if (counts) articleEntityCounts.set(ref.slug, counts);
    for (const entity of body.mentions.entities) {
      totalMentions++;
      mentionCount.set(entity, (mentionCount.get(entity) ?? 0) + 1);
      if (counts) counts.set(entity, (counts.get(entity) ?? 0) + 1);
    }
  }
  if (counters) counters.mentions += totalMentions;

  const counted = (id: EntityId): CountedEntity => withCount(entityRef(id), mentionCount.get(id) ?? 0);

  const articles: ArticleView[] = articleRefs.map(({ ref, meta }) => {
    const kept = keptArticle(ref.slug);
    if (kept) return kept;
    const counts = [...(articleEntityCounts.get(ref.slug) ?? new Map<EntityId, number>())].sort(
      ([a, m], [b, n]) => n - m || nameRank.get(a)! - nameRank.get(b)!,
    );
    // Every field written out (no `...ref`, no optional spreads): V8 gives each object built by
    // spreading its own hidden class, and there is one of these per article.
    return {
      slug: ref.slug,
      title: ref.title,
      page: ref.page,
      source: ref.source,
      published: ref.published,
      url: meta.url,
      authors: meta.authors,
      dateline: meta.dateline,
      summary: meta.summary,
      language: meta.language ?? language,
      tags: meta.tags,
      editorSupplied: meta.editorSupplied,
      editorNote: meta.editorNote,
      entities: counts.map(([id]) => entityRef(id)),
      mentions: counts.map(([, n]) => n),
      claims: claimsByArticle.get(ref.slug) ?? [],
      quotes: quotesByArticle.get(ref.slug) ?? [],
    };
  });

  const profiles = new Map(content.entities.map((e) => [e.id, e]));
  // A fact sheet shows the latest reports' snippets and caps its long lists, so a page stays
  // readable (and the build linear) when an entity is named in thousands of reports; the full
  // lists are in the exports and on the sources page.
  const snippetsOf = ({ article, mentions, count }: EntityInArticle): ArticleMentions => {
    const shown = mentions.slice(0, LIMITS.snippetsPerArticle).map((m): MentionView => {
      if (counters) counters.snippets++;
      return { snippetHtml: sentences.snippet(m.text, m.start, m.end), href: flatten(`../${article.page}#${m.anchor}`) };
    });
    return { article, mentions: shown, more: count - shown.length };
  };
  const keptEntities = reuse ? untouchedEntities(reuse, articles, statements.claimById) : new Map<EntityId, EntityView>();
  // One pass over every mention for the fact sheets to build (under `serve`, only those an edit
  // touches): snippets to cut and co-occurrence in paragraphs.
  const sentences = new SentenceIndex(language);
  const mentionsByEntity = new Map<EntityId, Map<ArticleSlug, EntityInArticle>>();
  // Co-occurrence by name rank: related[rank of a] maps the rank of b to their shared paragraphs.
  // Numbers, not ids, so that ranking an entity's related ones needs no lookups (relatedByWeight).
  const related: (Map<number, number> | undefined)[] = [];
  for (const { ref, body } of articleRefs) {
    const { entities: ids, places } = body.mentions;
    if (keptEntities.size > 0 && ids.every((id) => keptEntities.has(id))) continue;
    const perBlock = new Map<number, Set<number>>();
    for (let i = 0; i < ids.length; i++) {
      const entity = ids[i]!;
      const block = places[i * 3]!;
      let set = perBlock.get(block);
      if (!set) perBlock.set(block, (set = new Set()));
      set.add(nameRank.get(entity)!);
      if (keptEntities.has(entity)) continue;
      let byArticle = mentionsByEntity.get(entity);
      if (!byArticle) mentionsByEntity.set(entity, (byArticle = new Map()));
      let entry = byArticle.get(ref.slug);
      if (!entry) byArticle.set(ref.slug, (entry = { article: ref, mentions: [], count: 0 }));
      entry.count++;
      // Only the mentions a fact sheet shows are kept: its first few in each of the entity's latest
      // articles (articles come newest first, so those are the first ones met). A popular entity's
      // other mentions, most of all of them, are only counted.
      if (entry.mentions.length < LIMITS.snippetsPerArticle && byArticle.size <= LIMITS.articlesWithSnippets) {
        entry.mentions.push({
          text: body.blocks.texts[block]!,
          anchor: body.blocks.anchors[block]!,
          start: places[i * 3 + 1]!,
          end: places[i * 3 + 2]!,
        });
      }
    }
    // Related entities: weighted by the number of paragraphs two entities share, each entity
    // paired with the RELATED_WINDOW distinct ones named before it (a set keeps first-named order).
    for (const set of perBlock.values()) {
      if (set.size < 2) continue;
      const ranks = [...set];
      for (let i = 1; i < ranks.length; i++) {
        for (let j = Math.max(0, i - RELATED_WINDOW); j < i; j++) {
          if (!keptEntities.has(inNameOrder[ranks[i]!]!)) bump(related, ranks[i]!, ranks[j]!);
          if (!keptEntities.has(inNameOrder[ranks[j]!]!)) bump(related, ranks[j]!, ranks[i]!);
          if (counters) counters.pairs++;
        }
      }
    }
  }

  const entities: EntityView[] = [...refs.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((ref) => {
      const kept = keptEntities.get(ref.id);
      if (kept) return kept;
      const profile = profiles.get(ref.id);
      const byArticle = [...(mentionsByEntity.get(ref.id)?.values() ?? [])];
      const articleRefsOf = byArticle.map((x) => x.article);
      const dates = articleRefsOf.map((a) => a.published);
      const relatedWeights = relatedByWeight(related[nameRank.get(ref.id)!], inNameOrder);
      const facts = factsByEntity.get(ref.id) ?? [];
      const quotes = quotesByEntity.get(ref.id) ?? [];
      const timeline = buildTimeline(facts, quotes, articleRefsOf, dayLabel, LIMITS.timelineEntries, timelineEntries);
      if (counters) {
        counters.entityArticleVisits += byArticle.length;
        counters.timelineEntries += timeline.total;
      }
      const first = dates.length ? minBy(dates, (d) => d.time) : undefined;
      const last = dates.length ? minBy(dates, (d) => -d.time) : undefined;
      // Every field written out, as for articles above.
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
        profileHtml: profile?.profile.html ?? '',
        mentionCount: mentionCount.get(ref.id) ?? 0,
        articleCount: byArticle.length,
        articleSlugs: articleRefsOf.map((a) => a.slug),
        firstReported: first,
        lastReported: last,
        mentionsByArticle: excerpt(byArticle, LIMITS.articlesWithSnippets, snippetsOf),
        relatedWeights,
        related: excerpt(relatedWeights.ids, LIMITS.related, (id, i): WeightedEntity =>
          withWeight(entityRef(id), relatedWeights.weights[i]!),
        ),
        sources: groupBySource(articleRefsOf, LIMITS.articlesPerSource, sourceKey),
        facts: excerpt(facts, LIMITS.facts, (c) => c),
        quotes: excerpt(quotes, LIMITS.quotes, (q) => q),
        timeline,
      };
    });

  const byType = (order: (a: CountedEntity, b: CountedEntity) => number, limit: number): EntityGroup[] =>
    ENTITY_TYPES.map((type) => ({
      type,
      label: TYPE_LABELS[type],
      entities: entities
        .filter((e) => e.type === type && !e.stub)
        .map((e) => counted(e.id))
        .sort(order)
        .slice(0, limit),
    })).filter((g) => g.entities.length > 0);
  const stubs = entities.filter((e) => e.stub).map((e) => counted(e.id));
  if (counters) counters.sentenceWindows += sentences.segmented;

  return freezeCollections({
    site,
    summaryHtml: content.summary.html,
    articles,
    entities,
    keyEntities: byType((a, b) => b.mentionCount - a.mentionCount || byName(a, b), KEY_ENTITIES_PER_TYPE),
    entityGroups: [
      ...byType(byName, Infinity),
      ...(stubs.length ? [{ type: 'topic' as const, label: 'Named but without a profile', entities: stubs }] : []),
    ],
    sources: groupBySource(articles, Infinity, sourceKey),
    latestArticles: excerpt(articles, LIMITS.homeArticles, (a) => a),
    claims: statements.claims,
    quotes: statements.quotes,
    timeline: countTimeline(buildTimeline(statements.claims, statements.quotes, articles, dayLabel, Infinity, timelineEntries), counters),
    comparison: statements.comparison,
    stats: {
      articles: articles.length,
      entities: entities.length,
      mentions: totalMentions,
      claims: statements.claims.length,
      quotes: statements.quotes.length,
    },
  });
}

function countTimeline<T extends { total: number }>(timeline: T, counters: ModelCounters | undefined): T {
  if (counters) counters.timelineEntries += timeline.total;
  return timeline;
}

/** Articles per publication, publications by name, articles newest first (the latest `limit`). */
function groupBySource(articles: readonly ArticleRef[], limit: number, sourceKey: (name: string) => string): SourceGroup[] {
  const groups = new Map<string, { name: string; articles: ArticleRef[] }>();
  for (const a of articles) {
    const key = sourceKey(a.source);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: a.source, articles: [] }));
    g.articles.push(a);
  }
  return [...groups.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((g) => {
      const sorted = g.articles.sort((a, b) => b.published.time - a.published.time);
      const shown = sorted.length > limit ? sorted.slice(0, limit) : sorted;
      return { name: g.name, articles: shown, total: sorted.length, more: sorted.length - shown.length };
    });
}

/** The previous model's entity views that the changed articles touch neither before nor after the edit. */
function untouchedEntities(
  reuse: ModelReuse,
  articles: readonly ArticleView[],
  claims: ReadonlyMap<ClaimId, ClaimView>,
): Map<EntityId, EntityView> {
  const touched = touchedEntities(reuse.previous, reuse.changed);
  for (const id of touchedBy(articles, claims, reuse.changed)) touched.add(id);
  return new Map(reuse.previous.entities.filter((e) => !touched.has(e.id)).map((e) => [e.id, e]));
}

/** `make` with a memory: each distinct key is made once (dates and names repeat across a briefing). */
function memoized<V>(make: (key: string) => V): (key: string) => V {
  const made = new Map<string, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

function bump(related: (Map<number, number> | undefined)[], a: number, b: number): void {
  const inner = (related[a] ??= new Map());
  inner.set(b, (inner.get(b) ?? 0) + 1);
}

/**
 * An entity's related entities, most shared paragraphs first, then in name order: each one's
 * weight and name rank packed in one number, and the numbers sorted without a comparator (at
 * 10,000 articles, 700,000 pairs; comparing objects with rank lookups took 0.25 s).
 */
export function relatedByWeight(weights: ReadonlyMap<number, number> | undefined, inNameOrder: readonly EntityId[]): RelatedWeights {
  if (!weights) return { ids: [], weights: new Int32Array(0) };
  const n = inNameOrder.length;
  let heaviest = 0;
  for (const w of weights.values()) if (w > heaviest) heaviest = w;
  // (heaviest - weight) * n + rank: ascending is by weight descending, then by rank. Exact: far
  // below 2^53 for any briefing.
  const keys = new Float64Array(weights.size);
  let i = 0;
  for (const [rank, w] of weights) keys[i++] = (heaviest - w) * n + rank;
  keys.sort();
  const ids = new Array<EntityId>(keys.length);
  const out = new Int32Array(keys.length);
  keys.forEach((key, j) => {
    const rank = key % n;
    ids[j] = inNameOrder[rank]!;
    out[j] = heaviest - (key - rank) / n;
  });
  return { ids, weights: out };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function minBy<T>(items: readonly T[], key: (t: T) => number): T {
  return items.reduce((best, x) => (key(x) < key(best) ? x : best));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * The model is shared by every page. Its types are readonly throughout; at run time the model and
 * its top-level collections are frozen (deep-freezing every snippet object would cost more than
 * rendering them), so an emitter or template that tries to add or reorder pages fails loudly.
 */
function freezeCollections<T extends object>(model: T): T {
  for (const value of Object.values(model)) if (value && typeof value === 'object') Object.freeze(value);
  return Object.freeze(model);
}

/** The articles' bodies, beside the model (see `ArticleBodies`). */
export function articleBodies(content: AnnotatedContent, withText: boolean): ArticleBodies {
  return {
    html: new Map(content.articles.map((a) => [a.slug, a.body.html])),
    text: withText ? new Map(content.articles.map((a) => [a.slug, plainText(a.body)])) : undefined,
  };
}

/** A body as plain text, a paragraph a line (what the search index reads). */
export function plainText(body: KeptText<BodyHtml>): string {
  return body.blocks.texts.join('\n');
}
