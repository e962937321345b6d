/**
 * After the annotate stage a text's mentions and blocks are kept in columns (`keptText` in
 * src/annotate/parse.ts): the entity each mention names, and its block, start and end; each
 * block's anchor and text; in document order, exactly as the parser recorded them; and they come
 * through a structured clone (the annotation worker's way back) unchanged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptText } from '../../src/annotate/parse.ts';
import { annotate } from '../helpers/annotate.ts';

test('kept text: the mentions in columns, in document order, with their places', () => {
  const body = [
    'Talks between [[Kim Jong Un]] and [[Putin]] in [[North Korea]].',
    '',
    '[[[Japan]] protested, and an [[Unknown Agency]] replied]{claim=c1}. [[Kim]] again.',
  ].join('\n');
  const result = annotate(body);
  assert.equal(result.mentions.length, 6);
  const kept = keptText(result);
  assert.deepEqual(
    kept.mentions.entities,
    result.mentions.map((m) => m.entity),
  );
  assert.deepEqual(
    [...kept.mentions.places],
    result.mentions.flatMap((m) => [m.block, m.start, m.end]),
  );
  // The second paragraph's mentions: block 1, places in its text.
  assert.deepEqual(kept.mentions.entities.slice(3), ['japan', 'unknown-agency', 'kim-jong-un']);
  assert.equal(kept.blocks.texts[1]!.slice(kept.mentions.places[5 * 3 + 1], kept.mentions.places[5 * 3 + 2]), 'Kim');
  // The blocks in columns: anchors and plain texts, in order.
  assert.deepEqual(kept.blocks.anchors, ['p-1', 'p-2']);
  assert.deepEqual(
    kept.blocks.texts,
    result.blocks.map((b) => b.text),
  );
  // Everything else is the parser's own.
  assert.equal(kept.html, result.html);
  assert.equal(kept.spans, result.spans);
  assert.deepEqual(structuredClone(kept), kept);
});

test('kept text: a text without mentions', () => {
  const kept = keptText(annotate('Nothing named here.'));
  assert.deepEqual(kept.mentions.entities, []);
  assert.equal(kept.mentions.places.length, 0);
  assert.deepEqual(kept.blocks.texts, ['Nothing named here.']);
});
