import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { EntityRegistry } from '../content/registry.ts';
import { contextOf, positionIn } from './context.ts';
import { resolveTarget } from './resolve.ts';

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const PIPE = 0x7c; // |
const NEWLINE = 0x0a;

/**
 * Inline rule `briefing_mention`: `[[Target]]` and `[[Target|shown text]]`.
 *
 * The scan stops at the first `[` or `]`, so every character is looked at by at most one open
 * `[[` and the rule stays linear on `[[[[…` (markdown-it's pathological cases). Code spans,
 * autolinks and linkified URLs are consumed by their own rules before `[` is reached, and
 * `\[` is consumed by the escape rule, which is how those contexts stay literal.
 */
function mentionRule(registry: EntityRegistry) {
  return function briefing_mention(state: StateInline, silent: boolean): boolean {
    // Silent mode is markdown-it scanning a link's label: a mention there must look like plain
    // brackets, or the link rule (which refuses nested links) would drop the link around it.
    if (silent) return false;
    const src = state.src;
    const start = state.pos;
    const max = state.posMax;
    if (src.charCodeAt(start) !== OPEN || src.charCodeAt(start + 1) !== OPEN) return false;

    let pipe = -1;
    let newlines = 0;
    let pos = start + 2;
    for (; pos < max; pos++) {
      const c = src.charCodeAt(pos);
      if (c === OPEN) return false;
      if (c === CLOSE) break;
      if (c === PIPE && pipe === -1) pipe = pos;
      // A mention may wrap once, as a name does in a soft-wrapped paragraph; no further.
      if (c === NEWLINE && ++newlines > 1) return false;
    }
    if (pos + 1 >= max || src.charCodeAt(pos) !== CLOSE || src.charCodeAt(pos + 1) !== CLOSE) return false;

    const inner = src.slice(start + 2, pos);
    const target = (pipe === -1 ? inner : src.slice(start + 2, pipe)).replace(/\s+/gu, ' ').trim();
    const shown = (pipe === -1 ? inner : src.slice(pipe + 1, pos)).replace(/\s+/gu, ' ').trim();
    if (!target || !shown) return false;
    if (insideFuzzyUrl(state, start)) return false;

    const ctx = contextOf(state.env);
    const at = positionIn(ctx, src, start);
    const resolved = resolveTarget(registry, ctx.bag, target, at, 'mention');
    const token = state.push('entity_mention', 'a', 0);
    token.content = shown;
    // A mention inside a link's text cannot be a link itself (no <a> inside <a>).
    // Fields written out, not spread: V8 gives every `{ ...x, y }` object its own hidden class.
    token.meta = { id: resolved.id, stub: resolved.stub, target, at, inLink: state.linkLevel > 0 };
    state.pos = pos + 2;
    return true;
  };
}

/**
 * Whether `[[` continues a scheme-less URL ("www.example.com/[[x]]"). markdown-it links those in
 * a core rule that runs after inline parsing, so without this check the mention would cut the URL.
 * Only the word before `[[` is looked at, so the check is bounded by one word.
 */
function insideFuzzyUrl(state: StateInline, start: number): boolean {
  if (!state.md.options.linkify || start === 0) return false;
  const before = state.src[start - 1]!;
  // A URL before "[[" ends in a path character; a mention right after another ("]]") or after
  // a space cannot be inside one. This keeps runs of mentions without spaces linear.
  if (before === ']' || /\s/.test(before)) return false;
  let from = start;
  const limit = Math.max(0, start - MAX_URL_WORD);
  while (from > limit && !/\s/.test(state.src[from - 1]!)) from--;
  const word = state.src.slice(from, start);
  return word.includes('/') && state.md.linkify.test(word);
}

/** Longest word looked back over for a URL (longer URLs before a mention are not detected). */
const MAX_URL_WORD = 512;

export function registerMentionRule(md: MarkdownIt, registry: EntityRegistry): void {
  md.inline.ruler.before('link', 'briefing_mention', mentionRule(registry));
}
