// Eleventy 3, its dev server and its file watcher ship JavaScript without TypeScript declarations;
// these describe only the parts Briefing calls.
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    config?: (config: never) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    setLogger(logger: {
      log(...a: unknown[]): void;
      warn(...a: unknown[]): void;
      error(...a: unknown[]): void;
      info?(...a: unknown[]): void;
    }): void;
    disableLogger(): void;
    write(): Promise<unknown>;
    /** Renders without writing: the pages with their output paths and contents. */
    toJSON(): Promise<unknown>;
  }
}

declare module '@11ty/eleventy-dev-server' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  interface DevServerOptions {
    port?: number;
    showVersion?: boolean;
    logger?: { info(m: string): void; log(m: string): void; error(m: string): void };
    /** Run in order before the dev server's own file serving; each calls `next()` to go on. */
    middleware?: ((req: IncomingMessage, res: ServerResponse, next: () => void) => void)[];
    /** The line printed once listening, or `false` for none. */
    messageOnStart?: () => string | false;
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    /** The HTTP server, made on first use. */
    readonly server: Server;
    /** `serve`'s one call of `server.listen`, and of its retries on the next ports when a port is taken. */
    _serverListen(port: number): void;
    serve(port: number): void;
    reload(): void;
    close(): Promise<void>;
  }
}

declare module '@11ty/chokidar-with-glob-support' {
  import type { EventEmitter } from 'node:events';
  /** chokidar 4's watcher (the events Briefing listens to). */
  export interface FSWatcher extends EventEmitter {
    on(event: 'all', listener: (event: 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir', path: string) => void): this;
    on(event: 'ready', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    close(): Promise<void>;
  }
  export function watch(paths: string | readonly string[], options?: { ignoreInitial?: boolean; disableGlobbing?: boolean }): FSWatcher;
}
