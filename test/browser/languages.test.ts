/**
 * The interface in the briefing's language, in Chromium from disk: search in Arabic and in Hebrew
 * (a query in each script finds its report) with the page's own words, a right-to-left layout
 * that mirrors, and axe in French and Arabic (the example briefing) with nothing serious.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildInLanguage, launchChromium, removeDir, WAIT, type BuiltSite } from './helpers.ts';

let browser: Browser;
let polyglot: BuiltSite;
const example = new Map<string, BuiltSite>();
let axeSource: string;

before(async () => {
  const require = createRequire(import.meta.url);
  axeSource = await fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  polyglot = await buildInLanguage('ar', 'test/fixtures/sites/polyglot');
  for (const lang of ['fr', 'ar']) example.set(lang, await buildInLanguage(lang));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const site of [polyglot, ...example.values()]) await removeDir(site?.tmp);
});

async function open(url: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function search(query: string): Promise<{ count: string; first: { href: string | null; type: string } }> {
  const page = await open(`${polyglot.fileUrl('search.html')}?q=${encodeURIComponent(query)}`);
  try {
    await page.waitForSelector('#search-results li.search-result');
    const count = (await page.textContent('#search-results .search-count'))!;
    const first = page.locator('#search-results li.search-result').first();
    return {
      count,
      first: { href: await first.locator('a.result-title').getAttribute('href'), type: (await first.locator('.type').textContent())! },
    };
  } finally {
    await page.context().close();
  }
}

test('search in Arabic finds the Arabic report, with the count in Arabic', async () => {
  const { count, first } = await search('إضراب');
  assert.equal(first.href, 'articles/arabic-report.html');
  assert.match(first.type, /^تقرير · /);
  assert.equal(count, 'نتيجة واحدة لـ «إضراب»');
});

test('search in Hebrew finds the Hebrew report, with the page’s words', async () => {
  const { count, first } = await search('שביתת');
  assert.equal(first.href, 'articles/hebrew-report.html');
  assert.match(first.type, /^تقرير · /);
  assert.match(count, /لـ «שביתת»$/);
});

test('a search with no result says so in Arabic; a name in Hebrew finds its entity, named by its other names', async () => {
  const page = await open(`${polyglot.fileUrl('search.html')}?q=${encodeURIComponent('רשות הנמל')}`);
  try {
    await page.waitForSelector('#search-results li.search-result');
    assert.equal(
      await page.locator('#search-results li.search-result').first().locator('a.result-title').getAttribute('href'),
      'entities/port-authority.html',
    );
    assert.match((await page.locator('.result-names').first().textContent())!, /^يُعرف أيضًا باسم /);
    await page.fill('#q', 'zzzzqqq');
    await page.waitForFunction(() => document.querySelector('#search-results .search-count')?.textContent?.includes('zzzzqqq'));
    assert.equal(await page.textContent('#search-results .search-count'), 'لا نتائج لـ «zzzzqqq».');
  } finally {
    await page.context().close();
  }
});

test('right to left, the layout mirrors: the infobox left of the text, the timeline rail on the right', async () => {
  const site = example.get('ar')!;
  const sheet = await open(site.fileUrl('entities/kim-jong-un.html'));
  try {
    assert.equal(await sheet.getAttribute('html', 'dir'), 'rtl');
    const main = (await sheet.locator('.sheet-main').boundingBox())!;
    const infobox = (await sheet.locator('.infobox').boundingBox())!;
    assert.ok(infobox.x + infobox.width <= main.x, `the infobox (${infobox.x}) is left of the text (${main.x})`);
    const nav = (await sheet.locator('.site-nav').boundingBox())!;
    const brand = (await sheet.locator('.brand').boundingBox())!;
    assert.ok(brand.x > nav.x, 'the title is on the right, the navigation after it to the left');
    const borders = await sheet
      .locator('.fact-line')
      .first()
      .evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
    assert.deepEqual(borders, ['3px', '0px'], 'a fact line’s rule is on its right');
  } finally {
    await sheet.context().close();
  }
  const phone = await open(site.fileUrl('timeline.html'), 390);
  try {
    const rail = await phone
      .locator('.timeline-day')
      .first()
      .evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
    assert.deepEqual(rail, ['2px', '0px']);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing runs off the side at 390 px');
  } finally {
    await phone.context().close();
  }
});

test('on a right-to-left page, an English paragraph of content reads left to right: its full stop at its end', async () => {
  const site = example.get('ar')!;
  const sheet = await open(site.fileUrl('entities/kim-jong-un.html'));
  try {
    // Where the last word's last letter and the full stop after it are drawn: right to left, the
    // stop would be put at the paragraph's left end, before the English words.
    const [first, last] = await sheet
      .locator('.profile p')
      .first()
      .evaluate((p) => {
        // (No named functions in here: the page runs this as it is, without the test's helpers.)
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim()) texts.push(n as Text);
        const end = texts[texts.length - 1]!;
        const lefts: number[] = [];
        for (const [node, i] of [
          [end, end.textContent!.trimEnd().length - 2],
          [end, end.textContent!.trimEnd().length - 1],
        ] as const) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          lefts.push(range.getBoundingClientRect().left);
        }
        return lefts;
      });
    assert.ok(first! < last!, `the last letter is at ${first} px and the full stop at ${last} px: left to right`);
  } finally {
    await sheet.context().close();
  }
});

test('French navigation, longer than English, is whole at 1280 and 390 px: no link cut off', async () => {
  for (const width of [1280, 390]) {
    const page = await open(example.get('fr')!.fileUrl('entities/kim-jong-un.html'), width);
    try {
      const hidden = await page.evaluate(() => {
        const nav = document.querySelector('.site-nav')!;
        const box = nav.getBoundingClientRect();
        return [...nav.querySelectorAll('a')]
          .filter((a) => {
            const r = a.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5;
          })
          .map((a) => a.textContent);
      });
      assert.deepEqual(hidden, [], `${width} px`);
    } finally {
      await page.context().close();
    }
  }
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

for (const lang of ['fr', 'ar']) {
  for (const rel of ['index.html', 'entities/kim-jong-un.html', 'timeline.html', 'search.html?q=Putin']) {
    test(`axe: nothing serious on ${rel} in ${lang}`, async () => {
      const [file, query] = rel.split('?');
      const page = await open(example.get(lang)!.fileUrl(file!) + (query ? `?${query}` : ''));
      try {
        if (query) await page.waitForSelector('#search-results li.search-result');
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
          return (await axe.run(document, { resultTypes: ['violations'] })).violations;
        });
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(
          serious.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`),
          [],
        );
      } finally {
        await page.context().close();
      }
    });
  }
}
