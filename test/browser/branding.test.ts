/**
 * Branding in Chromium, on the `branded` fixture opened from disk: the accent's text shade is what
 * links are drawn in (light and dark scheme), the project's style sheet wins over the built-in
 * one, the logo loads, and axe finds nothing serious or critical.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildExample, launchChromium, removeDir, WAIT, type BuiltSite } from './helpers.ts';

let site: BuiltSite;
let browser: Browser;
let axeSource: string;
/** The shades theme.css sets for links, as the browser reports colours. */
let shades: { light: string; dark: string };

const cssRgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

before(async () => {
  site = await buildExample({ input: 'test/fixtures/sites/branded' });
  browser = await launchChromium();
  const require = createRequire(import.meta.url);
  axeSource = await fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  const theme = await fs.readFile(path.join(site.out, 'assets', 'theme.css'), 'utf8');
  const [light, dark] = [...theme.matchAll(/--link: (#[0-9a-f]{6});/g)].map((m) => cssRgb(m[1]!));
  shades = { light: light!, dark: dark! };
});

after(async () => {
  await browser?.close();
  await removeDir(site?.tmp);
});

async function open(rel: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ colorScheme });
  page.setDefaultTimeout(WAIT);
  await page.goto(site.fileUrl(rel), { waitUntil: 'load' });
  return page;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme} scheme: links take the accent's readable shade, the project's css wins, the logo loads`, async () => {
    const page = await open('articles/strike-called.html', scheme);
    try {
      const seen = await page.evaluate(() => {
        const logo = document.querySelector<HTMLImageElement>('.brand-logo')!;
        return {
          accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
          footerLink: getComputedStyle(document.querySelector('.brand-footer a')!).color,
          brand: getComputedStyle(document.querySelector('.brand')!).color,
          footerStyle: getComputedStyle(document.querySelector('.brand-footer')!).fontStyle,
          logoWidth: logo.naturalWidth,
        };
      });
      const expected = scheme === 'light' ? shades.light : shades.dark;
      assert.notEqual(shades.light, shades.dark);
      assert.equal(seen.footerLink, expected);
      // The whole palette's accent, not only links (eyebrows, rules, the current page's tab).
      assert.equal(cssRgb(seen.accent), expected);
      assert.equal(seen.brand, scheme === 'light' ? 'rgb(120, 20, 60)' : 'rgb(250, 200, 215)');
      assert.equal(seen.footerStyle, 'italic');
      assert.equal(seen.logoWidth, 64);
    } finally {
      await page.close();
    }
  });
}

for (const [rel, scheme] of [
  ['index.html', 'light'],
  ['articles/strike-called.html', 'light'],
  ['entities/aldmouth.html', 'dark'],
] as const) {
  test(`axe finds no serious or critical violation on ${rel} (${scheme})`, async () => {
    const page = await open(rel, scheme);
    try {
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }>;
            };
          }
        ).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations;
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`),
        [],
      );
    } finally {
      await page.close();
    }
  });
}
