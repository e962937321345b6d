/** Where progress lines go: stderr for the CLI, nowhere with --quiet or in tests. */
export type Log = (line: string) => void;

export const silent: Log = () => {};

/**
 * Times the pipeline's stages and reports each as it finishes ("annotate  42 documents  120 ms"),
 * so a long build shows where it is and where the time went.
 */
export class Progress {
  readonly #log: Log;
  readonly #start = performance.now();

  constructor(log: Log) {
    this.#log = log;
  }

  async stage<T>(name: string, unit: string, run: () => T | Promise<T>, count: (result: T) => number): Promise<T> {
    const t0 = performance.now();
    const result = await run();
    const ms = performance.now() - t0;
    const n = count(result);
    this.#log(`  ${name.padEnd(9)} ${String(n).padStart(7)} ${unit.padEnd(10)} ${formatMs(ms).padStart(8)}`);
    return result;
  }

  get elapsedMs(): number {
    return performance.now() - this.#start;
  }
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** "1 article", "2 articles": counts in the lines a person reads. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
