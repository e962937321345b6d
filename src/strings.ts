/**
 * A string built by `+=` is a rope in V8: a tree of pieces, one small heap object per piece,
 * and a slice keeps its whole parent alive. Strings the model keeps for the whole build (page
 * HTML, block text, snippets) are made flat once, so the heap holds one object per string
 * instead of hundreds; at 10,000 articles that is millions fewer objects for every garbage
 * collection to trace (docs/performance.md). Reading a character is what makes V8 flatten a rope
 * in place; a copy through concatenation with a flattening read detaches a slice from its parent.
 */
export function flat(s: string): string {
  // Too short to be a rope or a slice: V8 copies strings under 13 characters.
  if (s.length < 13) return s;
  // `charCodeAt` flattens a rope in place (its pieces become garbage). A slice stays a slice, so
  // copy it first: concatenating two parts gives a rope over them, which the read then flattens.
  const copy = s.slice(0, 1) + s.slice(1);
  copy.charCodeAt(0);
  return copy;
}

/**
 * `flat` for a string built by concatenation of many pieces (a page, a body's rendered HTML),
 * which is a rope and never a slice: reading a character flattens it in place, one copy. `flat` would copy it twice (the
 * slice flattens the rope, the read flattens the new rope over the two slices), which for the
 * pages of a big briefing is hundreds of megabytes copied for nothing.
 */
export function flatten(rope: string): string {
  rope.charCodeAt(0);
  return rope;
}

/**
 * The index of the last line starting at or before `offset`, by binary search over the lines'
 * start offsets (ascending, the first 0): where a diagnostic or a note finds its line.
 */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
