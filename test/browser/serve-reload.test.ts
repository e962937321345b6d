/**
 * `briefing serve` and the offline worker: live reload shows the new page. A reader whose browser
 * installed the worker from a `briefing build` served earlier on the same address is left with no
 * Briefing worker and fresh pages; a reader new to `serve` gets no worker at all; and in both, an
 * edit shows after the dev server's automatic reload. The real `serve` runs in a child process on
 * loopback (eleventy-dev-server's live reload over its WebSocket).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/index.ts';
import { tempDir, writeTree } from '../helpers/site.ts';
import { launchChromium, recordRequests, serveStatic, waitUntil, WAIT } from './helpers.ts';

/** Another briefing's cache on the same origin, at another path: retiring must leave it alone. */
const ELSEWHERE = 'briefing /elsewhere/ 0123456789abcdef';

let browser: Browser;
let dir: string;
let port: number;
let child: ChildProcess | undefined;
let log = '';

const article = (title: string): string => `---\ntitle: ${title}\nsource: Wire\npublished: 2024-01-01\n---\nAbout [[Someone]].\n`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Writes the article and waits for `serve` to have rebuilt (its log line), so edits never coalesce. */
async function edit(title: string): Promise<void> {
  const seen = log.length;
  await fs.writeFile(path.join(dir, 'content/articles/a.md'), article(title));
  await waitUntil(
    () => (/Rebuilt|Built/.test(log.slice(seen)) ? true : undefined),
    () => `serve's rebuild; log:\n${log}`,
  );
}

/** The page's headline as the page shows it now, without navigating (a reload may be under way). */
async function headline(page: Page, title: string): Promise<true | undefined> {
  return (await page.textContent('h1'))?.trim() === title ? true : undefined;
}

/** The page's service worker registrations, its controller, and the cache names of the origin. */
async function workerState(page: Page): Promise<{ registrations: number; controlled: boolean; caches: string[] }> {
  return page.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).length,
    controlled: navigator.serviceWorker.controller !== null,
    caches: (await caches.keys()).sort(),
  }));
}

before(async () => {
  browser = await launchChromium();
  dir = await tempDir('briefing-serve-reload-');
  await writeTree(dir, {
    'content/briefing.md': '---\ntitle: Served\n---\n',
    'content/articles/a.md': article('Built for the web'),
    'content/entities/someone.md': '---\nname: Someone\ntype: person\n---\n',
  });
  const built = await build({ input: path.join(dir, 'content'), output: path.join(dir, 'site') });
  assert.ok(built.ok, JSON.stringify(built.diagnostics));
  port = await freePort();
});

after(async () => {
  child?.kill('SIGINT');
  await new Promise((r) => setTimeout(r, 200));
  child?.kill('SIGKILL');
  await browser?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

test('a reader who installed the offline worker from a build gets fresh pages from serve, no worker, and each edit after the reload', async () => {
  // The build published as it would be, on the address `serve` will use next.
  const published = await serveStatic(path.join(dir, 'site'), { port });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const url = `${published.origin}/articles/a.html`;
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async (elsewhere) => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated')
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)));
    await caches.open(elsewhere).then((c) => c.put('/elsewhere/index.html', new Response('another briefing')));
  }, ELSEWHERE);
  await page.reload({ waitUntil: 'load' });
  assert.equal((await workerState(page)).controlled, true, 'the build’s worker controls the page');
  await published.close();

  // The author edits and serves the same content folder on the same address.
  await fs.writeFile(path.join(dir, 'content/articles/a.md'), article('Served fresh'));
  child = spawn(process.execPath, [path.resolve('bin/briefing.js'), 'serve', '--port', String(port)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  await waitUntil(
    () => (log.includes('Watching') ? true : undefined),
    () => `serve's first build; log:\n${log}`,
  );

  await page.reload({ waitUntil: 'load' });
  let state = await workerState(page);
  await waitUntil(
    async () => {
      state = await workerState(page);
      return (await headline(page, 'Served fresh')) && state.registrations === 0 && !state.controlled ? true : undefined;
    },
    () => `the fresh page with no worker (now: ${JSON.stringify(state)})`,
    // The browser's update check, the retiring worker's install and activation, and the reload it
    // asks for take several steps; on a machine loaded by other work they took over 30 s twice.
    60_000,
  );
  assert.deepEqual(state.caches, [ELSEWHERE], 'the retired worker deleted its own caches, and only those');

  await edit('Edited once');
  await waitUntil(() => headline(page, 'Edited once'), 'the edit after the automatic reload');
  await edit('Edited twice');
  await waitUntil(() => headline(page, 'Edited twice'), 'the second edit after the automatic reload');
  assert.equal((await workerState(page)).registrations, 0);
  await context.close();
});

test('a reader new to serve gets no worker, and an edit shows after the automatic reload', async () => {
  assert.ok(child, 'serve runs (started by the test above)');
  const context = await browser.newContext();
  const requests = recordRequests(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(`http://127.0.0.1:${port}/articles/a.html`, { waitUntil: 'load' });
  // Time for a worker to register and activate, were one registered; then come back.
  await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 3000))]));
  await page.reload({ waitUntil: 'load' });
  assert.deepEqual(await workerState(page), { registrations: 0, controlled: false, caches: [] });
  assert.deepEqual(
    requests.filter((u) => new URL(u).pathname === '/sw.js'),
    [],
    'the pages never register the worker (not even the one that retires)',
  );

  await edit('Edited for a new reader');
  await waitUntil(() => headline(page, 'Edited for a new reader'), 'the edit after the automatic reload');
  await context.close();
});
