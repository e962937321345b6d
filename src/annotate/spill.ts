import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../diagnostics.ts';
import { writeAllSync } from '../output.ts';

/**
 * Article HTML between the annotate stage and the pages, out of the heap. A build of 10,000
 * articles made 75 million characters of body HTML, 125 MB as the two-byte strings real text
 * needs (one curly quote makes a whole string two-byte), and held all of it from the moment each
 * body was annotated until its page was rendered, through the model stage: half of what the main
 * thread's heap held live, and V8 lets a heap grow to a multiple of what is live
 * (docs/performance.md). Written to a temporary file instead, as UTF-8, each body is read back
 * once, as bytes, by the page writer, which puts them in its page (src/site/write-worker.js
 * reads them with the loop of `readHtml` below, which the tests use, since that file loads no
 * TypeScript). The file is
 * deleted as soon as it is opened (only its descriptor names it), so no run, however it ends,
 * leaves it behind, and the operating system keeps its pages in its file cache, out of the
 * process, and can write them to disk when memory is short.
 *
 * Hand-written because what it does is small and tied to this build's two threads: each thread
 * appends to its own file (the annotation worker is handed a descriptor, which all threads of a
 * process share) and every body is read back by position.
 */

/** Where an article's HTML is: its UTF-8 bytes in a spill file. */
export interface SpilledHtml {
  readonly fd: number;
  readonly offset: number;
  readonly bytes: number;
}

/** An article's HTML, as a string or spilled. */
export type BodyHtml = string | SpilledHtml;

/** Bytes gathered before a write. */
const BUFFER_BYTES = 4 << 20;

/** Appends bodies to a spill file a few megabytes at a time. `flush` before they are read back. */
export class HtmlSpill {
  readonly #fd: number;
  readonly #buffer = Buffer.allocUnsafeSlow(BUFFER_BYTES);
  #used = 0;
  /** Bytes already in the file (where the buffer starts). */
  #written = 0;

  constructor(fd: number) {
    this.#fd = fd;
  }

  put(html: string): SpilledHtml {
    const bytes = Buffer.byteLength(html, 'utf8');
    if (this.#used + bytes > BUFFER_BYTES) this.flush();
    const offset = this.#written + this.#used;
    if (bytes > BUFFER_BYTES) {
      writeAll(this.#fd, Buffer.from(html, 'utf8'), offset);
      this.#written += bytes;
    } else {
      this.#buffer.write(html, this.#used, 'utf8');
      this.#used += bytes;
    }
    return { fd: this.#fd, offset, bytes };
  }

  flush(): void {
    if (this.#used === 0) return;
    writeAll(this.#fd, this.#buffer.subarray(0, this.#used), this.#written);
    this.#written += this.#used;
    this.#used = 0;
  }
}

/** The HTML itself: a string as it is, a spilled body read back (its spill flushed). */
export function readHtml(html: BodyHtml): string {
  if (typeof html === 'string') return html;
  const bytes = Buffer.allocUnsafe(html.bytes);
  for (let done = 0; done < html.bytes;) {
    const n = readSync(html.fd, bytes, done, html.bytes - done, html.offset + done);
    if (n === 0) throw new Error(`an article's HTML is missing from its spill file (${done} of ${html.bytes} bytes at ${html.offset})`);
    done += n;
  }
  return bytes.toString('utf8');
}

/**
 * A new spill file in the operating system's temporary folder, already deleted: its descriptor,
 * to close with `closeSpillFile`. Throws if the folder cannot be used, leaving nothing behind.
 */
export function openSpillFile(): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-spill-'));
  const file = path.join(dir, 'bodies');
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w+', 0o600);
    // Unlinked at once (neither call needs a descriptor of its own): the file lives only as long
    // as the descriptor.
    unlinkSync(file);
    rmdirSync(dir);
    return fd;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(file);
    } catch {
      // not created, or already unlinked
    }
    try {
      rmdirSync(dir);
    } catch {
      // already removed
    }
    throw error;
  }
}

/** Both spill files of a build, or none: a first one is closed if the second cannot be opened. */
export function openSpillFiles(): [number, number] {
  const first = openSpillFile();
  try {
    return [first, openSpillFile()];
  } catch (error) {
    closeSync(first);
    throw error;
  }
}

export function closeSpillFile(fd: number): void {
  closeSync(fd);
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  try {
    writeAllSync(fd, bytes, position);
  } catch (error) {
    throw new UsageError(
      `writing the articles' HTML to a temporary file in ${tmpdir()} failed (${(error as Error).message}); set TMPDIR to a folder with room`,
      {
        cause: error,
      },
    );
  }
}
