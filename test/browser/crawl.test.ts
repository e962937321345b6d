/**
 * Opened straight from disk (file://), every internal link of every page of the example briefing
 * opens a real page of the site, every #fragment names an element of its page, the crawl from
 * index.html reaches every HTML file of the build, and no page asks for anything off disk.
 */
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { listFiles } from '../helpers/site.ts';
import { buildExample, foreignRequests, launchChromium, recordRequests, removeDir, WAIT, type BuiltSite } from './helpers.ts';

interface Visit {
  readonly ok: boolean;
  readonly error?: string;
  readonly h1: string;
  readonly generator: string | null;
  readonly ids: ReadonlySet<string>;
}

interface Link {
  readonly from: string;
  readonly href: string;
  readonly target: string;
  readonly fragment: string;
}

let site: BuiltSite;
let browser: Browser;
let context: BrowserContext;
let requests: string[];
const visits = new Map<string, Visit>();
const links: Link[] = [];
const skipped: { from: string; href: string }[] = [];
/** A bound on the crawl, far above the example's size. */
const MAX_DOCUMENTS = 500;

function rel(url: string): string {
  return path.relative(site.out, fileURLToPath(url)).split(path.sep).join('/');
}

before(async () => {
  site = await buildExample();
  browser = await launchChromium();
  context = await browser.newContext();
  requests = recordRequests(context);
  let page = await context.newPage();
  page.setDefaultTimeout(WAIT);

  // Breadth-first over documents: each distinct target (URL without its fragment) is opened once.
  const siteUrl = `${pathToFileURL(site.out).href}/`;
  const start = site.fileUrl('index.html');
  const queue = [start];
  const queued = new Set(queue);
  while (queue.length) {
    const url = queue.shift()!;
    let error: string | undefined;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: WAIT });
    } catch (err) {
      error = (err as Error).message.split('\n')[0];
      // After a failed navigation Chromium still commits its error page, which would interrupt
      // the next goto: carry on in a fresh tab.
      await page.close();
      page = await context.newPage();
      page.setDefaultTimeout(WAIT);
    }
    const loaded = !error && page.url().split('#')[0] === url;
    const info = loaded
      ? await page.evaluate(() => ({
          h1: document.querySelector('h1')?.textContent?.trim() ?? '',
          generator: document.querySelector('meta[name="generator"]')?.getAttribute('content') ?? null,
          ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
          hrefs: [...document.querySelectorAll('a[href]')].map((a) => ({
            href: a.getAttribute('href')!,
            resolved: (a as HTMLAnchorElement).href,
          })),
        }))
      : { h1: '', generator: null, ids: [], hrefs: [] };
    visits.set(url, { ok: loaded, ...(error ? { error } : {}), h1: info.h1, generator: info.generator, ids: new Set(info.ids) });
    // Follow links only from pages of the site (not from a directory listing Chromium made up),
    // and only into the site folder.
    if (info.generator !== 'Briefing') continue;
    for (const { href, resolved } of info.hrefs) {
      if (/^(https?:|mailto:)/i.test(href)) {
        skipped.push({ from: url, href });
        continue;
      }
      const hash = resolved.indexOf('#');
      const target = hash < 0 ? resolved : resolved.slice(0, hash);
      const fragment = hash < 0 ? '' : decodeURIComponent(resolved.slice(hash + 1));
      links.push({ from: url, href, target, fragment });
      if (!queued.has(target) && target.startsWith(siteUrl) && queued.size < MAX_DOCUMENTS) {
        queued.add(target);
        queue.push(target);
      }
    }
  }
});

after(async () => {
  await browser?.close();
  await removeDir(site?.tmp);
});

test('the crawl from index.html follows internal links over file:// and external ones are only http(s)/mailto', () => {
  assert.ok(visits.size > 40, `${visits.size} documents visited`);
  assert.ok(links.length > 500, `${links.length} internal links followed`);
  const siteUrl = `${pathToFileURL(site.out).href}/`;
  const odd = links.filter((l) => !l.target.startsWith(siteUrl)).map((l) => `${rel(l.from)}: "${l.href}" → ${l.target}`);
  assert.deepEqual(odd, [], 'every internal link resolves to a file of the site folder');
});

test('every internal link opens a page of the site with a non-empty <h1>', () => {
  const broken: string[] = [];
  for (const [url, v] of visits) {
    const from = links.find((l) => l.target === url);
    const where = from ? ` (linked from ${rel(from.from)} as "${from.href}")` : '';
    if (!v.ok) broken.push(`${url}: did not load: ${v.error ?? 'ended elsewhere'}${where}`);
    else if (v.generator !== 'Briefing')
      broken.push(`${rel(url)}: not a page of the site (a directory listing, an error page, a data file?)${where}`);
    else if (!v.h1) broken.push(`${rel(url)}: no <h1>${where}`);
  }
  assert.deepEqual(broken, []);
});

test('every #fragment of an internal link names an element of the page it opens', () => {
  const missing = new Set<string>();
  let checked = 0;
  for (const l of links) {
    if (!l.fragment) continue;
    checked++;
    const v = visits.get(l.target);
    if (!v?.ids.has(l.fragment)) missing.add(`${rel(l.from)}: "${l.href}" → no id "${l.fragment}" in ${rel(l.target)}`);
  }
  assert.ok(checked > 50, `${checked} fragment links checked`);
  assert.deepEqual([...missing], []);
});

test('the crawl reaches every HTML page of the build', async () => {
  const built = (await listFiles(site.out)).filter((f) => f.endsWith('.html'));
  const reached = new Set([...visits.keys()].map(rel));
  assert.deepEqual(
    built.filter((f) => !reached.has(f)),
    [],
    'pages no link leads to',
  );
});

test('opened from disk, the site requests nothing but files (no other origin)', () => {
  assert.ok(requests.length > visits.size, `${requests.length} requests recorded`);
  assert.deepEqual(
    foreignRequests(requests, (u) => u.protocol === 'file:'),
    [],
  );
});
