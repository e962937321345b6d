/**
 * Fixture-driven tests of the linker (src/link/linker.ts), in the style of the annotation fixtures:
 * every file in test/fixtures/link/*.txt holds many cases.
 *
 *     anything before the first marker is a comment on the file
 *     @@@ title of the case        ← starts a case; the lines up to the next marker are the input
 *     Kim met Putin.
 *     @@@ linked                   ← required: the text after `applyEdits(input, find(input))`
 *     [[Kim]] met [[Putin]].
 *
 * The input keeps its lines exactly and gets one final newline. Characters a fixture cannot show:
 * `␍` stands for a carriage return (written before a line's end it makes a CRLF line), `⟪BOM⟫`
 * for a byte-order mark. Every case also checks, whatever it expects:
 * - the edits only insert: removing each replacement's brackets (and `id|`) gives the input back;
 * - a second run over the linked text finds nothing (what `link --fix` run twice relies on);
 * - the linked text, parsed by the build's own parser against the same entities, has every
 *   inserted mention resolved to the entity the edit names, and no unknown-entity warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate, type EntitySpec } from '../helpers/annotate.ts';
import { applyEdits, createLinker, type LinkTarget } from '../../src/link/linker.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'link');

/** The entities every link fixture is written against. */
const ENTITIES: readonly EntitySpec[] = [
  { id: 'kim-jong-un', name: 'Kim Jong Un', type: 'person', aliases: ['Kim', '김정은', 'Ким Чен Ын'] },
  { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person', aliases: ['Putin', 'Путин', 'Владимир Путин'] },
  { id: 'north-korea', name: 'North Korea', type: 'place', aliases: ['DPRK'] },
  { id: 'korean-central-news-agency', name: 'Korean Central News Agency', type: 'organization', aliases: ['KCNA'] },
  { id: 'ministry-of-foreign-affairs', name: 'Ministry of Foreign Affairs', type: 'organization' },
  { id: 'x', name: 'X', type: 'organization', aliases: ['Twitter'] },
  { id: 'will-ferrell', name: 'Will Ferrell', type: 'person', aliases: ['Will'] },
  { id: 'theresa-may', name: 'Theresa May', type: 'person', aliases: ['May'] },
  { id: 'beijing', name: 'Beijing', type: 'place', aliases: ['北京'] },
  { id: 'tokyo', name: 'Tokyo', type: 'place', aliases: ['東京'] },
  { id: 'hwasong-18', name: 'Hwasong-18', type: 'object' },
  { id: 'g7', name: 'Group of Seven', type: 'organization', aliases: ['G7'] },
  { id: 'japan', name: 'Japan', type: 'place' },
  { id: 'united-states', name: 'United States', type: 'place', aliases: ['US'] },
  { id: 'united-nations', name: 'United Nations', type: 'organization' },
  // Names that hold another entity's name as a possessive owner (compounds.txt).
  { id: 'japan-eez', name: 'Japan’s exclusive economic zone', type: 'place', aliases: ["Japan's exclusive economic zone"] },
  { id: 'nk-nuclear-program', name: 'North Korea’s nuclear program', type: 'topic' },
  { id: 'un-sanctions', name: 'UN sanctions', type: 'topic', aliases: ['United Nations’ sanctions'] },
  { id: 'capital-defence-command', name: 'Capital Defence Command', type: 'organization', aliases: ['Seoul’s Capital Defence Command'] },
  { id: 'macys-parade', name: 'Macy’s Thanksgiving Parade', type: 'event' },
  { id: 'china', name: 'China', type: 'place' },
  { id: 'russia', name: 'Russia', type: 'place', aliases: ['Россия'] },
  { id: 'south-korea', name: 'South Korea', type: 'place' },
  { id: 'pyongyang', name: 'Pyongyang', type: 'place', aliases: ['평양'] },
  { id: 'moscow', name: 'Moscow', type: 'place', aliases: ['Москва'] },
  { id: 'pyongyang-airport', name: 'Pyongyang International Airport', type: 'place', aliases: ['Pyongyang’s international airport'] },
  { id: 'kim-putin-summit', name: 'Kim–Putin summit', type: 'event', aliases: ['Kim-Putin talks'] },
  { id: 'ukraine', name: 'Ukraine', type: 'place' },
  { id: 'war-in-ukraine', name: 'War in Ukraine', type: 'event', aliases: ['Russia’s war in Ukraine'] },
  { id: 'chinese-foreign-ministry', name: 'Chinese Foreign Ministry', type: 'organization', aliases: ['Beijing’s Foreign Ministry'] },
];

/** The places the registry puts in a country (their `Country:` attribute in a content folder; actors.txt). */
const STATES: Readonly<Record<string, string>> = {
  beijing: 'china',
  pyongyang: 'north-korea',
  moscow: 'russia',
  'seoul-city': 'south-korea',
};

const TARGETS: readonly LinkTarget[] = ENTITIES.map((e) => ({
  id: e.id,
  names: [e.name, ...(e.aliases ?? []), e.id],
  standsFor: STATES[e.id],
}));

interface Case {
  readonly file: string;
  readonly line: number;
  readonly title: string;
  readonly input: string;
  readonly linked: string;
  /** `shown → state` for each place's name left to the editor because it may name its state. */
  readonly doubts: readonly string[];
}

const decode = (lines: readonly string[]): string =>
  lines.join('\n').replace(/␍\n/g, '\r\n').replace(/␍/g, '\r').replace(/⟪BOM⟫/g, '\uFEFF');

function parseFixtures(file: string, text: string): Case[] {
  const cases: Case[] = [];
  let current: { line: number; title: string; input: string[]; linked?: string[]; doubts?: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    if (!current.linked) throw new Error(`${file}:${current.line}: case "${current.title}" has no "@@@ linked" section`);
    cases.push({
      file,
      line: current.line,
      title: current.title,
      input: decode(trimEnd(current.input)) + '\n',
      linked: decode(trimEnd(current.linked)) + '\n',
      doubts: trimEnd(current.doubts ?? []),
    });
  };
  text.split('\n').forEach((line, i) => {
    const marker = /^@@@ (.+)$/.exec(line);
    if (!marker) {
      (current?.doubts ?? current?.linked ?? current?.input)?.push(line);
      return;
    }
    if (marker[1] === 'linked') {
      if (!current || current.linked) throw new Error(`${file}:${i + 1}: misplaced "@@@ linked"`);
      current.linked = [];
      return;
    }
    if (marker[1] === 'left to the editor') {
      if (!current?.linked || current.doubts) throw new Error(`${file}:${i + 1}: misplaced "@@@ left to the editor"`);
      current.doubts = [];
      return;
    }
    finish();
    current = { line: i + 1, title: marker[1]!, input: [] };
  });
  finish();
  return cases;
}

function trimEnd(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const linker = createLinker(TARGETS);

test('link fixtures exist', () => {
  assert.ok(files.length > 0, `no fixtures in ${FIXTURES}`);
});

for (const file of files) {
  for (const c of parseFixtures(file, readFileSync(path.join(FIXTURES, file), 'utf8'))) {
    test(`${file}:${c.line} ${c.title}`, () => {
      const { edits, doubts } = linker.scan(c.input);
      assert.deepEqual(linker.find(c.input), edits);
      const output = applyEdits(c.input, edits);
      assert.equal(output, c.linked);
      assert.deepEqual(
        doubts.map((d) => `${c.input.slice(d.offset, d.offset + d.length)} → ${d.standsFor}`),
        c.doubts,
        'left to the editor',
      );

      // Only brackets (and an id with its pipe) were inserted, each around exactly what was written.
      for (const e of edits) {
        assert.equal(c.input.slice(e.offset, e.offset + e.length), e.shown);
        assert.ok(e.replacement === `[[${e.shown}]]` || e.replacement === `[[${e.id}|${e.shown}]]`, e.replacement);
      }
      // A second run finds nothing.
      assert.deepEqual(linker.find(output), [], 'second run');
      // The build reads each inserted mention as the entity the edit names.
      if (edits.length > 0) {
        const before = annotate(c.input, { entities: ENTITIES });
        const after = annotate(output, { entities: ENTITIES });
        assert.deepEqual(
          after.diagnostics.filter((d) => d.code === 'unknown-entity' || d.code === 'ambiguous-mention'),
          before.diagnostics.filter((d) => d.code === 'unknown-entity' || d.code === 'ambiguous-mention'),
        );
        assert.equal(after.mentions.length, before.mentions.length + edits.length, 'each edit is one more mention');
        const count = (items: readonly string[]) => items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
        const was = count(before.mentions.map((m) => `${m.entity} ${m.shown}`));
        const added = new Map(
          [...count(after.mentions.map((m) => `${m.entity} ${m.shown}`))]
            .map(([k, n]) => [k, n - (was.get(k) ?? 0)] as const)
            .filter(([, n]) => n > 0),
        );
        assert.deepEqual(added, count(edits.map((e) => `${e.id} ${e.shown}`)), 'the inserted mentions');
      }
    });
  }
}

test('applyEdits refuses overlapping edits', () => {
  const edit = { offset: 0, length: 3, id: 'kim-jong-un', shown: 'Kim', replacement: '[[Kim]]' };
  assert.throws(() => applyEdits('Kim', [edit, { ...edit, offset: 1 }]), RangeError);
});
