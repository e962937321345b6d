/**
 * New-entity proposals (src/import/propose.ts) on small hand-written texts: what is proposed,
 * its type, its occurrences as UTF-16 offsets into the text, and the ranking.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proposeEntities, type Candidate } from '../../src/import/propose.ts';

const none = { isKnown: () => false };
const propose = (text: string, known: readonly string[] = []): Candidate[] =>
  proposeEntities(text, { isKnown: (name) => known.includes(name) });
const byName = (cs: readonly Candidate[]): Map<string, Candidate> => new Map(cs.map((c) => [c.name, c]));
/** Each candidate as "name (type): the text at each occurrence". */
const shown = (text: string, cs: readonly Candidate[]): string[] =>
  cs.map((c) => `${c.name} (${c.type}): ${c.occurrences.map((o) => text.slice(o.offset, o.offset + o.length)).join(' | ')}`);

test('proposals: people, organisations and places, typed, with every occurrence', () => {
  const text =
    'The talks in Geneva were chaired by President Maria Okonkwo. ' +
    'Okonkwo told the Central Bank of Nigeria that Geneva was ready. ' +
    'Analysts at Lagos Freight Holdings said Okonkwo would return to Geneva on Monday.';
  const got = byName(propose(text));
  assert.deepEqual(shown(text, [got.get('Maria Okonkwo')!]), ['Maria Okonkwo (person): Maria Okonkwo | Okonkwo | Okonkwo']);
  assert.equal(got.get('Geneva')?.type, 'place');
  assert.equal(got.get('Geneva')?.occurrences.length, 3);
  assert.equal(got.get('Central Bank of Nigeria')?.type, 'organization');
  assert.equal(got.get('Lagos Freight Holdings')?.type, 'organization');
  // Not names: the sentence-initial "The" and "Analysts", the title, the weekday.
  for (const word of ['The', 'Analysts', 'President', 'Monday', 'President Maria Okonkwo']) assert.equal(got.has(word), false, word);
});

test('proposals: offsets are UTF-16 units of the text as given', () => {
  const text = '𝕏 fans 😀 met Ingrid Solberg in Tromsø.\nIngrid Solberg left.';
  const got = byName(propose(text));
  const solberg = got.get('Ingrid Solberg')!;
  assert.deepEqual(
    solberg.occurrences.map((o) => text.slice(o.offset, o.offset + o.length)),
    ['Ingrid Solberg', 'Ingrid Solberg'],
  );
  assert.equal(solberg.occurrences[0]!.offset, text.indexOf('Ingrid'));
  assert.deepEqual(shown(text, [got.get('Tromsø')!]), ['Tromsø (place): Tromsø']);
});

test('proposals: titles, possessives and nationalities are not part of names', () => {
  const text =
    "Japan’s Chief Cabinet Secretary Hirokazu Matsuno said Japan’s Coast Guard saw it. Russian officials and the Democratic People's Republic of Korea agreed.";
  const got = byName(propose(text));
  assert.equal(got.get('Hirokazu Matsuno')?.type, 'person');
  assert.equal(got.get('Coast Guard')?.type, 'organization');
  assert.equal(got.get('Japan')?.type, 'place');
  assert.ok(got.has("Democratic People's Republic of Korea"));
  for (const name of ['Cabinet', 'Chief', 'Russian', 'Japan’s', 'Korea']) assert.equal(got.has(name), false, name);
});

test('proposals: a sentence start counts only with other evidence', () => {
  const text = 'However, the board met. Kessler spoke first.\nLater Kessler and Wendt left. Yesterday it rained. Obviously nobody came.';
  const names = propose(text).map((c) => c.name);
  assert.ok(names.includes('Kessler'), 'capitalised inside a sentence elsewhere');
  assert.ok(names.includes('Wendt'));
  for (const word of ['However', 'Later', 'Yesterday', 'Obviously']) assert.equal(names.includes(word), false, word);
});

test('proposals: a headline in capitals keeps its names, not its words', () => {
  const text = 'FLOODS - NORTHUMBERLAND BRACED FOR STORMS AFTER NARROW ESCAPE\nNorthumberland and Cumbria wait.';
  const names = propose(text).map((c) => c.name);
  assert.ok(names.includes('Northumberland') && names.includes('Cumbria'));
  for (const word of ['FLOODS', 'BRACED', 'STORMS', 'AFTER', 'NARROW', 'ESCAPE', 'NORTHUMBERLAND BRACED FOR STORMS AFTER NARROW ESCAPE'])
    assert.equal(names.includes(word), false, word);
  const northumberland = propose(text).find((c) => c.name === 'Northumberland')!;
  assert.equal(northumberland.occurrences.length, 2, 'the headline mention and the one in the text');
});

test('proposals: known entities are not proposed, and are cut out of longer runs', () => {
  const text = 'Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome. Putin spoke.';
  const names = propose(text, ['Vladimir Putin', 'Putin', 'Kim Jong Un']).map((c) => c.name);
  assert.deepEqual(names, ['Vostochny Cosmodrome']);
  const cut = propose('Officials in Moscow Oblast Vremya agreed.', ['Moscow']).map((c) => c.name);
  assert.deepEqual(cut, ['Oblast Vremya']);
});

test('proposals: ranked by evidence, the repeated name first', () => {
  const text =
    'Astrid Lindqvist arrived. Reporters asked Astrid Lindqvist about Nordvik. Astrid Lindqvist smiled.\nMeanwhile Brekke waited.';
  const ranked = propose(text);
  assert.equal(ranked[0]!.name, 'Astrid Lindqvist');
  for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]!.score >= ranked[i]!.score, 'scores descend');
});

test('proposals: other languages use capitalisation alone', () => {
  const text = 'Der Kanzler traf Olaf Scholz in Berlin. Danach sprach Scholz.';
  const names = proposeEntities(text, { ...none, language: 'de' }).map((c) => c.name);
  assert.ok(names.includes('Olaf Scholz') && names.includes('Berlin'));
  assert.equal(names.includes('Der'), false);
});

test('proposals: no names, no proposals; hostile input stays fast', () => {
  assert.deepEqual(proposeEntities('', none), []);
  assert.deepEqual(proposeEntities('nothing here is capitalised.', none), []);
  const started = performance.now();
  proposeEntities('A'.repeat(50_000) + ' ' + "O'".repeat(20_000) + ' Ab'.repeat(20_000) + '-x'.repeat(20_000), none);
  assert.ok(performance.now() - started < 5_000);
});
