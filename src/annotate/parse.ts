import type MarkdownIt from 'markdown-it';
import type { DiagnosticBag } from '../diagnostics.ts';
import { BraceFinder } from './attribute-list.ts';
import { flat, flatten } from '../strings.ts';
import type { BodyHtml, HtmlSpill } from './spill.ts';
import type { EntityId, SourcePosition, SplitDocument } from '../types.ts';
import {
  bodyPositions,
  fragmentPositions,
  lazyFragmentPositions,
  tableRowPositions,
  type BlockRecord,
  type DocumentContext,
  type MentionRecord,
  type PositionMap,
  type SpanRecord,
} from './context.ts';

/** A document's Markdown turned into HTML plus what the annotations said (stage: annotate). */
export interface AnnotatedText {
  readonly html: string;
  readonly mentions: readonly MentionRecord[];
  readonly spans: readonly SpanRecord[];
  readonly blocks: readonly BlockRecord[];
}

/**
 * A text as the stages after annotate keep it: its mentions in columns. The parser's mention
 * records (entity, target, shown text, stub, position) are what its tests read and what its
 * diagnostics were made from; the model reads only which entity a mention names and where it
 * sits in its block. A big briefing has hundreds of thousands of mentions (314,000 at 10,000
 * articles), and each record is four heap objects with its position and strings: kept until the
 * model, they cost the annotate stage's garbage collector 0.15–0.35 s, and the annotation worker's
 * copies 0.43 s to read back (docs/performance.md). In columns they cost almost nothing.
 */
export interface KeptText<H extends BodyHtml = string> extends Omit<AnnotatedText, 'html' | 'mentions' | 'blocks'> {
  /** The HTML; an article body's may be spilled to a file until its page is rendered (src/annotate/spill.ts). */
  readonly html: H;
  readonly mentions: MentionColumns;
  /** The blocks in columns too: one object per paragraph, 200,000 at 10,000 articles, kept as long as the mentions. */
  readonly blocks: BlockColumns;
}

/** A text's mentions in document order, in columns. */
export interface MentionColumns {
  /** The entity each mention names. */
  readonly entities: readonly EntityId[];
  /** Three numbers per mention: its block (an index into `blocks`), and where its shown text starts and ends in that block's text. */
  readonly places: Int32Array;
}

/** A text's blocks in document order, in columns. */
export interface BlockColumns {
  /** Each block's HTML id. */
  readonly anchors: readonly string[];
  /** Each block's plain text. */
  readonly texts: readonly string[];
}

/** What the stages after annotate keep of an annotated text (see `KeptText`). */
export function keptText(text: AnnotatedText): KeptText {
  const { mentions } = text;
  const entities: EntityId[] = new Array<EntityId>(mentions.length);
  const places = new Int32Array(mentions.length * 3);
  mentions.forEach((m, i) => {
    entities[i] = m.entity;
    places[i * 3] = m.block;
    places[i * 3 + 1] = m.start;
    places[i * 3 + 2] = m.end;
  });
  const blocks = { anchors: text.blocks.map((b) => b.anchor), texts: text.blocks.map((b) => b.text) };
  return { html: text.html, mentions: { entities, places }, spans: text.spans, blocks };
}

/** An article body's kept text with its HTML spilled, when there is a spill file (src/annotate/spill.ts). */
export function spilled(text: KeptText, spill: HtmlSpill | undefined): KeptText<BodyHtml> {
  return spill ? { html: spill.put(text.html), mentions: text.mentions, spans: text.spans, blocks: text.blocks } : text;
}

/** What `annotateBody` reads of a document: a `SplitDocument`, or the part of one a worker is sent. */
export type BodySource = Pick<SplitDocument, 'body' | 'bodyLineOffset'> & { readonly source: Pick<SplitDocument['source'], 'path'> };

/** Parses and renders a document body for a page whose links start with `root` ("" or "../"). */
export function annotateBody(md: MarkdownIt, doc: BodySource, root: string, bag: DiagnosticBag): AnnotatedText {
  const file = doc.source.path;
  const ctx = newContext(file, root, bag, fragmentPositions({ file, line: doc.bodyLineOffset + 1, column: 1 }));
  const lines = doc.body.split('\n');
  const env = {
    briefing: {
      ...ctx,
      blockPositions: bodyPositions(file, lines, doc.bodyLineOffset),
      tableRowPositions: tableRowPositions(file, lines, doc.bodyLineOffset),
    },
  };
  const tokens = md.parse(doc.body, env);
  // Kept until the pages are written: one flat string, not the renderer's rope (src/strings.ts).
  const html = flatten(md.renderer.render(tokens, md.options, env));
  const { mentions, spans, blocks } = env.briefing;
  return { html, mentions, spans, blocks };
}

/**
 * Parses and renders one line of inline Markdown (an attribute value) found at `at`: the position
 * of its first character, or a function that maps each of its characters to the file, called only
 * if a diagnostic needs a position.
 */
export function annotateFragment(
  md: MarkdownIt,
  text: string,
  at: SourcePosition | { readonly file: string; readonly positions: () => PositionMap },
  root: string,
  bag: DiagnosticBag,
): AnnotatedText {
  const positions = 'positions' in at ? lazyFragmentPositions(at.file, at.positions) : fragmentPositions(at);
  const env = { briefing: newContext(at.file, root, bag, positions) };
  const tokens = md.parseInline(text, env);
  // Not `flatten`: a plain value renders to itself (nothing to escape), a slice of the front matter.
  const html = flat(md.renderer.render(tokens, md.options, env));
  const { mentions, spans, blocks } = env.briefing;
  return { html, mentions, spans, blocks };
}

/** An entity's attribute value (`attributes.<label>` in `doc`'s front matter), placed in the file only if a diagnostic needs a position. */
export function annotateAttribute(
  md: MarkdownIt,
  doc: SplitDocument,
  { label, value }: { readonly label: string; readonly value: string },
  root: string,
  bag: DiagnosticBag,
): AnnotatedText {
  return annotateFragment(md, value, { file: doc.source.path, positions: () => doc.locateText(['attributes', label], value) }, root, bag);
}

function newContext(file: string, root: string, bag: DiagnosticBag, positionAt: DocumentContext['positionAt']): DocumentContext {
  return { file, root, bag, positionAt, mentions: [], spans: [], blocks: [], braces: new BraceFinder(), labelOffsets: [] };
}
