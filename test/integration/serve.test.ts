/** `briefing serve` on loopback: serves the built site, rebuilds on change. Bounded in time. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir, writeTree } from '../helpers/site.ts';

let dir: string;
let child: ChildProcess | undefined;
let port: number;
let log = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(predicate: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; server log:\n${log}`);
}

async function get(rel: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/${rel}`);
  return res.ok ? res.text() : `HTTP ${res.status}`;
}

before(async () => {
  dir = await tempDir();
  await writeTree(dir, {
    'content/briefing.md': '---\ntitle: Served\n---\n',
    'content/articles/a.md': '---\ntitle: First title\nsource: Wire\npublished: 2024-01-01\n---\nAbout [[Someone]].\n',
    'content/entities/someone.md': '---\nname: Someone\ntype: person\n---\n',
  });
  port = await freePort();
  child = spawn(process.execPath, [path.resolve('bin/briefing.js'), 'serve', '--port', String(port)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  await waitFor(() => log.includes('Watching'), 'the first build');
});

after(async () => {
  child?.kill('SIGINT');
  await new Promise((r) => setTimeout(r, 200));
  child?.kill('SIGKILL');
  await fs.rm(dir, { recursive: true, force: true });
});

test('serves the built site over http on the given port', async () => {
  await waitFor(async () => (await get('index.html').catch(() => '')).includes('Served'), 'the home page');
  assert.match(await get('articles/a.html'), /First title/);
});

test('rebuilds when an article changes, and keeps serving the last good site on an error', async () => {
  await fs.writeFile(
    path.join(dir, 'content/articles/a.md'),
    '---\ntitle: Second title\nsource: Wire\npublished: 2024-01-01\n---\nAbout [[Someone]].\n',
  );
  await waitFor(async () => (await get('articles/a.html')).includes('Second title'), 'the rebuilt article');
  await fs.writeFile(path.join(dir, 'content/articles/a.md'), '---\ntitle: [broken\n---\n');
  await waitFor(() => log.includes('still serving the previous site'), 'the failed rebuild');
  assert.match(await get('articles/a.html'), /Second title/);
  assert.match(log, /content\/articles\/a\.md:2:\d+: error:/);
});
