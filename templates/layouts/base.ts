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
  /** Which navigation link is the current page's (`page`: an extra page's own link, by its path). */
  readonly section: 'home' | 'articles' | 'entities' | 'timeline' | 'sources' | 'search' | 'page';
  readonly bodyClass: string;
  readonly jsonLd: string;
}

/** A layout: the frame, the page's main content and its own scripts (both trusted Html) → the page. */
export type Layout = (f: Frame, main: Html, scripts?: Html) => string;

export function page(f: Frame, main: Html, scripts?: Html): string {
  if (layoutOverride) return layoutOverride(f, main, scripts);
  const { site, root } = f;
  const m = messagesOf(site);
  const current = (section: Frame['section']) => (f.section === section ? trusted(' aria-current="page"') : '');
  const description = f.description || site.description;
  const brand = site.brand;
  return html`<!DOCTYPE html>
<html lang="${m.lang}"${m.dir === 'rtl' ? trusted(' dir="rtl"') : ''} data-root="${root}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.title !== site.title ? html`${f.title} · ` : ''}${site.title}</title>
${description ? html`<meta name="description" content="${description}">\n` : ''}<meta name="generator" content="Briefing">
${site.baseUrl ? html`<link rel="canonical" href="${site.baseUrl}${f.pagePath}">\n` : ''}<link rel="stylesheet" href="${root}assets/site.css">
${brand ? brandStyles(brand, root) : ''}<link rel="manifest" href="${root}manifest.webmanifest">
<link rel="icon" href="${root}${brand?.logo ? brand.logo.href : 'assets/icon.svg'}" type="${brand?.logo ? brand.logo.type : 'image/svg+xml'}">
<link rel="alternate" type="application/atom+xml" title="${m.text('layout.feedTitle', { title: site.title })}" href="${site.baseUrl ? site.baseUrl : root}feed.xml">
<script type="application/ld+json">${trusted(f.jsonLd)}</script>
${printHeader(site)}
</head>
<body class="${f.bodyClass}">
<a class="skip-link" href="#main">${m.t('layout.skip')}</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="${root}index.html">${
      // The logo names the link (its alt is the title); the title beside it is for the eye only.
      brand?.logo
        ? html`<img class="brand-logo" src="${root}${brand.logo.href}" alt="${site.title}"><span aria-hidden="true">${site.title}</span>`
        : site.title
    }</a>
    <nav class="site-nav" aria-label="${m.text('layout.navLabel')}">
      <a href="${root}index.html"${current('home')}>${m.t('nav.home')}</a>
      <a href="${root}entities/index.html"${current('entities')}>${m.t('nav.entities')}</a>
      <a href="${root}timeline.html"${current('timeline')}>${m.t('nav.timeline')}</a>
      <a href="${root}sources.html"${current('sources')}>${m.t('nav.sources')}</a>
      <a href="${root}search.html"${current('search')}>${m.t('nav.search')}</a>${site.nav.map(
        (link) => html`
      <a href="${root}${link.page}"${link.page === f.pagePath ? trusted(' aria-current="page"') : ''}>${link.title}</a>`,
      )}
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
${
  brand?.footer
    ? html`    <p class="brand-footer">${trusted(root ? brand.footer.nested : brand.footer.top)}</p>
`
    : ''
}    <p class="small">${m.t('layout.builtWith')}</p>
  </div>
</footer>
<script src="${root}data/previews.js" defer></script>
<script src="${root}assets/site.js" defer></script>
${scripts ?? ''}</body>
</html>
`.value;
}

/**
 * The project's layout (docs/views.md), set only while a page renders (`withLayout`): every view
 * calls `page`, and a view is synchronous, so the setting reaches exactly the page being rendered
 * without a layout parameter threaded through every view and partial.
 */
let layoutOverride: Layout | undefined;

/** Renders with `layout` in place of the built-in frame (`undefined`: the built-in one). */
export function withLayout<T>(layout: Layout | undefined, render: () => T): T {
  const before = layoutOverride;
  layoutOverride = layout;
  try {
    return render();
  } finally {
    layoutOverride = before;
  }
}

/** The accent's generated theme, then the project's style sheet: after site.css, so they win. */
function brandStyles(brand: NonNullable<SiteView['brand']>, root: string): Html {
  return html`${brand.accent ? html`<link rel="stylesheet" href="${root}assets/theme.css">\n` : ''}${brand.css ? html`<link rel="stylesheet" href="${root}${brand.css}">\n` : ''}`;
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
