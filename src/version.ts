import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './runtime.ts';
import type { AssetFile } from './types.ts';

/** Briefing's version, from package.json; part of every build id so a new release refreshes offline caches. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
const TEMPLATE_VERSION = `briefing@${VERSION}`;

/** Same content, same id: the offline cache name changes exactly when the site does. */
export function buildId(files: readonly { kind: string; id: string; text: string }[], assets: readonly AssetFile[]): string {
  const hash = createHash('sha256').update(TEMPLATE_VERSION);
  for (const f of files) hash.update(f.kind).update('\0').update(f.id).update('\0').update(f.text).update('\0');
  // An asset's size and time stand for its bytes, which only the copy reads.
  for (const a of assets) hash.update(`asset\0${a.name}\0${a.size}\0${a.mtimeMs}\0`);
  return hash.digest('hex').slice(0, 12);
}
