import { html, trusted } from '../../src/site/html.ts';
import type { ArticleView, SiteView } from '../../src/model/types.ts';
import { page } from '../layouts/base.ts';
import { chip } from '../partials/chip.ts';
import { messagesOf } from '../../src/site/messages.ts';

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
  const m = messagesOf(site);
  // A report in another language than the briefing's says so, for screen readers, hyphenation and direction.
  const lang =
    a.language === site.language
      ? ''
      : html` lang="${a.language}"${m.dirOf(a.language) !== m.dir ? html` dir="${m.dirOf(a.language)}"` : ''}`;
  const main = html`<article class="report"${lang}>
  <header class="page-head">
    <p class="eyebrow">${a.source}${editor('source') ? html` <span class="editor-mark" title="${m.text('report.editorTitle')}">${m.t('report.editorMark')}</span>` : ''}</p>
    <h1>${a.title}</h1>${
      editor('title')
        ? html`
    <p class="editor-mark headline-mark">${m.t('report.headlineByEditor')}</p>`
        : ''
    }
    <dl class="byline">
      <div><dt>${m.t('report.published')}</dt><dd><time datetime="${a.published.iso}">${a.published.display}</time>${editor('published') ? html` <span class="editor-mark">${m.t('report.dateByEditor')}</span>` : ''}</dd></div>
${a.authors.length ? html`<div><dt>${m.t('report.by')}</dt><dd>${a.authors.join(', ')}</dd></div>` : ''}${a.dateline ? html`<div><dt>${m.t('report.dateline')}</dt><dd>${a.dateline}</dd></div>` : ''}${
    a.url
      ? html`<div><dt>${m.t('report.original')}</dt><dd><a class="original-url" href="${a.url}" rel="noopener noreferrer">${a.url}</a></dd></div>`
      : ''
  }    </dl>
${a.summary ? html`<p class="lede">${a.summary}${editor('summary') ? html` <span class="editor-mark">${m.t('report.summaryByEditor')}</span>` : ''}</p>` : ''}${
    a.editorNote ? html`<p class="editor-note"><strong>${m.t('report.editorNote')}</strong> ${a.editorNote}</p>` : ''
  }  </header>
  <div class="prose report-body">
${trusted(bodyHtml)}  </div>
  <footer class="report-foot">
${
  a.entities.length
    ? html`    <section aria-labelledby="in-this-h">
      <h2 id="in-this-h">${m.t('report.inThis')}</h2>
      <ul class="chips">${a.entities.map((e, i) => html`<li>${chip(e, root, m, a.mentions[i])}</li>`)}</ul>
    </section>
`
    : ''
}${a.tags.length ? html`<p class="tags">${m.t('report.tags', { tags: a.tags.join(', ') })}</p>` : ''}  </footer>
</article>`;
  return page(
    {
      site,
      root,
      pagePath,
      title: a.title,
      description: a.summary,
      section: 'articles',
      bodyClass: 'page-article',
      jsonLd,
    },
    main,
  );
}
