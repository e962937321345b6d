// Worker thread entry for the search index (see writeSearchIndexInWorker in search.ts). Plain
// JavaScript because a worker does not inherit the main thread's tsx loader: it registers tsx
// itself, then loads the TypeScript module.
import { parentPort, workerData } from 'node:worker_threads';

const { register } = await import(workerData.tsx);
register();
try {
  const { writeSearchIndex } = await import(workerData.module);
  await writeSearchIndex(workerData.docs, workerData.file);
  parentPort.postMessage({ ok: true });
} catch (error) {
  parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
}
