/**
 * Screenshots for the docs: builds the example briefing into a temp folder and saves
 *   docs/images/home-desktop.png        index.html, 1280 wide
 *   docs/images/fact-sheet-desktop.png  entities/kim-jong-un.html, 1280 wide
 *   docs/images/fact-sheet-phone.png    entities/kim-jong-un.html, 390 wide at 2x (full page if < 1 MB)
 *   docs/images/fact-sheet-fr.png       the same fact sheet with `language: fr`, 1280 wide
 *   docs/images/fact-sheet-ar.png       the same fact sheet with `language: ar` (right to left), 1280 wide
 * Run: node --import tsx test/browser/screenshots.ts
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildExample, buildInLanguage, launchChromium, removeDir, type BuiltSite } from './helpers.ts';

const OUT_DIR = path.resolve('docs/images');
const MAX_BYTES = 1024 * 1024;

interface Shot {
  file: string;
  page: string;
  width: number;
  height: number;
  scale: number;
  /** Try the full page first; fall back to the viewport when the file would be 1 MB or more. */
  fullPage: boolean;
  /** The id of the element to scroll to the top of the viewport first. */
  at?: string;
  /** The briefing's `language` for this shot (the example's own when absent). */
  language?: string;
}

const SHOTS: Shot[] = [
  { file: 'home-desktop.png', page: 'index.html', width: 1280, height: 900, scale: 1, fullPage: false },
  { file: 'fact-sheet-desktop.png', page: 'entities/kim-jong-un.html', width: 1280, height: 900, scale: 1, fullPage: false },
  { file: 'fact-sheet-phone.png', page: 'entities/kim-jong-un.html', width: 390, height: 844, scale: 2, fullPage: true },
  { file: 'facts-desktop.png', page: 'entities/kim-jong-un.html', width: 1280, height: 900, scale: 1, fullPage: false, at: 'facts-h' },
  { file: 'facts-phone.png', page: 'entities/kim-jong-un.html', width: 390, height: 844, scale: 2, fullPage: false, at: 'facts-h' },
  { file: 'fact-sheet-fr.png', page: 'entities/kim-jong-un.html', width: 1280, height: 900, scale: 1, fullPage: false, language: 'fr' },
  { file: 'fact-sheet-ar.png', page: 'entities/kim-jong-un.html', width: 1280, height: 900, scale: 1, fullPage: false, language: 'ar' },
];

async function shoot(browser: Browser, url: string, shot: Shot): Promise<string> {
  const context = await browser.newContext({
    viewport: { width: shot.width, height: shot.height },
    deviceScaleFactor: shot.scale,
    isMobile: shot.width < 500,
    hasTouch: shot.width < 500,
  });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready);
    if (shot.at) await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }), shot.at);
    const target = path.join(OUT_DIR, shot.file);
    let png = await page.screenshot({ fullPage: shot.fullPage, type: 'png', timeout: 15_000 });
    let how = shot.fullPage ? 'full page' : 'viewport';
    if (png.length >= MAX_BYTES && shot.fullPage) {
      png = await page.screenshot({ fullPage: false, type: 'png', timeout: 15_000 });
      how = 'viewport (the full page was 1 MB or more)';
    }
    if (png.length >= MAX_BYTES) throw new Error(`${shot.file} is ${png.length} bytes, over 1 MB`);
    await fs.writeFile(target, png);
    return `${path.relative(process.cwd(), target)}: ${shot.width}px wide at ${shot.scale}x, ${how}, ${(png.length / 1024).toFixed(0)} KB`;
  } finally {
    await context.close();
  }
}

const sites = new Map<string, BuiltSite>([['', await buildExample()]]);
for (const language of new Set(SHOTS.map((s) => s.language ?? ''))) if (language) sites.set(language, await buildInLanguage(language));
let browser: Browser | undefined;
try {
  browser = await launchChromium();
  await fs.mkdir(OUT_DIR, { recursive: true });
  for (const shot of SHOTS) console.log(await shoot(browser, sites.get(shot.language ?? '')!.fileUrl(shot.page), shot));
} finally {
  await browser?.close();
  for (const site of sites.values()) await removeDir(site.tmp);
}
