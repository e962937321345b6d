/**
 * Annotating articles on a worker thread beside the main one (src/annotate/parallel.ts) must
 * give exactly what one thread gives: the same model, the same diagnostics, the same stub ids,
 * also when two unknown names slug to one id and the threads meet them in another order.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { readHtml } from '../../src/annotate/spill.ts';
import { entityPage } from '../../src/site/paths.ts';
import { analyze } from '../../src/build.ts';
import { tempDir, writeTree } from '../helpers/site.ts';

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

/** A new, empty content folder's path, removed after the tests. */
async function contentFolder(): Promise<string> {
  const dir = await tempDir();
  dirs.push(dir);
  return path.join(dir, 'content');
}

async function both(input: string) {
  const [one, two] = [
    await analyze({ input, parallel: false, keepTexts: true }),
    await analyze({ input, parallel: true, keepTexts: true }),
  ];
  return { one, two };
}

/** The same diagnostics, model and bodies from one thread and from two. */
function assertSame(one: Awaited<ReturnType<typeof analyze>>, two: Awaited<ReturnType<typeof analyze>>): void {
  assert.deepEqual(two.diagnostics, one.diagnostics);
  assert.deepEqual(JSON.parse(JSON.stringify(two.model)), JSON.parse(JSON.stringify(one.model)));
  assert.deepEqual(two.bodies, one.bodies);
}

function article(title: string, body: string, day: number): string {
  return `---\ntitle: ${title}\nsource: Test Wire\npublished: 2024-03-${String(day).padStart(2, '0')}\n---\n${body}\n`;
}

test('the newsroom fixture: the same model and diagnostics on one thread and on two', async () => {
  const { one, two } = await both('test/fixtures/sites/newsroom');
  assert.equal(one.ok, true);
  assertSame(one, two);
});

test('unknown names that slug to one id get the ids one thread gives them', async () => {
  const input = await contentFolder();
  // "Quay Authority" and "Quay-Authority" are two names (two stubs) with one slug. In document
  // order "Quay Authority" (article a) is met first and gets quay-authority. The worker takes the
  // first articles; wherever the split falls (after a, b or c), this thread's first article names
  // only "Quay-Authority", which its own registry calls quay-authority: the ids differ, and from
  // there the bodies must be annotated again.
  await writeTree(input, {
    'briefing.md': '---\ntitle: Stubs\nlanguage: en\n---\nA test.\n',
    'entities/harbour.md': '---\nname: Harbour\ntype: place\n---\nA harbour.\n',
    'articles/a.md': article('A', 'The [[Quay Authority]] met at the [[Harbour]].', 1),
    'articles/b.md': article('B', 'The [[Quay-Authority]] and the [[Harbour]].', 2),
    'articles/c.md': article('C', 'Again the [[Quay-Authority]].', 3),
    'articles/d.md': article('D', 'The [[Quay-Authority]] replied, and [[Quay Authority]] too.', 4),
  });
  const { one, two } = await both(input);
  assertSame(one, two);
  const ids = one.model!.entities.map((e) => e.id).sort();
  assert.deepEqual(ids, ['harbour', 'quay-authority', 'quay-authority-2']);
  assert.match(readHtml(one.bodies!.html.get('d')!), /entities\/quay-authority-2\.html"[^>]*>Quay-Authority</);
});

test('profiles and attributes annotated by the worker get the stub ids one thread gives them', async () => {
  const input = await contentFolder();
  // The worker annotates the profiles after its articles, without the stubs this thread's
  // articles make. Article z (annotated here) names "Quay-Authority" first: quay-authority. The
  // profile, annotated by the worker, names "Quay Authority", which its own registry calls
  // quay-authority too; one thread calls it quay-authority-2, and so must two.
  await writeTree(input, {
    'briefing.md': '---\ntitle: Profiles\nlanguage: en\n---\nA test.\n',
    'entities/harbour.md':
      '---\nname: Harbour\ntype: place\nattributes:\n  Operator: "[[Quay-Authority]] and [[Dock Union]]"\n---\nRun by the [[Quay Authority]].\n',
    'entities/pier.md':
      '---\nname: Pier\ntype: place\nattributes:\n  Owner: "[[Dock Union]]"\n---\nNext to the [[Harbour]], see [[Dock-Union]].\n',
    'articles/a.md': article('A', 'The [[Harbour]].', 1),
    'articles/z.md': article('Z', 'The [[Quay-Authority]] at the [[Harbour]].', 2),
  });
  const { one, two } = await both(input);
  assertSame(one, two);
  const ids = one.model!.entities.map((e) => e.id).sort();
  assert.deepEqual(ids, ['dock-union', 'dock-union-2', 'harbour', 'pier', 'quay-authority', 'quay-authority-2']);
});

test('results that come back from the worker in several chunks keep their order', async () => {
  const { CHUNK } = await import('../../src/annotate/parallel.ts');
  const input = await contentFolder();
  // Enough articles that each thread's share spans more than two chunks; every article names its
  // own unknown entity (a stub, made in document order) and a known one.
  const n = 5 * CHUNK + 7;
  const files: Record<string, string> = {
    'briefing.md': '---\ntitle: Chunks\nlanguage: en\n---\nA test.\n',
    'entities/harbour.md': '---\nname: Harbour\ntype: place\n---\nA harbour.\n',
  };
  for (let i = 0; i < n; i++) {
    const name = `a${String(i).padStart(4, '0')}`;
    files[`articles/${name}.md`] = article(name, `The [[Harbour]] and [[Firm ${i}]] (number ${i}).`, 1 + (i % 28));
  }
  await writeTree(input, files);
  const { one, two } = await both(input);
  assert.equal(one.ok, true);
  assertSame(one, two);
  assert.equal(two.model!.entities.length, n + 1);
});

test('broken annotations: the same errors, at the same positions, from the worker as from this thread', async () => {
  for (const name of [
    'bad-claim-in-table',
    'bad-span-date',
    'unclosed-span',
    'unknown-span-key',
    'conflicts-unknown-claim',
    'bad-claim-in-image-alt',
  ]) {
    const { one, two } = await both(`test/fixtures/broken/${name}`);
    assert.equal(one.ok, false, name);
    assert.equal(two.ok, false, name);
    assert.deepEqual(two.diagnostics, one.diagnostics, name);
  }
});

test('a worker that fails after some chunks arrived rejects that run, and answers the next', async () => {
  const { AnnotationWorker, CHUNK } = await import('../../src/annotate/parallel.ts');
  const { makeRegistry } = await import('../helpers/annotate.ts');
  const worker = AnnotationWorker.start(
    { href: entityPage, module: new URL('../../src/site/paths.ts', import.meta.url).href, name: 'entityPage' },
    true,
  )!;
  try {
    const snapshot = makeRegistry([{ id: 'harbour', name: 'Harbour', type: 'place' }]).snapshot();
    const good = { source: { path: '/content/articles/a.md' }, body: 'The [[Harbour]].', bodyLineOffset: 5 };
    // Two chunks answer; the third holds a job with no body, which throws in the worker.
    const jobs = [...Array.from({ length: 2 * CHUNK + 3 }, () => good), { source: { path: '/content/articles/bad.md' } } as never];
    await assert.rejects(worker.run(snapshot, jobs, '../'), /annotating in a worker failed/);
    // The worker itself is fine: a later run is answered.
    const again = await worker.run(snapshot, [good], '../');
    assert.equal(again.length, 1);
    assert.match(readHtml(again[0]!.text.html), /entities\/harbour\.html/);
  } finally {
    await worker.close();
  }
});

test('a failing worker is reported, not swallowed', async () => {
  const { AnnotationWorker } = await import('../../src/annotate/parallel.ts');
  const worker = AnnotationWorker.start(
    { href: entityPage, module: new URL('../../src/site/paths.ts', import.meta.url).href, name: 'entityPage' },
    true,
  )!;
  try {
    // A snapshot that is not one makes the worker's registry throw.
    await assert.rejects(worker.run(null as never, [], '../'), /annotating in a worker failed/);
  } finally {
    await worker.close();
  }
});

test('a problem in an attribute value is reported where it is written, by the worker as by this thread', async () => {
  const input = await contentFolder();
  // The value's position in the front matter is found only when a diagnostic needs it
  // (lazyFragmentPositions): here an unknown name in each attribute, counted from the text inside
  // the quotes, and from the first line of text of a folded value.
  await writeTree(input, {
    'briefing.md': '---\ntitle: Attributes\nlanguage: en\n---\nA test.\n',
    'entities/harbour.md':
      '---\nname: Harbour\ntype: place\nattributes:\n  Operator: "Run by [[Quay Nobody]]"\n  Owner: >-\n    The [[Dock Nobody]]\n---\nA harbour.\n',
    'articles/a.md': article('A', 'The [[Harbour]].', 1),
  });
  const { one, two } = await both(input);
  assertSame(one, two);
  const found = one.diagnostics.filter((d) => d.code === 'unknown-entity').map((d) => [path.basename(d.file!), d.line, d.column]);
  assert.deepEqual(found, [
    ['harbour.md', 5, 21],
    ['harbour.md', 7, 9],
  ]);
});

test('a name in an attribute value is reported where it is written, however the value is written', async () => {
  const input = await contentFolder();
  const profile = [
    '---',
    'name: Harbour',
    'type: place',
    'attributes:',
    '  Plain: Run by [[Nobody A]]',
    "  Single: 'Run by [[Nobody B]]'",
    "  Doubled: 'It''s [[Nobody C]]'",
    '  Double: "Run by [[Nobody D]]"',
    '  Escaped: "A \\"q\\" [[Nobody E]]"',
    '  Spaced: "  [[Nobody F]]"',
    '  Tab: "\\t[[Nobody G]]"',
    '  Literal: |',
    '    first line',
    '    then [[Nobody H]]',
    '  Folded: >',
    '    [[Nobody I]] on the first line',
    '  Stripped: >-',
    '    first line',
    '    then [[Nobody J]]',
    '  Continued: first line',
    '    then [[Nobody K]]',
    '  Kept: |+',
    '',
    '    [[Nobody L]] after a blank line',
    '---',
    'A harbour.',
    '',
  ].join('\n');
  await writeTree(input, {
    'briefing.md': '---\ntitle: Attributes\nlanguage: en\n---\nA test.\n',
    'entities/harbour.md': profile,
    'articles/a.md': article('A', 'The [[Harbour]].', 1),
  });
  // Where each "[[Nobody X]]" really is, from the file's text.
  const lines = profile.split('\n');
  const expected = 'ABCDEFGHIJKL'.split('').map((x) => {
    const line = lines.findIndex((l) => l.includes(`[[Nobody ${x}]]`));
    return [x, line + 1, lines[line]!.indexOf(`[[Nobody ${x}]]`) + 1];
  });
  const { one, two } = await both(input);
  assertSame(one, two);
  const found = one.diagnostics
    .filter((d) => d.code === 'unknown-entity')
    .map((d) => [/Nobody (\w)/.exec(d.message)![1], d.line, d.column])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  assert.deepEqual(found, expected);
});
