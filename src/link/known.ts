import { splitDocument } from '../content/frontmatter.ts';
import { validateContent } from '../content/validate.ts';
import type { DiagnosticBag } from '../diagnostics.ts';
import { EntityRegistry } from '../content/registry.ts';
import type { SourceFile, SplitDocument } from '../types.ts';
import { loadTagger } from './actor.ts';
import { createLinker, type Linker, type LinkTarget } from './linker.ts';

/** A content folder's entities as `link` and `import` need them. */
export interface KnownEntities {
  /** Links every name, alias or id that resolves to exactly one entity. */
  readonly linker: Linker;
  /** Display names by id. */
  readonly names: ReadonlyMap<string, string>;
  /** Whether a name resolves to an entity (or to several: it is not new either way). */
  isKnown(name: string): boolean;
  /** The id of the one entity a name, alias or id resolves to. */
  idOf(name: string): string | undefined;
  /** Resolves when the linker can scan: its tagger is loaded if some place stands for a state. */
  readonly ready: Promise<void>;
}

/**
 * The entities among `files`, read and validated as the build reads them, with the build's one
 * resolver behind them: only names the registry resolves to one entity are linked (a name two
 * entities claim is the build's error, not a link). Problems with the entity files go into `bag`.
 */
export function knownEntities(files: readonly SourceFile[], bag: DiagnosticBag): KnownEntities {
  const split = files
    .filter((f) => f.kind === 'entity')
    .map((f) => splitDocument(f, bag))
    .filter((d): d is SplitDocument => d !== undefined);
  const { entities } = validateContent(split, bag);
  const registry = new EntityRegistry(entities, bag);
  const names = new Map<string, string>();
  const targets: LinkTarget[] = entities.map(({ split: doc, meta }) => {
    const id = doc.source.id;
    names.set(id, meta.name);
    const own = [meta.name, ...meta.aliases, id].filter((n) => {
      const r = registry.resolve(n);
      return r.kind === 'found' && r.id === id;
    });
    return { id, names: own, standsFor: meta.type === 'place' ? stateOf(meta.attributes, id, registry) : undefined };
  });
  return {
    linker: createLinker(targets),
    ready: targets.some((t) => t.standsFor !== undefined) ? loadTagger() : Promise.resolve(),
    names,
    isKnown: (name) => {
      const kind = registry.resolve(name).kind;
      return kind === 'found' || kind === 'ambiguous';
    },
    idOf: (name) => {
      const r = registry.resolve(name);
      return r.kind === 'found' ? r.id : undefined;
    },
  };
}

/**
 * The state a place is in, as its profile gives it: a `Country` attribute (any case) whose value
 * is one mention of another entity ("[[North Korea]]"). A place with one is a city or a region,
 * whose name may stand for that state; a place without one is taken as the state itself.
 */
function stateOf(attributes: readonly { label: string; value: string }[], id: string, registry: EntityRegistry): string | undefined {
  const value = attributes.find((a) => a.label.trim().toLowerCase() === 'country')?.value;
  const mention = value && /^\s*\[\[([^[\]|]+)(?:\|[^[\]]*)?\]\]\s*$/.exec(value);
  if (!mention) return undefined;
  const r = registry.resolve(mention[1]!.trim());
  return r.kind === 'found' && r.id !== id ? r.id : undefined;
}
