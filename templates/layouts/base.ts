// The page frame around every view. Text is escaped by `html`; `main`, `scripts` and the JSON-LD
// (made by scriptSafeJson) arrive as trusted Html.
import { cssString, html, trusted, type Html } from '../../src/site/html.ts';
import type { SiteView } from '../../src/model/types.ts';
import { messagesOf } from '../../src/site/messages.ts';

export interface Frame {
  readonly site: SiteView;
  /** "" or "../": the way back to the output root from this page. */
  readonly root: string;
  readonly pagePath: string;
  readonly title: string;
  readonly description?: string | undefined;
  /** Which navigation link is the current page's. */
  readonly section: 'home' | 'articles' | 'entities' | 'timeline' | 'sources' | 'search';
  readonly bodyClass: string;
  readonly jsonLd: string;
}

export function page(f: Frame, main: Html, scripts?: Html): string {
  const { site, root } = f;
  const m = messagesOf(site);
  const current = (section: Frame['section']) => (f.section === section ? trusted(' aria-current="page"') : '');
  const description = f.description || site.description;
  return html`<!DOCTYPE html>
<html lang="${m.lang}"${m.dir === 'rtl' ? trusted(' dir="rtl"') : ''} data-root="${root}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.title !== site.title ? html`${f.title} · ` : ''}${site.title}</title>
${description ? html`<meta name="description" content="${description}">\n` : ''}<meta name="generator" content="Briefing">
${site.baseUrl ? html`<link rel="canonical" href="${site.baseUrl}${f.pagePath}">\n` : ''}<link rel="stylesheet" href="${root}assets/site.css">
<link rel="manifest" href="${root}manifest.webmanifest">
<link rel="icon" href="${root}assets/icon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="${m.text('layout.feedTitle', { title: site.title })}" href="${site.baseUrl ? site.baseUrl : root}feed.xml">
<script type="application/ld+json">${trusted(f.jsonLd)}</script>
${printHeader(site)}
</head>
<body class="${f.bodyClass}">
<a class="skip-link" href="#main">${m.t('layout.skip')}</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="${root}index.html">${site.title}</a>
    <nav class="site-nav" aria-label="${m.text('layout.navLabel')}">
      <a href="${root}index.html"${current('home')}>${m.t('nav.home')}</a>
      <a href="${root}entities/index.html"${current('entities')}>${m.t('nav.entities')}</a>
      <a href="${root}timeline.html"${current('timeline')}>${m.t('nav.timeline')}</a>
      <a href="${root}sources.html"${current('sources')}>${m.t('nav.sources')}</a>
      <a href="${root}search.html"${current('search')}>${m.t('nav.search')}</a>
    </nav>
${
  // The search page has its own box, which searches as the reader types: a second one would compete.
  f.section === 'search'
    ? ''
    : html`    <form class="search-box" action="${root}search.html" method="get" role="search" aria-label="${m.text('searchBox.label')}">
      <label class="visually-hidden" for="site-search">${m.t('searchBox.label')}</label>
      <input id="site-search" name="q" type="search" placeholder="${m.text('searchBox.placeholder')}" autocomplete="off">
      <button type="submit">${m.t('searchBox.button')}</button>
    </form>
`
}  </div>
</header>
<main id="main" class="wrap">
${main}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${site.title}${site.publisher ? html` · ${site.publisher}` : ''}${site.updated ? html` · ${m.t('layout.asOf', { date: html`<time datetime="${site.updated.iso}">${site.updated.display}</time>` })}` : ''}</p>
    <p class="small">${m.t('layout.builtWith')}</p>
  </div>
</footer>
<script src="${root}data/previews.js" defer></script>
<script src="${root}assets/site.js" defer></script>
${scripts ?? ''}</body>
</html>
`.value;
}

const printHeaders = new WeakMap<SiteView, Html>();

/**
 * The running header of a printed page: the briefing's title and its as-of date, in a page margin
 * box (`@top-left`, printed by Chromium since version 131). It names this briefing, so it is
 * written in each page rather than in site.css; the page numbers are in site.css, in English, and
 * so is the "disputed" mark in a report's text: a briefing in another language writes its words
 * here. Made once per build.
 */
function printHeader(site: SiteView): Html {
  let style = printHeaders.get(site);
  if (!style) {
    const m = messagesOf(site);
    const words =
      m.catalogueLang === 'en'
        ? ''
        : `<style>.prose .disputed::after { content: ${m.css('claim.disputed')}; content: ${m.css('claim.disputed')} / ""; }</style>\n`;
    const pages = m.catalogueLang === 'en' ? '' : ` @bottom-right { content: ${m.css('layout.pageOf')}; }`;
    const asOf = site.updated ? messagesOf(site).text('layout.asOf', { date: site.updated.display }) : '';
    const text = site.updated ? `${site.title} · ${asOf}` : site.title;
    style = trusted(`${words}<style media="print">@page { @top-left { content: ${cssString(text)}; }${pages} }</style>`);
    printHeaders.set(site, style);
  }
  return style;
}
