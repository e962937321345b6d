import type { AsPlainObject, Options } from 'minisearch';
import { scriptSafe } from '../site/jsonld.ts';

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
  const builder = new IndexBuilder(options);
  for (const doc of docs) builder.add(doc);
  return builder.toJSON();
}

/** `serializeIndex` a document at a time, so a build can index documents as they become known. */
export class IndexBuilder<T extends Record<string, unknown>> {
  private readonly fields: readonly string[];
  private readonly idField: string;
  private readonly storeFields: readonly string[];
  private readonly tokenize: NonNullable<Options<T>['tokenize']>;
  private readonly processTerm: NonNullable<Options<T>['processTerm']>;
  private readonly fieldIds: Record<string, number> = {};
  // term → per field id: [docId, frequency, docId, frequency, …], docIds ascending.
  private readonly postings = new Map<string, (number[] | undefined)[]>();
  private readonly documentIds: Record<number, unknown> = {};
  private readonly fieldLength: Record<number, number[]> = {};
  private readonly storedFields: Record<number, Record<string, unknown>> = {};
  private readonly averageFieldLength: number[] = [];
  private readonly seenIds = new Set<unknown>();
  private readonly counts = new Map<string, number>();
  private readonly rawCounts = new Map<string, number>();
  private count = 0;

  constructor(options: Options<T>) {
    this.fields = options.fields;
    this.idField = options.idField ?? 'id';
    this.storeFields = options.storeFields ?? [];
    this.tokenize = options.tokenize!;
    this.processTerm = options.processTerm!;
    this.fields.forEach((f, i) => (this.fieldIds[f] = i));
  }

  add(doc: T): void {
    const id = doc[this.idField];
    if (id == null) throw new Error(`search index: document does not have ID field "${this.idField}"`);
    if (this.seenIds.has(id)) throw new Error(`search index: duplicate ID ${String(id)}`);
    this.seenIds.add(id);
    const shortId = this.count++;
    this.documentIds[shortId] = id;
    if (this.storeFields.length > 0) {
      const stored: Record<string, unknown> = {};
      for (const name of this.storeFields) if (doc[name] !== undefined) stored[name] = doc[name];
      this.storedFields[shortId] = stored;
    }
    const counts = this.counts;
    for (let fieldId = 0; fieldId < this.fields.length; fieldId++) {
      const field = this.fields[fieldId]!;
      const value = doc[field];
      if (value == null) continue;
      // Each distinct raw token is counted, then processed once: an article repeats its words,
      // and processTerm (a test, a case change, maybe NFKC) is the dearer step. Processed terms
      // come out in the order of their first raw token, which is the order of their first
      // occurrence, as when every token is processed in turn (the postings' term order).
      const raw = this.rawCounts;
      raw.clear();
      for (const token of this.tokenize(String(value), field)) raw.set(token, (raw.get(token) ?? 0) + 1);
      const lengths = (this.fieldLength[shortId] ??= []);
      // MiniSearch's field length: the number of distinct raw tokens.
      const length = raw.size;
      lengths[fieldId] = length;
      // MiniSearch's running average, in its order of operations, so the floats come out the same.
      this.averageFieldLength[fieldId] = ((this.averageFieldLength[fieldId] || 0) * shortId + length) / (shortId + 1);
      counts.clear();
      for (const [token, n] of raw) {
        const processed = this.processTerm(token, field);
        if (Array.isArray(processed)) {
          for (const t of processed) counts.set(t, (counts.get(t) ?? 0) + n);
        } else if (processed) {
          counts.set(processed, (counts.get(processed) ?? 0) + n);
        }
      }
      for (const [term, n] of counts) {
        let byField = this.postings.get(term);
        if (!byField) this.postings.set(term, (byField = []));
        (byField[fieldId] ??= []).push(shortId, n);
      }
    }
  }

  /**
   * `scriptSafeJson(this.toJSON())` — the same text — written straight from the postings, without
   * building toJSON's object per term and per document (millions at 10,000 articles, most of the
   * worker's memory). Stored fields may be changed first, through `stored`. Terms
   * cannot hold `<`, `>`, `&`, U+2028 or U+2029 (the tokenizer splits on them), but any that did
   * would be escaped like the rest.
   */
  toScriptSafeJson(): string {
    return [...this.scriptSafeJsonParts()].join('');
  }

  /**
   * The text of `toScriptSafeJson()` in pieces, a term at a time, so that a caller can write it
   * without ever holding all of it (tens of megabytes at 10,000 articles, and several times that
   * while it is assembled).
   */
  *scriptSafeJsonParts(): Generator<string> {
    yield `{"documentCount":${this.count},"nextId":${this.count},"documentIds":${scriptSafe(JSON.stringify(this.documentIds))},`;
    yield `"fieldIds":${scriptSafe(JSON.stringify(this.fieldIds))},"fieldLength":${JSON.stringify(this.fieldLength)},`;
    yield `"averageFieldLength":${JSON.stringify(this.averageFieldLength)},"storedFields":${scriptSafe(JSON.stringify(this.storedFields))},"dirtCount":0,"index":[`;
    let first = true;
    for (const [term, byField] of this.postings) {
      let entry = `${first ? '' : ','}[${scriptSafe(JSON.stringify(term))},{`;
      first = false;
      let firstField = true;
      byField.forEach((list, fieldId) => {
        if (!list) return;
        entry += `${firstField ? '' : ','}"${fieldId}":{`;
        firstField = false;
        for (let i = 0; i < list.length; i += 2) entry += `${i === 0 ? '' : ','}"${list[i]}":${list[i + 1]}`;
        entry += '}';
      });
      yield `${entry}}]`;
    }
    yield '],"serializationVersion":2}';
  }

  /** How many documents were added. */
  get size(): number {
    return this.count;
  }

  /** The stored fields by short id, to change (the build cuts long texts) before `toScriptSafeJson`. */
  get stored(): Record<number, Record<string, unknown>> {
    return this.storedFields;
  }

  toJSON(): AsPlainObject {
    const index: [string, Record<string, Record<string, number>>][] = [];
    for (const [term, byField] of this.postings) {
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
      documentCount: this.count,
      nextId: this.count,
      documentIds: this.documentIds,
      fieldIds: this.fieldIds,
      fieldLength: this.fieldLength,
      averageFieldLength: this.averageFieldLength,
      storedFields: this.storedFields,
      dirtCount: 0,
      index,
      serializationVersion: 2,
    } as unknown as AsPlainObject;
  }
}
