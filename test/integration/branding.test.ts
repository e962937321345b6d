/**
 * Branding (FORMAT.md §6) on the `branded` fixture, a folder no other test builds:
 * - briefing.md gives `logo: assets/logo.svg`, `css: assets/brand.css`, a footer with emphasis,
 *   an absolute link and a relative one (`feed.xml`), and `accent: "#f4a261"`, a light orange:
 *   its contrast with the site's lightest-but-one background (--surface, #f4f1ea) is
 *   (0.8808 + 0.05) / (0.4594 + 0.05) = 1.83:1, under 4.5:1, so a warning at the value (7:9) and a
 *   darker shade of the same hue for text;
 * - assets/ holds logo.svg, brand.css, img/harbour.png (a folder) and .notes (hidden: not copied).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, check } from '../../src/index.ts';
import { contrast, parseColour, type Rgb } from '../../src/content/colour.ts';
import { checkLinks, listFiles, readHtml, readJson, tempDir, writeTree } from '../helpers/site.ts';

const input = path.resolve('test/fixtures/sites/branded');
let out: string;
let result: Awaited<ReturnType<typeof build>>;
let pages: string[];

before(async () => {
  out = path.join(await tempDir(), 'site');
  result = await build({ input, output: out });
  pages = (await listFiles(out)).filter((f) => f.endsWith('.html'));
});
after(async () => fs.rm(path.dirname(out), { recursive: true, force: true }));

const rgb = (css: string): Rgb => parseColour(css) as Rgb;

test('the build succeeds with one warning: the accent is too light for text, at its value, naming the ratio', () => {
  assert.equal(result.ok, true);
  assert.deepEqual(
    result.diagnostics.map((d) => [path.relative(input, d.file), d.line, d.column, d.severity, d.code]),
    [['briefing.md', 7, 9, 'warning', 'low-contrast']],
  );
  assert.match(result.diagnostics[0]!.message, /1\.83:1/);
  assert.match(result.diagnostics[0]!.message, /darker shade #[0-9a-f]{6}/);
});

test('every page has the logo in its header (alt = the title), the theme and the project css after site.css, and the footer line', async () => {
  assert.ok(pages.length >= 8, `pages: ${pages.join(', ')}`);
  for (const page of pages) {
    const doc = await readHtml(out, page);
    const root = page.includes('/') ? '../' : '';
    const logo = doc.querySelector('header .brand img.brand-logo');
    assert.equal(logo?.getAttribute('src'), `${root}assets/logo.svg`, page);
    assert.equal(logo?.getAttribute('alt'), 'Harbour Desk', page);
    const sheets = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href'));
    assert.deepEqual(sheets, [`${root}assets/site.css`, `${root}assets/theme.css`, `${root}assets/brand.css`], page);
    assert.equal(doc.querySelector('link[rel="icon"]')?.getAttribute('href'), `${root}assets/logo.svg`, page);
    const footer = doc.querySelector('footer .brand-footer');
    assert.equal(footer?.querySelector('em')?.text, 'Harbour Desk', page);
    const links = footer!.querySelectorAll('a').map((a) => a.getAttribute('href'));
    assert.deepEqual(links, ['https://example.org/methodology', `${root}feed.xml`], page);
  }
});

test('the darkened shade keeps the hue, reaches 4.5:1 on every light background, and the dark scheme gets a readable one', async () => {
  const theme = await fs.readFile(path.join(out, 'assets', 'theme.css'), 'utf8');
  const [light, dark] = [...theme.matchAll(/--link: (#[0-9a-f]{6});/g)].map((m) => rgb(m[1]!));
  assert.ok(light && dark, theme);
  for (const bg of ['#fdfcfa', '#f4f1ea', '#ffffff']) assert.ok(contrast(light, rgb(bg)) >= 4.5, `${bg}: ${contrast(light, rgb(bg))}`);
  for (const bg of ['#16181b', '#1f2226', '#1b1e21']) assert.ok(contrast(dark, rgb(bg)) >= 4.5, `${bg}: ${contrast(dark, rgb(bg))}`);
  // Same hue: an orange stays an orange (red the largest channel, blue the smallest).
  assert.ok(light.r > light.g && light.g > light.b, JSON.stringify(light));
  assert.notDeepEqual(light, rgb('#f4a261'));
  // Print keeps its black links: the theme applies to screens only.
  assert.doesNotMatch(theme.replace(/@media screen[^{]*\{[^}]*\}\s*\}/g, ''), /--link/);
});

test('assets/ is copied (folders kept, hidden files left out), listed in sw.js, and the logo is the manifest icon', async () => {
  for (const file of ['logo.svg', 'brand.css', 'img/harbour.png']) {
    assert.deepEqual(await fs.readFile(path.join(out, 'assets', file)), await fs.readFile(path.join(input, 'assets', file)), file);
  }
  await assert.rejects(fs.stat(path.join(out, 'assets', '.notes')));
  const sw = await fs.readFile(path.join(out, 'sw.js'), 'utf8');
  const files = JSON.parse(/var FILES = (.*);/.exec(sw)![1]!) as string[];
  for (const file of ['./assets/logo.svg', './assets/brand.css', './assets/img/harbour.png', './assets/theme.css'])
    assert.ok(files.includes(file), file);
  assert.ok(!files.some((f) => f.includes('.notes')));
  const manifest = await readJson<{ icons: { src: string; type: string }[]; theme_color: string }>(out, 'manifest.webmanifest');
  assert.deepEqual(
    manifest.icons.map((i) => [i.src, i.type]),
    [['assets/logo.svg', 'image/svg+xml']],
  );
});

test('every link and asset of every page resolves from file://', async () => {
  const { problems, checked } = await checkLinks(out);
  assert.deepEqual(problems, []);
  assert.ok(checked > 100, `checked ${checked}`);
});

test('a file in assets/ that is a link out of the content folder is refused at that file; one inside is copied', async () => {
  const dir = await tempDir();
  try {
    const content = path.join(dir, 'content');
    await fs.cp(input, content, { recursive: true });
    await fs.writeFile(path.join(dir, 'secret.txt'), 'not for publication\n');
    await fs.symlink(path.join(dir, 'secret.txt'), path.join(content, 'assets', 'secret.txt'));
    await fs.symlink(path.join(content, 'assets', 'brand.css'), path.join(content, 'assets', 'again.css'));
    const refused = await build({ input: content, output: path.join(dir, 'site') });
    assert.equal(refused.ok, false);
    const errors = refused.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(
      errors.map((d) => [path.relative(content, d.file), d.line, d.column, d.code]),
      [['assets/secret.txt', 1, 1, 'outside-input']],
    );
    await fs.rm(path.join(content, 'assets', 'secret.txt'));
    const built = await build({ input: content, output: path.join(dir, 'site') });
    assert.equal(built.ok, true);
    assert.equal(
      await fs.readFile(path.join(dir, 'site', 'assets', 'again.css'), 'utf8'),
      await fs.readFile(path.join(input, 'assets', 'brand.css'), 'utf8'),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a briefing without branding has no theme, no extra style sheet and the built-in icon', async () => {
  const dir = await tempDir();
  try {
    const plain = await build({ input: path.resolve('test/fixtures/sites/newsroom'), output: path.join(dir, 'site') });
    assert.equal(plain.ok, true);
    assert.equal(plain.model!.site.brand, undefined);
    const doc = await readHtml(path.join(dir, 'site'), 'index.html');
    assert.deepEqual(
      doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')),
      ['assets/site.css'],
    );
    assert.equal(doc.querySelector('.brand-logo'), null);
    await assert.rejects(fs.stat(path.join(dir, 'site', 'assets', 'theme.css')));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('an unquoted # colour (a YAML comment) and a two-line footer are errors at their values, in plain words', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, { 'briefing.md': '---\ntitle: T\naccent: #f4a261\nfooter: "one\\ntwo"\n---\nText.\n' });
    const result = await check({ input: dir });
    assert.deepEqual(
      result.diagnostics.map((d) => [d.line, d.column, d.severity, d.message]),
      [
        [3, 9, 'error', '"accent": empty: in YAML a # starts a comment, so quote the colour ("#1a4f8b")'],
        [4, 9, 'error', '"footer": must be one line of Markdown'],
      ],
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a logo whose file name holds quotes and angle brackets is escaped into a URL path', async () => {
  const dir = await tempDir();
  try {
    const name = 'a "b" <c>.svg';
    await writeTree(dir, {
      'briefing.md': `---\ntitle: <T>\nlogo: 'assets/${name}'\n---\nText.\n`,
      [`assets/${name}`]: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const result = await build({ input: dir, output: path.join(dir, 'site') });
    assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
    const html = await fs.readFile(path.join(dir, 'site', 'index.html'), 'utf8');
    assert.match(html, /<img class="brand-logo" src="assets\/a%20%22b%22%20%3Cc%3E\.svg" alt="&lt;T&gt;">/);
    await fs.access(path.join(dir, 'site', 'assets', name));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
