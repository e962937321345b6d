import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Model } from '../model/types.ts';
import { allWritten } from '../output.ts';
import type { EntityPictures } from '../site/images.ts';
import type { PageSpec } from '../site/pages.ts';
import { TEMPLATES_DIR } from '../site/paths.ts';
import { emitBrand } from './brand.ts';
import { exportTables, type ExportTable } from './exports.ts';
import { atomFeed, sitemap } from './feed.ts';
import { manifest, writeServeSiteScript } from './offline.ts';
import { previewsScript } from './previews.ts';

const require = createRequire(import.meta.url);

/**
 * Each view's export row as JSON, for as long as the view lives (`serve` only: `rememberRows`).
 * Views are frozen, and a rebuild after an edit takes over the previous model's views that the
 * edit does not touch, so their rows are not serialised again: at 10,000 articles that was most
 * of a rebuild's emit stage. A one-off build remembers nothing (the strings would be held to its
 * end). test/integration/incremental.test.ts compares every rebuild's files with a full build's.
 */
const remembered = new Map<string, WeakMap<object, string>>();

/** One array element per line: readable and diffable, and compact at 10,000 articles. */
function exportJson(t: ExportTable, memory: Map<string, WeakMap<object, string>> | undefined): string {
  let rows = memory?.get(t.file);
  if (memory && !rows) memory.set(t.file, (rows = new WeakMap()));
  const lines = t.items.map((item) => {
    let json = rows?.get(item);
    if (json === undefined) {
      json = JSON.stringify(t.row(item));
      rows?.set(item, json);
    }
    return json;
  });
  return `[\n${lines.join(',\n')}\n]\n`;
}

/** How `serve` emits: `rememberRows` (see `remembered`), and `dev`, a page script that registers no offline worker. */
export interface EmitOptions {
  readonly rememberRows?: boolean;
  readonly dev?: boolean;
  /** The entities' resized images, for the previews (src/site/images.ts). */
  readonly pictures?: EntityPictures;
}

/**
 * Stage 7, emit: everything besides the pages and the search index (built in a worker, see
 * search.ts) — exports, previews, feed, sitemap, manifest, static assets. Returns the number of
 * files written. The service worker is written after both, by `writeServiceWorker`.
 */
export async function emitFiles(model: Model, pages: readonly PageSpec[], outDir: string, options: EmitOptions = {}): Promise<number> {
  const [forPages, exports] = await allWritten([
    emitPageFiles(model, outDir, options.dev, options.pictures),
    emitExports(model, pages, outDir, options.rememberRows),
  ]);
  return forPages + exports;
}

/**
 * What the pages load besides themselves: the hover previews, the manifest and the static assets.
 * A `serve` rebuild writes these before the browser reloads (src/incremental.ts).
 */
export async function emitPageFiles(model: Model, outDir: string, dev = false, pictures?: EntityPictures): Promise<number> {
  const files: Record<string, string> = {
    'data/previews.js': previewsScript(model, pictures),
    'manifest.webmanifest': manifest(model),
  };
  await allWritten(Object.entries(files).map(([file, text]) => fs.writeFile(path.join(outDir, file), text)));
  await fs.cp(path.join(TEMPLATES_DIR, 'assets'), path.join(outDir, 'assets'), { recursive: true });
  if (model.site.brand) await emitBrand(model.site.brand, outDir);
  if (dev) await writeServeSiteScript(outDir);
  // MiniSearch's UMD build, for the search page (a classic script: works from file://).
  // (Its package exports do not list the UMD file, so find it beside the CommonJS entry.)
  const umd = path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js');
  await fs.copyFile(umd, path.join(outDir, 'assets', 'minisearch.js'));
  return Object.keys(files).length + (await fs.readdir(path.join(outDir, 'assets'))).length;
}

/**
 * What no page loads: the exports (`data/*.json`), the feed and the sitemap. A `serve` rebuild
 * writes these after the browser has reloaded, with the search index (src/incremental.ts).
 */
export async function emitExports(model: Model, pages: readonly PageSpec[], outDir: string, rememberRows = false): Promise<number> {
  const files: Record<string, string> = {};
  for (const t of exportTables(model)) files[t.file] = exportJson(t, rememberRows ? remembered : undefined);
  files['feed.xml'] = atomFeed(model);
  const map = sitemap(
    model,
    pages.map((p) => p.path),
  );
  if (map) files['sitemap.xml'] = map;
  await allWritten(Object.entries(files).map(([file, text]) => fs.writeFile(path.join(outDir, file), text)));
  return Object.keys(files).length;
}
