/**
 * `publishedUrl` skips the URL parser for the page paths Briefing makes; whatever path and base
 * it is given, it must return what the parser returns.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { publishedUrl } from '../../src/site/paths.ts';

/** What the URL parser makes of `to` under `base`, or the error it throws ("//" has no host). */
function parsed(to: string, base: string): string {
  try {
    return new URL(to, base).href;
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

function published(base: string, from: string, to: string): string {
  try {
    return publishedUrl(base, from, to);
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

const BASES = [
  'https://example.org/',
  'https://example.org/briefing/',
  'https://EXAMPLE.org/b/',
  'https://example.org/b/?q=1/',
  'https://ex.org/a b/',
  'https://example.org/b',
];
const PATHS = [
  '//',
  'a//b.html',
  'articles/x.html',
  'entities/kim-jong-un.html#claim-a-b',
  'index.html',
  'articles/x.html#p-1',
  '../x.html',
  'a/./b.html',
  'data/search-index.js',
  'entities/x%20y.html',
  'entities/ä.html',
  '/root.html',
  '.hidden',
];

test('a table of bases and paths: the same URL as new URL(path, base), or the same error', () => {
  for (const base of BASES) for (const to of PATHS) assert.equal(published(base, 'index.html', to), parsed(to, base), `${base} + ${to}`);
});

test('any path from URL-ish characters: the same URL as new URL(path, base), or the same error', () => {
  fc.assert(
    fc.property(fc.constantFrom(...BASES), fc.stringMatching(/^[A-Za-z0-9_~./#%ä -]{0,30}$/), (base, to) => {
      assert.equal(published(base, 'entities/x.html', to), parsed(to, base));
    }),
    { numRuns: 2000 },
  );
});

test('without a base URL, the path is relative to the page', () => {
  assert.equal(publishedUrl(undefined, 'entities/x.html', 'articles/a.html'), '../articles/a.html');
  assert.equal(publishedUrl(undefined, 'index.html', 'articles/a.html'), 'articles/a.html');
});
