/**
 * `briefing serve` is safe by default: it listens on loopback only unless `--host` says otherwise,
 * no request can end the process or read a file outside the output folder, and bad arguments are
 * usage errors before anything is built.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir, writeTree } from '../helpers/site.ts';
import { rawGet, startServe, type Served } from '../helpers/serve.ts';

let dir: string;
let served: Served & { child: { exitCode: number | null } };

before(async () => {
  dir = await tempDir();
  await writeTree(dir, {
    'content/briefing.md': '---\ntitle: Guarded\n---\n',
    'content/articles/a.md': '---\ntitle: An article\nsource: Wire\npublished: 2024-01-01\n---\nText.\n',
    // A sibling of the output folder whose name starts with the output's.
    '_site-old/secret.txt': 'TOP SECRET',
    '_site.html': 'SIBLING PAGE',
    'secret.txt': 'TOP SECRET',
  });
  served = await startServe(dir, []);
  await served.waitFor(async () => (await served.get('index.html')).status === 200, 'the home page');
});

after(async () => {
  await served?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

test('listens on 127.0.0.1 by default, and says so', async () => {
  assert.match(served.log(), new RegExp(`http://127\\.0\\.0\\.1:${served.port}/`));
  // Another loopback address reaches a server that listens on every interface, never this one.
  assert.equal((await rawGet('127.0.0.2', served.port, '/index.html')).status, 0);
});

test('no request ends the process or reads outside the output folder', async () => {
  const hostile = [
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/..%2f..%2fetc%2fpasswd',
    '/%',
    '/%c0%ae%c0%ae/',
    '/%c0%ae%c0%ae/etc/passwd',
    '/%2e%2e%2f_site-old/secret.txt', // FIRST
    '/%2e%2e%2fsecret.txt',
    '/%2e%2e%2f_site',
    '/articles/..%2f..%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/index.html%00.txt',
    '//',
    '/%E0%A4%A',
  ];
  for (const rel of hostile) {
    const res = await served.get(rel);
    assert.notEqual(res.status, 0, `${rel}: the server went away\n${served.log()}`);
    assert.notEqual(res.status, 200, `${rel} was answered with 200`);
    assert.doesNotMatch(res.body, /TOP SECRET|SIBLING PAGE|root:/, rel);
  }
  assert.equal(served.child.exitCode, null, served.log());
  assert.equal((await served.get('index.html')).status, 200);
  assert.match((await served.get('/articles/a.html')).body, /An article/);
});

test('--host chooses the address it listens on', async () => {
  const other = await startServe(dir, ['--output', 'other-site', '--host', '127.0.0.2'], '127.0.0.2');
  try {
    await other.waitFor(async () => (await other.get('index.html')).status === 200, 'the home page on 127.0.0.2');
    assert.match(other.log(), new RegExp(`http://127\\.0\\.0\\.2:${other.port}/`));
    assert.equal((await rawGet('127.0.0.1', other.port, '/index.html')).status, 0);
  } finally {
    await other.stop();
  }
});

function serveSync(args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [path.resolve('bin/briefing.js'), 'serve', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stderr: r.stderr };
}

test('a bad --port or an extra argument is a usage error before any build', () => {
  for (const args of [
    ['--port', 'abc'],
    ['--port', '70000'],
    ['--port', '1.5'],
    ['--port', '0'],
    ['--port', ''],
    ['extra'],
    ['--port', '8080', 'extra'],
  ]) {
    const r = serveSync(['--output', 'never', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^briefing: error: .+\n$/, args.join(' '));
    assert.equal(existsSync(path.join(dir, 'never')), false, args.join(' '));
  }
  const extra = spawnSync(process.execPath, [path.resolve('bin/briefing.js'), 'build', 'extra'], { cwd: dir, encoding: 'utf8' });
  assert.equal(extra.status, 2);
  assert.match(extra.stderr, /^briefing: error: .*extra.*\n$/);
});

test('an output folder inside the input folder is refused before any build', () => {
  const r = serveSync(['--output', 'content/_site']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^briefing: error: .*inside the input folder.*\n$/);
  assert.equal(existsSync(path.join(dir, 'content/_site')), false);
});

test('an output folder reached through a link into the input is refused too, and a missing input is a usage error', () => {
  symlinkSync(path.join(dir, 'content'), path.join(dir, 'linked-content'));
  const linked = serveSync(['--output', 'linked-content/_site']);
  assert.equal(linked.code, 2, linked.stderr);
  assert.match(linked.stderr, /^briefing: error: .*inside the input folder.*\n$/);
  assert.equal(existsSync(path.join(dir, 'content/_site')), false);
  const missing = serveSync(['--input', 'no-such-folder', '--output', 'never']);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /^briefing: error: input folder not found: no-such-folder\n$/);
});
