/**
 * "Did you mean": an unknown mention target, quote speaker or about= target close to a known name
 * names it; a claim id used once beside a near twin is a warning naming the twin (FORMAT.md §3).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { annotate, makeRegistry } from '../helpers/annotate.ts';
import { tempDir, writeTree } from '../helpers/site.ts';
import { TwinFinder } from '../../src/model/twins.ts';
import { check } from '../../src/build.ts';

const registry = makeRegistry([
  { id: 'kim-jong-un', name: 'Kim Jong Un', aliases: ['Kim'] },
  { id: 'vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin'] },
  { id: 'north-korea', name: 'North Korea' },
  { id: 'un', name: 'UN' },
]);

const SUGGESTIONS: readonly (readonly [string, string | undefined])[] = [
  ['Kim Jong Ung', 'Kim Jong Un'],
  ['kim jong-un', 'Kim Jong Un'],
  ['Vladmir Putin', 'Vladimir Putin'],
  ['Putn', 'Putin'],
  ['North Koera', 'North Korea'],
  // Too far, or too short to tell a slip from another name.
  ['South Korea', undefined],
  ['Xi', undefined],
  ['US', undefined],
  ['Someone Else Entirely', undefined],
];

for (const [target, expected] of SUGGESTIONS) {
  test(`suggest(${JSON.stringify(target)}) → ${expected ?? 'nothing'}`, () => {
    assert.equal(registry.suggest(target), expected);
  });
}

test('an unknown mention, quote speaker and about= target each say which name they are close to', () => {
  const r = annotate('[[Kim Jong Ung]] met [[Nobody At All]].\n\n[“Yes.”]{quote="Vladmir Putin"} [x]{claim=a about="North Koera"}\n', {
    entities: [
      { id: 'kim-jong-un', name: 'Kim Jong Un' },
      { id: 'vladimir-putin', name: 'Vladimir Putin' },
      { id: 'north-korea', name: 'North Korea' },
    ],
  });
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message.replace(/ \(or add.*$/, '')}`),
    [
      '1:1 mention "Kim Jong Ung" matches no entity id, name or alias; did you mean "Kim Jong Un"?',
      '1:22 mention "Nobody At All" matches no entity id, name or alias: add entities/nobody-at-all.md or correct the name (a stub page is built for now)',
      '3:17 quote speaker "Vladmir Putin" matches no entity id, name or alias; did you mean "Vladimir Putin"?',
      '3:52 about target "North Koera" matches no entity id, name or alias; did you mean "North Korea"?',
    ],
  );
});

const TWINS: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['no-terorism', ['no-terrorism', 'other-claim'], ['no-terrorism']],
  ['no-terrorsim', ['no-terrorism'], ['no-terrorism']],
  ['xno-terrorism', ['no-terrorism'], ['no-terrorism']],
  ['sanctions-lifted', ['sanctoins-lifted', 'sanctions-lifts'], ['sanctoins-lifted']],
  // Ids that differ in a digit are different claims on purpose.
  ['launch-2023-08-30', ['launch-2023-08-31', 'launch-2023-09-30'], []],
  ['summit-held', ['summit-hold-2', 'talks-held'], []],
  ['abc', ['abd'], []],
];

for (const [id, others, expected] of TWINS) {
  test(`twins of ${id} among ${others.join(', ')}`, () => {
    assert.deepEqual(new TwinFinder([id, ...others]).twins(id), expected);
  });
}

test('twins are found among many ids sharing a long prefix', () => {
  const ids = Array.from({ length: 5000 }, (_, i) => `claim-${String(i).padStart(5, '0')}-about-sanctions`);
  const finder = new TwinFinder([...ids, 'claim-00042-about-sanctoins']);
  assert.deepEqual(finder.twins('claim-00042-about-sanctoins'), ['claim-00042-about-sanctions']);
});

test('a claim id used once beside a near twin is a warning naming the twin; conflicts= with a typo suggests the id', async () => {
  const dir = await tempDir();
  try {
    const article = (title: string, body: string) => `---\ntitle: ${title}\nsource: ${title} Wire\npublished: 2024-01-01\n---\n${body}\n`;
    await writeTree(dir, {
      'briefing.md': '---\ntitle: B\n---\n',
      'articles/a.md': article('A', '[No terror.]{claim=no-terrorism}'),
      'articles/b.md': article('B', '[No terror at all.]{claim=no-terrorism}'),
      'articles/c.md': article('C', 'Text.\n\n[No terror, it said.]{claim=no-terorism}'),
      'articles/d.md': article(
        'D',
        '[Launch.]{claim=launch-2023-08-30} [Launch.]{claim=launch-2023-08-31} [Yes.]{claim=yes-said conflicts=no-terrorsm}',
      ),
    });
    const result = await check({ input: dir });
    const lines = result.diagnostics.map(
      (d) => `${path.relative(dir, d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.code}: ${d.message}`,
    );
    assert.deepEqual(lines, [
      'articles/c.md:8:1: warning: claim-twin: claim id "no-terorism" is used only here, and "no-terrorism" is used 2 times: did you mean "no-terrorism"? (the same id makes one claim of several reports)',
      'articles/d.md:6:103: error: unknown-claim: conflicts=no-terrorsm names no claim: no article has a span with claim=no-terrorsm; did you mean "no-terrorism"?',
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
