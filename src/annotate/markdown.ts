import MarkdownIt from 'markdown-it';
import type { EntityRegistry } from '../model/registry.ts';
import { annotations } from './plugin.ts';

/**
 * Schemes a Markdown link may never use: they run code or read the reader's disk. Others
 * (http, mailto, irc, …) are links, as in CommonMark; images may also be data:image/png|gif|jpeg|webp.
 */
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|file|data):/i;

/**
 * The project's one Markdown parser. Raw HTML is off rather than sanitised: news text copied from
 * the web has no HTML worth keeping, and a parser that never emits it leaves nothing for a
 * sanitiser to miss (docs/security.md). javascript:, vbscript:, file: and data: links stay text,
 * also when spaces, control characters or percent-encoding hide the scheme.
 */
export function createMarkdown(registry: EntityRegistry): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
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
  md.use(annotations, { registry });
  return md;
}
