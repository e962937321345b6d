/** The sentence around a mention (src/model/snippets.ts), as a fact sheet shows it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceIndex } from '../../src/model/snippets.ts';

const at = (text: string, shown: string): [number, number] => {
  const start = text.indexOf(shown);
  return [start, start + shown.length];
};

test('a snippet is the sentence around the mention, escaped, the mention marked', () => {
  const text = 'First one. The <Kremlin> said so & more. Last one.';
  const snippet = new SentenceIndex('en').snippet(text, ...at(text, '<Kremlin>'));
  assert.equal(snippet, 'The <mark>&lt;Kremlin&gt;</mark> said so &amp; more.');
});

test('a mention across a sentence boundary the segmenter guessed keeps both sentences', () => {
  // ICU breaks after "Mr." before a capital: the mention starts in one sentence and ends in the next.
  const text = 'Earlier news. He met Mr. Smith today. Then he left.';
  const snippet = new SentenceIndex('en').snippet(text, ...at(text, 'Mr. Smith'));
  assert.equal(snippet, 'He met <mark>Mr. Smith</mark> today.');
});

test('a long sentence is cut 160 characters either side of the mention', () => {
  const words = 'word '.repeat(100);
  const text = `${words}Target ${words}end.`;
  const snippet = new SentenceIndex('en').snippet(text, ...at(text, 'Target'));
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet);
  assert.ok(snippet.includes('<mark>Target</mark>'));
  assert.ok(snippet.length <= 2 * 160 + '<mark>Target</mark>'.length + 2);
});
