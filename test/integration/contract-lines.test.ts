/**
 * Promises of FORMAT.md §1 that need a whole content folder: what the build makes of a name that
 * would take a page the build makes itself, the British spelling of a type, and entries of the
 * content folder the format does not know.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, check } from '../../src/index.ts';
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
  assert.deepEqual(
    entities.map((e) => [e.id, e.type]),
    [['acme', 'organization']],
  );
});

test('an entry of the content folder the format does not know is a warning at that entry; v2 folders, hidden entries and a README are quiet', async () => {
  const input = path.join(dir, 'entries');
  await writeTree(input, {
    'briefing.md': BRIEFING,
    'articles/a.md': article('Text.'),
    'about.md': '---\ntitle: About\n---\nWho we are.\n',
    'notes/todo.txt': 'call the desk',
    'Articles/b.md': article('A folder name in capitals is another folder.'),
    // FORMAT.md v2's optional folders: accepted; assets/ is copied; sources/ and pages/ are read,
    // and this record names the articles' source.
    'sources/wire.md': '---\nname: Wire\n---\n',
    'pages/about.md': '---\ntitle: About\n---\n',
    'assets/logo.svg': '<svg/>',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.DS_Store': 'x',
    'README.md': '# The desk’s briefing\n',
    // A site built into the content folder (`--input . --output _site`).
    '_site/.briefing-site': '',
    '_site/index.html': '<!doctype html>',
  });
  const result = await check({ input });
  assert.deepEqual(
    result.diagnostics.map((d) => [path.relative(input, d.file), d.line, d.column, d.severity, d.code]),
    [
      ['Articles', 1, 1, 'warning', 'unknown-entry'],
      ['about.md', 1, 1, 'warning', 'unknown-entry'],
      ['notes', 1, 1, 'warning', 'unknown-entry'],
    ],
  );
  assert.match(result.diagnostics[1]!.message, /^about\.md is not part of a content folder and is ignored/);
  assert.match(result.diagnostics[2]!.message, /^notes\/ is not part of a content folder/);
  assert.equal(result.ok, true, 'a warning, not an error');
  assert.equal((await check({ input, strict: true })).ok, false, 'an error under --strict');
  const output = path.join(dir, 'out-entries');
  assert.equal((await build({ input, output })).ok, true);
  await fs.access(path.join(output, 'pages', 'about.html'));
  await assert.rejects(fs.access(path.join(output, 'about.html')));
});

test('a folder inside articles/ or entities/ is a warning that says it is a folder, and its files are not read', async () => {
  const input = path.join(dir, 'subfolders');
  await writeTree(input, {
    'briefing.md': BRIEFING,
    'articles/a.md': article('Text.'),
    'articles/2023/b.md': article('In a subfolder.'),
    'entities/people/kim.md': '---\nname: Kim\ntype: person\n---\n',
  });
  const result = await check({ input });
  assert.deepEqual(
    result.diagnostics.map((d) => [path.relative(input, d.file), d.severity, d.message]),
    [
      [
        'articles/2023',
        'warning',
        'articles/2023/ is a folder and is ignored: articles are read from articles/ itself, not from folders inside it',
      ],
      [
        'entities/people',
        'warning',
        'entities/people/ is a folder and is ignored: entities are read from entities/ itself, not from folders inside it',
      ],
    ],
  );
});
