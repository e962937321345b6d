/**
 * The stages before the model (load → front matter → validate → annotate), for `analyze` in
 * src/build.ts. A top-level module, not one of src/annotate/: it hands the model stage its
 * `AnnotatedContent` (src/model/) and links mentions to the site's entity pages (src/site/), and
 * the annotate layer may import neither (test/unit/layers.test.ts).
 */
import type MarkdownIt from 'markdown-it';
import { createMarkdown } from './annotate/markdown.ts';
import { SPAN_KEYS, spanEntities } from './annotate/span-keys.ts';
import { annotateInParallel, AnnotationWorker, PARALLEL_MIN_ARTICLES, type EntityLinks } from './annotate/parallel.ts';
import { annotateClaimRecords } from './annotate/records.ts';
import type { BodyHtml, HtmlSpill } from './annotate/spill.ts';
import { annotateAttribute, annotateBody, keptText, spilled, type KeptText } from './annotate/parse.ts';
import { splitDocument } from './content/frontmatter.ts';
import { listAssets } from './content/assets.ts';
import { loadContent, type FileMemory } from './content/load.ts';
import { brandContent } from './annotate/footer.ts';
import { validateContent, type ValidationResult } from './content/validate.ts';
import { EntityRegistry } from './content/registry.ts';
import { entitiesKey, invalidEntityNames } from './content/entity-files.ts';
import { sourceNames } from './content/sources.ts';
import { DiagnosticBag, type Diagnostic } from './diagnostics.ts';
import type { AnnotatedContent } from './model/build-model.ts';
import type { Progress } from './progress.ts';
import { entityPage } from './site/paths.ts';
import { siblingModule } from './runtime.ts';
import { buildId } from './version.ts';
import type { ArticleSlug, EntityId, SourceFile, SourceId, SplitDocument, ValidContent } from './types.ts';

/** What of `CheckOptions` (src/build.ts) the stages read. */
export interface StageOptions {
  readonly input: string;
  readonly keepCache?: boolean;
  readonly parallel?: boolean;
}

/** One run of the stages: its options, progress and diagnostics, the cache it reads and the one it fills. */
export interface StageRun {
  readonly options: StageOptions;
  readonly progress: Progress;
  /** The previous analysis's cache (`serve`), if any. */
  readonly cache: AnalysisCache | undefined;
  /** Filled for the next analysis. */
  readonly next: AnalysisCache;
  readonly bag: DiagnosticBag;
  readonly hooks: AnalysisHooks;
}

/** What the stages before the model hand it: the annotated content, and the parser that made it. */
export interface Annotated {
  readonly annotated: AnnotatedContent;
  readonly md: MarkdownIt;
  /** The registry and parser are the previous analysis's (briefing.md and the entities are unchanged). */
  readonly reuse: boolean;
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
export interface Spill {
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

export function newCache(): AnalysisCache {
  return { entitiesKey: '', registryDiagnostics: [], split: new Map(), bodies: new Map(), files: new Map() };
}

/** Where mentions link: the site's entity pages, on this thread and in the annotation worker. */
const ENTITY_LINKS: EntityLinks = { href: entityPage, module: siblingModule('./site/paths.ts', import.meta.url), name: 'entityPage' };

/** load → front matter → validate → annotate; undefined when the content cannot make a site. */
export async function annotateContent(run: StageRun): Promise<Annotated | undefined> {
  const { options, progress, cache, next, bag, hooks } = run;
  // Only `serve` keeps what the next analysis can reuse; a one-off build lets it go stage by stage.
  const keep = options.keepCache === true;
  const memory = keep ? { previous: cache?.files, next: next.files } : undefined;
  const files = await progress.stage(
    'load',
    'files',
    () => loadContent(options.input, bag, memory),
    (f) => f.length,
  );
  const assets = listAssets(options.input, bag);
  // A full analysis of many articles annotates them on two threads; one under `serve` with a
  // cache annotates only what changed, on this one. Started now, the worker loads its code while
  // this thread parses and validates.
  const many =
    options.parallel === true || (options.parallel !== false && files.filter((f) => f.kind === 'article').length >= PARALLEL_MIN_ARTICLES);
  const worker = cache === undefined && many ? AnnotationWorker.start(ENTITY_LINKS, options.parallel === true) : undefined;
  try {
    return await annotateFiles(run, { files, assets }, worker);
  } finally {
    // The worker's share is back (or the analysis failed): end it now, so its heap is not held
    // through the model stage. Not waited for here (about 50 ms at 10,000 articles); the spill's
    // owner waits before it closes the worker's file.
    const stopped = worker?.close();
    if (stopped) hooks.spill?.stopped.push(stopped.catch(() => undefined));
  }
}

/** The parser and what it annotates with, for one run. */
interface Parser {
  readonly registry: EntityRegistry;
  readonly md: MarkdownIt;
  readonly reuse: boolean;
}

async function annotateFiles(
  run: StageRun,
  { files, assets }: { readonly files: readonly SourceFile[]; readonly assets: Parameters<typeof buildId>[1] },
  worker: AnnotationWorker | undefined,
): Promise<Annotated | undefined> {
  const { progress, bag } = run;
  // With a cache (`serve`), a file whose text is unchanged is not parsed or annotated again.
  const splits: Memo<SplitDocument | undefined> = { into: store(run)?.split, from: run.cache?.split };
  const split = await progress.stage(
    'parse',
    'documents',
    () =>
      files
        .map((f) => remember(splits, f.path, f.text, bag, (b) => splitDocument(f, b)))
        .filter((d): d is SplitDocument => d !== undefined),
    (d) => d.length,
  );
  const validation = await progress.stage(
    'validate',
    'documents',
    () => validateContent(split, bag),
    (v) => split.length - v.rejected.length,
  );
  const parser = makeParser(run, files, split, validation);
  // A document with bad front matter is left out of the site, but its body is still checked so
  // that one run reports every problem.
  for (const doc of validation.rejected) annotateBody(parser.md, doc, '../', bag);
  const valid = validation.content;
  if (!valid) return undefined;
  const annotated = await progress.stage(
    'annotate',
    'documents',
    () => annotateValid(run, valid, parser, worker, buildId(files, assets)),
    (a) => 1 + a.articles.length + a.entities.length + a.sources.length,
  );
  const branding = brandContent(valid.briefing, assets, bag);
  return { annotated: branding ? { ...annotated, ...branding } : annotated, md: parser.md, reuse: parser.reuse };
}

/** The registry and parser: the previous analysis's while briefing.md and the entities are unchanged. */
function makeParser(
  { cache, next, bag }: StageRun,
  files: readonly SourceFile[],
  split: readonly SplitDocument[],
  validation: ValidationResult,
): Parser {
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
  return { registry, md, reuse };
}

/** Where `remember` looks results up and keeps them: the previous and next cache (the next only under `serve`). */
interface Memo<T> {
  readonly into: Map<string, Cached<T>> | undefined;
  readonly from: Map<string, Cached<T>> | undefined;
}

/** Where parsed and annotated files are remembered for the next analysis: only under `serve`. */
function store({ options, next }: StageRun): AnalysisCache | undefined {
  return options.keepCache ? next : undefined;
}

/** A text to annotate, and where it is remembered under `serve` (by file, or file and label, and the text it came from). */
interface TextItem {
  readonly key: string;
  readonly text: string;
  readonly annotate: (into?: DiagnosticBag) => KeptText<BodyHtml>;
}

/** Annotates the valid documents: on this thread, or with `worker` beside it. */
function annotateValid(
  run: StageRun,
  valid: ValidContent,
  { registry, md, reuse }: Parser,
  worker: AnnotationWorker | undefined,
  id: string,
): Promise<AnnotatedContent> {
  const { bag, hooks } = run;
  // Every body is remembered by its file's text (articles, briefing.md, profiles); attribute values
  // by file and label.
  const bodies: Memo<KeptText> = { into: store(run)?.bodies, from: reuse ? run.cache?.bodies : undefined };
  const body = (doc: SplitDocument, root: string, into = bag): KeptText =>
    remember(bodies, doc.source.path, doc.source.text, into, (own) => keptText(annotateBody(md, doc, root, own)));
  const fragment = (doc: SplitDocument, label: string, value: string, into = bag): KeptText =>
    remember(bodies, `${doc.source.path}\0${label}`, value, into, (own) =>
      keptText(annotateAttribute(md, doc, { label, value }, '../', own)),
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
  const texts = async (): Promise<KeptText<BodyHtml>[]> => {
    if (!worker) return items.map((item) => item.annotate());
    return annotateInParallel({
      worker,
      registry,
      docs: valid.articles.map((a) => a.split),
      root: '../',
      bag,
      redo: (i, into) => items[i]!.annotate(into),
      kept: (i, r) => {
        // Remembered like an in-thread result, for the next analysis under `serve`.
        bodies.into?.set(items[i]!.key, { text: items[i]!.text, value: inMemory(r.text), diagnostics: r.diagnostics });
      },
      ...(hooks.waiting ? { waiting: hooks.waiting } : {}),
      profiles: valid.entities.map(({ split, meta }) => ({ profile: split.source, attributes: meta.attributes })),
      ...(hooks.spill ? { spill: hooks.spill } : {}),
    });
  };
  return annotate({ valid, registry, md, bag, buildId: id, body, texts });
}

/** What `annotate` puts together. */
interface AnnotateParts {
  readonly valid: ValidContent;
  readonly registry: EntityRegistry;
  readonly md: MarkdownIt;
  readonly bag: DiagnosticBag;
  readonly buildId: string;
  readonly body: (doc: SplitDocument, root: string) => KeptText;
  /** The articles' bodies, then for each entity its profile and each attribute, in that order. */
  readonly texts: () => Promise<KeptText<BodyHtml>[]>;
}

async function annotate({ valid, registry, md, bag, buildId: id, body, texts: annotateTexts }: AnnotateParts): Promise<AnnotatedContent> {
  const outsideArticles = (doc: SplitDocument, text: KeptText): KeptText => {
    for (const span of text.spans) {
      if (span.claim || span.quote) {
        bag.warning(
          'claim-outside-article',
          `claims and quotes are collected from articles only; this one in ${OUTSIDE_ARTICLES[doc.source.kind]} is shown but not counted`,
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
  const claims = annotateClaimRecords(md, registry, valid.claims, bag);
  // The source records' profiles: few, so on this thread, after everything the worker may take.
  const sources = valid.sources.map(({ split, meta }) => ({
    id: split.source.id as SourceId,
    meta,
    profile: outsideArticles(split, body(split, '../')),
    at: () => split.locate(['name']),
  }));
  // The extra pages: their mentions link, but count nowhere (only articles' mentions are counted).
  const pages = valid.pages.map(({ split, meta }) => ({ slug: split.source.id, meta, body: outsideArticles(split, body(split, '../')) }));
  // Stubs the registry made for names no document uses any more (an edit under `serve`) are dropped.
  const used = new Set<string>(claims.flatMap((c) => c.named));
  for (const text of [
    summary,
    ...articles.map((a) => a.body),
    ...entities.map((e) => e.profile),
    ...attributeTexts,
    ...sources.map((s) => s.profile),
    ...pages.map((p) => p.body),
  ]) {
    for (const id of text.mentions.entities) used.add(id);
    for (const sp of text.spans) spanEntities(SPAN_KEYS, sp, used);
  }
  const stubs = registry.stubs.filter((st) => used.has(st.id));
  return {
    settings: valid.briefing.meta,
    summary,
    articles,
    entities,
    claims,
    stubs,
    sources,
    pages,
    sourceNames: sourceNames(valid, bag),
    buildId: id,
  };
}

/** Where a claim or quote outside the articles is, in the warning that it is not counted. */
const OUTSIDE_ARTICLES: Readonly<Record<SourceFile['kind'], string>> = {
  briefing: 'briefing.md',
  article: 'an article',
  entity: 'an entity profile',
  claim: 'a claim record',
  source: 'a source profile',
  page: 'an extra page',
};

/** A profile's or attribute's text, or one `serve` keeps: only a build's article bodies are spilled. */
function inMemory(text: KeptText<BodyHtml>): KeptText {
  if (typeof text.html !== 'string') throw new Error('internal error: an entity profile was spilled like an article body');
  return text as KeptText;
}

/**
 * `make(bag)`, or its remembered result (in `memo.from`) and diagnostics when `text` is what it was made from;
 * remembered in `memo.into` when there is one.
 */
function remember<T>({ into, from }: Memo<T>, key: string, text: string, bag: DiagnosticBag, make: (bag: DiagnosticBag) => T): T {
  let entry = from?.get(key);
  if (!entry || entry.text !== text) {
    const own = new DiagnosticBag();
    entry = { text, value: make(own), diagnostics: own.items };
  }
  into?.set(key, entry);
  for (const d of entry.diagnostics) bag.add(d);
  return entry.value;
}
