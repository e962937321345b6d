import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { idForName, nameKey } from '../content/names.ts';
import { RESERVED_IDS } from '../fixed-pages.ts';
import type { CandidateLike } from './types.ts';

/** Placeholders for what neither the report nor the command line gave; each comes with a warning. */
export const PLACEHOLDER = {
  title: 'Headline needed',
  source: 'Source needed',
  published: '0000-01-01',
} as const;

export type DraftKey = 'title' | 'source' | 'published' | 'url' | 'author' | 'dateline';

/** One front-matter value and where it came from. */
export interface DraftField {
  readonly key: DraftKey;
  readonly value: string | readonly string[];
  /** Not given by the report: listed in `editorSupplied`. */
  readonly supplied: boolean;
  /** A placeholder for the editor to replace: a comment on its line and a warning at it. */
  readonly todo?: string;
}

/** The whole draft file: front matter (with `draft: true`), then the body. */
export function composeDraft(
  fields: readonly DraftField[],
  notes: readonly string[],
  body: string,
  file: string,
): { markdown: string; diagnostics: Diagnostic[] } {
  const lines = ['---'];
  const diagnostics: Diagnostic[] = [];
  for (const f of fields) {
    lines.push(`${f.key}: ${yamlValue(f.value)}${f.todo ? ` # ${PLACEHOLDER_COMMENT}` : ''}`);
    if (f.todo)
      diagnostics.push({
        severity: 'warning',
        code: 'import-placeholder',
        message: f.todo,
        file,
        line: lines.length,
        column: f.key.length + 3,
      });
  }
  lines.push('draft: true');
  const supplied = fields.filter((f) => f.supplied).map((f) => f.key);
  if (supplied.length) lines.push(`editorSupplied: ${yamlValue(supplied)}`);
  if (notes.length) lines.push(`editorNote: ${yamlValue(notes.join(' '))}`);
  lines.push('---');
  return { markdown: `${lines.join('\n')}\n${body}`, diagnostics };
}

const PLACEHOLDER_COMMENT = 'placeholder: to be filled in by the editor';

/** A YAML value on one line (flow style for lists), quoted only where YAML needs it. */
function yamlValue(value: string | readonly string[]): string {
  return stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
}

/**
 * An article slug from a title or the report's first words, by the same transliteration as entity
 * ids (`idForName`), at most 60 characters cut at a word, unique among `taken` (the articles in the
 * folder, the reserved page names, the drafts of this run). Entity ids use `folder` `entities`.
 */
export function uniqueSlug(words: string, taken: ReadonlySet<string>, folder: keyof typeof RESERVED_IDS = 'articles'): string {
  let base = idForName(words);
  if (base.length > 60) base = base.slice(0, 61).replace(/-[^-]*$/, '') || base.slice(0, 60);
  let slug = base;
  for (let n = 2; taken.has(slug) || RESERVED_IDS[folder].has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The ids already used in a folder of `.md` files (an absent folder has none). */
export async function idsIn(folder: string): Promise<Set<string>> {
  try {
    return new Set((await fs.readdir(folder)).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/**
 * Writes a new file, never replacing one: the `wx` flag fails if the file exists, even when another
 * process made it after the names were read. Returns false for an existing file.
 */
export async function writeNew(file: string, text: string): Promise<boolean> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.writeFile(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** A candidate new entity across every imported report: its names as written and where it was seen. */
export interface EntityDraft {
  readonly name: string;
  readonly type: CandidateLike['type'];
  readonly aliases: string[];
  readonly seenIn: string[];
}

/** Merges the candidates of many reports by name (NFKC, case folded), collecting the other spellings seen. */
export function mergeCandidates(reports: readonly { slug: string; text: string; candidates: readonly CandidateLike[] }[]): EntityDraft[] {
  const byKey = new Map<string, EntityDraft>();
  for (const r of reports) {
    for (const c of r.candidates) {
      const key = nameKey(c.name);
      let draft = byKey.get(key);
      if (!draft) byKey.set(key, (draft = { name: c.name, type: c.type, aliases: [], seenIn: [] }));
      if (!draft.seenIn.includes(r.slug)) draft.seenIn.push(r.slug);
      for (const o of c.occurrences) {
        const shown = r.text
          .slice(o.offset, o.offset + o.length)
          .replace(/\s+/g, ' ')
          .trim();
        if (shown && nameKey(shown) !== key && !draft.aliases.some((a) => nameKey(a) === nameKey(shown))) draft.aliases.push(shown);
      }
    }
  }
  return [...byKey.values()];
}

/** A draft entity file: name, type and aliases seen; the summary and profile are the editor's. */
export function entityDraftMarkdown(e: EntityDraft): string {
  const lines = ['---', `name: ${yamlValue(e.name)}`, `type: ${e.type}`];
  if (e.aliases.length) lines.push(`aliases: ${yamlValue(e.aliases)}`);
  lines.push(
    'draft: true',
    '# summary: one line, to be written by the editor',
    `# seen in: ${e.seenIn.map((s) => `articles/${s}.md`).join(', ')}`,
    '---',
    '',
  );
  return lines.join('\n');
}
