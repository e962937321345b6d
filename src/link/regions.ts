import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { createMarkdown } from '../annotate/markdown.ts';
import { bodyPositions, tableRowPositions, type DocumentContext } from '../annotate/context.ts';
import { BraceFinder } from '../annotate/attribute-list.ts';
import { DiagnosticBag } from '../diagnostics.ts';
import { EntityRegistry } from '../content/registry.ts';
import { entityPage } from '../site/paths.ts';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Where the plain text of a body is, as `[start, end)` pairs of body offsets, in order. */
export type Ranges = number[];

interface LinkEnv {
  readonly briefing: DocumentContext;
  /** Takes a range of plain text in the current block's inline source. */
  readonly plain: (src: string, start: number, end: number) => void;
}

/**
 * The project's own Markdown parser (`createMarkdown`: the same CommonMark rules, linkify, and the
 * mention and span rules the build uses), with two rules that record where an inline rule read
 * plain text: markdown-it's `text` rule, and a last rule taking the one character no other rule
 * wanted (markdown-it's own fallback does the same, without telling anyone). Everything another
 * rule consumes is therefore never linked: code spans, escapes, entities, autolinks, links and
 * images with their texts and destinations, `[[mentions]]` and span attribute lists. Code and
 * fenced blocks, reference definitions and front matter never reach the inline rules at all.
 *
 * A hand-written scan would have to agree with CommonMark on every one of those (a list item's
 * indented continuation is text, a paragraph's is not code; a `](` makes a link only if the
 * destination closes), and disagreement here means a link inserted into code. The parse costs
 * more than a scan, so the linker runs it only for a body where some name was found.
 */
export function createRegionParser(): RegionParser {
  const md = createMarkdown(new EntityRegistry([], new DiagnosticBag()), entityPage);
  recordPlainText(md);
  return {
    plainText: (body) => plainTextRanges(md, body),
    insideUrl: (body, start, end) => insideUrl(md, body, start, end),
  };
}

export interface RegionParser {
  /** Where `body` has plain text: sorted, disjoint `[start, end)` pairs of offsets. */
  plainText(body: string): Ranges;
  /** Whether `body[start, end)` is part of a URL or e-mail address written without `<>`. */
  insideUrl(body: string, start: number, end: number): boolean;
}

/** Longest word looked at around a name for a URL (as the mention rule does). */
const MAX_URL_WORD = 512;

/**
 * linkify finds addresses without a scheme ("www.kcna.kp", "kcna.kp/en") in a core rule after the
 * inline rules, inside what they took for text; so the word around a name (up to the spaces on
 * either side) is tested with the same linkify-it instance the build uses.
 */
function insideUrl(md: MarkdownIt, body: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < MAX_URL_WORD && !/\s/.test(body[from - 1]!)) from--;
  let to = end;
  while (to < body.length && to - end < MAX_URL_WORD && !/\s/.test(body[to]!)) to++;
  if (from === start && to === end) return false;
  const word = body.slice(from, to);
  if (!/[.:@/]/.test(word)) return false;
  // Also what looks like an address to a reader though linkify would not link it (an unknown
  // top-level domain): a scheme, "www.", an "@", or a path after a dot.
  if (/:\/\/|^www\.|@/i.test(word) || (word.includes('/') && word.includes('.'))) return true;
  for (const m of md.linkify.match(word) ?? []) if (from + m.index < end && from + m.lastIndex > start) return true;
  return false;
}

function recordPlainText(md: MarkdownIt): void {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const text = rules.find((r) => r.name === 'text')!.fn;
  md.inline.ruler.at('text', (state, silent) => {
    const start = state.pos;
    if (!text(state, silent)) return false;
    if (!silent) record(state, start, state.pos);
    return true;
  });
  // Last: reached only for a character every other rule refused.
  md.inline.ruler.push('briefing_link_char', (state, silent) => {
    if (silent) return false;
    record(state, state.pos, state.pos + 1);
    state.pending += state.src[state.pos++];
    return true;
  });
}

/**
 * Plain text counts only at the top level of its block: not inside a link's text (`linkLevel`),
 * and not in an image's description, which markdown-it parses again as a text of its own.
 */
function record(state: StateInline, start: number, end: number): void {
  const env = state.env as LinkEnv;
  if (state.linkLevel > 0 || state.src !== env.briefing.blockContent) return;
  env.plain(state.src, start, end);
}

function plainTextRanges(md: MarkdownIt, body: string): Ranges {
  // markdown-it reads CRLF and lone CR as line ends: split the same way, and keep where each line starts.
  const lines: string[] = [];
  const lineStarts: number[] = [];
  const eol = /\r\n?|\n/g;
  for (let at = 0; ;) {
    eol.lastIndex = at;
    const found = eol.exec(body);
    lineStarts.push(at);
    lines.push(body.slice(at, found ? found.index : body.length));
    if (!found) break;
    at = found.index + found[0].length;
  }
  const file = '';
  const ranges: Ranges = [];
  const briefing: DocumentContext = {
    file,
    root: '',
    bag: new DiagnosticBag(),
    positionAt: () => ({ file, line: 1, column: 1 }),
    blockPositions: bodyPositions(file, lines, 0),
    tableRowPositions: tableRowPositions(file, lines, 0),
    mentions: [],
    spans: [],
    blocks: [],
    braces: new BraceFinder(),
    labelOffsets: [],
  };
  const plain = (src: string, start: number, end: number): void => {
    // The block's position map (set by the annotation plugin's inline core rule) places the
    // range in the body. A range whose text is not found there exactly (a tab expanded in a list
    // item, an escaped "|" in a table cell, a NUL markdown-it replaced) is left out: the linker
    // never edits where it is not sure what it edits.
    const at = briefing.positionAt(start);
    const from = (lineStarts[at.line - 1] ?? -1) + at.column - 1;
    if (from >= 0 && body.slice(from, from + end - start) === src.slice(start, end)) add(from, from + end - start);
    // Not found as one piece: place it character by character, keeping what is found as written.
    else
      for (let k = start; k < end; k++) {
        const p = briefing.positionAt(k);
        const to = (lineStarts[p.line - 1] ?? -1) + p.column - 1;
        if (to >= 0 && body[to] === src[k]) add(to, to + 1);
      }
  };
  const add = (from: number, to: number): void => {
    if (ranges.length && ranges[ranges.length - 1] === from) ranges[ranges.length - 1] = to;
    else ranges.push(from, to);
  };
  const env: LinkEnv = { briefing, plain };
  md.parse(body, env);
  // Blocks are parsed in order, and a block's pieces left to right, so the ranges are sorted;
  // a table's cells are placed by their own maps, so make sure.
  for (let i = 2; i < ranges.length; i += 2) {
    if (ranges[i]! < ranges[i - 1]!) return sortRanges(ranges);
  }
  return ranges;
}

function sortRanges(ranges: Ranges): Ranges {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.flat();
}
