import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** A fresh temporary folder, removed by the caller's `after`. */
export async function tempDir(prefix = 'briefing-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes `{ 'articles/a.md': '…' }` under `dir`. */
export async function writeTree(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Path → bytes of every file under `dir`: compare two snapshots to prove nothing changed. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of await listFiles(dir)) out.set(rel, (await fs.readFile(path.join(dir, rel))).toString('base64'));
  return out;
}

export async function readHtml(dir: string, rel: string): Promise<HTMLElement> {
  return parse(await fs.readFile(path.join(dir, rel), 'utf8'));
}

export async function readJson<T = unknown>(dir: string, rel: string): Promise<T> {
  return JSON.parse(await fs.readFile(path.join(dir, rel), 'utf8')) as T;
}

export interface LinkProblem {
  readonly page: string;
  readonly href: string;
  readonly problem: string;
}

/**
 * Checks every internal link and asset reference of every HTML page under `dir` the way a browser
 * opening the folder from file:// would: relative only, pointing at a file that exists (never a
 * bare folder), and, with a `#fragment`, at an element with that id.
 */
export async function checkLinks(dir: string): Promise<{ problems: LinkProblem[]; checked: number }> {
  const pages = (await listFiles(dir)).filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const docs = new Map<string, HTMLElement>();
  for (const page of pages) {
    const doc = await readHtml(dir, page);
    docs.set(page, doc);
    ids.set(page, new Set(doc.querySelectorAll('[id]').map((el) => el.getAttribute('id')!)));
  }
  const problems: LinkProblem[] = [];
  let checked = 0;
  for (const [page, doc] of docs) {
    for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')) {
      const href = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
      if (/^(https?:|mailto:)/i.test(href)) {
        if (el.tagName !== 'A') problems.push({ page, href, problem: 'asset loaded from another origin' });
        continue;
      }
      checked++;
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) {
        problems.push({ page, href, problem: 'not a relative link' });
        continue;
      }
      const [filePart, fragment] = href.split('#') as [string, string | undefined];
      const target = filePart === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), filePart.split('?')[0]!));
      if (target.startsWith('..')) {
        problems.push({ page, href, problem: 'points outside the site' });
        continue;
      }
      const stat = await fs.stat(path.join(dir, target)).catch(() => undefined);
      if (!stat) problems.push({ page, href, problem: 'target does not exist' });
      else if (stat.isDirectory()) problems.push({ page, href, problem: 'links to a folder (a directory listing from disk)' });
      else if (fragment && target.endsWith('.html') && !ids.get(target)?.has(decodeURIComponent(fragment))) {
        problems.push({ page, href, problem: `no element with id "${fragment}"` });
      }
    }
  }
  return { problems, checked };
}
