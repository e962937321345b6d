import fs from 'node:fs';
import path from 'node:path';

/** A rendered page as Eleventy's `toJSON()` gives it. */
export interface RenderedPage {
  readonly outputPath: string;
  readonly content: string;
}

/**
 * Writes rendered pages with asynchronous file writes, so that the system calls (most of a big
 * build's write time: creating 12,000 files and copying 370 MB on this machine's disk) run on
 * libuv's thread pool while this thread renders the next batch. Eleventy's own `write()` calls
 * `writeFileSync` for every page on the rendering thread (docs/performance.md).
 *
 * At most `MAX_IN_FLIGHT` files are open at once. Every path must lie inside `root`: Eleventy
 * computed them from Briefing's own page paths, and this checks it rather than trusts it.
 */
export class PageWriter {
  private readonly dirs = new Set<string>();
  private readonly queue: RenderedPage[] = [];
  private inFlight = 0;
  /** Characters of the pages queued or being written. */
  private pending = 0;
  private written = 0;
  private failed = false;
  private failure: unknown;
  /** Whoever waits in `drain`, woken after every write to check its own condition again. */
  private waiting: (() => void)[] = [];

  constructor(private readonly root: string) {}

  /** Queues pages for writing and returns at once. */
  add(pages: readonly RenderedPage[]): void {
    const root = path.resolve(this.root) + path.sep;
    for (const page of pages) {
      const file = path.resolve(page.outputPath);
      if (!file.startsWith(root)) throw new Error(`refusing to write ${page.outputPath}: outside the output folder ${this.root}`);
      this.queue.push({ outputPath: file, content: page.content });
      this.pending += page.content.length;
    }
    this.pump();
  }

  /** Resolves with the number of pages written once every queued page is on disk. */
  async done(): Promise<number> {
    await this.drain(0);
    return this.written;
  }

  /**
   * Resolves once at most `chars` characters of pages wait to be written; rejects, once no write
   * is running any more, if one failed.
   */
  async drain(chars: number): Promise<void> {
    // Without a failure, a page is waiting exactly when a write is running (pump starts one).
    while (this.inFlight > 0 && (this.failed || this.pending > chars)) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failed) throw this.failure;
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0 && !this.failed) {
      const page = this.queue.shift()!;
      this.inFlight++;
      void this.writeOne(page).then(
        () => {
          this.written++;
          this.settle(page);
        },
        (error: unknown) => {
          if (!this.failed) {
            this.failed = true;
            this.failure = error;
          }
          for (const dropped of this.queue) this.pending -= dropped.content.length;
          this.queue.length = 0;
          this.settle(page);
        },
      );
    }
  }

  private settle(page: RenderedPage): void {
    this.inFlight--;
    this.pending -= page.content.length;
    this.pump();
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  private async writeOne(page: RenderedPage): Promise<void> {
    const dir = path.dirname(page.outputPath);
    if (!this.dirs.has(dir)) {
      await fs.promises.mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    // The callback form: fs.promises wraps every file in a FileHandle, which measured heavier on
    // the rendering thread (12,000 files of 30 KB: 1.1–1.5 s busy, against 0.5–1.4 s).
    await new Promise<void>((resolve, reject) => fs.writeFile(page.outputPath, page.content, (error) => (error ? reject(error) : resolve())));
  }
}

/** Files in flight at once: one for each of libuv's four pool threads. */
const MAX_IN_FLIGHT = 4;
