import type { AsPlainObject, Options } from 'minisearch';

/**
 * MiniSearch's serialised index (`toJSON()`, read back by `MiniSearch.loadJSON` in the browser),
 * made without building MiniSearch's in-memory index first.
 *
 * Written by hand because MiniSearch has no bulk path: `addAll` inserts every token into its
 * radix tree (`SearchableMap`), and each insert walks the tree comparing the key with every
 * child of every node it passes. At 10,000 articles that is 6 million inserts and about 10 s of
 * CPU, 80% of the whole index stage (docs/performance.md). Here each document's terms are
 * counted in a hash map and appended to per-term postings; the result is the same object
 * `toJSON()` returns — same documents, ids, field lengths, running averages, stored fields and
 * term frequencies — with the terms in first-seen order instead of the tree's order (loadJSON
 * reads them in any order). `test/unit/search-index.test.ts` checks the equality against
 * MiniSearch itself on real and random documents, and that a search gives the same results.
 *
 * It follows MiniSearch 7's `add` (serializationVersion 2): a field whose value is null or
 * undefined is skipped; a field's length is the number of distinct raw tokens; a term is what
 * `processTerm` returns (a string, an array of strings, or nothing).
 */
export function serializeIndex<T extends Record<string, unknown>>(docs: readonly T[], options: Options<T>): AsPlainObject {
  const fields = options.fields;
  const idField = options.idField ?? 'id';
  const storeFields = options.storeFields ?? [];
  const tokenize = options.tokenize!;
  const processTerm = options.processTerm!;
  const fieldIds: Record<string, number> = {};
  fields.forEach((f, i) => (fieldIds[f] = i));

  // term → per field id: [docId, frequency, docId, frequency, …], docIds ascending.
  const postings = new Map<string, (number[] | undefined)[]>();
  const documentIds: Record<number, unknown> = {};
  const fieldLength: Record<number, number[]> = {};
  const storedFields: Record<number, Record<string, unknown>> = {};
  const averageFieldLength: number[] = [];
  const seenIds = new Set<unknown>();
  const counts = new Map<string, number>();

  docs.forEach((doc, shortId) => {
    const id = doc[idField];
    if (id == null) throw new Error(`search index: document does not have ID field "${idField}"`);
    if (seenIds.has(id)) throw new Error(`search index: duplicate ID ${String(id)}`);
    seenIds.add(id);
    documentIds[shortId] = id;
    if (storeFields.length > 0) {
      const stored: Record<string, unknown> = {};
      for (const name of storeFields) if (doc[name] !== undefined) stored[name] = doc[name];
      storedFields[shortId] = stored;
    }
    for (let fieldId = 0; fieldId < fields.length; fieldId++) {
      const field = fields[fieldId]!;
      const value = doc[field];
      if (value == null) continue;
      const tokens = tokenize(String(value), field);
      const lengths = (fieldLength[shortId] ??= []);
      const length = new Set(tokens).size;
      lengths[fieldId] = length;
      // MiniSearch's running average, in its order of operations, so the floats come out the same.
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * shortId + length) / (shortId + 1);
      counts.clear();
      for (const token of tokens) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) {
          for (const t of processed) counts.set(t, (counts.get(t) ?? 0) + 1);
        } else if (processed) {
          counts.set(processed, (counts.get(processed) ?? 0) + 1);
        }
      }
      for (const [term, n] of counts) {
        let byField = postings.get(term);
        if (!byField) postings.set(term, (byField = []));
        (byField[fieldId] ??= []).push(shortId, n);
      }
    }
  });

  const index: [string, Record<string, Record<string, number>>][] = [];
  for (const [term, byField] of postings) {
    const data: Record<string, Record<string, number>> = {};
    byField.forEach((list, fieldId) => {
      if (!list) return;
      const freqs: Record<string, number> = {};
      for (let i = 0; i < list.length; i += 2) freqs[list[i]!] = list[i + 1]!;
      data[fieldId] = freqs;
    });
    index.push([term, data]);
  }
  return {
    documentCount: docs.length,
    nextId: docs.length,
    documentIds,
    fieldIds,
    fieldLength,
    averageFieldLength,
    storedFields,
    dirtCount: 0,
    index,
    serializationVersion: 2,
  } as unknown as AsPlainObject;
}
