/**
 * A build keeps the articles' HTML in spill files between the annotate stage and the pages
 * (src/annotate/spill.ts); `serve` keeps it in memory. The site must come out the same either way,
 * on one thread and two (the worker spills its share to its own file), and a build, failed or not,
 * leaves no file behind and no descriptor open.
 */
import assert from 'node:assert/strict';
import { promises as fs, readdirSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { closeSpillFile, HtmlSpill, openSpillFiles, readHtml } from '../../src/annotate/spill.ts';
import { analyze, build } from '../../src/build.ts';
import { snapshot, tempDir, writeTree } from '../helpers/site.ts';

const FIXTURE = 'test/fixtures/sites/newsroom';
const dirs: string[] = [];
let tmp: string;
const savedTmp = process.env['TMPDIR'];

// Spill files go to the OS temporary folder: a fresh one, to see that nothing is left in it.
before(async () => {
  tmp = await tempDir();
  dirs.push(tmp);
  process.env['TMPDIR'] = tmp;
});
after(async () => {
  if (savedTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmp;
  await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

/** Enough articles, and few enough profiles, that the annotation worker takes some articles too. */
async function corpus(): Promise<string> {
  const input = await tempDir();
  dirs.push(input);
  const files: Record<string, string> = {
    'briefing.md': '---\ntitle: Spill\nlanguage: en\n---\nAbout [[Harbour]].\n',
    'entities/harbour.md': '---\nname: Harbour\ntype: place\n---\nA harbour.\n',
  };
  for (let i = 0; i < 12; i++) {
    files[`articles/a${i}.md`] =
      `---\ntitle: A${i}\nsource: S\npublished: 2024-03-${String(i + 1).padStart(2, '0')}\n---\n` +
      `The [[Harbour]] “${i}” — ${'ünïcödé text '.repeat(20 + i)}\n\nAnd [[New Name ${i}]].\n`;
  }
  await writeTree(input, files);
  return input;
}

/** The sizes of this process's open spill files, read through their descriptors. */
const spillSizes = (): number[] =>
  readdirSync('/proc/self/fd')
    .filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).includes('briefing-spill-');
      } catch {
        return false;
      }
    })
    .map((fd) => statSync(`/proc/self/fd/${fd}`).size)
    .sort((a, b) => a - b);

const spillsIn = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('briefing-spill-'));

/** This process's open spill files (a deleted file's link reads "…/bodies (deleted)"). */
const openSpills = (): string[] =>
  readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // closed since it was listed (readdir's own descriptor)
      }
    })
    .filter((link) => link.includes('briefing-spill-'));

test('spilled or kept in memory, on one thread or two: the same site', async () => {
  for (const input of [FIXTURE, await corpus()]) {
    const out = await tempDir('briefing-out-');
    dirs.push(out);
    const sites = [];
    for (const options of [{ keepCache: true }, { parallel: false }, { parallel: true }]) {
      const label = `${input} ${JSON.stringify(options)}`;
      const output = path.join(out, JSON.stringify(options).replace(/\W/g, ''));
      // When the pages stage ends, the spill files are still open and hold what each thread wrote.
      let during: number[] | undefined;
      const log = (line: string): void => {
        if (line.trimStart().startsWith('pages')) during = spillSizes();
      };
      const result = await build({ input, output, log, ...options });
      assert.equal(result.ok, true, label);
      if (options.keepCache) assert.deepEqual(during, [], `serve keeps the HTML in memory (${label})`);
      else {
        assert.equal(during?.length, 2, `two spill files open (${label})`);
        assert.ok(during[1]! > 0, `this thread's bodies spilled (${label})`);
        // The worker takes articles from the generated corpus only (the fixture is too small).
        if (input !== FIXTURE) assert.equal(during[0]! > 0, options.parallel, `the worker's bodies spilled (${label})`);
      }
      assert.deepEqual(openSpills(), [], `no spill file left open (${label})`);
      // A spilled build's result holds no bodies: they would point into closed files.
      if (!options.keepCache) assert.equal(result.bodies, undefined);
      sites.push(await snapshot(output));
    }
    assert.ok(sites[0]!.size > 10);
    assert.deepEqual(sites[1], sites[0]);
    assert.deepEqual(sites[2], sites[0]);
  }
  assert.deepEqual(spillsIn(tmp), [], 'no spill file left in the temporary folder');
});

test('a temporary folder that cannot be used: the HTML stays in memory, the same site, a note says so', async () => {
  const input = await corpus();
  const out = await tempDir('briefing-out-');
  dirs.push(out);
  const reference = await build({ input, output: path.join(out, 'a'), parallel: true });
  assert.equal(reference.ok, true);
  const lines: string[] = [];
  process.env['TMPDIR'] = path.join(tmp, 'missing');
  try {
    const result = await build({ input, output: path.join(out, 'b'), parallel: true, log: (line) => lines.push(line) });
    assert.equal(result.ok, true);
  } finally {
    process.env['TMPDIR'] = tmp;
  }
  assert.ok(
    lines.some((l) => /^note: no temporary file in .*missing .*stays in memory$/.test(l)),
    lines.join('\n'),
  );
  assert.deepEqual(await snapshot(path.join(out, 'b')), await snapshot(path.join(out, 'a')));
  assert.deepEqual(openSpills(), []);
  assert.deepEqual(spillsIn(tmp), []);
});

test('a failed build closes its spill files too', async () => {
  const input = await tempDir();
  dirs.push(input);
  await writeTree(input, {
    'briefing.md': '---\ntitle: Broken\nlanguage: en\n---\nA test.\n',
    'articles/a.md': '---\ntitle: A\nsource: S\npublished: 2024-03-01\n---\nA [claim]{claim=} with no id.\n',
  });
  const result = await build({ input, output: path.join(input, '_site'), parallel: true });
  assert.equal(result.ok, false);
  assert.deepEqual(openSpills(), []);
  assert.deepEqual(spillsIn(tmp), []);
});

test('with spill files, every article body is spilled, on this thread and the worker, and reads back as kept in memory', async () => {
  const input = await corpus();
  const kept = await analyze({ input, parallel: true });
  const fds = openSpillFiles();
  const spill = { here: new HtmlSpill(fds[0]), workerFd: fds[1], stopped: [] as Promise<void>[] };
  try {
    const spilled = await analyze({ input, parallel: true }, undefined, undefined, undefined, { spill });
    spill.here.flush();
    const html = [...spilled.bodies!.html];
    assert.equal(html.length, 12);
    assert.deepEqual(
      html.map(([slug]) => slug),
      [...kept.bodies!.html.keys()],
    );
    for (const [slug, body] of html) {
      assert.notEqual(typeof body, 'string', `${slug} is spilled`);
      assert.equal(readHtml(body), kept.bodies!.html.get(slug), slug);
    }
    // Both files were written: the worker's share and this thread's.
    assert.deepEqual(new Set(html.map(([, body]) => typeof body !== 'string' && body.fd)), new Set(fds));
    // The analysis hands over the worker's end, to wait for before its file is closed.
    assert.equal(spill.stopped.length, 1);
  } finally {
    await Promise.all(spill.stopped);
    for (const fd of fds) closeSpillFile(fd);
  }
});
