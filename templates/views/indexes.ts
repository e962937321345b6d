// The site-wide index pages: entities by type, reports by source, the timeline, search.
import { html, trusted } from '../../src/site/html.ts';
import type { Model } from '../../src/model/types.ts';
import { collectionJsonLd } from '../../src/site/jsonld.ts';
import { PAGES } from '../../src/site/paths.ts';
import { messagesOf } from '../../src/site/messages.ts';
import { page } from '../layouts/base.ts';
import { articleItem } from '../partials/article-item.ts';
import { timelineList } from '../partials/timeline-list.ts';

/** The messages templates/assets/search.js shows. */
const SEARCH_MESSAGES = [
  'search.none',
  'search.count',
  'search.alsoCalled',
  'kind.entity',
  'kind.article',
  'kind.claim',
  'kind.quote',
  'kind.page',
];

export function entitiesView(model: Model, root: string, pagePath: string): string {
  const m = messagesOf(model.site);
  const main = html`<header class="page-head"><h1>${m.t('entities.title')}</h1><p class="lede">${m.t('entities.lede')}</p></header>
${model.entityGroups.map(
  (g, i) => html`<section class="entity-group" aria-labelledby="group-${i + 1}">
  <h2 id="group-${i + 1}">${g.label}</h2>
  <ul class="entity-list">
${g.entities.map(
  (e) =>
    html`    <li><a href="${root}${e.page}" data-entity="${e.id}">${e.name}</a> ${e.mentionCount ? html`<span class="count">${e.mentionCount}</span>` : html`<span class="unnamed">${m.t('entities.unnamed')}</span>`}${e.summary ? html`<span class="summary">${e.summary}</span>` : ''}</li>\n`,
)}  </ul>
</section>
`,
)}`;
  return page(
    {
      site: model.site,
      root,
      pagePath,
      title: m.text('entities.title'),
      section: 'entities',
      bodyClass: 'page-entities',
      jsonLd: collectionJsonLd(model.site, PAGES.entities, m.text('entities.title')),
    },
    main,
  );
}

export function sourcesView(model: Model, root: string, pagePath: string): string {
  const m = messagesOf(model.site);
  const main = html`<header class="page-head"><h1>${m.t('sources.title')}</h1><p class="lede">${m.t('sources.lede')}</p></header>
${model.sources.map(
  (s) => html`<section class="source-group">
  <h2><a href="${root}${s.page}">${s.name}</a></h2>
  <ol class="article-list">${s.articles.map((a) => articleItem(a, root))}</ol>
</section>
`,
)}`;
  return page(
    {
      site: model.site,
      root,
      pagePath,
      title: m.text('sources.title'),
      section: 'sources',
      bodyClass: 'page-sources',
      jsonLd: collectionJsonLd(model.site, PAGES.sources, m.text('sources.title')),
    },
    main,
  );
}

export function timelineView(model: Model, root: string, pagePath: string): string {
  const m = messagesOf(model.site);
  const main = html`<header class="page-head"><h1>${m.t('timeline.title')}</h1><p class="lede">${m.t('timeline.lede')}</p></header>
${timelineList(model.timeline.items, root, m)}`;
  return page(
    {
      site: model.site,
      root,
      pagePath,
      title: m.text('timeline.title'),
      section: 'timeline',
      bodyClass: 'page-timeline',
      jsonLd: collectionJsonLd(model.site, PAGES.timeline, m.text('timeline.title')),
    },
    main,
  );
}

export function searchView(model: Model, root: string, pagePath: string): string {
  const m = messagesOf(model.site);
  const main = html`<header class="page-head"><h1>${m.t('search.title')}</h1></header>
<form class="search-page-form" action="search.html" method="get" role="search" aria-label="${m.text('search.formLabel')}">
  <label for="q">${m.t('search.fieldLabel')}</label>
  <input id="q" name="q" type="search" autocomplete="off">
  <button type="submit">${m.t('search.button')}</button>
</form>
<div id="search-results" aria-live="polite"></div>
<noscript><p>${m.t('search.noscript')}</p></noscript>`;
  // search.js's words, as data in the page: it reads them from file:// too, where fetch is refused.
  const scripts = html`<script type="application/json" id="search-messages" data-lang="${m.catalogueLang}">${trusted(m.forScript(SEARCH_MESSAGES))}</script>
<script src="assets/minisearch.js" defer></script>
<script src="assets/search-options.js" defer></script>
<script src="data/search-index.js" defer></script>
<script src="assets/search.js" defer></script>
`;
  return page(
    {
      site: model.site,
      root,
      pagePath,
      title: m.text('search.title'),
      section: 'search',
      bodyClass: 'page-search',
      jsonLd: collectionJsonLd(model.site, PAGES.search, m.text('search.title'), 'SearchResultsPage'),
    },
    main,
    scripts,
  );
}
