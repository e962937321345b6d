/**
 * Source records and publication pages (FORMAT.md §5), on the `sources-desk` fixture, a folder
 * no other test builds. The expected values are worked out from its files:
 * - articles/ferry-strike.md names "Harbour Gazette" (the record's name) and
 *   ferry-strike-update.md "the harbour   GAZETTE" (its alias "The Harbour Gazette", after case
 *   folding and whitespace collapsing): one publication, so ferry-suspended, which only those
 *   two report, has sourceCount 1;
 * - strike-monday is reported by the Gazette, Dockside Radio (no record) and Quay "Watch" (a
 *   record with a hostile name): 3; ferry-running by Dockside Radio alone, and it contradicts
 *   ferry-suspended;
 * - "Harbour Gazette!" matches no record (free text, no error; a warning at its value, 3:9, since
 *   it is one edit from the record's name); its slug, harbour-gazette, is the record's id, so its
 *   page is numbered on: harbour-gazette-2;
 * - sources/silent-wire.md is named by no article: a warning at its name (2:7), and no page.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, check } from '../../src/index.ts';
import { pageList } from '../../src/site/pages.ts';
import { checkLinks, readHtml, readJson, tempDir, writeTree } from '../helpers/site.ts';

const input = path.resolve('test/fixtures/sites/sources-desk');
let out: string;
let result: Awaited<ReturnType<typeof build>>;

before(async () => {
  out = path.join(await tempDir(), 'site');
  result = await build({ input, output: out });
});
after(async () => fs.rm(path.dirname(out), { recursive: true, force: true }));

const text = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

test('the build succeeds with two warnings: a near miss of a record name, and the record no article names', () => {
  assert.equal(result.ok, true);
  assert.deepEqual(
    result.diagnostics.map((d) => [path.relative(input, d.file), d.line, d.column, d.severity, d.code]),
    [
      ['articles/gazette-mirror.md', 3, 9, 'warning', 'unknown-source'],
      ['sources/silent-wire.md', 2, 7, 'warning', 'unused-source'],
    ],
  );
  assert.match(result.diagnostics[0]!.message, /did you mean "Harbour Gazette" \(sources\/harbour-gazette\.md\)\?/);
});

test('data/sources.json lists every publication articles name, by name, with id and reliability where profiled', async () => {
  assert.deepEqual(await readJson(out, 'data/sources.json'), [
    { name: 'Dockside Radio', page: 'sources/dockside-radio.html', articles: ['dock-report'] },
    {
      id: 'harbour-gazette',
      name: 'Harbour Gazette',
      page: 'sources/harbour-gazette.html',
      articles: ['ferry-strike-update', 'ferry-strike'],
      reliability: 'B',
    },
    { name: 'Harbour Gazette!', page: 'sources/harbour-gazette-2.html', articles: ['gazette-mirror'] },
    { id: 'quay-watch', name: 'Quay "Watch" <i>&</i>', page: 'sources/quay-watch.html', articles: ['quay-note'], reliability: 'E' },
  ]);
});

test('two spellings of one profiled publication are one source in sourceCount', async () => {
  const claims = await readJson<{ id: string; sourceCount: number }[]>(out, 'data/claims.json');
  assert.deepEqual(Object.fromEntries(claims.map((c) => [c.id, c.sourceCount])), {
    'strike-monday': 3,
    'ferry-running': 1,
    'ferry-suspended': 1,
  });
  // Mentions in a source's profile link but do not count: three articles mention Port Authority once each.
  const entities = await readJson<{ id: string; mentionCount: number }[]>(out, 'data/entities.json');
  assert.equal(entities.find((e) => e.id === 'port-authority')?.mentionCount, 3);
});

test("a profiled publication's page: record, profile, its claims alone and shared, conflicts, reports newest first", async () => {
  const doc = await readHtml(out, 'sources/harbour-gazette.html');
  assert.equal(text(doc.querySelector('h1')?.text), 'Harbour Gazette');
  const facts = Object.fromEntries(
    doc.querySelectorAll('.infobox dl > div').map((d) => [text(d.querySelector('dt')?.text), text(d.querySelector('dd')?.text)]),
  );
  assert.deepEqual(facts, {
    Reliability: 'B usually reliable',
    'Also written': 'The Harbour Gazette · HG Online',
    Website: 'https://gazette.example/',
    Country: 'Exampleland',
    Owner: 'Gazette Media <Group> & Sons',
    Language: 'en-GB',
    Reports: '2',
  });
  assert.equal(doc.querySelector('.infobox a')?.getAttribute('href'), 'https://gazette.example/');
  const profile = doc.querySelector('.profile')!;
  assert.equal(profile.querySelector('a')?.getAttribute('href'), '../entities/port-authority.html');
  assert.equal(profile.querySelectorAll('script').length, 0);
  assert.match(profile.innerHTML, /&lt;script&gt;alert\(&quot;profile&quot;\)&lt;\/script&gt;/);
  const list = (id: string): string[] =>
    doc
      .querySelector(`section[aria-labelledby="${id}"]`)
      ?.querySelectorAll('li .claim-text')
      .map((t) => text(t.text)) ?? [];
  // Claims without a record read as the earliest report's words, quoted (docs/format.md).
  assert.deepEqual(list('only-h'), ['Port Authority suspended the night ferry']);
  assert.deepEqual(list('shared-h'), ['The strike began on Monday']);
  assert.deepEqual(
    doc.querySelectorAll('.source-conflicts li').map((li) => text(li.text)),
    ['Port Authority suspended the night ferry (report) contradicts The night ferry runs as usual (report)'],
  );
  assert.deepEqual(
    doc.querySelectorAll('section[aria-labelledby="reports-h"] .article-link').map((a) => a.getAttribute('href')),
    ['../articles/ferry-strike-update.html', '../articles/ferry-strike.html'],
  );
});

test("an unprofiled publication's page says it has no profile and lists what it reports", async () => {
  const doc = await readHtml(out, 'sources/dockside-radio.html');
  assert.equal(text(doc.querySelector('h1')?.text), 'Dockside Radio');
  assert.equal(doc.querySelector('.infobox'), null);
  assert.match(text(doc.querySelector('.notice')?.text), /no profile/);
  const list = (id: string): string[] =>
    doc
      .querySelector(`section[aria-labelledby="${id}"]`)
      ?.querySelectorAll('li .claim-text')
      .map((t) => text(t.text)) ?? [];
  assert.deepEqual(list('only-h'), ['The night ferry runs as usual']);
  assert.deepEqual(list('shared-h'), ['The strike began on Monday']);
  assert.equal(doc.querySelectorAll('.source-conflicts li').length, 1);
});

test('hostile names and profiles are escaped on every page that shows them', async () => {
  const page = await fs.readFile(path.join(out, 'sources/quay-watch.html'), 'utf8');
  assert.ok(!page.includes('<i>&</i>') && !page.includes('<b>hostile</b>'));
  const doc = await readHtml(out, 'sources/quay-watch.html');
  assert.equal(doc.querySelector('h1')?.text, 'Quay "Watch" <i>&</i>');
  assert.equal(doc.querySelectorAll('main i, main b').length, 0);
  const list = await fs.readFile(path.join(out, 'sources.html'), 'utf8');
  assert.ok(!list.includes('<i>&</i>'));
});

test('the sources page links to every publication page, and every link of the site resolves', async () => {
  const doc = await readHtml(out, 'sources.html');
  assert.deepEqual(
    doc.querySelectorAll('.source-group h2 a').map((a) => a.getAttribute('href')),
    ['sources/dockside-radio.html', 'sources/harbour-gazette.html', 'sources/harbour-gazette-2.html', 'sources/quay-watch.html'],
  );
  const { problems } = await checkLinks(out);
  assert.deepEqual(problems, []);
});

test("a claim's citations show each profiled source's reliability, letter and words", async () => {
  const doc = await readHtml(out, 'entities/port-authority.html');
  const card = doc.querySelector('#fact-strike-monday')!;
  const badges = card.querySelectorAll('.citations li').map((li) => {
    const badge = li.querySelector('.reliability');
    return [text(li.querySelector('.citation')?.text).split(',')[0], badge ? badge.getAttribute('title') : null];
  });
  assert.deepEqual(badges, [
    ['Quay "Watch" <i>&</i>', 'Source reliability E: unreliable'],
    ['Dockside Radio', null],
    ['Harbour Gazette', 'Source reliability B: usually reliable'],
  ]);
  assert.equal(text(card.querySelector('.reliability .visually-hidden')?.text), 'source reliability E: unreliable');
});

test('the publication pages are in the page list (which the sitemap lists) and, with data/sources.json, in the offline cache', async () => {
  const pages = pageList(result.model!)
    .filter((p) => p.kind === 'source')
    .map((p) => p.path);
  const expected = [
    'sources/dockside-radio.html',
    'sources/harbour-gazette.html',
    'sources/harbour-gazette-2.html',
    'sources/quay-watch.html',
  ];
  assert.deepEqual(pages, expected);
  const sw = await fs.readFile(path.join(out, 'sw.js'), 'utf8');
  for (const page of [...expected, 'data/sources.json']) assert.ok(sw.includes(`"./${page}"`), page);
});

test('a reliability in small letters is refused with a hint naming the capital; any other letter lists the scale', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, {
      'briefing.md': '---\ntitle: Scale\n---\n',
      'articles/a.md': '---\ntitle: A\nsource: Wire\npublished: 2024-01-01\n---\nText.\n',
      'sources/wire.md': '---\nname: Wire\nreliability: b\n---\n',
      'sources/agency.md': '---\nname: Agency\nreliability: AB\n---\n',
    });
    const result = await check({ input: dir });
    const messages = result.diagnostics
      .filter((d) => d.code === 'invalid-value')
      .map((d) => [path.basename(d.file), d.line, d.column, d.message]);
    assert.deepEqual(messages, [
      [
        'agency.md',
        3,
        14,
        '"reliability": "AB" is not a reliability: one letter A–F (A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged)',
      ],
      [
        'wire.md',
        3,
        14,
        '"reliability": "b" is not a reliability: write it as a capital letter: B (A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged)',
      ],
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
