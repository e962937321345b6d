/**
 * Entity images as a reader sees them, from disk (file://), in Chromium: the fact sheet's infobox
 * loads its picture (the WebP source, at the infobox's width, its box the image's proportions),
 * and hovering a mention shows the thumbnail in the preview card. test/fixtures/sites/portraits:
 * Kim Ara's image is 640×480 (4:3), its alt text hostile.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildExample, launchChromium, removeDir, WAIT, type BuiltSite } from './helpers.ts';

const HOSTILE_ALT = '"><script>alert(1)</script> Kim Ara & a <b>blue</b> backdrop';
let site: BuiltSite;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  site = await buildExample({ input: 'test/fixtures/sites/portraits' });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
  await removeDir(site?.tmp);
});

async function open(rel: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(site.fileUrl(rel), { waitUntil: 'load' });
  assert.deepEqual(dialogs, [], 'no script from content ran');
  return page;
}

test('the infobox shows the WebP picture at the infobox width, in the image’s proportions', async () => {
  const page = await open('entities/kim-ara.html');
  try {
    const img = page.locator('.infobox picture img');
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('.infobox picture img');
      return el !== null && el.complete && el.naturalWidth > 0;
    });
    const shown = await img.evaluate((el: HTMLImageElement) => ({
      src: el.currentSrc,
      alt: el.alt,
      width: el.getBoundingClientRect().width,
      height: el.getBoundingClientRect().height,
    }));
    assert.match(shown.src, /^file:.*\/assets\/images\/kim-ara-(288|576)\.webp$/);
    assert.equal(shown.alt, HOSTILE_ALT);
    assert.ok(shown.width > 100 && shown.width <= 288, `${shown.width} px wide`);
    assert.ok(Math.abs(shown.height - (shown.width * 3) / 4) < 1, `${shown.width}×${shown.height} is 4:3`);
  } finally {
    await page.close();
  }
});

test('hovering a mention shows the entity’s thumbnail in the preview card', async () => {
  const page = await open('articles/harbour-dues.html');
  try {
    const link = page.locator('.prose a.mention[data-entity="kim-ara"]').first();
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    await page.waitForSelector('.preview-card img', { state: 'visible', timeout: WAIT });
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('.preview-card img')?.naturalWidth ?? 0) > 0);
    const thumb = await page
      .locator('.preview-card img')
      .evaluate((el: HTMLImageElement) => ({ src: el.src, alt: el.alt, natural: el.naturalWidth }));
    assert.match(thumb.src, /^file:.*\/assets\/images\/kim-ara-96\.webp$/);
    assert.equal(thumb.natural, 96);
    assert.equal(thumb.alt, HOSTILE_ALT);
    // An entity without an image: a card without one.
    await page.keyboard.press('Escape');
    const pier = page.locator('.prose a.mention[data-entity="pier-nine"]').first();
    await pier.hover();
    await page.waitForSelector('.preview-card', { state: 'visible', timeout: WAIT });
    assert.equal(await page.locator('.preview-card img').count(), 0);
  } finally {
    await page.close();
  }
});

test('axe finds no serious or critical violation on a fact sheet with an image, nor with its preview card open', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = await fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  const serious = async (page: Page): Promise<string[]> => {
    await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      type Violation = { id: string; impact: string; nodes: { html: string }[] };
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
      const { violations } = await axe.run(document, { resultTypes: ['violations'] });
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    });
  };
  for (const rel of ['entities/kim-ara.html', 'articles/harbour-dues.html']) {
    const page = await open(rel);
    try {
      const img = page.locator('.infobox picture img');
      if (rel.startsWith('entities/')) await img.scrollIntoViewIfNeeded();
      else {
        await page.locator('.prose a.mention[data-entity="kim-ara"]').first().hover();
        await page.waitForSelector('.preview-card img', { state: 'visible', timeout: WAIT });
      }
      assert.deepEqual(await serious(page), [], rel);
    } finally {
      await page.close();
    }
  }
});
