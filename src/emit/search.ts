import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { articleReferences, dateView, entityReferences, plainText, publications, type AnnotatedContent } from '../model/build-model.ts';
import type { ArticleRef, Model } from '../model/types.ts';
import { writeAllSync } from '../output.ts';
import { siblingModule, workerLoader } from '../runtime.ts';
import { PAGE_PATHS, TEMPLATES_DIR } from '../site/paths.ts';
import { IndexBuilder, type BuilderOptions } from './search-index.ts';

/** One searchable thing: an entity, an article, a claim, a quote or an extra page. */
export interface SearchDocument {
  readonly id: number;
  readonly kind: 'entity' | 'article' | 'claim' | 'quote' | 'page';
  readonly title: string;
  /** Other names (aliases), searched like the title. */
  readonly names: string;
  /** Indexed in full. */
  readonly text: string;
  /** The type ("Person") or the source, shown beside the result. */
  readonly label: string;
  /** Relative to the output root. */
  readonly page: string;
}

/**
 * How much article text the index stores for result snippets, in all. All of the text is
 * indexed; storing all of it makes the index file several times larger on a big briefing (68 MB
 * at 10,000 articles). Below the budget every article's text is stored whole (snippets show the
 * match wherever it is); above it each article keeps an equal share from its start (at least
 * MIN_STORED characters), and a match further in shows the article's opening.
 */
const STORED_TEXT_BUDGET = 16_000_000;
const MIN_STORED = 600;

/**
 * The tokenizer and options come from templates/assets/search-options.js, the same file the
 * browser loads, evaluated here in a sandbox (it is Briefing's own code, never content).
 */
export function searchOptions(): BuilderOptions<SearchDocument> {
  const source = readFileSync(path.join(TEMPLATES_DIR, 'assets', 'search-options.js'), 'utf8');
  const sandbox: { BriefingSearchOptions?: BuilderOptions<SearchDocument> } = {};
  vm.runInNewContext(source, sandbox, { filename: 'search-options.js' });
  return sandbox.BriefingSearchOptions!;
}

/** A search document before its id, which is its place in the index. */
export type SearchEntry = Omit<SearchDocument, 'id'>;

/**
 * What the index holds, in index order: entities (by id), articles (newest first), claims,
 * quotes, extra pages (in navigation order). Article bodies come from `texts` (by slug), which the model does not keep.
 */
export function searchDocuments(model: Model, texts: ReadonlyMap<string, string>): SearchDocument[] {
  return searchEntries(model, texts).map((e, id) => ({ id, ...e }));
}

/** `searchDocuments` before their ids (a SearchIndexJob numbers what it is sent). */
function searchEntries(model: Model, texts: ReadonlyMap<string, string>): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const e of model.entities) entries.push(entityEntry(e.name, e.aliases, e.summary, e.typeLabel, e.page));
  for (const a of model.articles) entries.push(articleEntry(a, texts.get(a.slug) ?? ''));
  entries.push(...searchEntriesFromModel(model));
  return entries;
}

/**
 * The entities and articles of `searchDocuments`, made from the annotated content before the
 * model exists, so a build can start indexing them while it builds the model. The same order
 * and fields (test/unit/search-index.test.ts compares them).
 */
export function searchEntriesBeforeModel(content: AnnotatedContent): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const profiles = new Map(content.entities.map((e) => [e.id, e.meta]));
  const refs = [...entityReferences(content, PAGE_PATHS).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of refs) entries.push(entityEntry(r.name, profiles.get(r.id)?.aliases ?? [], r.summary, r.typeLabel, r.page));
  const publicationOf = publications(content, PAGE_PATHS).of;
  for (const { ref, body } of articleReferences(content, dateView(content.settings.language), PAGE_PATHS, publicationOf))
    entries.push(articleEntry(ref, plainText(body)));
  return entries;
}

/** The claims, quotes and extra pages of `searchDocuments`, which only the model knows. */
export function searchEntriesFromModel(model: Model): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const c of model.claims) {
    const text = [...new Set(c.reports.map((r) => r.text))].filter((t) => t !== c.statement).join(' … ');
    entries.push({ kind: 'claim', title: c.statement, names: '', text, label: c.sources.join(', '), page: c.reports[0]!.target });
  }
  for (const q of model.quotes)
    entries.push({
      kind: 'quote',
      title: q.text,
      names: q.speaker.name,
      text: '',
      label: `${q.speaker.name} · ${q.article.source}`,
      page: q.target,
    });
  for (const p of model.pages)
    entries.push({
      kind: 'page',
      title: p.title,
      names: '',
      text: p.summary ? `${p.summary}\n${p.text}` : p.text,
      label: '',
      page: p.page,
    });
  return entries;
}

function entityEntry(name: string, aliases: readonly string[], summary: string | undefined, typeLabel: string, page: string): SearchEntry {
  return { kind: 'entity', title: name, names: aliases.join(' · '), text: summary ?? '', label: typeLabel, page };
}

function articleEntry(a: ArticleRef, text: string): SearchEntry {
  return { kind: 'article', title: a.title, names: '', text, label: `${a.source} · ${a.published.display}`, page: a.page };
}

/**
 * What `new MiniSearch(options).addAll(docs).toJSON()` gives, made several times faster
 * (search-index.ts says how and why), a document at a time.
 */
export function newIndexBuilder(): IndexBuilder<Record<string, unknown>> {
  return new IndexBuilder(searchOptions() as unknown as BuilderOptions<Record<string, unknown>>);
}

/**
 * Keeps the stored texts within STORED_TEXT_BUDGET while documents arrive, so the worker never
 * holds every article's whole text: at 10,000 articles they are 40 million characters, 80 MB as
 * the two-byte strings most real text needs. Each document's text is indexed whole first; only
 * the stored copy is cut. The total only grows, so once it is over the budget no text will be
 * stored beyond the share of the documents counted so far (`storedShare` only falls as documents
 * are added): each later text is cut to one character more than that at once (the one more
 * marks it as cut for `finish`); the texts stored before that are at most the budget. The result
 * is what cutting the whole texts at the end gives (test/unit/search-index.test.ts).
 */
export class StoredTextBudget {
  private total = 0;
  private docs = 0;

  constructor(
    private readonly budget = STORED_TEXT_BUDGET,
    private readonly min = MIN_STORED,
  ) {}

  /** Counts a document's stored fields right after it was added, and cuts its text if it is sure to be cut. */
  added(stored: Record<string, unknown>): void {
    this.docs++;
    const text = stored['text'];
    if (typeof text !== 'string') return;
    this.total += text.length;
    if (this.total > this.budget) {
      const most = this.share() + 1;
      // `slice` alone would keep the whole text alive (V8 makes a view of it); adding a character
      // and slicing that makes a new string of the kept part (a copy, and a view of the copy).
      if (text.length > most) stored['text'] = (text.slice(0, most) + ' ').slice(0, -1);
    }
  }

  /** The final cut, once every document was added: each text longer than its share ends in "…". */
  finish(stored: Iterable<Record<string, unknown>>): void {
    if (this.total <= this.budget) return;
    const share = this.share();
    for (const fields of stored) {
      const text = fields['text'];
      if (typeof text === 'string' && text.length > share) fields['text'] = `${text.slice(0, share)}…`;
    }
  }

  /** Characters each stored text keeps at most, over the budget, with the documents counted so far. */
  private share(): number {
    return Math.max(this.min, Math.floor(this.budget / Math.max(1, this.docs)));
  }
}

/** Adds documents to the index, and their stored texts to the budget. */
export function addDocuments(
  builder: IndexBuilder<Record<string, unknown>>,
  budget: StoredTextBudget,
  docs: Iterable<Record<string, unknown>>,
): void {
  for (const doc of docs) {
    builder.add(doc);
    const stored = builder.stored[builder.size - 1];
    if (stored) budget.added(stored);
  }
}

/**
 * The finished index as a classic script (`window.BRIEFING_SEARCH_INDEX = …`), because browsers
 * refuse `fetch` of a JSON file from file:// (Pagefind's and Quartz's search fail there), in
 * pieces; its stored texts cut to the budget first, now that every document is indexed.
 */
function* indexScriptParts(builder: IndexBuilder<Record<string, unknown>>, budget: StoredTextBudget): Generator<string> {
  budget.finish(Object.values(builder.stored));
  yield 'window.BRIEFING_SEARCH_INDEX = ';
  yield* builder.scriptSafeJsonParts();
  yield ';\n';
}

/** Writes `indexScriptParts` to `file` about a million characters at a time (in the worker thread). */
export function writeIndexScript(
  builder: IndexBuilder<Record<string, unknown>>,
  budget: StoredTextBudget,
  file: string,
  chunkChars = WRITE_CHUNK,
): void {
  const fd = openSync(file, 'w');
  try {
    let chunk = '';
    for (const part of indexScriptParts(builder, budget)) {
      chunk += part;
      if (chunk.length >= chunkChars) {
        writeAll(fd, chunk);
        chunk = '';
      }
    }
    writeAll(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  writeAllSync(fd, Buffer.from(text, 'utf8'));
}

const WRITE_CHUNK = 1 << 20;

/**
 * Stage search: the index is built in a worker thread, so that on a 2-core machine it runs beside
 * the main thread's work. Documents are sent as they become known (a build sends the entities
 * and articles before it builds the model, the claims and quotes after), indexed as they arrive
 * and numbered in the order sent; `write` writes the script once all are sent.
 */
export class SearchIndexJob {
  private readonly worker: Worker;
  /** Settles when the worker has written the file, or as soon as it fails. */
  private readonly result: Promise<void>;
  private sent = 0;

  private constructor() {
    this.worker = new Worker(new URL('./search-worker.js', import.meta.url), {
      workerData: { ...workerLoader(), module: siblingModule('./search.ts', import.meta.url) },
    });
    this.result = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (m: SearchReply) => (m.ok ? resolve() : reject(searchError(m))));
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the search index worker stopped (code ${code}) before writing the index`)));
    });
    // Until `write` waits on it, a failure is kept for `write` to report, not left unhandled.
    this.result.catch(() => undefined);
  }

  static start(): SearchIndexJob {
    return new SearchIndexJob();
  }

  add(entries: readonly SearchEntry[]): void {
    const docs = entries.map((e, i): SearchDocument => ({ id: this.sent + i, ...e }));
    this.sent += docs.length;
    this.worker.postMessage({ docs });
  }

  /** Writes the index of every document sent to `file`; resolves with their number. */
  async write(file: string): Promise<number> {
    this.worker.postMessage({ write: file });
    try {
      await this.result;
      return this.sent;
    } finally {
      void this.worker.terminate();
    }
  }

  /** Stops the worker; resolves once it has stopped, so it writes nothing more. */
  async cancel(): Promise<void> {
    await this.worker.terminate();
  }
}

/** What the search worker answers (search-worker.js): a system error's code and call come with its message. */
interface SearchReply {
  readonly ok: boolean;
  readonly error?: string;
  readonly code?: string;
  readonly syscall?: string;
}

/**
 * A failure in the worker. A system error (a full disk writing the index) keeps its code and call,
 * so the CLI reports it in one line as the file system's trouble (`fileSystemError`); anything
 * else is Briefing's bug and keeps the worker's stack.
 */
function searchError(m: SearchReply): Error {
  const error = new Error(`building the search index failed: ${m.error}`);
  return m.code && m.syscall ? Object.assign(error, { code: m.code, syscall: m.syscall }) : error;
}

/** The whole index from a model, in a worker thread (serve's rebuilds). Resolves when `file` is written. */
export function writeSearchIndexInWorker(
  model: Model,
  texts: ReadonlyMap<string, string>,
  file: string,
): { done: Promise<number>; cancel: () => Promise<void> } {
  const job = SearchIndexJob.start();
  job.add(searchEntries(model, texts));
  return { done: job.write(file), cancel: () => job.cancel() };
}
