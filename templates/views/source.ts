import { html, trusted, type Html } from '../../src/site/html.ts';
import type { ClaimView, Excerpt, SiteView, SourceView } from '../../src/model/types.ts';
import { collectionJsonLd } from '../../src/site/jsonld.ts';
import { messagesOf, type Messages } from '../../src/site/messages.ts';
import { page } from '../layouts/base.ts';
import { articleItem } from '../partials/article-item.ts';
import { statementInline } from '../partials/claim.ts';

/** A publication's page: its record where there is one, its reports, the claims they make and their conflicts. */
export function sourceView(site: SiteView, root: string, pagePath: string, s: SourceView): string {
  const m = messagesOf(site);
  const fact = (key: string, value: string | Html | undefined): Html | string =>
    value === undefined
      ? ''
      : html`
        <div><dt>${m.t(key)}</dt><dd>${value}</dd></div>`;
  const record = s.id
    ? html`    <aside class="infobox" aria-labelledby="infobox-h">
      <h2 id="infobox-h" class="visually-hidden">${m.t('source.atAGlance')}</h2>
      <dl>${fact('source.reliability', s.reliability ? html`<span class="reliability reliability-${s.reliability.letter}">${s.reliability.letter}</span> ${m.t(`reliability.${s.reliability.letter}`)}` : undefined)}${fact(
        'source.aliases',
        s.aliases.length ? s.aliases.join(' · ') : undefined,
      )}${fact('source.website', s.url ? html`<a href="${s.url}" rel="noopener noreferrer">${s.url}</a>` : undefined)}${fact('source.country', s.country)}${fact(
        'source.owner',
        s.owner,
      )}${fact('source.language', s.language)}
        <div><dt>${m.t('source.reports')}</dt><dd>${s.reports.total}</dd></div>
      </dl>
    </aside>
`
    : '';
  const profile = s.profileHtml
    ? html`      <section class="prose profile" aria-labelledby="profile-h">
        <h2 id="profile-h">${m.t('source.profile')}</h2>
${trusted(s.profileHtml)}      </section>
`
    : '';
  const conflicts = s.conflicts.total
    ? html`      <section aria-labelledby="conflicts-h">
        <h2 id="conflicts-h">${m.t('source.conflicts')}</h2>
        <ul class="source-conflicts">
${s.conflicts.items.map(
  ({ claim, other }) =>
    html`          <li>${claimText(claim, root, m)} <span class="conflict-word">${m.t('source.contradicts')}</span> ${claimText(other, root, m)}</li>\n`,
)}        </ul>
${more(s.conflicts, 'source.moreConflicts', root, m)}      </section>
`
    : '';
  const main = html`<article class="source-page">
  <header class="page-head">
    <p class="eyebrow"><a href="${root}sources.html">${m.t('sources.title')}</a></p>
    <h1>${s.name}</h1>${
      s.id
        ? ''
        : html`
    <p class="notice">${m.t('source.noProfile')}</p>`
    }
  </header>

  <div class="sheet-grid">
${record}    <div class="sheet-main">
${profile}${claimList('only-h', 'source.onlyHere', s.onlyHere, root, m)}${claimList('shared-h', 'source.shared', s.shared, root, m)}${conflicts}      <section aria-labelledby="reports-h">
        <h2 id="reports-h">${m.t('source.reports')}</h2>
        <ol class="article-list">${s.reports.items.map((a) => articleItem(a, root))}</ol>
${more(s.reports, 'source.moreReports', root, m)}      </section>
    </div>
  </div>
</article>`;
  return page(
    {
      site,
      root,
      pagePath,
      title: s.name,
      section: 'sources',
      bodyClass: 'page-source',
      jsonLd: collectionJsonLd(site, s.page, s.name),
    },
    main,
  );
}

/**
 * A claim's headline (the record's statement, or a report's words as a quotation) and a link to
 * its first report: the statement may hold links of its own, so it cannot be inside one.
 */
function claimText(c: ClaimView, root: string, m: Messages): Html {
  return html`<span class="claim-text">${statementInline(c, root)}</span> (<a href="${root}${c.reports[0]!.target}">${m.t('source.report')}</a>)`;
}

function claimList(id: string, title: string, claims: Excerpt<ClaimView>, root: string, m: Messages): Html | string {
  if (!claims.total) return '';
  return html`      <section aria-labelledby="${id}">
        <h2 id="${id}">${m.t(title)}</h2>
        <ul class="source-claims">
${claims.items.map(
  (c) =>
    html`          <li>${claimText(c, root, m)} <span class="meta">${c.sourceCount === 1 ? m.t('source.singleSource') : m.n('source.sourceCount', c.sourceCount)}${c.status === 'disputed' ? m.t('source.disputed') : ''}</span></li>\n`,
)}        </ul>
${more(claims, 'source.moreClaims', root, m)}      </section>
`;
}

function more<T>(list: Excerpt<T>, key: string, root: string, m: Messages): Html | string {
  return list.more
    ? html`        <p class="more">${m.n(key, list.more, { sources: `${root}data/sources.json`, claims: `${root}data/claims.json` })}</p>\n`
    : '';
}
