import type { BlockRecord } from '../annotate/context.ts';

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapeMap[c]!);
}

/** The longest stretch of text kept on each side of a mention inside a long sentence. */
const CONTEXT = 160;

/**
 * The sentence around a mention, found with `Intl.Segmenter`, which knows each language's
 * sentence rules. `containing()` asks ICU for the boundaries around one offset only, so the cost
 * is per mention, not per paragraph; the `Segments` of a block are made once and reused.
 */
export class SentenceIndex {
  readonly #cache = new WeakMap<BlockRecord, Intl.Segments>();
  readonly #segmenter: Intl.Segmenter;
  /** How many blocks were handed to the segmenter: the scale test asserts this grows linearly. */
  segmented = 0;

  constructor(language: string) {
    this.#segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  }

  #segments(block: BlockRecord): Intl.Segments {
    let segments = this.#cache.get(block);
    if (!segments) {
      segments = this.#segmenter.segment(block.text);
      this.#cache.set(block, segments);
      this.segmented++;
    }
    return segments;
  }

  /** The sentence around `[start, end)`, escaped, with the mention in `<mark>`. */
  snippet(block: BlockRecord, start: number, end: number): string {
    const segments = this.#segments(block);
    const first = segments.containing(start);
    // A mention can straddle a boundary the segmenter guessed (e.g. "U.S. officials").
    const last = end - 1 > start ? segments.containing(end - 1) : first;
    const text = block.text;
    let from = first ? first.index : 0;
    let to = last ? last.index + last.segment.length : text.length;
    const lead = from < start - CONTEXT;
    const tail = to > end + CONTEXT;
    if (lead) from = start - CONTEXT;
    if (tail) to = end + CONTEXT;
    return (
      (lead ? '…' : '') +
      escapeHtml(text.slice(from, start).trimStart()) +
      '<mark>' +
      escapeHtml(text.slice(start, end)) +
      '</mark>' +
      escapeHtml(text.slice(end, to).trimEnd()) +
      (tail ? '…' : '')
    );
  }
}
