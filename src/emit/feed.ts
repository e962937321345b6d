import type { Model } from '../model/types.ts';
import { publishedUrl } from '../site/paths.ts';

/**
 * Characters XML 1.0 forbids even as references (https://www.w3.org/TR/xml/#charsets): C0 controls
 * other than tab, line feed and carriage return, U+FFFE, U+FFFF, and a surrogate without its pair.
 * YAML's escapes ("\x01", "\0") put them in any front-matter string, and one makes a whole feed
 * unreadable to a feed reader, so each becomes U+FFFD.
 */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- the control characters are what is matched
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** XML text and attribute escaping; characters XML cannot hold become U+FFFD. */
function escapeXml(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(NOT_XML_CHAR, '\uFFFD');
}

/** A page's URL in the feed and sitemap (both at the output root): absolute under `baseUrl`, else relative. */
function siteUrl(model: Model, page: string): string {
  return publishedUrl(model.site.baseUrl, 'feed.xml', page);
}

/** Atom timestamps need a time: a bare date counts as midnight UTC. */
function atomDate(iso: string, time: number): string {
  return iso.length > 10 ? iso : new Date(time).toISOString();
}

/**
 * How many articles the feed carries: the latest ones. A feed is polled by readers again and again
 * for what is new, so it holds what is recent, as most generators' feeds do (jekyll-feed keeps 10,
 * WordPress 10); the whole briefing is on the site and in `data/articles.json`. With every article
 * the feed of a 10,000-article briefing was 6 MB, fetched in full by every poll.
 */
export const FEED_ENTRIES = 100;

/**
 * An Atom feed of the latest FEED_ENTRIES articles, newest first. With `baseUrl` every link and id is absolute;
 * without, links are relative to the feed (valid Atom, resolved against the feed's own address)
 * and ids are stable URNs built from the slugs.
 */
export function atomFeed(model: Model): string {
  const site = model.site;
  const id = (slug: string): string => (site.baseUrl ? siteUrl(model, `articles/${slug}.html`) : `urn:briefing:article:${slug}`);
  const updated = model.articles.length
    ? atomDate(model.articles[0]!.published.iso, model.articles[0]!.published.time)
    : new Date(site.updated?.time ?? 0).toISOString();
  const entries = model.articles.slice(0, FEED_ENTRIES).map(
    (a) => `  <entry>
    <title>${escapeXml(a.title)}</title>
    <id>${escapeXml(id(a.slug))}</id>
    <link rel="alternate" type="text/html" href="${escapeXml(siteUrl(model, a.page))}"/>
${a.url ? `    <link rel="via" href="${escapeXml(a.url)}"/>\n` : ''}    <updated>${atomDate(a.published.iso, a.published.time)}</updated>
    <published>${atomDate(a.published.iso, a.published.time)}</published>
    <author><name>${escapeXml(a.authors.length ? a.authors.join(', ') : a.source)}</name></author>
    <source><title>${escapeXml(a.source)}</title></source>
${a.summary ? `    <summary>${escapeXml(a.summary)}</summary>\n` : ''}  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">
  <title>${escapeXml(site.title)}</title>
${site.subtitle ? `  <subtitle>${escapeXml(site.subtitle)}</subtitle>\n` : ''}  <id>${escapeXml(site.baseUrl ? siteUrl(model, 'index.html') : `urn:briefing:site:${site.buildId}`)}</id>
  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl(model, 'index.html'))}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(siteUrl(model, 'feed.xml'))}"/>
  <updated>${updated}</updated>
  <author><name>${escapeXml(site.author ?? site.publisher ?? site.title)}</name></author>
  <generator>Briefing</generator>
${entries.join('\n')}
</feed>
`;
}

/** A sitemap needs absolute URLs (sitemaps.org), so it is written only when `baseUrl` is set. */
export function sitemap(model: Model, pages: readonly string[]): string | undefined {
  if (!model.site.baseUrl) return undefined;
  const urls = pages.map((p) => `  <url><loc>${escapeXml(siteUrl(model, p))}</loc></url>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
