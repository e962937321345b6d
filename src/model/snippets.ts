import { flat } from '../strings.ts';

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapeMap[c]!);
}

/** The longest stretch of text kept on each side of a mention inside a long sentence. */
const CONTEXT = 160;

/** How far around a mention the segmenter looks: more than CONTEXT, so a cut sentence still shows CONTEXT. */
const WINDOW = 2 * CONTEXT;

/**
 * The sentence around a mention, found with `Intl.Segmenter`, which knows each language's
 * sentence rules. Only a window around the mention is segmented, and `containing()` asks ICU for
 * the boundaries around one offset, so the cost is per mention shown, not per paragraph.
 */
export class SentenceIndex {
  readonly #segmenter: Intl.Segmenter;
  /** How many windows were segmented (counted by the scale test). */
  segmented = 0;

  constructor(language: string) {
    this.#segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  }

  /** The sentence around `[start, end)`, escaped, with the mention in `<mark>`. */
  snippet(text: string, start: number, end: number): string {
    const base = Math.max(0, start - WINDOW);
    const segments = this.#segmenter.segment(text.slice(base, Math.min(text.length, end + WINDOW)));
    this.segmented++;
    const first = segments.containing(start - base);
    // A mention can straddle a boundary the segmenter guessed (e.g. "U.S. officials"). Asked only
    // then: `containing` is most of a snippet's cost, and almost every mention ends in its sentence.
    const straddles = first === undefined || first.index + first.segment.length < end - base;
    const last = straddles ? segments.containing(end - 1 - base) : first;
    let from = first ? base + first.index : base;
    let to = last ? base + last.index + last.segment.length : Math.min(text.length, end + WINDOW);
    const lead = from < start - CONTEXT;
    const tail = to > end + CONTEXT;
    if (lead) from = wordAfter(text, start - CONTEXT, start);
    if (tail) to = wordBefore(text, end + CONTEXT, end);
    return flat(
      (lead ? '…' : '') +
        escapeHtml(text.slice(from, start).trimStart()) +
        '<mark>' +
        escapeHtml(text.slice(start, end)) +
        '</mark>' +
        escapeHtml(text.slice(end, to).trimEnd()) +
        (tail ? '…' : ''),
    );
  }
}

/**
 * How far a cut moves to reach a space: past it, the text is taken to be written without spaces
 * (Chinese, Japanese, Thai) and is cut where it was.
 */
const WORD = 30;

/** A cut at `at` moved forward to the start of a word (not past `limit`), so no word shows in part. */
function wordAfter(text: string, at: number, limit: number): number {
  for (let i = at; i < limit && i - at <= WORD; i++) if (isSpace(text.charCodeAt(i - 1))) return i;
  return at;
}

/** A cut at `at` moved back to the end of a word (not before `limit`). */
function wordBefore(text: string, at: number, limit: number): number {
  for (let i = at; i > limit && at - i <= WORD; i--) if (isSpace(text.charCodeAt(i))) return i;
  return at;
}

/** White space, as `\s` has it, without a regular expression for the common ASCII case. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}
