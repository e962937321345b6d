// Worker thread entry for annotating articles (see AnnotationWorker in parallel.ts). Plain
// JavaScript, so that it runs as it is whether the modules are compiled or not: from the sources it
// registers tsx itself (a worker does not inherit the main thread's loader), then loads the module.
import { parentPort, workerData } from 'node:worker_threads';

// Uncompiled sources only (workerLoader in src/runtime.ts): the compiled modules need no loader.
if (workerData.tsx) {
  const { register } = await import(workerData.tsx);
  register();
}
const { textAnnotator, HtmlSpill } = await import(workerData.module);
// Where mentions link: the resolver the main thread uses, from the module it named (see EntityLinks).
const entityHref = (await import(workerData.links.module))[workerData.links.name];
// One spill per file, kept across runs: a later run appends after what an earlier one wrote.
const spills = new Map();
/** @param {import('./parallel.ts').WorkerReply} message */
const reply = (message) => parentPort.postMessage(message);
parentPort.on('message', (/** @type {import('./parallel.ts').WorkerRequest} */ { snapshot, jobs, root, chunk, spillFd }) => {
  try {
    // The results go back `chunk` bodies at a time, the last message marked (see CHUNK in parallel.ts).
    // Articles' HTML goes to the spill file when there is one, each chunk's written before it is sent.
    if (spillFd !== undefined && !spills.has(spillFd)) spills.set(spillFd, new HtmlSpill(spillFd));
    const spill = spills.get(spillFd);
    const annotate = textAnnotator(snapshot, root, entityHref, spill);
    for (let start = 0; start < jobs.length || start === 0; start += chunk) {
      const end = Math.min(jobs.length, start + chunk);
      const results = jobs.slice(start, end).flatMap((job) => annotate(job));
      spill?.flush();
      reply({ kind: 'results', results, last: end === jobs.length });
    }
  } catch (error) {
    reply({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
