import type {
  ArticleView,
  ClaimReportView,
  ClaimView,
  Credibility,
  EntityRef,
  EntityView,
  ExtraPageView,
  QuoteView,
  SiteView,
} from '../model/types.ts';
import type { EntityType, PagePath } from '../types.ts';
import { publishedUrl } from './paths.ts';

/**
 * schema.org JSON-LD for each page. The result is embedded in `<script type="application/ld+json">`,
 * so `<`, `>` and `&` are written as JSON escapes: a `</script>` inside a title cannot close the
 * element, and the JSON still parses to the same strings.
 */
const SCRIPT_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function scriptSafeJson(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}

/** JSON text with the characters that matter inside a <script> element written as escapes. */
export function scriptSafe(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

const SCHEMA_TYPE: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
  object: 'Thing',
  topic: 'Thing',
};

/** A page's URL as seen from `from`: absolute under `baseUrl` when set, else relative. */
function urlFor(site: SiteView, from: PagePath, to: string): string {
  return publishedUrl(site.baseUrl, from, to);
}

export function articleJsonLd(site: SiteView, a: Omit<ArticleView, 'jsonLd'>): string {
  const article = {
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.published.iso,
    ...(a.authors.length ? { author: a.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    publisher: { '@type': 'Organization', name: a.source },
    ...(a.url ? { sameAs: a.url } : {}),
    url: urlFor(site, a.page, a.page),
    inLanguage: a.language,
  };
  // `mentions` last, each entity written once for every article that names it (as for claims).
  const head = scriptSafeJson(article);
  const mentions = a.entities.map((e) => mentionJson(site, a.page, e));
  // The claims and quotations this report makes, each pointing at its passage.
  const claims = a.claims.map((c) => ({
    '@type': 'Claim',
    text: c.statement,
    appearance: { '@type': 'NewsArticle', headline: a.title, url: urlFor(site, a.page, c.target) },
  }));
  const rest = [...claims, ...a.quotes.map((q) => quoteLd(site, a.page, q))].map((o) => scriptSafeJson(o));
  const first = `${head.slice(0, -1)},"mentions":[${mentions.join(',')}]}`;
  return `{"@context":"https://schema.org","@graph":[${[first, ...rest].join(',')}]}`;
}

/**
 * An object's script-safe JSON text, written once for all the pages in one folder: the URLs in it
 * depend only on where the page is (`urlFor(site, from, '')`, the same for every fact sheet or
 * every article), so a claim shown on each subject's fact sheet, or an entity named by thousands of
 * articles, is serialised once. Keyed by the object and kept for the last folder asked from.
 */
function onceJson<K extends object>(
  cache: WeakMap<K, { readonly at: string; readonly json: string }>,
  key: K,
  at: string,
  make: () => object,
): string {
  let cached = cache.get(key);
  if (cached?.at !== at) cache.set(key, (cached = { at, json: scriptSafeJson(make()) }));
  return cached.json;
}

/** Each entity as an article's `mentions` item. */
const mentionText = new WeakMap<EntityRef, { readonly at: string; readonly json: string }>();

function mentionJson(site: SiteView, from: PagePath, e: EntityRef): string {
  return onceJson(mentionText, e, urlFor(site, from, ''), () => ({
    '@type': SCHEMA_TYPE[e.type],
    name: e.name,
    url: urlFor(site, from, e.page),
  }));
}

/** An index page (entities, timeline, sources, search) as part of the briefing's website. */
export function collectionJsonLd(site: SiteView, page: PagePath, name: string, type = 'CollectionPage'): string {
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': type,
    name: `${name} · ${site.title}`,
    url: urlFor(site, page, page),
    isPartOf: { '@type': 'WebSite', name: site.title, url: urlFor(site, page, 'index.html') },
  });
}

/** An extra page: an AboutPage when its slug is `about`, else a WebPage, part of the briefing's website. */
export function extraPageJsonLd(site: SiteView, p: ExtraPageView): string {
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': p.slug === 'about' ? 'AboutPage' : 'WebPage',
    name: p.title,
    ...(p.summary ? { description: p.summary } : {}),
    url: urlFor(site, p.page, p.page),
    inLanguage: site.language,
    isPartOf: { '@type': 'WebSite', name: site.title, url: urlFor(site, p.page, 'index.html') },
  });
}

export function entityJsonLd(site: SiteView, e: Omit<EntityView, 'jsonLd'>): string {
  const graph: object[] = [
    {
      '@type': SCHEMA_TYPE[e.type],
      name: e.name,
      ...(e.aliases.length ? { alternateName: e.aliases } : {}),
      ...(e.summary ? { description: e.summary } : {}),
      ...(e.sameAs.length ? { sameAs: e.sameAs } : {}),
      url: urlFor(site, e.page, e.page),
    },
    ...e.quotes.items.map((q) => quoteLd(site, e.page, q)),
  ];
  // The same as scriptSafeJson of one object with the claims first in the graph, but each claim's
  // Claim object is written once for all the fact sheets that show it (one per subject).
  const claims = e.facts.items.map((c) => claimLdsJson(site, e.page, c));
  const [head, ...rest] = graph.map((o) => scriptSafeJson(o));
  return `{"@context":"https://schema.org","@graph":[${[head, ...claims, ...rest].join(',')}]}`;
}

/** Each claim's Claim object (its review names the page, so it is written for each). */
const claimJson = new WeakMap<ClaimView, { readonly at: string; readonly json: string }>();

function claimLdsJson(site: SiteView, from: PagePath, c: ClaimView): string {
  const claim = onceJson(claimJson, c, urlFor(site, from, ''), () => claimLd(site, from, c));
  return c.credibility ? `${claim},${scriptSafeJson(claimReviewLd(site, from, c, c.credibility))}` : claim;
}

function claimLd(site: SiteView, from: PagePath, c: ClaimView): object {
  return {
    '@type': 'Claim',
    text: c.statement,
    appearance: c.citations.items.map((r) => ({ '@type': 'NewsArticle', headline: r.article.title, url: urlFor(site, from, r.target) })),
    about: c.subjects.map((s) => ({ '@type': SCHEMA_TYPE[s.type], name: s.name, url: urlFor(site, from, s.page) })),
  };
}

/**
 * The record's grade as a schema.org ClaimReview on the Admiralty scale, 1 (best) to 6 (worst).
 * The reviewed claim's first appearance is its earliest published report; the other reports a
 * page cites are its appearances.
 */
function claimReviewLd(site: SiteView, from: PagePath, c: ClaimView, credibility: Credibility): object {
  let first = c.reports[0]!;
  for (const r of c.reports) if (r.article.published.time < first.article.published.time) first = r;
  const appearance = (r: ClaimReportView): object => ({
    '@type': 'NewsArticle',
    headline: r.article.title,
    url: urlFor(site, from, r.target),
  });
  return {
    '@type': 'ClaimReview',
    claimReviewed: c.statement,
    url: urlFor(site, from, `${from}#fact-${c.id}`),
    author: { '@type': 'Organization', name: site.publisher ?? site.title },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: credibility.value,
      bestRating: 1,
      worstRating: 6,
      // In the page's language, as the page words it.
      alternateName: site.catalogue.text(`credibility.${credibility.value}`),
    },
    itemReviewed: {
      '@type': 'Claim',
      firstAppearance: appearance(first),
      appearance: c.citations.items.filter((r) => r !== first).map(appearance),
    },
  };
}

function quoteLd(site: SiteView, from: PagePath, q: QuoteView): object {
  return {
    '@type': 'Quotation',
    text: q.text,
    creator: { '@type': SCHEMA_TYPE[q.speaker.type], name: q.speaker.name, url: urlFor(site, from, q.speaker.page) },
    isPartOf: { '@type': 'NewsArticle', headline: q.article.title, url: urlFor(site, from, q.target) },
    ...(q.date ? { dateCreated: q.date.iso } : {}),
  };
}

export function homeJsonLd(site: SiteView, from: PagePath, claims: readonly ClaimView[]): string {
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        name: site.title,
        ...(site.description ? { description: site.description } : {}),
        inLanguage: site.language,
        url: urlFor(site, from, from),
      },
      // The reviews are on the fact sheets, where each fact shows its credibility (`#fact-<id>`).
      ...claims.map((c) => claimLd(site, from, c)),
    ],
  });
}
