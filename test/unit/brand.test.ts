/**
 * The pieces of branding (FORMAT.md §6): the accent's colour parser and contrast arithmetic, the
 * footer's Markdown, and the lists that must stay in step with templates/assets/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderFooter } from '../../src/annotate/footer.ts';
import { BUILT_IN_ASSETS } from '../../src/content/assets.ts';
import { DARK_BACKGROUNDS, LIGHT_BACKGROUNDS } from '../../src/content/brand.ts';
import { contrast, parseColour, readableShade, toHex, type Rgb } from '../../src/content/colour.ts';

const hex = (text: string): string => {
  const parsed = parseColour(text);
  assert.equal(typeof parsed, 'object', `${text}: ${String(parsed)}`);
  return toHex(parsed as Rgb);
};

test('accent: the colour syntaxes FORMAT.md §6 promises are read', () => {
  assert.equal(hex('#1a4f8b'), '#1a4f8b');
  assert.equal(hex('#ABC'), '#aabbcc');
  assert.equal(hex('rgb(26, 79, 139)'), '#1a4f8b');
  assert.equal(hex('rgb(26 79 139)'), '#1a4f8b');
  assert.equal(hex('rgb(100%, 0%, 50%)'), '#ff0080');
  assert.equal(hex('hsl(0, 100%, 50%)'), '#ff0000');
  assert.equal(hex('hsl(120deg 100% 25%)'), '#008000');
  assert.equal(hex('hsl(-120, 100%, 50%)'), '#0000ff');
  assert.equal(hex('RebeccaPurple'), '#663399');
  assert.equal(hex('navy'), '#000080');
});

test('accent: what is not a colour says so, without throwing', () => {
  for (const bad of [
    'bluish',
    '#12345',
    '#1234',
    'rgb(1, 2)',
    'rgb(300, 0, 0)',
    'rgba(1, 2, 3, .5)',
    'hsl(10, 50, 50)',
    'hsl(10%, 50%, 50%)',
    '',
    'url(x)',
    'constructor',
    '__proto__',
  ]) {
    const parsed = parseColour(bad);
    assert.equal(typeof parsed, 'string', bad);
    assert.match(parsed as string, /is not a colour/, bad);
  }
});

test('contrast: WCAG 2.x ratios, and a shade that reaches 4.5:1 keeping the hue', () => {
  const black = { r: 0, g: 0, b: 0 };
  const white = { r: 255, g: 255, b: 255 };
  assert.equal(contrast(black, white), 21);
  assert.equal(contrast(white, white), 1);
  // #767676 on white is the well-known 4.54:1.
  assert.equal(contrast(parseColour('#767676') as Rgb, white).toFixed(2), '4.54');
  const light = LIGHT_BACKGROUNDS.map((c) => parseColour(c) as Rgb);
  const yellow = parseColour('yellow') as Rgb;
  const shade = readableShade(yellow, light, 4.5, 'darker');
  for (const bg of light) assert.ok(contrast(shade, bg) >= 4.5);
  assert.equal(shade.b, 0);
  assert.equal(shade.r, shade.g);
  // A colour that already passes is kept as it is.
  const navy = parseColour('navy') as Rgb;
  assert.deepEqual(readableShade(navy, light, 4.5, 'darker'), navy);
  const dark = DARK_BACKGROUNDS.map((c) => parseColour(c) as Rgb);
  const lighter = readableShade(navy, dark, 4.5, 'lighter');
  for (const bg of dark) assert.ok(contrast(lighter, bg) >= 4.5);
});

test('the backgrounds the contrast is checked against are site.css’s', () => {
  const css = readFileSync('templates/assets/site.css', 'utf8');
  const value = (block: string, name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`).exec(block)?.[1];
  const [lightBlock, darkBlock] = [
    css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')),
    css.slice(css.indexOf('@media (prefers-color-scheme: dark)')),
  ];
  assert.deepEqual(
    ['paper', 'surface', 'raised'].map((n) => value(lightBlock, n)),
    [...LIGHT_BACKGROUNDS],
  );
  assert.deepEqual(
    ['paper', 'surface', 'raised'].map((n) => value(darkBlock, n)),
    [...DARK_BACKGROUNDS],
  );
});

test('the built-in asset names a project file may not take are every file of templates/assets/, MiniSearch and the theme', () => {
  const names = new Set([...readdirSync('templates/assets'), 'minisearch.js', 'theme.css']);
  assert.deepEqual([...BUILT_IN_ASSETS].sort(), [...names].sort());
});

test('footer: inline Markdown, HTML escaped, dangerous links left as text, images only links, relative links written from each depth', () => {
  const footer = renderFooter(
    '© *Desk* <b>x</b> [About](pages/about.html) [Top](#main) [Site](https://example.org/) [x](javascript:alert(1)) ![i](assets/a.png)',
  );
  assert.equal(
    footer.top,
    '© <em>Desk</em> &lt;b&gt;x&lt;/b&gt; <a href="pages/about.html">About</a> <a href="#main">Top</a> <a href="https://example.org/">Site</a> [x](javascript:alert(1)) !<a href="assets/a.png">i</a>',
  );
  assert.match(footer.nested, /<a href="\.\.\/pages\/about\.html">About<\/a> <a href="#main">Top<\/a> <a href="https:\/\/example\.org\/">/);
});
