import type { Model } from '../model/types.ts';

/**
 * The machine-readable exports of FORMAT.md §4, each a JSON array at a fixed path. Field names
 * and order follow the contract exactly; optional fields are left out when absent.
 */
export function exportsOf(model: Model): Record<string, unknown[]> {
  return {
    'data/articles.json': model.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      source: a.source,
      published: a.published.iso,
      ...(a.url ? { url: a.url } : {}),
      page: a.page,
      entities: a.entities.map((e) => e.id).sort(),
    })),
    'data/entities.json': model.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      page: e.page,
      mentionCount: e.mentionCount,
      articles: e.articleSlugs,
      related: e.relatedWeights,
    })),
    'data/claims.json': model.claims.map((c) => ({
      id: c.id,
      reports: c.reports.map((r) => ({ article: r.article.slug, text: r.text, ...(r.date ? { date: r.date.iso } : {}) })),
      subjects: c.subjects.map((s) => s.id),
      sourceCount: c.sourceCount,
      conflicts: c.conflicts.map((x) => x.id),
    })),
    'data/quotes.json': model.quotes.map((q) => ({
      speaker: q.speaker.id,
      article: q.article.slug,
      text: q.text,
      ...(q.date ? { date: q.date.iso } : {}),
    })),
  };
}
