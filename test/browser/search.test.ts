/**
 * Search opened from disk (file://): entities are found by alias and by their names in other
 * scripts, article text is searchable, the header search box leads to search.html with results,
 * and results show a type, a title and a snippet with the matches in <mark>.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readHtml, readJson, tempDir, writeTree } from '../helpers/site.ts';
import { buildExample, foreignRequests, launchChromium, recordRequests, removeDir, WAIT, waitUntil, type BuiltSite } from './helpers.ts';

interface EntityExport {
  id: string;
  name: string;
  aliases: string[];
  page: string;
}

interface Result {
  kind: string;
  type: string;
  title: string;
  href: string;
  titleHtml: string;
  snippetHtml: string | null;
}

let site: BuiltSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];
let entities: EntityExport[];

before(async () => {
  site = await buildExample();
  entities = await readJson<EntityExport[]>(site.out, 'data/entities.json');
  browser = await launchChromium();
  context = await browser.newContext();
  requests = recordRequests(context);
  page = await context.newPage();
  page.setDefaultTimeout(WAIT);
});

after(async () => {
  await browser?.close();
  await removeDir(site?.tmp);
});

/** Waits for search.js to answer the current URL's query and reads the results. */
async function readResults(p: Page): Promise<Result[]> {
  await p.waitForSelector('#search-results .search-count', { timeout: WAIT });
  return p.$$eval('#search-results li.search-result', (items) =>
    items.map((li) => {
      const a = li.querySelector('a.result-title') as HTMLAnchorElement | null;
      return {
        kind: [...li.classList].find((c) => c.startsWith('search-') && c !== 'search-result')?.slice('search-'.length) ?? '',
        type: li.querySelector('.type')?.textContent?.trim() ?? '',
        title: a?.textContent?.trim() ?? '',
        href: a?.getAttribute('href') ?? '',
        titleHtml: a?.innerHTML ?? '',
        snippetHtml: li.querySelector('.snippet')?.innerHTML ?? null,
      };
    }),
  );
}

async function search(query: string): Promise<Result[]> {
  await page.goto(`${site.fileUrl('search.html')}?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  return readResults(page);
}

/** The entity of the example that has `alias` among its aliases (from the build's own export). */
function entityWithAlias(alias: string): EntityExport {
  const found = entities.find((e) => e.aliases.includes(alias));
  assert.ok(found, `the example has an entity with the alias ${alias}`);
  return found;
}

for (const [query, alias, what] of [
  ['DPRK', 'DPRK', 'an alias'],
  ['JCS', 'JCS', 'an alias (acronym)'],
  ['Путин', 'Путин', 'a Cyrillic name'],
  ['김정은', '김정은', 'a Korean name'],
  ['松野', '松野博一', 'part of a Japanese name (Han characters, no spaces)'],
] as const) {
  test(`search finds an entity by ${what}: "${query}"`, async () => {
    const entity = entityWithAlias(alias);
    const results = await search(query);
    const firstEntity = results.find((r) => r.kind === 'entity');
    assert.ok(firstEntity, `an entity among the results for ${query}: ${JSON.stringify(results.map((r) => r.title))}`);
    assert.equal(
      firstEntity.href,
      entity.page,
      `the first entity found for "${query}" is ${entity.name}; got ${JSON.stringify(results.map((r) => r.title))}`,
    );
    assert.ok(firstEntity.title.startsWith(entity.name), firstEntity.title);
    assert.match(firstEntity.type, /^Entity\b/);
  });
}

test('a query that is exactly an entity’s name or alias ranks that entity first', async () => {
  // "Putin" once ranked the Kim–Putin summit first, "Kim" too, and "DPRK" a quote.
  const wrong: string[] = [];
  for (const alias of ['Putin', 'Kim', 'DPRK', 'JCS']) {
    const entity = entityWithAlias(alias);
    const results = await search(alias);
    if (results[0]?.href !== entity.page)
      wrong.push(`"${alias}": first result is ${results[0]?.kind} "${results[0]?.title}", not ${entity.name}`);
  }
  const byName = entities.find((e) => e.id === 'vladimir-putin')!;
  const results = await search(byName.name.toUpperCase());
  if (results[0]?.href !== byName.page) wrong.push(`"${byName.name.toUpperCase()}": first result is "${results[0]?.title}"`);
  assert.deepEqual(wrong, []);
});

test('search finds reports by a word of their full text ("Sunan"); results show type, title and snippets with <mark>', async () => {
  const results = await search('Sunan');
  const reports = results.filter((r) => r.kind === 'article');
  assert.ok(reports.length >= 1, `reports among ${JSON.stringify(results.map((r) => `${r.kind}: ${r.title}`))}`);
  for (const r of results) {
    assert.ok(r.type, `a type label on ${r.title}`);
    assert.ok(r.title, `a title on a ${r.kind} result`);
  }
  for (const r of reports) {
    assert.match(r.type, /^Report\b/);
    assert.ok(r.snippetHtml?.trim(), `a snippet on the report ${r.title}`);
  }
  // The matches are highlighted, and the marks wrap nothing but the query.
  const marks = results.flatMap((r) =>
    [...`${r.titleHtml} ${r.snippetHtml ?? ''}`.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase()),
  );
  assert.ok(
    results.some((r) => /<mark>Sunan<\/mark>/i.test(r.snippetHtml ?? '')),
    'a snippet highlights the match',
  );
  assert.ok(marks.length >= 2, `${marks.length} marks`);
  assert.deepEqual([...new Set(marks)], ['sunan']);
});

test('a report found by a word of its text shows the passage with that word, highlighted', async () => {
  const results = await search('Sunan');
  const reports = results.filter((r) => r.kind === 'article');
  assert.ok(reports.length >= 1);
  for (const r of reports) assert.match(r.snippetHtml ?? '', /<mark>Sunan<\/mark>/i, `the snippet of ${r.title}: ${r.snippetHtml}`);
});

test('each result of a full-text search links to a page of the site (and an id on it)', async () => {
  const results = await search('Sunan');
  assert.ok(results.length > 0);
  for (const r of results) {
    const [file, fragment] = r.href.split('#') as [string, string | undefined];
    const doc = await readHtml(site.out, file).catch(() => undefined);
    assert.ok(doc, `${r.href} names a file of the site`);
    if (fragment) assert.ok(doc.getElementById(decodeURIComponent(fragment)), `${r.href}: no element with id ${fragment}`);
  }
});

test('typing in the header search box of an article page and submitting lands on search.html with results', async () => {
  const articles = await readJson<{ slug: string; page?: string }[]>(site.out, 'data/articles.json');
  const slug = articles[0]!.slug;
  await page.goto(site.fileUrl(`articles/${slug}.html`), { waitUntil: 'load' });
  const box = page.locator('header #site-search');
  await box.click();
  await box.pressSequentially('Putin', { delay: 10 });
  await Promise.all([page.waitForURL(/\/search\.html\?q=Putin$/, { timeout: WAIT }), box.press('Enter')]);
  assert.equal(new URL(page.url()).pathname, new URL(site.fileUrl('search.html')).pathname);
  assert.equal(await page.inputValue('#q'), 'Putin', 'the search page shows the query in its own box');
  const results = await readResults(page);
  const putin = entityWithAlias('Putin');
  assert.ok(results.length > 1, `${results.length} results`);
  assert.ok(
    results.some((r) => r.kind === 'entity' && r.href === putin.page),
    `${putin.name} among ${JSON.stringify(results.map((r) => r.title))}`,
  );
  const count = await page.textContent('#search-results .search-count');
  assert.match(count ?? '', /\d+ results? for “Putin”/);
  assert.ok(
    results.some((r) => /<mark>Putin<\/mark>/.test(r.snippetHtml ?? '')),
    'snippets highlight the query',
  );
});

test('the search page form searches again in place', async () => {
  await page.goto(site.fileUrl('search.html'), { waitUntil: 'load' });
  assert.equal(await page.$$eval('#search-results li', (l) => l.length), 0, 'no results without a query');
  await page.fill('#q', 'Vostochny');
  await page.press('#q', 'Enter');
  const results = await readResults(page);
  assert.ok(results.some((r) => r.kind === 'entity' && /Vostochny/.test(r.title)));
  assert.match(page.url(), /search\.html\?q=Vostochny$/);
});

test('the search page has one search box, and it shows results as the reader types, without Enter', async () => {
  await page.goto(site.fileUrl('search.html'), { waitUntil: 'load' });
  assert.equal(await page.locator('input[type=search]').count(), 1, 'one box on the search page');
  await page.locator('#q').pressSequentially('Vostoch', { delay: 20 });
  await page.waitForSelector('#search-results li.search-result', { timeout: WAIT });
  const results = await readResults(page);
  assert.ok(
    results.some((r) => r.kind === 'entity' && /Vostochny/.test(r.title)),
    JSON.stringify(results.map((r) => r.title)),
  );
  await waitUntil(() => (/search\.html\?q=Vostoch$/.test(page.url()) ? true : undefined), 'the address to keep the query');
  // Cleared, the results go.
  await page.fill('#q', '');
  await waitUntil(async () => ((await page.$$eval('#search-results li', (l) => l.length)) === 0 ? true : undefined), 'no results');
  // Every other page keeps the header's box.
  await page.goto(site.fileUrl('timeline.html'), { waitUntil: 'load' });
  assert.equal(await page.locator('header input[type=search]').count(), 1);
});

test('highlighting never splits an HTML escape: "quot", "amp", "39", "lt", "gt" show the text as written', async () => {
  const tmp = await tempDir('briefing-browser-');
  try {
    const input = path.join(tmp, 'content');
    const title = `The "quota" & the amp's 39 < lt > gt`;
    await writeTree(input, {
      'briefing.md': '---\ntitle: Escapes\n---\nSummary.\n',
      'articles/escapes.md': `---\ntitle: '${title.replace(/'/g, "''")}'\nsource: Wire\npublished: 2024-01-01\n---\n${title}, said the quotation.\n`,
    });
    const small = await buildExample({ input });
    try {
      for (const query of ['quot', 'amp', '39', 'lt', 'gt']) {
        await page.goto(`${small.fileUrl('search.html')}?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
        const results = await readResults(page);
        assert.equal(results.length, 1, `"${query}": ${JSON.stringify(results.map((r) => r.title))}`);
        assert.equal(results[0]!.title, title, `"${query}": the title as written`);
        const snippet = await page.textContent('#search-results .snippet');
        assert.ok(snippet?.includes(title), `"${query}": the snippet as written: ${snippet}`);
        const marks = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent ?? ''));
        assert.ok(marks.length >= 2, `"${query}": ${marks.length} marks`);
        for (const m of marks) assert.ok(m.toLowerCase().startsWith(query), `"${query}": <mark>${m}</mark>`);
      }
    } finally {
      await removeDir(small.tmp);
    }
  } finally {
    await removeDir(tmp);
  }
});

test('search from disk requests nothing but files', () => {
  assert.deepEqual(
    foreignRequests(requests, (u) => u.protocol === 'file:'),
    [],
  );
});
