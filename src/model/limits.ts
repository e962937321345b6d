import type { EntityType } from '../types.ts';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
  object: 'Objects',
  topic: 'Topics',
};

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
  homeArticles: 50,
} as const;
