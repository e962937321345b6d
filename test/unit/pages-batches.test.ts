/**
 * The pages stage renders in batches of about a number of characters (src/site/render.ts) and
 * writes with a bounded backlog (src/site/writer.ts).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { PageKind, PageSpec } from '../../src/site/pages.ts';
import { batchChars, PageSizes } from '../../src/site/render.ts';
import { PageWriter } from '../../src/site/writer.ts';
import { closeSpillFile, HtmlSpill, openSpillFile } from '../../src/annotate/spill.ts';
import { tempDir } from '../helpers/site.ts';

// Batching reads a page's kind only: the item an article or entity page carries is left out.
const spec = (kind: PageKind, i: number): PageSpec => ({ path: `${kind}s/${i}.html`, kind, root: '../' }) as PageSpec;

test('a view not rendered yet gets a small first batch; measured sizes set the next ones', () => {
  const pages = [...Array.from({ length: 40 }, (_, i) => spec('article', i)), ...Array.from({ length: 40 }, (_, i) => spec('entity', i))];
  const sizes = new PageSizes();
  // Unknown: 100,000 characters assumed per page, so 2 fit in 250,000.
  assert.equal(sizes.batchEnd(pages, 0, 250_000), 2);
  sizes.record('article', 10_000);
  sizes.record('article', 20_000);
  // Articles now average 15,000: 16 more fit (240,000), the 17th would not.
  assert.equal(sizes.batchEnd(pages, 2, 250_000), 18);
  // A batch running into the entities counts them at the first guess.
  assert.equal(sizes.batchEnd(pages, 30, 250_000), 41);
  sizes.record('entity', 240_000);
  assert.equal(sizes.batchEnd(pages, 41, 250_000), 42);
  // A page larger than the budget is still rendered, alone.
  sizes.record('entity', 1_000_000);
  assert.equal(sizes.batchEnd(pages, 42, 250_000), 43);
  assert.equal(sizes.batchEnd(pages, 80, 250_000), 80);
});

test('however small the pages, a batch holds at most 3,000', () => {
  const pages = Array.from({ length: 7000 }, (_, i) => spec('article', i));
  const sizes = new PageSizes();
  sizes.record('article', 1);
  assert.equal(sizes.batchEnd(pages, 0, 1e12), 3000);
  assert.equal(sizes.batchEnd(pages, 6000, 1e12), 7000);
});

test('BRIEFING_BATCH_CHARS: unset means the default; anything but a whole number of 1 or more is refused', () => {
  assert.equal(batchChars(undefined), 32_000_000);
  assert.equal(batchChars(''), 32_000_000);
  assert.equal(batchChars('1'), 1);
  assert.equal(batchChars('5000000'), 5_000_000);
  for (const bad of ['abc', '0', '-5', '1.5', 'NaN', 'Infinity', '1e400'])
    assert.throws(() => batchChars(bad), /BRIEFING_BATCH_CHARS must be a whole number/, bad);
});

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

test('drain waits until the backlog is at most the given size; done until all is written', async () => {
  const root = await tempDir();
  dirs.push(root);
  const writer = new PageWriter(root);
  const pages = Array.from({ length: 50 }, (_, i) => ({ outputPath: path.join(root, 'a', `${i}.html`), content: 'x'.repeat(1000) }));
  for (const page of pages) writer.add(page.outputPath, page.content);
  await writer.drain(10_000);
  const afterDrain = (await fs.readdir(path.join(root, 'a'))).length;
  // At most 10 pages of 1,000 characters were still waiting or being written.
  assert.ok(afterDrain >= 40 - 4, `only ${afterDrain} of 50 pages on disk after drain(10,000)`);
  assert.equal(await writer.done(), 50);
  assert.equal((await fs.readdir(path.join(root, 'a'))).length, 50);
  assert.equal(await fs.readFile(path.join(root, 'a', '49.html'), 'utf8'), 'x'.repeat(1000));
});

test('two callers waiting at once are both woken', async () => {
  const root = await tempDir();
  dirs.push(root);
  const writer = new PageWriter(root);
  for (let i = 0; i < 30; i++) writer.add(path.join(root, `${i}.html`), 'y'.repeat(500));
  const [a, b] = await Promise.all([writer.drain(5_000), writer.done()]);
  assert.equal(a, undefined);
  assert.equal(b, 30);
});

test('a failed write rejects drain and done, and nothing more is written', async () => {
  const root = await tempDir();
  dirs.push(root);
  // "a" is a file, so nothing can be written under "a/".
  await fs.writeFile(path.join(root, 'a'), '');
  const writer = new PageWriter(root);
  for (let i = 0; i < 20; i++) writer.add(path.join(root, i < 10 ? 'a' : 'b', `${i}.html`), 'x');
  await assert.rejects(writer.drain(0), /ENOTDIR|EEXIST/);
  await assert.rejects(writer.done(), /ENOTDIR|EEXIST/);
  await assert.rejects(fs.readdir(path.join(root, 'b')), /ENOENT/);
});

test('a page outside the output folder is refused', async () => {
  const root = await tempDir();
  dirs.push(root);
  const writer = new PageWriter(path.join(root, 'site'));
  assert.throws(() => writer.add(path.join(root, 'elsewhere.html'), 'x'), /outside the output folder/);
  assert.equal(await writer.done(), 0);
});

test("a page around a spilled body is written with the body's bytes between its head and tail", async () => {
  const root = await tempDir();
  dirs.push(root);
  const fd = openSpillFile();
  try {
    const spill = new HtmlSpill(fd);
    spill.put('<p>before</p>');
    const body = spill.put('<p>“Ünïcödé” body — 金正恩</p>\n');
    spill.flush();
    const writer = new PageWriter(root);
    writer.add(path.join(root, 'a', 'page.html'), { head: '<main>“', body, tail: '”</main>\n' });
    writer.add(path.join(root, 'a', 'plain.html'), '<p>plain</p>');
    assert.equal(await writer.done(), 2);
    assert.equal(await fs.readFile(path.join(root, 'a', 'page.html'), 'utf8'), '<main>“<p>“Ünïcödé” body — 金正恩</p>\n”</main>\n');
    assert.equal(await fs.readFile(path.join(root, 'a', 'plain.html'), 'utf8'), '<p>plain</p>');
  } finally {
    closeSpillFile(fd);
  }
});
