import { DiagnosticBag, displayPath } from '../diagnostics.ts';
import type { SourceId, SourceMeta, ValidDocument } from '../types.ts';
import { nameKey } from './names.ts';

/**
 * The source records' names (FORMAT.md §5): each record's id, name and aliases by name key, so an
 * article's `source` resolves as a mention target does (NFKC, case folded, whitespace collapsed).
 * Two records claiming one name is an error at the second claim, naming both files. An article's
 * `source` that no record claims is free text and stays valid: it is not looked up here.
 */
export function sourceNames(sources: readonly ValidDocument<SourceMeta>[], bag: DiagnosticBag): ReadonlyMap<string, SourceId> {
  const byKey = new Map<string, { readonly id: SourceId; readonly file: string }>();
  const claim = (name: string, id: SourceId, split: ValidDocument<SourceMeta>['split'], at: readonly (string | number)[]): void => {
    const key = nameKey(name);
    if (!key) return;
    const first = byKey.get(key);
    if (!first) byKey.set(key, { id, file: split.source.path });
    else if (first.id !== id) {
      bag.error(
        'ambiguous-source',
        `the name "${name}" is claimed by two sources: ${displayPath(first.file)} (${first.id}) and ${displayPath(split.source.path)} (${id}); keep it on one`,
        split.locate(at),
      );
    }
  };
  for (const { split, meta } of sources) {
    const id = split.source.id as SourceId;
    claim(id, id, split, []);
    claim(meta.name, id, split, ['name']);
    meta.aliases.forEach((alias, i) => claim(alias, id, split, ['aliases', i]));
  }
  return new Map([...byKey].map(([key, { id }]) => [key, id]));
}
