/**
 * templates/assets/search-options.js splits words in two steps (ASCII separators first, then
 * Unicode ones inside non-ASCII pieces) for speed. The tokens must be exactly those of the plain
 * definition: split at every run of white space, punctuation and symbols, plus overlapping pairs
 * of Han and kana runs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { searchOptions } from '../../src/emit/search.ts';

const { tokenize } = searchOptions();
// Copied into this realm: the options run in a sandbox (searchOptions), whose arrays have another prototype.
const call = (text: string): string[] => Array.from(tokenize!(text, 'text') as string[]);

/** The definition, as the tokenizer was first written. */
function reference(text: string): string[] {
  const tokens = text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
  for (const run of text.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g) ?? []) {
    for (let j = 0; j + 1 < run.length; j++) tokens.push(run.slice(j, j + 2));
  }
  return tokens;
}

test('every ASCII character is a separator for the fast split exactly when it is one for the definition', () => {
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    assert.deepEqual(call(`a${ch}b`), reference(`a${ch}b`), `U+${c.toString(16).padStart(4, '0')}`);
  }
});

test('tokens equal the definition on random text mixing ASCII, Latin, typographic, CJK and odd white space', () => {
  const alphabet = [
    ...'abcXYZ019 ,.-\'"!?()/:;_\t\n',
    ...'éüßÖıć“”‘’—–…€£°·¿¡',
    ...'金正恩ひらがなカタカナ한국어',
    '\u00a0',
    '\u2028',
    '\u2029',
    '\u3000',
    '\ufeff',
    '\u200b',
    '\u0301',
    '\u{1F600}',
    // Lone surrogates: text that is not well-formed UTF-16 still splits alike.
    '\ud800',
    '\udc00',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (chars) => {
      const text = chars.join('');
      assert.deepEqual(call(text), reference(text));
    }),
    { numRuns: 5000 },
  );
});

test('tokens equal the definition on full-length random Unicode text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      assert.deepEqual(call(text), reference(text));
    }),
    { numRuns: 3000 },
  );
});
