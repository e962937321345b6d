import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import { closeSpillFile, HtmlSpill, openSpillFiles } from './annotate/spill.ts';
import { annotateContent, newCache, type AnalysisCache, type AnalysisHooks, type Spill } from './annotate-stage.ts';
import { DiagnosticBag, type Diagnostic } from './diagnostics.ts';
import { emitFiles } from './emit/emit.ts';
import { writeServiceWorker } from './emit/offline.ts';
import { SearchIndexJob, searchEntriesBeforeModel, searchEntriesFromModel } from './emit/search.ts';
import { articleBodies, buildModel, type AnnotatedContent, type ModelCounters, type ModelReuse } from './model/build-model.ts';
import type { ArticleBodies, Model } from './model/types.ts';
import { commitStaging, createStaging, discardStaging, prepareOutput } from './output.ts';
import { formatMs, plural, Progress, silent, type Log } from './progress.ts';
import { hasImages, makeImages, NO_PICTURES, type EntityPictures } from './site/images.ts';
import { pageList, type PageViews } from './site/pages.ts';
import { PAGE_PATHS } from './site/paths.ts';
import { loadEleventy, renderPages } from './site/render.ts';
import { loadViews } from './views.ts';

export interface CheckOptions {
  /** The content folder (FORMAT.md §1). */
  readonly input: string;
  /** Treat warnings (unknown entities) as errors. */
  readonly strict?: boolean;
  /** Progress lines; silent by default. */
  readonly log?: Log;
  /** Filled with per-item work counts (scale tests). */
  readonly counters?: ModelCounters;
  /** Keep what the next analysis can reuse (`serve`); off for one-off builds, to save memory. */
  readonly keepCache?: boolean;
  /**
   * Keep each article's plain text in `bodies.text` (`serve` rewrites the search index from it).
   * Off by default: a build hands the texts to the search index before the model and needs them
   * no more.
   */
  readonly keepTexts?: boolean;
  /**
   * Annotate articles on a worker thread beside this one: by default when there are many
   * (PARALLEL_MIN_ARTICLES) and a second core; `true` always (tests), `false` never.
   */
  readonly parallel?: boolean;
}

export interface BuildOptions extends CheckOptions {
  readonly output: string;
  /**
   * `serve`'s site: pages register no offline worker, and `sw.js` retires one that an earlier
   * build served at the same address installed (templates/offline/sw.js).
   */
  readonly dev?: boolean;
}

export interface Analysis {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  readonly md?: MarkdownIt;
  /** The articles' HTML and text, beside the model (see `ArticleBodies`). */
  readonly bodies?: ArticleBodies;
  /** For the next analysis of the same folder (`serve`). */
  readonly cache?: AnalysisCache;
}

export interface BuildResult extends Analysis {
  readonly pages: number;
  readonly durationMs: number;
  /** An incremental rebuild returns before the search index is rewritten; this settles when it is. */
  readonly settled?: Promise<void>;
  /** The entities' resized images, which a `serve` rebuild that changes no entity keeps. */
  readonly pictures?: EntityPictures;
}

/**
 * The pipeline up to the model, shared by `check` and `build`:
 * load → front matter → validate → annotate → model. Each stage returns new data; problems
 * go into one DiagnosticBag so a single run reports all of them.
 */
export async function analyze(
  options: CheckOptions,
  progress = new Progress(options.log ?? silent),
  cache?: AnalysisCache,
  previous?: ModelReuse,
  hooks: AnalysisHooks = {},
): Promise<Analysis> {
  const bag = new DiagnosticBag();
  // With a cache (`serve`), a file whose size and times are unchanged is not read again.
  const next = newCache();
  // Everything up to the annotated content happens in `annotateContent`, so that what only it
  // needs (every file's text, its parsed front matter) is garbage once it returns: a big
  // briefing's sources are not held through the model stage.
  const front = await annotateContent({ options, progress, cache, next, bag, hooks });
  const keep = options.keepCache ? { cache: next } : {};
  if (!front) return { ok: false, diagnostics: bag.sorted(), ...keep };
  const { annotated, md, reuse } = front;
  if (!bag.fails(options.strict ?? false)) hooks.annotated?.(annotated);
  // The previous model's views are valid only while briefing.md and the entities are unchanged.
  const modelReuse = reuse ? previous : undefined;
  const model = await progress.stage(
    'model',
    'entities',
    () => buildModel(annotated, PAGE_PATHS, bag, options.counters, modelReuse),
    (m) => m.entities.length,
  );
  const bodies = articleBodies(annotated, options.keepTexts ?? false);
  return { ok: !bag.fails(options.strict ?? false), diagnostics: bag.sorted(), model, md, bodies, ...keep };
}

/** `briefing check`: validates everything, writes nothing. */
export async function check(options: CheckOptions): Promise<Analysis> {
  const { ok, diagnostics } = await analyze(options);
  return { ok, diagnostics };
}

/**
 * `briefing build`: the whole pipeline, then pages → exports → assets into a staging folder that
 * replaces the output folder only when every stage succeeded.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = new Progress(options.log ?? silent);
  // `serve` keeps the articles' HTML for its rebuilds. A build puts it in two spill files until
  // the pages are rendered, this thread's and the worker's, closed (and so gone) when the build
  // ends, however it ends; the result then holds no bodies, which would point into them. Where
  // the temporary folder cannot be used, the HTML stays in memory, as under `serve`.
  if (options.keepCache) return buildSite(options, progress);
  let fds: [number, number];
  try {
    fds = openSpillFiles();
  } catch (error) {
    (options.log ?? silent)(`note: no temporary file in ${tmpdir()} (${(error as Error).message}): the articles' HTML stays in memory`);
    return buildSite(options, progress);
  }
  const spill: Spill = { here: new HtmlSpill(fds[0]), workerFd: fds[1], stopped: [] };
  try {
    const { bodies: _spilled, ...result } = await buildSite(options, progress, spill);
    return result;
  } finally {
    // The worker writes to its file until it stops: close the files only after.
    await Promise.all(spill.stopped);
    for (const fd of fds) closeSpillFile(fd);
  }
}

/**
 * The output folder is locked for the whole build, and first repaired if a killed build left it
 * missing or half-swapped (`prepareOutput`), so a failed build leaves the site as it was then.
 */
async function buildSite(options: BuildOptions, progress: Progress, spill?: Spill): Promise<BuildResult> {
  // The project's views (docs/views.md) first: a mistake in one ends the build before it starts.
  const views = await loadViews(options.input);
  const lock = await prepareOutput(options.output, options.input);
  try {
    return await buildLocked(options, progress, views, spill);
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions, progress: Progress, views: PageViews, spill?: Spill): Promise<BuildResult> {
  const log = options.log ?? silent;
  // The search index is built in a worker thread beside this one: it indexes the entities and
  // articles while this thread builds the model, the claims and quotes after it.
  let search: SearchIndexJob | undefined;
  const started = (content: AnnotatedContent): void => {
    search = SearchIndexJob.start();
    search.add(searchEntriesBeforeModel(content));
  };
  // Eleventy takes about 0.4 s to load; loaded while this thread waits for the annotation worker,
  // that time is not spent in the pages stage.
  const analysis = await analyze(options, progress, undefined, undefined, {
    annotated: started,
    waiting: () => void loadEleventy().catch(() => undefined),
    ...(spill ? { spill } : {}),
  });
  if (!analysis.ok || !analysis.model || !analysis.md || !analysis.bodies) {
    await search?.cancel();
    return { ...analysis, ok: false, pages: 0, durationMs: progress.elapsedMs };
  }
  spill?.here.flush();
  const { model, md, bodies } = analysis;
  // A successful analysis found no error by the end, so none after annotating: the job started.
  const job = search!;
  job.add(searchEntriesFromModel(model));
  let staging: string;
  try {
    staging = await createStaging(options.output);
  } catch (error) {
    await job.cancel();
    throw error;
  }
  try {
    await fs.mkdir(path.join(staging, 'data'));
  } catch (error) {
    await abandon(job, staging);
    throw error;
  }
  const searchDone = job.write(path.join(staging, 'data', 'search-index.js'));
  // Awaited in the search stage below; a failure before then is reported there.
  searchDone.catch(() => undefined);
  try {
    const specs = pageList(model);
    const pictures = await imagesStage(model, options.input, staging, progress);
    const pages = await progress.stage(
      'pages',
      'pages',
      () => renderPages(model, bodies, md, staging, { views, pages: specs, pictures }),
      (n) => n,
    );
    // Under `serve` (keepCache) the export rows are remembered for the rebuilds (emit.ts).
    await progress.stage(
      'emit',
      'files',
      () => emitFiles(model, specs, staging, { rememberRows: options.keepCache === true, dev: options.dev === true, pictures }),
      (n) => n,
    );
    await progress.stage(
      'search',
      'documents',
      () => searchDone,
      (n) => n,
    );
    await progress.stage(
      'offline',
      'files',
      () => writeServiceWorker(model, staging, options.dev === true),
      (n) => n,
    );
    await commitStaging(staging, options.output);
    const durationMs = progress.elapsedMs;
    log(
      `Built ${plural(pages, 'page')} (${plural(model.stats.articles, 'article')}, ${plural(model.stats.entities, 'entity', 'entities')}) in ${formatMs(durationMs)} → ${path.relative(process.cwd(), path.resolve(options.output)) || '.'}`,
    );
    return { ...analysis, pages, durationMs, pictures };
  } catch (error) {
    await abandon(job, staging);
    throw error;
  }
}

/**
 * The images step (src/site/images.ts), between the model and the pages, only when an entity has
 * an image: without one there is no stage line and no image library is loaded (docs/performance.md).
 */
function imagesStage(model: Model, input: string, staging: string, progress: Progress): Promise<EntityPictures> {
  if (!hasImages(model)) return Promise.resolve(NO_PICTURES);
  return progress.stage(
    'images',
    'images',
    () => makeImages(model, input, staging),
    (m) => m.size,
  );
}

/**
 * After a failed stage: stops the search worker before the staging folder is removed (the page
 * writer is stopped by `renderPages`), so no thread writes into a folder being removed, which
 * fails with ENOTEMPTY. The failure of the stage is what the build reports: a staging folder
 * that cannot be removed now is removed by the next build (`prepareOutput`).
 */
async function abandon(job: SearchIndexJob, staging: string): Promise<void> {
  await job.cancel();
  await discardStaging(staging).catch(() => undefined);
}
