/**
 * The example briefing in content/, built from the two raw reports in shared/seeds: it builds
 * with no warning, every entity has a profile, and what both reports say shows as corroborated.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { checkLinks, readHtml, readJson, tempDir } from '../helpers/site.ts';

let out: string;
let result: Awaited<ReturnType<typeof build>>;
before(async () => {
  out = path.join(await tempDir(), 'site');
  result = await build({ input: 'content', output: out, strict: true });
});
after(async () => fs.rm(path.dirname(out), { recursive: true, force: true }));

test('the example briefing builds under --strict with no diagnostic at all', () => {
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.ok, true);
});

test('it has both reports and a profile for every entity of note', async () => {
  const articles = await readJson<{ slug: string }[]>(out, 'data/articles.json');
  assert.equal(articles.length, 2);
  const entities = await readJson<{ id: string; type: string; mentionCount: number }[]>(out, 'data/entities.json');
  assert.ok(entities.length >= 30, `${entities.length} entities`);
  for (const type of ['person', 'organization', 'place', 'event', 'object'])
    assert.ok(
      entities.some((e) => e.type === type),
      type,
    );
  const model = result.model!;
  for (const e of model.entities) {
    assert.equal(e.stub, false, `${e.id} has a profile`);
    assert.ok(e.summary, `${e.id} has a summary`);
  }
  const top = [...entities]
    .sort((a, b) => b.mentionCount - a.mentionCount)
    .slice(0, 2)
    .map((e) => e.id);
  assert.deepEqual(top, ['kim-jong-un', 'vladimir-putin']);
});

test('facts both reports give are corroborated by two sources; the east-coast claim is disputed', async () => {
  const claims = await readJson<{ id: string; sourceCount: number; conflicts: string[]; reports: { article: string }[] }[]>(
    out,
    'data/claims.json',
  );
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const id of ['nk-missile-launch', 'japan-protest-via-beijing', 'missiles-outside-eez', 'cosmodrome-tour', 'summit-at-vostochny']) {
    assert.equal(byId.get(id)?.sourceCount, 2, id);
  }
  assert.deepEqual(byId.get('launch-from-east-coast')?.conflicts, ['launch-from-sunan']);
  assert.deepEqual(byId.get('launch-from-sunan')?.conflicts, ['launch-from-east-coast']);
  assert.ok(
    claims.some((c) => c.sourceCount === 1),
    'some facts have a single source',
  );
});

test('every direct quotation is attributed, Putin’s “There is time.” among them', async () => {
  const quotes = await readJson<{ speaker: string; text: string; date?: string }[]>(out, 'data/quotes.json');
  const putin = quotes.filter((q) => q.speaker === 'vladimir-putin').map((q) => q.text);
  assert.ok(putin.some((t) => t.includes('There is time.')));
  for (const speaker of ['kim-jong-un', 'dmitry-peskov', 'ankit-panda'])
    assert.ok(
      quotes.some((q) => q.speaker === speaker),
      speaker,
    );
});

test('editor-supplied metadata is marked on the article page', async () => {
  const doc = await readHtml(out, 'articles/kim-meets-putin-at-vostochny-cosmodrome.html');
  assert.match(doc.querySelector('.page-head .headline-mark')!.text, /Headline supplied by the editor/);
  assert.doesNotMatch(doc.querySelector('h1')!.text, /editor/, 'the mark is not part of the headline');
  assert.ok(doc.querySelector('.editor-note'));
});

test('no broken, absolute or folder link anywhere in the example site', async () => {
  const { problems } = await checkLinks(out);
  assert.deepEqual(problems, []);
});

test('every page has JSON-LD that parses, and every URL in it names a real page and passage', async () => {
  const { listFiles } = await import('../helpers/site.ts');
  const pages = (await listFiles(out)).filter((f) => f.endsWith('.html'));
  const types = new Set<string>();
  const passages: { page: string; file: string; fragment: string }[] = [];
  let urls = 0;
  for (const page of pages) {
    const doc = await readHtml(out, page);
    const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
    assert.equal(scripts.length, 1, `${page} has one JSON-LD block`);
    const data = JSON.parse(scripts[0]!.textContent) as unknown;
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '@type' && typeof x === 'string') types.add(x);
          if (k === 'url' && typeof x === 'string') {
            urls++;
            const [file, fragment] = path.posix.normalize(path.posix.join(path.posix.dirname(page), x)).split('#') as [string, string?];
            assert.ok(pages.includes(file), `${page}: JSON-LD url ${x} names no page`);
            if (fragment) passages.push({ page, file, fragment });
          }
          walk(x);
        }
      }
    };
    walk(data);
  }
  assert.ok(urls > 100, `${urls} URLs checked`);
  assert.ok(passages.length > 20, `${passages.length} passage links`);
  for (const { page, file, fragment } of passages)
    assert.ok((await pagesIds(file)).has(fragment), `${page}: JSON-LD names ${file}#${fragment}, which has no such id`);
  for (const t of ['NewsArticle', 'Person', 'Organization', 'Place', 'Event', 'Claim', 'Quotation', 'WebSite', 'CollectionPage'])
    assert.ok(types.has(t), `some page has a ${t}`);
});

async function pagesIds(file: string): Promise<Set<string>> {
  const doc = await readHtml(out, file);
  return new Set(doc.querySelectorAll('[id]').map((e) => e.getAttribute('id')!));
}
