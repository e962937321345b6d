/**
 * Two briefings served under one origin, at /a/ and /b/, share the browser's cache storage: the
 * offline worker of one never deletes the other's cache, while a new build of /a/ still deletes
 * /a/'s old one. Caches named before names carried the site's path ("briefing-<build>") are
 * deleted by the worker whose site they hold, and by no other.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/index.ts';
import { tempDir } from '../helpers/site.ts';
import { launchChromium, serveStatic, waitUntil, WAIT, type StaticServer } from './helpers.ts';

let browser: Browser;
let tmp: string;
let server: StaticServer;

async function buildInto(input: string, site: string): Promise<void> {
  const result = await build({ input, output: path.join(tmp, 'root', site) });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
}

/** Waits until the worker of the page's registration is activated (its old caches then deleted). */
async function activated(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated')
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)));
  });
}

const cacheNames = (page: Page): Promise<string[]> => page.evaluate(async () => (await caches.keys()).sort());

before(async () => {
  browser = await launchChromium();
  tmp = await tempDir('briefing-offline-scope-');
  await buildInto('content', 'a');
  await buildInto('test/fixtures/sites/newsroom', 'b');
  server = await serveStatic(path.join(tmp, 'root'));
});

after(async () => {
  await server?.close();
  await browser?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const OLD_A = 'briefing-0000aaaa0000';
const OLD_B = 'briefing-0000bbbb0000';

/** The names of the caches holding the home page of the site at `site` (e.g. "/a/"), old-style ones left out. */
async function cachesOf(page: Page, site: string): Promise<string[]> {
  return page.evaluate(
    async ({ home, old }) => {
      const names = [];
      for (const name of await caches.keys()) if (!old.includes(name) && (await (await caches.open(name)).match(home))) names.push(name);
      return names;
    },
    { home: `${site}index.html`, old: [OLD_A, OLD_B] },
  );
}

test('the offline caches of two briefings under one origin (/a/, /b/) never delete each other', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  // Caches as names without the site's path left them: one holding /a/'s pages, one holding /b/'s.
  await page.goto(`${server.origin}/none`);
  await page.evaluate(
    async ([oldA, oldB]) => {
      await caches.open(oldA).then((c) => c.put('/a/index.html', new Response('old a')));
      await caches.open(oldB).then((c) => c.put('/b/index.html', new Response('old b')));
    },
    [OLD_A, OLD_B] as const,
  );

  await page.goto(`${server.origin}/a/index.html`, { waitUntil: 'load' });
  await activated(page);
  const [a, ...moreA] = await cachesOf(page, '/a/');
  assert.ok(a && moreA.length === 0, `one cache holds /a/: ${JSON.stringify([a, ...moreA])}`);

  await page.goto(`${server.origin}/b/index.html`, { waitUntil: 'load' });
  await activated(page);
  const [b, ...moreB] = await cachesOf(page, '/b/');
  assert.ok(b && moreB.length === 0, `one cache holds /b/: ${JSON.stringify([b, ...moreB])}`);
  assert.deepEqual(
    await cacheNames(page),
    [a, b].sort(),
    'visiting /b/ keeps /a/’s cache; each worker deleted the old-style cache of its own site only',
  );

  // A new build of /a/ (the example with its title changed): its worker deletes /a/'s old cache only.
  const input = path.join(tmp, 'content-2');
  await fs.cp('content', input, { recursive: true });
  const file = path.join(input, 'briefing.md');
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Rebuilt briefing'));
  await buildInto(input, 'a');
  await page.goto(`${server.origin}/a/index.html`, { waitUntil: 'load' });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  let now: string[] = [];
  await waitUntil(
    async () => {
      now = await cacheNames(page);
      const settled = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return !reg?.installing && !reg?.waiting && reg?.active?.state === 'activated';
      });
      return settled && !now.includes(a) ? true : undefined;
    },
    () => `/a/'s new worker, with /a/'s old cache gone (caches: ${JSON.stringify(now)})`,
    60_000,
  );
  const [a2, ...moreA2] = await cachesOf(page, '/a/');
  assert.ok(a2 && a2 !== a && moreA2.length === 0, `one new cache holds /a/: ${JSON.stringify([a2, ...moreA2])}`);
  assert.deepEqual(await cacheNames(page), [a2, b].sort(), 'the new build of /a/ keeps /b/’s cache');
  await context.close();
});
