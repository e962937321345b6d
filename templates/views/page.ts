import { html, trusted } from '../../src/site/html.ts';
import type { ExtraPageView, SiteView } from '../../src/model/types.ts';
import { page } from '../layouts/base.ts';

/** An extra page (`pages/<slug>.md`): its title, its summary as the lead, its annotated body. */
export function extraPageView(site: SiteView, root: string, pagePath: string, p: ExtraPageView, jsonLd: string): string {
  const main = html`<article class="extra-page">
  <header class="page-head">
    <h1>${p.title}</h1>${
      p.summary
        ? html`
    <p class="lede">${p.summary}</p>`
        : ''
    }
  </header>
  <div class="prose">
${trusted(p.html)}  </div>
</article>`;
  return page({ site, root, pagePath, title: p.title, description: p.summary, section: 'page', bodyClass: 'page-extra', jsonLd }, main);
}
