/**
 * What the model prepares for readers (issue 19, item 4): the timeline's order within a day, and
 * which entities the lists show (an entity no report names is in no list but the index, marked).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, type Model } from '../../src/index.ts';
import { readHtml, tempDir, writeTree } from '../helpers/site.ts';

let dir: string;
let model: Model;
let out: string;

before(async () => {
  dir = await tempDir();
  const input = path.join(dir, 'content');
  await writeTree(input, {
    'briefing.md': '---\ntitle: Reader\n---\nSummary naming [[Quiet Place]].\n',
    'entities/quiet-place.md': '---\nname: Quiet Place\ntype: place\n---\nNamed only in the summary.\n',
    'entities/kim.md': '---\nname: Kim\ntype: person\n---\n',
    // Written in an order that neither the claim ids' nor the targets' alphabetical order keeps.
    'articles/b-second.md': [
      '---\ntitle: Second report\nsource: Wire B\npublished: 2023-09-13\n---',
      '[[[Kim]] zulu happened first in B]{claim=zulu date=2023-09-13}.',
      '',
      '[[[Kim]] alpha happened at noon]{claim=alpha date=2023-09-13T12:00:00Z}.',
      '',
      '[[[Kim]] mike happened after zulu in B]{claim=mike date=2023-09-13}.',
      '',
    ].join('\n'),
    'articles/a-first.md': [
      '---\ntitle: First report\nsource: Wire A\npublished: 2023-09-12\n---',
      '[[[Kim]] yankee, untimed, in A]{claim=yankee date=2023-09-13}.',
      '',
      '[[[Kim]] bravo at two]{claim=bravo date=2023-09-13T02:00:00Z}.',
      '',
      '[[Kim]] said [“xray, quoted in A”]{quote=Kim date=2023-09-13}.',
      '',
    ].join('\n'),
  });
  out = path.join(dir, 'site');
  const result = await build({ input, output: out });
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
  model = result.model!;
});

after(async () => fs.rm(dir, { recursive: true, force: true }));

test('timeline: within a day, timed entries first in time order, then the untimed ones in source order', () => {
  const day = model.timeline.items.find((d) => d.day === '2023-09-13')!;
  assert.deepEqual(
    day.entries.map((e) => e.text),
    [
      'Kim bravo at two',
      'Kim alpha happened at noon',
      // Untimed: by article (oldest report first), the report itself before what it says, then in the order written.
      'Kim yankee, untimed, in A',
      '“xray, quoted in A”',
      'Second report',
      'Kim zulu happened first in B',
      'Kim mike happened after zulu in B',
    ],
  );
  // The fact sheet's timeline is in the same order.
  const kim = model.entities.find((e) => e.id === 'kim')!;
  assert.deepEqual(
    kim.timeline.items.find((d) => d.day === '2023-09-13')!.entries.map((e) => e.text),
    day.entries.map((e) => e.text),
  );
});

test('an entity no report names is not a key entity, and the index marks it', async () => {
  const quiet = model.entities.find((e) => e.id === 'quiet-place')!;
  assert.equal(quiet.mentionCount, 0);
  assert.ok(!model.keyEntities.some((g) => g.entities.some((e) => e.id === quiet.id)), 'not among the key entities');
  assert.ok(model.keyEntities.some((g) => g.entities.some((e) => e.id === 'kim')));
  const places = model.entityGroups.find((g) => g.type === 'place')!;
  assert.ok(
    places.entities.some((e) => e.id === quiet.id),
    'still on the index',
  );
  for (const e of model.entities) assert.ok(!e.related.items.some((r) => r.id === quiet.id), `not related to ${e.id}`);
  const index = await readHtml(out, 'entities/index.html');
  const item = index.querySelector('a[data-entity="quiet-place"]')!.parentNode!;
  assert.match(item.text, /not named in any report/);
  assert.equal(item.querySelector('.count'), null, 'no bare 0');
});

test('a fact sheet lists its sources with the count apart from the name, in words', async () => {
  const kim = await readHtml(out, 'entities/kim.html');
  // Read as text, name and count are apart ("Wire A · 1 report", not "Wire A 1").
  const heads = kim.querySelectorAll('.source-list > li > .source-head').map((p) => p.text.replace(/\s+/g, ' ').trim());
  assert.deepEqual(heads, ['Wire A · 1 report', 'Wire B · 1 report']);
});
