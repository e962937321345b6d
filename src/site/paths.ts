import { fileURLToPath } from 'node:url';
import type { ArticleSlug, EntityId, PagePath } from '../types.ts';

/**
 * Every page's path relative to the output root, in one place. Pages sit at most one folder deep,
 * and every link is written relative to the page it is on (`rootOf`), so the site works under any
 * path prefix and from file://. Links always name a file, never a folder: a folder link opens a
 * directory listing from disk.
 */
export const PAGES = {
  home: 'index.html' as PagePath,
  entities: 'entities/index.html' as PagePath,
  timeline: 'timeline.html' as PagePath,
  sources: 'sources.html' as PagePath,
  search: 'search.html' as PagePath,
} as const;

export function articlePage(slug: ArticleSlug | string): PagePath {
  return `articles/${slug}.html` as PagePath;
}

export function entityPage(id: EntityId | string): PagePath {
  return `entities/${id}.html` as PagePath;
}

/**
 * The URL by which page `from` names `to` (both relative to the output root) in metadata: absolute
 * under `baseUrl` (which the model ends with "/") when the briefing sets one, else relative.
 */
export function publishedUrl(baseUrl: string | undefined, from: string, to: string): string {
  return baseUrl ? new URL(to, baseUrl).href : rootOf(from as PagePath) + to;
}

/** The prefix that leads from `page` back to the output root: "" or "../". */
export function rootOf(page: PagePath): string {
  const depth = page.split('/').length - 1;
  return '../'.repeat(depth);
}

/** `templates/` in this package: the Eleventy page template, views, layouts, partials and assets. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
