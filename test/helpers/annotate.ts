/**
 * Test helpers for the annotation parser and the entity registry.
 *
 * They build the same objects `src/build.ts` hands from stage to stage — entity documents split by
 * `splitDocument` (so `locate` points into real front matter), an `EntityRegistry`, the project's
 * one Markdown parser from `createMarkdown`, and a body parsed by `annotateBody` — without a
 * content folder on disk.
 */
import { annotateBody, type AnnotatedText } from '../../src/annotate/parse.ts';
import { entityPage } from '../../src/site/paths.ts';
import { createMarkdown } from '../../src/annotate/markdown.ts';
import { SPAN_KEYS, showAttributes, type SpanAttributesOf, type SpanKeyTable } from '../../src/annotate/span-keys.ts';
import { splitDocument } from '../../src/content/frontmatter.ts';
import { DiagnosticBag, type Diagnostic } from '../../src/diagnostics.ts';
import { EntityRegistry } from '../../src/content/registry.ts';
import type { EntityMeta, EntityType, SplitDocument, ValidDocument } from '../../src/types.ts';

/** An entity as a test declares it: what its front matter would say. */
export interface EntitySpec {
  readonly id: string;
  readonly name: string;
  readonly type?: EntityType;
  readonly aliases?: readonly string[];
}

/** The fixed registry the annotation fixtures are written against. */
export const FIXTURE_ENTITIES: readonly EntitySpec[] = [
  { id: 'kim-jong-un', name: 'Kim Jong Un', type: 'person', aliases: ['Kim', '김정은'] },
  { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person', aliases: ['Putin', 'Владимир Путин'] },
  { id: 'north-korea', name: 'North Korea', type: 'place', aliases: ['DPRK'] },
  { id: 'japan', name: 'Japan', type: 'place' },
];

/** Where fake entity files live; only used in diagnostics' `file`. */
export const ENTITY_DIR = '/content/entities';

/**
 * An entity document as validation would hand it on: the file text is real YAML front matter,
 * split by `splitDocument`, so `locate(['aliases', 1])` points at the second alias's line.
 */
export function entityDocument(spec: EntitySpec): ValidDocument<EntityMeta> {
  const aliases = spec.aliases ?? [];
  const lines = ['---', `name: ${JSON.stringify(spec.name)}`, `type: ${spec.type ?? 'topic'}`];
  if (aliases.length > 0) lines.push('aliases:', ...aliases.map((a) => `  - ${JSON.stringify(a)}`));
  lines.push('---', '', `Profile of ${spec.name}.`, '');
  const bag = new DiagnosticBag();
  const split = splitDocument({ kind: 'entity', path: `${ENTITY_DIR}/${spec.id}.md`, id: spec.id, text: lines.join('\n') }, bag);
  if (!split || bag.items.length > 0) {
    throw new Error(`test entity ${spec.id} did not split cleanly: ${bag.items.map((d) => d.message).join('; ')}`);
  }
  return {
    split,
    meta: { name: spec.name, type: spec.type ?? 'topic', aliases, attributes: [], sameAs: [] },
  };
}

/** A registry over `specs`; problems found while building it go into `bag`. */
export function makeRegistry(specs: readonly EntitySpec[], bag: DiagnosticBag = new DiagnosticBag()): EntityRegistry {
  return new EntityRegistry(specs.map(entityDocument), bag);
}

/** A Markdown body as `splitDocument` would return it; `bodyLineOffset` 0 makes line 1 the body's first line. */
export function bodyDocument(body: string, file = '/content/articles/case.md', bodyLineOffset = 0): SplitDocument {
  const start = { file, line: 1, column: 1 };
  return {
    source: { kind: 'article', path: file, id: 'case', text: body },
    data: {},
    body,
    bodyLineOffset,
    locate: () => start,
    locateText: () => (offset) => ({ ...start, column: start.column + offset }),
  };
}

export interface AnnotateResult extends AnnotatedText {
  readonly diagnostics: readonly Diagnostic[];
  readonly registry: EntityRegistry;
}

/**
 * Parses one Markdown body against a fresh registry (stubs made by one case never leak into the
 * next) and returns the HTML, what was collected, and the diagnostics, sorted by position.
 */
export function annotate(
  body: string,
  options: { entities?: readonly EntitySpec[]; root?: string; doc?: SplitDocument; spanKeys?: SpanKeyTable } = {},
): AnnotateResult {
  const bag = new DiagnosticBag();
  const registry = makeRegistry(options.entities ?? FIXTURE_ENTITIES, bag);
  if (bag.items.length > 0) throw new Error(`test registry is not clean: ${bag.items.map((d) => d.message).join('; ')}`);
  const md = createMarkdown(registry, entityPage, options.spanKeys);
  const result = annotateBody(md, options.doc ?? bodyDocument(body), options.root ?? '../', bag);
  return { ...result, diagnostics: bag.sorted(), registry };
}

/** `line:column: severity: code`, the form the fixtures write diagnostics in. */
export function diagnosticLine(d: Diagnostic): string {
  return `${d.line}:${d.column}: ${d.severity}: ${d.code}`;
}

/**
 * The fixtures' `@@@ spans` lines, `line:column #anchor key=value … mentions=… | text`, in source
 * order; each key prints itself (`SpanKey.show`), so a key added to the table is printed too.
 */
export function spanLines(result: AnnotatedText, keys: SpanKeyTable = SPAN_KEYS): string[] {
  return [...result.spans]
    .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)
    .map((s) => {
      const parts = [
        `${s.at.line}:${s.at.column}`,
        `#${s.anchor}`,
        ...showAttributes(keys, s as unknown as SpanAttributesOf<SpanKeyTable>),
      ];
      if (s.mentions.length > 0) parts.push(`mentions=${s.mentions.join(',')}`);
      return `${parts.join(' ')} | ${s.text}`;
    });
}
