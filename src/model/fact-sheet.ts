import type { ClaimId } from '../types.ts';
import { FOLDS } from './limits.ts';
import type {
  ArticleMentions,
  ClaimView,
  Dispute,
  Excerpt,
  FactSheetLayout,
  Fold,
  QuoteView,
  TimelineDay,
  WeightedEntity,
} from './types.ts';

/** What a fact sheet's layout is made from: the entity's lists as its view caps them. */
export interface LayoutInput {
  readonly facts: Excerpt<ClaimView>;
  readonly quotes: Excerpt<QuoteView>;
  readonly mentions: Excerpt<ArticleMentions>;
  readonly timeline: Excerpt<TimelineDay>;
  readonly related: Excerpt<WeightedEntity>;
  readonly claimById: ReadonlyMap<ClaimId, ClaimView>;
}

/**
 * A fact sheet as a reader scans it: the disputed facts first, each with the facts that contradict
 * it (both sides), then the facts several sources report, then the single-source ones as a compact
 * list; every long list split into the first few items and the rest, which the page folds into a
 * `<details>` (FOLDS). Nothing is dropped: each item is in `shown` or in `folded`. Linear in the
 * entity's facts.
 */
export function factSheetLayout(input: LayoutInput): FactSheetLayout {
  const disputes: Dispute[] = [];
  const corroborated: ClaimView[] = [];
  const single: ClaimView[] = [];
  // A fact shown as the other side of a dispute is not shown again on its own.
  const inDispute = new Set<ClaimId>();
  for (const c of input.facts.items) {
    if (c.status !== 'disputed') continue;
    if (inDispute.has(c.id)) continue;
    inDispute.add(c.id);
    const others: ClaimView[] = [];
    for (const ref of c.conflicts) {
      const other = input.claimById.get(ref.id);
      if (!other || inDispute.has(other.id)) continue;
      inDispute.add(other.id);
      others.push(other);
    }
    disputes.push({ claim: c, others });
  }
  for (const c of input.facts.items) {
    if (c.status === 'disputed') continue;
    (c.sourceCount > 1 ? corroborated : single).push(c);
  }
  return {
    disputes: fold(disputes, FOLDS.disputes),
    corroborated: fold(corroborated, FOLDS.corroborated),
    singleSource: fold(single, FOLDS.singleSource),
    quotes: fold(input.quotes.items, FOLDS.quotes),
    mentions: fold(input.mentions.items, FOLDS.mentionReports),
    timeline: foldDays(input.timeline.items, FOLDS.timelineEntries),
    related: fold(input.related.items, FOLDS.related),
  };
}

/** The first `n` items, and the rest. */
function fold<T>(items: readonly T[], n: number): Fold<T> {
  return items.length > n
    ? { shown: items.slice(0, n), folded: items.slice(n), total: items.length }
    : { shown: items, folded: [], total: items.length };
}

/**
 * Days split after `n` entries: a day cut in two is in both halves, each with its own entries, so
 * the folded part reads on under the same day's heading.
 */
function foldDays(days: readonly TimelineDay[], n: number): Fold<TimelineDay> {
  const shown: TimelineDay[] = [];
  const folded: TimelineDay[] = [];
  let left = n;
  let total = 0;
  for (const d of days) {
    total += d.entries.length;
    if (left >= d.entries.length) {
      shown.push(d);
      left -= d.entries.length;
    } else if (left > 0) {
      shown.push({ day: d.day, label: d.label, entries: d.entries.slice(0, left) });
      folded.push({ day: d.day, label: d.label, entries: d.entries.slice(left) });
      left = 0;
    } else folded.push(d);
  }
  return { shown, folded, total };
}
