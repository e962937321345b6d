import { DiagnosticBag, displayPath } from '../diagnostics.ts';
import { RESERVED_IDS } from '../site/paths.ts';
import { flat } from '../strings.ts';
import type { EntityId, EntityMeta, EntityType, SourcePosition, ValidDocument } from '../types.ts';
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
      this.#byKey.set(key, [{ id, file }]);
      return;
    }
    if (claimants.some((c) => c.id === id)) return; // the same entity names itself twice: harmless
    const first = claimants[0]!;
    claimants.push({ id, file });
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

/** The registry from a snapshot reports nothing: its names were checked where it was taken. */
class NoDiagnostics extends DiagnosticBag {
  override error(): void {}
  override warning(): void {}
}
