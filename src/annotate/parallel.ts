import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.ts';
import { EntityRegistry, type RegistrySnapshot, type StubEntity } from '../content/registry.ts';
import { siblingModule, workerLoader } from '../runtime.ts';
import { createMarkdown } from './markdown.ts';
import { annotateAttribute, annotateBody, keptText, spilled, type BodySource, type KeptText } from './parse.ts';
import type { EntityHref } from './render.ts';
import { HtmlSpill, type BodyHtml } from './spill.ts';
import { splitDocument } from '../content/frontmatter.ts';
import type { SourceFile } from '../types.ts';

// The worker (annotate-worker.js) makes its own spill from this module.
export { HtmlSpill };

/** One article body as a worker receives it. */
export interface BodyJob extends BodySource {
  readonly source: { readonly path: string };
}

/** A body annotated away from the main registry: its result, its diagnostics, the stubs it made first. */
export interface BodyResult {
  /**
   * Kept as the later stages keep it: the mentions in columns, which also cross between threads
   * cheaply; an article's HTML spilled when the run was given a spill file.
   */
  readonly text: KeptText<BodyHtml>;
  readonly diagnostics: readonly Diagnostic[];
  /** Stubs this body made in its (local) registry, in the order it made them. */
  readonly stubs: readonly StubEntity[];
}

/**
 * Where mentions link, on both threads: the resolver for this one, and for the worker the module
 * that exports it and the export's name, since a function cannot be sent to another thread.
 */
export interface EntityLinks {
  readonly href: EntityHref;
  readonly module: string;
  readonly name: string;
}

/** Fewer articles than this are annotated on the main thread: starting a worker costs more than it saves. */
export const PARALLEL_MIN_ARTICLES = 200;

/**
 * An entity profile for the worker: its file (split again there, where its attribute positions are
 * needed) and its attribute values, each a line of inline Markdown. Annotated after the articles,
 * as one thread does: the profile body, then each attribute in order, a result each.
 */
export interface ProfileJob {
  readonly profile: SourceFile;
  readonly attributes: readonly { readonly label: string; readonly value: string }[];
}

/** What a worker annotates: an article body, or an entity profile with its attributes. */
export type TextJob = BodyJob | ProfileJob;

/**
 * Annotates one job at a time with a registry made from `snapshot`: the work the worker does, and
 * this thread's share beside it. Each text reports the stubs it made, so the caller can replay
 * them on the real registry in document order (see `mergeBodies`).
 */
export function textAnnotator(
  snapshot: RegistrySnapshot,
  root: string,
  entityHref: EntityHref,
  spill?: HtmlSpill,
): (job: TextJob) => BodyResult[] {
  const registry = EntityRegistry.fromSnapshot(snapshot);
  const md = createMarkdown(registry, entityHref);
  const one = (annotate: (bag: DiagnosticBag) => KeptText<BodyHtml>): BodyResult => {
    const bag = new DiagnosticBag();
    const before = registry.stubCount;
    const text = annotate(bag);
    return { text, diagnostics: bag.items, stubs: registry.stubCount > before ? registry.stubs.slice(before) : [] };
  };
  return (job) => {
    if (!('profile' in job)) return [one((bag) => spilled(keptText(annotateBody(md, job, root, bag)), spill))];
    // Split before, on the main thread, with its problems reported there: it splits again the same.
    const split = splitDocument(job.profile, new DiagnosticBag())!;
    return [
      one((bag) => keptText(annotateBody(md, split, root, bag))),
      ...job.attributes.map(({ label, value }) => one((bag) => keptText(annotateAttribute(md, split, { label, value }, root, bag)))),
    ];
  };
}

/**
 * Texts per message from the worker. Its results arrive a chunk at a time, so copying them
 * (about 0.4 s on each side at 10,000 articles) overlaps the annotating instead of following it,
 * and this thread reads each chunk between chunks of its own share.
 */
export const CHUNK = 250;

/**
 * Replays each body's stubs on the real registry in document order, which is exactly what a
 * single-threaded run does, and keeps the results whose stub ids came out the same. Ids differ
 * only when two unknown names slug to the same id and were first met in another order; from the
 * first body where that happens, `redo` annotates again on this thread, with the real registry.
 */
function mergeBodies(
  registry: EntityRegistry,
  results: readonly BodyResult[],
  bag: DiagnosticBag,
  redo: (index: number, bag: DiagnosticBag) => KeptText<BodyHtml>,
  kept: (index: number, result: BodyResult) => void = () => {},
): KeptText<BodyHtml>[] {
  const texts: KeptText<BodyHtml>[] = [];
  let diverged = false;
  results.forEach((result, i) => {
    if (!diverged) {
      for (const stub of result.stubs) if (registry.stubFor(stub.name, stub.firstUse).id !== stub.id) diverged = true;
    }
    if (diverged) {
      texts.push(redo(i, bag));
      return;
    }
    for (const d of result.diagnostics) bag.add(d);
    kept(i, result);
    texts.push(result.text);
  });
  return texts;
}

/**
 * A message to the worker (annotate-worker.js): one run, its jobs in document order, answered
 * `chunk` results per `WorkerReply`; the articles' HTML is spilled to `spillFd` when there is one.
 * The worker is plain JavaScript and names these types in JSDoc, so both sides read one shape.
 */
export interface WorkerRequest {
  readonly snapshot: RegistrySnapshot;
  readonly jobs: readonly TextJob[];
  readonly root: string;
  readonly chunk: number;
  readonly spillFd: number | undefined;
}

/** A message from the worker: the next chunk of a run's results (the last one marked), or why the run failed. */
export type WorkerReply =
  | { readonly kind: 'results'; readonly results: readonly BodyResult[]; readonly last: boolean }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * A worker thread that annotates a share of the articles, and the entity profiles, while the main
 * thread annotates the other articles (on 2 cores, the annotate stage takes about half the time).
 * Started right after the load stage, so its own start-up overlaps the parse and validate stages.
 */
export class AnnotationWorker {
  readonly #worker: Worker;
  /** Why the worker cannot answer any more, once it failed or stopped. */
  #failure: Error | undefined;
  /** The run waiting for the worker's answers. */
  #pending: { readonly onMessage: (m: WorkerReply) => void; readonly reject: (error: Error) => void } | undefined;

  /** Where mentions link, on this thread and the worker. */
  readonly links: EntityLinks;

  private constructor(links: EntityLinks) {
    this.links = links;
    this.#worker = new Worker(new URL('./annotate-worker.js', import.meta.url), {
      workerData: {
        ...workerLoader(),
        module: siblingModule('./parallel.ts', import.meta.url),
        links: { module: links.module, name: links.name },
      },
    });
    // Listened to from the start: the worker loads its code before any run, and an 'error' with
    // no listener would end this process instead of failing the analysis.
    this.#worker.on('message', (m: WorkerReply) => this.#pending?.onMessage(m));
    this.#worker.on('error', (error) => this.#fail(new Error(`annotating in a worker failed: ${error.message}`, { cause: error })));
    this.#worker.on('messageerror', (error) =>
      this.#fail(new Error(`annotating in a worker failed: its answer could not be read (${error.message})`, { cause: error })),
    );
    this.#worker.on('exit', (code) => this.#fail(new Error(`the annotation worker stopped with code ${code}`)));
  }

  /** A worker when this machine has a second core to run it on (or when `always`). */
  static start(links: EntityLinks, always = false): AnnotationWorker | undefined {
    return always || availableParallelism() >= 2 ? new AnnotationWorker(links) : undefined;
  }

  /**
   * Sends the jobs now (a message waits in the port until the worker is listening), so the
   * caller can start its own share right after this returns. The results come back CHUNK texts
   * per message; the run rejects on the first failure, also one after some chunks arrived. With
   * `spillFd` (see src/annotate/spill.ts) the articles' HTML is appended to that file, each chunk's
   * written before the chunk is sent.
   */
  run(snapshot: RegistrySnapshot, jobs: readonly TextJob[], root: string, spillFd?: number): Promise<BodyResult[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const results: BodyResult[] = [];
    const result = new Promise<BodyResult[]>((resolve, reject) => {
      const settle = (): void => {
        this.#pending = undefined;
      };
      this.#pending = {
        reject,
        onMessage: (m) => {
          if (m.kind === 'failed') {
            settle();
            reject(new Error(`annotating in a worker failed: ${m.error}`));
            return;
          }
          for (const r of m.results) results.push(r);
          if (m.last) {
            settle();
            resolve(results);
          }
        },
      };
    });
    const request: WorkerRequest = { snapshot, jobs, root, chunk: CHUNK, spillFd };
    this.#worker.postMessage(request);
    return result;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(this.#failure);
  }

  /** Ends the worker; resolves once it has stopped (it writes to no file after that). */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

/**
 * The worker's share of the characters to annotate (its articles and all the profiles). Below a
 * half, because this thread also reads the worker's results back, and the worker copies them out:
 * the share at which neither thread waits long for the other at 10,000 articles
 * (docs/performance.md has the waits measured at other shares).
 */
const WORKER_SHARE = 0.4;

/** What `annotateInParallel` annotates, and with what. */
export interface ParallelRun {
  readonly worker: AnnotationWorker;
  readonly registry: EntityRegistry;
  readonly docs: readonly BodyJob[];
  readonly root: string;
  readonly bag: DiagnosticBag;
  /** Annotates text `index` again on this thread, with the real registry (see `mergeBodies`). */
  readonly redo: (index: number, bag: DiagnosticBag) => KeptText<BodyHtml>;
  /** Called with each result kept from either thread's registry copy. */
  readonly kept?: (index: number, result: BodyResult) => void;
  /** Called once this thread's share is done, before it waits for the worker's. */
  readonly waiting?: () => void;
  readonly profiles?: readonly ProfileJob[];
  /** Spill files for the articles' HTML: this thread's (flushed by the caller) and the worker's. */
  readonly spill?: { readonly here: HtmlSpill; readonly workerFd: number };
}

/**
 * Annotates article bodies on two threads, and the entity profiles after them: the worker takes
 * the first articles and the profiles, about WORKER_SHARE of all the characters, this thread the
 * other articles, each with its own copy of the registry; then `mergeBodies` settles the stubs in
 * document order. Returns the texts in that order: the articles, then each profile's body and
 * its attributes; `redo` and `kept` get indexes into the same order.
 */
export async function annotateInParallel({
  worker,
  registry,
  docs,
  root,
  bag,
  redo,
  kept,
  waiting,
  profiles = [],
  spill,
}: ParallelRun): Promise<KeptText<BodyHtml>[]> {
  const snapshot = registry.snapshot();
  const jobs = docs.map((d): BodyJob => ({ source: { path: d.source.path }, body: d.body, bodyLineOffset: d.bodyLineOffset }));
  const split = workerArticles(jobs, profiles);
  const away = worker.run(snapshot, [...jobs.slice(0, split), ...profiles], root, spill?.workerFd);
  // Awaited below; if this thread's share throws first, the worker's end must not become an
  // unhandled rejection that hides the error.
  away.catch(() => undefined);
  const annotator = textAnnotator(snapshot, root, worker.links.href, spill?.here);
  const here: BodyResult[] = [];
  for (let i = split; i < jobs.length; i++) {
    here.push(...annotator(jobs[i]!));
    // Between chunks, the worker's chunks that have arrived are read (see CHUNK).
    if ((i - split) % CHUNK === CHUNK - 1) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  waiting?.();
  const fromWorker = await away;
  const results = [...fromWorker.slice(0, split), ...here, ...fromWorker.slice(split)];
  return mergeBodies(registry, results, bag, redo, kept);
}

/**
 * How many of the articles the worker takes, from the first: enough that with all the profiles
 * its share of the characters to annotate is about WORKER_SHARE.
 */
function workerArticles(docs: readonly BodyJob[], profiles: readonly ProfileJob[]): number {
  const articleChars = docs.reduce((n, d) => n + d.body.length, 0);
  const profileChars = profiles.reduce((n, p) => n + p.profile.text.length, 0);
  const goal = (articleChars + profileChars) * WORKER_SHARE - profileChars;
  let split = 0;
  for (let chars = 0; split < docs.length && chars + docs[split]!.body.length / 2 < goal; split++) chars += docs[split]!.body.length;
  return split;
}
