import type { PagePath } from './types.ts';

/**
 * The pages every briefing has, at paths no content file names. Here, below every layer, because
 * loading and the registry must keep article and entity ids off them (`RESERVED_IDS`), and the
 * site layer, which makes these pages, reads the same list (src/site/paths.ts).
 */
export const PAGES = {
  home: 'index.html' as PagePath,
  entities: 'entities/index.html' as PagePath,
  timeline: 'timeline.html' as PagePath,
  sources: 'sources.html' as PagePath,
  search: 'search.html' as PagePath,
} as const;

/**
 * The ids whose page would be one of the fixed pages above (`entities/index` is the entity index):
 * an article, entity, source or extra page file with such an id is an error at that file, and a stub never takes one.
 */
export const RESERVED_IDS: { readonly [folder in 'articles' | 'entities' | 'sources' | 'pages']: ReadonlySet<string> } = {
  articles: reservedIn('articles/'),
  entities: reservedIn('entities/'),
  sources: reservedIn('sources/'),
  // `pages/index.html` is what a static host serves for the folder's own address (`pages/`): the
  // build keeps it, as it keeps `entities/index.html`, rather than let an extra page stand there.
  pages: new Set([...reservedIn('pages/'), 'index']),
};

function reservedIn(folder: string): ReadonlySet<string> {
  const pages: readonly string[] = Object.values(PAGES);
  return new Set(pages.filter((p) => p.startsWith(folder) && p.endsWith('.html')).map((p) => p.slice(folder.length, -'.html'.length)));
}
