/**
 * The hand-made serialised search index (src/emit/search-index.ts) against MiniSearch itself:
 * for the same documents and options it must be what `addAll` + `toJSON()` give (terms compared
 * as a set: their order differs and loadJSON does not care), and a browser-side `loadJSON` of
 * it must answer searches exactly as MiniSearch's own index does.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { analyze } from '../../src/build.ts';
import {
  addDocuments,
  searchDocuments,
  searchEntriesBeforeModel,
  searchEntriesFromModel,
  searchOptions,
  StoredTextBudget,
  writeIndexScript,
  type SearchDocument,
} from '../../src/emit/search.ts';
import type { AnnotatedContent } from '../../src/model/build-model.ts';
import { IndexBuilder, serializeIndex, TokenTable, type BuilderOptions } from '../../src/emit/search-index.ts';
import { scriptSafeJson } from '../../src/site/jsonld.ts';

type Doc = Record<string, unknown>;

function reference(docs: readonly Doc[], options: Options<Doc>): AsPlainObject {
  const index = new MiniSearch<Doc>(options);
  index.addAll(docs);
  return index.toJSON();
}

/** The serialised index with its term list sorted, so two indexes compare by content. */
function canonical(json: AsPlainObject): unknown {
  const plain = JSON.parse(JSON.stringify(json)) as { index: [string, unknown][] };
  plain.index.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return plain;
}

function assertSame(docs: readonly Doc[], options: Options<Doc>, queries: readonly string[]): void {
  const ours = serializeIndex(docs, options);
  // The text the build writes is the same as the object serialised.
  const builder = new IndexBuilder(options);
  for (const doc of docs) builder.add(doc);
  assert.equal(builder.toScriptSafeJson(), scriptSafeJson(builder.toJSON()));
  const theirs = reference(docs, options);
  assert.deepEqual(canonical(ours), canonical(theirs));
  // What the browser does: load the serialised index and search it.
  const loadedOurs = MiniSearch.loadJSON<Doc>(JSON.stringify(ours), options);
  const loadedTheirs = MiniSearch.loadJSON<Doc>(JSON.stringify(theirs), options);
  for (const q of queries) assert.deepEqual(loadedOurs.search(q), loadedTheirs.search(q), `search for ${JSON.stringify(q)}`);
}

const options = searchOptions() as unknown as Options<Doc>;

test('search index: the example briefing indexes exactly as MiniSearch does', async () => {
  const analysis = await analyze({ input: 'content', keepTexts: true });
  assert.ok(analysis.model && analysis.bodies, 'the example analyses');
  const docs = searchDocuments(analysis.model, analysis.bodies.text!) as unknown as Doc[];
  assert.ok(docs.length > 50, `${docs.length} documents`);
  assertSame(docs, options, ['Kim', 'Putin', 'missile', 'Vostochny', 'кос', '김정은', 'launch Sea', 'xyzzy']);
});

test('search index: random documents in several scripts, with empty and missing fields', () => {
  const word = fc.constantFrom(
    'alpha',
    'Beta',
    'gamma',
    'δέλτα',
    'Ёлка',
    'ёлка',
    '김정은',
    '金正恩',
    'ＡＢＣ',
    'x',
    'x-ray',
    "o'neil",
    '2023',
    'é',
    'é',
    '</script>',
    'a&b',
    '\u2028',
    '"q"',
    '\\',
  );
  const text = fc.array(word, { maxLength: 30 }).map((ws) => ws.join(' '));
  const doc = fc.record({ title: text, names: fc.option(text, { nil: undefined }), text: fc.oneof(text, fc.constant('')) });
  fc.assert(
    fc.property(fc.array(doc, { minLength: 1, maxLength: 25 }), (raw) => {
      const docs: Doc[] = raw.map((d, id) => ({ id, kind: 'article', label: 'L', page: `p${id}.html`, ...d }));
      assertSame(docs, options, ['alpha', 'be', 'ёлка', 'елка', '正恩', 'abc', 'x ray', 'gamma alpha']);
    }),
    { numRuns: 60 },
  );
});

test('search index: a processTerm that returns arrays or nothing is followed like MiniSearch', () => {
  const custom: Options<Doc> = {
    fields: ['title', 'text'],
    storeFields: ['title'],
    tokenize: (s) => s.split(' '),
    processTerm: (t) => (t === 'skip' ? null : t.includes('-') ? t.split('-') : t.toLowerCase()),
  };
  const docs: Doc[] = [
    { id: 'a', title: 'One two-three skip', text: 'four four four' },
    { id: 'b', title: null, text: 'two two skip-x' },
    { id: 'c', title: 'Five', text: undefined },
  ];
  assertSame(docs, custom, ['two', 'four', 'x', 'skip', 'five']);
});

test('search index: terms are written in the order they are first met, field by field, document by document', () => {
  // MiniSearch's own order (its tree's) differs, and loadJSON reads any; this order is what makes
  // the index file the same from one build to the next, whatever the builder's internals.
  const options: Options<Doc> = {
    fields: ['title', 'text'],
    storeFields: [],
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t.toLowerCase(),
  };
  const builder = new IndexBuilder(options);
  builder.add({ id: 1, title: 'Zeta alpha', text: 'mid Alpha zeta omega' });
  builder.add({ id: 2, title: 'beta', text: 'alpha gamma' });
  builder.add({ id: 3, title: 'Gamma delta', text: null });
  const terms = (builder.toJSON().index as [string, unknown][]).map(([term]) => term);
  assert.deepEqual(terms, ['zeta', 'alpha', 'mid', 'omega', 'beta', 'gamma', 'delta']);
  // "alpha" by field, then by document (short ids 0, 1, 2): once in the first's title; once in the
  // text of each of the first two ("Alpha" is the same term).
  const alpha = (builder.toJSON().index as [string, Record<string, Record<string, number>>][]).find(([term]) => term === 'alpha')![1];
  assert.deepEqual(alpha, { '0': { '0': 1 }, '1': { '0': 1, '1': 1 } });
});

test('search index: a duplicate or missing id is refused, as MiniSearch refuses it', () => {
  assert.throws(
    () =>
      serializeIndex(
        [
          { id: 1, title: 'a', text: '' },
          { id: 1, title: 'b', text: '' },
        ] as Doc[],
        options,
      ),
    /duplicate ID 1/,
  );
  assert.throws(() => serializeIndex([{ title: 'a' }] as Doc[], options), /does not have ID field/);
  // The type is used: a SearchDocument is a Doc.
  const sample: SearchDocument = { id: 0, kind: 'entity', title: 't', names: '', text: '', label: '', page: 'x.html' };
  assert.equal(serializeIndex([sample as unknown as Doc], options).documentCount, 1);
});

test('search index: the scanner finds words in place and indexes exactly what tokenize gives, in the same order', () => {
  const { scan, ...withoutScan } = options as BuilderOptions<Doc>;
  assert.equal(typeof scan, 'function', 'search-options.js provides a scanner');
  // Words of every length (a slice of 13 characters or more is a view in V8), repeated across
  // documents and fields, next to non-ASCII words, CJK runs and words that contain non-ASCII.
  const word = fc.oneof(
    fc.constantFrom(
      'a',
      'Alpha',
      'alpha',
      'ALPHA',
      'internationalisation',
      'Internationalisation',
      'x-ray',
      'ёлка',
      '金正恩',
      'Müller',
      'naïve—word',
      '2023',
    ),
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzAB019'), minLength: 1, maxLength: 30 }),
  );
  const sep = fc.constantFrom(' ', ', ', '. ', '\n', '—', ' “', '” ', '\u3000', '/');
  const text = fc.array(fc.tuple(word, sep), { maxLength: 40 }).map((ps) => ps.map(([w, s]) => w + s).join(''));
  const doc = fc.record({ title: text, names: fc.option(text, { nil: undefined }), text });
  fc.assert(
    fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), (raw) => {
      const docs: Doc[] = raw.map((d, id) => ({ id, kind: 'article', label: 'L', page: `p${id}.html`, ...d }));
      const scanned = new IndexBuilder(options);
      const tokenized = new IndexBuilder(withoutScan);
      for (const d of docs) {
        scanned.add(d);
        tokenized.add(d);
      }
      assert.equal(scanned.toScriptSafeJson(), tokenized.toScriptSafeJson());
    }),
    { numRuns: 200 },
  );
});

test('search index: the token table finds a range of characters among thousands of keys, across its growth', () => {
  const table = new TokenTable<number>();
  const keys = Array.from({ length: 5000 }, (_, i) => `k${i.toString(36)}${'x'.repeat(i % 17)}`);
  keys.forEach((k, i) => {
    const text = `  ${k}  `;
    assert.equal(table.get(text, 2, 2 + k.length), undefined, `${k} not there yet`);
    table.add(k, i);
  });
  assert.equal(table.size, keys.length);
  keys.forEach((k, i) => assert.equal(table.get(`..${k}..`, 2, 2 + k.length), i, k));
  // A prefix or an extension of a key is another key.
  assert.equal(table.get('k1x', 0, 2), undefined);
  assert.equal(table.get('k0x', 0, 3), undefined);
});

for (const input of ['content', 'test/fixtures/sites/newsroom']) {
  test(`search index: the documents a build sends before and after the model are the model's, in order (${input})`, async () => {
    let annotated: AnnotatedContent | undefined;
    const analysis = await analyze({ input, keepTexts: true }, undefined, undefined, undefined, { annotated: (c) => (annotated = c) });
    assert.ok(analysis.model && analysis.bodies && annotated);
    const early = [...searchEntriesBeforeModel(annotated), ...searchEntriesFromModel(analysis.model)].map((e, id) => ({ id, ...e }));
    const whole = searchDocuments(analysis.model, analysis.bodies.text!);
    assert.ok(whole.some((d) => d.kind === 'article') && whole.some((d) => d.kind === 'entity'));
    assert.deepEqual(early, whole);
  });
}

test("the analysis keeps the articles' plain texts only when asked to (serve)", async () => {
  assert.equal((await analyze({ input: 'content' })).bodies?.text, undefined);
  assert.ok(((await analyze({ input: 'content', keepTexts: true })).bodies?.text?.size ?? 0) > 0);
});

test('stored texts: cut while documents arrive, they end as cutting the whole texts at the end would', () => {
  // The rule of the build, on whole texts: over the budget, each text keeps its share and "…".
  const atTheEnd = (texts: readonly (string | undefined)[], budget: number, min: number): (string | undefined)[] => {
    const total = texts.reduce((n, t) => n + (t?.length ?? 0), 0);
    if (total <= budget) return [...texts];
    const share = Math.max(min, Math.floor(budget / texts.length));
    return texts.map((t) => (t !== undefined && t.length > share ? `${t.slice(0, share)}…` : t));
  };
  const text = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 400 }),
    fc.nat(3000).map((n) => 'ab“'.repeat(n).slice(0, n)),
  );
  fc.assert(
    fc.property(
      fc.array(text, { maxLength: 40 }),
      fc.integer({ min: 1, max: 5000 }),
      fc.integer({ min: 1, max: 300 }),
      (texts, limit, min) => {
        const builder = new IndexBuilder<Doc>(options);
        const budget = new StoredTextBudget(limit, min);
        addDocuments(
          builder,
          budget,
          texts.map((t, id) => ({ id, kind: 'article', title: 'T', names: '', label: 'L', page: `p${id}.html`, text: t })),
        );
        budget.finish(Object.values(builder.stored));
        assert.deepEqual(
          Object.values(builder.stored).map((f) => f['text']),
          atTheEnd(texts, limit, min),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('stored texts: the index script written a piece at a time is the script as one string', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-index-'));
  try {
    const analysis = await analyze({ input: 'content', keepTexts: true });
    assert.ok(analysis.model && analysis.bodies);
    const docs = searchDocuments(analysis.model, analysis.bodies.text!) as unknown as Doc[];
    const [one, two] = [new IndexBuilder<Doc>(options), new IndexBuilder<Doc>(options)];
    addDocuments(one, new StoredTextBudget(), docs);
    const budget = new StoredTextBudget(2000, 20);
    addDocuments(two, budget, docs);
    writeIndexScript(two, budget, path.join(dir, 'index.js'));
    const written = await readFile(path.join(dir, 'index.js'), 'utf8');
    const whole = `window.BRIEFING_SEARCH_INDEX = ${one.toScriptSafeJson()};\n`;
    // Under the default budget the example's texts are stored whole; under 2,000 characters cut.
    assert.notEqual(written, whole);
    const parsed = JSON.parse(written.slice('window.BRIEFING_SEARCH_INDEX = '.length, -2)) as AsPlainObject;
    const reference = JSON.parse(whole.slice('window.BRIEFING_SEARCH_INDEX = '.length, -2)) as AsPlainObject;
    assert.deepEqual(parsed.index, reference.index);
    const stored = Object.values(parsed.storedFields).map((f) => f['text'] as string);
    assert.ok(stored.some((t) => t.endsWith('…')) && stored.every((t) => t.length <= Math.max(20, Math.floor(2000 / docs.length)) + 1));
    // Without a cut, the file is exactly the string, whatever the size of the pieces written.
    writeIndexScript(one, new StoredTextBudget(), path.join(dir, 'whole.js'), 100);
    assert.equal(await readFile(path.join(dir, 'whole.js'), 'utf8'), whole);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
