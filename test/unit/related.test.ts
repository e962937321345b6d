/**
 * A fact sheet's related entities: most shared paragraphs first, then in name order
 * (`relatedByWeight` in src/model/build-model.ts, which sorts packed numbers).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { relatedByWeight } from '../../src/model/build-model.ts';
import type { EntityId } from '../../src/types.ts';

/** The columns as one list of pairs, to compare. */
const asPairs = (r: ReturnType<typeof relatedByWeight>): { id: EntityId; weight: number }[] =>
  r.ids.map((id, i) => ({ id, weight: r.weights[i]! }));

test('related entities: by weight, ties in name order', () => {
  const inNameOrder = ['alpha', 'bravo', 'charlie', 'delta', 'echo'] as EntityId[];
  // rank → weight, in no particular order
  const weights = new Map([
    [3, 2],
    [1, 2],
    [0, 1],
    [2, 5],
    [4, 2],
  ]);
  assert.deepEqual(asPairs(relatedByWeight(weights, inNameOrder)), [
    { id: 'charlie', weight: 5 },
    { id: 'bravo', weight: 2 },
    { id: 'delta', weight: 2 },
    { id: 'echo', weight: 2 },
    { id: 'alpha', weight: 1 },
  ]);
  assert.deepEqual(asPairs(relatedByWeight(undefined, inNameOrder)), []);
  assert.equal(relatedByWeight(weights, inNameOrder).weights.length, 5);
});

test('related entities: the same as sorting objects by weight, then rank, for any weights', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 3000 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100_000_000 })), { maxLength: 200 }),
      (n, pairs) => {
        const inNameOrder = Array.from({ length: n }, (_, i) => `e${i}` as EntityId);
        const weights = new Map(pairs.map(([rank, weight]) => [rank % n, weight]));
        const expected = [...weights]
          .sort((a, b) => b[1] - a[1] || a[0] - b[0])
          .map(([rank, weight]) => ({ id: inNameOrder[rank]!, weight }));
        assert.deepEqual(asPairs(relatedByWeight(weights, inNameOrder)), expected);
      },
    ),
    { numRuns: 500 },
  );
});
