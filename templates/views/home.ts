import { html, trusted } from '../../src/site/html.ts';
import type { Model } from '../../src/model/types.ts';
import { homeJsonLd } from '../../src/site/jsonld.ts';
import { PAGES } from '../../src/site/paths.ts';
import { messagesOf } from '../../src/site/messages.ts';
import { page } from '../layouts/base.ts';
import { articleItem } from '../partials/article-item.ts';
import { chip } from '../partials/chip.ts';
import { claimCard, claimStatement, statementInline } from '../partials/claim.ts';

/** The briefing's home: summary, key entities, what the sources say, the latest reports. */
export function homeView(model: Model, root: string, pagePath: string): string {
  const site = model.site;
  const cmp = model.comparison;
  const m = messagesOf(site);
  const comparison = model.claims.length
    ? html`<section class="comparison" aria-labelledby="cmp-h">
  <h2 id="cmp-h">${m.t('home.comparison')}</h2>
${
  cmp.disputes.total
    ? html`  <h3>${m.t('home.disputes')}</h3>
${cmp.disputes.items.map(
  (d) => html`  <div class="dispute" role="group" aria-label="${m.text('claim.conflicting')}">
${claimCard(d.claim, root, m)}${claimCard(d.other, root, m)}  </div>
`,
)}${cmp.disputes.more ? html`  <p class="more">${m.n('home.moreDisputes', cmp.disputes.more)}</p>\n` : ''}`
    : ''
}${
        cmp.corroborated.total
          ? html`  <h3>${m.t('home.corroborated')}</h3>
${cmp.corroborated.items.map(
  (c) => html`  <article class="compare-row" id="compare-${c.id}">
    ${claimStatement(c, root, 'compare-statement')}
    <p class="compare-head"><span class="badge badge-corroborated">${m.n('claim.sourceCount', c.sourceCount)}</span>${c.date ? html` <time datetime="${c.date.iso}">${c.date.display}</time>` : ''}</p>
    <div class="compare-sources">
${c.citations.items.map(
  (
    r,
  ) => html`      <blockquote class="source-wording"><p>${r.text}</p><footer><a href="${r.target}">${r.article.source}</a></footer></blockquote>
`,
)}${c.citations.more ? html`      <p class="more">${m.n('claim.moreReports', c.citations.more)}</p>\n` : ''}    </div>
  </article>
`,
)}${cmp.corroborated.more ? html`  <p class="more">${m.n('home.moreCorroborated', cmp.corroborated.more)}</p>\n` : ''}`
          : ''
      }${
        cmp.singleSource.total
          ? html`  <h3>${m.t('home.singleSource')}</h3>
  <ul class="single-list">
${cmp.singleSource.items.map((c) => html`    <li>${statementInline(c, root)} <a class="cite" href="${c.reports[0]!.target}">${c.reports[0]!.article.source}</a></li>\n`)}  </ul>
${cmp.singleSource.more ? html`  <p class="more">${m.n('home.moreSingle', cmp.singleSource.more)}</p>\n` : ''}`
          : ''
      }</section>
`
    : '';
  const main = html`<header class="page-head">
  <p class="eyebrow">${m.t('home.eyebrow')}${site.updated ? html` · ${m.t('layout.asOf', { date: html`<time datetime="${site.updated.iso}">${site.updated.display}</time>` })}` : ''}</p>
  <h1>${site.title}</h1>${
    site.subtitle
      ? html`
  <p class="lede">${site.subtitle}</p>`
      : ''
  }
  <p class="stats">${m.n('home.statReports', model.stats.articles)} · ${m.n('home.statEntities', model.stats.entities)} · ${m.n('home.statFacts', model.stats.claims)} · ${m.n('home.statQuotes', model.stats.quotes)}</p>
</header>

<div class="home-grid">
  <section class="summary prose" aria-labelledby="summary-h">
    <h2 id="summary-h">${m.t('home.summary')}</h2>
${trusted(model.summaryHtml)}  </section>

  <aside class="key-entities" aria-labelledby="key-h">
    <h2 id="key-h">${m.t('home.keyEntities')}</h2>
${model.keyEntities.map(
  (g) => html`    <h3>${g.label}</h3>
    <ul class="chips">${g.entities.map((e) => html`<li>${chip(e, root, m, e.mentionCount)}</li>`)}</ul>
`,
)}    <p><a href="entities/index.html">${m.t('home.allEntities')}</a></p>
  </aside>
</div>

${comparison}
<section aria-labelledby="articles-h">
  <h2 id="articles-h">${m.t('home.reports')}</h2>
  <ol class="article-list">
${model.latestArticles.items.map((a) => articleItem(a, root))}  </ol>
${
  model.latestArticles.more
    ? html`  <p class="more">${m.n('home.latestMore', model.latestArticles.total, { shown: model.latestArticles.items.length })}</p>\n`
    : ''
}</section>`;
  return page(
    {
      site,
      root,
      pagePath,
      title: site.title,
      section: 'home',
      bodyClass: 'page-home',
      jsonLd: homeJsonLd(site, PAGES.home, [...model.comparison.corroborated.items, ...model.comparison.singleSource.items]),
    },
    main,
  );
}
