import type { ArticleView, EntityView, ExtraPageView, Model, SiteView, SourceView } from '../model/types.ts';
import type { PagePath } from '../types.ts';
import { PAGES, rootOf } from './paths.ts';

/**
 * The view of each kind of page: a function from what the page shows to its HTML. Its keys are
 * the kinds of page (`PageKind`). Briefing's own views are templates/views, wired in by
 * src/site/default-views.ts; `renderPages` is handed the views, so others can stand in for any.
 */
export interface PageViews {
  readonly home: SitePageView;
  readonly entities: SitePageView;
  readonly timeline: SitePageView;
  readonly sources: SitePageView;
  readonly search: SitePageView;
  /** `bodyHtml`: the article's annotated text; `jsonLd`: its JSON-LD, a script element's text. */
  readonly article: (site: SiteView, root: string, pagePath: string, article: ArticleView, bodyHtml: string, jsonLd: string) => string;
  readonly entity: (site: SiteView, root: string, pagePath: string, entity: EntityView, jsonLd: string) => string;
  /** A publication's page (`sources/<slug>.html`). */
  readonly source: (site: SiteView, root: string, pagePath: string, source: SourceView) => string;
  /** An extra page (`pages/<slug>.html`); `jsonLd`: its JSON-LD, a script element's text. */
  readonly page: (site: SiteView, root: string, pagePath: string, page: ExtraPageView, jsonLd: string) => string;
}

/** A site-wide page's view: it renders from the whole model. */
export type SitePageView = (model: Model, root: string, pagePath: string) => string;

/** What a page of each kind shows besides the model, for the kinds with one page per item. */
export interface PageItems {
  readonly article: ArticleView;
  readonly entity: EntityView;
  readonly source: SourceView;
  readonly page: ExtraPageView;
}

export type PageKind = keyof PageViews;
export type ItemPageKind = keyof PageItems;
export type SitePageKind = Exclude<PageKind, ItemPageKind>;

/** One page to render: its kind (the view that renders it), where, and (for some kinds) its item. */
export type PageSpec = { readonly [K in PageKind]: PageSpecOf<K> }[PageKind];

export type PageSpecOf<K extends PageKind> = {
  readonly path: PagePath;
  readonly kind: K;
  /** The prefix leading back to the output root from this page: "" or "../". */
  readonly root: string;
} & (K extends ItemPageKind ? { readonly item: PageItems[K] } : unknown);

/**
 * The kinds of page, in the order of the page list, each with its pages: a site-wide page at a
 * fixed path, or one page per item at the item's path. A kind has a view (`PageViews`) and an
 * entry here, or this does not compile.
 */
export const PAGE_KINDS = {
  home: fixed('home', PAGES.home),
  entities: fixed('entities', PAGES.entities),
  timeline: fixed('timeline', PAGES.timeline),
  sources: fixed('sources', PAGES.sources),
  search: fixed('search', PAGES.search),
  article: perItem('article', (model) => model.articles),
  entity: perItem('entity', (model) => model.entities),
  source: perItem('source', (model) => model.publications),
  page: perItem('page', (model) => model.pages),
} satisfies { readonly [K in PageKind]: PageKindEntry<K> };

interface PageKindEntry<K extends PageKind> {
  readonly pages: (model: Model) => PageSpecOf<K>[];
}

function fixed<K extends SitePageKind>(kind: K, path: PagePath): PageKindEntry<K> {
  return { pages: () => [{ path, kind, root: rootOf(path) } as PageSpecOf<K>] };
}

function perItem<K extends ItemPageKind>(kind: K, items: (model: Model) => readonly PageItems[K][]): PageKindEntry<K> {
  return { pages: (model) => items(model).map((item) => ({ path: item.page, kind, root: rootOf(item.page), item }) as PageSpecOf<K>) };
}

/** Every page of the site, in one list: Eleventy paginates over it with `size: 1`. */
export function pageList(model: Model): PageSpec[] {
  const kinds: readonly PageKindEntry<PageKind>[] = Object.values(PAGE_KINDS);
  return kinds.flatMap((kind) => kind.pages(model) as PageSpec[]);
}
