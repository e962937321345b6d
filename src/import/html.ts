import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractedReport, Paragraph, RawReport, ReportMetadata } from './types.ts';

/**
 * The parse step for web pages. linkedom builds a DOM without running anything: it has no script
 * engine, loads no sub-resources (images, styles, frames) and fires no events, so `onerror=` and
 * `<script>` stay inert text in the tree.
 */
export function parsePage(raw: RawReport): Document {
  return parseHTML(raw.content).document as unknown as Document;
}

/** Elements whose text is never report text. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'PICTURE',
  'IMG',
  'FIGURE',
  'BUTTON',
  'FORM',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'HEAD',
]);
/** Elements that end a paragraph. */
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'BLOCKQUOTE',
  'PRE',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'HR',
  'BR',
  'FIGCAPTION',
  'ADDRESS',
]);

/**
 * The extract step for web pages: Mozilla Readability finds the article in a copy of the page (it
 * changes the tree it reads, and the metadata step reads the original), and its HTML becomes plain
 * paragraphs: the text of each block, whitespace collapsed, links and pictures reduced to their
 * text. The extracted text is those paragraphs joined by blank lines; offsets count in it.
 */
export function extractPage(raw: RawReport, document: Document): ExtractedReport {
  const copy = document.cloneNode(true) as Document;
  // `serializer` hands back Readability's element instead of its HTML, saving a second parse.
  const article = new Readability<Element>(copy, { serializer: (el) => el as Element, charThreshold: 200 }).parse();
  const found: { title?: string; author?: string[]; published?: string; source?: string } = {};
  const blocks: string[] = [];
  if (article) {
    if (article.title) found.title = article.title;
    if (article.byline) found.author = [article.byline.replace(/^\s*by\s+/i, '')];
    if (article.publishedTime) found.published = article.publishedTime;
    if (article.siteName) found.source = article.siteName;
    if (article.content) collectBlocks(article.content, blocks);
  }
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const block of blocks) {
    if (text) text += '\n\n';
    paragraphs.push({ text: block, start: text.length });
    text += block;
  }
  return {
    file: raw.file,
    kind: 'html',
    text,
    paragraphs,
    found: found as ReportMetadata,
    notes: ['Text extracted from the web page (Mozilla Readability); links and pictures were reduced to their text.'],
    ...(raw.url ? { url: raw.url } : {}),
  };
}

/** Walks the article's tree, one string per block of text. */
function collectBlocks(root: Element, out: string[]): void {
  let current = '';
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    current = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const name = (child as Element).tagName.toUpperCase();
        if (SKIP.has(name)) continue;
        if (BLOCK.has(name)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
}
