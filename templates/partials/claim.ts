import { html, type Html } from '../../src/site/html.ts';
import type { ClaimView, ReliabilityView } from '../../src/model/types.ts';

/** One claim with its badge and its citations. */
export function claimCard(c: ClaimView, root: string): Html {
  const several = html`<span class="badge badge-corroborated">Reported by ${c.sourceCount} sources</span>`;
  const single = html`<span class="badge badge-single">Single source</span>`;
  const badges =
    c.status === 'corroborated'
      ? several
      : c.status === 'disputed'
        ? html`<span class="badge badge-disputed">Disputed</span> ${c.sourceCount > 1 ? several : single}`
        : single;
  return html`<article class="claim-card claim-${c.status}" id="fact-${c.id}">
  <p class="claim-statement">${c.statement}</p>
  <p class="claim-meta"><span class="badges">${badges}</span>${
    c.date
      ? html`
    <time datetime="${c.date.iso}">${c.date.display}</time>`
      : ''
  }
  </p>
  <ol class="citations">
${c.citations.items.map(
  (
    r,
  ) => html`    <li><a class="citation" href="${root}${r.target}">${r.article.source}, “${r.article.title}”</a>${r.article.publication.reliability ? html` ${reliabilityBadge(r.article.publication.reliability)}` : ''}${c.citations.total > 1 ? html`: <q>${r.text}</q>` : ''}</li>
`,
)}  </ol>
${c.citations.more ? html`  <p class="more">and ${c.citations.more} more reports of this fact (all are in <a href="${root}data/claims.json">data/claims.json</a>)</p>\n` : ''}${
    c.conflicts.length
      ? html`  <div class="conflicts">
    <p class="conflicts-title">Contradicted by:</p>
    <ul>${c.conflicts.map((o) => html`<li><a href="${root}${o.target}">${o.statement}</a></li>`)}</ul>
  </div>
`
      : ''
  }</article>
`;
}

/** A source's reliability letter (FORMAT.md §5), its words in the tooltip and for screen readers. */
export function reliabilityBadge(r: ReliabilityView): Html {
  return html`<span class="reliability reliability-${r.letter}" title="Source reliability ${r.letter}: ${r.words}"><span aria-hidden="true">${r.letter}</span><span class="visually-hidden">source reliability ${r.letter}: ${r.words}</span></span>`;
}
