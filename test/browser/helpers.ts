/**
 * Shared by the browser tests (and test/browser/screenshots.ts): build the example briefing into a
 * fresh folder, launch Debian's Chromium through playwright-core, serve a folder on loopback, and
 * record every request a browser context makes.
 */
import { constants, createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build, type BuildOptions } from '../../src/index.ts';
import { tempDir } from '../helpers/site.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Upper bound for any single wait in a browser test. */
export const WAIT = 15_000;

/**
 * Launches Chromium. Throws (so every test of the file fails, never skips) when the browser is
 * missing: CI installs it (.ci/), so a missing browser is a broken environment, not a reason to pass.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    await fs.access(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(`${CHROMIUM} is missing: install it (apt-get install -y chromium); the browser tests need it`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    // No network here: without these Chromium keeps trying to reach Google's services.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BuiltSite {
  /** The temp folder holding everything (remove it in `after`). */
  readonly tmp: string;
  /** The built site. */
  readonly out: string;
  /** file:// URL of a page of the built site. */
  fileUrl(rel: string): string;
}

/** Builds `input` (the example briefing by default) into a fresh temp folder, through the library API. */
export async function buildExample(options: Partial<BuildOptions> = {}): Promise<BuiltSite> {
  const tmp = await tempDir('briefing-browser-');
  const out = path.join(tmp, 'site');
  const result = await build({ input: 'content', ...options, output: out });
  if (!result.ok) throw new Error(`the example did not build:\n${result.diagnostics.map((d) => JSON.stringify(d)).join('\n')}`);
  return { tmp, out, fileUrl: (rel) => pathToFileURL(path.join(out, rel)).href };
}

/**
 * Builds a copy of `input` (the example briefing by default) with briefing.md's `language` set to
 * `language`: the same content with the interface in another language.
 */
export async function buildInLanguage(language: string, input = 'content'): Promise<BuiltSite> {
  const tmp = await tempDir('briefing-browser-');
  const copy = path.join(tmp, 'input');
  await fs.cp(input, copy, { recursive: true });
  const briefing = path.join(copy, 'briefing.md');
  const text = await fs.readFile(briefing, 'utf8');
  await fs.writeFile(
    briefing,
    /^language:.*$/m.test(text)
      ? text.replace(/^language:.*$/m, `language: ${language}`)
      : text.replace(/^---\n/, `---\nlanguage: ${language}\n`),
  );
  const out = path.join(tmp, 'site');
  const result = await build({ input: copy, output: out });
  if (!result.ok) throw new Error(`${input} in ${language} did not build:\n${result.diagnostics.map((d) => JSON.stringify(d)).join('\n')}`);
  return { tmp, out, fileUrl: (rel) => pathToFileURL(path.join(out, rel)).href };
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  readonly origin: string;
  readonly port: number;
  /** Every path requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A tiny static file server on 127.0.0.1 serving `root` (looked up on every request, so a rebuild
 * swapped into the same folder is served at once). `/` and folders serve their index.html.
 * `headers` are added to every response (e.g. a Cache-Control as a given host sends it).
 */
export async function serveStatic(root: string, options: { port?: number; headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url.pathname);
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      let file = path.join(root, path.normalize(rel));
      if (path.relative(root, file).startsWith('..')) {
        res.writeHead(403).end();
        return;
      }
      try {
        let stat = await fs.stat(file);
        if (stat.isDirectory()) {
          file = path.join(file, 'index.html');
          stat = await fs.stat(file);
        }
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': stat.size,
          'Cache-Control': 'no-cache',
          ...options.headers,
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Records the URL of every request made in `context` (pages and, in Chromium, service workers). */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The recorded URLs that leave `allowed` (a predicate on the URL). */
export function foreignRequests(urls: readonly string[], allowed: (url: URL) => boolean): string[] {
  return [...new Set(urls.filter((u) => !allowed(new URL(u))))];
}

/** Polls `check` until it returns a value other than undefined, or throws after `ms`. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string | (() => string),
  ms = WAIT,
): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end)
      throw new Error(
        `timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}${last ? `: ${String(last)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The example built, Chromium launched, one desktop context recording its requests. */
export interface ExampleSession {
  readonly site: BuiltSite;
  /** The first article's page, relative to the site. */
  readonly article: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly requests: string[];
  close(): Promise<void>;
}

export async function openExample(): Promise<ExampleSession> {
  const site = await buildExample();
  const articles = JSON.parse(await fs.readFile(path.join(site.out, 'data/articles.json'), 'utf8')) as { slug: string }[];
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = recordRequests(context);
  return {
    site,
    article: `articles/${articles[0]!.slug}.html`,
    browser,
    context,
    requests,
    close: async () => {
      await browser.close();
      await removeDir(site.tmp);
    },
  };
}
