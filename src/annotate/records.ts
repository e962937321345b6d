import type MarkdownIt from 'markdown-it';
import type { EntityRegistry } from '../content/registry.ts';
import { DiagnosticBag } from '../diagnostics.ts';
import type { ClaimId, ClaimMeta, EntityId, SourcePosition, SplitDocument, ValidDocument } from '../types.ts';
import { annotateBody, annotateFragment, type AnnotatedText } from './parse.ts';
import { resolveTarget } from './resolve.ts';
import { SPAN_KEYS, spanEntities } from './span-keys.ts';

/**
 * HTML for a page at the output root (`top`) and for a page one folder deep (`nested`): a claim
 * is shown on both (the home page, fact sheets), and its mentions' links start differently.
 */
export interface RootedHtml {
  readonly top: string;
  readonly nested: string;
}

/** A claim record (`claims/<id>.md`, FORMAT.md §5), annotated. */
export interface ClaimRecordText {
  readonly id: ClaimId;
  readonly meta: ClaimMeta;
  /** Where the record is, for diagnostics about the record as a whole. */
  readonly at: SourcePosition;
  /** The statement's HTML (mentions linked) and its plain text. */
  readonly statement: RootedHtml & { readonly text: string };
  /** The editor's note, when the body has one. */
  readonly note: RootedHtml | undefined;
  /** `about`, resolved like `about=` (unknown names warn and get stubs). */
  readonly about: readonly EntityId[];
  /** Every entity the record names (statement, note, `about`): linked, never counted as mentions, but their stubs are kept. */
  readonly named: readonly EntityId[];
}

/**
 * Annotates the claim records on this thread, after every other text (their stubs come last). The
 * records are few, and each text is annotated a second time for the other root, its diagnostics
 * dropped (the first time reported them).
 */
export function annotateClaimRecords(
  md: MarkdownIt,
  registry: EntityRegistry,
  records: readonly ValidDocument<ClaimMeta>[],
  bag: DiagnosticBag,
): ClaimRecordText[] {
  return records.map(({ split, meta }) => {
    const file = split.source.path;
    const named = new Set<EntityId>();
    const statementAt = { file, positions: () => split.locateText(['statement'], meta.statement) };
    const nested = used(annotateFragment(md, meta.statement, statementAt, '../', bag), named, bag);
    const top = annotateFragment(md, meta.statement, statementAt, '', new DiagnosticBag());
    const note = split.body.trim() === '' ? undefined : annotateNote(md, split, named, bag);
    // `about` may be one name instead of a list.
    const aboutAt = (i: number): SourcePosition => split.locate(Array.isArray(split.data.about) ? ['about', i] : ['about']);
    const about = meta.about.map((target, i) => resolveTarget(registry, bag, target, aboutAt(i), 'about target').id);
    return {
      id: split.source.id as ClaimId,
      meta,
      at: { file, line: 1, column: 1 },
      statement: { top: withoutIds(top.html), nested: withoutIds(nested.html), text: nested.blocks.map((b) => b.text).join(' ') },
      note,
      about,
      named: [...named, ...about],
    };
  });
}

/**
 * A record's HTML without ids: every note of a page would have a paragraph `p-1`, and nothing
 * links into a record's text. Content never puts a raw `"` into HTML (it is escaped), so
 * `id="…"` matches only the ids the renderer wrote.
 */
function withoutIds(h: string): string {
  return h.replace(/ id="[^"]*"/g, '');
}

function annotateNote(md: MarkdownIt, split: SplitDocument, named: Set<EntityId>, bag: DiagnosticBag): RootedHtml {
  const nested = used(annotateBody(md, split, '../', bag), named, bag);
  return { top: withoutIds(annotateBody(md, split, '', new DiagnosticBag()).html), nested: withoutIds(nested.html) };
}

/** Collects the entities a text names, and warns of claims and quotes in it, which count only in articles. */
function used(text: AnnotatedText, named: Set<EntityId>, bag: DiagnosticBag): AnnotatedText {
  for (const m of text.mentions) named.add(m.entity);
  for (const span of text.spans) {
    spanEntities(SPAN_KEYS, span, named);
    if (span.claim || span.quote) {
      bag.warning(
        'claim-outside-article',
        'claims and quotes are collected from articles only; this one in a claim record is shown but not counted',
        span.at,
      );
    }
  }
  return text;
}
