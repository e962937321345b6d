/**
 * The shared claim pool. Claim ids are drawn per article with a Zipf skew, so a few facts are
 * reported by dozens of sources and most by one: that is what makes claims.json and the per-claim
 * source counts non-trivial to build.
 */
import { isoDate, randomDay } from './dates.ts';
import { slugify, type Entity } from './entities.ts';
import { mention } from './prose.ts';
import { Zipf, type Rng } from './rng.ts';
import * as W from './words.ts';

export interface Claim {
  readonly id: string;
  /** Entities mentioned inside the claim text; the article must mention them anyway. */
  readonly subjects: readonly Entity[];
  /** When the stated event happened (the span's `date=`). */
  readonly date: string;
  readonly verb: string;
  readonly object: string;
  readonly detail: string;
}

export function makeClaims(count: number, entities: readonly Entity[], rng: Rng): Claim[] {
  const byRank = new Zipf(entities.length, 1);
  const claims: Claim[] = [];
  for (let i = 0; i < count; i++) {
    const first = entities[byRank.sample(rng)] as Entity;
    const subjects = [first];
    if (rng.chance(0.4)) {
      const second = entities[byRank.sample(rng)] as Entity;
      if (second !== first) subjects.push(second);
    }
    const object = rng.pick(W.CLAIM_OBJECTS);
    const detail = rng.chance(0.5)
      ? ` worth ${rng.range(2, 950)} ${rng.pick(['million dollars', 'million euros', 'billion dollars'])}`
      : '';
    claims.push({
      // Readable and unique: "a-grain-export-deal" + subject id + sequence number.
      id: `${slugify(object.replace(/^an? /, ''))}-${first.id}-${i}`,
      subjects,
      date: isoDate(randomDay(rng, '2023-01-01', '2024-12-20')),
      verb: rng.pick(W.CLAIM_VERBS),
      object,
      detail,
    });
  }
  return claims;
}

/**
 * One report of the claim as an attribute span. The wording is fixed per claim, so reports agree;
 * only the mention spellings differ between articles. `seen` tracks first mentions.
 */
export function claimSpan(claim: Claim, rng: Rng, seen: Set<Entity>): string {
  const m = claim.subjects.map((e) => {
    const s = mention(e, rng, !seen.has(e));
    seen.add(e);
    return s;
  });
  const partner = m[1] !== undefined ? ` with ${m[1]}` : '';
  const text = `${m[0] ?? ''} ${claim.verb} ${claim.object}${partner}${claim.detail}`;
  return `[${text}]{claim=${claim.id} date=${claim.date}}`;
}
