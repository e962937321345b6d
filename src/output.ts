import { randomBytes } from 'node:crypto';
import { promises as fs, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from './diagnostics.ts';

/** Written into every site Briefing builds, so a later build knows the folder is its own to replace. */
export const SITE_MARKER = '.briefing-site';

/**
 * A failed build changes nothing: the site is written into a staging folder beside the output
 * (same file system, so the final rename is atomic) and swapped in only when everything succeeded.
 * Eleventy, Hugo and Astro write into the output folder in place and leave it half-written.
 */
export async function createStaging(output: string, input: string): Promise<string> {
  const out = path.resolve(output);
  await guardOutput(out, path.resolve(input));
  const parent = path.dirname(out);
  await fs.mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(staging);
  await fs.writeFile(path.join(staging, SITE_MARKER), 'This folder was built by Briefing; the next build replaces it whole.\n');
  return staging;
}

/** Moves the staging folder into place; the previous site is removed only after the swap. */
export async function commitStaging(staging: string, output: string): Promise<void> {
  const out = path.resolve(output);
  const old = `${staging}.old`;
  const hadPrevious = await exists(out);
  if (hadPrevious) await fs.rename(out, old);
  try {
    await fs.rename(staging, out);
  } catch (error) {
    if (hadPrevious) await fs.rename(old, out);
    throw error;
  }
  if (hadPrevious) await fs.rm(old, { recursive: true, force: true });
}

export async function discardStaging(staging: string): Promise<void> {
  await fs.rm(staging, { recursive: true, force: true });
}

/** Refuses output folders whose replacement would destroy something that is not a Briefing site. */
async function guardOutput(out: string, input: string): Promise<void> {
  const forbidden = [path.parse(out).root, os.homedir(), process.cwd()];
  if (forbidden.includes(out)) throw new UsageError(`refusing to use ${out} as the output folder: it would be replaced whole`);
  const rel = path.relative(out, input);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new UsageError(`the output folder ${out} contains the input folder ${input}: choose another output folder`);
  }
  const stat = await fs.lstat(out).catch(() => undefined);
  if (!stat) return;
  if (!stat.isDirectory()) throw new UsageError(`the output path ${out} exists and is not a folder`);
  const entries = await fs.readdir(out);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new UsageError(`the output folder ${out} is not empty and was not built by Briefing (no ${SITE_MARKER} file): refusing to replace it`);
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

/**
 * `writeSync` until every byte is written (one call may write less: a full disk, a signal), at
 * `position` in the file, or at its current position when `position` is null.
 */
export function writeAllSync(fd: number, bytes: Uint8Array, position: number | null = null): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
}
