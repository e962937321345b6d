// Worker thread entry for the search index (see SearchIndexJob in search.ts). Plain JavaScript,
// so that it runs as it is whether the modules are compiled or not: from the sources it registers
// tsx itself (a worker does not inherit the main thread's loader), then loads the module.
// Messages: { docs } (index these, in order), then { write: file } (write the script, answer
// { ok }). Messages sent while the module loads wait in the port.
import { parentPort, workerData } from 'node:worker_threads';

// Uncompiled sources only (workerLoader in src/runtime.ts): the compiled modules need no loader.
if (workerData.tsx) {
  const { register } = await import(workerData.tsx);
  register();
}
try {
  const { newIndexBuilder, addDocuments, writeIndexScript, StoredTextBudget } = await import(workerData.module);
  const builder = newIndexBuilder();
  const budget = new StoredTextBudget();
  parentPort.on('message', (message) => {
    try {
      if (message.docs) addDocuments(builder, budget, message.docs);
      if (message.write) {
        // Written synchronously: this thread has nothing else to do, and a piece at a time.
        writeIndexScript(builder, budget, message.write);
        parentPort.postMessage({ ok: true });
      }
    } catch (error) {
      parentPort.postMessage(failure(error));
    }
  });
} catch (error) {
  parentPort.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) });
}

// A system error (ENOSPC writing the index) is the machine's trouble: its message, code and call,
// which the main thread reports in one line; any other error is a bug: its stack.
function failure(error) {
  if (error instanceof Error && typeof error.code === 'string' && typeof error.syscall === 'string')
    return { ok: false, error: error.message, code: error.code, syscall: error.syscall };
  return { ok: false, error: error instanceof Error ? error.stack : String(error) };
}
