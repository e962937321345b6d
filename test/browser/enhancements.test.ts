/**
 * Progressive enhancement, from disk (file://): hover and focus previews of entity mentions,
 * pages that read fully without JavaScript, and the print stylesheet of a fact sheet.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readHtml } from '../helpers/site.ts';
import { foreignRequests, openExample, recordRequests, WAIT, type BuiltSite, type ExampleSession } from './helpers.ts';

let site: BuiltSite;
let browser: Browser;
let context: BrowserContext;
let requests: string[];
let article: string;

let session: ExampleSession;

before(async () => {
  session = await openExample();
  ({ site, article, browser, context, requests } = session);
});

after(async () => session?.close());

async function withPage<T>(ctx: BrowserContext, rel: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await ctx.newPage();
  page.setDefaultTimeout(WAIT);
  try {
    await page.goto(site.fileUrl(rel), { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** What the entity's own fact sheet says: name (h1), type (badge) and summary (lede). */
async function factSheet(id: string): Promise<{ name: string; type: string; summary: string }> {
  const doc = await readHtml(site.out, `entities/${id}.html`);
  return {
    name: doc.querySelector('h1')!.textContent.trim(),
    type: doc.querySelector('.type-badge')!.textContent.trim(),
    summary: doc.querySelector('.page-head .lede')?.textContent.trim() ?? '',
  };
}

async function card(page: Page): Promise<{ name: string; type: string; summary: string; role: string | null } | null> {
  return page.evaluate(() => {
    const cards = document.querySelectorAll('.preview-card');
    const el = cards[0];
    if (cards.length !== 1 || !el || (el as HTMLElement).offsetParent === null) return null;
    return {
      name: el.querySelector('strong')?.textContent?.trim() ?? '',
      type: el.querySelector('.preview-type')?.textContent?.trim() ?? '',
      summary: el.querySelector('p')?.textContent?.trim() ?? '',
      role: el.getAttribute('role'),
    };
  });
}

test('hovering an entity mention in an article shows a preview card with its name, type and summary; Escape hides it', async () => {
  await withPage(context, article, async (page) => {
    // A mention laid out on one line, so the pointer lands on it.
    const mentions = page.locator('.prose a.mention[data-entity]');
    const count = await mentions.count();
    assert.ok(count > 5, `${count} mentions`);
    let link = mentions.first();
    for (let i = 0; i < count; i++) {
      const m = mentions.nth(i);
      if (await m.evaluate((a) => a.getClientRects().length === 1)) {
        link = m;
        break;
      }
    }
    const id = (await link.getAttribute('data-entity'))!;
    const expected = await factSheet(id);
    assert.equal(await page.locator('.preview-card').count(), 0, 'no card before hovering');
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    await page.waitForSelector('.preview-card', { state: 'visible', timeout: WAIT });
    const shown = await card(page);
    assert.deepEqual(shown && { name: shown.name, type: shown.type, summary: shown.summary }, expected);
    assert.equal(shown?.role, 'tooltip');
    // The card sits below the link, inside the viewport's width.
    const [linkBox, cardBox] = [await link.boundingBox(), await page.locator('.preview-card').boundingBox()];
    assert.ok(linkBox && cardBox && cardBox.y >= linkBox.y + linkBox.height - 1, 'the card is under the link');
    assert.ok(cardBox && cardBox.x >= 0 && cardBox.x + cardBox.width <= 1280, 'the card is within the page width');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.preview-card', { state: 'detached', timeout: WAIT });
  });
});

test('focusing an entity mention with the keyboard shows its preview card; Escape hides it', async () => {
  await withPage(context, article, async (page) => {
    const mentions = page.locator('.prose a.mention[data-entity]');
    // Tab from the last element before the article text until a mention has focus.
    let id: string | null = null;
    for (let i = 0; i < 60 && !id; i++) {
      await page.keyboard.press('Tab');
      id = await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.closest('.prose a.mention[data-entity]')?.getAttribute('data-entity') ?? null,
      );
    }
    assert.ok(id, 'Tab reaches an entity mention');
    assert.ok((await mentions.count()) > 0);
    await page.waitForSelector('.preview-card', { state: 'visible', timeout: WAIT });
    const shown = await card(page);
    const expected = await factSheet(id);
    assert.deepEqual(shown && { name: shown.name, type: shown.type, summary: shown.summary }, expected);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.preview-card', { state: 'detached', timeout: WAIT });
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('a.mention')), 'focus stays on the link');
  });
});

test('without JavaScript, a fact sheet still shows its facts and its mentions', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const noJsRequests = recordRequests(noJs);
  try {
    await withPage(noJs, 'entities/kim-jong-un.html', async (page) => {
      assert.equal(
        await page.evaluate(() => typeof (window as unknown as { BRIEFING_PREVIEWS?: unknown }).BRIEFING_PREVIEWS),
        'undefined',
        'the page’s scripts did not run',
      );
      assert.ok(await page.locator('h1').isVisible());
      const facts = page.locator('section[aria-labelledby="facts-h"] .claim-card');
      const mentions = page.locator('section[aria-labelledby="mentions-h"] .snippets li');
      assert.ok((await facts.count()) > 0, 'facts');
      assert.ok((await mentions.count()) > 0, 'mentions');
      assert.ok(await facts.first().isVisible(), 'the first fact is shown');
      assert.ok(await mentions.first().isVisible(), 'the first mention is shown');
      assert.ok((await facts.first().innerText()).trim().length > 20, 'the fact has its text');
      const doc = await readHtml(site.out, 'entities/kim-jong-un.html');
      assert.equal(
        await facts.count(),
        doc.querySelectorAll('section[aria-labelledby="facts-h"] .claim-card').length,
        'every fact of the page is there',
      );
      // Everything in <main> that holds text is displayed: nothing waits for a script to appear
      // (a folded list's rest, in a closed <details>, opens by a click with no script).
      const hidden = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter(
            (el) =>
              (el.textContent ?? '').trim() &&
              !el.closest('.visually-hidden, noscript, script, template, details.fold:not([open]) > :not(summary)') &&
              (el as HTMLElement).offsetParent === null &&
              getComputedStyle(el).position !== 'fixed',
          )
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      assert.deepEqual(hidden, []);
    });
  } finally {
    await noJs.close();
  }
  assert.deepEqual(
    foreignRequests(noJsRequests, (u) => u.protocol === 'file:'),
    [],
  );
});

test('printed, a fact sheet hides the site navigation and writes out external links’ URLs', async () => {
  await withPage(context, 'entities/kim-jong-un.html', async (page) => {
    assert.equal(await page.locator('.site-nav').evaluate((el) => getComputedStyle(el).display), 'flex', 'on screen the navigation shows');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-nav').evaluate((el) => getComputedStyle(el).display), 'none');
    assert.equal(await page.locator('.site-nav').isVisible(), false);
    assert.equal(await page.locator('#site-search').isVisible(), false, 'nor the search box');

    // The sameAs link (its text is its URL) and any external link in the text: what prints is
    // the link text plus its ::after content, and that holds the URL.
    const printed = await page.evaluate(() => {
      const extra = document.createElement('a');
      extra.href = 'https://example.org/print-test';
      extra.textContent = 'an external source';
      document.querySelector('.profile p, .sheet-main p')!.append(' ', extra);
      return [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="http"]')].map((a) => {
        const after = getComputedStyle(a, '::after').content;
        const text = (a.textContent ?? '') + (after && after !== 'none' && after !== 'normal' ? after.replace(/^"|"$/g, '') : '');
        return { href: a.getAttribute('href')!, sameAs: a.closest('.infobox') !== null, after, printed: text };
      });
    });
    const sameAs = printed.filter((l) => l.sameAs);
    assert.ok(sameAs.length > 0, 'the fact sheet has a sameAs link');
    for (const l of printed) assert.ok(l.printed.includes(l.href), `${l.href} is written out in print: ${JSON.stringify(l)}`);
    const injected = printed.find((l) => l.href === 'https://example.org/print-test');
    assert.ok(
      injected?.after.includes('https://example.org/print-test'),
      `an external link in the text gets its URL after it: ${JSON.stringify(injected)}`,
    );
    await page.emulateMedia({ media: 'screen' });
  });
});

test('the previews and the print view request nothing but files', () => {
  assert.deepEqual(
    foreignRequests(requests, (u) => u.protocol === 'file:'),
    [],
  );
});
