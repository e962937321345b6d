/**
 * What a reader of the example briefing sees in Chromium: no page scrolls sideways on a phone, and
 * a printed fact sheet carries the briefing's title, its as-of date and page numbers.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { openExample, type ExampleSession } from './helpers.ts';

let session: ExampleSession;

before(async () => {
  session = await openExample();
});

after(async () => session?.close());

test('no page of any kind scrolls sideways at 390 px', async () => {
  const { site, browser } = session;
  const articles = JSON.parse(await fs.readFile(path.join(site.out, 'data/articles.json'), 'utf8')) as { page: string }[];
  const pages = [
    ...articles.map((a) => a.page),
    'entities/kim-jong-un.html',
    'index.html',
    'entities/index.html',
    'timeline.html',
    'sources.html',
    'search.html?q=Putin',
  ];
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const wide: string[] = [];
    for (const rel of pages) {
      const [file, query] = rel.split('?');
      await page.goto(site.fileUrl(file!) + (query ? `?${query}` : ''), { waitUntil: 'load' });
      const { scroll, client, culprits } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        culprits: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      }));
      if (scroll > client) wide.push(`${rel}: ${scroll} > ${client} (${culprits.join(', ')})`);
    }
    assert.deepEqual(wide, []);
  } finally {
    await context.close();
  }
});

interface ClaimExport {
  id: string;
  subjects: string[];
  conflicts: string[];
}
interface QuoteExport {
  speaker: string;
  text: string;
}

test('a fact sheet: contents, then disputed facts with both sides, corroborated, single-source; long lists folded, nothing lost', async () => {
  const { site, context } = session;
  const claims = JSON.parse(await fs.readFile(path.join(site.out, 'data/claims.json'), 'utf8')) as ClaimExport[];
  const quotes = JSON.parse(await fs.readFile(path.join(site.out, 'data/quotes.json'), 'utf8')) as QuoteExport[];
  const page = await context.newPage();
  try {
    for (const id of ['kim-jong-un', 'missile-launch-2023-09-13']) {
      await page.goto(site.fileUrl(`entities/${id}.html`), { waitUntil: 'load' });
      const shape = await page.evaluate(() => {
        const main = document.querySelector('.sheet-main')!;
        return {
          sections: [...main.querySelectorAll(':scope > section > h2')].map((h) => h.id),
          factGroups: [...main.querySelectorAll('section[aria-labelledby="facts-h"] > h3')].map((h) => h.id),
          // Every link of the contents names an element of the page.
          contents: [...document.querySelectorAll('nav.toc a')].map((a) => ({
            href: a.getAttribute('href')!,
            found: !!document.getElementById(a.getAttribute('href')!.slice(1)),
          })),
          folds: [...document.querySelectorAll('details.fold')].map((d) => ({
            summary: d.querySelector(':scope > summary')!.textContent!.trim(),
            open: (d as HTMLDetailsElement).open,
          })),
          facts: [...document.querySelectorAll('[id^="fact-"]')].map((e) => e.id.slice('fact-'.length)),
          quotes: [...document.querySelectorAll('.quote-card blockquote')].map((q) => q.textContent!.trim()),
          disputes: [...document.querySelectorAll('section[aria-labelledby="facts-h"] .dispute')].map((d) =>
            [...d.querySelectorAll('.claim-card')].map((c) => c.id.slice('fact-'.length)),
          ),
        };
      });
      const order = ['profile-h', 'facts-h', 'quotes-h', 'mentions-h', 'timeline-h', 'sources-h'];
      assert.deepEqual(
        shape.sections,
        order.filter((s) => shape.sections.includes(s)),
        `${id}: sections in order`,
      );
      const groups = ['disputed-h', 'corroborated-h', 'single-h'];
      assert.deepEqual(
        shape.factGroups,
        groups.filter((g) => shape.factGroups.includes(g)),
        `${id}: fact groups in order`,
      );
      assert.ok(shape.contents.length >= 4, `${id}: a contents list`);
      for (const c of shape.contents) assert.ok(c.found, `${id}: the contents link ${c.href} leads somewhere`);
      // Every fact and quote about the entity is on the page, once.
      const mine = claims.filter((c) => c.subjects.includes(id)).map((c) => c.id);
      for (const c of mine) assert.ok(shape.facts.includes(c), `${id}: fact ${c} on the page`);
      assert.equal(new Set(shape.facts).size, shape.facts.length, `${id}: no fact twice`);
      for (const q of quotes.filter((x) => x.speaker === id))
        assert.ok(
          shape.quotes.some((t) => t.includes(q.text)),
          `${id}: quote “${q.text}”`,
        );
      for (const f of shape.folds) {
        assert.match(f.summary, /^Show all \d+ /, `${id}: ${f.summary}`);
        assert.equal(f.open, false, 'folded until asked');
      }
      if (id === 'kim-jong-un') assert.ok(shape.folds.length >= 3, `Kim Jong Un's long lists are folded: ${JSON.stringify(shape.folds)}`);
      else {
        // Both sides of the dispute, side by side, first among the facts.
        assert.equal(shape.factGroups[0], 'disputed-h');
        const disputed = claims.filter((c) => c.subjects.includes(id) && c.conflicts.length);
        assert.ok(disputed.length > 0);
        for (const c of disputed) {
          const pair = shape.disputes.find((d) => d.includes(c.id));
          assert.ok(pair, `${c.id} in a dispute`);
          for (const other of c.conflicts) assert.ok(pair.includes(other), `${c.id} beside ${other}`);
        }
      }
    }
    // A folded list opens with a click and shows its items.
    await page.goto(site.fileUrl('entities/kim-jong-un.html'), { waitUntil: 'load' });
    const fold = page.locator('details.fold').first();
    await fold.locator(':scope > summary').click();
    assert.equal(await fold.evaluate((d) => (d as HTMLDetailsElement).open), true);
  } finally {
    await page.close();
  }
});

test('the contents sit beside the text and stay in view on a wide screen, and come first on a phone', async () => {
  const { site, browser } = session;
  for (const [width, wide] of [
    [1280, true],
    [390, false],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(site.fileUrl('entities/kim-jong-un.html'), { waitUntil: 'load' });
      const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
      const toc = await box('nav.toc');
      const main = await box('.sheet-main');
      const info = await box('.infobox');
      if (wide) {
        assert.ok(toc.x >= main.x + main.width, 'the contents are right of the text');
        assert.ok(info.x >= main.x + main.width, 'and so is the infobox');
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.7));
        const top = await page.locator('nav.toc').evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(top >= 0 && top < 100, `the contents stay in view while scrolling (top ${top})`);
      } else {
        assert.ok(toc.y + toc.height <= info.y && toc.y + toc.height <= main.y, 'the contents come first on a phone');
      }
    } finally {
      await context.close();
    }
  }
});

test('a printed fact sheet has the briefing title and as-of date on every page, and page numbers', async () => {
  const { site, context } = session;
  const page = await context.newPage();
  try {
    await page.goto(site.fileUrl('entities/kim-jong-un.html'), { waitUntil: 'load' });
    const pdf = path.join(site.tmp, 'fact-sheet.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-']);
    const pages = stdout.split('\f').filter((p) => p.trim());
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    pages.forEach((text, i) => {
      const flat = text.replace(/\s+/g, ' ');
      assert.ok(
        flat.includes('Kim–Putin summit at the Vostochny Cosmodrome · current as of 13 September 2023'),
        `page ${i + 1}: the briefing's title and as-of date: ${flat.slice(0, 120)}`,
      );
      assert.ok(flat.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1}: its number: ${flat.slice(-200)}`);
    });
    // Folded lists print whole: the same text as with every fold opened by hand.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const opened = path.join(site.tmp, 'fact-sheet-opened.pdf');
    await page.pdf({ path: opened, format: 'A4' });
    const all = (await promisify(execFile)('pdftotext', [opened, '-'])).stdout;
    const printed = (await promisify(execFile)('pdftotext', [pdf, '-'])).stdout;
    assert.equal(printed.replace(/\s+/g, ' '), all.replace(/\s+/g, ' '));
  } finally {
    await page.close();
  }
});
