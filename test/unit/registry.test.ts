/**
 * The entity registry, the one resolver (STYLE.md point 3), as tables:
 *   (entities set up, target) → found id | ambiguous ids | unknown
 * and the ids it makes for stub entities (names no file defines).
 *
 * Lookup keys follow FORMAT.md §2: Unicode NFKC, case folding, whitespace collapsing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DiagnosticBag } from '../../src/diagnostics.ts';
import { idForName, nameKey } from '../../src/content/names.ts';
import { EntityRegistry, type Resolution } from '../../src/content/registry.ts';
import { ID_PATTERN } from '../../src/types.ts';
import { ENTITY_DIR, FIXTURE_ENTITIES, makeRegistry, type EntitySpec } from '../helpers/annotate.ts';

const at = { file: '/content/articles/a.md', line: 3, column: 7 };

// --- Resolution ---------------------------------------------------------------------------------

/** Entities beyond the fixture set, for scripts the fixture set does not cover. */
const MORE: readonly EntitySpec[] = [
  { id: 'socrates', name: 'Σωκράτης', type: 'person' },
  { id: 'tokyo', name: '東京', type: 'place', aliases: ['Tokyo'] },
  { id: 'franz-josef-strauss', name: 'Franz Josef Strauß', type: 'person' },
  { id: 'un', name: 'United Nations', type: 'organization', aliases: ['UN', 'U.N.'] },
];
const ENTITIES = [...FIXTURE_ENTITIES, ...MORE];

type Expected = { found: string } | { ambiguous: string[] } | 'unknown';

const RESOLUTION_CASES: readonly { target: string; expect: Expected; why: string; todo?: string }[] = [
  // by id, name and alias
  { target: 'kim-jong-un', expect: { found: 'kim-jong-un' }, why: 'the id' },
  { target: 'Kim Jong Un', expect: { found: 'kim-jong-un' }, why: 'the name' },
  { target: 'Kim', expect: { found: 'kim-jong-un' }, why: 'an alias' },
  { target: 'DPRK', expect: { found: 'north-korea' }, why: 'an all-capitals alias' },
  { target: 'U.N.', expect: { found: 'un' }, why: 'an alias with punctuation' },
  { target: 'un', expect: { found: 'un' }, why: 'id and alias "UN" of one entity: not ambiguous' },
  // case
  { target: 'KIM JONG UN', expect: { found: 'kim-jong-un' }, why: 'upper case' },
  { target: 'dprk', expect: { found: 'north-korea' }, why: 'lower case' },
  { target: 'KIM-JONG-UN', expect: { found: 'kim-jong-un' }, why: 'the id in capitals' },
  { target: 'ВЛАДИМИР ПУТИН', expect: { found: 'vladimir-putin' }, why: 'Cyrillic capitals' },
  { target: 'ΣΩΚΡΆΤΗΣ', expect: { found: 'socrates' }, why: 'Greek capitals (final sigma)' },
  {
    target: 'FRANZ JOSEF STRAUSS',
    expect: { found: 'franz-josef-strauss' },
    why: 'full case folding maps ß to ss',
  },
  // whitespace
  { target: '  Kim   Jong Un  ', expect: { found: 'kim-jong-un' }, why: 'runs of spaces, leading and trailing' },
  { target: 'Kim\tJong\nUn', expect: { found: 'kim-jong-un' }, why: 'tab and newline' },
  { target: 'Kim\u00a0Jong\u00a0Un', expect: { found: 'kim-jong-un' }, why: 'no-break spaces' },
  { target: 'Kim\u3000Jong\u3000Un', expect: { found: 'kim-jong-un' }, why: 'ideographic spaces' },
  // NFKC
  { target: 'ＫＩＭ', expect: { found: 'kim-jong-un' }, why: 'full-width letters' },
  { target: 'Ｎｏｒｔｈ　Ｋｏｒｅａ', expect: { found: 'north-korea' }, why: 'full-width letters and space' },
  { target: '김정은'.normalize('NFD'), expect: { found: 'kim-jong-un' }, why: 'decomposed Hangul' },
  { target: 'Владимир Путин', expect: { found: 'vladimir-putin' }, why: 'Cyrillic alias' },
  { target: '김정은', expect: { found: 'kim-jong-un' }, why: 'Hangul alias' },
  { target: '東京', expect: { found: 'tokyo' }, why: 'Han name' },
  { target: 'ｔｏｋｙｏ', expect: { found: 'tokyo' }, why: 'full-width alias' },
  // not found
  { target: 'Kim Jong', expect: 'unknown', why: 'a prefix is not a name' },
  { target: 'KimJongUn', expect: 'unknown', why: 'whitespace is collapsed, not removed' },
  { target: 'Kim Jong-un', expect: 'unknown', why: 'a hyphen is not a space' },
  { target: 'Atlantis', expect: 'unknown', why: 'no such entity' },
  { target: '', expect: 'unknown', why: 'empty' },
  { target: '   ', expect: 'unknown', why: 'blank' },
];

function summary(r: Resolution): Expected {
  return r.kind === 'found' ? { found: r.id } : r.kind === 'ambiguous' ? { ambiguous: [...r.ids] } : 'unknown';
}

test('the test entities build a clean registry', () => {
  const bag = new DiagnosticBag();
  makeRegistry(ENTITIES, bag);
  assert.deepEqual(bag.items, []);
});

for (const c of RESOLUTION_CASES) {
  test(`resolve ${JSON.stringify(c.target)} (${c.why})`, c.todo ? { todo: c.todo } : {}, () => {
    assert.deepEqual(summary(makeRegistry(ENTITIES).resolve(c.target)), c.expect);
  });
}

// --- Two entities claiming one name ---------------------------------------------------------------

const CLASH_CASES: readonly { why: string; entities: EntitySpec[]; target: string; ids: string[]; line: number; column: number }[] = [
  {
    why: 'the same alias',
    entities: [
      { id: 'kim-jong-un', name: 'Kim Jong Un', aliases: ['Kim'] },
      { id: 'kim-yo-jong', name: 'Kim Yo Jong', aliases: ['Kim'] },
    ],
    target: 'kim',
    ids: ['kim-jong-un', 'kim-yo-jong'],
    line: 5, // the second file's alias line: ---, name, type, aliases:, - "Kim"
    column: 5,
  },
  {
    why: 'an alias equal to another entity’s name after NFKC and case folding',
    entities: [
      { id: 'japan', name: 'Japan' },
      { id: 'nippon', name: 'Nippon', aliases: ['Ｊａｐａｎ'] },
    ],
    target: 'JAPAN',
    ids: ['japan', 'nippon'],
    line: 5,
    column: 5,
  },
  {
    why: 'a name equal to another entity’s id',
    entities: [
      { id: 'japan', name: 'Nippon' },
      { id: 'japan-country', name: 'japan' },
    ],
    target: 'Japan',
    ids: ['japan', 'japan-country'],
    line: 2, // name: "japan"
    column: 7,
  },
  {
    why: 'the same name with different whitespace',
    entities: [
      { id: 'a', name: 'Kim  Jong Un' },
      { id: 'b', name: 'Kim Jong\u00a0Un' },
    ],
    target: 'Kim Jong Un',
    ids: ['a', 'b'],
    line: 2,
    column: 7,
  },
];

for (const c of CLASH_CASES) {
  test(`two entities claiming ${c.why}: an error naming both files, and "${c.target}" is ambiguous`, () => {
    const bag = new DiagnosticBag();
    const registry = makeRegistry(c.entities, bag);
    assert.equal(bag.items.length, 1, bag.items.map((d) => d.message).join('\n'));
    const d = bag.items[0]!;
    assert.equal(d.severity, 'error');
    assert.equal(d.code, 'ambiguous-name');
    // Both files by name, and the position of the second claim in its own file.
    assert.match(d.message, new RegExp(`entities/${c.entities[0]!.id}\\.md`));
    assert.match(d.message, new RegExp(`entities/${c.entities[1]!.id}\\.md`));
    assert.deepEqual([d.file, d.line, d.column], [`${ENTITY_DIR}/${c.entities[1]!.id}.md`, c.line, c.column]);
    assert.deepEqual(summary(registry.resolve(c.target)), { ambiguous: c.ids });
  });
}

test('an entity naming itself twice (alias = name, alias = id, repeated alias) is no clash', () => {
  const bag = new DiagnosticBag();
  const registry = makeRegistry([{ id: 'japan', name: 'Japan', aliases: ['JAPAN', 'japan', 'Japan', 'Nippon', 'nippon'] }], bag);
  assert.deepEqual(bag.items, []);
  assert.deepEqual(summary(registry.resolve('nippon')), { found: 'japan' });
});

test('three entities claiming one alias: one error per extra claimant, all three in the answer', () => {
  const bag = new DiagnosticBag();
  const registry = makeRegistry(
    [
      { id: 'a', name: 'A', aliases: ['Leader'] },
      { id: 'b', name: 'B', aliases: ['Leader'] },
      { id: 'c', name: 'C', aliases: ['leader'] },
    ],
    bag,
  );
  assert.deepEqual(
    bag.items.map((d) => [d.code, d.file]),
    [
      ['ambiguous-name', `${ENTITY_DIR}/b.md`],
      ['ambiguous-name', `${ENTITY_DIR}/c.md`],
    ],
  );
  assert.deepEqual(summary(registry.resolve('LEADER')), { ambiguous: ['a', 'b', 'c'] });
  // The other names stay unambiguous.
  assert.deepEqual(summary(registry.resolve('b')), { found: 'b' });
});

// --- Stub entities for unknown names --------------------------------------------------------------

const STUB_CASES: readonly { name: string; id: string | RegExp; why: string; todo?: string }[] = [
  { name: 'Atlantis', id: 'atlantis', why: 'plain Latin' },
  { name: '  Lost   City  ', id: 'lost-city', why: 'whitespace' },
  { name: 'Владимир Путин', id: 'vladimir-putin', why: 'Cyrillic is transliterated' },
  { name: 'Σωκράτης', id: 'sokratis', why: 'Greek is transliterated' },
  { name: 'Straße', id: 'strasse', why: 'ß' },
  { name: "O'Brien & Sons", id: /^o-brien-(and-)?sons$/, why: 'punctuation' },
  { name: '🚀 Launch', id: 'launch', why: 'emoji dropped' },
  { name: '김여정', id: /^entity-[0-9a-f]{8}$/, why: 'Hangul only: a short hash, never empty' },
  { name: '東京', id: /^entity-[0-9a-f]{8}$/, why: 'Han only: a short hash' },
  { name: '---', id: /^entity-[0-9a-f]{8}$/, why: 'punctuation only' },
  { name: 'x '.repeat(60), id: /^(x-){39}x$/, why: 'long names are cut to 80 characters, no trailing hyphen' },
  {
    name: 'Ｈｅｒｏ Ｋｉｍ',
    id: 'hero-kim',
    why: 'full-width letters: the same id as the NFKC form',
  },
];

for (const c of STUB_CASES) {
  test(`stub id for ${JSON.stringify(c.name)} (${c.why})`, c.todo ? { todo: c.todo } : {}, () => {
    // A registry without Putin: "Владимир Путин" is unknown here, so its stub is "vladimir-putin".
    const stub = makeRegistry([{ id: 'japan', name: 'Japan' }]).stubFor(c.name, at);
    if (typeof c.id === 'string') assert.equal(stub.id, c.id);
    else assert.match(stub.id, c.id);
    assert.match(stub.id, ID_PATTERN);
  });
}

test('a stub keeps the name (whitespace collapsed), its first use and type topic', () => {
  const registry = makeRegistry(FIXTURE_ENTITIES);
  const stub = registry.stubFor('  Lost \n City ', at);
  assert.deepEqual(stub, { id: 'lost-city', name: 'Lost City', type: 'topic', firstUse: at });
  assert.deepEqual(registry.stubs, [stub]);
});

test('one stub per name key: case, whitespace and NFKC variants share it, and the first use stays', () => {
  const registry = makeRegistry(FIXTURE_ENTITIES);
  const first = registry.stubFor('Atlantis', at);
  const later = { ...at, line: 9 };
  assert.equal(registry.stubFor('ATLANTIS', later), first);
  assert.equal(registry.stubFor(' Ａｔｌａｎｔｉｓ ', later), first);
  assert.equal(registry.stubs.length, 1);
  assert.equal(first.firstUse.line, 3);
});

test('Hangul stub ids are stable and differ between names', () => {
  const a = makeRegistry(FIXTURE_ENTITIES).stubFor('김여정', at).id;
  const b = makeRegistry(FIXTURE_ENTITIES).stubFor('김여정', at).id;
  const c = makeRegistry(FIXTURE_ENTITIES).stubFor('최선희', at).id;
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('a stub id colliding with an entity id gets -2, the next -3', () => {
  const registry = makeRegistry(FIXTURE_ENTITIES);
  // Neither name resolves ("-" is not a space; "!" is not in any name), both slugify to kim-jong-un.
  assert.equal(registry.resolve('Kim Jong-un').kind, 'unknown');
  assert.equal(registry.stubFor('Kim Jong-un', at).id, 'kim-jong-un-2');
  assert.equal(registry.stubFor('Kim Jong-Un!', at).id, 'kim-jong-un-3');
  // A name that slugifies to another entity's id, whatever that entity's own name.
  assert.equal(makeRegistry([{ id: 'atlantis', name: 'The Lost Continent' }]).stubFor('Atlantis!', at).id, 'atlantis-2');
});

test('a stub never takes the id of a page the build makes itself (entities/index.html)', () => {
  const registry = makeRegistry(FIXTURE_ENTITIES);
  const stub = registry.stubFor('Index', at);
  assert.notEqual(stub.id, 'index');
  assert.match(stub.id, /^index-\d+$/);
  // The same holds for a registry rebuilt from a snapshot in the annotation worker.
  assert.notEqual(EntityRegistry.fromSnapshot(makeRegistry(FIXTURE_ENTITIES).snapshot()).stubFor('INDEX', at).id, 'index');
});

test('a name of an entity file that failed validation resolves as invalid, not unknown', () => {
  const registry = new EntityRegistry([], new DiagnosticBag(), ['alpha', 'Alpha', 'The Alpha Group']);
  assert.equal(registry.resolve('the alpha group').kind, 'invalid');
  assert.equal(registry.resolve('ALPHA').kind, 'invalid');
  assert.equal(registry.resolve('Beta').kind, 'unknown');
  assert.equal(EntityRegistry.fromSnapshot(registry.snapshot()).resolve('alpha').kind, 'invalid');
});

test('stub ids never collide with each other', () => {
  const registry = makeRegistry(FIXTURE_ENTITIES);
  const ids = ['Atlantis', 'atlantis!', 'ATLANTIS?', 'Atlantis.', 'Atlántis'].map((n) => registry.stubFor(n, at).id);
  assert.equal(new Set(ids).size, ids.length, ids.join(', '));
});

test('property: every stub id matches the id pattern and is distinct from every entity id', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), { minLength: 1, maxLength: 8 }), (names) => {
      const registry = makeRegistry(FIXTURE_ENTITIES);
      const realIds = new Set(FIXTURE_ENTITIES.map((e) => e.id));
      const seen = new Map<string, string>(); // id → name key
      for (const name of names) {
        if (!nameKey(name) || registry.resolve(name).kind !== 'unknown') continue;
        const { id } = registry.stubFor(name, at);
        assert.match(id, ID_PATTERN);
        assert.ok(!realIds.has(id), `stub id ${id} is a real entity's id`);
        const key = seen.get(id);
        assert.ok(key === undefined || key === nameKey(name), `${id} given to two names`);
        seen.set(id, nameKey(name));
      }
    }),
    { numRuns: 300 },
  );
});

test('idForName is never empty and always a valid id', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 0, maxLength: 30, unit: 'binary' }), (name) => {
      assert.match(idForName(name), ID_PATTERN);
    }),
    { numRuns: 500 },
  );
});
