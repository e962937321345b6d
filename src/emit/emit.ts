import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Model } from '../model/types.ts';
import type { PageSpec } from '../site/pages.ts';
import { TEMPLATES_DIR } from '../site/paths.ts';
import { exportsOf } from './exports.ts';
import { atomFeed, sitemap } from './feed.ts';
import { manifest, writeServiceWorker } from './offline.ts';
import { previewsScript } from './previews.ts';
import { searchIndexScript } from './search.ts';

const require = createRequire(import.meta.url);

/**
 * Stage 7, emit: everything besides the pages — exports, search index, previews, feed, sitemap,
 * manifest, static assets — then the service worker, which lists all of them. Returns the number
 * of files written.
 */
export async function emitFiles(model: Model, pages: readonly PageSpec[], outDir: string): Promise<number> {
  const files: Record<string, string> = {};
  for (const [file, rows] of Object.entries(exportsOf(model))) files[file] = `${JSON.stringify(rows, null, 2)}\n`;
  files['data/search-index.js'] = searchIndexScript(model).script;
  files['data/previews.js'] = previewsScript(model);
  files['feed.xml'] = atomFeed(model);
  files['manifest.webmanifest'] = manifest(model);
  const map = sitemap(model, pages.map((p) => p.path));
  if (map) files['sitemap.xml'] = map;

  await fs.mkdir(path.join(outDir, 'data'), { recursive: true });
  await Promise.all(Object.entries(files).map(([file, text]) => fs.writeFile(path.join(outDir, file), text)));
  await fs.cp(path.join(TEMPLATES_DIR, 'assets'), path.join(outDir, 'assets'), { recursive: true });
  // MiniSearch's UMD build, for the search page (a classic script: works from file://).
  // (Its package exports do not list the UMD file, so find it beside the CommonJS entry.)
  const umd = path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js');
  await fs.copyFile(umd, path.join(outDir, 'assets', 'minisearch.js'));
  await writeServiceWorker(model, outDir);
  return Object.keys(files).length + 1 + (await fs.readdir(path.join(outDir, 'assets'))).length;
}
