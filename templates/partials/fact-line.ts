import { html, type Html } from '../../src/site/html.ts';
import type { ClaimView } from '../../src/model/types.ts';
import type { Messages } from '../../src/site/messages.ts';
import { assessment, reliabilityBadge, statementInline } from './claim.ts';

/**
 * A single-source fact in a compact list: the fact (the record's statement, or the report's words
 * quoted), where it comes from and its date, then the credibility with the editor's note.
 */
export function factLine(c: ClaimView, root: string, m: Messages): Html {
  return html`<li class="fact-line" id="fact-${c.id}"><span class="fact-text">${statementInline(c, root)}</span> <span class="fact-cite">${c.citations.items.map(
    (r) =>
      html`<a class="cite" href="${root}${r.target}">${r.article.source}</a>${r.article.publication.reliability ? html` ${reliabilityBadge(r.article.publication.reliability, m)}` : ''}`,
  )}${c.citations.more ? html` ${m.n('fact.moreReports', c.citations.more)}` : ''}${c.date ? html` <time datetime="${c.date.iso}">${c.date.display}</time>` : ''}</span>
${assessment(c, root, m)}</li>
`;
}
