import { randomBytes } from 'node:crypto';
import { promises as fs, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayPath, UsageError } from './diagnostics.ts';

/** Written into every site Briefing builds, so a later build knows the folder is its own to replace. */
export const SITE_MARKER = '.briefing-site';

/**
 * The renames and removals of the swap, replaceable by a test (test/integration/swap.test.ts
 * makes `rename` fail as it does on a mounted folder). Not an option: nothing else sets it.
 */
export const swapFs = { rename: fs.rename, rm: fs.rm };

/**
 * A failed build changes nothing: the site is written into a staging folder beside the output
 * (same file system, so the final rename is atomic) and swapped in only when everything succeeded.
 * Eleventy, Hugo and Astro write into the output folder in place and leave it half-written.
 *
 * Node cannot exchange two folders in one step (Linux's `renameat2(RENAME_EXCHANGE)` needs a
 * native addon), so the swap is two renames, output → `<staging>.old` and staging → output, with
 * a moment between them where the output path is missing. Every build therefore begins by
 * repairing what a killed build left (`prepareOutput`): it moves a `.old` back when the output is
 * missing, and removes the staging folders of builds whose process is gone. A lock file beside
 * the output, holding the builder's pid, keeps two builds from swapping the same folder at once;
 * a lock whose process is gone is stale and taken over.
 */
export async function prepareOutput(output: string, input: string): Promise<OutputLock> {
  const out = path.resolve(output);
  await guardPaths(out, input);
  const parent = path.dirname(out);
  await fs.mkdir(parent, { recursive: true });
  const lock = await lockOutput(out);
  try {
    await repair(out);
    await guardContents(out);
  } catch (error) {
    await lock.release();
    throw error;
  }
  return lock;
}

/** Creates the staging folder; only under the output's lock (`prepareOutput`). */
export async function createStaging(output: string): Promise<string> {
  const out = path.resolve(output);
  const staging = path.join(path.dirname(out), `.${path.basename(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(staging);
  await fs.writeFile(path.join(staging, SITE_MARKER), 'This folder was built by Briefing; the next build replaces it whole.\n');
  return staging;
}

/** Moves the staging folder into place; the previous site is removed only after the swap. */
export async function commitStaging(staging: string, output: string): Promise<void> {
  const out = path.resolve(output);
  const old = `${staging}.old`;
  await pauseForTest('staged');
  const hadPrevious = await exists(out);
  if (hadPrevious) {
    try {
      await swapFs.rename(out, old);
    } catch (error) {
      // A mount point (a container volume) cannot be renamed: EBUSY, or EXDEV across devices.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EBUSY' && code !== 'EXDEV') throw error;
      await replaceInPlace(staging, out);
      return;
    }
  }
  await pauseForTest('between');
  try {
    await swapFs.rename(staging, out);
  } catch (error) {
    if (hadPrevious) await swapFs.rename(old, out);
    throw error;
  }
  await pauseForTest('swapped');
  if (hadPrevious) await swapFs.rm(old, { recursive: true, force: true });
}

export async function discardStaging(staging: string): Promise<void> {
  await swapFs.rm(staging, { recursive: true, force: true });
}

/** Inside a mounted output folder, the previous site while the new one is copied in. */
const ASIDE = '.briefing-previous';
/** The same, once the new site is whole: only to be removed. */
const ASIDE_DONE = '.briefing-previous-done';
/** The same, being moved back after an interrupted copy. */
const ASIDE_RESTORING = '.briefing-previous-restoring';

/**
 * The swap for an output folder that cannot be renamed (a mount point): the previous site's
 * entries are moved into ASIDE inside it (renames within the mount), the new site is copied in,
 * and ASIDE is renamed to ASIDE_DONE, the moment the new site counts as whole, then removed. A
 * build killed before that moment leaves ASIDE, and the next build puts the previous site back
 * (`repairInPlace`); killed after, it leaves ASIDE_DONE, which the next build removes.
 */
async function replaceInPlace(staging: string, out: string): Promise<void> {
  const aside = path.join(out, ASIDE);
  await fs.mkdir(aside);
  for (const name of await fs.readdir(out)) if (name !== ASIDE) await swapFs.rename(path.join(out, name), path.join(aside, name));
  await pauseForTest('in-place');
  for (const name of await fs.readdir(staging)) await fs.cp(path.join(staging, name), path.join(out, name), { recursive: true });
  await swapFs.rename(aside, path.join(out, ASIDE_DONE));
  await swapFs.rm(path.join(out, ASIDE_DONE), { recursive: true, force: true });
  await swapFs.rm(staging, { recursive: true, force: true });
}

/**
 * Undoes or finishes what a killed build left: the previous site moved aside and not replaced,
 * an interrupted copy into a mounted folder, and the staging folders of builds that are gone.
 * Runs under the lock, so no live build of this output is swapping.
 */
async function repair(out: string): Promise<void> {
  const parent = path.dirname(out);
  const leftovers = (await fs.readdir(parent)).filter((name) => leftoverPid(out, name) !== undefined);
  if (!(await exists(out))) {
    // Killed between the two renames: the previous site is in a `.old`; the newest one, if ever
    // more than one, is the last site that was whole.
    const olds = leftovers.filter((name) => name.endsWith('.old'));
    const times = await Promise.all(olds.map(async (name) => (await fs.stat(path.join(parent, name))).mtimeMs));
    const newest = olds[times.indexOf(Math.max(...times))];
    if (newest) {
      await swapFs.rename(path.join(parent, newest), out);
      leftovers.splice(leftovers.indexOf(newest), 1);
    }
  } else {
    await repairInPlace(out);
  }
  for (const name of leftovers) {
    const pid = leftoverPid(out, name)!;
    // This process's own are leftovers too: it holds the lock, so none of its builds is swapping.
    if (pid === process.pid || !alive(pid)) await swapFs.rm(path.join(parent, name), { recursive: true, force: true });
  }
}

/** See `replaceInPlace`. Each step can be interrupted and repeated. */
async function repairInPlace(out: string): Promise<void> {
  const aside = path.join(out, ASIDE);
  const restoring = path.join(out, ASIDE_RESTORING);
  if (await exists(aside)) {
    // The copy of the new site did not finish: what is beside ASIDE is part of it.
    for (const name of await fs.readdir(out)) if (name !== ASIDE) await swapFs.rm(path.join(out, name), { recursive: true, force: true });
    await swapFs.rename(aside, restoring);
  }
  if (await exists(restoring)) {
    for (const name of await fs.readdir(restoring)) await swapFs.rename(path.join(restoring, name), path.join(out, name));
    await fs.rmdir(restoring);
  }
  await swapFs.rm(path.join(out, ASIDE_DONE), { recursive: true, force: true });
}

/** The pid in a staging folder's name (`.<out>.tmp-<pid>-<hex>`, or its `.old`), or undefined for any other name. */
function leftoverPid(out: string, name: string): number | undefined {
  const prefix = `.${path.basename(out)}.tmp-`;
  if (!name.startsWith(prefix)) return undefined;
  const m = /^(\d+)-[0-9a-f]+(?:\.old)?$/.exec(name.slice(prefix.length));
  return m ? Number(m[1]) : undefined;
}

/** Whether a process with this pid exists (EPERM: it does, but belongs to someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A build's hold on its output folder (`prepareOutput`). */
export interface OutputLock {
  release(): Promise<void>;
}

/** The lock files this process holds: its own pid in a lock file is stale unless listed here. */
const heldHere = new Set<string>();

/**
 * `.<out>.lock` beside the output, created exclusively, holding this process's pid. A second
 * build of the same output fails at once with a usage error rather than waiting: a build takes
 * seconds to minutes, and the user who started two wants to know. A lock whose pid is gone (a
 * killed build; or this pid, reused after a container restart) is taken over. An empty lock has
 * just been created and not written yet, unless it is old (LOCK_WRITE_MS).
 */
async function lockOutput(out: string): Promise<OutputLock> {
  const file = path.join(path.dirname(out), `.${path.basename(out)}.lock`);
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(file);
      return {
        release: async () => {
          heldHere.delete(file);
          const holder = await fs.readFile(file, 'utf8').catch(() => '');
          if (Number(holder.trim()) === process.pid) await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw new UsageError(`cannot create the lock file ${displayPath(file)} beside the output folder: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    const stat = await fs.stat(file).catch(() => undefined);
    if (text === undefined || !stat) continue;
    const holder = Number(text.trim());
    const held =
      text.trim() === ''
        ? Date.now() - stat.mtimeMs < LOCK_WRITE_MS
        : Number.isSafeInteger(holder) && holder > 0 && (holder === process.pid ? heldHere.has(file) : alive(holder));
    if (held) {
      throw new UsageError(
        `another build is writing ${displayPath(out)} (process ${text.trim() || 'starting'}): wait for it to end, or delete ${displayPath(file)} if no build is running`,
      );
    }
    await fs.rm(file, { force: true });
  }
}

const LOCK_WRITE_MS = 10_000;

/**
 * Where the test of a killed swap stops the build (test/integration/swap.test.ts): with
 * BRIEFING_TEST_SWAP_PAUSE set to a point's name the build says so on stderr and waits to be
 * killed. Not a user option; unset, it is one look at the environment per build.
 */
async function pauseForTest(point: string): Promise<void> {
  if (process.env['BRIEFING_TEST_SWAP_PAUSE'] !== point) return;
  process.stderr.write(`briefing: test pause at ${point}\n`);
  await new Promise(() => setInterval(() => undefined, 60_000));
}

/**
 * Refuses output folders whose replacement would destroy something that is not a Briefing site:
 * a root, the home or working folder, or a folder holding the input. Compared as real paths
 * (symbolic links resolved), component by component: `out/..content` is inside `out`, and an
 * input reached through a link into the output is inside it too.
 */
async function guardPaths(out: string, input: string): Promise<void> {
  const realOut = await realPath(out);
  const forbidden = await Promise.all([path.parse(out).root, os.homedir(), process.cwd()].map(realPath));
  if (forbidden.includes(realOut) || forbidden.includes(out))
    throw new UsageError(`refusing to use ${out} as the output folder: it would be replaced whole`);
  const realInput = await realPath(path.resolve(input));
  if (within(realOut, realInput)) {
    throw new UsageError(`the output folder ${out} contains the input folder ${path.resolve(input)}: choose another output folder`);
  }
}

/** Whether `inner` is `outer` or lies under it, component by component. */
export function within(outer: string, inner: string): boolean {
  const a = outer.split(path.sep).filter(Boolean);
  const b = inner.split(path.sep).filter(Boolean);
  return a.length <= b.length && a.every((part, i) => part === b[i]);
}

/** The real path of `p`, or of its nearest existing folder followed by the rest of `p`. */
export async function realPath(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(await realPath(parent), path.basename(p));
  }
}

/** Refuses an output path that is not a folder, or a non-empty folder without SITE_MARKER. */
async function guardContents(out: string): Promise<void> {
  const stat = await fs.lstat(out).catch(() => undefined);
  if (!stat) return;
  if (!stat.isDirectory()) throw new UsageError(`the output path ${out} exists and is not a folder`);
  const entries = await fs.readdir(out);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new UsageError(
      `the output folder ${out} is not empty and was not built by Briefing (no ${SITE_MARKER} file): refusing to replace it`,
    );
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

/**
 * `Promise.all` that waits for every write before it rejects with the first failure: a stage's
 * writes still running when it fails would write into a staging folder being removed.
 */
export async function allWritten<T extends readonly unknown[]>(writes: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(writes);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * `writeSync` until every byte is written (one call may write less: a full disk, a signal), at
 * `position` in the file, or at its current position when `position` is null.
 */
export function writeAllSync(fd: number, bytes: Uint8Array, position: number | null = null): void {
  for (let done = 0; done < bytes.length;)
    done += writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
}
