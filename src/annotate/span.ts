import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { EntityRegistry } from '../content/registry.ts';
import type { SourcePosition } from '../types.ts';
import { parseAttributeList } from './attribute-list.ts';
import { contextOf, positionIn } from './context.ts';
import { emptyAttributes, readSpanAttributes, SPAN_KEYS, type SpanKeyTable } from './span-keys.ts';

/**
 * Inline rule `briefing_span`: `[inline Markdown]{key=value …}` (FORMAT.md §2).
 *
 * The label is found with markdown-it's own `parseLinkLabel`, the helper links use, so brackets,
 * code spans and mentions inside the text behave as in a link label, nested spans work, and the
 * label scan shares the inline parser's position cache (linear on pathological input). The text is
 * then tokenized like a link's, between `annotation_open` and `annotation_close`.
 */
function spanRule(registry: EntityRegistry, keys: SpanKeyTable = SPAN_KEYS) {
  return function briefing_span(state: StateInline, silent: boolean): boolean {
    // Silent mode is markdown-it scanning a link's label: a span there must look like plain
    // brackets, or the link rule (which refuses nested links) would drop the link around it.
    if (silent) return false;
    const start = state.pos;
    const max = state.posMax;
    if (state.src.charCodeAt(start) !== 0x5b /* [ */) return false;

    const labelEnd = state.md.helpers.parseLinkLabel(state, start, false);
    if (labelEnd < 0 || labelEnd + 1 >= max || state.src.charCodeAt(labelEnd + 1) !== 0x7b /* { */) return false;

    const ctx = contextOf(state.env);
    const pos = (offset: number): SourcePosition => positionIn(ctx, state.src, offset);
    const list = parseAttributeList(state.src, labelEnd + 1, max, ctx.braces);
    if (list.kind === 'unclosed') {
      ctx.bag.error(
        'unclosed-span',
        'attribute span is not closed: add "}" after its attributes (a span ends within its paragraph)',
        pos(labelEnd + 1),
      );
      return false;
    }

    // Made for this span alone: the collect rule completes it into the span's record.
    let attributes;
    if (list.kind === 'malformed') {
      ctx.bag.error('bad-span', list.message, pos(list.offset));
      attributes = emptyAttributes(keys);
    } else attributes = readSpanAttributes(keys, list.attributes, { bag: ctx.bag, registry, pos }, start);

    const open = state.push('annotation_open', 'span', 1);
    open.meta = { attributes, at: pos(start) };
    const oldMax = state.posMax;
    state.pos = start + 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push('annotation_close', 'span', -1);
    state.pos = list.end;
    return true;
  };
}

export function registerSpanRule(md: MarkdownIt, registry: EntityRegistry, keys: SpanKeyTable = SPAN_KEYS): void {
  md.inline.ruler.after('briefing_mention', 'briefing_span', spanRule(registry, keys));
}
