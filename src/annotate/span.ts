import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { isIsoDateError, parseIsoDate, type IsoDate } from '../content/dates.ts';
import type { EntityRegistry } from '../model/registry.ts';
import { ID_PATTERN, type ClaimId, type EntityId } from '../types.ts';
import { parseAttributeList, type RawAttribute } from './attribute-list.ts';
import { contextOf, type DocumentContext, type SpanAttributes } from './context.ts';
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
    const start = state.pos;
    const max = state.posMax;
    if (state.src.charCodeAt(start) !== 0x5b /* [ */) return false;

    const labelEnd = state.md.helpers.parseLinkLabel(state, start, false);
    if (labelEnd < 0 || labelEnd + 1 >= max || state.src.charCodeAt(labelEnd + 1) !== 0x7b /* { */) return false;

    const list = parseAttributeList(state.src, labelEnd + 1, max);
    if (list.kind === 'unclosed') {
      if (!silent) {
        const ctx = contextOf(state.env);
        ctx.bag.error('unclosed-span', 'attribute span is not closed: add "}" after its attributes (a span ends within its paragraph)', ctx.positionAt(labelEnd + 1));
      }
      return false;
    }
    if (silent) {
      state.pos = list.end;
      return true;
    }

    const ctx = contextOf(state.env);
    let attributes: SpanAttributes = { about: [], conflicts: [] };
    if (list.kind === 'malformed') ctx.bag.error('bad-span', list.message, ctx.positionAt(list.offset));
    else attributes = readAttributes(list.attributes, ctx, registry, ctx.positionAt(start));

    const open = state.push('annotation_open', 'span', 1);
    open.meta = { attributes, at: ctx.positionAt(start) };
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
  spanAt: ReturnType<DocumentContext['positionAt']>,
): SpanAttributes {
  let claim: ClaimId | undefined;
  let quote: EntityId | undefined;
  let date: IsoDate | undefined;
  const about: EntityId[] = [];
  const conflicts: ClaimId[] = [];
  const seen = new Set<string>();
  let conflictsAt: RawAttribute | undefined;
  let dateAt: RawAttribute | undefined;

  for (const attr of raw) {
    const keyAt = ctx.positionAt(attr.keyOffset);
    const valueAt = ctx.positionAt(attr.valueOffset);
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
        if (ID_PATTERN.test(attr.value)) claim = attr.value as ClaimId;
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
        for (const target of splitList(attr.value)) about.push(resolveTarget(registry, ctx.bag, target, valueAt, 'about target').id);
        break;
      case 'conflicts':
        conflictsAt = attr;
        for (const id of splitList(attr.value)) {
          if (ID_PATTERN.test(id)) conflicts.push(id as ClaimId);
          else ctx.bag.error('bad-claim-id', `conflicting claim id "${id}" is invalid: use lowercase letters, digits and hyphens`, valueAt);
        }
        break;
    }
  }
  if (conflictsAt && !claim) ctx.bag.error('conflicts-without-claim', 'conflicts= needs claim= on the same span: only a claim can contradict another', ctx.positionAt(conflictsAt.keyOffset));
  if (dateAt && !claim && !quote) ctx.bag.error('date-without-subject', 'date= needs claim= or quote= on the same span: it dates a claim or a quotation', ctx.positionAt(dateAt.keyOffset));
  if (raw.length === 0) ctx.bag.error('empty-span', 'attribute span has no attributes: add claim=, quote=, date=, about= or conflicts=', spanAt);
  return { claim, quote, date, about, conflicts };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function suggest(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'launch-reported';
}

export function registerSpanRule(md: MarkdownIt, registry: EntityRegistry): void {
  md.inline.ruler.after('briefing_mention', 'briefing_span', spanRule(registry));
}
