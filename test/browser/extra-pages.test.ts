/**
 * Extra pages (`pages/<slug>.md`) in Chromium, the `extra-pages` fixture opened from disk
 * (file://): a reader searches a word written only in the About page and reaches it, follows the
 * navigation from a page one folder deep to another, and axe finds nothing serious on them.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildExample, foreignRequests, launchChromium, recordRequests, removeDir, WAIT, type BuiltSite } from './helpers.ts';

let site: BuiltSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];

before(async () => {
  site = await buildExample({ input: 'test/fixtures/sites/extra-pages' });
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

test('searching a word only in the About page, from the header box of a fact sheet, finds the page and opens it', async () => {
  await page.goto(site.fileUrl('entities/harbour-board.html'), { waitUntil: 'load' });
  await page.fill('#site-search', 'quillwort');
  await page.press('#site-search', 'Enter');
  await page.waitForSelector('#search-results .search-count');
  const results = await page.$$eval('#search-results li.search-result', (items) =>
    items.map((li) => [
      li.className,
      li.querySelector('.type')?.textContent?.trim(),
      li.querySelector('a.result-title')?.textContent?.trim(),
    ]),
  );
  assert.deepEqual(results, [['search-result search-page', 'Page', 'About this briefing']]);
  await page.click('#search-results a.result-title');
  await page.waitForURL(/pages\/about\.html$/);
  assert.equal(await page.textContent('h1'), 'About this briefing');
});

test('the navigation leads from one extra page to the next and back to the home page, from disk', async () => {
  await page.goto(site.fileUrl('pages/about.html'), { waitUntil: 'load' });
  assert.equal(await page.getAttribute('.site-nav a[aria-current="page"]', 'href'), '../pages/about.html');
  await page.click('.site-nav a:text-is("Methodology")');
  await page.waitForURL(/pages\/methodology\.html$/);
  assert.equal(await page.textContent('h1'), 'Methodology');
  await page.click('.site-nav a:text-is("Briefing")');
  await page.waitForURL(/site\/index\.html$/);
  assert.equal(await page.textContent('.site-nav a[href="pages/colophon.html"]'), 'Colophon');
});

test('on a phone (390 px) every link of the navigation is in sight: the row wraps rather than scrolls', async () => {
  const phone = await context.newPage();
  try {
    await phone.setViewportSize({ width: 390, height: 800 });
    await phone.goto(site.fileUrl('pages/methodology.html'), { waitUntil: 'load' });
    const hidden = await phone.$$eval('.site-nav a', (links) =>
      links.filter((a) => a.getBoundingClientRect().right > document.documentElement.clientWidth).map((a) => a.textContent),
    );
    assert.deepEqual(hidden, []);
  } finally {
    await phone.close();
  }
});

test('axe finds no serious or critical violation on the extra pages', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = await fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  for (const rel of ['pages/about.html', 'pages/methodology.html']) {
    await page.goto(site.fileUrl(rel), { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const serious = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    assert.deepEqual(serious, [], rel);
  }
});

test('the pages request nothing but files', () => {
  assert.deepEqual(
    foreignRequests(requests, (u) => u.protocol === 'file:'),
    [],
  );
});
