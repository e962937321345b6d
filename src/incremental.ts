import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyze, build, type BuildOptions, type BuildResult } from './build.ts';
import { emitExports, emitPageFiles } from './emit/emit.ts';
import { writeServiceWorker } from './emit/offline.ts';
import { writeSearchIndexInWorker } from './emit/search.ts';
import { touchedEntities } from './model/touched.ts';
import type { Model } from './model/types.ts';
import { formatMs, plural, Progress, silent } from './progress.ts';
import { pageList, type PageSpec } from './site/pages.ts';
import { renderPages } from './site/render.ts';
import { loadViews } from './views.ts';

/**
 * `serve`'s rebuild after an edit. When only article files changed, only what they touch is
 * redone: unchanged files are not parsed or annotated again (the analysis cache), the model is
 * rebuilt, and only the changed articles' pages, the fact sheets of the entities they name (before
 * and after the edit, with the subjects of their claims and the speakers of their quotes) and the
 * site-wide pages are rendered, straight into the output folder. Anything else (briefing.md, an
 * entity, a template) means a full build. Written in place, not swapped in: a dev server's folder.
 */
export async function rebuild(
  options: BuildOptions,
  previous: BuildResult | undefined,
  changed: ReadonlySet<string>,
): Promise<BuildResult> {
  const articlesDir = path.join(path.resolve(options.input), 'articles') + path.sep;
  const onlyArticles = changed.size > 0 && [...changed].every((p) => p.startsWith(articlesDir) && p.endsWith('.md'));
  if (!previous?.model || !previous.cache || !onlyArticles) return build(options);

  const log = options.log ?? silent;
  const progress = new Progress(log);
  const slugs = new Set([...changed].map((p) => path.basename(p, '.md')));
  const analysis = await analyze({ ...options, keepTexts: true }, progress, previous.cache, { previous: previous.model, changed: slugs });
  if (!analysis.ok || !analysis.model || !analysis.md || !analysis.bodies)
    return { ...analysis, ok: false, pages: 0, durationMs: progress.elapsedMs };
  if (analysis.cache?.entitiesKey !== previous.cache.entitiesKey) return build(options);

  const model = analysis.model;
  const entities = new Set<string>(touchedEntities(previous.model, slugs));
  for (const id of touchedEntities(model, slugs)) entities.add(id);
  const all = pageList(model);
  const pages = all.filter((spec) => {
    switch (spec.kind) {
      case 'article':
        return slugs.has(spec.item.slug);
      case 'entity':
        return entities.has(spec.item.id);
      default:
        return true;
    }
  });
  const out = path.resolve(options.output);
  const views = await loadViews(options.input);
  // The entities are unchanged (else this is a full build), so are their images, made by the last full build.
  const pictures = previous.pictures ? { pictures: previous.pictures } : {};
  await removeGonePages(previous.model, all, out);
  await previous.settled;
  const written = await progress.stage(
    'pages',
    'pages',
    () => renderPages(model, analysis.bodies!, analysis.md!, out, { views, pages, ...pictures }),
    (n) => n,
  );
  await progress.stage(
    'emit',
    'files',
    () => emitPageFiles(model, out, options.dev === true, previous.pictures),
    (n) => n,
  );
  log(
    `Rebuilt ${written} of ${all.length} pages (${plural(slugs.size, 'changed article')}) in ${formatMs(progress.elapsedMs)}; the exports and the search index follow`,
  );
  // The pages, and what they load, are ready for the browser now. What no page loads follows,
  // started on the next turn of the event loop so that it happens after `serve` has told the
  // browser to reload: the exports, feed and sitemap (at 10,000 articles 0.27–0.46 s, a third of
  // a rebuild), the search index (the slowest part) and the service worker that lists them all.
  // The next rebuild waits for them (`settled`).
  // Asked for above (`keepTexts`).
  const texts = analysis.bodies!.text!;
  const settled = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => emitExports(model, all, out, true))
    .then(() => writeSearchIndexInWorker(model, texts, path.join(out, 'data', 'search-index.js')).done)
    .then(() => writeServiceWorker(model, out, options.dev === true))
    .then(
      () => undefined,
      (error: unknown) => log(`Updating the exports and the search index failed: ${(error as Error).message}`),
    );
  return { ...analysis, pages: written, durationMs: progress.elapsedMs, settled, ...pictures };
}

/** Pages of articles and entities that no longer exist. */
async function removeGonePages(previous: Model, now: readonly PageSpec[], out: string): Promise<void> {
  const kept = new Set(now.map((p) => p.path));
  const gone = [...previous.articles, ...previous.entities, ...previous.publications].map((x) => x.page).filter((p) => !kept.has(p));
  await Promise.all(gone.map((p) => fs.rm(path.join(out, p), { force: true })));
}
