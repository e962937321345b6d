/** How many entities of each type the home page lists (the most mentioned; the rest are on the entity index). */
export const KEY_ENTITIES_PER_TYPE = 5;

/**
 * Caps on a page's long lists (docs/format.md); the exports always hold everything. A fact sheet
 * is read, not searched: its mentions in context come from the entity's latest reports and its
 * timeline shows the latest entries, what a reader takes in on one page (every report is listed
 * under Sources and on the publications' pages). Each cap also bounds a popular entity's page:
 * at 10,000 articles the snippets and timeline entries of 2,000 fact sheets were the model's and
 * the pages' largest share of the work (docs/performance.md).
 */
export const LIMITS = {
  articlesWithSnippets: 10,
  snippetsPerArticle: 3,
  facts: 30,
  quotes: 30,
  related: 30,
  timelineEntries: 50,
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
  singleSource: 3,
  quotes: 2,
  mentionReports: 1,
  timelineEntries: 4,
  related: 5,
} as const;
