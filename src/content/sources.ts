import { DiagnosticBag, displayPath } from '../diagnostics.ts';
import type { SourceId, SourceMeta, ValidContent, ValidDocument } from '../types.ts';
import { nameKey } from './names.ts';
import { slips } from './registry.ts';

/**
 * The source records' names (FORMAT.md §5): each record's id, name and aliases by name key, so an
 * article's `source` resolves as a mention target does (NFKC, case folded, whitespace collapsed).
 * Two records claiming one name is an error at the second claim, naming both files. An article's
 * `source` that no record claims is free text and stays valid; only one a slip of the keyboard
 * away from a record's name is a warning (`nearMisses`).
 */
export function sourceNames({ sources, articles }: Pick<ValidContent, 'sources' | 'articles'>, bag: DiagnosticBag): ReadonlyMap<string, SourceId> {
  const byKey = new Map<string, { readonly id: SourceId; readonly file: string; readonly name: string }>();
  const claim = (name: string, id: SourceId, split: ValidDocument<SourceMeta>['split'], at: readonly (string | number)[]): void => {
    const key = nameKey(name);
    if (!key) return;
    const first = byKey.get(key);
    if (!first) byKey.set(key, { id, file: split.source.path, name });
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
  if (byKey.size > 0) nearMisses(articles, byKey, bag);
  return new Map([...byKey].map(([key, { id }]) => [key, id]));
}

/**
 * A warning at the first article whose `source` no record claims but one record's name or alias is
 * a slip away from (the entity registry's measure: one edit in a name of up to 12 characters, two
 * beyond). Each spelling is looked at once, so this is a set lookup per article.
 */
function nearMisses(
  articles: ValidContent['articles'],
  names: ReadonlyMap<string, { readonly id: SourceId; readonly name: string }>,
  bag: DiagnosticBag,
): void {
  const seen = new Set<string>();
  for (const { split, meta } of articles) {
    if (seen.has(meta.source)) continue;
    seen.add(meta.source);
    const key = nameKey(meta.source);
    if (names.has(key) || key.length < 3) continue;
    let best: { readonly id: SourceId; readonly name: string } | undefined;
    let bestDistance = (key.length <= 12 ? 1 : 2) + 1;
    for (const [known, claim] of names) {
      if (Math.abs(known.length - key.length) >= bestDistance) continue;
      const d = slips(key, known);
      if (d < bestDistance || (d === bestDistance && best !== undefined && claim.name < best.name)) {
        bestDistance = d;
        best = claim;
      }
    }
    if (best === undefined) continue;
    bag.warning(
      'unknown-source',
      `source "${meta.source}" matches no source record; did you mean "${best.name}" (sources/${best.id}.md)? As written, it is a publication of its own`,
      split.locate(['source']),
    );
  }
}
