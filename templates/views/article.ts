import { html, trusted } from '../../src/site/html.ts';
import type { ArticleView, SiteView } from '../../src/model/types.ts';
import { page } from '../layouts/base.ts';
import { chip } from '../partials/chip.ts';

/** A report: its byline, its annotated text, the entities in it. */
export function articleView(
  site: SiteView,
  root: string,
  pagePath: string,
  article: ArticleView,
  bodyHtml: string,
  jsonLd: string,
): string {
  const a = article;
  const editor = (key: string) => a.editorSupplied.includes(key);
  const main = html`<article class="report">
  <header class="page-head">
    <p class="eyebrow">${a.source}${editor('source') ? html` <span class="editor-mark" title="Supplied by the editor">(editor)</span>` : ''}</p>
    <h1>${a.title}</h1>${
      editor('title')
        ? html`
    <p class="editor-mark headline-mark">Headline supplied by the editor: the report as received had none.</p>`
        : ''
    }
    <dl class="byline">
      <div><dt>Published</dt><dd><time datetime="${a.published.iso}">${a.published.display}</time>${editor('published') ? html` <span class="editor-mark">(date supplied by the editor)</span>` : ''}</dd></div>
${a.authors.length ? html`<div><dt>By</dt><dd>${a.authors.join(', ')}</dd></div>` : ''}${a.dateline ? html`<div><dt>Dateline</dt><dd>${a.dateline}</dd></div>` : ''}${
    a.url ? html`<div><dt>Original</dt><dd><a class="original-url" href="${a.url}" rel="noopener noreferrer">${a.url}</a></dd></div>` : ''
  }    </dl>
${a.summary ? html`<p class="lede">${a.summary}${editor('summary') ? html` <span class="editor-mark">(summary by the editor)</span>` : ''}</p>` : ''}${
    a.editorNote ? html`<p class="editor-note"><strong>Editor’s note:</strong> ${a.editorNote}</p>` : ''
  }  </header>
  <div class="prose report-body">
${trusted(bodyHtml)}  </div>
  <footer class="report-foot">
${
  a.entities.length
    ? html`    <section aria-labelledby="in-this-h">
      <h2 id="in-this-h">In this report</h2>
      <ul class="chips">${a.entities.map((e, i) => html`<li>${chip(e, root, a.mentions[i])}</li>`)}</ul>
    </section>
`
    : ''
}${a.tags.length ? html`<p class="tags">Tags: ${a.tags.join(', ')}</p>` : ''}  </footer>
</article>`;
  return page(
    {
      site,
      root,
      pagePath,
      title: a.title,
      description: a.summary,
      lang: a.language,
      section: 'articles',
      bodyClass: 'page-article',
      jsonLd,
    },
    main,
  );
}
