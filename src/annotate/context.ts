import type { DiagnosticBag } from '../diagnostics.ts';
import type { EntityId, SourcePosition } from '../types.ts';
import type { SpanAttributes } from './span-keys.ts';
import { lineAt } from '../strings.ts';
import type { BraceFinder } from './attribute-list.ts';

/** A resolved `[[mention]]`, as collected while parsing one document. */
export interface MentionRecord {
  readonly entity: EntityId;
  readonly target: string;
  readonly shown: string;
  readonly stub: boolean;
  readonly at: SourcePosition;
  /** Index into `DocumentContext.blocks`. */
  readonly block: number;
  /** Where the shown text sits in the block's plain text. */
  readonly start: number;
  readonly end: number;
}

/** The attributes of one `[text]{…}` span, validated: a field per key of `SPAN_KEYS`. */
export type { SpanAttributes } from './span-keys.ts';

/**
 * A span's attributes, then where it is and what it holds (src/annotate/collect.ts). A span key
 * named like a place field would be overwritten by it, so then no field of a record type-checks.
 */
export type SpanRecord = [Extract<keyof SpanAttributes, keyof SpanPlace>] extends [never]
  ? SpanAttributes & SpanPlace
  : { readonly 'a span key has the name of a SpanPlace field': Extract<keyof SpanAttributes, keyof SpanPlace> };

export interface SpanPlace {
  /** The HTML id of the span in its page: what citations link to. */
  readonly anchor: string;
  readonly at: SourcePosition;
  readonly block: number;
  /** The span's text as plain text (the source's own wording). */
  readonly text: string;
  /** Entities mentioned inside the span, in order, without repeats. */
  readonly mentions: readonly EntityId[];
}

/** A paragraph, heading or cell: the unit for anchors, snippets and co-occurrence. */
export interface BlockRecord {
  readonly anchor: string;
  readonly text: string;
}

/** Maps an offset in the inline text being parsed to a position in the source file. */
export type PositionMap = (offset: number) => SourcePosition;

/**
 * Per-document state, kept in markdown-it's `env` under `briefing` (never in module state),
 * so one parser instance serves every document and every build.
 */
export interface DocumentContext {
  readonly file: string;
  /** Prefix that makes a root-relative page path relative to the page this document renders into. */
  readonly root: string;
  readonly bag: DiagnosticBag;
  /** How offsets in the current inline text map to the file; set per block by the core rule. */
  positionAt: PositionMap;
  /** Position maps for the cells of the table row on a body line (0-based), for bodies. */
  readonly tableRowPositions?: (line: number) => PositionMap[];
  /** Builds the position map for a block from its line map and content (bodies), or undefined for fragments. */
  readonly blockPositions?: (map: readonly [number, number], content: string, fromColumn?: number) => PositionMap;
  /** The inline text of the current block; nested parses (an image's label) are located inside it. */
  blockContent?: string;
  /** Offsets in the block's text where the labels of the images being parsed begin (innermost last). */
  readonly labelOffsets: number[];
  readonly mentions: MentionRecord[];
  readonly spans: SpanRecord[];
  readonly blocks: BlockRecord[];
  /** Remembers where the next `}` is, so attribute lists are found in linear time. */
  readonly braces: BraceFinder;
}

export interface AnnotationEnv {
  briefing?: DocumentContext;
}

/**
 * The source position of `offset` in the text an inline rule is parsing. That is usually the
 * block's text; an image's label is parsed again on its own, so find it inside the block first.
 */
export function positionIn(ctx: DocumentContext, src: string, offset: number): SourcePosition {
  if (ctx.blockContent === undefined || src === ctx.blockContent) return ctx.positionAt(offset);
  const base = ctx.labelOffsets[ctx.labelOffsets.length - 1] ?? Math.max(0, ctx.blockContent.indexOf(src));
  return ctx.positionAt(base + offset);
}

export function contextOf(env: unknown): DocumentContext {
  const ctx = (env as AnnotationEnv | undefined)?.briefing;
  if (!ctx) throw new Error('annotation parser used without a DocumentContext in env.briefing');
  return ctx;
}

/**
 * Position map for a Markdown body: markdown-it gives each block its source lines (`map`), and its
 * inline content is those lines with block markers and indentation removed from the left (and the
 * last line trimmed on the right). So each content line is the tail of its source line.
 */
export function bodyPositions(file: string, bodyLines: readonly string[], bodyLineOffset: number) {
  return (map: readonly [number, number], content: string, fromColumn = 0): PositionMap => {
    const starts = [0];
    for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) starts.push(i + 1);
    const columnBase = starts.map((start, k) => {
      const end = k + 1 < starts.length ? starts[k + 1]! - 1 : content.length;
      const line = content.slice(start, end);
      // markdown-it replaces NUL with U+FFFD before parsing; compare with the same text.
      const src = (bodyLines[map[0] + k] ?? '').replace(/\0/g, '\uFFFD');
      if (fromColumn === 0 && src.endsWith(line)) return src.length - line.length;
      const trimmed = src.trimEnd();
      if (fromColumn === 0 && trimmed.endsWith(line)) return trimmed.length - line.length;
      // A tab partly inside a list item's indent becomes spaces in the content: match the text
      // after the leading whitespace, and count the content's own leading spaces back.
      const text = line.trimStart();
      if (fromColumn === 0 && text && trimmed.endsWith(text.trimEnd()))
        return trimmed.length - text.trimEnd().length - (line.length - text.length);
      return Math.max(0, src.indexOf(line, fromColumn));
    });
    return (offset) => {
      // The content line holding `offset`.
      const lo = lineAt(starts, offset);
      return {
        file,
        line: bodyLineOffset + map[0] + lo + 1,
        column: columnBase[lo]! + (offset - starts[lo]!) + 1,
      };
    };
  };
}

/** Position map for a one-line fragment (a front-matter value) that starts at `base`. */
export function fragmentPositions(base: SourcePosition): PositionMap {
  return (offset) => ({ file: base.file, line: base.line, column: base.column + offset });
}

/**
 * The position map of a fragment (a front-matter value), made only if a position is read: `map`
 * runs at most once, when a line or column is first read. Finding where a value's characters are
 * written means parsing the YAML again with positions (`SplitDocument.locateText`), about 0.2 ms
 * a profile, 0.4 s at 2,000 profiles; a position is read only for a diagnostic. The positions are
 * plain objects with getters of their own, so they print, compare and cross to other threads as
 * the values they stand for.
 */
export function lazyFragmentPositions(file: string, map: () => PositionMap): PositionMap {
  let positions: PositionMap | undefined;
  const at = (offset: number): SourcePosition => (positions ??= map())(offset);
  return (offset) => ({
    file,
    get line() {
      return at(offset).line;
    },
    get column() {
      return at(offset).column;
    },
  });
}

/**
 * Position maps for the cells of a table row, found the way markdown-it's table rule splits a
 * row (`escapedSplit`): at each `|` not preceded by a backslash, the row trimmed, an empty first
 * and last cell dropped, each cell trimmed; an escaped `\|` loses its backslash in the content, so
 * offsets after it are one column further right in the source.
 */
export function tableRowPositions(file: string, bodyLines: readonly string[], bodyLineOffset: number) {
  return (line: number): PositionMap[] => {
    const src = bodyLines[line] ?? '';
    const from = src.length - src.trimStart().length;
    const to = src.trimEnd().length;
    const cells: { start: number; end: number; escapes: number[] }[] = [];
    let start = from;
    let escapes: number[] = [];
    for (let pos = from; pos < to; pos++) {
      if (src.charCodeAt(pos) !== 0x7c /* | */) continue;
      if (pos > from && src.charCodeAt(pos - 1) === 0x5c /* \ */) {
        escapes.push(pos - 1);
        continue;
      }
      cells.push({ start, end: pos, escapes });
      start = pos + 1;
      escapes = [];
    }
    cells.push({ start, end: to, escapes });
    if (cells.length && cells[0]!.end === cells[0]!.start) cells.shift();
    if (cells.length && cells[cells.length - 1]!.end === cells[cells.length - 1]!.start) cells.pop();
    return cells.map(({ start: s, end, escapes: esc }) => {
      let contentStart = s;
      while (contentStart < end && /\s/.test(src[contentStart]!)) contentStart++;
      return (offset: number): SourcePosition => {
        // Each removed backslash before this point of the content shifts the source by one.
        let column = contentStart + offset;
        for (const e of esc) if (e >= contentStart && e <= column) column++;
        return { file, line: bodyLineOffset + line + 1, column: column + 1 };
      };
    });
  };
}
