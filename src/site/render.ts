import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import { RenderError, UsageError } from '../diagnostics.ts';
import type { BodyHtml } from '../annotate/spill.ts';
import type { ArticleBodies, Model } from '../model/types.ts';
import type { EntityPictures } from './images.ts';
import { articleJsonLd, entityJsonLd, extraPageJsonLd } from './jsonld.ts';
import { pageList, type PageKind, type PageSpec, type PageViews } from './pages.ts';
import { TEMPLATES_DIR } from './paths.ts';
import { PageWriter, type PageHtml } from './writer.ts';

/**
 * Stage 6, pages: Eleventy renders one JavaScript template (`templates/pages/site.11ty.js`),
 * paginated with `size: 1` over the page list, and each page's HTML comes from the view of its
 * kind (`PageViews`, handed in by the caller) rendered over the frozen model. Eleventy never sees
 * content files as templates, so no template engine ever runs over Markdown bodies or front
 * matter, and Eleventy's per-input-file overhead is paid once, not once per article.
 *
 * The template hands each page, as it is rendered, to the page writer (src/site/writer.ts) with
 * the output path Eleventy gave it, and returns an empty string to Eleventy. Eleventy keeps what
 * a run renders until the run ends; pages kept that long outlived every young-generation
 * collection on the way and were copied by each, and handing them over at once made the pages
 * stage 0.6 s shorter at 10,000 articles (docs/performance.md). Nothing of Eleventy's output
 * processing is lost: Briefing configures no transforms, and Eleventy writes nothing itself.
 */
export async function renderPages(
  model: Model,
  bodies: ArticleBodies,
  md: MarkdownIt,
  outDir: string,
  options: RenderOptions,
): Promise<number> {
  const pages = options.pages ?? pageList(model);
  const sizes = new PageSizes();
  const views = viewRenderer(model, bodies.html, options.views, sizes, options.pictures);
  const { default: Eleventy } = await loadEleventy();
  // The pages are rendered in batches of about BATCH_CHARS of HTML, one Eleventy run each: the
  // writer is let behind by at most a batch, and Eleventy's bookkeeping for a run's pages lasts
  // as long as the run.
  const budget = batchChars(process.env['BRIEFING_BATCH_CHARS']);
  const writer = new PageWriter(outDir);
  const render = (spec: PageSpec, outputPath: string): string => {
    writer.add(outputPath, views(spec));
    return '';
  };
  try {
    for (let i = 0; i < pages.length;) {
      const end = sizes.batchEnd(pages, i, budget);
      const slice = pages.slice(i, end);
      i = end;
      await renderBatch(Eleventy, slice, md, outDir, render);
      // An article's HTML is read by its page only: let it go once the page is rendered.
      for (const spec of slice) if (spec.kind === 'article') bodies.html.delete(spec.item.slug);
      // At most one batch waits for the disk while the next renders: a slow disk slows the
      // build, it does not fill the memory.
      await writer.drain(budget);
    }
  } catch (error) {
    // Never leave writes running into a staging folder that a failure is about to delete.
    await writer.done().catch(() => undefined);
    throw error;
  }
  return writer.done();
}

export interface RenderOptions {
  /** The view of each kind of page. */
  readonly views: PageViews;
  /** The pages to render: all of them (`pageList`) unless given. */
  readonly pages?: readonly PageSpec[];
  /** The entities' resized images (the images step, src/site/images.ts); none unless given. */
  readonly pictures?: EntityPictures;
}

let eleventy: Promise<typeof import('@11ty/eleventy')> | undefined;

/**
 * Eleventy's module, loaded once: not at the top, because `briefing check` never renders and
 * Eleventy takes about 0.4 s to load; a build starts loading it while it waits for the
 * annotation worker (`AnalysisHooks.waiting`).
 */
export function loadEleventy(): Promise<typeof import('@11ty/eleventy')> {
  // Eleventy registers an ES module loader hook that re-imports templates changed on disk (its
  // watch mode); on Node 20 that is a loader thread every later import goes through. Briefing's
  // one Eleventy template never changes and its views are its own modules, so the hook is switched
  // off with Eleventy's own setting (its issue 3371), unless the environment already decided.
  process.env['ELEVENTY_SKIP_ESM_RESOLVER'] ??= '1';
  // A failed load is not remembered: under `serve` the next build tries again.
  eleventy ??= import('@11ty/eleventy').catch((error: unknown) => {
    eleventy = undefined;
    throw error;
  });
  return eleventy;
}

/** HTML characters (UTF-16 code units) per Eleventy run, about: 32 to 64 MB of strings. */
const BATCH_CHARS = 32_000_000;

/** The batch budget: BATCH_CHARS, or a positive whole number from BRIEFING_BATCH_CHARS. */
export function batchChars(setting: string | undefined): number {
  if (setting === undefined || setting === '') return BATCH_CHARS;
  const n = Number(setting);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RenderError(`BRIEFING_BATCH_CHARS must be a whole number of characters, 1 or more (it is "${setting}")`);
  return n;
}

/** Pages per Eleventy run at most, however small: each page costs Eleventy some bookkeeping too. */
const MAX_BATCH_PAGES = 3000;

/**
 * The size of the pages rendered so far, by kind, to cut the next batch at about a given number
 * of characters. A kind not rendered yet is assumed large (FIRST_GUESS), so its first batch is
 * small and measures it.
 */
export class PageSizes {
  private readonly chars = new Map<PageKind, { total: number; pages: number }>();

  record(kind: PageKind, length: number): void {
    const entry = this.chars.get(kind);
    if (entry) {
      entry.total += length;
      entry.pages++;
    } else {
      this.chars.set(kind, { total: length, pages: 1 });
    }
  }

  estimate(kind: PageKind): number {
    const entry = this.chars.get(kind);
    return entry ? entry.total / entry.pages : FIRST_GUESS;
  }

  /** Where the batch starting at `start` ends: after about `budget` characters, at least one page. */
  batchEnd(pages: readonly PageSpec[], start: number, budget: number): number {
    let end = start;
    let chars = 0;
    while (end < pages.length && end - start < MAX_BATCH_PAGES && (end === start || chars + this.estimate(pages[end]!.kind) <= budget)) {
      chars += this.estimate(pages[end]!.kind);
      end++;
    }
    return end;
  }
}

/** Characters assumed for a page of a kind not rendered yet: more than any measured so far. */
const FIRST_GUESS = 100_000;

async function renderBatch(
  Eleventy: typeof import('@11ty/eleventy').default,
  pages: readonly PageSpec[],
  md: MarkdownIt,
  outDir: string,
  render: (spec: PageSpec, outputPath: string) => string,
): Promise<void> {
  const elev = new Eleventy(path.join(TEMPLATES_DIR, 'pages'), outDir, {
    quietMode: true,
    // Never load an eleventy.config.js from the user's working folder: this build is configured here.
    configPath: false,
    config(cfg: EleventyUserConfig) {
      cfg.setTemplateFormats(['11ty.js']);
      // No data files: all data is the model, handed over below. (So Eleventy issue 1100, directory
      // data files ignored under an absolute input path like this one, cannot bite.)
      cfg.setDataDirectory('../no-data');
      cfg.setUseGitIgnore(false);
      // Eleventy ignores every path with a node_modules folder in it (its default since 2.0, issue
      // 2436), and an installed Briefing's template is in one: node_modules/briefing/templates/pages.
      // Its input folder holds that one template and nothing else to ignore.
      cfg.ignores.delete('**/node_modules/**');
      cfg.setWatchJavaScriptDependencies(false);
      // One Markdown parser for the whole project (Eleventy bundles its own markdown-it otherwise).
      cfg.setLibrary('md', md);
      cfg.addJavaScriptFunction('renderView', render);
      cfg.addGlobalData('pages', pages);
      // Eleventy warns when a configured function takes a large share of the build; rendering every
      // page through `renderView` always does. Briefing reports its own stage times instead.
      cfg.benchmarkManager.setVerboseOutput(false);
      for (const group of Object.values(cfg.benchmarkManager.benchmarkGroups)) group.setIsVerbose(false);
    },
  });
  // Eleventy's own console lines ("[11ty] Wrote 46 files") would interleave with Briefing's
  // progress; its errors still reach us as exceptions.
  elev.disableLogger();
  let rendered: number;
  try {
    // Rendered, not written by Eleventy: each page went to the PageWriter as it was rendered.
    const result = (await elev.toJSON()) as unknown;
    rendered = Array.isArray(result) ? result.flat(Infinity).length : 0;
  } catch (error) {
    // A project's view that failed (src/views.ts) is the project's error, one line naming its file.
    const view = usageErrorIn(error);
    if (view) throw view;
    throw new RenderError(`rendering the pages failed: ${(error as Error).message}`, { cause: error });
  }
  if (rendered !== pages.length) throw new RenderError(`internal error: Eleventy rendered ${rendered} pages of ${pages.length}`);
}

/**
 * Renders a page spec with the view of its kind. Briefing's own views (templates/views) are plain
 * TypeScript over the model, every interpolated string escaped by `html` (src/site/html.ts): no
 * template engine reads anything from content, and none is compiled at run time.
 */
function viewRenderer(
  model: Model,
  bodies: ReadonlyMap<string, BodyHtml>,
  views: PageViews,
  sizes?: PageSizes,
  pictures?: EntityPictures,
): (spec: PageSpec) => PageHtml {
  // An article whose body waits in a spill file is rendered around it: the page writer reads the
  // body's bytes from the file and puts them between the HTML before and after it. So the
  // bodies, about a third of all the HTML at 10,000 articles, are never decoded, copied to the
  // writer and encoded again on their way from the spill file to the page (docs/performance.md).
  // Where a spilled body goes: a mark no content can contain (random, made after the content was
  // read), put in the page as trusted markup and cut out again.
  const hole = `<!--body-${randomBytes(16).toString('hex')}-->`;
  return (spec) => {
    const { root, path: pagePath } = spec;
    let page: string;
    switch (spec.kind) {
      case 'article': {
        const article = spec.item;
        const body = bodies.get(article.slug) ?? '';
        // Made per page, not kept in the model: each page's JSON-LD is read once.
        page = views.article(
          model.site,
          root,
          pagePath,
          article,
          typeof body === 'string' ? body : hole,
          articleJsonLd(model.site, article),
        );
        if (typeof body !== 'string') {
          const at = page.indexOf(hole);
          if (at < 0 || page.indexOf(hole, at + 1) >= 0)
            throw new RenderError(`internal error: the body's place in ${pagePath} was not found once`);
          // The body counts by its UTF-8 bytes, which the spill keeps: a few more than its characters
          // in most text, so a batch of such pages is a little smaller than the budget.
          sizes?.record(spec.kind, page.length - hole.length + body.bytes);
          return { head: page.slice(0, at), body, tail: page.slice(at + hole.length) };
        }
        break;
      }
      case 'entity': {
        // Only an entity with an image is copied, to carry its picture: most have none.
        const picture = pictures?.size ? pictures.get(spec.item.id) : undefined;
        const entity = picture ? { ...spec.item, picture } : spec.item;
        page = views.entity(model.site, root, pagePath, entity, entityJsonLd(model.site, entity));
        break;
      }
      case 'source':
        page = views.source(model.site, root, pagePath, spec.item);
        break;
      case 'page':
        page = views.page(model.site, root, pagePath, spec.item, extraPageJsonLd(model.site, spec.item));
        break;
      default:
        page = views[spec.kind](model, root, pagePath);
    }
    sizes?.record(spec.kind, page.length);
    return page;
  };
}

/** A UsageError thrown by a view, under Eleventy's wrapping (`originalError`, `cause`). */
function usageErrorIn(error: unknown): UsageError | undefined {
  for (let e = error as { cause?: unknown; originalError?: unknown } | undefined; e; e = (e.originalError ?? e.cause) as typeof e) {
    if (e instanceof UsageError) return e;
  }
  return undefined;
}

/** The subset of Eleventy's config API this module uses (Eleventy ships no TypeScript types). */
interface EleventyUserConfig {
  setTemplateFormats(formats: string[]): void;
  setDataDirectory(dir: string): void;
  setUseGitIgnore(enabled: boolean): void;
  /** Globs of input files Eleventy skips. */
  ignores: Set<string>;
  setWatchJavaScriptDependencies(enabled: boolean): void;
  setLibrary(name: string, lib: unknown): void;
  addJavaScriptFunction(name: string, fn: (...args: never[]) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  benchmarkManager: { setVerboseOutput(v: boolean): void; benchmarkGroups: Record<string, { setIsVerbose(v: boolean): void }> };
}
