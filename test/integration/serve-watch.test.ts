/**
 * `briefing serve` sees every way an editor, a tool or git saves a file: written in place, replaced
 * by a rename (editors' temporary files, `sed -i`, `git checkout`, `mv new old`), deleted and made
 * again, and new files in a folder that did not exist when serve started. Each must rebuild.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir, writeTree } from '../helpers/site.ts';
import { startServe, type Served } from '../helpers/serve.ts';

let dir: string;
let served: Served;
const article = (title: string): string => `---\ntitle: ${title}\nsource: Wire\npublished: 2024-01-01\n---\nAbout [[Someone]].\n`;
const file = (rel: string): string => path.join(dir, 'content', rel);

async function shows(rel: string, text: string): Promise<void> {
  await served.waitFor(async () => (await served.get(rel)).body.includes(text), `${rel} to show "${text}"`);
}

/** What editors that save through a temporary file do, and `sed -i`. */
async function renameOver(rel: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file(rel)), `.${path.basename(rel)}.tmp${Date.now()}`);
  await fs.writeFile(temp, text);
  await fs.rename(temp, file(rel));
}

before(async () => {
  dir = await tempDir();
  // No entities/ folder: one is made while serve runs.
  await writeTree(dir, { 'content/briefing.md': '---\ntitle: Watched\n---\n', 'content/articles/a.md': article('Title one') });
  served = await startServe(dir, []);
  await shows('articles/a.html', 'Title one');
});

after(async () => {
  await served?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

test('a file written in place', async () => {
  await fs.writeFile(file('articles/a.md'), article('Title two'));
  await shows('articles/a.html', 'Title two');
});

test('a file replaced by a rename, again and again, also after a failed build', async () => {
  await renameOver('articles/a.md', article('Title three'));
  await shows('articles/a.html', 'Title three');
  await renameOver('articles/a.md', '---\ntitle: [broken\n---\n');
  await served.waitFor(() => served.log().includes('still serving the previous site'), 'the failed rebuild');
  await renameOver('articles/a.md', article('Title four'));
  await shows('articles/a.html', 'Title four');
  await renameOver('articles/a.md', article('Title five'));
  await shows('articles/a.html', 'Title five');
  // `mv new old` from another folder, as `git checkout` and scripts do.
  await fs.writeFile(path.join(dir, 'new.md'), article('Title from elsewhere'));
  await fs.rename(path.join(dir, 'new.md'), file('articles/a.md'));
  await shows('articles/a.html', 'Title from elsewhere');
});

test('sed -i', { skip: spawnSync('sed', ['--version']).status !== 0 && 'no GNU sed' }, async () => {
  assert.equal(spawnSync('sed', ['-i', 's/Title from elsewhere/Title by sed/', file('articles/a.md')]).status, 0);
  await shows('articles/a.html', 'Title by sed');
});

test('pages keep the live-reload script', async () => {
  const page = await served.get('articles/a.html');
  assert.match(page.body, /<script type="module"[^>]* src="\/\.11ty\/reload-client\.js/);
  assert.equal((await served.get('.11ty/reload-client.js')).status, 200);
});

test('a file deleted and made again', async () => {
  await fs.rm(file('articles/a.md'));
  await served.waitFor(async () => (await served.get('articles/a.html')).status === 404, 'the deleted article to go');
  await fs.writeFile(file('articles/a.md'), article('Title six'));
  await shows('articles/a.html', 'Title six');
  await fs.writeFile(file('articles/a.md'), article('Title seven'));
  await shows('articles/a.html', 'Title seven');
});

test('a new folder and the files made in it', async () => {
  await fs.mkdir(file('entities'));
  await fs.writeFile(file('entities/someone.md'), '---\nname: Someone\ntype: person\nsummary: First profile\n---\n');
  await shows('entities/someone.html', 'First profile');
  await renameOver('entities/someone.md', '---\nname: Someone\ntype: person\nsummary: Second profile\n---\n');
  await shows('entities/someone.html', 'Second profile');
  await fs.writeFile(file('articles/b.md'), article('Another article'));
  await shows('articles/b.html', 'Another article');
});
