import type { z } from 'zod';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.ts';
import type {
  ArticleMeta,
  BriefingSettings,
  ClaimMeta,
  EntityMeta,
  PageMeta,
  Reliability,
  SourceMeta,
  SplitDocument,
  ValidContent,
  ValidDocument,
} from '../types.ts';
import { RESERVED_IDS } from '../fixed-pages.ts';
import { catalogueFor } from '../messages.ts';
import { checkImageFile } from './image-file.ts';
import { articleSchema, briefingSchema, claimSchema, entitySchema, KEY_HINTS, pageSchema, sourceSchema } from './schema.ts';

/**
 * Stage 3, validate: checks each document's front matter against its schema (FORMAT.md §1),
 * reporting every problem at the line of the offending key or value, and drops drafts.
 */
export function validateContent(docs: readonly SplitDocument[], bag: DiagnosticBag): ValidationResult {
  let briefing: ValidDocument<BriefingSettings> | undefined;
  const articles: ValidDocument<ArticleMeta>[] = [];
  const entities: ValidDocument<EntityMeta>[] = [];
  const claims: ValidDocument<ClaimMeta>[] = [];
  const sources: ValidDocument<SourceMeta>[] = [];
  const pages: ValidDocument<PageMeta>[] = [];
  const rejected: SplitDocument[] = [];

  for (const split of docs) {
    switch (split.source.kind) {
      case 'briefing': {
        briefing = validBriefing(split, bag);
        if (!briefing) rejected.push(split);
        break;
      }
      case 'article': {
        const data = checkOnce(split, articleSchema, bag);
        if (!data || reserved(split, 'articles', bag)) rejected.push(split);
        else if (!data.draft) {
          const { author, tags, editorSupplied, draft: _draft, ...rest } = data;
          articles.push({
            split,
            meta: {
              ...rest,
              authors: author === undefined ? [] : typeof author === 'string' ? [author] : author,
              tags: tags ?? [],
              editorSupplied: editorSupplied ?? [],
            },
          });
        }
        break;
      }
      case 'entity': {
        const data = checkOnce(split, entitySchema, bag);
        if (!data || reserved(split, 'entities', bag)) rejected.push(split);
        else if (!data.draft) {
          const { attributes, aliases, sameAs, image, imageAlt, draft: _draft, ...rest } = data;
          entities.push({
            split,
            meta: {
              ...rest,
              // A missing or unreadable file is an error; the entity stays, so its mentions resolve.
              ...(image !== undefined && checkImageFile(split, image, bag) ? { image, imageAlt: imageAlt! } : {}),
              aliases: aliases ?? [],
              sameAs: sameAs ?? [],
              attributes: Object.entries(attributes ?? {}).map(([label, value]) => ({ label, value })),
            },
          });
        }
        break;
      }
      case 'claim': {
        // Claim ids are their own namespace: no page is built per claim, so no id is reserved.
        const data = checkOnce(split, claimSchema, bag);
        if (!data) rejected.push(split);
        else if (!data.draft) {
          const { about, draft: _draft, ...rest } = data;
          claims.push({ split, meta: { ...rest, about: about === undefined ? [] : typeof about === 'string' ? [about] : about } });
        }
        break;
      }
      case 'source':
        validSource(split, bag, sources, rejected);
        break;
      case 'page':
        validPage(split, bag, pages, rejected);
        break;
    }
  }
  return { content: briefing ? { briefing, articles, entities, claims, sources, pages } : undefined, entities, rejected };
}

/** A source record into `sources`, unless it is a draft; into `rejected` when invalid. */
function validSource(split: SplitDocument, bag: DiagnosticBag, sources: ValidDocument<SourceMeta>[], rejected: SplitDocument[]): void {
  const data = checkOnce(split, sourceSchema, bag);
  if (!data || reserved(split, 'sources', bag)) rejected.push(split);
  else if (!data.draft) {
    const { aliases, reliability, draft: _draft, ...rest } = data;
    sources.push({
      split,
      meta: { ...rest, aliases: aliases ?? [], ...(reliability ? { reliability: reliability as Reliability } : {}) },
    });
  }
}

/** An extra page into `pages`, unless it is a draft; into `rejected` when invalid. */
function validPage(split: SplitDocument, bag: DiagnosticBag, pages: ValidDocument<PageMeta>[], rejected: SplitDocument[]): void {
  const data = checkOnce(split, pageSchema, bag);
  if (!data || reserved(split, 'pages', bag)) rejected.push(split);
  else if (!data.draft) {
    const { draft: _draft, ...meta } = data;
    pages.push({ split, meta });
  }
}

/**
 * briefing.md's settings, or undefined when invalid. A language without an interface catalogue
 * (templates/i18n/) is a warning at its line: the pages read in English.
 */
function validBriefing(split: SplitDocument, bag: DiagnosticBag): ValidDocument<BriefingSettings> | undefined {
  const data = checkOnce(split, briefingSchema, bag);
  if (!data) return undefined;
  if (data.language && !catalogueFor(data.language)) {
    bag.warning('no-translation', `no interface translation for "${data.language}"; the interface is in English`, split.locate(['language']));
  }
  return { split, meta: { ...data, language: data.language ?? 'en' } };
}

/**
 * Whether the file's id would give it the path of a page the build makes itself (FORMAT.md §1:
 * `entities/index.md` would be `entities/index.html`, the entity index); if so, an error at the file.
 */
function reserved(split: SplitDocument, folder: keyof typeof RESERVED_IDS, bag: DiagnosticBag): boolean {
  const { id, path: file } = split.source;
  if (!RESERVED_IDS[folder].has(id)) return false;
  bag.error(
    'reserved-id',
    `${folder}/${id}.md would be built as ${folder}/${id}.html, ${folder === 'pages' ? "the pages/ folder's own address, which the build keeps" : 'a page the build makes itself'}: rename the file (its name is the ${folder === 'articles' || folder === 'pages' ? 'slug' : 'id'})`,
    { file, line: 1, column: 1 },
  );
  return true;
}

export interface ValidationResult {
  /** The valid content, or undefined when briefing.md is missing or invalid. */
  readonly content: ValidContent | undefined;
  /** Valid entities even when the briefing is not, so bodies can still be checked. */
  readonly entities: readonly ValidDocument<EntityMeta>[];
  /** Documents whose front matter is invalid: their bodies are still checked, for diagnostics only. */
  readonly rejected: readonly SplitDocument[];
}

/**
 * Each document's check and its diagnostics, remembered by the parsed document: under `serve` an
 * unchanged file keeps its `SplitDocument` from one rebuild to the next (build.ts), so its front
 * matter is not validated again (at 10,000 articles that was 0.08–0.1 s of every rebuild). A
 * document's kind, and so its schema, is fixed.
 */
const checked = new WeakMap<SplitDocument, { readonly data: unknown; readonly diagnostics: readonly Diagnostic[] }>();

function checkOnce<S extends z.ZodObject>(split: SplitDocument, schema: S, bag: DiagnosticBag): z.output<S> | undefined {
  let entry = checked.get(split);
  if (!entry) {
    const own = new DiagnosticBag();
    entry = { data: check(split, schema, own), diagnostics: own.items };
    checked.set(split, entry);
  }
  for (const d of entry.diagnostics) bag.add(d);
  return entry.data as z.output<S> | undefined;
}

function check<S extends z.ZodObject>(split: SplitDocument, schema: S, bag: DiagnosticBag): z.output<S> | undefined {
  const known = new Set(Object.keys(schema.shape));
  for (const key of Object.keys(split.data)) {
    if (!known.has(key)) {
      bag.warning(
        'unknown-key',
        `unknown front matter key "${key}" is ignored (known keys: ${[...known].join(', ')})`,
        split.locate([key]),
      );
    }
  }
  const result = schema.safeParse(split.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    const keyPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const top = String(issue.path[0] ?? '');
    // zod reports a missing key as invalid_type, or as invalid_value for an enum: absent is absent.
    const missing = issue.path.length === 1 && !(top in split.data);
    const message = missing
      ? `missing required key "${key}"${KEY_HINTS[top] ? ` (${KEY_HINTS[top]})` : ''}`
      : `"${key}": ${issue.message.replace(/^Invalid input: /, '')}`;
    bag.error(missing ? 'missing-key' : 'invalid-value', message, split.locate(keyPath));
  }
  return undefined;
}
