/**
 * The real error is the one reported (issue 16, item 7): a stage's failure is reported as itself,
 * not as the ENOTEMPTY of removing a staging folder a worker still writes into; file-system
 * faults are one line each with exit code 2 and no stack trace, and `check` still lists every
 * other problem; a link to a FIFO hangs nothing.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs, mkdirSync, watch } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, check } from '../../src/index.ts';
import { snapshot, tempDir, writeTree } from '../helpers/site.ts';

const bin = path.resolve('bin/briefing.js');
let dir: string;
before(async () => {
  dir = await tempDir();
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

const article = (title: string, body = '[[Alpha]] did something.') =>
  `---\ntitle: ${title}\nsource: Wire\npublished: 2024-01-01\n---\n${body}\n`;

async function content(name: string, articles = 2): Promise<string> {
  const input = path.join(dir, name);
  const files: Record<string, string> = {
    'briefing.md': '---\ntitle: Faults\n---\nSummary.\n',
    'entities/alpha.md': '---\nname: Alpha\ntype: person\n---\n',
  };
  for (let i = 0; i < articles; i++)
    files[`articles/a${i}.md`] = article(`Article ${i}`, `[[Alpha]] did something. ${'Words in the article. '.repeat(200)}`);
  await writeTree(input, files);
  return input;
}

function run(args: string[], cwd = dir, timeout = 60_000): { code: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** No stack trace: no `    at …` frame, no `caused by`, no internal error. */
function assertOneLineErrors(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at |caused by|internal error/m, stderr);
}

test('a failing emit stage is reported as its own error, with the workers stopped before the staging folder is removed', async () => {
  // Enough articles that the page writer and the search worker are busy when the emit stage fails.
  const input = await content('emit-fails', 300);
  const parent = path.join(dir, 'emit-out');
  await fs.mkdir(parent);
  const output = path.join(parent, 'site');
  for (let round = 0; round < 3; round++) {
    // A folder where the feed is to be written: the emit stage fails with EISDIR.
    const watcher = watch(parent, (_event, name) => {
      if (name?.startsWith('.site.tmp-') && !name.endsWith('.old')) {
        try {
          mkdirSync(path.join(parent, name, 'feed.xml'));
        } catch {
          // The folder is gone again, or the feed folder was made already.
        }
      }
    });
    try {
      await assert.rejects(build({ input, output }), (e: NodeJS.ErrnoException) => {
        assert.equal(e.code, 'EISDIR', String(e));
        assert.match(e.message, /feed\.xml/);
        return true;
      });
    } finally {
      watcher.close();
    }
    // Nothing writes into the removed folder afterwards.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(
      (await fs.readdir(parent)).filter((n) => n.includes('.tmp-')),
      [],
    );
  }
  const r = spawnSync(process.execPath, [bin, 'build', '--quiet', '--input', input, '--output', output], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('a symbolic link to a folder is one usage line among the other problems: check lists all and exits 2', async () => {
  const input = await content('linked-folder');
  await fs.symlink(path.join(input, 'entities'), path.join(input, 'articles', 'folder.md'));
  await fs.writeFile(path.join(input, 'articles', 'late.md'), article('Late').replace('2024-01-01', '2024-02-30'));
  const r = run(['check', '--input', input]);
  assert.equal(r.code, 2, r.stderr);
  assertOneLineErrors(r.stderr);
  assert.match(r.stderr, /^briefing: error: .*articles\/folder\.md: cannot read this file: EISDIR/m);
  assert.match(r.stderr, /articles\/late\.md:4:12: error: /, 'the other problem is listed too');
  const b = run(['build', '--input', input, '--output', path.join(dir, 'linked-folder-out')]);
  assert.equal(b.code, 2, b.stderr);
  assertOneLineErrors(b.stderr);
});

const root = process.getuid?.() === 0;

test(
  'an unreadable file (EACCES) is one usage line among the other problems',
  { skip: root ? 'running as root, where chmod 000 does not deny reading' : false },
  async () => {
    const input = await content('unreadable');
    const file = path.join(input, 'articles', 'a0.md');
    await fs.chmod(file, 0o000);
    await fs.writeFile(path.join(input, 'articles', 'late.md'), article('Late').replace('2024-01-01', '2024-02-30'));
    const r = run(['check', '--input', input]);
    await fs.chmod(file, 0o644);
    assert.equal(r.code, 2, r.stderr);
    assertOneLineErrors(r.stderr);
    assert.match(r.stderr, /^briefing: error: .*articles\/a0\.md: cannot read this file: EACCES/m);
    assert.match(r.stderr, /articles\/late\.md:4:12: error: /);
  },
);

test('a symbolic link to a FIFO hangs neither check nor build', async () => {
  const input = await content('fifo');
  // A hidden name: an unknown entry at the top of the content folder would add a warning of its own.
  const fifo = path.join(input, '.pipe');
  execFileSync('mkfifo', [fifo]);
  await fs.symlink(fifo, path.join(input, 'articles', 'pipe.md'));
  const r = run(['check', '--input', input], dir, 20_000);
  assert.notEqual(r.code, null, 'check ended before the timeout');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /articles\/pipe\.md:1:1: error: the symbolic link leads to something that is not a file/);
  // `serve` loads the content as `build` does (with a cache): the library call must end too.
  const result = await Promise.race([
    build({ input, output: path.join(dir, 'fifo-out'), keepCache: true }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('build hung on the FIFO')), 20_000).unref()),
  ]);
  assert.equal(result.ok, false);
  const checked = await check({ input });
  assert.deepEqual(
    checked.diagnostics.map((d) => d.code),
    ['not-a-file'],
  );
});

/** `unshare -m` (a private mount namespace) works here, so a test can mount a small or read-only file system. */
const canMount = spawnSync('unshare', ['-m', 'true']).status === 0;

/** Runs `briefing build` in a private mount namespace with a tmpfs (mount options `opts`) on `mountAt`. */
function buildOnTmpfs(opts: string, mountAt: string, input: string, output: string): { code: number | null; stderr: string } {
  const r = spawnSync(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      `mount -t tmpfs -o "$1" tmpfs "$2" && exec "$3" "$4" build --quiet --input "$5" --output "$6"`,
      'sh',
      opts,
      mountAt,
      process.execPath,
      bin,
      input,
      output,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, stderr: r.stderr };
}

test(
  'a read-only output (EROFS) is one usage line, exit 2',
  { skip: canMount ? false : 'needs `unshare -m` to mount a read-only file system' },
  async () => {
    const input = await content('read-only');
    const mountAt = path.join(dir, 'ro');
    await fs.mkdir(mountAt);
    const r = buildOnTmpfs('ro', mountAt, input, path.join(mountAt, 'site'));
    assert.equal(r.code, 2, r.stderr);
    assertOneLineErrors(r.stderr);
    assert.match(r.stderr, /^briefing: error: .*EROFS: read-only file system/m);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  },
);

test(
  'a full disk (ENOSPC) is one usage line, exit 2, and no staging folder is left',
  { skip: canMount ? false : 'needs `unshare -m` to mount a small file system' },
  async () => {
    const input = await content('full', 400);
    const mountAt = path.join(dir, 'small');
    await fs.mkdir(mountAt);
    // Room for the pages but not for the search index too (a 5.3 MB site). The output and its
    // staging folder are in the tmpfs, gone with the namespace, so what is left is listed from inside.
    const r = spawnSync(
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        `mount -t tmpfs -o size=4500k tmpfs "$1" && "$2" "$3" build --quiet --input "$4" --output "$1/site"; code=$?; ls -A "$1" >&2; exit $code`,
        'sh',
        mountAt,
        process.execPath,
        bin,
        input,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(r.status, 2, r.stderr);
    assertOneLineErrors(r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[0]!, /^briefing: error: .*(ENOSPC|no space left)/i, r.stderr);
    assert.doesNotMatch(r.stderr, /ENOTEMPTY/);
    assert.deepEqual(lines.slice(1), [], 'the output folder holds nothing: no staging folder, no lock');
    assert.deepEqual(await snapshot(mountAt), new Map(), 'the mount was private');
  },
);
