/**
 * Ids of different kinds are separate namespaces (FORMAT.md §1): an article, an entity and a claim
 * may share one id, and each still shows everywhere it belongs, once. Every map the model and the
 * emitters key by id holds one kind of id.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import type { Model, TimelineEntry } from '../../src/model/types.ts';
import { readJson, tempDir, writeTree } from '../helpers/site.ts';

let dir: string;
let out: string;
let result: Awaited<ReturnType<typeof build>>;
let model: Model;

before(async () => {
  dir = await tempDir();
  out = path.join(dir, 'site');
  // "summit" is an article's slug, an entity's id and a claim's id; "talks" a slug and a claim id.
  await writeTree(path.join(dir, 'content'), {
    'briefing.md': '---\ntitle: Namespaces\n---\nSummary.\n',
    'entities/summit.md': '---\nname: The Summit\ntype: event\n---\nA meeting.\n',
    'articles/summit.md': [
      '---\ntitle: Summit report\nsource: Wire\npublished: 2023-09-13\n---',
      '[[[The Summit]] opened in Vostochny]{claim=summit date=2023-09-12}.',
      '',
      '[[[The Summit]] ended with talks]{claim=talks date=2023-09-13}.',
      '',
    ].join('\n'),
    'articles/talks.md': [
      '---\ntitle: Talks report\nsource: Agency\npublished: 2023-09-14\n---',
      '[[[The Summit]] opened in Vostochny]{claim=summit date=2023-09-12}, said [[The Summit]].',
      '',
    ].join('\n'),
  });
  result = await build({ input: path.join(dir, 'content'), output: out });
  model = result.model!;
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

const entries = (days: readonly { entries: readonly TimelineEntry[] }[]): string[] =>
  days.flatMap((d) => d.entries.map((e) => `${e.kind} ${e.target}`));

test('a claim whose id is an article slug is on the timelines, and the article once', () => {
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
  // By date; a claim links to its first report (articles come newest first), and on one day
  // (untimed entries, in source order) a report comes before what it says.
  const expected = [
    'claim articles/talks.html#claim-summit',
    'article articles/summit.html',
    'claim articles/summit.html#claim-talks',
    'article articles/talks.html',
  ];
  assert.deepEqual(entries(model.timeline.items), expected);
  const sheet = model.entities.find((e) => e.id === 'summit')!;
  assert.deepEqual(entries(sheet.timeline.items), expected);
});

test('the exports list each article, entity and claim once, by its own id', async () => {
  const articles = await readJson<{ slug: string }[]>(out, 'data/articles.json');
  const entities = await readJson<{ id: string; articles: string[] }[]>(out, 'data/entities.json');
  const claims = await readJson<{ id: string; reports: { article: string }[] }[]>(out, 'data/claims.json');
  assert.deepEqual(articles.map((a) => a.slug).sort(), ['summit', 'talks']);
  assert.deepEqual(
    entities.map((e) => [e.id, e.articles.sort()]),
    [['summit', ['summit', 'talks']]],
  );
  assert.deepEqual(claims.map((c) => [c.id, c.reports.map((r) => r.article).sort()]).sort(), [
    ['summit', ['summit', 'talks']],
    ['talks', ['summit']],
  ]);
});

/** Builds a small folder with these extra files; the site goes to a fresh folder beside it. */
async function buildWith(files: Record<string, string>): Promise<{ result: Awaited<ReturnType<typeof build>>; out: string; dir: string }> {
  const dir = await tempDir();
  const out = path.join(dir, 'site');
  await writeTree(path.join(dir, 'content'), {
    'briefing.md': '---\ntitle: Pages\n---\nSummary.\n',
    ...files,
  });
  return { result: await build({ input: path.join(dir, 'content'), output: out }), out, dir };
}

test('an entity file whose page would be the entity index (entities/index.md) is an error at that file, not a crash', async () => {
  const { result, dir } = await buildWith({ 'entities/index.md': '---\nname: Index Fund\ntype: organization\n---\n' });
  try {
    assert.equal(result.ok, false);
    const d = result.diagnostics.find((x) => x.code === 'reserved-id');
    assert.ok(d, JSON.stringify(result.diagnostics));
    assert.equal(d.severity, 'error');
    assert.equal(path.relative(dir, d.file), path.join('content', 'entities', 'index.md'));
    assert.match(d.message, /entities\/index\.html/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('an unknown name whose id would be "index" gets a stub page of its own; entities/index.html stays the entity index', async () => {
  const { result, out, dir } = await buildWith({
    'articles/a.md': '---\ntitle: A\nsource: Wire\npublished: 2024-01-01\n---\nThe [[Index]] rose.\n',
  });
  try {
    assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
    const stub = result.model!.entities.find((e) => e.name === 'Index')!;
    assert.ok(stub.stub);
    assert.notEqual(stub.page, 'entities/index.html');
    const index = await fs.readFile(path.join(out, 'entities/index.html'), 'utf8');
    assert.ok(index.includes(`href="../${stub.page}"`), 'the entity index links to the stub');
    assert.ok((await fs.stat(path.join(out, stub.page))).isFile());
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a claim record whose id is also an article slug and an entity id (even "index") is the claim\'s record', async () => {
  const { result, dir } = await buildWith({
    'entities/index.md': '---\nname: Index Fund\ntype: organization\naliases: [Fund]\n---\n',
    'articles/a.md':
      '---\ntitle: A\nsource: Wire\npublished: 2024-01-01\n---\n[The [[Fund]] rose]{claim=a}, [it fell]{claim=index about=Fund}.\n',
    'claims/a.md': '---\nstatement: The fund rose.\ncredibility: 3\n---\n',
    'claims/index.md': '---\nstatement: The fund fell.\n---\n',
  });
  try {
    // entities/index.md is still an error of its own; claims/index.md is not (no page per claim).
    assert.deepEqual(
      result.diagnostics.map((d) => [path.relative(dir, d.file), d.code]),
      [[path.join('content', 'entities', 'index.md'), 'reserved-id']],
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const { result: ok, dir: dir2 } = await buildWith({
    'entities/a.md': '---\nname: Fund A\ntype: organization\n---\n',
    'articles/a.md':
      '---\ntitle: A\nsource: Wire\npublished: 2024-01-01\n---\n[[[Fund A]] rose]{claim=a}, [it fell]{claim=index about="Fund A"}.\n',
    'claims/a.md': '---\nstatement: Fund A rose.\ncredibility: 3\n---\n',
    'claims/index.md': '---\nstatement: Fund A fell.\n---\n',
  });
  try {
    assert.equal(ok.ok, true, JSON.stringify(ok.diagnostics));
    const claims = ok.model!.claims.map((c) => [c.id, c.statement, c.credibility?.value]);
    assert.deepEqual(claims.sort(), [
      ['a', 'Fund A rose.', 3],
      ['index', 'Fund A fell.', undefined],
    ]);
  } finally {
    await fs.rm(dir2, { recursive: true, force: true });
  }
});

test('a source record may share its id and name with an entity: mentions still name the entity, sources the record', async () => {
  const { result, out, dir } = await buildWith({
    'entities/summit.md': '---\nname: Summit\ntype: event\n---\nA meeting.\n',
    'sources/summit.md': '---\nname: Summit\naliases: [Summit Wire]\nreliability: C\n---\nA wire named like the meeting.\n',
    'articles/summit.md':
      '---\ntitle: Summit report\nsource: summit wire\npublished: 2024-01-01\n---\n[[[Summit]] opened]{claim=summit}.\n',
  });
  try {
    assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
    const sources = await readJson<{ id?: string; page: string; articles: string[] }[]>(out, 'data/sources.json');
    assert.deepEqual(sources, [{ id: 'summit', name: 'Summit', page: 'sources/summit.html', articles: ['summit'], reliability: 'C' }]);
    const entities = await readJson<{ id: string; page: string; mentionCount: number }[]>(out, 'data/entities.json');
    assert.deepEqual(
      entities.map((e) => [e.id, e.page, e.mentionCount]),
      [['summit', 'entities/summit.html', 1]],
    );
    const article = await fs.readFile(path.join(out, 'articles/summit.html'), 'utf8');
    assert.ok(article.includes('href="../entities/summit.html"'));
    assert.ok((await fs.stat(path.join(out, 'sources/summit.html'))).isFile());
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
