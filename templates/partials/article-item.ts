import { html, type Html } from '../../src/site/html.ts';
import type { ArticleRef } from '../../src/model/types.ts';

/** One report in a list: title, source, date and, when it has one, its summary. */
export function articleItem(a: ArticleRef & { readonly summary?: string | undefined }, root: string): Html {
  return html`<li class="article-item">
  <a class="article-link" href="${root}${a.page}">${a.title}</a>
  <span class="meta">${a.source} · <time datetime="${a.published.iso}">${a.published.display}</time></span>${
    a.summary
      ? html`
  <p class="summary">${a.summary}</p>`
      : ''
  }
</li>
`;
}
