import type { DiagnosticBag } from '../diagnostics.ts';
import type { EntityRegistry } from '../content/registry.ts';
import type { EntityId, SourcePosition } from '../types.ts';

export interface ResolvedTarget {
  readonly id: EntityId;
  readonly stub: boolean;
}

/**
 * Asks the registry for a target and turns "unknown" and "ambiguous" into diagnostics. An unknown
 * target is a warning (an error under --strict, decided by the CLI) and gets a stub entity.
 */
export function resolveTarget(
  registry: EntityRegistry,
  bag: DiagnosticBag,
  target: string,
  at: SourcePosition,
  role: string,
): ResolvedTarget {
  const r = registry.resolve(target);
  switch (r.kind) {
    case 'found':
      return { id: r.id, stub: false };
    case 'ambiguous':
      bag.error('ambiguous-mention', `${role} "${target}" is ambiguous: it names ${r.ids.join(' and ')}; write the id instead`, at);
      return { id: r.ids[0]!, stub: false };
    case 'invalid':
      // The entity's file failed validation and says so; the build fails on that error.
      return { id: registry.stubFor(target, at).id, stub: true };
    case 'unknown': {
      const stub = registry.stubFor(target, at);
      const near = registry.suggest(target);
      bag.warning(
        'unknown-entity',
        near === undefined
          ? `${role} "${target}" matches no entity id, name or alias: add entities/${stub.id}.md or correct the name (a stub page is built for now)`
          : `${role} "${target}" matches no entity id, name or alias; did you mean "${near}"? (or add entities/${stub.id}.md; a stub page is built for now)`,
        at,
      );
      return { id: stub.id, stub: true };
    }
  }
}
