import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import { RenderError } from '../diagnostics.ts';
import { readHtml, type BodyHtml } from '../annotate/spill.ts';
import { flatten } from '../strings.ts';
import type { ArticleBodies, ArticleView, EntityView, Model } from '../model/types.ts';
import { articleJsonLd, entityJsonLd } from './jsonld.ts';
import { pageList, type PageSpec } from './pages.ts';
import { TEMPLATES_DIR } from './paths.ts';
import { PageWriter, type RenderedPage } from './writer.ts';
import { articleView } from '../../templates/views/article.ts';
import { entityView } from '../../templates/views/entity.ts';
import { homeView } from '../../templates/views/home.ts';
import { entitiesView, searchView, sourcesView, timelineView } from '../../templates/views/indexes.ts';

/**
 * Stage 6, pages: Eleventy renders one JavaScript template (`templates/pages/site.11ty.js`),
 * paginated with `size: 1` over the page list, and each page's HTML comes from a view function
 * of templates/views rendered over the frozen model. Eleventy never sees content files as templates, so no template
 * engine ever runs over Markdown bodies or front matter, and Eleventy's per-input-file overhead is
 * paid once, not once per article.
 */
export async function renderPages(
  model: Model,
  bodies: ArticleBodies,
  md: MarkdownIt,
  outDir: string,
  pages: readonly PageSpec[] = pageList(model),
): Promise<number> {
  const sizes = new PageSizes();
  const views = viewRenderer(model, bodies.html, sizes);
  const { default: Eleventy } = await loadEleventy();
  // Eleventy keeps every page it renders in memory until it has rendered its whole run, so the
  // pages are rendered in batches of about BATCH_CHARS of HTML: a fact sheet is several times an
  // article's size, and a batch of 3,000 of them held 600 MB (docs/performance.md).
  const budget = batchChars(process.env['BRIEFING_BATCH_CHARS']);
  // Each batch's pages are written while the next batch renders (src/site/writer.ts).
  const writer = new PageWriter(outDir);
  try {
    for (let i = 0; i < pages.length;) {
      const end = sizes.batchEnd(pages, i, budget);
      const slice = pages.slice(i, end);
      i = end;
      writer.add(await renderBatch(Eleventy, slice, md, outDir, views));
      // An article's HTML is read by its page only: let it go once the page is rendered.
      for (const spec of slice) if (spec.view === 'article') bodies.html.delete((spec.item as ArticleView).slug);
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
 * The size of the pages rendered so far, by view, to cut the next batch at about a given number
 * of characters. A view not rendered yet is assumed large (FIRST_GUESS), so its first batch is
 * small and measures it.
 */
export class PageSizes {
  private readonly chars = new Map<PageSpec['view'], { total: number; pages: number }>();

  record(view: PageSpec['view'], length: number): void {
    const entry = this.chars.get(view);
    if (entry) {
      entry.total += length;
      entry.pages++;
    } else {
      this.chars.set(view, { total: length, pages: 1 });
    }
  }

  estimate(view: PageSpec['view']): number {
    const entry = this.chars.get(view);
    return entry ? entry.total / entry.pages : FIRST_GUESS;
  }

  /** Where the batch starting at `start` ends: after about `budget` characters, at least one page. */
  batchEnd(pages: readonly PageSpec[], start: number, budget: number): number {
    let end = start;
    let chars = 0;
    while (end < pages.length && end - start < MAX_BATCH_PAGES && (end === start || chars + this.estimate(pages[end]!.view) <= budget)) {
      chars += this.estimate(pages[end]!.view);
      end++;
    }
    return end;
  }
}

/** Characters assumed for a page of a view not rendered yet: more than any measured so far. */
const FIRST_GUESS = 100_000;

async function renderBatch(
  Eleventy: typeof import('@11ty/eleventy').default,
  pages: readonly PageSpec[],
  md: MarkdownIt,
  outDir: string,
  views: (spec: PageSpec) => string,
): Promise<RenderedPage[]> {
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
      cfg.setWatchJavaScriptDependencies(false);
      // One Markdown parser for the whole project (Eleventy bundles its own markdown-it otherwise).
      cfg.setLibrary('md', md);
      cfg.addJavaScriptFunction('renderView', views);
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
  try {
    // Rendered, not written: the PageWriter writes them off this thread.
    const result = (await elev.toJSON()) as unknown;
    return renderedPages(result);
  } catch (error) {
    throw new RenderError(`rendering the pages failed: ${(error as Error).message}`, { cause: error });
  }
}

/** The site-wide pages' views: each renders from the whole model. */
const SITE_VIEWS: Record<Exclude<PageSpec['view'], 'article' | 'entity'>, (model: Model, root: string, pagePath: string) => string> = {
  home: homeView,
  entities: entitiesView,
  timeline: timelineView,
  sources: sourcesView,
  search: searchView,
};

/**
 * Renders a page spec with the view functions of templates/views: plain TypeScript over the
 * model, every interpolated string escaped by `html` (src/site/html.ts). No template engine reads
 * anything from content, and none is compiled at run time.
 */
export function viewRenderer(model: Model, bodies: ReadonlyMap<string, BodyHtml>, sizes?: PageSizes): (spec: PageSpec) => string {
  return (spec) => {
    const { root, path: pagePath } = spec;
    let page: string;
    switch (spec.view) {
      case 'article': {
        const article = spec.item as ArticleView;
        // Made per page, not kept in the model: each page's JSON-LD is read once.
        page = articleView(
          model.site,
          root,
          pagePath,
          article,
          readHtml(bodies.get(article.slug) ?? ''),
          articleJsonLd(model.site, article),
        );
        break;
      }
      case 'entity': {
        const entity = spec.item as EntityView;
        page = entityView(model.site, root, pagePath, entity, entityJsonLd(model.site, entity));
        break;
      }
      default:
        page = SITE_VIEWS[spec.view](model, root, pagePath);
    }
    // The page is built by concatenation, a rope of thousands of pieces; Eleventy keeps it until
    // its batch is written, long enough for every piece to be promoted to the old generation.
    // One flat string instead: the pieces die young (src/strings.ts).
    const flatPage = flatten(page);
    sizes?.record(spec.view, flatPage.length);
    return flatPage;
  };
}

/** The subset of Eleventy's config API this module uses (Eleventy ships no TypeScript types). */
interface EleventyUserConfig {
  setTemplateFormats(formats: string[]): void;
  setDataDirectory(dir: string): void;
  setUseGitIgnore(enabled: boolean): void;
  setWatchJavaScriptDependencies(enabled: boolean): void;
  setLibrary(name: string, lib: unknown): void;
  addJavaScriptFunction(name: string, fn: (...args: never[]) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  benchmarkManager: { setVerboseOutput(v: boolean): void; benchmarkGroups: Record<string, { setIsVerbose(v: boolean): void }> };
}

function renderedPages(result: unknown): RenderedPage[] {
  // `toJSON()` resolves to the rendered pages, each with its output path and content.
  if (!Array.isArray(result)) return [];
  return (result.flat(Infinity) as unknown[]).filter(
    (r): r is RenderedPage =>
      !!r && typeof r === 'object' && typeof (r as RenderedPage).outputPath === 'string' && typeof (r as RenderedPage).content === 'string',
  );
}
