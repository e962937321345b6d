/** `briefing import` as a user runs it: seeds into a content folder that still builds, URLs from a loopback server. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importReports } from '../../src/import/import.ts';
import { listFiles, snapshot, tempDir } from '../helpers/site.ts';

const bin = path.resolve('bin/briefing.js');
const FIXTURES = path.resolve('test/fixtures/import');
let dir: string;
let server: http.Server;
let base: string;
const sockets = new Set<import('node:net').Socket>();

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Asynchronous: the loopback server runs in this process and must answer while the command waits.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function freshContent(name: string): Promise<string> {
  const target = path.join(dir, name);
  await fs.cp(path.join(FIXTURES, 'site'), target, { recursive: true });
  return target;
}

const requests: string[] = [];

before(async () => {
  dir = await tempDir();
  const page = await fs.readFile(path.join(FIXTURES, 'harbour-ferry-jsonld.html'));
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/story.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else if (req.url === '/wire.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Wire headline\n\nText of the wire report.\n');
    } else if (req.url === '/slow.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The first bytes arrive, then nothing more');
      // Never ends: the client must give up on its own.
    } else if (req.url === '/huge.html') {
      // No content-length: the body is streamed and must be abandoned past the limit.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once('drain', pump);
        else res.end();
      };
      pump();
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data' });
      res.end();
    } else if (req.url === '/image.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(10));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(dir, { recursive: true, force: true });
});

test('the two seeds import as drafts into a fresh content folder, which still builds under --strict', async () => {
  const content = await freshContent('seeds');
  const r = await run([
    'import',
    path.join(FIXTURES, '000_614713fa8e662b7e.txt'),
    path.join(FIXTURES, '004_4ca4aa1913724a48.txt'),
    '--input',
    'seeds',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const progress = r.stderr.split('\n').filter((l) => l.startsWith('imported '));
  assert.equal(progress.length, 2);
  assert.match(r.stderr, /^seeds\/articles\/north-korean-leader-kim-jong-un-met-with\.md:3:9: warning: the report names no publication/m);
  assert.deepEqual((await listFiles(path.join(content, 'articles'))).sort(), [
    'kim-jong-un-and-putin-meet-hours-after-north-korea-missile.md',
    'north-korean-leader-kim-jong-un-met-with.md',
    'summit-announced.md',
  ]);
  const built = spawnSync(process.execPath, [bin, 'build', '--input', 'seeds', '--output', 'out', '--strict'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(built.status, 0, built.stderr);
  const articles = JSON.parse(await fs.readFile(path.join(dir, 'out/data/articles.json'), 'utf8')) as { slug: string }[];
  assert.deepEqual(
    articles.map((a) => a.slug),
    ['summit-announced'],
  );
});

test('--dry-run --format json prints the §7 array and writes nothing', async () => {
  const content = await freshContent('dry');
  const before = await snapshot(content);
  const file = path.join(FIXTURES, '004_4ca4aa1913724a48.txt');
  const r = await run(['import', file, '--input', 'dry', '--dry-run', '--format', 'json', '--published', '2023-09-13']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.equal(out.length, 1);
  assert.deepEqual(Object.keys(out[0]!), ['file', 'slug', 'markdown', 'candidates']);
  assert.equal(out[0]!['file'], file);
  assert.equal(out[0]!['slug'], 'kim-jong-un-and-putin-meet-hours-after-north-korea-missile');
  assert.match(
    String(out[0]!['markdown']),
    /^---\ntitle: Kim Jong Un and Putin meet hours after North Korea missile launch\n[\s\S]*\npublished: 2023-09-13\n[\s\S]*draft: true\n/,
  );
  // The content folder knows Kim Jong Un: linked, never proposed. Putin is new: proposed, and each
  // occurrence's offset and length pick his name out of the report's text as read.
  assert.match(String(out[0]!['markdown']), /\[\[Kim Jong Un\]\]/);
  const candidates = out[0]!['candidates'] as { name: string; type: string; occurrences: { offset: number; length: number }[] }[];
  assert.equal(
    candidates.some((c) => /Kim Jong Un/.test(c.name)),
    false,
  );
  const putin = candidates.find((c) => c.name === 'Vladimir Putin');
  assert.equal(putin?.type, 'person');
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  for (const o of putin.occurrences) assert.match(text.slice(o.offset, o.offset + o.length), /^(Vladimir )?Putin$/);
  assert.match(r.stderr, /^would import /m);
  assert.deepEqual(await snapshot(content), before);
});

test('usage errors: a bad --published, a missing content folder, no source', async () => {
  await freshContent('usage');
  const bad = await run(['import', 'x.txt', '--input', 'usage', '--published', '13/09/2023']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^briefing: error: --published: "13\/09\/2023" is not an ISO 8601 date/m);
  const missing = await run(['import', 'x.txt', '--input', 'nowhere']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^briefing: error: the content folder "nowhere" does not exist/m);
  const none = await run(['import', '--input', 'usage']);
  assert.equal(none.code, 2);
  const unreadable = await run(['import', 'no-such.txt', 'notes.pdf', 'ftp://example.com/a.txt', '--input', 'usage']);
  assert.equal(unreadable.code, 2);
  assert.deepEqual(unreadable.stderr.trim().split('\n'), [
    'briefing: error: no-such.txt: no such file or folder',
    'briefing: error: notes.pdf: no such file or folder',
    'briefing: error: ftp://example.com/a.txt: only http: and https: URLs can be imported, not ftp:',
  ]);
  for (const r of [bad, missing, none, unreadable]) assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('a URL is fetched from a loopback server: the page and its metadata, nothing else it refers to', async () => {
  const content = await freshContent('url');
  requests.length = 0;
  const r = await run(['import', `${base}/story.html`, `${base}/wire.txt`, '--input', 'url']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(requests, ['/story.html', '/wire.txt']);
  const story = await fs.readFile(path.join(content, 'articles/ferry-operator-adds-night-sailings-after-bridge-closure.md'), 'utf8');
  assert.equal(story, await fs.readFile(path.join(FIXTURES, 'harbour-ferry-jsonld.expected.md'), 'utf8'));
  const wire = await fs.readFile(path.join(content, 'articles/wire-headline.md'), 'utf8');
  assert.match(wire, /^---\ntitle: Wire headline\n[\s\S]*---\nText of the wire report\.\n$/);
});

test('a URL that answers too slowly, too much, with a redirect or with no page is refused, and the rest imported', async () => {
  const content = await freshContent('limits');
  requests.length = 0;
  const started = Date.now();
  const result = await importReports({
    sources: [`${base}/slow.html`, `${base}/huge.html`, `${base}/moved`, `${base}/image.png`, `${base}/missing.html`, `${base}/wire.txt`],
    input: content,
    fetchTimeoutMs: 500,
    maxBytes: 256 * 1024,
  });
  assert.ok(Date.now() - started < 5000);
  assert.deepEqual(
    result.errors.map((e) => `${e.file.slice(base.length)}: ${e.message}`),
    [
      '/slow.html: no complete answer within 0.5 s',
      '/huge.html: larger than 262144 bytes: the download was stopped',
      '/moved: redirects (HTTP 301) to "http://169.254.169.254/latest/meta-data"; redirects are not followed: import that address if you trust it',
      '/image.png: not a web page or text (content type "image/png")',
      '/missing.html: the server answered HTTP 404',
    ],
  );
  // The redirect's target was never requested.
  assert.deepEqual(requests.sort(), ['/huge.html', '/image.png', '/missing.html', '/moved', '/slow.html', '/wire.txt']);
  assert.deepEqual(
    result.reports.map((r) => r.slug),
    ['wire-headline'],
  );
});

test('a hostile page: the draft gains no annotation, link, image or script, and builds as plain text', async () => {
  const content = await freshContent('hostile');
  const result = await importReports({ sources: [path.join(FIXTURES, 'hostile.html')], input: content, published: '2024-02-01' });
  assert.deepEqual(result.errors, []);
  const file = result.reports[0]!.path;
  // Published as it is, once the editor has taken `draft: true` out.
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('draft: true\n', ''));
  const built = spawnSync(process.execPath, [bin, 'build', '--input', 'hostile', '--output', 'hostile-out', '--strict'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(built.status, 0, built.stderr);
  const html = await fs.readFile(path.join(dir, 'hostile-out/articles', `${result.reports[0]!.slug}.html`), 'utf8');
  const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  assert.doesNotMatch(body, /<img|<script|<iframe|javascript:|onerror|onload|href="[^"]*evil\.example\/(?:pixel|frame|x")/i);
  assert.match(body, /\[\[Harbour Bridge\]\]/);
  assert.match(body, /\[the water was poisoned\]\{claim=water-poisoned\}/);
  const claims = JSON.parse(await fs.readFile(path.join(dir, 'hostile-out/data/claims.json'), 'utf8')) as unknown[];
  assert.deepEqual(claims, []);
  const entities = JSON.parse(await fs.readFile(path.join(dir, 'hostile-out/data/entities.json'), 'utf8')) as { id: string }[];
  assert.deepEqual(
    entities.map((e) => e.id),
    ['kim-jong-un'],
  );
});
