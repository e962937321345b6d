/**
 * feed.xml carries the latest FEED_ENTRIES articles, newest first: a feed is polled for what is
 * new, and one entry per article made a 6 MB feed at 10,000 articles.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../src/index.ts';
import { FEED_ENTRIES } from '../../src/emit/feed.ts';
import { tempDir, writeTree } from '../helpers/site.ts';

test(`feed.xml holds the ${FEED_ENTRIES} newest articles, newest first`, async () => {
  const dir = await tempDir();
  const total = FEED_ENTRIES + 3;
  const files: Record<string, string> = { 'briefing.md': '---\ntitle: Feed\n---\nSummary.\n' };
  const day = (i: number): string => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < total; i++) {
    files[`articles/a${i}.md`] = `---\ntitle: Article ${i}\nsource: Wire\npublished: ${day(i)}\n---\nText ${i}.\n`;
  }
  await writeTree(path.join(dir, 'content'), files);
  const result = await build({ input: path.join(dir, 'content'), output: path.join(dir, 'site') });
  assert.equal(result.ok, true);
  const feed = await fs.readFile(path.join(dir, 'site', 'feed.xml'), 'utf8');
  const titles = [...feed.matchAll(/<entry>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
  const newest = Array.from({ length: FEED_ENTRIES }, (_, i) => `Article ${total - 1 - i}`);
  assert.deepEqual(titles, newest);
});
