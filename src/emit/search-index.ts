import type { AsPlainObject, Options } from 'minisearch';
import { scriptSafe } from '../site/jsonld.ts';

/**
 * MiniSearch's serialised index (`toJSON()`, read back by `MiniSearch.loadJSON` in the browser),
 * made without building MiniSearch's in-memory index first.
 *
 * Written by hand because MiniSearch has no bulk path: `addAll` inserts every token into its
 * radix tree (`SearchableMap`), and each insert walks the tree comparing the key with every
 * child of every node it passes. At 10,000 articles that is 6 million inserts and about 10 s of
 * CPU, 80% of the whole index stage (docs/performance.md). Here each token is looked up once in
 * a hash map of the tokens met so far, its terms counted through their entries, and each
 * document's counts appended to the terms' postings; the result is the same object
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

/** A processed term: its postings by field, and its count in the field being added. */
interface TermEntry {
  readonly byField: (number[] | undefined)[];
  mark: number;
  n: number;
}

/** A raw token of one field: the field it was last counted in, and its processed terms. */
interface RawEntry {
  mark: number;
  readonly terms: readonly TermEntry[];
}

/** `serializeIndex` a document at a time, so a build can index documents as they become known. */
export class IndexBuilder<T extends Record<string, unknown>> {
  private readonly fields: readonly string[];
  private readonly idField: string;
  private readonly storeFields: readonly string[];
  private readonly tokenize: NonNullable<Options<T>['tokenize']>;
  private readonly processTerm: NonNullable<Options<T>['processTerm']>;
  private readonly fieldIds: Record<string, number> = {};
  // term → its entry: per field id [docId, frequency, docId, frequency, …], docIds ascending;
  // in the order the terms were first met (which is the postings' order in the output).
  private readonly postings = new Map<string, TermEntry>();
  private readonly documentIds: Record<number, unknown> = {};
  private readonly fieldLength: Record<number, number[]> = {};
  private readonly storedFields: Record<number, Record<string, unknown>> = {};
  private readonly averageFieldLength: number[] = [];
  private readonly seenIds = new Set<unknown>();
  /** Per field id: every raw token met, with the terms processTerm made of it. */
  private readonly rawTokens: Map<string, RawEntry>[] = [];
  /** Counts up once per field added: what a token or term was last counted for. */
  private mark = 0;
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
    for (let fieldId = 0; fieldId < this.fields.length; fieldId++) {
      const field = this.fields[fieldId]!;
      const value = doc[field];
      if (value == null) continue;
      // One hash lookup per token: each raw token is processed once for the whole index (an
      // article repeats its words, and a briefing's articles share them), and its terms are counted
      // through their entries, marked with this field's number.
      const mark = ++this.mark;
      const raws = (this.rawTokens[fieldId] ??= new Map());
      const touched: TermEntry[] = [];
      // MiniSearch's field length: the number of distinct raw tokens.
      let length = 0;
      for (const token of this.tokenize(String(value), field)) {
        let raw = raws.get(token);
        if (!raw) raws.set(token, (raw = { mark: 0, terms: this.entries(this.processTerm(token, field)) }));
        if (raw.mark !== mark) {
          raw.mark = mark;
          length++;
        }
        for (const term of raw.terms) {
          if (term.mark !== mark) {
            term.mark = mark;
            term.n = 0;
            touched.push(term);
          }
          term.n++;
        }
      }
      (this.fieldLength[shortId] ??= [])[fieldId] = length;
      // MiniSearch's running average, in its order of operations, so the floats come out the same.
      this.averageFieldLength[fieldId] = ((this.averageFieldLength[fieldId] || 0) * shortId + length) / (shortId + 1);
      // In the order of each term's first occurrence in the field, as MiniSearch adds them.
      for (const term of touched) (term.byField[fieldId] ??= []).push(shortId, term.n);
    }
  }

  /** The entries of what processTerm returned (a term, several, or nothing), made when first met. */
  private entries(processed: string | string[] | null | undefined | false): TermEntry[] {
    const terms = Array.isArray(processed) ? processed : processed ? [processed] : [];
    return terms.map((term) => {
      let entry = this.postings.get(term);
      if (!entry) this.postings.set(term, (entry = { byField: [], mark: 0, n: 0 }));
      return entry;
    });
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
    for (const [term, { byField }] of this.postings) {
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
    for (const [term, { byField }] of this.postings) {
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
