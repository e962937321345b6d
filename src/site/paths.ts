import { fileURLToPath } from 'node:url';
import { flatten } from '../strings.ts';
import type { PagePaths } from '../model/types.ts';
import type { ArticleSlug, EntityId, PagePath } from '../types.ts';
import { PACKAGE_ROOT } from '../runtime.ts';

/**
 * Every page's path relative to the output root, in one place: the fixed pages (`PAGES`, defined
 * below every layer, which content loading reads too) and the paths below. Pages sit at most one
 * folder deep, and every link is written relative to the page it is on (`rootOf`), so the site
 * works under any path prefix and from file://. Links always name a file, never a folder: a
 * folder link opens a directory listing from disk.
 */
export { PAGES } from '../fixed-pages.ts';

function articlePage(slug: ArticleSlug | string): PagePath {
  return flatten(`articles/${slug}.html`) as PagePath;
}

export function entityPage(id: EntityId | string): PagePath {
  return flatten(`entities/${id}.html`) as PagePath;
}

/** A publication's page (`sources.html` lists them all). */
function sourcePage(slug: string): PagePath {
  return flatten(`sources/${slug}.html`) as PagePath;
}

/** An extra page (`pages/<slug>.md`). */
function extraPage(slug: string): PagePath {
  return flatten(`pages/${slug}.html`) as PagePath;
}

/** The article, entity, publication and extra pages, as the model's references carry them. */
export const PAGE_PATHS: PagePaths = { article: articlePage, entity: entityPage, source: sourcePage, page: extraPage };

/**
 * The URL by which page `from` names `to` (both relative to the output root) in metadata: absolute
 * under `baseUrl` (which the model ends with "/") when the briefing sets one, else relative.
 */
export function publishedUrl(baseUrl: string | undefined, from: string, to: string): string {
  if (!baseUrl) return rootOf(from as PagePath) + to;
  // Page paths Briefing makes (ids, slugs, anchors) resolve by appending to a clean base: skip
  // the URL parser, which a big briefing calls hundreds of thousands of times for JSON-LD.
  if (SIMPLE_PATH.test(to) && cleanBase(baseUrl)) return baseUrl + to;
  return new URL(to, baseUrl).href;
}

/** A relative path with nothing the URL parser would change (no dot segments, escapes or scheme). */
const SIMPLE_PATH = /^(?![./])(?!.*\/\.)[A-Za-z0-9_~/-]+(?:\.html)?(?:#[A-Za-z0-9_-]+)?$/;

/** Whether `base` is already what the URL parser makes of it, ends in "/" and has no query or fragment. */
function cleanBase(base: string): boolean {
  let clean = CLEAN_BASES.get(base);
  if (clean === undefined) {
    try {
      clean = new URL(base).href === base && base.endsWith('/') && !/[?#]/.test(base);
    } catch {
      clean = false;
    }
    CLEAN_BASES.set(base, clean);
  }
  return clean;
}

/** One entry per base URL a build uses (one per briefing). */
const CLEAN_BASES = new Map<string, boolean>();

/** The prefix that leads from `page` back to the output root: "" or "../". */
export function rootOf(page: PagePath): string {
  const depth = page.split('/').length - 1;
  return '../'.repeat(depth);
}

/** `templates/` in this package: the Eleventy page template, views, layouts, partials and assets. */
export const TEMPLATES_DIR = fileURLToPath(new URL('templates/', PACKAGE_ROOT));
