// Preloaded into every benchmarked process through NODE_OPTIONS="--import <this file>".
//
// The child measures itself because Node cannot give a parent the rusage of one child: on 'exit'
// it writes process.resourceUsage() (CPU in µs, maxRSS in KiB) and its wall time since process
// start to the file named by BENCH_RUSAGE_FILE. Plain .mjs so it loads without tsx.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_RUSAGE_FILE;
if (file && isMainThread) {
  // Grandchildren inherit NODE_OPTIONS too; without the variable they stay silent instead of
  // overwriting this process's numbers with their own.
  delete process.env.BENCH_RUSAGE_FILE;
  process.on('exit', (code) => {
    writeFileSync(
      file,
      JSON.stringify({
        pid: process.pid,
        exitCode: code,
        // ms since the process started (performance.timeOrigin), so includes module loading.
        wallMs: performance.now(),
        resourceUsage: process.resourceUsage(),
      }),
    );
  });
}
