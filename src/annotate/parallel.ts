import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.ts';
import { EntityRegistry, type RegistrySnapshot, type StubEntity } from '../model/registry.ts';
import { siblingModule, workerLoader } from '../runtime.ts';
import { createMarkdown } from './markdown.ts';
import { annotateBody, type AnnotatedText, type BodySource } from './parse.ts';

/** One article body as a worker receives it. */
export interface BodyJob extends BodySource {
  readonly source: { readonly path: string };
}

/** A body annotated away from the main registry: its result, its diagnostics, the stubs it made first. */
export interface BodyResult {
  readonly text: AnnotatedText;
  readonly diagnostics: readonly Diagnostic[];
  /** Stubs this body made in its (local) registry, in the order it made them. */
  readonly stubs: readonly StubEntity[];
}

/** Fewer articles than this are annotated on the main thread: starting a worker costs more than it saves. */
export const PARALLEL_MIN_ARTICLES = 200;

/**
 * Annotates bodies in order with a registry made from `snapshot`: the work one worker does, and
 * the main thread's share beside it. Each body reports the stubs it made, so the caller can
 * replay them on the real registry in document order (see `mergeBodies`).
 */
export function annotateBodies(snapshot: RegistrySnapshot, jobs: readonly BodyJob[], root: string): BodyResult[] {
  const results: BodyResult[] = [];
  const annotator = bodyAnnotator(snapshot, root);
  for (const job of jobs) results.push(annotator(job));
  return results;
}

/** One body at a time, with a registry of its own made from `snapshot` (see `annotateBodies`). */
export function bodyAnnotator(snapshot: RegistrySnapshot, root: string): (job: BodyJob) => BodyResult {
  const registry = EntityRegistry.fromSnapshot(snapshot);
  const md = createMarkdown(registry);
  return (job) => {
    const bag = new DiagnosticBag();
    const before = registry.stubCount;
    const text = annotateBody(md, job, root, bag);
    return { text, diagnostics: bag.items, stubs: registry.stubCount > before ? registry.stubs.slice(before) : [] };
  };
}

/**
 * Bodies per message from the worker. Its results arrive a chunk at a time, so copying them
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
export function mergeBodies(
  registry: EntityRegistry,
  results: readonly BodyResult[],
  bag: DiagnosticBag,
  redo: (index: number, bag: DiagnosticBag) => AnnotatedText,
  kept: (index: number, result: BodyResult) => void = () => {},
): AnnotatedText[] {
  const texts: AnnotatedText[] = [];
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
 * A worker thread that annotates a share of the articles while the main thread annotates the rest
 * (on 2 cores, the annotate stage takes about half the time). Started before the content is
 * loaded, so its own start-up (loading tsx and the parser) overlaps the load stage.
 */
export class AnnotationWorker {
  readonly #worker: Worker;

  private constructor() {
    this.#worker = new Worker(new URL('./annotate-worker.js', import.meta.url), {
      workerData: { ...workerLoader(), module: siblingModule('./parallel.ts', import.meta.url) },
    });
  }

  /** A worker when this machine has a second core to run it on (or when `always`). */
  static start(always = false): AnnotationWorker | undefined {
    return always || availableParallelism() >= 2 ? new AnnotationWorker() : undefined;
  }

  /**
   * Sends the jobs now (a message waits in the port until the worker is listening), so the
   * caller can start its own share right after this returns. The results come back CHUNK bodies
   * per message.
   */
  run(snapshot: RegistrySnapshot, jobs: readonly BodyJob[], root: string): Promise<BodyResult[]> {
    const result = new Promise<BodyResult[]>((resolve, reject) => {
      const results: BodyResult[] = [];
      const done = (): void => {
        this.#worker.off('message', onMessage);
        this.#worker.off('error', onError);
        this.#worker.off('exit', onExit);
      };
      const onError = (error: Error): void => {
        done();
        reject(new Error(`annotating in a worker failed: ${error.message}`, { cause: error }));
      };
      const onExit = (code: number): void => {
        done();
        reject(new Error(`the annotation worker stopped with code ${code}`));
      };
      const onMessage = (m: { ok: boolean; results?: BodyResult[]; last?: boolean; error?: string }): void => {
        if (!m.ok) {
          done();
          reject(new Error(`annotating in a worker failed: ${m.error}`));
          return;
        }
        for (const r of m.results!) results.push(r);
        if (m.last) {
          done();
          resolve(results);
        }
      };
      this.#worker.on('message', onMessage);
      this.#worker.once('error', onError);
      this.#worker.once('exit', onExit);
    });
    this.#worker.postMessage({ snapshot, jobs, root, chunk: CHUNK });
    return result;
  }

  close(): void {
    void this.#worker.terminate();
  }
}

/**
 * The worker's share of the articles. Measured at 10,000 articles, compiled, results in chunks
 * (annotate stage): 0.5 takes 3.70–3.76 s, 0.45 3.88–3.93 s, 0.55 3.75–4.46 s. The worker
 * warms up its own JIT and this thread pays for reading its results back, so a half is about even.
 */
const WORKER_SHARE = 0.5;

/**
 * Annotates article bodies on two threads: the worker takes the first share, this thread the
 * rest, each with its own copy of the registry; then `mergeBodies` settles the stubs.
 */
export async function annotateInParallel(
  worker: AnnotationWorker,
  registry: EntityRegistry,
  docs: readonly BodyJob[],
  root: string,
  bag: DiagnosticBag,
  redo: (index: number, bag: DiagnosticBag) => AnnotatedText,
  kept?: (index: number, result: BodyResult) => void,
  /** Called once this thread's share is done, before it waits for the worker's. */
  waiting?: () => void,
): Promise<AnnotatedText[]> {
  const snapshot = registry.snapshot();
  const jobs = docs.map((d): BodyJob => ({ source: { path: d.source.path }, body: d.body, bodyLineOffset: d.bodyLineOffset }));
  const split = Math.ceil(jobs.length * WORKER_SHARE);
  const away = worker.run(snapshot, jobs.slice(0, split), root);
  // Awaited below; if this thread's share throws first, the worker's end must not become an
  // unhandled rejection that hides the error.
  away.catch(() => undefined);
  const annotator = bodyAnnotator(snapshot, root);
  const here: BodyResult[] = [];
  for (let i = split; i < jobs.length; i++) {
    here.push(annotator(jobs[i]!));
    // Between chunks, the worker's chunks that have arrived are read (see CHUNK).
    if ((i - split) % CHUNK === CHUNK - 1) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  waiting?.();
  const results = (await away).concat(here);
  return mergeBodies(registry, results, bag, redo, kept);
}
