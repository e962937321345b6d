/**
 * The annotation worker sends each text's mentions in columns (`packResult` in
 * src/annotate/parallel.ts) and this thread makes the objects again (`unpackResult`): what comes
 * out must be exactly what went in, through a real structured clone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { packResult, textAnnotator, unpackResult, type BodyResult } from '../../src/annotate/parallel.ts';
import type { MentionRecord } from '../../src/annotate/context.ts';
import type { EntityId } from '../../src/types.ts';
import { FIXTURE_ENTITIES, makeRegistry } from '../helpers/annotate.ts';

const roundTrip = (r: BodyResult): BodyResult => unpackResult(structuredClone(packResult(r)));

test('packed mentions: a real annotated body comes back the same, stubs and positions included', () => {
  const annotate = textAnnotator(makeRegistry(FIXTURE_ENTITIES).snapshot(), '../');
  const body = [
    'Talks between [[Kim Jong Un]] and [[Putin]] in [[North Korea]].',
    '',
    '[[[Japan]] protested, and an [[Unknown Agency]] replied]{claim=c1}.',
  ].join('\n');
  const [result] = annotate({ source: { path: '/content/articles/a.md' }, body, bodyLineOffset: 4 });
  assert.ok(result);
  assert.equal(result.text.mentions.length, 5);
  assert.ok(result.text.mentions.some((m) => m.stub));
  assert.deepEqual(roundTrip(result), result);
});

test('packed mentions: any mentions, in one file or several, come back the same', () => {
  // Plain objects, as the annotator makes them (fast-check's records have no prototype).
  const mention = fc.record(
    {
      entity: fc.string().map((s) => s as EntityId),
      target: fc.string(),
      shown: fc.string(),
      stub: fc.boolean(),
      at: fc.record(
        {
          file: fc.constantFrom('/c/articles/a.md', '/c/entities/b.md', ''),
          line: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          column: fc.integer({ min: 1, max: 100_000 }),
        },
        { noNullPrototype: true },
      ),
      block: fc.nat({ max: 100_000 }),
      start: fc.nat({ max: 1_000_000 }),
      end: fc.nat({ max: 1_000_000 }),
    },
    { noNullPrototype: true },
  );
  fc.assert(
    fc.property(fc.array(mention, { maxLength: 40 }), (mentions: MentionRecord[]) => {
      const result: BodyResult = { text: { html: '<p>x</p>', mentions, spans: [], blocks: [] }, diagnostics: [], stubs: [] };
      assert.deepEqual(roundTrip(result), result);
    }),
  );
});
