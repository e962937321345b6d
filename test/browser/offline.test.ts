/**
 * Offline reading over http (a loopback static server): one visit to index.html installs the
 * service worker, which precaches the whole site, so with the network gone a page never visited
 * and a search still open. After a rebuild with changed content, once the new worker is active the
 * new pages are served and the old build's cache is gone. No request leaves the loopback origin.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from '../../src/index.ts';
import { listFiles, readHtml } from '../helpers/site.ts';
import {
  buildExample,
  foreignRequests,
  launchChromium,
  recordRequests,
  removeDir,
  serveStatic,
  waitUntil,
  WAIT,
  type BuiltSite,
  type StaticServer,
} from './helpers.ts';

/** A page never opened before going offline, and the entity whose summary the rebuild changes. */
const ENTITY = 'hirokazu-matsuno';

interface CacheStatus {
  type: string;
  cache: string;
  cached: number;
  total: number;
}

let browser: Browser;
const cleanup: (() => Promise<void>)[] = [];

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => {});
  await browser?.close();
});

/** Asks the controlling worker what it holds (templates/offline/sw.js answers 'briefing-cache-status'). */
async function cacheStatus(page: Page): Promise<CacheStatus | undefined> {
  const status = await page.evaluate(
    () =>
      new Promise<CacheStatus | null>((resolve) => {
        const sw = navigator.serviceWorker;
        const controller = sw.controller;
        if (!controller) return resolve(null);
        const timer = setTimeout(() => resolve(null), 2000);
        // (No named functions in here: tsx would wrap them in a helper the page does not have.)
        sw.onmessage = (event: MessageEvent) => {
          const data = event.data as CacheStatus | undefined;
          if (data?.type !== 'briefing-cache-status') return;
          clearTimeout(timer);
          sw.onmessage = null;
          resolve(data);
        };
        controller.postMessage('briefing-cache-status');
      }),
  );
  return status ?? undefined;
}

/**
 * Waits until a worker controls the page and has precached all its files; `not` skips an older
 * cache. While a new worker is installing or waiting, the old one is not asked anything: Chromium
 * activates the new worker only once the old one has no event in progress, and a status request
 * every 100 ms could keep it from ever being idle (the cause of this test's occasional timeouts).
 */
async function waitForPrecache(page: Page, not?: string): Promise<CacheStatus> {
  let last: CacheStatus | undefined;
  // The registration's workers at the last check, for a timeout's message.
  let workers = 'not looked at';
  return waitUntil(
    async () => {
      if (not) {
        workers = await page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return `installing ${reg?.installing?.state ?? '-'}, waiting ${reg?.waiting?.state ?? '-'}, active ${reg?.active?.state ?? '-'}`;
        });
        if (!workers.startsWith('installing -, waiting -')) return undefined;
      }
      const s = await cacheStatus(page);
      last = s;
      return s && s.cache !== not && s.cached === s.total ? s : undefined;
    },
    () =>
      `${not ? `a new worker (not ${not})` : 'the service worker'} with everything precached (last status: ${JSON.stringify(last)}; workers: ${workers})`,
    60_000,
  );
}

/** Pathnames of every request held in the named cache. */
async function cachedPaths(page: Page, name: string): Promise<string[]> {
  return page.evaluate(async (n) => {
    const cache = await caches.open(n);
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  }, name);
}

/** What the worker must precache: every file of the build but the worker and the marker (a folder URL is answered with its index.html). */
async function expectedPaths(out: string): Promise<string[]> {
  const files = (await listFiles(out)).filter((f) => f !== 'sw.js' && f !== '.briefing-site');
  return files.map((f) => `/${f.split('/').map(encodeURIComponent).join('/')}`).sort();
}

interface Scenario {
  site: BuiltSite;
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  requests: string[];
  headers: Record<string, string>;
}

async function startScenario(headers: Record<string, string> = {}): Promise<Scenario> {
  const site = await buildExample();
  cleanup.push(() => removeDir(site.tmp));
  const server = await serveStatic(site.out, { headers });
  const context = await browser.newContext();
  const requests = recordRequests(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const scenario = { site, server, context, page, requests, headers };
  cleanup.push(() => scenario.server.close());
  cleanup.push(() => context.close());
  return scenario;
}

/** A copy of content/ with the entity's summary changed, built into the SAME output folder, served again on the same port. */
async function rebuildWithChange(s: Scenario, marker: string): Promise<void> {
  const input = path.join(s.site.tmp, 'content-2');
  await fs.cp('content', input, { recursive: true });
  const file = path.join(input, 'entities', `${ENTITY}.md`);
  const text = await fs.readFile(file, 'utf8');
  const changed = text.replace(/^summary: .*$/m, `summary: ${marker}`);
  assert.notEqual(changed, text, 'the entity file has a summary line to change');
  await fs.writeFile(file, changed);
  const result = await build({ input, output: s.site.out });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  await s.server.close();
  s.server = await serveStatic(s.site.out, { port: s.server.port, headers: s.headers });
}

/** One visit, new build, and what the reader gets once the new worker is active. */
async function updateScenario(s: Scenario): Promise<{ oldCache: string; newCache: string; lede: string; keys: string[]; marker: string }> {
  const { page, server } = s;
  await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
  const first = await waitForPrecache(page);
  await page.goto(`${server.origin}/entities/${ENTITY}.html`, { waitUntil: 'load' });

  const marker = `Rebuilt summary ${Date.now().toString(36)} for the offline test.`;
  await rebuildWithChange(s, marker);
  const sw = await fs.readFile(path.join(s.site.out, 'sw.js'), 'utf8');
  assert.ok(!sw.includes(JSON.stringify(first.cache)), 'the new build names a new cache');

  // The next visit is answered by the old worker; loading it checks for a new worker. Ask for
  // the check explicitly too, so a slow machine does not wait for the browser's own timing.
  await s.page.goto(`${s.server.origin}/index.html`, { waitUntil: 'load' });
  await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const second = await waitForPrecache(s.page, first.cache);
  await s.page.goto(`${s.server.origin}/entities/${ENTITY}.html`, { waitUntil: 'load' });
  const lede = (await s.page.textContent('.page-head .lede')) ?? '';
  const keys = await s.page.evaluate(() => caches.keys());
  return { oldCache: first.cache, newCache: second.cache, lede, keys, marker };
}

let main: Scenario;

test('one visit to index.html over http installs the worker, which precaches every file of the site', async () => {
  main = await startScenario();
  const { page, server, site } = main;
  await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
  const status = await waitForPrecache(page);
  const expected = await expectedPaths(site.out);
  assert.equal(status.total, expected.length, 'the worker lists every file');
  assert.deepEqual(await cachedPaths(page, status.cache), expected);
});

test('offline, a page never visited and a search still load, from the cache', async () => {
  const { context, server, site } = main;
  const entityDoc = await readHtml(site.out, `entities/${ENTITY}.html`);
  const name = entityDoc.querySelector('h1')!.textContent.trim();
  const sent = server.requests.length;
  let during: string[] | undefined;
  await context.setOffline(true);
  try {
    const fresh = await context.newPage();
    fresh.setDefaultTimeout(WAIT);
    const res = await fresh.goto(`${server.origin}/entities/${ENTITY}.html`, { waitUntil: 'load' });
    assert.ok(res && res.ok(), `status ${res?.status()}`);
    assert.equal(res.fromServiceWorker(), true, 'answered by the service worker');
    assert.equal((await fresh.textContent('h1'))?.trim(), name);
    assert.ok(await fresh.locator('#facts-h, #mentions-h').first().isVisible(), 'the fact sheet shows its content');
    assert.ok(
      await fresh.evaluate(() => getComputedStyle(document.body).fontFamily !== '' && !!document.styleSheets[0]?.cssRules.length),
      'the stylesheet loaded',
    );

    const query = name.split(' ').at(-1)!;
    await fresh.goto(`${server.origin}/search.html?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await fresh.waitForSelector('#search-results li.search-result', { timeout: WAIT });
    const hrefs = await fresh.$$eval('#search-results a.result-title', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes(`entities/${ENTITY}.html`), JSON.stringify(hrefs));
    await fresh.close();
    // Read before going online again: Chromium checks for a new sw.js after a navigation, in the
    // background, and under load that check can start just after the network is back. Such a
    // request is not one made while offline.
    during = server.requests.slice(sent);
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(during, [], 'nothing reached the server while offline');
});

test('after a rebuild with changed content, the new worker serves the new pages and the old cache is gone', async () => {
  // A context of its own: Playwright's setOffline (the test above) can stay in force for workers
  // started later in the same context, which would make the new worker's precache fail.
  const r = await updateScenario(await startScenario());
  assert.notEqual(r.newCache, r.oldCache);
  assert.equal(r.lede.trim(), r.marker, 'the changed summary is served');
  assert.deepEqual(r.keys, [r.newCache], 'only the new build’s cache is left');
});

test('the update also holds behind a host that lets browsers cache files for 10 minutes (Cache-Control: max-age=600)', async () => {
  const s = await startScenario({ 'Cache-Control': 'public, max-age=600' });
  const r = await updateScenario(s);
  assert.notEqual(r.newCache, r.oldCache);
  assert.equal(r.lede.trim(), r.marker, 'the changed summary is served');
  assert.deepEqual(r.keys, [r.newCache]);
});

test('over http the site requests nothing from another origin', () => {
  assert.ok(main.requests.length > 60, `${main.requests.length} requests recorded`);
  const origins = new Set([main.server.origin]);
  assert.deepEqual(
    foreignRequests(main.requests, (u) => origins.has(u.origin)),
    [],
  );
});
