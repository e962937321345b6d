import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Model } from '../model/types.ts';
import { TEMPLATES_DIR } from '../site/paths.ts';

/** Never precached: the worker itself and the marker file. */
const NOT_CACHED = new Set(['sw.js', '.briefing-site']);

/**
 * Offline after one visit (over http): `sw.js` at the site root, its cache named after the build
 * and listing every file of the site, so the first visit precaches pages never opened. Written
 * last, after every other file, because it lists them.
 */
export async function writeServiceWorker(model: Model, outDir: string): Promise<number> {
  const files = (await fs.readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !NOT_CACHED.has(f))
    .sort();
  const urls = files.map((f) => `./${f.split('/').map(encodeURIComponent).join('/')}`);
  const logic = await fs.readFile(path.join(TEMPLATES_DIR, 'offline', 'sw.js'), 'utf8');
  const head = `var CACHE = ${JSON.stringify(`briefing-${model.site.buildId}`)};\nvar FILES = ${JSON.stringify(urls)};\n`;
  await fs.writeFile(path.join(outDir, 'sw.js'), head + logic);
  return urls.length;
}

/** The web app manifest: lets a reader install the briefing and open it offline. */
export function manifest(model: Model): string {
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
      theme_color: '#1d3557',
      icons: [{ src: 'assets/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
    },
    null,
    2,
  )}\n`;
}
