import { watch } from 'node:fs';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { build, type BuildResult } from './build.ts';
import { rebuild } from './incremental.ts';
import { formatDiagnostic, underStrict } from './diagnostics.ts';
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
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  let last: BuildResult | undefined;
  let changed = new Set<string>();
  const update = async (): Promise<boolean> => {
    const paths = changed;
    changed = new Set();
    try {
      const result = last ? await rebuild({ ...options, log, keepCache: true, dev: true }, last, paths) : await build({ ...options, log, keepCache: true, dev: true });
      for (const d of underStrict(result.diagnostics, options.strict === true)) log(formatDiagnostic(d));
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
  const schedule = (dir: string) => (_event: string, file: string | Buffer | null): void => {
    // A change under templates/ (styles, scripts; the view functions are modules, read once per
    // process) or an event without a file name needs a full build.
    if (dir === TEMPLATES_DIR || !file) last = undefined;
    else changed.add(path.join(dir, file.toString()));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (await update()) server.reload();
      });
    }, 100);
  };
  for (const dir of [path.resolve(options.input), TEMPLATES_DIR]) watch(dir, { recursive: true }, schedule(dir));
  log(`Watching ${options.input} for changes. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => void server.close().then(resolve)));
}
