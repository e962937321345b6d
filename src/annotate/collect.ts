import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { EntityId, SourcePosition } from '../types.ts';
import { contextOf, type SpanAttributes } from './context.ts';

/**
 * Core rule replacing markdown-it's `inline`: the same loop, but before each block's inline text is
 * parsed it tells the document context how offsets in that text map to the source file, so inline
 * rules can report `path:line:column` without module state.
 */
function briefing_inline(state: StateCore): void {
  const ctx = contextOf(state.env);
  for (const tok of state.tokens) {
    if (tok.type !== 'inline') continue;
    if (ctx.blockPositions && tok.map) ctx.positionAt = ctx.blockPositions(tok.map as [number, number], tok.content);
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
  const claimAnchors = new Map<string, number>();
  let quoteCount = 0;
  let spanCount = 0;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.type !== 'inline' || !tok.children) continue;
    const block = ctx.blocks.length;
    const anchor = `p-${block + 1}`;
    const opener = anchorHolder(tokens, i);
    if (opener && !opener.attrGet('id')) opener.attrSet('id', anchor);

    let text = '';
    const open: OpenSpan[] = [];
    for (const child of tok.children) {
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
          text += child.content;
          break;
        case 'entity_mention': {
          const meta = child.meta as { id: EntityId; stub: boolean; target: string; at: SourcePosition };
          const start = text.length;
          text += child.content;
          ctx.mentions.push({ entity: meta.id, target: meta.target, shown: child.content, stub: meta.stub, at: meta.at, block, start, end: text.length });
          for (const span of open) if (!span.mentions.includes(meta.id)) span.mentions.push(meta.id);
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
          const spanAnchor = attrs.claim
            ? numbered(`claim-${attrs.claim}`, claimAnchors)
            : attrs.quote
              ? `quote-${++quoteCount}`
              : `span-${++spanCount}`;
          span.token.attrSet('id', spanAnchor);
          ctx.spans.push({
            ...attrs,
            anchor: spanAnchor,
            at: meta.at,
            block,
            text: text.slice(span.start).replace(/\s+/gu, ' ').trim(),
            mentions: span.mentions,
          });
          // Mentions in a nested span belong to the enclosing spans too.
          for (const outer of open) for (const id of span.mentions) if (!outer.mentions.includes(id)) outer.mentions.push(id);
          break;
        }
      }
    }
    ctx.blocks.push({ anchor: opener ? (opener.attrGet('id') ?? anchor) : anchor, text });
  }
}

/** `claim-x`, then `claim-x-2`, … when one document reports the same claim twice. */
function numbered(base: string, seen: Map<string, number>): string {
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
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

export function registerCollectRules(md: MarkdownIt): void {
  md.core.ruler.at('inline', briefing_inline);
  // Last, after linkify and text_join, so the children are final (escapes merged into text).
  md.core.ruler.push('briefing_collect', briefing_collect);
}

