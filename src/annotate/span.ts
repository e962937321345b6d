import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { isIsoDateError, parseIsoDate, type IsoDate } from '../content/dates.ts';
import type { EntityRegistry } from '../content/registry.ts';
import { ID_PATTERN, type ClaimId, type EntityId, type SourcePosition } from '../types.ts';
import { parseAttributeList, type RawAttribute } from './attribute-list.ts';
import { contextOf, positionIn, type DocumentContext, type SpanAttributes } from './context.ts';
import { flat } from '../strings.ts';
import { resolveTarget } from './resolve.ts';

export const SPAN_KEYS = ['claim', 'quote', 'date', 'about', 'conflicts'] as const;

/**
 * Inline rule `briefing_span`: `[inline Markdown]{key=value …}` (FORMAT.md §2).
 *
 * The label is found with markdown-it's own `parseLinkLabel`, the helper links use, so brackets,
 * code spans and mentions inside the text behave as in a link label, nested spans work, and the
 * label scan shares the inline parser's position cache (linear on pathological input). The text is
 * then tokenized like a link's, between `annotation_open` and `annotation_close`.
 */
export function spanRule(registry: EntityRegistry) {
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
      ctx.bag.error('unclosed-span', 'attribute span is not closed: add "}" after its attributes (a span ends within its paragraph)', pos(labelEnd + 1));
      return false;
    }

    let attributes: SpanAttributes = { about: [], conflicts: [], conflictsAt: [] };
    if (list.kind === 'malformed') ctx.bag.error('bad-span', list.message, pos(list.offset));
    else attributes = readAttributes(list.attributes, ctx, registry, pos, start);

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

function readAttributes(
  raw: readonly RawAttribute[],
  ctx: DocumentContext,
  registry: EntityRegistry,
  pos: (offset: number) => SourcePosition,
  spanStart: number,
): SpanAttributes {
  let claim: ClaimId | undefined;
  let quote: EntityId | undefined;
  let date: IsoDate | undefined;
  const about: EntityId[] = [];
  const conflicts: ClaimId[] = [];
  const conflictPositions: SourcePosition[] = [];
  const seen = new Set<string>();
  let conflictsAt: RawAttribute | undefined;
  let dateAt: RawAttribute | undefined;

  for (const attr of raw) {
    const keyAt = pos(attr.keyOffset);
    const valueAt = pos(attr.valueOffset);
    if (!(SPAN_KEYS as readonly string[]).includes(attr.key)) {
      ctx.bag.error('unknown-span-key', `unknown attribute "${attr.key}": a span takes ${SPAN_KEYS.join(', ')}`, keyAt);
      continue;
    }
    if (seen.has(attr.key)) {
      ctx.bag.error('duplicate-span-key', `attribute "${attr.key}" is given twice`, keyAt);
      continue;
    }
    seen.add(attr.key);
    switch (attr.key) {
      case 'claim':
        // A copy: the value is a slice of the body's source, which the model would keep alive (src/strings.ts).
        if (ID_PATTERN.test(attr.value)) claim = flat(attr.value) as ClaimId;
        else ctx.bag.error('bad-claim-id', `claim id "${attr.value}" is invalid: use lowercase letters, digits and hyphens (e.g. ${suggest(attr.value)})`, valueAt);
        break;
      case 'quote':
        quote = resolveTarget(registry, ctx.bag, attr.value.trim(), valueAt, 'quote speaker').id;
        break;
      case 'date': {
        const parsed = parseIsoDate(attr.value);
        if (isIsoDateError(parsed)) ctx.bag.error('bad-date', `date ${parsed.error}`, valueAt);
        else date = parsed;
        dateAt = attr;
        break;
      }
      case 'about':
        for (const item of splitList(attr.value)) about.push(resolveTarget(registry, ctx.bag, item.text, pos(attr.valueOffset + item.offset), 'about target').id);
        break;
      case 'conflicts':
        conflictsAt = attr;
        for (const item of splitList(attr.value)) {
          if (ID_PATTERN.test(item.text)) {
            conflicts.push(flat(item.text) as ClaimId);
            conflictPositions.push(pos(attr.valueOffset + item.offset));
          } else ctx.bag.error('bad-claim-id', `conflicting claim id "${item.text}" is invalid: use lowercase letters, digits and hyphens`, pos(attr.valueOffset + item.offset));
        }
        break;
    }
  }
  if (conflictsAt && !claim) ctx.bag.error('conflicts-without-claim', 'conflicts= needs claim= on the same span: only a claim can contradict another', pos(conflictsAt.keyOffset));
  if (dateAt && !claim && !quote) ctx.bag.error('date-without-subject', 'date= needs claim= or quote= on the same span: it dates a claim or a quotation', pos(dateAt.keyOffset));
  if (raw.length === 0) ctx.bag.error('empty-span', 'attribute span has no attributes: add claim=, quote=, date=, about= or conflicts=', pos(spanStart));
  return { claim, quote, date, about, conflicts, conflictsAt: conflictPositions };
}

/** A comma-separated list, each item with its offset in the value (for its diagnostic). */
function splitList(value: string): { text: string; offset: number }[] {
  const items: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const part of value.split(',')) {
    const text = part.trim();
    if (text) items.push({ text, offset: offset + part.indexOf(text) });
    offset += part.length + 1;
  }
  return items;
}

function suggest(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'launch-reported';
}

export function registerSpanRule(md: MarkdownIt, registry: EntityRegistry): void {
  md.inline.ruler.after('briefing_mention', 'briefing_span', spanRule(registry));
}
