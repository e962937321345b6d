// Worker thread entry for annotating articles (see AnnotationWorker in parallel.ts). Plain
// JavaScript because a worker does not inherit the main thread's tsx loader: it registers tsx
// itself, then loads the TypeScript module.
import { parentPort, workerData } from 'node:worker_threads';

const { register } = await import(workerData.tsx);
register();
const { annotateBodies } = await import(workerData.module);
parentPort.on('message', ({ snapshot, jobs, root }) => {
  try {
    parentPort.postMessage({ ok: true, results: annotateBodies(snapshot, jobs, root) });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});
