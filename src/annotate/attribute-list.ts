/**
 * The `{key=value key="value with spaces"}` list after an attribute span.
 *
 * Written by hand rather than taken from markdown-it-attrs: that plugin turns any key into an HTML
 * attribute (so `{onerror=…}` reaches the page and `{href=…}` overrides validated links) and does
 * not report positions. Here the keys are data for the model, never HTML, and every problem is
 * reported at its offset.
 */

export interface RawAttribute {
  readonly key: string;
  readonly value: string;
  /** Offsets into the source string. */
  readonly keyOffset: number;
  readonly valueOffset: number;
}

export type AttributeListResult =
  | { readonly kind: 'ok'; readonly attributes: readonly RawAttribute[]; readonly end: number }
  | { readonly kind: 'unclosed' }
  | { readonly kind: 'malformed'; readonly offset: number; readonly message: string; readonly end: number };

/** Longest attribute list accepted; keeps a stray `{` from scanning a 10 MB paragraph more than once. */
const MAX_LENGTH = 4096;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n';
const isKeyChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/**
 * Finds the next `}` at or after an offset, remembering the answer: spans are met left to right,
 * so a paragraph of 100,000 `[x]{` with no `}` costs one scan, not one scan per `{`.
 */
export class BraceFinder {
  #src = '';
  #from = 0;
  #at = -1;

  next(src: string, from: number): number {
    if (src !== this.#src || from < this.#from || (this.#at !== -1 && from > this.#at)) {
      this.#src = src;
      this.#from = from;
      this.#at = src.indexOf('}', from);
    }
    return this.#at;
  }
}

/**
 * Parses from `open` (the index of `{`) up to `max`. `end` is the index just past `}`; a `}`
 * inside a double-quoted value does not close the list. A list with no closing `}` before `max`,
 * or within MAX_LENGTH, is unclosed.
 */
export function parseAttributeList(src: string, open: number, max: number, braces = new BraceFinder()): AttributeListResult {
  const close = findClose(src, open, Math.min(max, open + MAX_LENGTH), braces);
  if (close === -1) return { kind: 'unclosed' };
  const end = close + 1;
  const attributes: RawAttribute[] = [];
  let pos = open + 1;
  for (;;) {
    while (pos < close && isSpace(src[pos])) pos++;
    if (pos >= close) break;
    const keyOffset = pos;
    while (pos < close && isKeyChar(src[pos])) pos++;
    const key = src.slice(keyOffset, pos);
    if (!key) return { kind: 'malformed', offset: pos, message: `unexpected "${src[pos]}" in attribute list: expected key=value`, end };
    if (src[pos] !== '=') return { kind: 'malformed', offset: pos, message: `attribute "${key}" has no value: write ${key}=value`, end };
    pos++;
    let value: string;
    let valueOffset = pos;
    if (src[pos] === '"') {
      const closeQuote = src.indexOf('"', pos + 1);
      // findClose skipped quoted strings, so a closing quote before `close` exists when the list is closed.
      if (closeQuote === -1 || closeQuote > close)
        return { kind: 'malformed', offset: pos, message: `attribute "${key}" has an unclosed quoted value`, end };
      valueOffset = pos + 1;
      value = src.slice(pos + 1, closeQuote);
      pos = closeQuote + 1;
      if (pos < close && !isSpace(src[pos])) return { kind: 'malformed', offset: pos, message: 'expected a space between attributes', end };
    } else {
      while (pos < close && !isSpace(src[pos]) && src[pos] !== '"') pos++;
      value = src.slice(valueOffset, pos);
      if (src[pos] === '"')
        return { kind: 'malformed', offset: pos, message: `unexpected quote in the value of "${key}": quote the whole value`, end };
      const spaced = wordsAfter(src, pos, close);
      if (spaced > pos) return { kind: 'malformed', offset: valueOffset, message: quoteHint(key, src.slice(valueOffset, spaced)), end };
    }
    if (value === '') return { kind: 'malformed', offset: valueOffset, message: `attribute "${key}" has an empty value`, end };
    attributes.push({ key, value, keyOffset, valueOffset });
  }
  return { kind: 'ok', attributes, end };
}

/**
 * Where the words after an unquoted value end, when they hold no `=` or `"` and so cannot be
 * attributes: `quote=Wes Moore` is a value with a space, not an attribute "Moore". `from` when
 * the next word is an attribute (or there is none).
 */
function wordsAfter(src: string, from: number, close: number): number {
  let end = from;
  let pos = from;
  for (;;) {
    while (pos < close && isSpace(src[pos])) pos++;
    const word = pos;
    while (pos < close && !isSpace(src[pos]) && src[pos] !== '=' && src[pos] !== '"') pos++;
    if (pos === word || (pos < close && !isSpace(src[pos]))) return end;
    end = pos;
  }
}

/** Longest value a diagnostic repeats; the author's text may be very long. */
const SHOWN = 60;

function quoteHint(key: string, value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  const shown = flat.length > SHOWN ? `${flat.slice(0, SHOWN)}…` : flat;
  return `the value of "${key}" has spaces: put it in quotes, ${key}="${shown}"`;
}

/**
 * The `}` that closes the list opened at `open`: the first one (from the shared BraceFinder, so
 * a run of unclosed lists is scanned once) unless an odd number of quotes before it puts it
 * inside a quoted value; then the next one after the closing quote. Bounded by `limit`.
 */
function findClose(src: string, open: number, limit: number, braces: BraceFinder): number {
  let close = braces.next(src, open + 1);
  let from = open + 1;
  let quotes = 0;
  while (close !== -1 && close < limit) {
    for (let i = from; i < close; i++) if (src.charCodeAt(i) === 0x22 /* " */) quotes++;
    if (quotes % 2 === 0) return close;
    const endQuote = src.indexOf('"', close + 1);
    if (endQuote === -1 || endQuote >= limit) return -1;
    quotes++;
    from = endQuote + 1;
    close = src.indexOf('}', from);
  }
  return -1;
}
