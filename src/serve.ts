import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from '@11ty/chokidar-with-glob-support';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { build, type BuildResult } from './build.ts';
import { rebuild } from './incremental.ts';
import { formatDiagnostic, underStrict, UsageError } from './diagnostics.ts';
import { realPath, within } from './output.ts';
import { requestGuard } from './serve-guard.ts';
import { TEMPLATES_DIR } from './site/paths.ts';

export interface ServeOptions {
  readonly input: string;
  readonly output: string;
  readonly port: number;
  /** The address to listen on; 127.0.0.1 unless given (FORMAT.md §3). */
  readonly host?: string;
  readonly strict?: boolean;
}

/**
 * `briefing serve`: builds, serves the output folder with Eleventy's dev server (live reload), and
 * rebuilds when a content file or template changes — incrementally when only articles changed
 * (src/incremental.ts). A failed rebuild prints its diagnostics and keeps serving the last good site.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  const input = path.resolve(options.input);
  const output = path.resolve(options.output);
  await checkFolders(options, input, output);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const site = siteBuilder(options, log);
  await site.update();
  const server = await listen(options, output, host, log);
  const watcher = await watchChanges(input, site, () => server.reload(), log);
  log(`Watching ${options.input} for changes. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) =>
    process.once('SIGINT', () => void Promise.all([watcher.close(), server.close()]).then(() => resolve())),
  );
}

async function checkFolders(options: ServeOptions, input: string, output: string): Promise<void> {
  const inputStat = await stat(input).catch(() => undefined);
  // Checked before serving: a missing input would otherwise fail every build while the server runs.
  if (!inputStat?.isDirectory()) throw new UsageError(`input folder not found: ${options.input}`);
  // Real paths, component by component, as a build compares them (src/output.ts).
  if (within(input, await realPath(output)) || within(await realPath(input), await realPath(output))) {
    // Every build would change the input it watches, and start the next build.
    throw new UsageError(
      `the output folder ${options.output} is inside the input folder ${options.input}; choose an output folder outside it`,
    );
  }
}

/** The served site's builds: the first one full, then incremental from the changed files while it can. */
interface SiteBuilder {
  /** Builds or rebuilds; true when the site changed (a failed build keeps the previous one). */
  update(): Promise<boolean>;
  /** A changed content file, for the next rebuild. */
  changed(file: string): void;
  /** The next build is a full one. */
  full(): void;
}

function siteBuilder(options: ServeOptions, log: (line: string) => void): SiteBuilder {
  let last: BuildResult | undefined;
  let changed = new Set<string>();
  const update = async (): Promise<boolean> => {
    const paths = changed;
    changed = new Set();
    try {
      const result = last
        ? await rebuild({ ...options, log, keepCache: true, dev: true }, last, paths)
        : await build({ ...options, log, keepCache: true, dev: true });
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
  return {
    update,
    changed: (file) => void changed.add(file),
    full: () => {
      last = undefined;
    },
  };
}

/** Serves the output folder with live reload on `host`, from `options.port` (or the next free port). */
async function listen(options: ServeOptions, output: string, host: string, log: (line: string) => void): Promise<EleventyDevServer> {
  const server = EleventyDevServer.getServer('briefing', output, {
    port: options.port,
    showVersion: false,
    messageOnStart: () => false,
    middleware: [requestGuard(output)],
    logger: { info: log, log, error: log },
  });
  // The dev server listens on every interface and has no option for the address
  // (11ty/dev-server#128); its one listen call (also used for its retries on the next ports) is
  // given the host.
  server._serverListen = (port: number) => void server.server.listen({ port, host });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      // A port in use is retried on the next one by the dev server.
      if (error.code !== 'EADDRINUSE') reject(new UsageError(`cannot listen on ${host} port ${options.port}: ${error.message}`));
    };
    server.server.on('error', failed).once('listening', () => {
      server.server.off('error', failed);
      resolve();
    });
    server.serve(options.port);
  });
  const { port } = server.server.address() as { port: number };
  log(`Serving ${options.output} at http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
  return server;
}

/** Rebuilds 100 ms after the last change under the input folder or the templates, one build at a time; `reload` after each that succeeded. */
async function watchChanges(input: string, site: SiteBuilder, reload: () => void, log: (line: string) => void): Promise<FSWatcher> {
  const templates = path.resolve(TEMPLATES_DIR);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = (file: string): void => {
    // A change under templates/ (styles, scripts; the view functions are modules, read once per
    // process) needs a full build.
    if (file.startsWith(templates + path.sep)) site.full();
    else site.changed(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (await site.update()) reload();
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
  return watcher;
}
