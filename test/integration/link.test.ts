/** `briefing link [--fix] [--format json]` on a real content folder (FORMAT.md §7). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { snapshot, tempDir, writeTree } from '../helpers/site.ts';
import { check } from '../../src/build.ts';

const bin = path.resolve('bin/briefing.js');
let dir: string;

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FRONT = '---\ntitle: "Kim meets Putin"\nsource: Wire\npublished: 2024-01-01\nsummary: "Kim and Putin"\n---\n';
const FILES: Record<string, string> = {
  'briefing.md': '---\ntitle: Briefing\n---\nKim is not linked here: only article bodies are.\n',
  'entities/kim-jong-un.md': '---\nname: Kim Jong Un\ntype: person\naliases: [Kim]\n---\nProfile.\n',
  'entities/vladimir-putin.md': '---\nname: Vladimir Putin\ntype: person\naliases: [Putin]\n---\nProfile.\n',
  'entities/moscow.md': '---\nname: Moscow\ntype: place\n---\n',
  // Two entities claim "Red": the build's error; the linker links neither.
  'entities/red-a.md': '---\nname: Red\ntype: topic\n---\n',
  'entities/red-b.md': '---\nname: Red Team\ntype: topic\naliases: [Red]\n---\n',
  'articles/plain.md': `${FRONT}Kim Jong Un met Putin in Moscow.\n\n\`Kim\` and [[Kim]] and Red.\n`,
  'articles/crlf.md': `\uFEFF${FRONT.replace(/\n/g, '\r\n')}Putin said:\r\n\r\n> Kim.\r\n`,
  'articles/draft.md': `${FRONT.replace('---\n', '---\ndraft: true\n')}Kim waved.\n`,
  'articles/done.md': `${FRONT}[[Kim]] met [[Putin]].\n`,
};

before(async () => {
  dir = await tempDir();
  await writeTree(path.join(dir, 'content'), FILES);
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

test('link lists each unlinked mention as path:line:column: note:', () => {
  const r = run(['link']);
  assert.equal(r.code, 1, r.stderr); // the ambiguous "Red" is a content error, reported as the build reports it
  assert.match(r.stderr, /ambiguous-name|claimed by two entities/);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    'content/articles/crlf.md:7:1: note: "Putin" could link to [[Vladimir Putin]]',
    'content/articles/crlf.md:9:3: note: "Kim" could link to [[Kim Jong Un]]',
    'content/articles/draft.md:8:1: note: "Kim" could link to [[Kim Jong Un]]',
    'content/articles/plain.md:7:1: note: "Kim Jong Un" could link to [[Kim Jong Un]]',
    'content/articles/plain.md:7:17: note: "Putin" could link to [[Vladimir Putin]]',
    'content/articles/plain.md:7:26: note: "Moscow" could link to [[Moscow]]',
  ]);
  assert.match(r.stderr, /^6 unlinked mentions in 3 files\.$/m);
});

test('link --format json', () => {
  const r = run(['link', '--format', 'json']);
  const items = JSON.parse(r.stdout) as { file: string; line: number; column: number; shown: string; id: string; replacement: string }[];
  assert.equal(items.length, 6);
  assert.deepEqual(
    items.find((i) => i.file === 'content/articles/plain.md' && i.column === 17),
    {
      file: 'content/articles/plain.md',
      line: 7,
      column: 17,
      shown: 'Putin',
      id: 'vladimir-putin',
      name: 'Vladimir Putin',
      replacement: '[[Putin]]',
    },
  );
  assert.equal(run(['link', '--format', 'yaml']).code, 2);
});

test('link --fix links every mention, changes no other byte, and a second run changes nothing', async () => {
  const content = path.join(dir, 'content');
  const before = await snapshot(content);
  const r = run(['link', '--fix']);
  assert.match(r.stderr, /^Linked 6 unlinked mentions in 3 files\.$/m);
  const read = (rel: string) => fs.readFile(path.join(content, rel), 'utf8');
  assert.equal(await read('articles/plain.md'), `${FRONT}[[Kim Jong Un]] met [[Putin]] in [[Moscow]].\n\n\`Kim\` and [[Kim]] and Red.\n`);
  assert.equal(await read('articles/crlf.md'), `\uFEFF${FRONT.replace(/\n/g, '\r\n')}[[Putin]] said:\r\n\r\n> [[Kim]].\r\n`);
  assert.equal(await read('articles/draft.md'), `${FRONT.replace('---\n', '---\ndraft: true\n')}[[Kim]] waved.\n`);
  const after = await snapshot(content);
  const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
  assert.deepEqual(changed.sort(), ['articles/crlf.md', 'articles/draft.md', 'articles/plain.md']);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no temporary file is left behind');

  const again = run(['link', '--fix']);
  assert.equal(again.stdout, '');
  assert.match(again.stderr, /^Linked 0 unlinked mentions in 0 files\.$/m);
  assert.deepEqual(await snapshot(content), after);

  // The linked content builds to the same entities, with no unknown names.
  const result = await check({ input: content });
  assert.deepEqual(
    result.diagnostics.filter((d) => d.code === 'unknown-entity'),
    [],
  );
});

test('link on a missing folder is a usage error', () => {
  const r = run(['link', '--input', 'nowhere']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^briefing: error: input folder not found/m);
});

test('a place in a country that acts is a note for the editor, never fixed', async () => {
  const other = await tempDir();
  try {
    await writeTree(path.join(other, 'content'), {
      'briefing.md': '---\ntitle: Briefing\n---\n',
      'entities/russia.md': '---\nname: Russia\ntype: place\n---\n',
      'entities/moscow.md': '---\nname: Moscow\ntype: place\nattributes:\n  Country: "[[Russia]]"\n---\n',
      'articles/a.md': `${FRONT}Moscow fired back, Russia said, in Moscow.\n`,
    });
    const linkIn = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: other, encoding: 'utf8' });
    const r = linkIn(['link']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'content/articles/a.md:7:20: note: "Russia" could link to [[Russia]]',
      'content/articles/a.md:7:36: note: "Moscow" could link to [[Moscow]]',
      'content/articles/a.md:7:1: note: "Moscow" acts here: it may stand for [[Russia]] or be the place [[Moscow]]; link it by hand',
    ]);
    assert.match(r.stderr, /^2 unlinked mentions in 1 file; 1 place left to the editor\.$/m);
    const json = JSON.parse(linkIn(['link', '--format', 'json']).stdout) as {
      column: number;
      replacement: string | null;
      standsFor?: unknown;
    }[];
    assert.deepEqual(
      json.filter((m) => m.replacement === null).map((m) => [m.column, m.standsFor]),
      [[1, { id: 'russia', name: 'Russia' }]],
    );
    linkIn(['link', '--fix']);
    const fixed = await fs.readFile(path.join(other, 'content', 'articles', 'a.md'), 'utf8');
    assert.equal(fixed, `${FRONT}Moscow fired back, [[Russia]] said, in [[Moscow]].\n`);
  } finally {
    await fs.rm(other, { recursive: true, force: true });
  }
});
