/**
 * Hostile content builds safely: nothing from content is evaluated, everything is escaped for its
 * context, and no dangerous URL reaches an href. One fixture folder, many hostile strings.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { listFiles, readHtml, tempDir, writeTree } from '../helpers/site.ts';

const XSS = '<img src=x onerror=alert(1)>';
const CLOSE_SCRIPT = '</script><script>alert(1)</script>';

let dir: string;
let out: string;
let result: Awaited<ReturnType<typeof build>>;
let protoKeysBefore: string[];

before(async () => {
  dir = await tempDir();
  out = path.join(dir, 'site');
  protoKeysBefore = Object.getOwnPropertyNames(Object.prototype);
  await writeTree(path.join(dir, 'content'), {
    'briefing.md': `---\ntitle: "Briefing ${CLOSE_SCRIPT}"\ndescription: "${XSS}"\nbaseUrl: https://example.org/b\n---\nSummary {{ 7 * 7 }} {{ 7 | times: 7 }} {% raw %}x{% endraw %} <script>alert('summary')</script>\n`,
    'articles/evil.md': [
      '---',
      `title: "Headline ${CLOSE_SCRIPT} ${XSS}"`,
      `source: "Wire ${XSS}"`,
      'published: 2024-01-01',
      `summary: "{{ 7 * 7 }} ${XSS}"`,
      'author: ["<b>bold</b>"]',
      '---',
      `Raw <script>alert(2)</script> and ${XSS} in text, {{ 7 * 7 }} and {{ 7 | times: 7 }}.`,
      '',
      '[js](javascript:alert(3)) [vb](vbscript:msgbox(1)) [html](data:text/html;base64,PHNjcmlwdD4=) [file](file:///etc/passwd) [tab](java\tscript:alert(4)) [ok](https://example.org/ok)',
      '',
      `[[Evil Entity]] and [[Evil Entity|${XSS}]] and [[<script>alert(5)</script>]].`,
      '',
      '![remote](https://tracker.example/pixel.png) ![relative to the scheme](//tracker.example/pr.png) ![ref][pr]',
      '',
      '[pr]: //tracker.example/ref.png',
      '',
      `[Said ${XSS}]{quote="Evil Entity" claim=evil-claim}`,
    ].join('\n'),
    'entities/evil-entity.md': [
      '---',
      `name: "Evil Entity"`,
      'type: person',
      `aliases: ["${CLOSE_SCRIPT}"]`,
      `summary: "${XSS} ${CLOSE_SCRIPT}"`,
      'attributes:',
      `  "Role ${XSS}": "[[Evil Entity]] ${XSS}"`,
      'sameAs: [https://example.org/evil]',
      '---',
      `Profile ${XSS} {{ 7 * 7 }}`,
    ].join('\n'),
    // An extra page: its title is in every page's navigation, its summary in its head and description.
    'pages/evil-page.md': [
      '---',
      `title: "Page ${CLOSE_SCRIPT} ${XSS}"`,
      `summary: "${XSS} {{ 7 * 7 }}"`,
      '---',
      `Page body ${XSS} <script>alert(6)</script> {{ 7 * 7 }} [js](javascript:alert(7)) [[Evil Entity]]`,
    ].join('\n'),
  });
  result = await build({ input: path.join(dir, 'content'), output: out });
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

async function allText(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const f of await listFiles(out))
    if (/\.(html|js|json|xml|webmanifest)$/.test(f)) files.set(f, await fs.readFile(path.join(out, f), 'utf8'));
  return files;
}

test('the hostile folder builds (only the unknown script-named entity warns)', () => {
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['unknown-entity'],
  );
});

test('no template engine ran over bodies or front matter: {{ 7 * 7 }} stays text, 49 appears nowhere', async () => {
  const article = await fs.readFile(path.join(out, 'articles/evil.html'), 'utf8');
  assert.match(article, /\{\{ 7 \* 7 \}\}/);
  assert.match(article, /\{\{ 7 \| times: 7 \}\}/);
  for (const [file, text] of await allText()) assert.ok(!/\b49\b/.test(text), `49 in ${file}`);
});

test('no script, event handler or dangerous URL from content reaches any page', async () => {
  const own = new Set([
    'data/previews.js',
    'assets/site.js',
    'assets/search.js',
    'assets/search-options.js',
    'assets/minisearch.js',
    'data/search-index.js',
  ]);
  for (const [file, text] of await allText()) {
    if (!file.endsWith('.html')) continue;
    const doc = await readHtml(out, file);
    for (const s of doc.querySelectorAll('script')) {
      const src = s.getAttribute('src');
      const type = s.getAttribute('type');
      assert.ok(
        (src && own.has(path.posix.normalize(path.posix.join(path.posix.dirname(file), src)))) ||
          (!src && (type === 'application/ld+json' || type === 'application/json')),
        `unexpected script in ${file}: ${s.outerHTML.slice(0, 120)}`,
      );
    }
    for (const el of doc.querySelectorAll('*')) {
      for (const name of Object.keys(el.attributes)) assert.ok(!/^on/i.test(name), `${file}: ${el.tagName} has ${name}`);
    }
    for (const a of doc.querySelectorAll('[href], [src]')) {
      const url = (a.getAttribute('href') ?? a.getAttribute('src') ?? '').replace(/\s/g, '');
      assert.ok(!/^(javascript|vbscript|file|data):/i.test(url), `${file}: ${url}`);
    }
    assert.ok(!text.includes('<img src=x'), `raw img tag in ${file}`);
    assert.ok(!text.includes('<script>alert'), `raw script in ${file}`);
    assert.ok(!text.includes('<b>bold</b>'), `raw b tag in ${file}`);
  }
});

test('the safe https link is kept, the remote image becomes a link (no request leaves the site)', async () => {
  const doc = await readHtml(out, 'articles/evil.html');
  const hrefs = doc.querySelectorAll('.report-body a').map((a) => a.getAttribute('href'));
  assert.ok(hrefs.includes('https://example.org/ok'));
  assert.ok(hrefs.includes('https://tracker.example/pixel.png'));
  assert.ok(hrefs.includes('//tracker.example/pr.png'));
  assert.ok(hrefs.includes('//tracker.example/ref.png'));
  assert.equal(doc.querySelectorAll('img').length, 0);
});

test('JSON-LD cannot be closed by a </script> in a title, and parses back to the same strings', async () => {
  for (const page of ['index.html', 'articles/evil.html', 'entities/evil-entity.html']) {
    const html = await fs.readFile(path.join(out, page), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    assert.equal(blocks.length, 1, page);
    const data = JSON.parse(blocks[0]!) as unknown;
    assert.ok(JSON.stringify(data).includes('</script>'), `${page}: the title survives as data`);
  }
  const graph = JSON.parse(
    (await fs.readFile(path.join(out, 'articles/evil.html'), 'utf8')).match(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/,
    )![1]!,
  ) as { '@graph': { '@type': string; headline: string; url: string }[] };
  const article = graph['@graph'].find((n) => n['@type'] === 'NewsArticle')!;
  assert.equal(article.headline, `Headline ${CLOSE_SCRIPT} ${XSS}`);
  assert.equal(article.url, 'https://example.org/b/articles/evil.html');
});

test("an extra page's title is escaped in every page's navigation and in its own head", async () => {
  for (const file of ['index.html', 'entities/evil-entity.html', 'pages/evil-page.html']) {
    const doc = await readHtml(out, file);
    const link = doc.querySelectorAll('.site-nav a').at(-1)!;
    assert.equal(link.text, `Page ${CLOSE_SCRIPT} ${XSS}`, file);
    assert.equal(link.querySelectorAll('*').length, 0, file);
  }
  const page = await fs.readFile(path.join(out, 'pages/evil-page.html'), 'utf8');
  assert.match(page, /<title>Page &lt;\/script&gt;/);
  assert.ok(page.includes('{{ 7 * 7 }}'));
});

test('<title> and text are escaped', async () => {
  const html = await fs.readFile(path.join(out, 'articles/evil.html'), 'utf8');
  const title = html.match(/<title>([\s\S]*?)<\/title>/)![1]!;
  assert.ok(title.includes('&lt;/script&gt;'));
  const doc = await readHtml(out, 'articles/evil.html');
  assert.equal(doc.querySelector('h1')!.text.trim(), `Headline ${CLOSE_SCRIPT} ${XSS}`);
});

test('the search index and preview scripts hold hostile strings only as JSON string data', async () => {
  for (const file of ['data/search-index.js', 'data/previews.js']) {
    const text = await fs.readFile(path.join(out, file), 'utf8');
    assert.ok(!/<\/?script/i.test(text), `${file} has no literal script tag`);
    assert.ok(!text.includes('<img'), `${file} has no literal img tag`);
    const json = text
      .slice(text.indexOf('=') + 1)
      .trim()
      .replace(/;$/, '');
    assert.doesNotThrow(() => JSON.parse(json), `${file} is one JSON value`);
  }
});

test('Object.prototype is unchanged by the build', () => {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), protoKeysBefore);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
