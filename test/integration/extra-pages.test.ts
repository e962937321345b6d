/**
 * Extra pages, `pages/<slug>.md` (FORMAT.md §6), on the `extra-pages` fixture, a folder no other
 * test builds. The expected values are worked out from its files:
 * - pages/about.md (nav 1), methodology.md (nav 2), colophon.md (no nav) are built as
 *   pages/<slug>.html; archive.md (nav 0.5) is a draft, left out;
 * - the navigation lists them after the fixed links: About this briefing, Methodology, Colophon;
 * - Harbour Board is mentioned twice in the one article, once in briefing.md and once in
 *   methodology.md: its mentionCount is 2 (articles only); the page's mention links to its sheet;
 * - methodology.md line 7 `[Reports are read twice]{claim=read-twice}`: a claim outside the
 *   articles, shown but not counted: a warning at its `[`, 7:1, and no claim read-twice;
 * - "quillwort" is written only in about.md.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { after, before, test } from 'node:test';
import MiniSearch from 'minisearch';
import { build } from '../../src/index.ts';
import { searchOptions } from '../../src/emit/search.ts';
import { checkLinks, listFiles, readHtml, readJson, tempDir } from '../helpers/site.ts';

const input = path.resolve('test/fixtures/sites/extra-pages');
let out: string;
let result: Awaited<ReturnType<typeof build>>;

before(async () => {
  out = path.join(await tempDir(), 'site');
  result = await build({ input, output: out });
});
after(async () => fs.rm(path.dirname(out), { recursive: true, force: true }));

const EXTRA = ['pages/about.html', 'pages/colophon.html', 'pages/methodology.html'];

test('the build succeeds; the one warning is the claim in a page, which is not counted', () => {
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
  assert.deepEqual(
    result.diagnostics.map((d) => [path.relative(input, d.file), d.line, d.column, d.severity, d.code]),
    [['pages/methodology.md', 7, 1, 'warning', 'claim-outside-article']],
  );
  assert.match(result.diagnostics[0]!.message, /in an extra page is shown but not counted/);
});

test('each page is built at pages/<slug>.html, the draft is not', async () => {
  const files = await listFiles(out);
  assert.deepEqual(
    files.filter((f) => f.startsWith('pages/')),
    EXTRA,
  );
  const about = await readHtml(out, 'pages/about.html');
  assert.equal(about.querySelector('h1')?.text, 'About this briefing');
  assert.equal(about.querySelector('.lede')?.text, 'Who writes Harbour Watch, and why.');
  assert.match(about.querySelector('.prose')!.text, /quillwort desk/);
  assert.equal(about.querySelector('title')?.text, 'About this briefing · Harbour Watch');
  const ld = JSON.parse(about.querySelector('script[type="application/ld+json"]')!.text) as Record<string, unknown>;
  assert.equal(ld['@type'], 'AboutPage');
  assert.equal(ld['url'], 'https://example.org/harbour/pages/about.html');
  const method = await readHtml(out, 'pages/methodology.html');
  const methodLd = JSON.parse(method.querySelector('script[type="application/ld+json"]')!.text) as Record<string, unknown>;
  assert.equal(methodLd['@type'], 'WebPage');
});

test('every page of the site has the extra pages in its navigation, in nav order, linked relative to its depth', async () => {
  const pages = (await listFiles(out)).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 10, pages.join(' '));
  for (const page of pages) {
    const doc = await readHtml(out, page);
    const links = doc.querySelectorAll('.site-nav a').slice(5);
    const root = page.includes('/') ? '../' : '';
    assert.deepEqual(
      links.map((a) => [a.text, a.getAttribute('href')]),
      [
        ['About this briefing', `${root}pages/about.html`],
        ['Methodology', `${root}pages/methodology.html`],
        ['Colophon', `${root}pages/colophon.html`],
      ],
      page,
    );
    const current = doc.querySelectorAll('.site-nav a[aria-current="page"]').map((a) => a.getAttribute('href'));
    if (EXTRA.includes(page)) assert.deepEqual(current, [`../${page}`], page);
    else assert.ok(!current.some((href) => href?.includes('pages/')), page);
  }
  const { problems, checked } = await checkLinks(out);
  // The canonical and feed links name the published site (baseUrl) by design: not links to follow from disk.
  assert.deepEqual(
    problems.filter((p) => !p.href.startsWith('https://example.org/harbour/')),
    [],
  );
  assert.ok(checked > 100, `${checked} links`);
});

test("a page's mentions link to the fact sheet but are not counted", async () => {
  const method = await readHtml(out, 'pages/methodology.html');
  assert.deepEqual(
    method.querySelectorAll('.prose a').map((a) => [a.text, a.getAttribute('href')]),
    [['Harbour Board', '../entities/harbour-board.html']],
  );
  const entities = await readJson<{ id: string; mentionCount: number }[]>(out, 'data/entities.json');
  assert.equal(entities.find((e) => e.id === 'harbour-board')?.mentionCount, 2);
  const claims = await readJson<{ id: string }[]>(out, 'data/claims.json');
  assert.deepEqual(
    claims.map((c) => c.id),
    ['quay-repaired'],
  );
});

test('the search index holds the pages, with title and text: a word only in About finds About', async () => {
  const script = await fs.readFile(path.join(out, 'data', 'search-index.js'), 'utf8');
  const sandbox: { window: { BRIEFING_SEARCH_INDEX?: unknown } } = { window: {} };
  vm.runInNewContext(script, sandbox);
  const index = MiniSearch.loadJS(sandbox.window.BRIEFING_SEARCH_INDEX as never, searchOptions() as never);
  const hits = index.search('quillwort');
  assert.deepEqual(
    hits.map((h) => [h['kind'], h['title'], h['page']]),
    [['page', 'About this briefing', 'pages/about.html']],
  );
  assert.deepEqual(
    index.search('Methodology').map((h) => [h['kind'], h['page']]),
    [['page', 'pages/methodology.html']],
  );
});

test('the feed leaves the pages out; the sitemap and the offline cache list them', async () => {
  const feed = await fs.readFile(path.join(out, 'feed.xml'), 'utf8');
  assert.ok(!feed.includes('pages/'), feed);
  assert.ok(feed.includes('articles/harbour-reopens.html'));
  const sitemap = await fs.readFile(path.join(out, 'sitemap.xml'), 'utf8');
  const sw = await fs.readFile(path.join(out, 'sw.js'), 'utf8');
  for (const page of EXTRA) {
    assert.ok(sitemap.includes(`<loc>https://example.org/harbour/${page}</loc>`), page);
    assert.ok(sw.includes(`"./${page}"`), page);
  }
  assert.ok(!sw.includes('archive'));
});
