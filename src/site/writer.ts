import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SpilledHtml } from '../annotate/spill.ts';
import { displayPath, UsageError } from '../diagnostics.ts';

/**
 * A page's HTML, or the HTML before and after an article's body that waits in a spill file
 * (src/annotate/spill.ts), which the writer reads and puts between them.
 */
export type PageHtml = string | { readonly head: string; readonly body: SpilledHtml; readonly tail: string };

/**
 * Writes rendered pages in a worker thread, with synchronous writes there, while this thread
 * renders the next pages. Each page crosses as a string as soon as it is rendered (a structured
 * clone copies a string's characters), a few dozen to a message, and the worker encodes it to
 * UTF-8 and makes the system calls, so this thread does neither. Asynchronous writes on libuv's
 * pool would bring every file's open, write and close back to this thread, which would also
 * encode each page itself (docs/performance.md compares the two). Eleventy's own `write()` calls
 * `writeFileSync` for every page on the rendering thread.
 *
 * Every path must lie inside `root`: Eleventy computed them from Briefing's own page paths, and
 * this checks it rather than trusts it.
 */
export class PageWriter {
  readonly #root: string;
  readonly #worker: Worker;
  /** Characters of the pages sent and not yet written. */
  #pending = 0;
  /** The characters of each message sent and not yet answered, in the order sent. */
  #sent: number[] = [];
  #written = 0;
  #failure: Error | undefined;
  /** Whoever waits in `drain`, woken after every answer to check its own condition again. */
  #waiting: (() => void)[] = [];
  #stopped: Promise<void> | undefined;
  /** The next message: pages queued and not sent yet. */
  #files: string[] = [];
  #contents: PageHtml[] = [];
  #chars = 0;

  constructor(root: string) {
    this.#root = root;
    this.#worker = new Worker(new URL('./write-worker.js', import.meta.url));
    this.#worker.on('message', (m: WriterReply) => {
      if ('error' in m) this.#fail(writeError(m));
      else {
        this.#pending -= this.#sent.shift()!;
        this.#written += m.pages;
        this.#wake();
      }
    });
    this.#worker.on('error', (error) => this.#fail(new Error(`writing the pages failed: ${error.message}`, { cause: error })));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the page writer stopped with code ${code}`)));
  }

  /** Queues a page to be written and returns at once: sent with the next MESSAGE_PAGES, or at `flush`. */
  add(outputPath: string, html: PageHtml): void {
    const file = path.resolve(outputPath);
    if (!file.startsWith(path.resolve(this.#root) + path.sep))
      throw new Error(`refusing to write ${outputPath}: outside the output folder ${this.#root}`);
    this.#files.push(file);
    this.#contents.push(html);
    this.#chars += typeof html === 'string' ? html.length : html.head.length + html.body.bytes + html.tail.length;
    if (this.#files.length === MESSAGE_PAGES) this.flush();
  }

  /** Sends the pages queued so far. */
  flush(): void {
    if (this.#files.length === 0) return;
    this.#worker.postMessage({ files: this.#files, contents: this.#contents });
    this.#pending += this.#chars;
    this.#sent.push(this.#chars);
    this.#files = [];
    this.#contents = [];
    this.#chars = 0;
  }

  /** Resolves with the number of pages written once every page sent is on disk; ends the worker either way. */
  async done(): Promise<number> {
    try {
      await this.drain(0);
      return this.#written;
    } finally {
      this.#stopped ??= this.#worker.terminate().then(() => undefined);
      await this.#stopped;
    }
  }

  /** Resolves once at most `chars` characters of pages wait to be written; rejects once a write failed. */
  async drain(chars: number): Promise<void> {
    this.flush();
    while (!this.#failure && this.#pending > chars) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    if (this.#failure) throw this.#failure;
  }

  #fail(error: Error): void {
    // The worker's exit after `done` ends it is not a failure.
    if (this.#stopped) return;
    this.#failure ??= error;
    this.#wake();
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }
}

/** What the worker answers (write-worker.js). */
type WriterReply = { readonly pages: number } | WriteFailure;

interface WriteFailure {
  readonly error: string;
  readonly code?: string;
  /** The page being written. */
  readonly file?: string;
}

/** The file system's refusals that are the machine's business, not a bug: a usage error (exit code 2) naming the file. */
const DISK_TROUBLE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EMFILE', 'ENFILE']);

function writeError(failure: WriteFailure): Error {
  const what = `writing ${failure.file ? displayPath(failure.file) : 'a page'} failed: ${failure.error}`;
  const error =
    failure.code && DISK_TROUBLE.has(failure.code)
      ? new UsageError(`${what} (check the free space and the permissions there)`)
      : new Error(what);
  return Object.assign(error, failure.code ? { code: failure.code } : {});
}

/** Pages per message: small enough that the worker starts writing a batch while it is still being sent. */
const MESSAGE_PAGES = 32;
