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
 * a hash table of the tokens met so far (by its characters in the text, with the scanner of
 * templates/assets/search-options.js: `TokenTable`), its terms counted through their entries, and each
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

/**
 * A tokenizer that visits tokens instead of returning them (templates/assets/search-options.js):
 * `word(start, end)` for the token `text.slice(start, end)`, `token(t)` for one it made itself,
 * in the order `tokenize` returns them. Optional: without it the builder calls `tokenize`.
 */
export type TokenScanner = (text: string, word: (start: number, end: number) => void, token: (t: string) => void) => void;

/** MiniSearch's options, and the scanner that may stand in for `tokenize`. */
export type BuilderOptions<T> = Options<T> & { readonly scan?: TokenScanner };

/** `serializeIndex` a document at a time, so a build can index documents as they become known. */
export class IndexBuilder<T extends Record<string, unknown>> {
  private readonly fields: readonly string[];
  private readonly idField: string;
  private readonly storeFields: readonly string[];
  private readonly tokenize: NonNullable<Options<T>['tokenize']>;
  private readonly scan: TokenScanner | undefined;
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
  private readonly rawTokens: TokenTable<RawEntry>[] = [];
  /** Counts up once per field added: what a token or term was last counted for. */
  private mark = 0;
  private count = 0;
  /** The field being added: its id, its distinct raw tokens so far, the terms it counted. */
  private fieldId = 0;
  private length = 0;
  private touched: TermEntry[] = [];
  private readonly countWord = (start: number, end: number): void => this.countRaw(this.text, start, end);
  private readonly countToken = (token: string): void => this.countRaw(token, 0, token.length);
  private text = '';

  constructor(options: BuilderOptions<T>) {
    this.fields = options.fields;
    this.idField = options.idField ?? 'id';
    this.storeFields = options.storeFields ?? [];
    this.tokenize = options.tokenize!;
    this.scan = options.scan;
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
      // One table lookup per token: each raw token is processed once for the whole index (an
      // article repeats its words, and a briefing's articles share them), and its terms are counted
      // through their entries, marked with this field's number.
      ++this.mark;
      this.fieldId = fieldId;
      this.length = 0;
      this.touched = [];
      const text = String(value);
      if (this.scan) {
        this.text = text;
        this.scan(text, this.countWord, this.countToken);
        this.text = '';
      } else {
        for (const token of this.tokenize(text, field)) this.countRaw(token, 0, token.length);
      }
      // MiniSearch's field length: the number of distinct raw tokens.
      const length = this.length;
      (this.fieldLength[shortId] ??= [])[fieldId] = length;
      // MiniSearch's running average, in its order of operations, so the floats come out the same.
      this.averageFieldLength[fieldId] = ((this.averageFieldLength[fieldId] || 0) * shortId + length) / (shortId + 1);
      // In the order of each term's first occurrence in the field, as MiniSearch adds them.
      for (const term of this.touched) (term.byField[fieldId] ??= []).push(shortId, term.n);
    }
  }

  /** Counts the raw token `source.slice(start, end)` in the field being added. */
  private countRaw(source: string, start: number, end: number): void {
    const fieldId = this.fieldId;
    const mark = this.mark;
    const raws = (this.rawTokens[fieldId] ??= new TokenTable());
    let raw = raws.get(source, start, end);
    if (!raw) {
      const token = copyOf(source, start, end);
      raw = raws.add(token, { mark: 0, terms: this.entries(this.processTerm(token, this.fields[fieldId]!)) });
    }
    if (raw.mark !== mark) {
      raw.mark = mark;
      this.length++;
    }
    for (const term of raw.terms) {
      if (term.mark !== mark) {
        term.mark = mark;
        term.n = 0;
        this.touched.push(term);
      }
      term.n++;
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

/**
 * `source.slice(start, end)` as a string of its own: V8 makes a slice of 13 characters or more a
 * view that keeps all of its parent alive, and a kept token must not keep an article's text. A
 * whole token is copied too: one the tokenizer split out of a non-ASCII piece is such a view.
 */
function copyOf(source: string, start: number, end: number): string {
  const slice = source.slice(start, end);
  if (slice.length < 13) return slice;
  const copy = slice.slice(0, 1) + slice.slice(1);
  copy.charCodeAt(0);
  return copy;
}

/**
 * A hash table of strings that is looked up by a range of another string's characters, so the
 * index finds each of millions of words in an article's text without making a string of it
 * first (a Map needs the key as a string: at 10,000 articles that was 6 million strings, about
 * a third of the index's time with the garbage they made; docs/performance.md). Written by hand
 * because no JavaScript map takes a key as characters in place. Open addressing with linear
 * probing, FNV-1a hashes of the UTF-16 code units, kept under half full.
 */
export class TokenTable<V> {
  private keys: string[] = [];
  private values: V[] = [];
  private hashes: number[] = [];
  /** Index into keys + 1 per slot; 0 for an empty slot. */
  private slots = new Int32Array(1024);

  get size(): number {
    return this.keys.length;
  }

  get(source: string, start: number, end: number): V | undefined {
    const hash = hashOf(source, start, end);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot]!;
      if (k === 0) return undefined;
      if (this.hashes[k - 1] === hash && sameChars(this.keys[k - 1]!, source, start, length)) return this.values[k - 1];
    }
  }

  /** Adds `key`, which must not be in the table yet; returns `value`. */
  add(key: string, value: V): V {
    const hash = hashOf(key, 0, key.length);
    this.keys.push(key);
    this.values.push(value);
    this.hashes.push(hash);
    if (this.keys.length * 2 > this.slots.length) this.grow();
    else this.place(hash, this.keys.length);
    return value;
  }

  private place(hash: number, k: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = k;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let k = 1; k <= this.keys.length; k++) this.place(this.hashes[k - 1]!, k);
  }
}

function hashOf(source: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  return hash | 0;
}

function sameChars(key: string, source: string, start: number, length: number): boolean {
  if (key.length !== length) return false;
  for (let i = 0; i < length; i++) if (key.charCodeAt(i) !== source.charCodeAt(start + i)) return false;
  return true;
}
