import { readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { Options } from 'minisearch';
import type { Model } from '../model/types.ts';
import { scriptSafeJson } from '../site/jsonld.ts';
import { TEMPLATES_DIR } from '../site/paths.ts';
import { serializeIndex } from './search-index.ts';

/** One searchable thing: an entity, an article, a claim or a quote. */
export interface SearchDocument {
  readonly id: number;
  readonly kind: 'entity' | 'article' | 'claim' | 'quote';
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
export const STORED_TEXT_BUDGET = 16_000_000;
export const MIN_STORED = 600;

/**
 * The tokenizer and options come from templates/assets/search-options.js, the same file the
 * browser loads, evaluated here in a sandbox (it is Briefing's own code, never content).
 */
export function searchOptions(): Options<SearchDocument> {
  const source = readFileSync(path.join(TEMPLATES_DIR, 'assets', 'search-options.js'), 'utf8');
  const sandbox: { BriefingSearchOptions?: Options<SearchDocument> } = {};
  vm.runInNewContext(source, sandbox, { filename: 'search-options.js' });
  return sandbox.BriefingSearchOptions!;
}

/** What the index holds; article bodies come from `texts` (by slug), which the model does not keep. */
export function searchDocuments(model: Model, texts: ReadonlyMap<string, string>): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const add = (d: Omit<SearchDocument, 'id'>): void => void docs.push({ id: docs.length, ...d });
  for (const e of model.entities) {
    add({ kind: 'entity', title: e.name, names: e.aliases.join(' · '), text: e.summary ?? '', label: e.typeLabel, page: e.page });
  }
  for (const a of model.articles) add({ kind: 'article', title: a.title, names: '', text: texts.get(a.slug) ?? '', label: `${a.source} · ${a.published.display}`, page: a.page });
  for (const c of model.claims) {
    add({ kind: 'claim', title: c.statement, names: '', text: [...new Set(c.reports.map((r) => r.text))].filter((t) => t !== c.statement).join(' … '), label: c.sources.join(', '), page: c.reports[0]!.target });
  }
  for (const q of model.quotes) add({ kind: 'quote', title: q.text, names: q.speaker.name, text: '', label: `${q.speaker.name} · ${q.article.source}`, page: q.target });
  return docs;
}

/**
 * The index as a classic script (`window.BRIEFING_SEARCH_INDEX = …`), because browsers refuse
 * `fetch` of a JSON file from file:// (Pagefind's and Quartz's search fail there).
 */
export function searchIndexScript(docs: readonly SearchDocument[]): string {
  // What `new MiniSearch(options).addAll(docs).toJSON()` gives, made several times faster
  // (search-index.ts says how and why).
  const json = serializeIndex(docs as unknown as Record<string, unknown>[], searchOptions() as unknown as Options<Record<string, unknown>>);
  // Cut the stored text to the budget now that it is indexed.
  const stored = Object.values(json.storedFields) as Record<string, unknown>[];
  let total = 0;
  for (const fields of stored) if (typeof fields['text'] === 'string') total += fields['text'].length;
  if (total > STORED_TEXT_BUDGET) {
    const share = Math.max(MIN_STORED, Math.floor(STORED_TEXT_BUDGET / Math.max(1, docs.length)));
    for (const fields of stored) {
      if (typeof fields['text'] === 'string' && fields['text'].length > share) fields['text'] = `${fields['text'].slice(0, share)}…`;
    }
  }
  return `window.BRIEFING_SEARCH_INDEX = ${scriptSafeJson(json)};\n`;
}

/**
 * Stage emit, search: builds the index in a worker thread, so that on a 2-core machine it runs
 * while the main thread renders pages. Resolves when `file` is written.
 */
export function writeSearchIndexInWorker(model: Model, texts: ReadonlyMap<string, string>, file: string): { done: Promise<number>; cancel: () => void } {
  const docs = searchDocuments(model, texts);
  const worker = new Worker(new URL('./search-worker.js', import.meta.url), {
    workerData: { docs, file, tsx: import.meta.resolve('tsx/esm/api'), module: new URL('./search.ts', import.meta.url).href },
  });
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; error?: string }) => (m.ok ? resolve(docs.length) : reject(new Error(`building the search index failed: ${m.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the search index worker stopped with code ${code}`)));
  });
  return { done, cancel: () => void worker.terminate() };
}

/** The same, on this thread (used by the worker, and by tests). */
export async function writeSearchIndex(docs: readonly SearchDocument[], file: string): Promise<void> {
  await fs.writeFile(file, searchIndexScript(docs));
}
