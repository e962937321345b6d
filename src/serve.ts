import path from 'node:path';
import { watch } from '@11ty/chokidar-with-glob-support';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { build, type BuildResult } from './build.ts';
import { rebuild } from './incremental.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { TEMPLATES_DIR } from './site/paths.ts';

export interface ServeOptions {
  readonly input: string;
  readonly output: string;
  readonly port: number;
  readonly strict?: boolean;
}

/**
 * `briefing serve`: builds, serves the output folder with Eleventy's dev server (live reload), and
 * rebuilds when a content file or template changes — incrementally when only articles changed
 * (src/incremental.ts). A failed rebuild prints its diagnostics and keeps serving the last good site.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const input = path.resolve(options.input);
  const templates = path.resolve(TEMPLATES_DIR);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  let last: BuildResult | undefined;
  let changed = new Set<string>();
  const update = async (): Promise<boolean> => {
    const paths = changed;
    changed = new Set();
    try {
      const result = last ? await rebuild({ ...options, log, keepCache: true }, last, paths) : await build({ ...options, log, keepCache: true });
      for (const d of result.diagnostics) log(formatDiagnostic(d));
      if (!result.ok) {
        log('Build failed; still serving the previous site.');
        // The next rebuild must redo what this one was given.
        for (const p of paths) changed.add(p);
        return false;
      }
      last = result;
      return true;
    } catch (error) {
      log(`Build failed: ${(error as Error).message}`);
      last = undefined;
      return false;
    }
  };
  await update();
  const server = EleventyDevServer.getServer('briefing', path.resolve(options.output), { port: options.port, showVersion: false, logger: { info: log, log, error: log } });
  server.serve(options.port);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = (file: string): void => {
    // A change under templates/ (styles, scripts; the view functions are modules, read once per
    // process) needs a full build.
    if (file.startsWith(templates + path.sep)) last = undefined;
    else changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (await update()) server.reload();
      });
    }, 100);
  };
  // chokidar, not node's recursive fs.watch: on Linux, node 20's loses a file replaced by a rename
  // (editors that save through a temporary file, `sed -i`, `git checkout`) and never reports it
  // again. chokidar watches each folder as well as each file, so a file made again by any means
  // is seen through its folder and watched anew.
  const watcher = watch([input, templates], { ignoreInitial: true, disableGlobbing: true });
  watcher.on('all', (_event, file) => schedule(path.resolve(file)));
  watcher.on('error', (error) => log(`Watching failed: ${error.message}`));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  log(`Watching ${options.input} for changes. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => void Promise.all([watcher.close(), server.close()]).then(() => resolve())));
}
