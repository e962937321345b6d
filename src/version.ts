import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './runtime.ts';

/** Briefing's version, from package.json; part of every build id so a new release refreshes offline caches. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
export const TEMPLATE_VERSION = `briefing@${VERSION}`;
