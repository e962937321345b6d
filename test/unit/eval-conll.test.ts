/**
 * The CoNLL-2003 reader and scorer of `npm run eval:ner` (bench/lib/conll.ts), on a hand-written
 * snippet in the format (no benchmark text: its licence forbids redistribution).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addScores, parseConll, score } from '../../bench/lib/conll.ts';

const SNIPPET = [
  '-DOCSTART- -X- O O',
  '',
  'Anna NNP I-NP I-PER',
  'Berg NNP I-NP I-PER',
  'met VBD I-VP O',
  'Carl NNP I-NP I-PER',
  'Dahl NNP I-NP B-PER',
  'in IN I-PP O',
  'Oslo NNP I-NP I-LOC',
  '. . O O',
  '',
  'Norsk NNP I-NP I-ORG',
  'Hydro NNP I-NP I-ORG',
  'rose VBD I-VP O',
  '-DOCSTART- -X- O O',
  'Kiel NNP I-NP I-LOC',
  '',
].join('\n');

test('eval:ner: CoNLL documents rebuilt as text, IOB1 spans as offsets', () => {
  const docs = parseConll(SNIPPET);
  assert.equal(docs.length, 2);
  const doc = docs[0]!;
  assert.equal(doc.text, 'Anna Berg met Carl Dahl in Oslo .\nNorsk Hydro rose');
  assert.deepEqual(
    doc.gold.map((g) => `${doc.text.slice(g.start, g.end)}/${g.type}`),
    // B-PER starts a second name right after the first ("Carl" and "Dahl" are two people).
    ['Anna Berg/PER', 'Carl/PER', 'Dahl/PER', 'Oslo/LOC', 'Norsk Hydro/ORG'],
  );
  assert.deepEqual(doc.sentenceStarts, [0, 8]);
  assert.equal(docs[1]!.text, 'Kiel');
});

test('eval:ner: exact-span scores, typed and untyped', () => {
  const gold = [
    { start: 0, end: 9, type: 'PER' },
    { start: 27, end: 31, type: 'LOC' },
  ];
  const predicted = [
    { start: 0, end: 9, type: 'ORG' },
    { start: 27, end: 31, type: 'LOC' },
    { start: 14, end: 18, type: 'PER' },
  ];
  const untyped = score(gold, predicted, false);
  assert.deepEqual([untyped.correct, untyped.predicted, untyped.gold], [2, 3, 2]);
  const typed = score(gold, predicted, true);
  assert.equal(typed.correct, 1);
  const total = addScores([typed, untyped]);
  assert.equal(total.precision, 3 / 6);
  assert.equal(total.recall, 3 / 4);
});
