import { html, trusted, type Html } from '../../src/site/html.ts';
import type { ClaimView, Excerpt, SiteView, SourceView } from '../../src/model/types.ts';
import { collectionJsonLd } from '../../src/site/jsonld.ts';
import { page } from '../layouts/base.ts';
import { articleItem } from '../partials/article-item.ts';
import { statementInline } from '../partials/claim.ts';

/** A publication's page: its record where there is one, its reports, the claims they make and their conflicts. */
export function sourceView(site: SiteView, root: string, pagePath: string, s: SourceView): string {
  const fact = (label: string, value: string | Html | undefined): Html | string =>
    value === undefined
      ? ''
      : html`
        <div><dt>${label}</dt><dd>${value}</dd></div>`;
  const record = s.id
    ? html`    <aside class="infobox" aria-labelledby="infobox-h">
      <h2 id="infobox-h" class="visually-hidden">At a glance</h2>
      <dl>${fact('Reliability', s.reliability ? html`<span class="reliability reliability-${s.reliability.letter}">${s.reliability.letter}</span> ${s.reliability.words}` : undefined)}${fact(
        'Also written',
        s.aliases.length ? s.aliases.join(' · ') : undefined,
      )}${fact('Website', s.url ? html`<a href="${s.url}" rel="noopener noreferrer">${s.url}</a>` : undefined)}${fact('Country', s.country)}${fact(
        'Owner',
        s.owner,
      )}${fact('Language', s.language)}
        <div><dt>Reports</dt><dd>${s.reports.total}</dd></div>
      </dl>
    </aside>
`
    : '';
  const profile = s.profileHtml
    ? html`      <section class="prose profile" aria-labelledby="profile-h">
        <h2 id="profile-h">Profile</h2>
${trusted(s.profileHtml)}      </section>
`
    : '';
  const conflicts = s.conflicts.total
    ? html`      <section aria-labelledby="conflicts-h">
        <h2 id="conflicts-h">Conflicts</h2>
        <ul class="source-conflicts">
${s.conflicts.items.map(
  ({ claim, other }) =>
    html`          <li>${claimText(claim, root)} <span class="conflict-word">contradicts</span> ${claimText(other, root)}</li>\n`,
)}        </ul>
${more(s.conflicts, 'conflicts', root)}      </section>
`
    : '';
  const main = html`<article class="source-page">
  <header class="page-head">
    <p class="eyebrow"><a href="${root}sources.html">Sources</a></p>
    <h1>${s.name}</h1>${
      s.id
        ? ''
        : html`
    <p class="notice">This publication is named by the reports but has no profile.</p>`
    }
  </header>

  <div class="sheet-grid">
${record}    <div class="sheet-main">
${profile}${claimList('only-h', 'Reported only here', s.onlyHere, root)}${claimList('shared-h', 'Also reported by others', s.shared, root)}${conflicts}      <section aria-labelledby="reports-h">
        <h2 id="reports-h">Reports</h2>
        <ol class="article-list">${s.reports.items.map((a) => articleItem(a, root))}</ol>
${more(s.reports, 'earlier reports', root)}      </section>
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
function claimText(c: ClaimView, root: string): Html {
  return html`<span class="claim-text">${statementInline(c, root)}</span> (<a href="${root}${c.reports[0]!.target}">report</a>)`;
}

function claimList(id: string, title: string, claims: Excerpt<ClaimView>, root: string): Html | string {
  if (!claims.total) return '';
  return html`      <section aria-labelledby="${id}">
        <h2 id="${id}">${title}</h2>
        <ul class="source-claims">
${claims.items.map(
  (c) =>
    html`          <li>${claimText(c, root)} <span class="meta">${c.sourceCount === 1 ? 'single source' : `${c.sourceCount} sources`}${c.status === 'disputed' ? ', disputed' : ''}</span></li>\n`,
)}        </ul>
${more(claims, 'claims', root)}      </section>
`;
}

function more<T>(list: Excerpt<T>, what: string, root: string): Html | string {
  return list.more
    ? html`        <p class="more">and ${list.more} more ${what} (all in <a href="${root}data/sources.json">data/sources.json</a> and <a href="${root}data/claims.json">data/claims.json</a>)</p>\n`
    : '';
}
