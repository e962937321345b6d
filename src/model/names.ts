import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/**
 * The key a name is looked up by (FORMAT.md §2): Unicode NFKC, case folded, whitespace collapsed.
 * JavaScript has no full case folding; lower-casing between two NFKC passes is the usual
 * approximation and agrees with folding for every script the tests cover (Latin, Cyrillic, Greek,
 * Hangul, Han).
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * An id for a name that has no file (a stub entity): transliterated by slugify
 * ("Владимир Путин" → "vladimir-putin"); a name slugify cannot spell in Latin letters
 * ("김정은") gets a short stable hash so the id is never empty.
 */
export function idForName(name: string): string {
  const slug = slugify(name, { decamelize: false });
  if (slug) return slug.slice(0, 80).replace(/-+$/, '');
  return `entity-${createHash('sha1').update(nameKey(name)).digest('hex').slice(0, 8)}`;
}
