import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { EntityId, SourcePosition } from '../types.ts';
import { flat } from '../strings.ts';
import { contextOf, type DocumentContext, type PositionMap, type SpanAttributes, type SpanPlace } from './context.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Core rule replacing markdown-it's `inline`: the same loop, but before each block's inline text is
 * parsed it tells the document context how offsets in that text map to the source file, so inline
 * rules can report `path:line:column` without module state.
 *
 * Table cells have no line map of their own: their row's line (`tr_open`) is split into cells the
 * way markdown-it splits it, and the cells take those positions in order.
 */
function briefing_inline(state: StateCore): void {
  const ctx = contextOf(state.env);
  let rowCells: PositionMap[] = [];
  let cell = 0;
  let rowEnd: PositionMap | undefined;
  for (const tok of state.tokens) {
    if (tok.type === 'tr_open' && tok.map && ctx.tableRowPositions) {
      rowCells = ctx.tableRowPositions(tok.map[0]);
      cell = 0;
      const line = tok.map[0];
      rowEnd = ctx.blockPositions?.([line, line + 1], '');
    }
    if (tok.type !== 'inline') continue;
    if (ctx.blockPositions) {
      if (tok.map) ctx.positionAt = ctx.blockPositions(tok.map as [number, number], tok.content);
      // A table cell: its row's cells in order (markdown-it pads short rows with empty cells).
      else ctx.positionAt = rowCells[cell++] ?? rowEnd ?? ctx.positionAt;
    }
    ctx.blockContent = tok.content;
    state.md.inline.parse(tok.content, state.md, state.env, tok.children ?? (tok.children = []));
  }
}

interface OpenSpan {
  readonly token: Token;
  readonly start: number;
  readonly mentions: EntityId[];
}

/**
 * Core rule `briefing_collect`, after inline: gives every block holding text an anchor (`p-N`),
 * builds its plain text, and records each mention and span with its place in that text — the raw
 * material of snippets, co-occurrence, claims and quotes. One pass over the tokens.
 */
function briefing_collect(state: StateCore): void {
  const ctx = contextOf(state.env);
  const ids = new UniqueIds();
  let quoteCount = 0;
  let spanCount = 0;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.type !== 'inline' || !tok.children) continue;
    const block = ctx.blocks.length;
    const opener = anchorHolder(tokens, i);
    const anchor = ids.claim(opener?.attrGet('id') ?? paragraphId(block + 1));
    if (opener) opener.attrSet('id', anchor);

    let text = '';
    const open: OpenSpan[] = [];
    const walk = (children: readonly Token[]): void => {
      for (const child of children) {
        switch (child.type) {
          case 'text':
          case 'text_special':
          case 'code_inline':
            text += child.content;
            break;
          case 'softbreak':
          case 'hardbreak':
            text += ' ';
            break;
          case 'image':
            // The alt text, mentions included (an image's label is parsed like any text).
            walk(child.children ?? []);
            break;
          case 'entity_mention': {
            const start = text.length;
            text += child.content;
            recordMention(ctx, child, open, block, start);
            break;
          }
          case 'annotation_open':
            open.push({ token: child, start: text.length, mentions: [] });
            break;
          case 'annotation_close': {
            const span = open.pop();
            if (!span) break;
            const meta = span.token.meta as { attributes: SpanAttributes; at: SourcePosition };
            const attrs = meta.attributes;
            const spanAnchor = ids.claim(
              attrs.claim ? `claim-${attrs.claim}` : attrs.quote ? `quote-${++quoteCount}` : `span-${++spanCount}`,
            );
            span.token.attrSet('id', spanAnchor);
            // The span rule made the attributes object for this span alone, with a field per span
            // key (src/annotate/span-keys.ts): completed here, not copied, so every key reaches the
            // record. Fields set in one order, not spread: V8 gives every `{ ...x, y }` object its
            // own hidden class.
            const record = attrs as SpanAttributes & Writable<SpanPlace>;
            record.anchor = spanAnchor;
            record.at = meta.at;
            record.block = block;
            record.text = flat(text.slice(span.start).replace(/\s+/gu, ' ').trim());
            record.mentions = span.mentions;
            ctx.spans.push(record);
            // Mentions in a nested span belong to the enclosing spans too.
            for (const outer of open) for (const id of span.mentions) if (!outer.mentions.includes(id)) outer.mentions.push(id);
            break;
          }
        }
      }
    };
    walk(tok.children);
    ctx.blocks.push({ anchor, text: flat(text) });
  }
}

/** A mention, recorded with its place in its block's text (from `start`), and in every span open around it. */
function recordMention(ctx: DocumentContext, child: Token, open: readonly OpenSpan[], block: number, start: number): void {
  const end = start + child.content.length;
  const meta = child.meta as { id: EntityId; stub: boolean; target: string; at: SourcePosition };
  ctx.mentions.push({ entity: meta.id, target: meta.target, shown: child.content, stub: meta.stub, at: meta.at, block, start, end });
  for (const span of open) if (!span.mentions.includes(meta.id)) span.mentions.push(meta.id);
}

/**
 * `p-1`, `p-2`, …: each made once and shared by every document this thread annotates (200,000
 * anchors at 10,000 articles). Module state, but only a memo of strings: as long as the process,
 * as many as the longest document has paragraphs.
 */
const PARAGRAPH_IDS: string[] = [];
function paragraphId(n: number): string {
  return (PARAGRAPH_IDS[n] ??= `p-${n}`);
}

/** HTML ids of one document: `claim-x`, then `claim-x-2`, … never an id already given out. */
class UniqueIds {
  readonly #used = new Set<string>();
  /** Per base, the next number to try: k repeats of one claim cost O(k), not O(k²). */
  readonly #next = new Map<string, number>();
  claim(base: string): string {
    let id = base;
    let n = this.#next.get(base) ?? 2;
    while (this.#used.has(id)) id = `${base}-${n++}`;
    this.#next.set(base, n);
    this.#used.add(id);
    return id;
  }
}

/** The element that carries a block's anchor: its opener, or for a tight list's hidden paragraph, the list item. */
function anchorHolder(tokens: readonly Token[], inlineIndex: number): Token | undefined {
  for (let j = inlineIndex - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.nesting !== 1) return undefined;
    if (!t.hidden) return t;
  }
  return undefined;
}

/**
 * markdown-it's `image` rule parses its label as a separate string; this wrapper records where the
 * label starts in the block's text so rules inside it report the right column.
 */
function trackImageLabels(md: MarkdownIt): void {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: (state: StateInline, silent: boolean) => boolean }[] })
    .__rules__;
  const image = rules.find((r) => r.name === 'image')!.fn;
  md.inline.ruler.at('image', (state, silent) => {
    if (silent) return image(state, silent);
    const ctx = contextOf(state.env);
    const outer = ctx.labelOffsets[ctx.labelOffsets.length - 1];
    const inNested = ctx.blockContent !== undefined && state.src !== ctx.blockContent;
    ctx.labelOffsets.push((inNested ? (outer ?? 0) : 0) + state.pos + 2);
    try {
      return image(state, silent);
    } finally {
      ctx.labelOffsets.pop();
    }
  });
}

export function registerCollectRules(md: MarkdownIt): void {
  trackImageLabels(md);
  md.core.ruler.at('inline', briefing_inline);
  // Last, after linkify and text_join, so the children are final (escapes merged into text).
  md.core.ruler.push('briefing_collect', briefing_collect);
}
