import type { ArticleSlug, EntityId } from '../types.ts';
import { LIMITS } from './limits.ts';
import type { ArticleInput, EntityNames } from './references.ts';
import type { ArticleRef, EntityView, RelatedWeights } from './types.ts';

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
 * How many of the distinct entities named before it in a paragraph each entity is related to.
 * Relating every pair is quadratic in the paragraph: one paragraph naming 6,000 entities made 18
 * million pairs and ran out of memory. A window of neighbours makes at most this many pairs per
 * mention, whatever the input, and changes nothing for a paragraph naming up to 21 entities; news
 * paragraphs name a handful (at most 9 in the example briefing, 6 in the benchmark corpus).
 */
export const RELATED_WINDOW = 20;

/** Mentions counted per entity, and per article for the articles whose views are built. */
export interface MentionCounts {
  readonly perEntity: Map<EntityId, number>;
  readonly perArticle: Map<ArticleSlug, Map<EntityId, number>>;
  readonly total: number;
  /** Each article's mentions' name ranks, in order (by the articles' index): looked up once, read twice. */
  readonly ranks: readonly Int32Array[];
}

/** An entity in one article: the article, the mentions its fact sheet may show, how many there are. */
export interface EntityInArticle {
  readonly article: ArticleRef;
  readonly mentions: RawMention[];
  count: number;
}

/** A mention waiting for its snippet: only the ones a page shows are ever cut out. */
export interface RawMention {
  /** Its block's plain text and anchor. */
  readonly text: string;
  readonly anchor: string;
  readonly start: number;
  readonly end: number;
}

/** What the fact sheets are built from: each entity's mentions by article, and co-occurrence. */
export interface FactSheetMentions {
  /** Each entity's articles, in the order met (newest first), with the mentions to show. */
  readonly byEntity: Map<EntityId, EntityInArticle[]>;
  /** By name rank: related[rank of a] maps the rank of b to their shared paragraphs. */
  readonly related: (Map<number, number> | undefined)[];
}

/**
 * Counts every mention, per entity and, for the articles `builds` says are built, per article.
 * The counts run in arrays indexed by name rank (an article's own, stamped with the article), so
 * a mention costs one map lookup, its rank; the maps are made once per entity and per article.
 */
export function countMentions(
  articles: readonly ArticleInput[],
  names: Pick<EntityNames, 'nameRank' | 'inNameOrder'>,
  builds: (slug: ArticleSlug) => boolean,
): MentionCounts {
  const { nameRank, inNameOrder } = names;
  const perRank = new Int32Array(inNameOrder.length);
  const inArticle = new Int32Array(inNameOrder.length).fill(-1);
  const inThisArticle = new Int32Array(inNameOrder.length);
  const perArticle = new Map<ArticleSlug, Map<EntityId, number>>();
  const distinct: number[] = [];
  const ranks: Int32Array[] = [];
  let total = 0;
  articles.forEach(({ ref, body }, article) => {
    const built = builds(ref.slug);
    const mentions = body.mentions.entities;
    const own = (ranks[article] = new Int32Array(mentions.length));
    for (let i = 0; i < mentions.length; i++) {
      const rank = (own[i] = nameRank.get(mentions[i]!)!);
      total++;
      perRank[rank]!++;
      if (!built) continue;
      if (inArticle[rank] !== article) {
        inArticle[rank] = article;
        inThisArticle[rank] = 0;
        distinct.push(rank);
      }
      inThisArticle[rank]!++;
    }
    if (!built) return;
    // In order of first mention, as the counting by map gave them.
    perArticle.set(ref.slug, new Map(distinct.map((rank) => [inNameOrder[rank]!, inThisArticle[rank]!])));
    distinct.length = 0;
  });
  const perEntity = new Map<EntityId, number>();
  perRank.forEach((count, rank) => {
    if (count > 0) perEntity.set(inNameOrder[rank]!, count);
  });
  return { perEntity, perArticle, total, ranks };
}

/**
 * One pass over every mention for the fact sheets to build (under `serve`, only those an edit
 * touches, the others being in `kept`): snippets to cut and co-occurrence in paragraphs.
 * Co-occurrence is by name rank, numbers, not ids, so that ranking an entity's related ones needs
 * no lookups (relatedByWeight). Half a million mentions at 10,000 articles: the state per entity
 * lives in arrays indexed by name rank, stamped with the article or paragraph it belongs to, so a
 * mention costs one map lookup (its rank) and no collection is made per paragraph or per article.
 */
export function factSheetMentions(
  articles: readonly ArticleInput[],
  names: EntityNames,
  counts: Pick<MentionCounts, 'ranks'>,
  kept: ReadonlyMap<EntityId, EntityView>,
  counters: { pairs: number } | undefined,
): FactSheetMentions {
  const { nameRank, inNameOrder } = names;
  const state = new RankState(inNameOrder.length);
  const related: (Map<number, number> | undefined)[] = [];
  const keptRank = new Uint8Array(inNameOrder.length);
  for (const id of kept.keys()) keptRank[nameRank.get(id)!] = 1;
  const paragraph: number[] = [];
  let stamp = 0;
  articles.forEach(({ ref, body }, article) => {
    const { entities: ids, places } = body.mentions;
    if (kept.size > 0 && ids.every((id) => kept.has(id))) return;
    const order = blockOrder(places, ids.length);
    for (let k = 0; k < ids.length; k++) {
      const i = order ? order[k]! : k;
      const entity = ids[i]!;
      const rank = counts.ranks[article]![i]!;
      const block = places[i * 3]!;
      if (block !== state.block) {
        relateInParagraph(paragraph, related, keptRank, counters);
        paragraph.length = 0;
        state.block = block;
        stamp++;
      }
      if (state.inParagraph[rank] !== stamp) {
        state.inParagraph[rank] = stamp;
        paragraph.push(rank);
      }
      if (keptRank[rank]) continue;
      const entry = state.entry(rank, article, ref, entity);
      entry.count++;
      // Only the mentions a fact sheet shows are kept: its first few in each of the entity's latest
      // articles (articles come newest first, so those are the first ones met). A popular entity's
      // other mentions, most of all of them, are only counted.
      if (entry.mentions.length < LIMITS.snippetsPerArticle && state.articles[rank]! <= LIMITS.articlesWithSnippets) {
        entry.mentions.push({
          text: body.blocks.texts[block]!,
          anchor: body.blocks.anchors[block]!,
          start: places[i * 3 + 1]!,
          end: places[i * 3 + 2]!,
        });
      }
    }
    relateInParagraph(paragraph, related, keptRank, counters);
    paragraph.length = 0;
    state.block = -1;
    stamp++;
  });
  return { byEntity: state.byEntity, related };
}

/** Per name rank: the entity's entry in the current article, its article count, its last paragraph. */
class RankState {
  readonly byEntity = new Map<EntityId, EntityInArticle[]>();
  /** The paragraph (a stamp) each entity was last met in: a paragraph's distinct entities. */
  readonly inParagraph: Int32Array;
  readonly articles: Int32Array;
  readonly #inArticle: Int32Array;
  readonly #entries: (EntityInArticle | undefined)[];
  /** The block of the mention before, in the current article. */
  block = -1;

  constructor(size: number) {
    this.inParagraph = new Int32Array(size).fill(-1);
    this.articles = new Int32Array(size);
    this.#inArticle = new Int32Array(size).fill(-1);
    this.#entries = new Array<EntityInArticle | undefined>(size);
  }

  /** The entity's entry in this article, made at its first mention there. */
  entry(rank: number, article: number, ref: ArticleRef, entity: EntityId): EntityInArticle {
    if (this.#inArticle[rank] === article) return this.#entries[rank]!;
    const entry: EntityInArticle = { article: ref, mentions: [], count: 0 };
    this.#inArticle[rank] = article;
    this.#entries[rank] = entry;
    this.articles[rank]!++;
    const list = this.byEntity.get(entity);
    if (list) list.push(entry);
    else this.byEntity.set(entity, [entry]);
    return entry;
  }
}

/**
 * The mentions' indexes with each paragraph's together, or undefined when they are already (a
 * body is read top to bottom), so this only sorts should a body ever list them otherwise: a
 * stable sort keeps each paragraph's first-named order.
 */
function blockOrder(places: ArrayLike<number>, count: number): number[] | undefined {
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) sorted = places[i * 3]! >= places[(i - 1) * 3]!;
  if (sorted) return undefined;
  return Array.from({ length: count }, (_, i) => i).sort((a, b) => places[a * 3]! - places[b * 3]!);
}

/**
 * Related entities: weighted by the number of paragraphs two entities share, each entity paired
 * with the RELATED_WINDOW distinct ones named before it (`ranks` in first-named order).
 */
function relateInParagraph(
  ranks: readonly number[],
  related: (Map<number, number> | undefined)[],
  keptRank: Uint8Array,
  counters: { pairs: number } | undefined,
): void {
  for (let i = 1; i < ranks.length; i++) {
    for (let j = Math.max(0, i - RELATED_WINDOW); j < i; j++) {
      if (!keptRank[ranks[i]!]) bump(related, ranks[i]!, ranks[j]!);
      if (!keptRank[ranks[j]!]) bump(related, ranks[j]!, ranks[i]!);
      if (counters) counters.pairs++;
    }
  }
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
