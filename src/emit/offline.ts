import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Model } from '../model/types.ts';
import { TEMPLATES_DIR } from '../site/paths.ts';

/** Never precached: the worker itself and the marker file. */
const NOT_CACHED = new Set(['sw.js', '.briefing-site']);

/**
 * Offline after one visit (over http): `sw.js` at the site root, its cache named after the build
 * (and, in the browser, the path the site is served from) and listing every file of the site, so
 * the first visit precaches pages never opened. Written last, after every other file, because it
 * lists them. Under `serve` (`dev`) it lists nothing: there it only retires a worker an earlier
 * build installed (templates/offline/sw.js).
 */
export async function writeServiceWorker(model: Model, outDir: string, dev = false): Promise<number> {
  const files = dev
    ? []
    : (await fs.readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .filter((f) => !NOT_CACHED.has(f))
        .sort();
  const urls = files.map((f) => `./${f.split('/').map(encodeURIComponent).join('/')}`);
  const logic = await fs.readFile(path.join(TEMPLATES_DIR, 'offline', 'sw.js'), 'utf8');
  const head = `var BUILD = ${JSON.stringify(model.site.buildId)};\nvar FILES = ${JSON.stringify(urls)};\nvar SERVE = ${dev};\n`;
  await fs.writeFile(path.join(outDir, 'sw.js'), head + logic);
  return urls.length;
}

/**
 * `assets/site.js` as `serve` writes it: told not to register the offline worker, whose cache
 * would show each edit one version late after the dev server's reload.
 */
export async function writeServeSiteScript(outDir: string): Promise<void> {
  const script = await fs.readFile(path.join(TEMPLATES_DIR, 'assets', 'site.js'), 'utf8');
  await fs.writeFile(path.join(outDir, 'assets', 'site.js'), `var BRIEFING_SERVE = true;\n${script}`);
}

/** The web app manifest: lets a reader install the briefing and open it offline. */
export function manifest(model: Model): string {
  const brand = model.site.brand;
  // The logo is the installed app's icon; `sizes` is "any" only for SVG, a bitmap's is left unsaid.
  const icon = brand?.logo
    ? { src: brand.logo.href, ...(brand.logo.type === 'image/svg+xml' ? { sizes: 'any' } : {}), type: brand.logo.type }
    : { src: 'assets/icon.svg', sizes: 'any', type: 'image/svg+xml' };
  return `${JSON.stringify(
    {
      name: model.site.title,
      short_name: model.site.title.length > 12 ? model.site.title.slice(0, 12).trimEnd() : model.site.title,
      description: model.site.description ?? model.site.subtitle ?? model.site.title,
      lang: model.site.language,
      start_url: './index.html',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: brand?.accent?.text ?? '#1d3557',
      icons: [icon],
    },
    null,
    2,
  )}\n`;
}
