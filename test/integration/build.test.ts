/**
 * Builds the `newsroom` fixture (a content folder written to FORMAT.md, see test/fixtures/sites)
 * and checks the exports against numbers worked out by hand from its four articles.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { checkLinks, listFiles, readHtml, readJson, snapshot, tempDir } from '../helpers/site.ts';

const input = path.resolve('test/fixtures/sites/newsroom');
let out: string;
let result: Awaited<ReturnType<typeof build>>;

before(async () => {
  out = path.join(await tempDir(), 'site');
  result = await build({ input, output: out });
});
after(async () => fs.rm(path.dirname(out), { recursive: true, force: true }));

test('the build succeeds with exactly one warning: the unknown Harbour Engineers Guild', () => {
  assert.equal(result.ok, true);
  assert.deepEqual(
    result.diagnostics.map((d) => [path.relative(input, d.file), d.line, d.column, d.severity, d.code]),
    // ferries-add-sailings.md: 4 front-matter lines + body; the third paragraph is file line 10,
    // and "[[Harbour Engineers Guild]]" starts at column 105 (after the 104-character span and ", said a ").
    [['articles/ferries-add-sailings.md', 10, 105, 'warning', 'unknown-entity']],
  );
});

interface EntityRow {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  page: string;
  mentionCount: number;
  articles: string[];
  related: { id: string; weight: number }[];
}

test('data/entities.json counts every resolved mention in articles, and only there', async () => {
  const rows = await readJson<EntityRow[]>(out, 'data/entities.json');
  const counts = Object.fromEntries(rows.map((r) => [r.id, r.mentionCount]));
  assert.deepEqual(counts, {
    // council-closes-bridge: 1; ferries: "[[Portvale Council]]" inside the claim + "[[council]]" = 2
    'portvale-council': 3,
    // council-closes-bridge: 1 (the code span and the escaped one do not count); ferries: 1
    'harbour-bridge': 2,
    // council-closes-bridge: "Mara Lind" + "Lind" = 2; interview: Cyrillic alias + "MARA   LIND" = 2; the draft: 0
    'mara-lind': 4,
    // council-closes-bridge: "Bluewater"; ferries: 1; interview: 1
    'bluewater-ferries': 3,
    // ferries: "[[portvale|the harbour]]" (profiles and attributes do not count)
    portvale: 1,
    // the stub for the unknown name
    'harbour-engineers-guild': 1,
  });
  const lind = rows.find((r) => r.id === 'mara-lind')!;
  assert.deepEqual(lind.aliases, ['Lind', 'Мара Линд']);
  assert.equal(lind.page, 'entities/mara-lind.html');
  assert.deepEqual([...lind.articles].sort(), ['council-closes-bridge', 'lind-interview']);
  // Lind and Bluewater share a paragraph in two articles.
  assert.deepEqual(lind.related, [{ id: 'bluewater-ferries', weight: 2 }]);
  const bridge = rows.find((r) => r.id === 'harbour-bridge')!;
  assert.deepEqual(
    [...bridge.related].sort((a, b) => a.id.localeCompare(b.id)),
    [
      { id: 'bluewater-ferries', weight: 1 },
      { id: 'portvale', weight: 1 },
      { id: 'portvale-council', weight: 1 },
    ],
  );
  assert.ok(!rows.some((r) => r.id === 'secret-draft'), 'draft entities are left out');
});

test('data/articles.json lists the published articles with their entities', async () => {
  const rows = await readJson<
    { slug: string; title: string; source: string; published: string; url?: string; page: string; entities: string[] }[]
  >(out, 'data/articles.json');
  assert.deepEqual(
    rows.map((r) => r.slug),
    ['lind-interview', 'ferries-add-sailings', 'council-closes-bridge'],
    'newest first, the draft left out',
  );
  const council = rows.find((r) => r.slug === 'council-closes-bridge')!;
  assert.deepEqual(council, {
    slug: 'council-closes-bridge',
    title: 'Council closes the Harbour Bridge',
    source: 'Portvale Gazette',
    published: '2024-03-01',
    url: 'https://gazette.example/bridge',
    page: 'articles/council-closes-bridge.html',
    entities: ['bluewater-ferries', 'harbour-bridge', 'mara-lind', 'portvale-council'],
  });
  assert.ok(!('url' in rows.find((r) => r.slug === 'lind-interview')!));
});

test('data/claims.json: reports, distinct sources, subjects and conflicts in both directions', async () => {
  const rows = await readJson<
    {
      id: string;
      reports: { article: string; text: string; date?: string }[];
      subjects: string[];
      sourceCount: number;
      conflicts: string[];
    }[]
  >(out, 'data/claims.json');
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
  assert.deepEqual(Object.keys(byId).sort(), ['bridge-closed-cracks', 'bridge-safe', 'repairs-six-weeks']);
  const cracks = byId['bridge-closed-cracks']!;
  // Three reports from two publications ("Portvale Gazette" and "portvale gazette" are one).
  assert.equal(cracks.reports.length, 3);
  assert.equal(cracks.sourceCount, 2);
  assert.deepEqual(cracks.subjects, ['portvale-council']);
  assert.deepEqual(cracks.conflicts, ['bridge-safe']);
  assert.deepEqual(
    cracks.reports.find((r) => r.article === 'ferries-add-sailings'),
    { article: 'ferries-add-sailings', text: 'Portvale Council closed the bridge because of cracks', date: '2024-03-01' },
  );
  assert.deepEqual(
    cracks.reports.find((r) => r.article === 'lind-interview'),
    { article: 'lind-interview', text: 'the bridge was closed because of cracks' },
  );
  assert.deepEqual(byId['bridge-safe'], {
    id: 'bridge-safe',
    reports: [{ article: 'ferries-add-sailings', text: 'The bridge is safe and could reopen at once' }],
    subjects: [],
    sourceCount: 1,
    conflicts: ['bridge-closed-cracks'],
  });
  assert.equal(byId['repairs-six-weeks']!.sourceCount, 1);
});

test('data/quotes.json attributes each quotation to its speaker', async () => {
  assert.deepEqual(await readJson(out, 'data/quotes.json'), [
    { speaker: 'mara-lind', article: 'council-closes-bridge', text: '“Safety comes first.”', date: '2024-03-01' },
  ]);
});

test('every page exists: home, articles, fact sheets, indexes', async () => {
  const files = await listFiles(out);
  for (const page of [
    'index.html',
    'entities/index.html',
    'timeline.html',
    'sources.html',
    'search.html',
    'articles/council-closes-bridge.html',
    'articles/ferries-add-sailings.html',
    'articles/lind-interview.html',
    'entities/mara-lind.html',
    'entities/harbour-engineers-guild.html',
  ]) {
    assert.ok(files.includes(page), `${page} is built`);
  }
  assert.ok(!files.includes('articles/unpublished-draft.html'));
  assert.ok(!files.includes('entities/secret-draft.html'));
});

test('no broken, absolute or folder link on any page', async () => {
  const { problems, checked } = await checkLinks(out);
  assert.ok(checked > 100, `checked ${checked} links`);
  assert.deepEqual(problems, []);
});

test('an article page links its mentions and shows its metadata', async () => {
  const doc = await readHtml(out, 'articles/council-closes-bridge.html');
  const mentions = doc.querySelectorAll('.report-body a.mention').map((a) => [a.text, a.getAttribute('href')]);
  assert.deepEqual(mentions, [
    ['Portvale Council', '../entities/portvale-council.html'],
    ['Harbour Bridge', '../entities/harbour-bridge.html'],
    ['Mara Lind', '../entities/mara-lind.html'],
    ['Lind', '../entities/mara-lind.html'],
    ['Bluewater', '../entities/bluewater-ferries.html'],
  ]);
  assert.equal(doc.querySelector('code')!.text, '[[Harbour Bridge]]');
  // "In this report": each entity once, most mentioned first, with its count of mentions above.
  const chips = doc
    .querySelectorAll('.report-foot .chip')
    .map((a) => [a.getAttribute('data-entity'), a.querySelector('.count')!.text.replace(/\D/g, '')]);
  assert.deepEqual(chips, [
    ['mara-lind', '2'],
    ['bluewater-ferries', '1'],
    ['harbour-bridge', '1'],
    ['portvale-council', '1'],
  ]);
  assert.equal(doc.querySelector('.original-url')!.getAttribute('href'), 'https://gazette.example/bridge');
  assert.match(doc.querySelector('.byline')!.text, /A\. Writer, B\. Writer/);
});

test('a fact sheet shows mentions in context, each linking to its paragraph', async () => {
  const doc = await readHtml(out, 'entities/mara-lind.html');
  assert.equal(doc.querySelector('h1')!.text, 'Mara Lind');
  const snippets = doc.querySelectorAll('.snippets a.snippet');
  assert.equal(snippets.length, 4);
  assert.equal(snippets.map((s) => s.querySelector('mark')!.text).join('|'), 'Мара Линд|MARA LIND|Mara Lind|Lind');
  // Each snippet is the sentence around the mention.
  assert.equal(snippets[3]!.text, 'Lind added that Bluewater will add ferries.');
  assert.equal(snippets[3]!.getAttribute('href'), '../articles/council-closes-bridge.html#p-2');
  assert.match(doc.querySelector('.infobox')!.text, /4 in 2 reports/);
});

test('an unknown name in an entity attribute gets its stub page, so the attribute link works', async () => {
  const dir = await tempDir();
  try {
    const input = path.join(dir, 'content');
    await fs.mkdir(path.join(input, 'entities'), { recursive: true });
    await fs.mkdir(path.join(input, 'articles'));
    await fs.writeFile(path.join(input, 'briefing.md'), '---\ntitle: T\nlanguage: en\n---\nHi.\n');
    await fs.writeFile(
      path.join(input, 'entities/harbour.md'),
      '---\nname: Harbour\ntype: place\nattributes:\n  Operator: "[[Quay Nobody]]"\n---\nA harbour.\n',
    );
    await fs.writeFile(path.join(input, 'articles/a.md'), '---\ntitle: A\nsource: W\npublished: 2024-01-01\n---\nThe [[Harbour]].\n');
    const out = path.join(dir, 'site');
    const result = await build({ input, output: out });
    assert.equal(result.ok, true);
    assert.ok(result.diagnostics.some((d) => d.code === 'unknown-entity' && d.line === 5));
    const harbour = await readHtml(out, 'entities/harbour.html');
    assert.ok(harbour.querySelector('a[href="../entities/quay-nobody.html"]'), 'the attribute links to the stub');
    const { problems } = await checkLinks(out);
    assert.deepEqual(problems, []);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('rendered in many small batches (one page per Eleventy run), the site is byte for byte the same', async () => {
  const small = path.join(path.dirname(out), 'small-batches');
  process.env['BRIEFING_BATCH_CHARS'] = '1';
  try {
    assert.equal((await build({ input, output: small })).ok, true);
  } finally {
    delete process.env['BRIEFING_BATCH_CHARS'];
  }
  const [one, many] = [await snapshot(out), await snapshot(small)];
  assert.ok(one.size > 20, `only ${one.size} files`);
  assert.deepEqual([...many.keys()], [...one.keys()]);
  for (const [file, bytes] of one) assert.equal(many.get(file), bytes, `${file} differs`);
});
