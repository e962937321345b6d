import type { KeptText } from '../annotate/parse.ts';
import type { BodyHtml } from '../annotate/spill.ts';
import { formatDate, parseIsoDate } from '../content/dates.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import type { ArticleSlug, ClaimId, EntityId } from '../types.ts';
import { buildStatements } from './claims.ts';
import { countMentions, factSheetMentions, type ModelCounters } from './counts.ts';
import { extraPages } from './extra-pages.ts';
import { LIMITS } from './limits.ts';
import { articleReferences, dateView, entityNames, entityReferences, memoized, siteView, type AnnotatedContent } from './references.ts';
import { SentenceIndex } from './snippets.ts';
import { publications, sourceViews } from './sources.ts';
import { buildTimeline, countTimeline, TimelineEntries } from './timeline.ts';
import { touchedBy, touchedEntities } from './touched.ts';
import type { ArticleBodies, ArticleView, ClaimView, EntityView, Model, PagePaths } from './types.ts';
import { articleViews, entityGroups, entityViews, excerpt, groupBySource, indexStatements } from './views.ts';

// The passes' modules, and what the rest of the build imports from here.
export { newCounters, RELATED_WINDOW, relatedByWeight, type ModelCounters } from './counts.ts';
export { LIMITS } from './limits.ts';
export { articleReferences, dateView, entityReferences, type AnnotatedContent } from './references.ts';
export { publications } from './sources.ts';

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

/**
 * Stage 5, model: everything the pages show, computed once, before any rendering, in passes:
 * references, statements, counts, article views, fact-sheet views, timeline. Each pass walks the
 * content once; per-entity lists are filled by pushing into maps keyed by id, never by scanning
 * all articles for each entity (the quadratic trap of backlinks components).
 */
export function buildModel(
  content: AnnotatedContent,
  pages: PagePaths,
  bag: DiagnosticBag,
  counters?: ModelCounters,
  reuse?: ModelReuse,
): Model {
  const language = content.settings.language;
  const dateOf = dateView(language);
  // Each claim's, quote's and article's timeline entry, shared by the timelines that show it.
  const timelineEntries = new TimelineEntries(dayLabels(language));

  // References.
  const names = entityNames(entityReferences(content, pages), language);
  const articleRefs = articleReferences(content, dateOf, pages, publications(content, pages).of);

  // Statements.
  const statements = buildStatements({
    articles: articleRefs.map(({ ref, body }) => ({ article: ref, spans: body.spans })),
    entityRef: (id: EntityId) => names.refs.get(id)!,
    dateOf,
    bag,
    records: content.claims,
    comparisonLimit: LIMITS.comparison,
    citationLimit: LIMITS.citations,
  });
  const byStatement = indexStatements(statements);

  // Counts: mentions per entity, and per article for the article views to build (under `serve`,
  // only the changed articles).
  const keptArticle = keptArticles(reuse);
  const counts = countMentions(articleRefs, names, (slug) => !keptArticle(slug));
  if (counters) counters.mentions += counts.total;

  // Article views, then fact-sheet views.
  const articles = articleViews({ articles: articleRefs, names, counts, statements: byStatement, kept: keptArticle, language });
  const kept = reuse ? untouchedEntities(reuse, articles, statements.claimById) : new Map<EntityId, EntityView>();
  const sentences = new SentenceIndex(language);
  const mentions = factSheetMentions(articleRefs, names, counts, kept, counters);
  const entities = entityViews({
    content,
    names,
    counts,
    mentions,
    statements: byStatement,
    kept,
    sentences,
    timelineEntries,
    counters,
  });
  if (counters) counters.sentenceWindows += sentences.segmented;

  // Timeline, and the whole.
  const extra = extraPages(content, pages, language);
  const site = siteView(content, dateOf, extra);
  return freezeCollections({
    site,
    summaryHtml: content.summary.html,
    articles,
    entities,
    ...entityGroups(entities, names, counts, site.catalogue),
    sources: groupBySource(articles, Infinity),
    publications: sourceViews({ content, articles, claims: statements.claims, claimById: statements.claimById, bag }),
    pages: extra,
    latestArticles: excerpt(articles, LIMITS.homeArticles, (a) => a),
    claims: statements.claims,
    quotes: statements.quotes,
    timeline: countTimeline(buildTimeline(statements.claims, statements.quotes, articles, Infinity, timelineEntries), counters),
    comparison: statements.comparison,
    stats: {
      articles: articles.length,
      entities: entities.length,
      mentions: counts.total,
      claims: statements.claims.length,
      quotes: statements.quotes.length,
    },
  });
}

/** The previous model's view of an article, when the edit left it as it was. */
function keptArticles(reuse: ModelReuse | undefined): (slug: ArticleSlug) => ArticleView | undefined {
  const previous = new Map(reuse?.previous.articles.map((a) => [a.slug as string, a]));
  return (slug) => (reuse && !reuse.changed.has(slug) ? previous.get(slug) : undefined);
}

/** Each day's heading, once per distinct day. */
function dayLabels(language: string): (day: string) => string {
  return memoized((day) => {
    const d = parseIsoDate(day);
    return 'error' in d ? day : formatDate(d, language);
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
