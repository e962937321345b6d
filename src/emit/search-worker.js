// Worker thread entry for the search index (see SearchIndexJob in search.ts). Plain JavaScript
// because a worker does not inherit the main thread's tsx loader: it registers tsx itself, then
// loads the TypeScript module. Messages: { docs } (index these, in order), then { write: file }
// (write the script, answer { ok }). Messages sent while the module loads wait in the port.
import { writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';

const { register } = await import(workerData.tsx);
register();
try {
  const { newIndexBuilder, indexScript } = await import(workerData.module);
  const builder = newIndexBuilder();
  parentPort.on('message', (message) => {
    try {
      if (message.docs) for (const doc of message.docs) builder.add(doc);
      if (message.write) {
        void writeFile(message.write, indexScript(builder)).then(
          () => parentPort.postMessage({ ok: true }),
          (error) => parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
        );
      }
    } catch (error) {
      parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
    }
  });
} catch (error) {
  parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
}
