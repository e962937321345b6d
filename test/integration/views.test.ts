/**
 * A project's own views (docs/views.md): `views/<name>.js` in the content folder replaces the
 * layout or one page kind's view; a view that throws, returns no HTML or has an unknown name is one
 * error line naming its file; content stays escaped through the `html` tag the view is given.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/build.ts';
import { DEFAULT_VIEWS } from '../../src/site/default-views.ts';
import { loadViews, VIEW_NAMES } from '../../src/views.ts';
import { listFiles, readHtml, tempDir, writeTree } from '../helpers/site.ts';

const fixture = path.resolve('test/fixtures/sites/overrides');
const bin = path.resolve('bin/briefing.js');
let dir: string;
let out: string;

/** The fixture's content with `views` as its views/ folder. */
async function project(name: string, views: Record<string, string>): Promise<string> {
  const root = path.join(dir, name);
  await fs.cp(fixture, root, { recursive: true });
  await fs.rm(path.join(root, 'views'), { recursive: true });
  await writeTree(root, Object.fromEntries(Object.entries(views).map(([file, text]) => [`views/${file}`, text])));
  return root;
}

function run(input: string): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'build', '--input', input, '--output', path.join(input, '_site'), '--quiet'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status, stderr: r.stderr };
}

before(async () => {
  dir = await tempDir('briefing-views-');
  out = path.join(dir, 'site');
  const result = await build({ input: fixture, output: out, parallel: false });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  // views/ is the project's, not an unknown entry of the content folder.
  assert.deepEqual(result.diagnostics, []);
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('the project layout frames every page, and the one overridden view renders its kind', async () => {
  const pages = (await listFiles(out)).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 9, pages.join(' '));
  for (const rel of pages) {
    const doc = await readHtml(out, rel);
    assert.equal(doc.querySelectorAll('p.custom-banner').length, 1, `${rel}: one banner`);
    // Still Briefing's frame around it (the layout wraps the built-in one).
    assert.ok(doc.querySelector('header.site-header'), `${rel}: the site header`);
  }
  const bridge = await readHtml(out, 'entities/harbour-bridge.html');
  assert.equal(bridge.querySelector('article.custom-entity h1')?.text, 'Harbour Bridge');
  assert.equal(bridge.querySelector('.custom-count')?.text, '1 mentions');
  assert.equal(bridge.querySelector('.infobox'), null, 'the built-in fact sheet is replaced');
  assert.equal(bridge.querySelector('p.custom-banner')?.text, 'Portvale Gazette: Harbour Bridge');
  // The other kinds keep the built-in views.
  const article = await readHtml(out, 'articles/bridge-closed.html');
  assert.ok(article.querySelector('main .prose'), 'the built-in article view');
  assert.equal(article.querySelector('article.custom-entity'), null);
});

test('hostile content interpolated with the html tag the view is given stays text', async () => {
  const hostile = await readHtml(out, 'entities/hostile.html');
  assert.equal(hostile.querySelector('article.custom-entity h1')?.text, '<script>alert(1)</script> & Co');
  assert.equal(hostile.querySelector('.custom-summary')?.text, '<img src=x onerror=alert(2)>');
  assert.equal(hostile.querySelector('main img'), null);
  // Only the JSON-LD names it, escaped for a script element.
  for (const script of hostile.querySelectorAll('script'))
    if (/alert/.test(script.text)) assert.equal(script.getAttribute('type'), 'application/ld+json');
  const raw = await fs.readFile(path.join(out, 'entities/hostile.html'), 'utf8');
  assert.doesNotMatch(raw, /<script>alert|<img src=x/);
});

test('without a views/ folder the built-in views are used as they are, nothing loaded', async () => {
  assert.equal(await loadViews(path.resolve('test/fixtures/sites/newsroom')), DEFAULT_VIEWS);
});

test('a view that throws is one error line naming its file and the page, no stack trace, exit 2', async () => {
  const input = await project('throws', {
    'entity.js': 'export default function () {\n  throw new Error("no summary here");\n}\n',
  });
  const r = run(input);
  assert.equal(r.code, 2);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^briefing: error: throws\/views\/entity\.js: failed on entities\/[a-z-]+\.html: no summary here$/);
  await assert.rejects(fs.access(path.join(input, '_site')), 'no site is left behind');
});

test('a view that returns no string of HTML is an error naming its file', async () => {
  const input = await project('returns', { 'layout.mjs': 'export default function () {\n  return 42;\n}\n' });
  const r = run(input);
  assert.equal(r.code, 2);
  assert.match(r.stderr.trim(), /^briefing: error: returns\/views\/layout\.mjs: on [^:]+\.html: returned number, not a string of HTML$/);
});

test('an unknown view name is an error listing the views there are', async () => {
  const input = await project('unknown', { 'entiti.js': 'export default () => "";\n' });
  const r = run(input);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr.trim(),
    `briefing: error: unknown/views/entiti.js: not a view: the views are ${VIEW_NAMES.map((n) => `${n}.js`).join(', ')} (docs/views.md)`,
  );
  assert.deepEqual(VIEW_NAMES, ['layout', 'home', 'entities', 'timeline', 'sources', 'search', 'article', 'entity', 'source', 'page']);
});

test('a module that does not load, or exports no default function, is an error naming its file', async () => {
  const broken = run(await project('broken', { 'home.js': 'export default function ( {\n' }));
  assert.equal(broken.code, 2);
  assert.match(broken.stderr.trim(), /^briefing: error: broken\/views\/home\.js: could not be loaded: /);
  const named = run(await project('named', { 'home.js': 'export function home() {\n  return "";\n}\n' }));
  assert.equal(named.code, 2);
  assert.match(named.stderr.trim(), /^briefing: error: named\/views\/home\.js: must export a default function/);
});

test('an article view must place the body it is given exactly once', async () => {
  const input = await project('bodyless', {
    'article.js': 'export default (site, root, pagePath, article, bodyHtml, jsonLd, { html }) => html`<p>${article.title}</p>`;\n',
  });
  const r = run(input);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr.trim(),
    /^briefing: error: bodyless\/views\/article\.js: on articles\/bridge-closed\.html: the page must contain bodyHtml, once/,
  );
});

test('an edited view is loaded again by the next build in the same process (serve)', async () => {
  // .mjs: an ES module whatever the folder's package.json says (docs/views.md); a .js file outside
  // a "type": "module" package is run by tsx (these tests) as CommonJS, cached by path alone.
  const input = await project('edited', { 'home.mjs': 'export default () => "<p>first</p>";\n' });
  const output = path.join(dir, 'edited-site');
  assert.ok((await build({ input, output, parallel: false })).ok);
  assert.equal(await fs.readFile(path.join(output, 'index.html'), 'utf8'), '<p>first</p>');
  const file = path.join(input, 'views', 'home.mjs');
  await fs.writeFile(file, 'export default () => "<p>second</p>";\n');
  const later = new Date(Date.now() + 5000);
  await fs.utimes(file, later, later);
  assert.ok((await build({ input, output, parallel: false })).ok);
  assert.equal(await fs.readFile(path.join(output, 'index.html'), 'utf8'), '<p>second</p>');
});
