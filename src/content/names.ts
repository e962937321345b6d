import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/**
 * The key a name is looked up by (FORMAT.md §2): Unicode NFKC, case folded, whitespace collapsed.
 * JavaScript has no case-folding function; upper- then lower-casing applies the full (one-to-many)
 * mappings that folding uses, so "Strauß" and "STRAUSS" meet at "strauss" and final sigma meets
 * sigma, where lower-casing alone would not.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * An id for a name that has no file (a stub entity): transliterated by slugify
 * ("Владимир Путин" → "vladimir-putin"); a name slugify cannot spell in Latin letters
 * ("김정은") gets a short stable hash so the id is never empty.
 */
export function idForName(name: string, prefix = 'entity'): string {
  // NFKC first, so a full-width "Ｈｅｒｏ" gets the same id as "Hero".
  const slug = slugify(name.normalize('NFKC'), { decamelize: false });
  if (slug) return slug.slice(0, 80).replace(/-+$/, '');
  return `${prefix}-${createHash('sha1').update(nameKey(name)).digest('hex').slice(0, 8)}`;
}
