/**
 * src/annotate/markdown.ts skips linkify-it's pretest for paragraphs that lack everything a link
 * needs (MAY_LINK). The answer must never change: checked against linkify-it itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import LinkifyIt from 'linkify-it';
import MarkdownIt from 'markdown-it';
import { createMarkdown, MAY_LINK } from '../../src/annotate/markdown.ts';
import { entityPage } from '../../src/site/paths.ts';
import { annotate, makeRegistry } from '../helpers/annotate.ts';

const reference = new LinkifyIt();

test('linkify-it knows exactly the schemes MAY_LINK assumes', () => {
  // A new default scheme would need its name in MAY_LINK.
  const schemes = Object.keys((reference as unknown as { __compiled__: Record<string, unknown> }).__compiled__).filter((s) => s.length > 0);
  assert.deepEqual(schemes.sort(), ['//', 'ftp:', 'http:', 'https:', 'mailto:']);
});

test('whatever linkify-it pretests true, MAY_LINK matches too (random text)', () => {
  const piece = fc.constantFrom(
    ...'ab xyz COM com org .rf .рф .РФ рф xn--p1ai www WWW . .. : :// // / @ _ < > ｜ 1 12 123 1234 localhost LOCALHOST http HTTPS ftp mailto “ ” ( ) , ; \n \t U.S. e.g. a.b 3.5 ...'.split(
      ' ',
    ),
    ' ',
    'é',
    '\u00a0',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.string({ maxLength: 8 }), (pieces, noise) => {
      const text = pieces.join('') + noise;
      if (reference.pretest(text)) assert.ok(MAY_LINK.test(text), JSON.stringify(text));
    }),
    { numRuns: 20_000 },
  );
});

test('the parser asks MAY_LINK before linkify-it', () => {
  const md = createMarkdown(makeRegistry([]), entityPage);
  // With linkify-it's own test made to say yes to anything, only MAY_LINK can say no.
  (md.linkify as unknown as { re: { pretest: RegExp } }).re.pretest = /(?:)/;
  assert.equal(md.linkify.pretest('no link in these words'), false);
  assert.equal(md.linkify.pretest('see example.com'), true);
});

test('the annotation parser links exactly what markdown-it with linkify links', () => {
  const plain = new MarkdownIt('default', { html: false, linkify: true });
  const links = (html: string): string[] => [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
  for (const text of [
    'See example.com, www.example.org and https://example.net/x?y=1.',
    'Mail someone@example.com or visit localhost:8080 and 192.168.1.1.',
    'The U.S. officials said 3.5 per cent. “Quoted.” No links here… at all',
    'A site in .рф: пример.рф and xn--p1ai.xn--p1ai, then //cdn.example.com/a.js',
    'Nothing to link in this sentence at all',
  ]) {
    if (/example|localhost|рф/.test(text)) assert.ok(links(plain.render(text)).length > 0, text);
    assert.deepEqual(links(annotate(text).html), links(plain.render(text)), text);
  }
});
