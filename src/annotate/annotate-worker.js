// Worker thread entry for annotating articles (see AnnotationWorker in parallel.ts). Plain
// JavaScript, so that it runs as it is whether the modules are compiled or not: from the sources it
// registers tsx itself (a worker does not inherit the main thread's loader), then loads the module.
import { parentPort, workerData } from 'node:worker_threads';

// Uncompiled sources only (workerLoader in src/runtime.ts): the compiled modules need no loader.
if (workerData.tsx) {
  const { register } = await import(workerData.tsx);
  register();
}
const { textAnnotator } = await import(workerData.module);
parentPort.on('message', ({ snapshot, jobs, root, chunk }) => {
  try {
    // The results go back `chunk` bodies at a time, the last message marked (see CHUNK in parallel.ts).
    const annotate = textAnnotator(snapshot, root);
    for (let start = 0; start < jobs.length || start === 0; start += chunk) {
      const end = Math.min(jobs.length, start + chunk);
      parentPort.postMessage({
        ok: true,
        results: jobs.slice(start, end).flatMap((job) => annotate(job)),
        last: end === jobs.length,
      });
    }
  } catch (error) {
    parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});
