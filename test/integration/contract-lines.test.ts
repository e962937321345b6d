/**
 * Promises of FORMAT.md §1 that need a whole content folder: what the build makes of a name that
 * would take a page the build makes itself, the British spelling of a type, and entries of the
 * content folder the format does not know.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { readJson, tempDir, writeTree } from '../helpers/site.ts';

let dir: string;

const BRIEFING = '---\ntitle: Contract\n---\nSummary.\n';
const article = (body: string): string => `---\ntitle: A\nsource: Wire\npublished: 2024-01-01\n---\n${body}\n`;

before(async () => {
  dir = await tempDir();
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

test('an unknown [[Index]] gets a stub page of its own, not the entity index (no duplicate-permalink crash)', async () => {
  const input = path.join(dir, 'stub-index');
  await writeTree(input, { 'briefing.md': BRIEFING, 'articles/a.md': article('See [[Index]].') });
  const result = await build({ input, output: path.join(dir, 'out-stub-index') });
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
  const entities = await readJson<{ id: string; name: string; page: string }[]>(path.join(dir, 'out-stub-index'), 'data/entities.json');
  assert.deepEqual(
    entities.map((e) => [e.name, e.page]),
    [['Index', 'entities/index-2.html']],
  );
});

test('type: organisation (British spelling) is accepted as organization', async () => {
  const input = path.join(dir, 'organisation');
  await writeTree(input, {
    'briefing.md': BRIEFING,
    'articles/a.md': article('[[Acme]] reported.'),
    'entities/acme.md': '---\nname: Acme\ntype: organisation\n---\nA company.\n',
  });
  const result = await build({ input, output: path.join(dir, 'out-organisation') });
  assert.deepEqual(result.diagnostics, []);
  const entities = await readJson<{ id: string; type: string }[]>(path.join(dir, 'out-organisation'), 'data/entities.json');
  assert.deepEqual(entities.map((e) => [e.id, e.type]), [['acme', 'organization']]);
});
