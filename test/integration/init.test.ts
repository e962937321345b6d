/**
 * `briefing init [DIR]`: a content folder that builds under --strict with no warning, shows every
 * annotation, and is written only into a new or empty folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { listFiles, tempDir } from '../helpers/site.ts';

const bin = path.resolve('bin/briefing.js');
const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

function run(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function emptyDir(): Promise<string> {
  const dir = await tempDir('briefing-init-');
  dirs.push(dir);
  return dir;
}

test('init writes content/, which builds under --strict with no warning and shows every annotation', async () => {
  const dir = await emptyDir();
  const r = run(dir, ['init']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const written = await listFiles(path.join(dir, 'content'));
  assert.deepEqual(written.sort(), ['articles/ferry-service-resumes.md', 'briefing.md', 'entities/harbourton-ferry-company.md']);
  // It says what it wrote and what to run next, with no flags where the defaults do.
  for (const file of written) assert.match(r.stdout, new RegExp(`^  content/${file}$`, 'm'));
  assert.match(r.stdout, /^ {2}npx briefing build {2,}/m);
  assert.match(r.stdout, /^ {2}npx briefing serve {2,}/m);

  const check = run(dir, ['check', '--strict', '--format', 'json']);
  assert.equal(check.code, 0, check.stdout);
  assert.deepEqual(JSON.parse(check.stdout), []);
  const build = run(dir, ['build', '--strict', '--quiet']);
  assert.equal(build.code, 0, build.stderr);
  assert.equal(build.stderr, '');

  // Every annotation of the format, as the built site's exports record it.
  const site = path.join(dir, '_site');
  const read = async <T>(file: string): Promise<T> => JSON.parse(await fs.readFile(path.join(site, 'data', file), 'utf8')) as T;
  const claims = await read<{ id: string; subjects: string[]; conflicts: string[]; reports: { date?: string }[] }[]>('claims.json');
  const quotes = await read<{ speaker: string; date?: string }[]>('quotes.json');
  assert.ok(
    claims.some((c) => c.conflicts.length > 0),
    'a claim with conflicts=',
  );
  assert.ok(
    claims.some((c) => c.reports.some((r) => r.date)),
    'a claim with date=',
  );
  assert.ok(
    quotes.some((q) => q.speaker === 'harbourton-ferry-company' && q.date),
    'a quote with quote= and date=',
  );
  const source = await fs.readFile(path.join(dir, 'content', 'articles', 'ferry-service-resumes.md'), 'utf8');
  assert.match(source, /\]\{claim=[a-z-]+ [^}]*about=/, 'a claim with about=');
  assert.match(source, /\[\[[^|\]]+\|[^\]]+\]\]/, 'a mention with shown text');
  // A mention by alias and one with shown text both reach the fact sheet.
  const article = await fs.readFile(path.join(site, 'articles', 'ferry-service-resumes.html'), 'utf8');
  assert.ok((article.match(/href="\.\.\/entities\/harbourton-ferry-company\.html"/g) ?? []).length >= 4);
  // The guide is in YAML comments and in the text (an HTML comment would show as text, since
  // the renderer escapes HTML), and every annotation was parsed: no page shows either raw.
  for (const file of await listFiles(site)) {
    if (!file.endsWith('.html')) continue;
    const html = await fs.readFile(path.join(site, file), 'utf8');
    assert.doesNotMatch(html, /&lt;!--|\]\{(claim|quote)=/, file);
  }
});

test('init DIR creates the folder and its missing parents; build --input DIR builds it', async () => {
  const dir = await emptyDir();
  const r = run(dir, ['init', 'work/my briefing']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok((await fs.stat(path.join(dir, 'work', 'my briefing', 'briefing.md'))).isFile());
  // The next commands name the folder, quoted for the shell.
  assert.match(r.stdout, /npx briefing build --input 'work\/my briefing' /);
  const build = run(dir, ['build', '--input', 'work/my briefing', '--strict', '--quiet']);
  assert.equal(build.code, 0, build.stderr);
  assert.equal(build.stderr, '');
});

test('init into an empty existing folder fills it', async () => {
  const dir = await emptyDir();
  await fs.mkdir(path.join(dir, 'empty'));
  const r = run(dir, ['init', 'empty']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await listFiles(path.join(dir, 'empty'))).length, 3);
});

test('init refuses a non-empty folder, and a file, with a usage error; nothing is written', async () => {
  const dir = await emptyDir();
  await fs.mkdir(path.join(dir, 'content'));
  await fs.writeFile(path.join(dir, 'content', 'notes.txt'), 'mine');
  const r = run(dir, ['init']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^briefing: error: content is not empty; [^\n]*\n$/);
  assert.deepEqual(await listFiles(path.join(dir, 'content')), ['notes.txt']);
  assert.equal(await fs.readFile(path.join(dir, 'content', 'notes.txt'), 'utf8'), 'mine');

  await fs.writeFile(path.join(dir, 'file.md'), 'mine');
  const file = run(dir, ['init', 'file.md']);
  assert.equal(file.code, 2);
  assert.match(file.stderr, /^briefing: error: file\.md is a file; [^\n]*\n$/);
  assert.equal(await fs.readFile(path.join(dir, 'file.md'), 'utf8'), 'mine');
});
