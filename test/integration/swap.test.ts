/**
 * The output folder is always whole (issue 16, item 6): a build killed at any moment of the swap
 * leaves the old or the new site, or the next build puts the old one back first; leftovers of
 * killed builds are removed by the next build; two builds of one output do not collide (a lock);
 * an output folder that cannot be renamed (a mount point) still gets the new site.
 *
 * Kills are real: a child `briefing build` stopped with SIGKILL where BRIEFING_TEST_SWAP_PAUSE
 * makes it wait (src/output.ts, `pauseForTest`).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { swapFs } from '../../src/output.ts';
import { snapshot, tempDir, writeTree } from '../helpers/site.ts';

const bin = path.resolve('bin/briefing.js');
let dir: string;
before(async () => {
  dir = await tempDir();
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

const article = (title: string) => `---\ntitle: ${title}\nsource: Wire\npublished: 2024-01-01\n---\n[[Alpha]] did something.\n`;

/** A content folder with the given articles, and an output folder built from it with the first of them. */
async function site(name: string, titles: string[] = ['One', 'Two']): Promise<{ input: string; output: string }> {
  const input = path.join(dir, name, 'content');
  const files: Record<string, string> = {
    'briefing.md': '---\ntitle: Swap\n---\nSummary.\n',
    'entities/alpha.md': '---\nname: Alpha\ntype: person\n---\n',
  };
  for (const t of titles) files[`articles/${t.toLowerCase()}.md`] = article(t);
  await writeTree(input, files);
  return { input, output: path.join(dir, name, 'site') };
}

/** Names beside the output that a build leaves only while it runs. */
async function leftovers(output: string): Promise<string[]> {
  const base = path.basename(output);
  return (await fs.readdir(path.dirname(output))).filter((n) => n.startsWith(`.${base}.`)).sort();
}

/** Starts `briefing build` paused at `point`; resolves once it says it is there. */
async function pausedBuild(input: string, output: string, point: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'build', '--quiet', '--input', input, '--output', output], {
    env: { ...process.env, BRIEFING_TEST_SWAP_PAUSE: point },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`test pause at ${point}`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the build ended (${code}) before the pause: ${stderr}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

for (const point of ['staged', 'between', 'swapped']) {
  test(`killed at "${point}" in the swap: the output is the old or the new site, and the next build repairs and cleans up`, async () => {
    const { input, output } = await site(`kill-${point}`);
    assert.equal((await build({ input, output })).ok, true);
    const old = await snapshot(output);
    await fs.rm(path.join(input, 'articles/two.md'));
    const child = await pausedBuild(input, output, point);
    await kill(child);

    const exists = await fs.stat(output).then(
      () => true,
      () => false,
    );
    if (point === 'between') assert.equal(exists, false, 'the moment the brief describes: the output moved aside');
    else {
      const now = await snapshot(output);
      assert.ok(now.has('articles/one.html'));
      assert.equal(now.has('articles/two.html'), point === 'staged', point === 'staged' ? 'the old site' : 'the new site');
    }
    assert.ok((await leftovers(output)).length > 0, 'the killed build left its staging folder or lock');

    // The next build fails on the content, and still puts the old site back first.
    await fs.writeFile(path.join(input, 'articles/bad.md'), '---\ntitle: [unclosed\n---\n');
    const failed = await build({ input, output });
    assert.equal(failed.ok, false);
    const repaired = await snapshot(output);
    if (point === 'swapped') assert.equal(repaired.has('articles/two.html'), false, 'the new site stays');
    else assert.deepEqual(repaired, old, 'the old site, whole');
    assert.deepEqual(await leftovers(output), [], 'no staging folder, .old or lock is left');

    await fs.rm(path.join(input, 'articles/bad.md'));
    assert.equal((await build({ input, output })).ok, true);
    assert.equal((await snapshot(output)).has('articles/two.html'), false);
    assert.deepEqual(await leftovers(output), []);
  });
}

test('the staging folders and .old of dead builds are removed by the next build, and a missing output is restored', async () => {
  const { input, output } = await site('dead');
  assert.equal((await build({ input, output })).ok, true);
  const old = await snapshot(output);
  // A pid that is surely gone: a process that has ended.
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  const parent = path.dirname(output);
  await fs.rename(output, path.join(parent, `.site.tmp-${gone}-0badc0de.old`));
  await writeTree(path.join(parent, `.site.tmp-${gone}-0123abcd`), { 'articles/half.html': 'half a site' });
  await fs.writeFile(path.join(parent, '.site.lock'), `${gone}\n`);
  // Not the output's: left alone.
  await writeTree(path.join(parent, '.other.tmp-1-00000000'), { 'x.html': 'x' });

  await fs.writeFile(path.join(input, 'articles/bad.md'), '---\ntitle: [unclosed\n---\n');
  assert.equal((await build({ input, output })).ok, false);
  assert.deepEqual(await snapshot(output), old);
  assert.deepEqual(await leftovers(output), []);
  assert.ok((await fs.readdir(parent)).includes('.other.tmp-1-00000000'));
});

test("a second build of the same output fails with a usage error while the first runs; a dead build's lock is taken over", async () => {
  const { input, output } = await site('lock');
  assert.equal((await build({ input, output })).ok, true);
  const old = await snapshot(output);
  const child = await pausedBuild(input, output, 'staged');
  try {
    await assert.rejects(
      build({ input, output }),
      (e: Error) => e.name === 'UsageError' && /another build is writing .*site \(process \d+\)/.test(e.message),
    );
    const r = spawnSync(process.execPath, [bin, 'build', '--input', input, '--output', output], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^briefing: error: another build is writing /);
    assert.doesNotMatch(r.stderr, /ENOTEMPTY|\n\s+at /);
    assert.deepEqual(await snapshot(output), old);
  } finally {
    await kill(child);
  }
  assert.equal((await build({ input, output })).ok, true, 'the lock of the killed build is stale');
  assert.deepEqual(await leftovers(output), []);
});

test('two builds of one output at once in one process: one builds, the other is refused, nothing collides', async () => {
  const { input, output } = await site('twice');
  const results = await Promise.allSettled([build({ input, output }), build({ input, output })]);
  const built = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
  const refused = results.filter((r) => r.status === 'rejected' && /another build is writing/.test((r.reason as Error).message));
  assert.equal(built.length, 1, JSON.stringify(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))));
  assert.equal(refused.length, 1);
  assert.ok((await snapshot(output)).has('articles/two.html'));
  assert.deepEqual(await leftovers(output), []);
});

test('an output folder that cannot be renamed (EBUSY, a mount point) gets the new site in place', async (t) => {
  const { input, output } = await site('mounted');
  assert.equal((await build({ input, output })).ok, true);
  await fs.rm(path.join(input, 'articles/two.md'));
  const rename = swapFs.rename;
  t.after(() => (swapFs.rename = rename));
  swapFs.rename = async (from, to) => {
    if (path.resolve(from.toString()) === path.resolve(output))
      throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}'`), { code: 'EBUSY' });
    return rename(from, to);
  };
  assert.equal((await build({ input, output })).ok, true);
  const fresh = path.join(dir, 'mounted', 'fresh');
  swapFs.rename = rename;
  assert.equal((await build({ input, output: fresh })).ok, true);
  assert.deepEqual(await snapshot(output), await snapshot(fresh), 'the same site as a build into a new folder');
  assert.deepEqual(await leftovers(output), []);
});

/** `unshare -m` (a private mount namespace) works here: root, or a kernel that allows it. */
const canMount = spawnSync('unshare', ['-m', 'true']).status === 0;

test(
  'a real bind-mounted output folder gets the new site; killed while copying in, the next build restores the old',
  { skip: canMount ? false : 'needs `unshare -m` to mount a folder' },
  async () => {
    const { input, output } = await site('bind');
    assert.equal((await build({ input, output })).ok, true);
    const old = await snapshot(output);
    await fs.rm(path.join(input, 'articles/two.md'));
    // `mount --bind` of the folder onto itself makes it a mount point: rename gives EBUSY.
    const inNamespace = (env: Record<string, string> = {}) =>
      spawn(
        'unshare',
        [
          '-m',
          'sh',
          '-c',
          `mount --bind "$1" "$1" && exec "$2" "$3" build --quiet --input "$4" --output "$1"`,
          'sh',
          output,
          process.execPath,
          bin,
          input,
        ],
        {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    const paused = inNamespace({ BRIEFING_TEST_SWAP_PAUSE: 'in-place' });
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      paused.stderr!.on('data', (c: Buffer) => (stderr += c.toString()).includes('test pause at in-place') && resolve());
      paused.once('exit', (code) => reject(new Error(`ended (${code}) before the pause: ${stderr}`)));
    });
    await kill(paused);
    assert.deepEqual(await fs.readdir(output), ['.briefing-previous'], 'killed with the old site moved aside inside the folder');
    await fs.writeFile(path.join(input, 'articles/bad.md'), '---\ntitle: [unclosed\n---\n');
    assert.equal((await build({ input, output })).ok, false);
    assert.deepEqual(await snapshot(output), old, 'the old site is back');
    await fs.rm(path.join(input, 'articles/bad.md'));

    const whole = inNamespace();
    let stderr = '';
    whole.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => whole.once('exit', resolve));
    assert.equal(code, 0, stderr);
    const now = await snapshot(output);
    assert.ok(now.has('articles/one.html') && !now.has('articles/two.html'));
    assert.deepEqual(
      (await fs.readdir(output)).filter((n) => n.startsWith('.briefing-previous')),
      [],
    );
    assert.deepEqual(await leftovers(output), []);
  },
);
