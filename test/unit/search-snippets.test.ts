/**
 * The search page's snippets (`excerpt` in templates/assets/search-options.js, which the page
 * loads): the part of a long text around the first match starts and ends at a word boundary, with
 * an ellipsis where the text goes on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';
import fc from 'fast-check';

type Excerpt = (text: string, terms: string[]) => string;
const sandbox: { BriefingSearchExcerpt?: Excerpt } = {};
vm.runInNewContext(readFileSync('templates/assets/search-options.js', 'utf8'), sandbox);
const excerpt = sandbox.BriefingSearchExcerpt!;

const TEXT =
  'North Korean leader Kim Jong Un met Russian President Vladimir Putin at the Vostochny Cosmodrome in Russia’s Amur province on Wednesday, ' +
  'the day North Korea fired two short-range ballistic missiles off its east coast; the report covers the Kremlin’s and both leaders’ remarks ' +
  'and Japan’s protest through diplomatic channels in Beijing, and what each side hopes to gain from the meeting.';

test('a snippet from the middle of a long text starts and ends with whole words, and says it is cut', () => {
  const s = excerpt(TEXT, ['ballistic']);
  assert.match(s, /^…\S/);
  assert.match(s, /\S…$/);
  assert.ok(s.includes('ballistic'));
  const inner = s.slice(1, -1);
  assert.ok(TEXT.includes(inner), 'a stretch of the text');
  const at = TEXT.indexOf(inner);
  assert.match(TEXT.charAt(at - 1), /\s/, `starts at a word: “${inner.slice(0, 20)}”`);
  assert.match(TEXT.charAt(at + inner.length), /\s/, `ends at a word: “${inner.slice(-20)}”`);
});

test('a short text is shown whole, and a text without the term starts at the beginning', () => {
  assert.equal(excerpt('Kim met Putin.', ['putin']), 'Kim met Putin.');
  const s = excerpt(TEXT, ['nowhere']);
  assert.ok(TEXT.startsWith(s.slice(0, -1)));
  assert.match(TEXT.charAt(s.length - 1), /\s/);
});

test('for any text of words and any word of it, the snippet holds the word and cuts no word', () => {
  const word = fc.stringMatching(/^[a-zé]{1,12}$/);
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 120 }), fc.nat(), (words, pick) => {
      const text = words.join(' ');
      const term = words[pick % words.length]!;
      const s = excerpt(text, [term]);
      const inner = s.replace(/^…/, '').replace(/…$/, '');
      assert.ok(inner.split(' ').includes(term) || inner.includes(term));
      const at = text.indexOf(inner);
      assert.ok(at >= 0);
      assert.ok(at === 0 || text[at - 1] === ' ', `starts at a word: ${s}`);
      assert.ok(at + inner.length === text.length || text[at + inner.length] === ' ', `ends at a word: ${s}`);
      assert.equal(s.startsWith('…'), at > 0);
      assert.equal(s.endsWith('…'), at + inner.length < text.length);
    }),
    { numRuns: 300 },
  );
});

test('a fact sheet’s mention snippet cut inside a long sentence starts and ends with whole words', async () => {
  const { SentenceIndex } = await import('../../src/model/snippets.ts');
  const words = Array.from({ length: 120 }, (_, i) => `word${i}x${'y'.repeat(i % 7)}`);
  const text = words.join(' ') + '.';
  const start = text.indexOf('word60x');
  const end = start + 'word60x'.length;
  const html = new SentenceIndex('en').snippet(text, start, end);
  assert.match(html, /^…word\d+x/, html.slice(0, 30));
  assert.match(html, /word\d+xy*…$/, html.slice(-30));
  const plain = html.replace(/<\/?mark>/g, '').slice(1, -1);
  const at = text.indexOf(plain);
  assert.ok(at > 0 && text[at - 1] === ' ' && text[at + plain.length] === ' ', plain);
});

test('text written without spaces is still cut near the mention', async () => {
  const { SentenceIndex } = await import('../../src/model/snippets.ts');
  const text = '北'.repeat(400) + '金正恩' + '南'.repeat(400) + '。';
  const start = 400;
  const html = new SentenceIndex('zh').snippet(text, start, start + 3);
  assert.equal(html, `…${'北'.repeat(160)}<mark>金正恩</mark>${'南'.repeat(160)}…`);
});
