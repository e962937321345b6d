import { watch } from 'node:fs';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { build } from './build.ts';
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
 * rebuilds when a content file or template changes. A failed rebuild prints its diagnostics and
 * keeps serving the last good site.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const rebuild = async (): Promise<boolean> => {
    try {
      const result = await build({ ...options, log });
      for (const d of result.diagnostics) log(formatDiagnostic(d));
      if (!result.ok) log('Build failed; still serving the previous site.');
      return result.ok;
    } catch (error) {
      log(`Build failed: ${(error as Error).message}`);
      return false;
    }
  };
  await rebuild();
  const server = EleventyDevServer.getServer('briefing', path.resolve(options.output), { port: options.port, showVersion: false, logger: { info: log, log, error: log } });
  server.serve(options.port);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (await rebuild()) server.reload();
      });
    }, 100);
  };
  for (const dir of [path.resolve(options.input), TEMPLATES_DIR]) watch(dir, { recursive: true }, schedule);
  log(`Watching ${options.input} for changes. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => void server.close().then(resolve)));
}
