import { createHash } from 'node:crypto';
import type { SourceFile, SplitDocument } from '../types.ts';

/**
 * The ids, names and aliases of the entity files left out for their own errors (front matter that
 * did not parse or did not validate): mentions of them are not reported again as unknown.
 */
export function invalidEntityNames(files: readonly SourceFile[], split: readonly SplitDocument[], rejected: readonly SplitDocument[]): string[] {
  const parsed = new Set(split.map((d) => d.source.path));
  const names = files.filter((f) => f.kind === 'entity' && !parsed.has(f.path)).map((f) => f.id);
  for (const { source, data } of rejected) {
    if (source.kind !== 'entity') continue;
    names.push(source.id);
    if (typeof data.name === 'string') names.push(data.name);
    if (Array.isArray(data.aliases)) for (const alias of data.aliases as unknown[]) if (typeof alias === 'string') names.push(alias);
  }
  return names;
}

/** Changes when briefing.md or any entity file changes (they decide how every mention resolves). */
export function entitiesKey(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) if (f.kind !== 'article') hash.update(f.path).update('\0').update(f.text).update('\0');
  return hash.digest('hex');
}
