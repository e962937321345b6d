// Worker thread entry for the page writer (PageWriter in writer.ts). Plain JavaScript with only
// Node's own modules, so it runs as it is whether the sources are compiled or not.
// Messages in: { files, contents } (write each content to its file, in order). Messages out:
// { pages, chars } after each message written, or { error, code } once, after which nothing more
// is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const dirs = new Set();
let failed = false;

parentPort.on('message', ({ files, contents }) => {
  if (failed) return;
  let chars = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      const dir = path.dirname(files[i]);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      writeFileSync(files[i], contents[i]);
      chars += contents[i].length;
    }
  } catch (error) {
    failed = true;
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error), code: error?.code });
    return;
  }
  parentPort.postMessage({ pages: files.length, chars });
});
