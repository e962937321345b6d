import type { Model } from '../model/types.ts';
import type { PagePath } from '../types.ts';
import { PAGES, rootOf } from './paths.ts';

/** One page to render: which view (a function in templates/views), where, and its item. */
export interface PageSpec {
  readonly path: PagePath;
  readonly view: 'home' | 'article' | 'entity' | 'entities' | 'timeline' | 'sources' | 'search';
  /** The prefix leading back to the output root from this page: "" or "../". */
  readonly root: string;
  /** The article or entity the page shows (`article` and `entity` views). */
  readonly item?: unknown;
}

/** Every page of the site, in one list: Eleventy paginates over it with `size: 1`. */
export function pageList(model: Model): PageSpec[] {
  const fixed = (path: PagePath, view: PageSpec['view']): PageSpec => ({ path, view, root: rootOf(path) });
  return [
    fixed(PAGES.home, 'home'),
    fixed(PAGES.entities, 'entities'),
    fixed(PAGES.timeline, 'timeline'),
    fixed(PAGES.sources, 'sources'),
    fixed(PAGES.search, 'search'),
    ...model.articles.map((a): PageSpec => ({ path: a.page, view: 'article', root: rootOf(a.page), item: a })),
    ...model.entities.map((e): PageSpec => ({ path: e.page, view: 'entity', root: rootOf(e.page), item: e })),
  ];
}
