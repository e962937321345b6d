import MarkdownIt from 'markdown-it';
import { checkBrand } from '../content/brand.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import type { AssetFile, Branding, BriefingSettings, ValidDocument } from '../types.ts';
import { guardLinks } from './markdown.ts';

/**
 * The branding of FORMAT.md §6 for the model: `logo`, `css` and the accent checked against
 * assets/ (content/brand.ts), and the footer rendered once for every page. Undefined for a
 * briefing with none of it.
 */
export function brandContent(
  briefing: ValidDocument<BriefingSettings>,
  assets: readonly AssetFile[],
  bag: DiagnosticBag,
): { readonly brand?: Branding; readonly footer?: FooterHtml } | undefined {
  const brand = checkBrand(briefing, assets, bag);
  const footer = briefing.meta.footer;
  if (!brand && footer === undefined) return undefined;
  return { ...(brand ? { brand } : {}), ...(footer !== undefined ? { footer: renderFooter(footer) } : {}) };
}

/** briefing.md's `footer` as HTML for a page at the root and for one a folder down. */
export interface FooterHtml {
  readonly top: string;
  readonly nested: string;
}

/** A link with a scheme, to the site root, a fragment or a query: left as written at every depth. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|[/#?])/i;

let parser: MarkdownIt | undefined;

/**
 * The footer line (FORMAT.md §6) is inline Markdown: emphasis, code and links, with raw HTML off
 * and the same link schemes refused as in the bodies (`guardLinks`). Not the annotation parser:
 * the footer is the same on every page, so a mention in it would not be one of any document's
 * mentions; `[[…]]` stays text. Images are off (a disclaimer line, not a picture). A relative
 * link (`pages/about.html`) is written from the site root, and prefixed with `../` on the pages
 * a folder down, so it resolves from each page, also from file://.
 */
export function renderFooter(markdown: string): FooterHtml {
  if (!parser) {
    parser = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
    parser.disable('image');
    guardLinks(parser);
    const linkOpen = parser.renderer.rules.link_open;
    parser.renderer.rules.link_open = (tokens, idx, options, env: { root?: string }, self) => {
      const token = tokens[idx]!;
      const href = token.attrGet('href');
      if (href !== null && env.root && !NOT_RELATIVE.test(href)) token.attrSet('href', env.root + href);
      return linkOpen ? linkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
  }
  return { top: parser.renderInline(markdown, { root: '' }), nested: parser.renderInline(markdown, { root: '../' }) };
}
