import { isIsoDateError, parseIsoDate } from '../content/dates.ts';
import type { ExtractedReport, ReportMetadata } from './types.ts';

/** Types of schema.org node that describe the article itself. */
const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|Report|LiveBlogPosting|WebPage)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The metadata step for web pages: what the page says about the article, most specific first —
 * JSON-LD (a NewsArticle or any Article, also inside `@graph`), then OpenGraph and `article:` meta
 * tags, Dublin Core, `<time datetime>`, bylines, and last Readability's own guesses. Every value is
 * hostile text: collapsed to one line, capped, and a date kept only when it is an ISO 8601 date the
 * format accepts.
 */
export function readPageMetadata(document: Document, extracted: ExtractedReport): ReportMetadata {
  const ld = jsonLdArticle(document);
  const meta = (...names: string[]): string | undefined => {
    for (const name of names) {
      for (const el of document.querySelectorAll('meta')) {
        const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
        if (key === name.toLowerCase()) {
          const value = clean(el.getAttribute('content'));
          if (value) return value;
        }
      }
    }
    return undefined;
  };
  const base = extracted.url;

  const title =
    clean(str(ld?.['headline']) ?? str(ld?.['name'])) ??
    meta('og:title', 'twitter:title', 'dc.title', 'dcterms.title') ??
    clean(extracted.found.title) ??
    clean(document.querySelector('title')?.textContent);
  const source =
    clean(name(ld?.['publisher'])) ??
    meta('og:site_name', 'dc.publisher', 'dcterms.publisher', 'application-name') ??
    clean(extracted.found.source);

  const dates = [
    str(ld?.['datePublished']),
    meta('article:published_time', 'datePublished', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'date', 'pubdate'),
    timeElement(document),
    str(ld?.['dateCreated']),
    extracted.found.published,
  ];
  let published: string | undefined;
  for (const d of dates) if (!published && d) published = isoDate(d);

  let author = people(ld?.['author']);
  if (author.length === 0) {
    const named = meta('author', 'dc.creator', 'dcterms.creator', 'article:author', 'byl');
    if (named && !/^https?:/i.test(named)) author = [named.replace(/^by\s+/i, '')];
  }
  if (author.length === 0) {
    const byline = document.querySelector('[rel="author"], [itemprop="author"], .byline, .author')?.textContent;
    const b = clean(byline)?.replace(/^by\s+/i, '');
    if (b && b.length <= 80) author = [b];
  }
  if (author.length === 0 && extracted.found.author) author = extracted.found.author.map((a) => clean(a)).filter((a): a is string => !!a);

  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const urls = [
    canonical,
    meta('og:url'),
    str(ld?.['url']),
    str(ld?.['mainEntityOfPage']) ?? str((ld?.['mainEntityOfPage'] as Record<string, Json> | undefined)?.['@id']),
    base,
  ];
  let url: string | undefined;
  for (const u of urls) if (!url && u) url = webUrl(u, base);

  return {
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    ...(published ? { published } : {}),
    ...(author.length ? { author } : {}),
    ...(url ? { url } : {}),
  };
}

/** The first JSON-LD node describing an article, looking through arrays and `@graph`. */
function jsonLdArticle(document: Document): Record<string, Json> | undefined {
  const nodes: Record<string, Json>[] = [];
  const visit = (value: Json, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    nodes.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
  };
  for (const script of document.querySelectorAll('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(script.textContent ?? '') as Json, 0);
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources still count.
    }
  }
  const typed = (n: Record<string, Json>): string[] =>
    (Array.isArray(n['@type']) ? n['@type'] : [n['@type']]).filter((t): t is string => typeof t === 'string');
  return (
    nodes.find((n) => typed(n).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? nodes.find((n) => typed(n).includes('WebPage'))
  );
}

/** `<time datetime>` marked as the publication date, else the first in the page. */
function timeElement(document: Document): string | undefined {
  const marked = document.querySelector(
    'time[itemprop="datePublished"][datetime], time[pubdate][datetime], .published time[datetime], time.published[datetime]',
  );
  return (marked ?? document.querySelector('time[datetime]'))?.getAttribute('datetime') ?? undefined;
}

function str(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return str(value[0]);
  return undefined;
}

/** A publisher or person: a string, or an object's `name`. */
function name(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return name(value[0]);
  if (value && typeof value === 'object') return str(value['name']);
  return undefined;
}

function people(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: string[] = [];
  for (const v of list.slice(0, 10)) {
    const n = clean(name(v));
    if (n && !/^https?:/i.test(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

/** One line of plain text, at most 300 characters, or nothing. */
export function clean(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  // Control characters (C0, C1, bidi overrides) have no place in a front-matter value.
  const one = value
    // eslint-disable-next-line no-control-regex -- the control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!one) return undefined;
  return one.length > 300 ? `${one.slice(0, 299)}…` : one;
}

/**
 * An ISO 8601 date the format accepts (FORMAT.md §1): a date-time keeps its offset (`+0000` gets
 * its colon); one without an offset, or in another shape, keeps only its date.
 */
export function isoDate(value: string): string | undefined {
  const v = value.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(v);
  if (!m) return undefined;
  const offset = m[3] === undefined ? undefined : m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  const candidate = m[2] && offset ? `${m[1]}T${m[2]}${offset}` : m[1]!;
  return isIsoDateError(parseIsoDate(candidate)) ? undefined : candidate;
}

/** An absolute http(s) URL, resolved against the page's own address when relative. */
function webUrl(value: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
