import MarkdownIt from 'markdown-it';
import type { EntityRegistry } from '../content/registry.ts';
import { annotations } from './plugin.ts';
import type { EntityHref } from './render.ts';
import type { SpanKeyTable } from './span-keys.ts';

/**
 * Schemes a Markdown link may never use: they run code or read the reader's disk. Others
 * (http, mailto, irc, …) are links, as in CommonMark; images may also be data:image/png|gif|jpeg|webp.
 */
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|file|data):/i;

/**
 * The project's one Markdown parser. Raw HTML is off rather than sanitised: news text copied from
 * the web has no HTML worth keeping, and a parser that never emits it leaves nothing for a
 * sanitiser to miss (docs/security.md). javascript:, vbscript:, file: and data: links stay text,
 * also when spaces, control characters or percent-encoding hide the scheme. Mentions link to
 * `entityHref` of their entity (the site's `entityPage`).
 */
export function createMarkdown(registry: EntityRegistry, entityHref: EntityHref, spanKeys?: SpanKeyTable): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
  guardLinks(md);
  // linkify-it's pretest runs on every paragraph: one long Unicode regular expression, 0.6 s of
  // the main thread's 4.3 s annotate stage at 10,000 articles (docs/performance.md). Nothing it matches can lack all
  // of MAY_LINK, so a paragraph without any of those skips it, with the same answer
  // (test/unit/linkify-pretest.test.ts checks that on random text, and the schemes it assumes).
  const pretest = md.linkify.pretest.bind(md.linkify);
  md.linkify.pretest = (text: string) => MAY_LINK.test(text) && pretest(text);
  md.use(annotations, { registry, entityHref, spanKeys });
  return md;
}

/** Makes `md` leave javascript:, vbscript:, file: and data: links as text (see createMarkdown). */
export function guardLinks(md: MarkdownIt): void {
  const builtIn = md.validateLink.bind(md);
  md.validateLink = (url: string) => {
    // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), and the
    // URL reaches us percent-encoded ("java%20script:"): decode, then drop them, then judge.
    let decoded = url;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      // Not valid percent-encoding: judge the text as written.
    }
    // eslint-disable-next-line no-control-regex
    const trimmed = decoded.replace(/[\u0000-\u0020]/g, '');
    if (/^data:image\/(?:gif|png|jpeg|webp);/i.test(trimmed)) return builtIn(url);
    return !DANGEROUS_SCHEME.test(trimmed) && builtIn(url);
  };
}

/**
 * What linkify-it's pretest needs at the least: a scheme it knows ("http:", "https:", "ftp:",
 * "mailto:", "//"), an "@" (e-mail), or a fuzzy host: "localhost", "www.", or a dot followed by
 * what starts a top-level domain or an IP part (a letter, a digit, or the "р" of "рф").
 */
export const MAY_LINK = /(?:https?|ftp|mailto):|\/\/|@|localhost|www\.|\.[0-9a-zр]/i;
