/**
 * A failed build changes nothing (FORMAT.md §3): the previous site stays byte-for-byte whole,
 * and a successful build replaces it whole (pages of deleted content disappear).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { listFiles, snapshot, tempDir, writeTree } from '../helpers/site.ts';

let dir: string;
before(async () => {
  dir = await tempDir();
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

const briefing = '---\ntitle: Atomic\n---\nSummary.\n';
const article = (title: string) => `---\ntitle: ${title}\nsource: Wire\npublished: 2024-01-01\n---\n[[Alpha]] did something.\n`;
const entity = '---\nname: Alpha\ntype: person\n---\n';

async function freshContent(name: string): Promise<string> {
  const input = path.join(dir, name);
  await writeTree(input, {
    'briefing.md': briefing,
    'articles/one.md': article('One'),
    'articles/two.md': article('Two'),
    'entities/alpha.md': entity,
  });
  return input;
}

test('a content error leaves the previous site byte-for-byte unchanged', async () => {
  const input = await freshContent('content-a');
  const output = path.join(dir, 'site-a');
  assert.equal((await build({ input, output })).ok, true);
  const before = await snapshot(output);
  assert.ok(before.has('articles/one.html'));

  await fs.writeFile(path.join(input, 'articles/two.md'), '---\ntitle: [unclosed\nsource: Wire\n---\n');
  const failed = await build({ input, output });
  assert.equal(failed.ok, false);
  assert.ok(failed.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('two.md')));
  assert.deepEqual(await snapshot(output), before);
  // No staging folder is left behind either.
  assert.deepEqual(
    (await fs.readdir(dir)).filter((n) => n.includes('.tmp-')),
    [],
  );
});

test('under --strict a warning fails the build and the output is not created', async () => {
  const input = await freshContent('content-b');
  await fs.writeFile(path.join(input, 'articles/two.md'), article('Two').replace('[[Alpha]]', '[[Nobody Known]]'));
  const output = path.join(dir, 'site-b');
  const result = await build({ input, output, strict: true });
  assert.equal(result.ok, false);
  assert.equal(result.diagnostics[0]!.code, 'unknown-entity');
  await assert.rejects(fs.stat(output), { code: 'ENOENT' });
  const relaxed = await build({ input, output });
  assert.equal(relaxed.ok, true, 'without --strict the same content builds, with a stub page');
  assert.ok((await listFiles(output)).includes('entities/nobody-known.html'));
});

test('pages of deleted articles and entities disappear on the next build', async () => {
  const input = await freshContent('content-c');
  const output = path.join(dir, 'site-c');
  await build({ input, output });
  assert.ok((await listFiles(output)).includes('articles/two.html'));
  await fs.rm(path.join(input, 'articles/two.md'));
  assert.equal((await build({ input, output })).ok, true);
  const files = await listFiles(output);
  assert.ok(files.includes('articles/one.html'));
  assert.ok(!files.includes('articles/two.html'));
});

test('an output folder that Briefing did not build is never replaced', async () => {
  const input = await freshContent('content-d');
  const output = path.join(dir, 'precious');
  await writeTree(output, { 'thesis.txt': 'years of work' });
  await assert.rejects(build({ input, output }), /not empty and was not built by Briefing/);
  assert.equal(await fs.readFile(path.join(output, 'thesis.txt'), 'utf8'), 'years of work');
});

test('the output folder may not contain the input folder', async () => {
  const input = await freshContent('content-e');
  await assert.rejects(build({ input, output: dir }), /contains the input folder/);
});

test('an input folder inside the output named "..content" is inside it, and is never deleted', async () => {
  const output = path.join(dir, 'site-f');
  assert.equal((await build({ input: await freshContent('content-f'), output })).ok, true);
  // `path.relative(output, input)` is "..content", which starts with ".." but is no way out.
  const input = path.join(output, '..content');
  await fs.cp(path.join(dir, 'content-f'), input, { recursive: true });
  await assert.rejects(build({ input, output }), (e: Error) => e.name === 'UsageError' && /contains the input folder/.test(e.message));
  assert.equal(await fs.readFile(path.join(input, 'briefing.md'), 'utf8'), briefing);
});

test('an input folder reached through a symbolic link into the output is inside it, and is never deleted', async () => {
  const output = path.join(dir, 'site-g');
  assert.equal((await build({ input: await freshContent('content-g'), output })).ok, true);
  await fs.cp(path.join(dir, 'content-g'), path.join(output, 'content'), { recursive: true });
  const input = path.join(dir, 'link-to-content-g');
  await fs.symlink(path.join(output, 'content'), input);
  await assert.rejects(build({ input, output }), (e: Error) => e.name === 'UsageError' && /contains the input folder/.test(e.message));
  // And the other way round: the output reached through a link to a folder that holds the input.
  const linkedParent = path.join(dir, 'link-to-dir');
  await fs.symlink(dir, linkedParent);
  await assert.rejects(build({ input: path.join(dir, 'content-g'), output: linkedParent }), /contains the input folder/);
  await assert.rejects(
    build({ input: path.join(output, 'content'), output: path.join(linkedParent, 'site-g') }),
    /contains the input folder/,
  );
  assert.equal(await fs.readFile(path.join(output, 'content', 'briefing.md'), 'utf8'), briefing);
  assert.equal(await fs.readFile(path.join(dir, 'content-g', 'briefing.md'), 'utf8'), briefing);
});
