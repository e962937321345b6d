import { html, trusted, type Html } from '../../src/site/html.ts';
import type { ClaimReportView, ClaimView, ReliabilityView } from '../../src/model/types.ts';
import type { Messages } from '../../src/site/messages.ts';

/**
 * One claim (a fact) with its badge, the editor's assessment and its citations. The statement is
 * the record's neutral wording; without a record it is one report's words, shown as a quotation
 * from its source so that it never reads as the editor's. Each citation shows its report's own
 * words, except the report already quoted as the headline.
 */
export function claimCard(c: ClaimView, root: string, m: Messages): Html {
  const several = html`<span class="badge badge-corroborated">${m.n('claim.reportedBy', c.sourceCount)}</span>`;
  const single = html`<span class="badge badge-single">${m.t('claim.single')}</span>`;
  const badges =
    c.status === 'corroborated'
      ? several
      : c.status === 'disputed'
        ? html`<span class="badge badge-disputed">${m.t('claim.disputed')}</span> ${c.sourceCount > 1 ? several : single}`
        : single;
  return html`<article class="claim-card claim-${c.status}" id="fact-${c.id}">
  ${claimStatement(c, root)}
  <p class="claim-meta"><span class="badges">${badges}</span>${
    c.date
      ? html`
    <time datetime="${c.date.iso}">${c.date.display}</time>`
      : ''
  }
  </p>
${assessment(c, root, m)}  <ol class="citations">
${c.citations.items.map((r) => citation(r, r !== c.quoted, root, m))}  </ol>
${c.citations.more ? html`  <p class="more">${m.n('claim.moreReportsAll', c.citations.more, { href: `${root}data/claims.json` })}</p>\n` : ''}${
    c.conflicts.length
      ? html`  <div class="conflicts">
    <p class="conflicts-title">${m.t('claim.contradictedBy')}</p>
    <ul>${c.conflicts.map((o) => html`<li><a href="${root}${o.target}">${o.source ? html`<q>${o.statement}</q> — ${o.source}` : o.statement}</a></li>`)}</ul>
  </div>
`
      : ''
  }</article>
`;
}

/** Links in a record's HTML start from the page's folder: the site's root or one folder deep. */
const rooted = (h: { readonly top: string; readonly nested: string }, root: string): Html => trusted(root === '' ? h.top : h.nested);

/**
 * A claim's headline as a paragraph: the record's statement, or the quoted report's words with
 * its source named. For any page that shows claims (`cls`: the paragraph's class).
 */
export function claimStatement(c: ClaimView, root: string, cls = 'claim-statement'): Html {
  if (c.statementHtml) return html`<p class="${cls}">${rooted(c.statementHtml, root)}</p>`;
  const q = c.quoted!;
  return html`<p class="${cls} claim-quoted"><q>${q.text}</q> <span class="quoted-from">— <cite>${q.article.source}</cite></span></p>`;
}

/** The headline inline, for a list that names the source beside it: the statement, or the report's words as a quotation. */
export function statementInline(c: ClaimView, root: string): Html {
  return c.statementHtml ? rooted(c.statementHtml, root) : html`<q>${c.statement}</q>`;
}

/** The credibility in words, with the editor's note one click away (`<details>` needs no script). */
export function assessment(c: ClaimView, root: string, m: Messages): Html | '' {
  if (!c.credibility && !c.noteHtml) return '';
  const words = c.credibility
    ? html`<span class="credibility-label">${m.t('claim.assessedAs')}</span> <span class="credibility-words">${m.t(`credibility.${c.credibility.value}`)}</span>`
    : html`<span class="credibility-label">${m.t('claim.editorNote')}</span>`;
  const grade = c.credibility ? ` credibility-${c.credibility.value}` : '';
  if (!c.noteHtml) return html`  <p class="credibility${grade}">${words}</p>\n`;
  return html`  <details class="credibility${grade}"><summary>${words}</summary>
  <div class="credibility-note">${rooted(c.noteHtml, root)}</div>
  </details>
`;
}

function citation(r: ClaimReportView, words: boolean, root: string, m: Messages): Html {
  return html`    <li><a class="citation" href="${root}${r.target}">${m.t('claim.citation', { source: r.article.source, title: r.article.title })}</a><span class="cite-when">${r.article.publication.reliability ? html` ${reliabilityBadge(r.article.publication.reliability, m)}` : ''}, <time datetime="${r.article.published.iso}">${r.article.published.display}</time></span>${words ? html`: <q>${r.text}</q>` : ''}</li>
`;
}

/** A source's reliability letter (FORMAT.md §5), its words in the tooltip and for screen readers. */
export function reliabilityBadge(r: ReliabilityView, m: Messages): Html {
  const values = { letter: r.letter, words: m.text(`reliability.${r.letter}`) };
  return html`<span class="reliability reliability-${r.letter}" title="${m.text('claim.reliabilityTitle', values)}"><span aria-hidden="true">${r.letter}</span><span class="visually-hidden">${m.t('claim.reliabilityHidden', values)}</span></span>`;
}
