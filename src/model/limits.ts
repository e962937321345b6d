import type { EntityType } from '../types.ts';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
  object: 'Objects',
  topic: 'Topics',
};

/** How many entities of each type the home page lists. */
export const KEY_ENTITIES_PER_TYPE = 8;

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
