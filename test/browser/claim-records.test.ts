/**
 * A reader on a fact sheet with claim records (test/fixtures/sites/records), in Chromium from
 * disk: the credibility reads in words, the editor's note opens with one click with JavaScript
 * off, and axe finds no serious or critical violation on the page.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildExample, launchChromium, removeDir, WAIT, type BuiltSite } from './helpers.ts';

let site: BuiltSite;
let browser: Browser;

before(async () => {
  site = await buildExample({ input: 'test/fixtures/sites/records' });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await removeDir(site?.tmp);
});

test('the note is one click away, without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(site.fileUrl('entities/river-authority.html'));
    const fact = page.locator('#fact-spillway-crack');
    const summary = fact.locator('details.credibility > summary');
    assert.equal((await summary.innerText()).replace(/\s+/g, ' ').trim(), 'Assessed as probably true');
    const note = fact.locator('.credibility-note');
    assert.equal(await note.isVisible(), false, 'the note starts closed');
    await summary.click();
    assert.equal(await note.isVisible(), true, 'one click opens it');
    assert.match(await note.innerText(), /^Two outlets report the crack independently/);
    // Without a record, the headline is visibly a quotation: <q> draws its quotation marks (innerText leaves them out).
    const quoted = page.locator('#fact-inspectors-arrive .claim-quoted');
    assert.equal((await quoted.innerText()).replace(/\s+/g, ' ').trim(), 'Inspectors arrived at the dam on Saturday — Northern Wire');
    const marks = await quoted
      .locator('q')
      .evaluate((q) => [getComputedStyle(q, '::before').content, getComputedStyle(q, '::after').content, getComputedStyle(q).quotes]);
    assert.deepEqual(marks, ['open-quote', 'close-quote', 'auto']);
  } finally {
    await context.close();
  }
});

test('axe finds no serious or critical violation on a fact sheet with records, notes open', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = await fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(site.fileUrl('entities/river-authority.html'), { waitUntil: 'load' });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }
      ).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    assert.deepEqual(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      [],
    );
  } finally {
    await context.close();
  }
});
