import { isIsoDateError, parseIsoDate, type IsoDate } from '../content/dates.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import type { EntityRegistry } from '../content/registry.ts';
import { flat } from '../strings.ts';
import { ID_PATTERN, type ClaimId, type EntityId, type SourcePosition } from '../types.ts';
import type { RawAttribute } from './attribute-list.ts';
import { resolveTarget } from './resolve.ts';

/** What a key's parser is handed: where to report, how to resolve, where a value's characters are. */
export interface SpanKeyInput {
  readonly raw: RawAttribute;
  readonly bag: DiagnosticBag;
  readonly registry: EntityRegistry;
  /** The source position of an offset in the span's block text. */
  readonly pos: (offset: number) => SourcePosition;
}

/**
 * What the entities a key names are to the model. Each role is followed to the fact sheets that
 * show it (`src/model/touched.ts` maps every role, so a new one fails to compile until it is):
 * a `subject` is a subject of the span's claim, a `speaker` speaks the span's quotation.
 */
export type EntityRole = 'subject' | 'speaker';

/** Anything that collects entity ids: a `Set` is one, so naming entities allocates nothing. */
export interface EntitySink {
  add(id: EntityId): unknown;
}

/**
 * One attribute key of `[text]{key=value …}`: how its value is read and checked, which entities it
 * names, and how the fixtures print it. Its value travels as the field of the same name into the
 * span's `SpanRecord` (src/annotate/collect.ts completes the object the span rule makes).
 */
export interface SpanKey<V> {
  /** The value of a span without this key (made anew per span: the model may keep it). */
  readonly empty: () => V;
  /** The checked value; problems go into `input.bag`, and the key then keeps its empty value. */
  readonly parse: (input: SpanKeyInput) => V | undefined;
  /** Entities the value names: resolved by `parse`, kept as stubs, and given to the model in `role`. */
  readonly names?: {
    readonly role: EntityRole;
    // Method syntax: its parameter is bivariant, so a table can hold keys of any value type.
    each(value: V, into: EntitySink): void;
  };
  /** Keys of which the span needs one with a value (`show` gives one), and the error when none has. */
  readonly needs?: { readonly keys: readonly string[]; readonly code: string; readonly message: string };
  /** The value as the annotation fixtures write it, or undefined when it is empty. */
  show(value: V): string | undefined;
}

/** A table of span keys, in the order records list their fields and the fixtures print them. */
export type SpanKeyTable = { readonly [key: string]: SpanKey<unknown> };

/** The validated attributes of one span under a table: one field per key. */
export type SpanAttributesOf<T> = { readonly [K in keyof T]: T[K] extends SpanKey<infer V> ? V : never };

/** A `conflicts=` id with where it is written, for "names no claim" diagnostics. */
export interface ConflictRef {
  readonly id: ClaimId;
  readonly at: SourcePosition;
}

/** Typed here so each entry's functions agree on its value type. */
export function spanKey<V>(key: SpanKey<V>): SpanKey<V> {
  return key;
}

/** A key naming a comma-separated list of entities by name, alias or id (`about=`). */
export function entityListKey(what: string, role: EntityRole): SpanKey<readonly EntityId[]> {
  return spanKey<readonly EntityId[]>({
    empty: () => [],
    parse: ({ raw, bag, registry, pos }) =>
      splitList(raw.value).map((item) => resolveTarget(registry, bag, item.text, pos(raw.valueOffset + item.offset), what).id),
    names: { role, each: (ids, into) => ids.forEach((id) => into.add(id)) },
    show: (ids) => (ids.length > 0 ? ids.join(',') : undefined),
  });
}

/**
 * The span keys of FORMAT.md §2. A key added here is parsed, checked, resolved, kept in
 * `SpanRecord`, printed by the fixtures, and its entities kept as stubs and given to the model,
 * with no other change; a model or page that shows it more is one more file each.
 */
export const SPAN_KEYS = {
  claim: spanKey<ClaimId | undefined>({
    empty: () => undefined,
    parse: ({ raw, bag, pos }) => {
      // A copy: the value is a slice of the body's source, which the model would keep alive (src/strings.ts).
      if (ID_PATTERN.test(raw.value)) return flat(raw.value) as ClaimId;
      bag.error(
        'bad-claim-id',
        `claim id "${raw.value}" is invalid: use lowercase letters, digits and hyphens (e.g. ${suggest(raw.value)})`,
        pos(raw.valueOffset),
      );
      return undefined;
    },
    show: (id) => id,
  }),
  quote: spanKey<EntityId | undefined>({
    empty: () => undefined,
    parse: ({ raw, bag, registry, pos }) => resolveTarget(registry, bag, raw.value.trim(), pos(raw.valueOffset), 'quote speaker').id,
    names: { role: 'speaker', each: (id, into) => id !== undefined && into.add(id) },
    show: (id) => id,
  }),
  date: spanKey<IsoDate | undefined>({
    empty: () => undefined,
    parse: ({ raw, bag, pos }) => {
      const parsed = parseIsoDate(raw.value);
      if (!isIsoDateError(parsed)) return parsed;
      bag.error('bad-date', `date ${parsed.error}`, pos(raw.valueOffset));
      return undefined;
    },
    needs: {
      keys: ['claim', 'quote'],
      code: 'date-without-subject',
      message: 'date= needs claim= or quote= on the same span: it dates a claim or a quotation',
    },
    show: (date) => date?.iso,
  }),
  about: entityListKey('about target', 'subject'),
  conflicts: spanKey<readonly ConflictRef[]>({
    empty: () => [],
    parse: ({ raw, bag, pos }) => {
      const refs: ConflictRef[] = [];
      for (const item of splitList(raw.value)) {
        const at = pos(raw.valueOffset + item.offset);
        if (ID_PATTERN.test(item.text)) refs.push({ id: flat(item.text) as ClaimId, at });
        else bag.error('bad-claim-id', `conflicting claim id "${item.text}" is invalid: use lowercase letters, digits and hyphens`, at);
      }
      return refs;
    },
    needs: {
      keys: ['claim'],
      code: 'conflicts-without-claim',
      message: 'conflicts= needs claim= on the same span: only a claim can contradict another',
    },
    show: (refs) => (refs.length > 0 ? refs.map((r) => r.id).join(',') : undefined),
  }),
} satisfies SpanKeyTable;

export type SpanAttributes = SpanAttributesOf<typeof SPAN_KEYS>;

/** The span's attributes, every key of `keys` at its empty value, in the table's order. */
export function emptyAttributes<T extends SpanKeyTable>(keys: T): SpanAttributesOf<T> {
  const values: Record<string, unknown> = {};
  for (const key in keys) values[key] = keys[key]!.empty();
  return values as SpanAttributesOf<T>;
}

/**
 * Reads a span's attribute list: unknown and repeated keys, bad values and missing companions are
 * errors at their key or value. Every key of the table is a field of the result, in its order, so
 * every span's object has one shape.
 */
export function readSpanAttributes<T extends SpanKeyTable>(
  keys: T,
  raw: readonly RawAttribute[],
  input: Omit<SpanKeyInput, 'raw'>,
  spanStart: number,
): SpanAttributesOf<T> {
  const { bag, pos } = input;
  const values = emptyAttributes(keys) as Record<string, unknown>;
  const given: RawAttribute[] = [];
  for (const attr of raw) {
    const key = Object.hasOwn(keys, attr.key) ? keys[attr.key] : undefined;
    if (!key) {
      bag.error('unknown-span-key', `unknown attribute "${attr.key}": a span takes ${Object.keys(keys).join(', ')}`, pos(attr.keyOffset));
      continue;
    }
    if (given.some((g) => g.key === attr.key)) {
      bag.error('duplicate-span-key', `attribute "${attr.key}" is given twice`, pos(attr.keyOffset));
      continue;
    }
    given.push(attr);
    const value = key.parse({ raw: attr, bag: input.bag, registry: input.registry, pos });
    if (value !== undefined) values[attr.key] = value;
  }
  // In the table's order, whatever the list's: the diagnostics come out the same for any order.
  for (const name in keys) {
    const needs = keys[name]!.needs;
    const attr = needs && given.find((g) => g.key === name);
    if (attr && !needs.keys.some((k) => keys[k]?.show(values[k]) !== undefined)) {
      bag.error(needs.code, needs.message, pos(attr.keyOffset));
    }
  }
  if (raw.length === 0) {
    const names = Object.keys(keys).map((k) => `${k}=`);
    bag.error(
      'empty-span',
      `attribute span has no attributes: add ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`,
      pos(spanStart),
    );
  }
  return values as SpanAttributesOf<T>;
}

/** Adds the entities the span's keys name (of one role, or all) to `into`, key by key in the table's order. */
export function spanEntities<T extends SpanKeyTable>(keys: T, span: SpanAttributesOf<T>, into: EntitySink, role?: EntityRole): void {
  for (const name in keys) {
    const names = keys[name]!.names;
    if (names && (role === undefined || names.role === role)) names.each(span[name], into);
  }
}

/** `key=value` for each key a span has, in the table's order: the annotation fixtures' form. */
export function showAttributes<T extends SpanKeyTable>(keys: T, span: SpanAttributesOf<T>): string[] {
  const parts: string[] = [];
  for (const name in keys) {
    const shown = keys[name]!.show(span[name]);
    if (shown !== undefined) parts.push(`${name}=${shown}`);
  }
  return parts;
}

/** A comma-separated list, each item with its offset in the value (for its diagnostic). */
function splitList(value: string): { text: string; offset: number }[] {
  const items: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const part of value.split(',')) {
    const text = part.trim();
    if (text) items.push({ text, offset: offset + part.indexOf(text) });
    offset += part.length + 1;
  }
  return items;
}

function suggest(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'launch-reported'
  );
}
