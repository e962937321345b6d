/** How many entities of each type the home page lists (the most mentioned; the rest are on the entity index). */
export const KEY_ENTITIES_PER_TYPE = 5;

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
  /** On a publication's own page: its reports, and each list of its claims. */
  sourceReports: 100,
  sourceClaims: 50,
  homeArticles: 50,
} as const;

/**
 * How many items of each of a fact sheet's long lists show before the rest is folded into a
 * `<details>` "Show all …" (docs/format.md): about a screenful each, so the page stays short and
 * every item stays on it.
 */
export const FOLDS = {
  disputes: 2,
  corroborated: 2,
  singleSource: 4,
  quotes: 2,
  mentionReports: 1,
  timelineEntries: 4,
  related: 5,
} as const;
