import type { EntityRole } from '../annotate/span-keys.ts';
import type { ClaimId, EntityId } from '../types.ts';
import type { ArticleView, ClaimView, Model } from './types.ts';

/**
 * Entities whose fact sheets show something of these articles: the entities they mention, the
 * speakers of their quotes, the subjects of the claims they report and of the claims those
 * contradict. An edit of the articles changes no other fact sheet.
 */
export function touchedEntities(model: Pick<Model, 'articles' | 'claims'>, slugs: ReadonlySet<string>): Set<EntityId> {
  return touchedBy(model.articles, new Map(model.claims.map((c) => [c.id, c])), slugs);
}

/**
 * Where the entities a span key names (by its role, src/annotate/span-keys.ts) reach an article's
 * view: a role added there fails to compile here until its fact sheets are followed.
 */
const BY_ROLE: { readonly [R in EntityRole]: (a: ArticleView, claims: ReadonlyMap<ClaimId, ClaimView>, ids: Set<EntityId>) => void } = {
  speaker: (a, _claims, ids) => {
    for (const q of a.quotes) ids.add(q.speaker.id);
  },
  subject: (a, claims, ids) => {
    for (const ref of a.claims) {
      const claim = claims.get(ref.id);
      for (const s of claim?.subjects ?? []) ids.add(s.id);
      for (const other of claim?.conflicts ?? []) for (const s of claims.get(other.id)?.subjects ?? []) ids.add(s.id);
    }
  },
};

const FOLLOW = Object.values(BY_ROLE);

export function touchedBy(
  articles: readonly ArticleView[],
  claims: ReadonlyMap<ClaimId, ClaimView>,
  slugs: ReadonlySet<string>,
): Set<EntityId> {
  const ids = new Set<EntityId>();
  for (const a of articles) {
    if (!slugs.has(a.slug)) continue;
    for (const e of a.entities) ids.add(e.id);
    for (const follow of FOLLOW) follow(a, claims, ids);
  }
  return ids;
}
