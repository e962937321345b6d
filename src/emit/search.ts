import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import MiniSearch, { type Options } from 'minisearch';
import type { Model } from '../model/types.ts';
import { TEMPLATES_DIR } from '../site/paths.ts';
import { scriptSafeJson } from '../site/jsonld.ts';

/** One searchable thing: an entity, an article, a claim or a quote. */
export interface SearchDocument {
  readonly id: number;
  readonly kind: 'entity' | 'article' | 'claim' | 'quote';
  readonly title: string;
  /** Other names (aliases), searched like the title. */
  readonly names: string;
  readonly text: string;
  /** The type ("Person") or the source, shown beside the result. */
  readonly label: string;
  /** Relative to the output root. */
  readonly page: string;
}

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

export function searchDocuments(model: Model): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const add = (d: Omit<SearchDocument, 'id'>): void => void docs.push({ id: docs.length, ...d });
  for (const e of model.entities) {
    add({ kind: 'entity', title: e.name, names: e.aliases.join(' · '), text: e.summary ?? '', label: e.typeLabel, page: e.page });
  }
  for (const a of model.articles) add({ kind: 'article', title: a.title, names: '', text: a.text, label: `${a.source} · ${a.published.display}`, page: a.page });
  for (const c of model.claims) {
    add({ kind: 'claim', title: c.statement, names: '', text: c.reports.slice(1).map((r) => r.text).join(' … '), label: c.sources.join(', '), page: c.reports[0]!.target });
  }
  for (const q of model.quotes) add({ kind: 'quote', title: q.text, names: q.speaker.name, text: '', label: `${q.speaker.name} · ${q.article.source}`, page: q.target });
  return docs;
}

/**
 * Stage emit, search: a MiniSearch index built once from the model and written as a classic
 * script (`data/search-index.js` sets `window.BRIEFING_SEARCH_INDEX`), because browsers refuse
 * `fetch` of a JSON file from file:// (Pagefind's and Quartz's search fail there).
 */
export function searchIndexScript(model: Model): { script: string; documents: number } {
  const options = searchOptions();
  const index = new MiniSearch<SearchDocument>(options);
  const docs = searchDocuments(model);
  index.addAll(docs);
  return { script: `window.BRIEFING_SEARCH_INDEX = ${scriptSafeJson(index)};\n`, documents: docs.length };
}
