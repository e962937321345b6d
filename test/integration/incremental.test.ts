/**
 * `serve`'s incremental rebuild must produce exactly the site a full build produces, while
 * rendering only the pages the edit touches.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { build } from '../../src/index.ts';
import { rebuild } from '../../src/incremental.ts';
import { snapshot, tempDir } from '../helpers/site.ts';

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function copyFixture(): Promise<string> {
  const dir = await tempDir();
  dirs.push(dir);
  const input = path.join(dir, 'content');
  await fs.cp('test/fixtures/sites/newsroom', input, { recursive: true });
  return input;
}

for (const parallel of [false, true]) {
  test(`editing one article: only its pages are rendered, and the site equals a full build (first build ${parallel ? 'with' : 'without'} the annotation worker)`, async () => {
    const input = await copyFixture();
    const out = path.join(path.dirname(input), 'site');
    // With the worker, the bodies it annotated are what the rebuild takes from the cache.
    const first = await build({ input, output: out, keepCache: true, parallel });
    assert.equal(first.ok, true);

    // Lind now also meets the Harbour Bridge and an unknown Quay Authority (a new stub).
    const file = path.join(input, 'articles/lind-interview.md');
    await fs.appendFile(file, '\nLater [[Mara Lind]] crossed the [[Harbour Bridge]] with the [[Quay Authority]].\n');
    const second = await rebuild({ input, output: out, keepCache: true }, first, new Set([file]));
    assert.equal(second.ok, true);
    await second.settled;
    assert.ok(second.pages < first.pages, `rendered ${second.pages} of ${first.pages} pages`);

    const fresh = path.join(path.dirname(input), 'fresh');
    const full = await build({ input, output: fresh });
    assert.equal(full.ok, true);
    // Diagnostics of unchanged files come from the cache: they must be the ones a full build finds.
    assert.deepEqual(second.diagnostics, full.diagnostics);
    assert.ok(full.diagnostics.length > 0, 'the fixture has warnings to compare');
    const [a, b] = [await snapshot(out), await snapshot(fresh)];
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), 'the same files');
    for (const [file, bytes] of b) assert.equal(a.get(file), bytes, `${file} equals the full build's`);
  });
}

test('a run of edits (claim wording, title and date, a mention removed): each rebuild equals a full build', async () => {
  const input = await copyFixture();
  const dir = path.dirname(input);
  const out = path.join(dir, 'site');
  let last = await build({ input, output: out, keepCache: true });
  assert.equal(last.ok, true);
  const edit = async (name: string, change: (text: string) => string): Promise<void> => {
    const file = path.join(input, 'articles', name);
    const before = await fs.readFile(file, 'utf8');
    const after = change(before);
    assert.notEqual(after, before, `the edit of ${name} changes it`);
    await fs.writeFile(file, after);
    last = await rebuild({ input, output: out, keepCache: true }, last, new Set([file]));
    assert.equal(last.ok, true);
    await last.settled;
    const fresh = path.join(dir, `fresh-${name}`);
    const full = await build({ input, output: fresh });
    // The model, with the views taken over from the previous one, is the one a full build makes.
    assert.deepEqual(JSON.parse(JSON.stringify(last.model)), JSON.parse(JSON.stringify(full.model)));
    const [a, b] = [await snapshot(out), await snapshot(fresh)];
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `after ${name}: the same files`);
    for (const [f, bytes] of b) assert.equal(a.get(f), bytes, `after ${name}: ${f} equals the full build's`);
  };
  // The claim's headline moves to the other report's wording (this one no longer reads as a
  // sentence), which changes the claim that contradicts it too.
  await edit('ferries-add-sailings.md', (t) =>
    t.replace('[[[Portvale Council]] closed the bridge because of cracks]', '[the council closed the bridge because of cracks]'),
  );
  // A new title and date: every fact sheet listing this report changes.
  await edit('council-closes-bridge.md', (t) =>
    t
      .replace('title: Council closes the Harbour Bridge', 'title: Harbour Bridge shut')
      .replace('published: 2024-03-01', 'published: 2024-02-28'),
  );
  // Bluewater is no longer named here.
  await edit('council-closes-bridge.md', (t) => t.replace('[[Bluewater]] will add ferries', 'ferries will be added'));
});

test('deleting an article removes its page and stubs only it named; briefing.md changes mean a full build', async () => {
  const input = await copyFixture();
  const out = path.join(path.dirname(input), 'site');
  const first = await build({ input, output: out, keepCache: true });
  const file = path.join(input, 'articles/ferries-add-sailings.md');
  await fs.rm(file);
  const second = await rebuild({ input, output: out, keepCache: true }, first, new Set([file]));
  assert.equal(second.ok, true);
  await second.settled;
  const files = await snapshot(out);
  assert.ok(!files.has('articles/ferries-add-sailings.html'));
  assert.ok(!files.has('entities/harbour-engineers-guild.html'), 'the stub only that article named is gone');
  assert.ok(!files.has('sources/coastal-wire.html'), "its publication's page is gone: Coastal Wire published no other report");

  const briefing = path.join(input, 'briefing.md');
  await fs.appendFile(briefing, '\nMore summary.\n');
  const third = await rebuild({ input, output: out, keepCache: true }, second, new Set([briefing]));
  // The article, the stub only it named, and its publication's page: Coastal Wire published no other report.
  assert.equal(third.pages, first.pages - 3, 'a full build: every page');
});
