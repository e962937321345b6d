// The site-wide index pages: entities by type, reports by source, the timeline, search.
import { html } from '../../src/site/html.ts';
import type { Model } from '../../src/model/types.ts';
import { collectionJsonLd } from '../../src/site/jsonld.ts';
import { PAGES } from '../../src/site/paths.ts';
import { page } from '../layouts/base.ts';
import { articleItem } from '../partials/article-item.ts';
import { timelineList } from '../partials/timeline-list.ts';

export function entitiesView(model: Model, root: string, pagePath: string): string {
  const main = html`<header class="page-head"><h1>Entities</h1><p class="lede">Everyone and everything the reports name, by type. The number is how often the reports mention each; an entity with a profile that no report names yet is marked.</p></header>
${model.entityGroups.map(
  (g, i) => html`<section class="entity-group" aria-labelledby="group-${i + 1}">
  <h2 id="group-${i + 1}">${g.label}</h2>
  <ul class="entity-list">
${g.entities.map(
  (e) =>
    html`    <li><a href="${root}${e.page}" data-entity="${e.id}">${e.name}</a> ${e.mentionCount ? html`<span class="count">${e.mentionCount}</span>` : html`<span class="unnamed">not named in any report</span>`}${e.summary ? html`<span class="summary">${e.summary}</span>` : ''}</li>\n`,
)}  </ul>
</section>
`,
)}`;
  return page(
    {
      site: model.site,
      root,
      pagePath,
      title: 'Entities',
      section: 'entities',
      bodyClass: 'page-entities',
      jsonLd: collectionJsonLd(model.site, PAGES.entities, 'Entities'),
    },
    main,
  );
}

export function sourcesView(model: Model, root: string, pagePath: string): string {
  const main = html`<header class="page-head"><h1>Sources</h1><p class="lede">The reports behind this briefing, by publication.</p></header>
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
      title: 'Sources',
      section: 'sources',
      bodyClass: 'page-sources',
      jsonLd: collectionJsonLd(model.site, PAGES.sources, 'Sources'),
    },
    main,
  );
}

export function timelineView(model: Model, root: string, pagePath: string): string {
  const main = html`<header class="page-head"><h1>Timeline</h1><p class="lede">Dated facts, quotes and reports, oldest first. Each links to the passage it comes from.</p></header>
${timelineList(model.timeline.items, root)}`;
  return page(
    {
      site: model.site,
      root,
      pagePath,
      title: 'Timeline',
      section: 'timeline',
      bodyClass: 'page-timeline',
      jsonLd: collectionJsonLd(model.site, PAGES.timeline, 'Timeline'),
    },
    main,
  );
}

export function searchView(model: Model, root: string, pagePath: string): string {
  const main = html`<header class="page-head"><h1>Search</h1></header>
<form class="search-page-form" action="search.html" method="get" role="search" aria-label="Search page">
  <label for="q">Search people, places, reports, facts and quotes</label>
  <input id="q" name="q" type="search" autocomplete="off">
  <button type="submit">Search</button>
</form>
<div id="search-results" aria-live="polite"></div>
<noscript><p>Search needs JavaScript. Without it, browse the <a href="entities/index.html">entity index</a>, the <a href="timeline.html">timeline</a> or the <a href="sources.html">sources</a>.</p></noscript>`;
  const scripts = html`<script src="assets/minisearch.js" defer></script>
<script src="assets/search-options.js" defer></script>
<script src="data/search-index.js" defer></script>
<script src="assets/search.js" defer></script>
`;
  return page(
    {
      site: model.site,
      root,
      pagePath,
      title: 'Search',
      section: 'search',
      bodyClass: 'page-search',
      jsonLd: collectionJsonLd(model.site, PAGES.search, 'Search', 'SearchResultsPage'),
    },
    main,
    scripts,
  );
}
