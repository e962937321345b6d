// Worker thread entry for the page writer (PageWriter in writer.ts). Plain JavaScript with only
// Node's own modules, so it runs as it is whether the sources are compiled or not.
// Messages in: { files, contents } (write each content to its file, in order: a string, or
// { head, body: { fd, offset, bytes }, tail } for a page whose body is read from a spill file).
// Messages out: { pages } after each message written, or { error, code, file } once,
// after which nothing more is written.
import { Buffer } from 'node:buffer';
import { mkdirSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const dirs = new Set();
let failed = false;

/** The bytes of a spilled body (src/annotate/spill.ts). */
function spilled({ fd, offset, bytes }) {
  const buffer = Buffer.allocUnsafe(bytes);
  for (let done = 0; done < bytes;) {
    const n = readSync(fd, buffer, done, bytes - done, offset + done);
    if (n === 0) throw new Error(`an article's HTML is missing from its spill file (${done} of ${bytes} bytes at ${offset})`);
    done += n;
  }
  return buffer;
}

parentPort.on('message', ({ files, contents }) => {
  if (failed) return;
  let i = 0;
  try {
    for (; i < files.length; i++) {
      const dir = path.dirname(files[i]);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      const content = contents[i];
      if (typeof content === 'string') {
        writeFileSync(files[i], content);
      } else {
        writeFileSync(
          files[i],
          Buffer.concat([Buffer.from(content.head, 'utf8'), spilled(content.body), Buffer.from(content.tail, 'utf8')]),
        );
      }
    }
  } catch (error) {
    failed = true;
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error), code: error?.code, file: files[i] });
    return;
  }
  parentPort.postMessage({ pages: files.length });
});
