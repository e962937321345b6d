import type { BlockRecord } from '../annotate/context.ts';

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapeMap[c]!);
}

/** The longest stretch of text kept on each side of a mention inside a long sentence. */
const CONTEXT = 160;

/**
 * Sentence boundaries of a block, computed once per block (not per mention) with
 * `Intl.Segmenter`, which knows each language's sentence rules.
 */
export class SentenceIndex {
  readonly #cache = new WeakMap<BlockRecord, number[]>();
  readonly #segmenter: Intl.Segmenter;
  /** How many blocks were segmented: the scale test asserts this grows linearly. */
  segmented = 0;

  constructor(language: string) {
    this.#segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  }

  /** Start offsets of the block's sentences. */
  starts(block: BlockRecord): number[] {
    let starts = this.#cache.get(block);
    if (!starts) {
      starts = [];
      for (const s of this.#segmenter.segment(block.text)) starts.push(s.index);
      this.#cache.set(block, starts);
      this.segmented++;
    }
    return starts;
  }

  /** The sentence around `[start, end)`, escaped, with the mention in `<mark>`. */
  snippet(block: BlockRecord, start: number, end: number): string {
    const starts = this.starts(block);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    let from = starts[lo] ?? 0;
    // A mention can straddle a sentence boundary the segmenter guessed (e.g. "U.S. officials").
    let to = block.text.length;
    for (let k = lo + 1; k < starts.length; k++) {
      if (starts[k]! >= end) {
        to = starts[k]!;
        break;
      }
    }
    const lead = from < start - CONTEXT;
    const tail = to > end + CONTEXT;
    if (lead) from = start - CONTEXT;
    if (tail) to = end + CONTEXT;
    const text = block.text;
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
