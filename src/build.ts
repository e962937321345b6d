import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import { createMarkdown } from './annotate/markdown.ts';
import { SPAN_KEYS, spanEntities } from './annotate/span-keys.ts';
import { annotateInParallel, AnnotationWorker, PARALLEL_MIN_ARTICLES, type EntityLinks } from './annotate/parallel.ts';
import { closeSpillFile, HtmlSpill, openSpillFiles, type BodyHtml } from './annotate/spill.ts';
import { annotateAttribute, annotateBody, keptText, spilled, type KeptText } from './annotate/parse.ts';
import { splitDocument } from './content/frontmatter.ts';
import { loadContent, type FileMemory } from './content/load.ts';
import { validateContent } from './content/validate.ts';
import { DiagnosticBag, type Diagnostic } from './diagnostics.ts';
import { emitFiles } from './emit/emit.ts';
import { writeServiceWorker } from './emit/offline.ts';
import { SearchIndexJob, searchEntriesBeforeModel, searchEntriesFromModel } from './emit/search.ts';
import { articleBodies, buildModel, type AnnotatedContent, type ModelCounters, type ModelReuse } from './model/build-model.ts';
import { EntityRegistry } from './content/registry.ts';
import type { ArticleBodies, Model } from './model/types.ts';
import { commitStaging, createStaging, discardStaging, prepareOutput } from './output.ts';
import { formatMs, Progress, silent, type Log } from './progress.ts';
import { DEFAULT_VIEWS } from './site/default-views.ts';
import { pageList } from './site/pages.ts';
import { entityPage, PAGE_PATHS } from './site/paths.ts';
import { loadEleventy, renderPages } from './site/render.ts';
import { siblingModule } from './runtime.ts';
import { TEMPLATE_VERSION } from './version.ts';
import type { ArticleSlug, EntityId, SourceFile, SplitDocument, ValidContent } from './types.ts';

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
}

/** Where mentions link: the site's entity pages, on this thread and in the annotation worker. */
const ENTITY_LINKS: EntityLinks = { href: entityPage, module: siblingModule('./site/paths.ts', import.meta.url), name: 'entityPage' };

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
  const front = await annotateContent(options, progress, cache, next, bag, hooks);
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

/** What the stages before the model hand it: the annotated content, and the parser that made it. */
interface Annotated {
  readonly annotated: AnnotatedContent;
  readonly md: MarkdownIt;
  /** The registry and parser are the previous analysis's (briefing.md and the entities are unchanged). */
  readonly reuse: boolean;
}

/** load → front matter → validate → annotate; undefined when the content cannot make a site. */
async function annotateContent(
  options: CheckOptions,
  progress: Progress,
  cache: AnalysisCache | undefined,
  next: AnalysisCache,
  bag: DiagnosticBag,
  hooks: AnalysisHooks,
): Promise<Annotated | undefined> {
  // Only `serve` keeps what the next analysis can reuse; a one-off build lets it go stage by stage.
  const keep = options.keepCache === true;
  const memory = keep ? { previous: cache?.files, next: next.files } : undefined;
  const files = await progress.stage(
    'load',
    'files',
    () => loadContent(options.input, bag, memory),
    (f) => f.length,
  );
  // A full analysis of many articles annotates them on two threads; one under `serve` with a
  // cache annotates only what changed, on this one. Started now, the worker loads its code while
  // this thread parses and validates.
  const many =
    options.parallel === true || (options.parallel !== false && files.filter((f) => f.kind === 'article').length >= PARALLEL_MIN_ARTICLES);
  const worker = cache === undefined && many ? AnnotationWorker.start(ENTITY_LINKS, options.parallel === true) : undefined;
  try {
    return await annotateFiles(options, progress, cache, next, bag, files, worker, hooks);
  } finally {
    // The worker's share is back (or the analysis failed): end it now, so its heap is not held
    // through the model stage. Not waited for here (about 50 ms at 10,000 articles); the spill's
    // owner waits before it closes the worker's file.
    const stopped = worker?.close();
    if (stopped) hooks.spill?.stopped.push(stopped.catch(() => undefined));
  }
}

async function annotateFiles(
  options: CheckOptions,
  progress: Progress,
  cache: AnalysisCache | undefined,
  next: AnalysisCache,
  bag: DiagnosticBag,
  files: readonly SourceFile[],
  worker: AnnotationWorker | undefined,
  hooks: AnalysisHooks,
): Promise<Annotated | undefined> {
  // Where parsed and annotated files are remembered for the next analysis: only under `serve`.
  const store = options.keepCache ? next : undefined;
  // With a cache (`serve`), a file whose text is unchanged is not parsed or annotated again.
  const split = await progress.stage(
    'parse',
    'documents',
    () =>
      files
        .map((f) => remember(store?.split, cache?.split, f.path, f.text, bag, (b) => splitDocument(f, b)))
        .filter((d): d is SplitDocument => d !== undefined),
    (d) => d.length,
  );
  const validation = await progress.stage(
    'validate',
    'documents',
    () => validateContent(split, bag),
    (v) => split.length - v.rejected.length,
  );
  // The registry and parser are kept while briefing.md and the entities are unchanged.
  next.entitiesKey = entitiesKey(files);
  const reuse = cache !== undefined && cache.entitiesKey === next.entitiesKey && cache.registry !== undefined;
  const registryBag = new DiagnosticBag();
  const registry = reuse
    ? cache.registry!
    : new EntityRegistry(validation.entities, registryBag, invalidEntityNames(files, split, validation.rejected));
  next.registry = registry;
  next.registryDiagnostics = reuse ? cache.registryDiagnostics : registryBag.items;
  for (const d of next.registryDiagnostics) bag.add(d);
  const md = reuse ? cache.md! : createMarkdown(registry, entityPage);
  next.md = md;
  const bodies = reuse ? cache.bodies : undefined;
  // A document with bad front matter is left out of the site, but its body is still checked so
  // that one run reports every problem.
  for (const doc of validation.rejected) annotateBody(md, doc, '../', bag);
  const valid = validation.content;
  if (!valid) return undefined;

  // Every body is remembered by its file's text (articles, briefing.md, profiles); attribute values
  // by file and label.
  const body = (doc: SplitDocument, root: string, into = bag): KeptText =>
    remember(store?.bodies, bodies, doc.source.path, doc.source.text, into, (own) => keptText(annotateBody(md, doc, root, own)));
  const fragment = (doc: SplitDocument, label: string, value: string, into = bag): KeptText =>
    remember(store?.bodies, bodies, `${doc.source.path}\0${label}`, value, into, (own) =>
      keptText(annotateAttribute(md, doc, label, value, '../', own)),
    );
  // The articles' bodies, then each entity's profile and attributes, in document order: what may
  // go to the worker. Annotated after the summary (`annotate`), as stubs are made in that order.
  const items: TextItem[] = [
    ...valid.articles.map(({ split }) => ({
      key: split.source.path,
      text: split.source.text,
      annotate: (into?: DiagnosticBag) => spilled(body(split, '../', into), hooks.spill?.here),
    })),
    ...valid.entities.flatMap(({ split, meta }) => [
      { key: split.source.path, text: split.source.text, annotate: (into?: DiagnosticBag) => body(split, '../', into) },
      ...meta.attributes.map(({ label, value }) => ({
        key: `${split.source.path}\0${label}`,
        text: value,
        annotate: (into?: DiagnosticBag) => fragment(split, label, value, into),
      })),
    ]),
  ];
  const annotated = await progress.stage(
    'annotate',
    'documents',
    () =>
      annotate(valid, registry, bag, buildId(files), body, async () => {
        if (!worker) return items.map((item) => item.annotate());
        return annotateInParallel(
          worker,
          registry,
          valid.articles.map((a) => a.split),
          '../',
          bag,
          (i, into) => items[i]!.annotate(into),
          (i, r) => {
            // Remembered like an in-thread result, for the next analysis under `serve`.
            store?.bodies.set(items[i]!.key, { text: items[i]!.text, value: inMemory(r.text), diagnostics: r.diagnostics });
          },
          hooks.waiting,
          valid.entities.map(({ split, meta }) => ({ profile: split.source, attributes: meta.attributes })),
          hooks.spill,
        );
      }),
    (a) => 1 + a.articles.length + a.entities.length,
  );
  return { annotated, md, reuse };
}

/** Calls into a running analysis, for work that can start before it ends. */
export interface AnalysisHooks {
  /** Every document is annotated and no error was found so far; the model is built next. */
  readonly annotated?: (content: AnnotatedContent) => void;
  /**
   * This thread has annotated its share of the articles and waits for the worker's: a moment for
   * work that needs only this thread (a build loads Eleventy).
   */
  readonly waiting?: () => void;
  /**
   * Where the articles' HTML goes until the pages are rendered (src/annotate/spill.ts): this
   * thread's spill, which the caller flushes, and the annotation worker's file. Only for an
   * analysis that keeps no cache: `serve` keeps the HTML for its rebuilds.
   */
  readonly spill?: Spill;
}

/** A build's spill files (see `AnalysisHooks.spill`), and the worker stops to wait for before closing them. */
interface Spill {
  readonly here: HtmlSpill;
  readonly workerFd: number;
  readonly stopped: Promise<void>[];
}

/**
 * What `serve` keeps between rebuilds: each file's parsed front matter and annotated body, keyed
 * by its text, with the diagnostics they produced; and the registry and parser, valid while
 * briefing.md and the entity files are unchanged.
 */
export interface AnalysisCache {
  entitiesKey: string;
  registry?: EntityRegistry;
  md?: MarkdownIt;
  registryDiagnostics: readonly Diagnostic[];
  readonly split: Map<string, Cached<SplitDocument | undefined>>;
  readonly bodies: Map<string, Cached<KeptText>>;
  readonly files: FileMemory;
}

interface Cached<T> {
  readonly text: string;
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

function newCache(): AnalysisCache {
  return { entitiesKey: '', registryDiagnostics: [], split: new Map(), bodies: new Map(), files: new Map() };
}

/**
 * `make(bag)`, or its remembered result and diagnostics when `text` is what it was made from;
 * remembered in `into` when there is one.
 */
function remember<T>(
  into: Map<string, Cached<T>> | undefined,
  from: Map<string, Cached<T>> | undefined,
  key: string,
  text: string,
  bag: DiagnosticBag,
  make: (bag: DiagnosticBag) => T,
): T {
  let entry = from?.get(key);
  if (!entry || entry.text !== text) {
    const own = new DiagnosticBag();
    entry = { text, value: make(own), diagnostics: own.items };
  }
  into?.set(key, entry);
  for (const d of entry.diagnostics) bag.add(d);
  return entry.value;
}

/**
 * The ids, names and aliases of the entity files left out for their own errors (front matter that
 * did not parse or did not validate): mentions of them are not reported again as unknown.
 */
function invalidEntityNames(files: readonly SourceFile[], split: readonly SplitDocument[], rejected: readonly SplitDocument[]): string[] {
  const parsed = new Set(split.map((d) => d.source.path));
  const names = files.filter((f) => f.kind === 'entity' && !parsed.has(f.path)).map((f) => f.id);
  for (const { source, data } of rejected) {
    if (source.kind !== 'entity') continue;
    names.push(source.id);
    if (typeof data.name === 'string') names.push(data.name);
    if (Array.isArray(data.aliases)) for (const alias of data.aliases as unknown[]) if (typeof alias === 'string') names.push(alias);
  }
  return names;
}

/** Changes when briefing.md or any entity file changes (they decide how every mention resolves). */
function entitiesKey(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) if (f.kind !== 'article') hash.update(f.path).update('\0').update(f.text).update('\0');
  return hash.digest('hex');
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
  const lock = await prepareOutput(options.output, options.input);
  try {
    return await buildLocked(options, progress, spill);
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions, progress: Progress, spill?: Spill): Promise<BuildResult> {
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
    const pages = await progress.stage(
      'pages',
      'pages',
      () => renderPages(model, bodies, md, staging, { views: DEFAULT_VIEWS, pages: specs }),
      (n) => n,
    );
    // Under `serve` (keepCache) the export rows are remembered for the rebuilds (emit.ts).
    await progress.stage(
      'emit',
      'files',
      () => emitFiles(model, specs, staging, { rememberRows: options.keepCache === true, dev: options.dev === true }),
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
    return { ...analysis, pages, durationMs };
  } catch (error) {
    await abandon(job, staging);
    throw error;
  }
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

/** A text to annotate, and where it is remembered under `serve` (by file, or file and label, and the text it came from). */
interface TextItem {
  readonly key: string;
  readonly text: string;
  readonly annotate: (into?: DiagnosticBag) => KeptText<BodyHtml>;
}

async function annotate(
  valid: ValidContent,
  registry: EntityRegistry,
  bag: DiagnosticBag,
  id: string,
  body: (doc: SplitDocument, root: string) => KeptText,
  /** The articles' bodies, then for each entity its profile and each attribute, in that order. */
  annotateTexts: () => Promise<KeptText<BodyHtml>[]>,
): Promise<AnnotatedContent> {
  const outsideArticles = (doc: SplitDocument, text: KeptText): KeptText => {
    for (const span of text.spans) {
      if (span.claim || span.quote) {
        bag.warning(
          'claim-outside-article',
          `claims and quotes are collected from articles only; this one in ${doc.source.kind === 'briefing' ? 'briefing.md' : 'an entity profile'} is shown but not counted`,
          span.at,
        );
      }
    }
    return text;
  };
  const summary = outsideArticles(valid.briefing.split, body(valid.briefing.split, ''));
  // In document order after the summary: stubs are made in that order.
  const texts = await annotateTexts();
  const articles = valid.articles.map(({ split, meta }, i) => ({ slug: split.source.id as ArticleSlug, meta, body: texts[i]! }));
  let next = articles.length;
  const attributeTexts: KeptText[] = [];
  const entities = valid.entities.map(({ split, meta }) => ({
    id: split.source.id as EntityId,
    meta,
    profile: outsideArticles(split, inMemory(texts[next++]!)),
    attributes: meta.attributes.map(({ label }) => {
      const text = inMemory(texts[next++]!);
      attributeTexts.push(text);
      return { label, html: text.html };
    }),
  }));
  // Stubs the registry made for names no document uses any more (an edit under `serve`) are dropped.
  const used = new Set<string>();
  for (const text of [summary, ...articles.map((a) => a.body), ...entities.map((e) => e.profile), ...attributeTexts]) {
    for (const id of text.mentions.entities) used.add(id);
    for (const sp of text.spans) spanEntities(SPAN_KEYS, sp, used);
  }
  return { settings: valid.briefing.meta, summary, articles, entities, stubs: registry.stubs.filter((st) => used.has(st.id)), buildId: id };
}

/** A profile's or attribute's text, or one `serve` keeps: only a build's article bodies are spilled. */
function inMemory(text: KeptText<BodyHtml>): KeptText {
  if (typeof text.html !== 'string') throw new Error('internal error: an entity profile was spilled like an article body');
  return text as KeptText;
}

/** Same content, same id: the offline cache name changes exactly when the site does. */
function buildId(files: readonly { kind: string; id: string; text: string }[]): string {
  const hash = createHash('sha256').update(TEMPLATE_VERSION);
  for (const f of files) hash.update(f.kind).update('\0').update(f.id).update('\0').update(f.text).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/** "1 article", "2 articles": the summary line is read by people. */
function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
