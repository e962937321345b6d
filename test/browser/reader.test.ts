/**
 * What a reader of the example briefing sees in Chromium: no page scrolls sideways on a phone, and
 * a printed fact sheet carries the briefing's title, its as-of date and page numbers.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
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
