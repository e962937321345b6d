import type { Model } from '../model/types.ts';

/** One export: its path, the model's views it has a row for, and the row of one view. */
export interface ExportTable<T extends object = object> {
  readonly file: string;
  readonly items: readonly T[];
  readonly row: (item: T) => unknown;
}

const table = <T extends object>(file: string, items: readonly T[], row: (item: T) => unknown): ExportTable => ({
  file,
  items,
  row: row as (item: object) => unknown,
});

/**
 * The machine-readable exports of FORMAT.md §4, each a JSON array at a fixed path. Field names
 * and order follow the contract exactly; optional fields are left out when absent. A row is made
 * from its own view only (so it may be remembered for as long as the view lives; see emit.ts).
 */
export function exportTables(model: Model): ExportTable[] {
  return [
    table('data/articles.json', model.articles, (a) => ({
      slug: a.slug,
      title: a.title,
      source: a.source,
      published: a.published.iso,
      ...(a.url ? { url: a.url } : {}),
      page: a.page,
      entities: a.entities.map((e) => e.id).sort(),
    })),
    table('data/entities.json', model.entities, (e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      page: e.page,
      mentionCount: e.mentionCount,
      articles: e.articleSlugs,
      related: Array.from(e.relatedWeights.ids, (id, i) => ({ id, weight: e.relatedWeights.weights[i]! })),
      ...(e.stub ? { stub: true } : {}),
    })),
    table('data/claims.json', model.claims, (c) => ({
      id: c.id,
      reports: c.reports.map((r) => ({ article: r.article.slug, text: r.text, ...(r.date ? { date: r.date.iso } : {}) })),
      subjects: c.subjects.map((s) => s.id),
      sourceCount: c.sourceCount,
      conflicts: c.conflicts.map((x) => x.id),
      // v2, from the claim's record only: without one, `statement` in the view is a report's words.
      ...(c.statementHtml ? { statement: c.statement } : {}),
      ...(c.credibility ? { credibility: c.credibility.value } : {}),
    })),
    table('data/sources.json', model.publications, (s) => ({
      ...(s.id ? { id: s.id } : {}),
      name: s.name,
      page: s.page,
      articles: s.articleSlugs,
      ...(s.reliability ? { reliability: s.reliability.letter } : {}),
    })),
    table('data/quotes.json', model.quotes, (q) => ({
      speaker: q.speaker.id,
      article: q.article.slug,
      text: q.text,
      ...(q.date ? { date: q.date.iso } : {}),
    })),
  ];
}
