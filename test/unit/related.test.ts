/**
 * A fact sheet's related entities: most shared paragraphs first, then in name order
 * (`relatedByWeight` in src/model/build-model.ts, which sorts packed numbers), and which pairs a
 * paragraph contributes (`RELATED_WINDOW`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/index.ts';
import { RELATED_WINDOW, relatedByWeight } from '../../src/model/build-model.ts';
import type { EntityId } from '../../src/types.ts';
import { tempDir, writeTree } from '../helpers/site.ts';

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

test('related entities: every pair of an ordinary paragraph; in a crowded one, each entity with the RELATED_WINDOW named before it', async () => {
  const dir = await tempDir();
  try {
    const input = path.join(dir, 'content');
    const crowd = Array.from({ length: RELATED_WINDOW + 3 }, (_, i) => `[[Person ${i}]]`);
    await writeTree(input, {
      'briefing.md': '---\ntitle: Related\n---\nSummary.\n',
      'articles/a.md': [
        '---\ntitle: A\nsource: Wire\npublished: 2023-09-13\n---',
        // An ordinary paragraph: every pair, a repeated name counted once.
        '[[Person 0]] met [[Person 1]], [[Person 2]] and [[Person 0]] again.',
        '',
        `Present: ${crowd.join(', ')}, and [[Person 0]] once more.`,
        '',
      ].join('\n'),
    });
    const result = await analyze({ input });
    assert.equal(result.ok, true);
    const weight = (a: number, b: number): number | undefined => {
      const e = result.model!.entities.find((x) => x.id === `person-${a}`)!;
      const i = e.relatedWeights.ids.indexOf(`person-${b}` as EntityId);
      return i < 0 ? undefined : e.relatedWeights.weights[i];
    };
    // Both paragraphs: 0, 1 and 2 share two.
    assert.equal(weight(0, 1), 2);
    assert.equal(weight(2, 1), 2);
    assert.equal(weight(0, 2), 2);
    // Within the window (in the order first named), both ways; past it, not.
    assert.equal(weight(0, RELATED_WINDOW), 1);
    assert.equal(weight(RELATED_WINDOW, 0), 1);
    assert.equal(weight(0, RELATED_WINDOW + 1), undefined);
    assert.equal(weight(RELATED_WINDOW + 1, 0), undefined);
    assert.equal(weight(RELATED_WINDOW + 2, 2), 1);
    assert.equal(weight(RELATED_WINDOW + 2, 1), undefined);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
