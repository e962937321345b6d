import { html, type Html } from '../../src/site/html.ts';
import type { ClaimView } from '../../src/model/types.ts';

/** A single-source fact in a compact list: the fact, then where it comes from and its date. */
export function factLine(c: ClaimView, root: string): Html {
  return html`<li class="fact-line" id="fact-${c.id}"><span class="fact-text">${c.statement}</span> <span class="fact-cite">${c.citations.items.map(
    (r) => html`<a class="cite" href="${root}${r.target}">${r.article.source}</a>`,
  )}${c.citations.more ? html` and ${c.citations.more} more reports` : ''}${c.date ? html` <time datetime="${c.date.iso}">${c.date.display}</time>` : ''}</span></li>
`;
}
