/**
 * `publishedUrl` skips the URL parser for the page paths Briefing makes; whatever path and base
 * it is given, it must return what the parser returns.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { publishedUrl } from '../../src/site/paths.ts';

const BASES = ['https://example.org/', 'https://example.org/briefing/', 'https://EXAMPLE.org/b/', 'https://example.org/b/?q=1/', 'https://ex.org/a b/', 'https://example.org/b'];
const PATHS = ['articles/x.html', 'entities/kim-jong-un.html#claim-a-b', 'index.html', 'articles/x.html#p-1', '../x.html', 'a/./b.html', 'data/search-index.js', 'entities/x%20y.html', 'entities/ä.html', '/root.html', '.hidden'];

test('a table of bases and paths: the same URL as new URL(path, base)', () => {
  for (const base of BASES) for (const to of PATHS) assert.equal(publishedUrl(base, 'index.html', to), new URL(to, base).href, `${base} + ${to}`);
});

test('any path from URL-ish characters: the same URL as new URL(path, base)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...BASES), fc.stringMatching(/^[A-Za-z0-9_~./#%ä -]{0,30}$/), (base, to) => {
      assert.equal(publishedUrl(base, 'entities/x.html', to), new URL(to, base).href);
    }),
  );
});

test('without a base URL, the path is relative to the page', () => {
  assert.equal(publishedUrl(undefined, 'entities/x.html', 'articles/a.html'), '../articles/a.html');
  assert.equal(publishedUrl(undefined, 'index.html', 'articles/a.html'), 'articles/a.html');
});
