import { z } from 'zod';
import { ENTITY_TYPES, RELIABILITY } from '../types.ts';
import { parseColour } from './colour.ts';
import { isIsoDateError, parseIsoDate } from './dates.ts';

/**
 * The front matter of FORMAT.md §1 as zod schemas, plus Briefing's documented extensions
 * (`draft` everywhere; `editorSupplied` and `editorNote` on articles; see docs/format.md).
 */

const text = z.string().trim().min(1, 'must not be empty');

const isoDate = z.string().superRefine((value, ctx) => {
  const parsed = parseIsoDate(value);
  if (isIsoDateError(parsed)) ctx.addIssue({ code: 'custom', message: parsed.error });
});

/** BCP 47: `Intl.getCanonicalLocales` throws a RangeError for a tag that is not well-formed. */
const languageTag = z.string().superRefine((value, ctx) => {
  try {
    Intl.getCanonicalLocales(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a BCP 47 language tag (e.g. en, de, pt-BR)` });
  }
});

/** Only http(s): a `javascript:`, `data:` or `file:` URL must never become a link. */
export const webUrl = z.string().superRefine((value, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an absolute http: or https: URL` });
  }
});

const stringList = z.array(text);

/**
 * A file of the content folder's assets/ named in briefing.md (FORMAT.md §6), e.g.
 * `assets/logo.svg`: relative, inside assets/, no hidden or `..` segment, with one of `types` as
 * its extension. That the file exists is checked against the assets read (content/brand.ts).
 */
function assetPath(types: readonly string[]) {
  return z.string().superRefine((value, ctx) => {
    const parts = value.split('/');
    const ext = /\.([^./]+)$/.exec(value)?.[1]?.toLowerCase();
    if (parts[0] !== 'assets' || parts.length < 2 || value.includes('\\') || parts.slice(1).some((p) => p === '' || p.startsWith('.'))) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a path under assets/ (write it as assets/<file>, e.g. assets/${types[0] === 'css' ? 'brand.css' : 'logo.svg'})` });
    } else if (!ext || !types.includes(ext)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a ${types.map((t) => `.${t}`).join(', ')} file` });
    }
  });
}

// An unquoted `#1a4f8b` is a YAML comment, so the key's value is null: say so.
const colour = z.string({ error: (issue) => (issue.input === null ? 'empty: in YAML a # starts a comment, so quote the colour ("#1a4f8b")' : undefined) }).superRefine((value, ctx) => {
  const parsed = parseColour(value);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});

/** One line of inline Markdown. */
const oneLine = text.refine((value) => !value.includes('\n'), 'must be one line of Markdown');

export const briefingSchema = z.object({
  title: text,
  subtitle: text.optional(),
  description: text.optional(),
  language: languageTag.optional(),
  publisher: text.optional(),
  author: text.optional(),
  updated: isoDate.optional(),
  baseUrl: webUrl.optional(),
  logo: assetPath(['svg', 'png', 'jpg', 'jpeg', 'webp', 'gif']).optional(),
  accent: colour.optional(),
  css: assetPath(['css']).optional(),
  footer: oneLine.optional(),
  draft: z.boolean().optional(),
});

const ARTICLE_KEYS = ['title', 'source', 'published', 'url', 'author', 'dateline', 'summary', 'language', 'tags'] as const;

export const articleSchema = z.object({
  title: text,
  source: text,
  published: isoDate,
  url: webUrl.optional(),
  author: z.union([text, stringList]).optional(),
  dateline: text.optional(),
  summary: text.optional(),
  language: languageTag.optional(),
  tags: stringList.optional(),
  draft: z.boolean().optional(),
  editorSupplied: z.array(z.enum(ARTICLE_KEYS)).optional(),
  editorNote: text.optional(),
});

const attributeValue = z.union([text, z.number(), z.boolean()]).transform(String);

/** FORMAT.md §1: `organisation`, the British spelling, is read as `organization`. */
const entityType = z.preprocess((value) => (value === 'organisation' ? 'organization' : value), z.enum(ENTITY_TYPES));

/** FORMAT.md §6: the image formats sharp reads, by file extension. */
const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'svg']);

/**
 * A path under the content folder's assets/, written relative to it (`people/kim.jpg`, or with
 * `assets/` in front). Checked as text here; that the file exists, is an image and stays inside
 * assets/ through links is checked against the disk in `assets.ts`, on every build.
 */
const imagePath = text.transform((value, ctx) => {
  const rel = value.startsWith('assets/') ? value.slice('assets/'.length) : value;
  const parts = rel.split('/');
  const ext = /\.([a-z0-9]+)$/i.exec(rel)?.[1]?.toLowerCase() ?? '';
  let problem: string | undefined;
  if (/^[a-z]+:/i.test(value) || rel.startsWith('/') || rel.includes('\\')) problem = 'must be a relative path under assets/ with / separators, not an address or absolute path';
  else if (parts.some((p) => p === '..' || p === '.' || p === '')) problem = 'must stay inside assets/ (no "..", "." or empty parts)';
  else if (!IMAGE_EXTENSIONS.has(ext)) problem = `"${value}" is not an image file name: write one ending in ${[...IMAGE_EXTENSIONS].map((e) => '.' + e).join(', ')}`;
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return rel;
});

export const entitySchema = z
  .object({
    name: text,
    type: entityType,
    aliases: stringList.optional(),
    summary: text.optional(),
    attributes: z.record(z.string().trim().min(1), attributeValue).optional(),
    sameAs: z.array(webUrl).optional(),
    image: imagePath.optional(),
    imageAlt: text.optional(),
    draft: z.boolean().optional(),
  })
  .superRefine((entity, ctx) => {
    if (entity.image !== undefined && entity.imageAlt === undefined)
      ctx.addIssue({ code: 'custom', path: ['image'], message: 'needs "imageAlt", the text alternative a reader hears or sees in its place' });
  });

/** FORMAT.md §5: the Admiralty scale's grades of information, 1 (best) to 6, in words. */
export const CREDIBILITY_WORDS = [
  'confirmed by other sources',
  'probably true',
  'possibly true',
  'doubtful',
  'improbable',
  'cannot be judged',
] as const;

const credibility = z.custom<number>((value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= CREDIBILITY_WORDS.length, {
  error: (issue) => {
    const scale = CREDIBILITY_WORDS.map((w, i) => `${i + 1} ${w}`).join(', ');
    return `${JSON.stringify(issue.input)} is not a credibility: write a whole number from 1 to 6 (${scale})`;
  },
});

/** A claim's statement: one sentence, so a line break that would start a paragraph is refused. */
const statement = text.refine((value) => !/\n\s*\n/.test(value), 'must be one sentence, not paragraphs (put the reasoning in the note, below the front matter)');

export const claimSchema = z.object({
  statement,
  credibility: credibility.optional(),
  about: z.union([text, stringList]).optional(),
  date: isoDate.optional(),
  draft: z.boolean().optional(),
});

/**
 * One capital letter A–F. A small letter is refused rather than read as its capital: the scale's
 * letters are written as capitals everywhere it is used, and the error says which one was meant.
 */
const reliability = z.string().superRefine((value, ctx) => {
  if (Object.hasOwn(RELIABILITY, value)) return;
  const upper = value.toUpperCase();
  const hint = Object.hasOwn(RELIABILITY, upper) ? `write it as a capital letter: ${upper}` : 'one letter A–F';
  const scale = Object.entries(RELIABILITY)
    .map(([letter, words]) => `${letter} ${words}`)
    .join(', ');
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a reliability: ${hint} (${scale})` });
});

export const sourceSchema = z.object({
  name: text,
  aliases: stringList.optional(),
  url: webUrl.optional(),
  country: text.optional(),
  owner: text.optional(),
  language: languageTag.optional(),
  reliability: reliability.optional(),
  draft: z.boolean().optional(),
});

/** An extra page (FORMAT.md §6): `nav` is its place in the site's navigation, any finite number. */
export const pageSchema = z.object({
  title: text,
  nav: z.number().finite().optional(),
  summary: text.optional(),
  draft: z.boolean().optional(),
});

/** What each key is for, used to make "missing key" errors say what to write. */
export const KEY_HINTS: Record<string, string> = {
  title: 'the headline',
  source: 'the publication or wire that reported it',
  published: 'the ISO 8601 date it was published, e.g. 2023-09-13',
  name: 'the display name',
  type: `one of ${ENTITY_TYPES.join(', ')}`,
  statement: "the fact in the editor's neutral words, one sentence",
};
