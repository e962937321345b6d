/**
 * `cssString` (src/site/html.ts) writes content strings into a page's print `<style>`: the result
 * holds nothing that could end the string, the rule or the element, and reads back as written,
 * spaces after an escaped character included (CSS takes one white space after an escape as its end).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cssString } from '../../src/site/html.ts';

/** CSS's reading of the escapes cssString writes: a backslash, hex digits, and one optional space. */
function read(css: string): string {
  return css.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

test('a hostile title cannot leave the print style, and reads back as written', () => {
  const title = 'Kim · “as of” </style><script>alert(1)</script> \\ "quoted" ; } @page {';
  const css = cssString(title);
  assert.match(css, /^"[A-Za-z0-9 \\]*"$/);
  assert.equal(read(css), title);
  assert.equal(read(cssString('Title · current as of 13 September')), 'Title · current as of 13 September');
});

test('any text reads back as written', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const css = cssString(s);
      assert.match(css, /^"[A-Za-z0-9 \\]*"$/);
      assert.equal(read(css), s);
    }),
    { numRuns: 500 },
  );
});
