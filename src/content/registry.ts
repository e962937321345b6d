import { DiagnosticBag, displayPath } from '../diagnostics.ts';
import { RESERVED_IDS } from '../fixed-pages.ts';
import { flat } from '../strings.ts';
import type { EntityId, EntityMeta, EntityType, SourcePosition, ValidDocument } from '../types.ts';
import { distance } from 'fastest-levenshtein';
import { idForName, nameKey } from './names.ts';

export type Resolution =
  | { readonly kind: 'found'; readonly id: EntityId }
  | { readonly kind: 'ambiguous'; readonly ids: readonly EntityId[] }
  /** Named by an entity file that was left out for its own error (already reported there). */
  | { readonly kind: 'invalid' }
  | { readonly kind: 'unknown' };

/** A name the registry knows but no entity file defines (an unresolved mention's target). */
export interface StubEntity {
  readonly id: EntityId;
  readonly name: string;
  readonly type: EntityType;
  /** Where the name was first used. */
  readonly firstUse: SourcePosition;
}

/** What a registry knows from the entity files, as plain data a worker thread can receive. */
export interface RegistrySnapshot {
  readonly ids: readonly string[];
  readonly byKey: readonly (readonly [string, readonly Claimant[]])[];
  readonly invalid: readonly string[];
}

interface Claimant {
  readonly id: EntityId;
  readonly file: string;
  /** The name as the entity file writes it (for "did you mean"). */
  readonly name: string;
}

/**
 * The one resolver: only this class turns a name, alias or id into an entity id. It answers
 * found, ambiguous, invalid (named by an entity file left out for its own error) or unknown;
 * callers turn ambiguous and unknown into diagnostics, invalid and unknown into stubs.
 */
export class EntityRegistry {
  readonly #byKey = new Map<string, Claimant[]>();
  readonly #ids = new Set<string>(RESERVED_IDS.entities);
  /** Name keys of entity files left out for their own errors (`invalid`). */
  readonly #invalid = new Set<string>();
  readonly #stubs = new Map<string, StubEntity>();
  /** Resolutions by the target as written: the same names recur thousands of times. */
  readonly #resolved = new Map<string, Resolution>();
  /** Suggestions by name key: asked once per unknown name, however often it is written. */
  readonly #suggested = new Map<string, string | undefined>();

  /**
   * `invalid`: the ids, names and aliases of entity files that failed validation. A mention of one
   * makes a stub like an unknown name, but is not reported: the file's own error says enough.
   */
  constructor(entities: readonly ValidDocument<EntityMeta>[], bag: DiagnosticBag, invalid: readonly string[] = []) {
    for (const name of invalid) {
      const key = nameKey(name);
      if (key) this.#invalid.add(key);
    }
    for (const { split } of entities) this.#ids.add(split.source.id);
    for (const { split, meta } of entities) {
      const id = split.source.id as EntityId;
      const file = split.source.path;
      // Positions are looked up only for an error: finding one parses the front matter again.
      this.#claim(id, id, file, () => split.locate([]), bag);
      this.#claim(meta.name, id, file, () => split.locate(['name']), bag);
      meta.aliases.forEach((alias, i) => this.#claim(alias, id, file, () => split.locate(['aliases', i]), bag));
    }
  }

  /** The names and ids from the entity files (not the stubs made since). */
  snapshot(): RegistrySnapshot {
    const stubIds = new Set([...this.#stubs.values()].map((s) => s.id as string));
    return { ids: [...this.#ids].filter((id) => !stubIds.has(id)), byKey: [...this.#byKey], invalid: [...this.#invalid] };
  }

  /** A registry that resolves like the one `snapshot` was taken from, before any stub was made. */
  static fromSnapshot(snapshot: RegistrySnapshot): EntityRegistry {
    const registry = new EntityRegistry([], new NoDiagnostics());
    for (const id of snapshot.ids) registry.#ids.add(id);
    for (const [key, claimants] of snapshot.byKey) registry.#byKey.set(key, [...claimants]);
    for (const key of snapshot.invalid) registry.#invalid.add(key);
    return registry;
  }

  #claim(name: string, id: EntityId, file: string, at: () => SourcePosition, bag: DiagnosticBag): void {
    const key = nameKey(name);
    if (!key) return;
    const claimants = this.#byKey.get(key);
    if (!claimants) {
      this.#byKey.set(key, [{ id, file, name }]);
      return;
    }
    if (claimants.some((c) => c.id === id)) return; // the same entity names itself twice: harmless
    const first = claimants[0]!;
    claimants.push({ id, file, name });
    bag.error(
      'ambiguous-name',
      `the name "${name}" is claimed by two entities: ${displayPath(first.file)} (${first.id}) and ${displayPath(file)} (${id}); keep it on one and link the other as [[${id}|${name}]]`,
      at(),
    );
  }

  resolve(target: string): Resolution {
    let r = this.#resolved.get(target);
    if (!r) {
      const key = nameKey(target);
      const claimants = this.#byKey.get(key);
      r = !claimants
        ? this.#invalid.has(key)
          ? { kind: 'invalid' }
          : { kind: 'unknown' }
        : claimants.length > 1
          ? { kind: 'ambiguous', ids: claimants.map((c) => c.id) }
          : { kind: 'found', id: claimants[0]!.id };
      this.#resolved.set(target, r);
    }
    return r;
  }

  /**
   * The known name closest to an unknown one, if it is close enough to be a slip of the keyboard:
   * at most one edit (a letter missing, extra or wrong, or two neighbours swapped) in a name of up to 12 characters, two beyond ("South Korea" is two edits from "North Korea") (case, spacing
   * and Unicode forms never count: names are compared by their keys). Called only for a name that
   * resolved to nothing, which is rare, and remembered; it compares with every known name.
   */
  suggest(target: string): string | undefined {
    const key = nameKey(target);
    if (this.#suggested.has(key)) return this.#suggested.get(key);
    const limit = key.length < 3 ? 0 : key.length <= 12 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const [known, claimants] of this.#byKey) {
      if (Math.abs(known.length - key.length) >= bestDistance || claimants.length > 1) continue;
      const d = slips(key, known);
      if (d < bestDistance || (d === bestDistance && best !== undefined && claimants[0]!.name < best)) {
        bestDistance = d;
        best = claimants[0]!.name;
      }
    }
    this.#suggested.set(key, best);
    return best;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /**
   * The stub entity standing in for an unknown name, created on first use so the draft site
   * still links somewhere. Its id never collides with a real entity's or another stub's.
   */
  stubFor(target: string, at: SourcePosition): StubEntity {
    const key = nameKey(target);
    const existing = this.#stubs.get(key);
    if (existing) return existing;
    const base = idForName(target);
    let id = base;
    for (let n = 2; this.#ids.has(id); n++) id = `${base}-${n}`;
    this.#ids.add(id);
    // Copies, not slices: the target is a slice of the text it was written in, and a stub's id and
    // name live as long as the model, which would keep that whole text alive (src/strings.ts).
    const stub: StubEntity = { id: flat(id) as EntityId, name: flat(target.replace(/\s+/gu, ' ').trim()), type: 'topic', firstUse: at };
    this.#stubs.set(key, stub);
    return stub;
  }

  get stubs(): readonly StubEntity[] {
    return [...this.#stubs.values()];
  }

  /** How many stubs exist: `stubs.slice(n)` are the ones made after this was read. */
  get stubCount(): number {
    return this.#stubs.size;
  }
}

/** Edits from one name to another, where two neighbouring letters swapped ("Koera") count as one. */
export function slips(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
}

/** The registry from a snapshot reports nothing: its names were checked where it was taken. */
class NoDiagnostics extends DiagnosticBag {
  override error(): void {}
  override warning(): void {}
}
