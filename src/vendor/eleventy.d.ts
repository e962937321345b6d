// Eleventy 3 and its dev server ship JavaScript without TypeScript declarations; these describe
// only the parts Briefing calls.
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    config?: (config: never) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    setLogger(logger: { log(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void; info?(...a: unknown[]): void }): void;
    disableLogger(): void;
    write(): Promise<unknown>;
    /** Renders without writing: the pages with their output paths and contents. */
    toJSON(): Promise<unknown>;
  }
}

declare module '@11ty/eleventy-dev-server' {
  interface DevServerOptions {
    port?: number;
    showVersion?: boolean;
    logger?: { info(m: string): void; log(m: string): void; error(m: string): void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    reload(): void;
    close(): Promise<void>;
  }
}
