/**
 * Entity images (FORMAT.md §6, docs/format.md): test/fixtures/sites/portraits has a 640×480 PNG
 * (Kim Ara, with hostile alt text), a 200×100 JPEG named by two entities (Harbour Authority and
 * Harbour Board) and an entity without an image (Pier Nine). Expected widths: 96 (the preview),
 * 288 (the infobox) and 576 (twice that) of the PNG; of the JPEG, which is narrower than 288, the
 * preview's 96 and its own 200 (Eleventy's image library never enlarges), once, named after the
 * first of its entities.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import vm from 'node:vm';
import sharp from 'sharp';
import { build, check } from '../../src/index.ts';
import { rebuild } from '../../src/incremental.ts';
import { checkLinks, listFiles, readHtml, snapshot, tempDir, writeTree } from '../helpers/site.ts';

const FIXTURE = path.resolve('test/fixtures/sites/portraits');
const HOSTILE_ALT = '"><script>alert(1)</script> Kim Ara & a <b>blue</b> backdrop';
let dir: string;
let out: string;

before(async () => {
  dir = await tempDir();
  out = path.join(dir, 'site');
  const result = await build({ input: FIXTURE, output: out });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('each image is resized once, to the widths the pages use, in WebP and its fallback format', async () => {
  const images = (await listFiles(out)).filter((f) => f.startsWith('assets/images/'));
  assert.deepEqual(images, [
    'assets/images/harbour-authority-200.jpeg',
    'assets/images/harbour-authority-200.webp',
    'assets/images/harbour-authority-96.jpeg',
    'assets/images/harbour-authority-96.webp',
    'assets/images/kim-ara-288.png',
    'assets/images/kim-ara-288.webp',
    'assets/images/kim-ara-576.png',
    'assets/images/kim-ara-576.webp',
    'assets/images/kim-ara-96.png',
    'assets/images/kim-ara-96.webp',
  ]);
  for (const file of images) {
    const meta = await sharp(path.join(out, file)).metadata();
    const [, width, format] = /-(\d+)\.(\w+)$/.exec(file)!;
    assert.equal(meta.width, Number(width), file);
    assert.equal(meta.format, format, file);
    // The aspect ratio is kept: 4:3 and 2:1.
    assert.equal(meta.height, file.includes('kim-ara') ? (meta.width * 3) / 4 : meta.width / 2, file);
  }
  // Nothing beside the site: the content folder gets no cache.
  assert.deepEqual(
    (await listFiles(FIXTURE)).filter((f) => !/\.md$/.test(f)),
    ['assets/logos/harbour.jpg', 'assets/people/kim.png'],
  );
});

test('the infobox shows the image: alt, width, height, lazy, and every src and srcset resolving from file://', async () => {
  const page = 'entities/kim-ara.html';
  const raw = await fs.readFile(path.join(out, page), 'utf8');
  assert.ok(!raw.includes('<script>alert(1)'), 'the alt text is escaped');
  const doc = await readHtml(out, page);
  const img = doc.querySelector('.infobox picture.infobox-image img');
  assert.ok(img, 'an <img> in the infobox');
  assert.equal(img.getAttribute('alt'), HOSTILE_ALT);
  assert.equal(img.getAttribute('width'), '288');
  assert.equal(img.getAttribute('height'), '216');
  assert.equal(img.getAttribute('loading'), 'lazy');
  assert.equal(img.getAttribute('decoding'), 'async');
  assert.equal(img.getAttribute('src'), '../assets/images/kim-ara-288.png');
  const source = doc.querySelector('.infobox picture source');
  assert.equal(source?.getAttribute('type'), 'image/webp');
  const urls = [img.getAttribute('src')!, ...srcset(img.getAttribute('srcset')), ...srcset(source?.getAttribute('srcset'))];
  assert.deepEqual(srcset(source?.getAttribute('srcset')), ['../assets/images/kim-ara-288.webp', '../assets/images/kim-ara-576.webp']);
  for (const url of urls) {
    assert.ok(!/^[a-z]+:|^\//i.test(url), `${url} is relative`);
    assert.ok(existsSync(path.join(out, 'entities', url)), `${url} exists`);
  }
  const { problems } = await checkLinks(out);
  assert.deepEqual(problems, []);
});

test('an image named by two entities is made once and shown on both; an entity without one shows none', async () => {
  for (const [page, alt] of [
    ['entities/harbour-authority.html', "The authority's red crest"],
    ['entities/harbour-board.html', "The board's red crest"],
  ] as const) {
    const img = (await readHtml(out, page)).querySelector('.infobox img');
    assert.equal(img?.getAttribute('src'), '../assets/images/harbour-authority-200.jpeg', page);
    assert.equal(img?.getAttribute('alt'), alt);
    assert.equal(img?.getAttribute('width'), '200');
    assert.equal(img?.getAttribute('height'), '100');
  }
  assert.equal((await readHtml(out, 'entities/pier-nine.html')).querySelector('.infobox img'), null);
});

test('the hover preview data has the thumbnail; the service worker lists every resized file', async () => {
  const sandbox: { window: { BRIEFING_PREVIEWS?: Record<string, unknown[]> } } = { window: {} };
  vm.runInNewContext(await fs.readFile(path.join(out, 'data', 'previews.js'), 'utf8'), sandbox);
  // Arrays from another context: compared as plain data.
  const previews = JSON.parse(JSON.stringify(sandbox.window.BRIEFING_PREVIEWS)) as Record<string, unknown[]>;
  assert.deepEqual(previews['kim-ara'], [
    'Kim Ara',
    'Person',
    'Chair of the Harbour Authority.',
    'assets/images/kim-ara-96.webp',
    96,
    72,
    HOSTILE_ALT,
  ]);
  assert.deepEqual(previews['harbour-board']?.slice(3), ['assets/images/harbour-authority-96.webp', 96, 48, "The board's red crest"]);
  assert.equal(previews['pier-nine']?.length, 3);
  const sw = await fs.readFile(path.join(out, 'sw.js'), 'utf8');
  const files = JSON.parse(/var FILES = (.*);/.exec(sw)![1]!) as string[];
  for (const f of (await listFiles(out)).filter((x) => x.startsWith('assets/images/'))) assert.ok(files.includes(`./${f}`), f);
});

/** Builds `input` in a new process and says whether sharp's native library was loaded into it. */
async function loadsSharp(input: string, output: string): Promise<boolean> {
  const script = path.join(dir, 'probe.mjs');
  await fs.writeFile(
    script,
    `import path from 'node:path';
import { build } from ${JSON.stringify(path.resolve('src/index.ts'))};
const r = await build({ input: process.argv[2], output: process.argv[3] });
if (!r.ok) throw new Error('build failed');
const objects = process.report.getReport().sharedObjects;
console.log(JSON.stringify(objects.some((o) => /sharp|vips/.test(path.basename(o)))));
`,
  );
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, input, output], { encoding: 'utf8' }).trim()) as boolean;
}

test('a build without images never loads sharp (or Eleventy’s image library); one with images does', async () => {
  assert.equal(await loadsSharp(path.resolve('test/fixtures/sites/records'), path.join(dir, 'plain')), false);
  assert.equal(await loadsSharp(FIXTURE, path.join(dir, 'again')), true);
});

function srcset(value: string | undefined | null): string[] {
  return (value ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]!);
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e0d15b0000000049454e44ae426082',
  'hex',
);

/** A content folder with one entity whose front matter ends with `lines`, checked. */
async function checkEntity(lines: string, files: Record<string, string | Buffer> = {}): Promise<string[]> {
  const input = await tempDir();
  try {
    await writeTree(input, {
      'briefing.md': '---\ntitle: T\n---\n',
      'entities/alpha.md': `---\nname: Alpha\ntype: person\n${lines}\n---\n`,
      'assets/ok.png': PNG,
      ...files,
    });
    const result = await check({ input });
    return result.diagnostics.map(
      (d) => `${d.file ? path.relative(input, d.file) : ''}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`,
    );
  } finally {
    await fs.rm(input, { recursive: true, force: true });
  }
}

test('image and imageAlt are checked, each problem at the image value: line 4, column 8', async () => {
  assert.deepEqual(await checkEntity('image: ok.png\nimageAlt: A dot'), []);
  assert.deepEqual(await checkEntity('image: assets/ok.png\nimageAlt: A dot'), []);
  const at = (d: string[]): string => (assert.equal(d.length, 1, d.join('\n')), d[0]!);
  assert.match(at(await checkEntity('image: ok.png')), /^entities\/alpha\.md:4:8: error invalid-value: "image": needs "imageAlt"/);
  assert.match(
    at(await checkEntity('image: gone.png\nimageAlt: x')),
    /^entities\/alpha\.md:4:8: error bad-image: "image": assets\/gone\.png does not exist/,
  );
  assert.match(
    at(await checkEntity('image: ../secret.png\nimageAlt: x')),
    /^entities\/alpha\.md:4:8: error invalid-value: "image": must stay inside assets\//,
  );
  assert.match(
    at(await checkEntity('image: /etc/x.png\nimageAlt: x')),
    /^entities\/alpha\.md:4:8: error invalid-value: "image": must be a relative path/,
  );
  assert.match(
    at(await checkEntity('image: notes.txt\nimageAlt: x', { 'assets/notes.txt': 'hi' })),
    /^entities\/alpha\.md:4:8: error invalid-value: "image": "notes\.txt" is not an image file name/,
  );
  assert.match(
    at(await checkEntity('image: fake.png\nimageAlt: x', { 'assets/fake.png': 'this is text, not a PNG' })),
    /^entities\/alpha\.md:4:8: error bad-image: "image": assets\/fake\.png is not an image/,
  );
  // An SVG is text: it is recognised by its root element.
  assert.deepEqual(
    await checkEntity('image: a.svg\nimageAlt: x', { 'assets/a.svg': '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>' }),
    [],
  );
});

test('a symbolic link out of assets/ is refused at the image value', async () => {
  const outside = await tempDir();
  try {
    await fs.writeFile(path.join(outside, 'secret.png'), PNG);
    const input = await tempDir();
    try {
      await writeTree(input, {
        'briefing.md': '---\ntitle: T\n---\n',
        'entities/alpha.md': '---\nname: Alpha\ntype: person\nimage: out.png\nimageAlt: x\n---\n',
      });
      await fs.mkdir(path.join(input, 'assets'));
      await fs.symlink(path.join(outside, 'secret.png'), path.join(input, 'assets', 'out.png'));
      const { diagnostics } = await check({ input });
      // The link itself is refused where assets/ is listed to be copied, and the image at its key.
      assert.deepEqual(
        diagnostics.map((d) => [path.relative(input, d.file), d.line, d.column, d.code]),
        [
          [path.join('assets', 'out.png'), 1, 1, 'outside-input'],
          [path.join('entities', 'alpha.md'), 4, 8, 'bad-image'],
        ],
      );
      assert.match(diagnostics[1]!.message, /leads outside the content folder's assets\//);
    } finally {
      await fs.rm(input, { recursive: true, force: true });
    }
  } finally {
    await fs.rm(outside, { recursive: true, force: true });
  }
});

test('serve: a rebuild after an article edit keeps the images and equals a full build', async () => {
  const input = path.join(dir, 'content');
  await fs.cp(FIXTURE, input, { recursive: true });
  const served = path.join(dir, 'served');
  const first = await build({ input, output: served, keepCache: true });
  assert.ok(first.ok);
  const file = path.join(input, 'articles', 'harbour-dues.md');
  await fs.appendFile(file, '\nLater [[Kim Ara]] toured [[Pier Nine]].\n');
  const second = await rebuild({ input, output: served, keepCache: true }, first, new Set([file]));
  assert.ok(second.ok);
  await second.settled;
  assert.ok(second.pages < first.pages, `rendered ${second.pages} of ${first.pages} pages`);
  const fresh = path.join(dir, 'fresh');
  assert.ok((await build({ input, output: fresh })).ok);
  const [a, b] = [await snapshot(served), await snapshot(fresh)];
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), 'the same files');
  for (const [f, bytes] of b) assert.equal(a.get(f), bytes, `${f} equals the full build's`);
  assert.ok((await readHtml(served, 'entities/kim-ara.html')).querySelector('.infobox img'));
});

test('an image sharp cannot read past its first bytes fails the build with one line, and the output is untouched', async () => {
  const input = path.join(dir, 'truncated');
  await fs.cp(FIXTURE, input, { recursive: true });
  const png = await fs.readFile(path.join(input, 'assets/people/kim.png'));
  await fs.writeFile(path.join(input, 'assets/people/kim.png'), png.subarray(0, 40));
  const before = await snapshot(out);
  await assert.rejects(build({ input, output: out }), (error: Error) => {
    assert.equal(error.name, 'UsageError');
    assert.match(error.message, /^assets\/people\/kim\.png \(the image of entities\/kim-ara\.md\) could not be resized: [^\n]+$/);
    return true;
  });
  assert.deepEqual(await snapshot(out), before);
});
