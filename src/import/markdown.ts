import type { ReportKind } from './types.ts';

/**
 * A report's paragraph as Markdown that renders as the text it is. Plain text (from `.txt` or a web
 * page) has every character Markdown would read as syntax escaped with a backslash: emphasis, code,
 * links, images and annotations (`*`, `_`, `` ` ``, `[`, `]`, `\`), autolinks (`<`), strike-through
 * (`~`), entities (`&amp;`), and at a line's start headings, block quotes, lists and setext
 * underlines. So `[[x]]` and `[x]{claim=…}` in a page stay text: the draft gains no annotation, link
 * or image from it. A Markdown report keeps its Markdown; only the annotation syntax that Briefing
 * adds to Markdown (`[[` and `]{`) is escaped.
 */
export function paragraphMarkdown(text: string, kind: ReportKind): string {
  if (kind === 'markdown') return text.replace(/\[\[/g, '\\[[').replace(/\]\{/g, ']\\{');
  return text.split('\n').map(escapeLine).join('\n');
}

function escapeLine(line: string): string {
  const inline = line
    .replace(/[\\`*_[\]<~]/g, '\\$&')
    // `&copy;` and `&#64;` would render as the character they name.
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  return inline.replace(/^(\s*)([#>+=|-])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}
