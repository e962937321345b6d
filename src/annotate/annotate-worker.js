// Worker thread entry for annotating articles (see AnnotationWorker in parallel.ts). Plain
// JavaScript, so that it runs as it is whether the modules are compiled or not: from the sources it
// registers tsx itself (a worker does not inherit the main thread's loader), then loads the module.
import { parentPort, workerData } from 'node:worker_threads';

// Uncompiled sources only (workerLoader in src/runtime.ts): the compiled modules need no loader.
if (workerData.tsx) {
  const { register } = await import(workerData.tsx);
  register();
}
const { annotateBodies } = await import(workerData.module);
parentPort.on('message', ({ snapshot, jobs, root }) => {
  try {
    parentPort.postMessage({ ok: true, results: annotateBodies(snapshot, jobs, root) });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});
