/**
 * Runs one benchmarked command as a separate process and measures it.
 *
 * The child reports its own CPU time and peak RSS (bench/rusage.mjs, preloaded via NODE_OPTIONS);
 * the parent times the wall clock from spawn to exit, which is what a user waits for.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Command {
  readonly args: readonly string[];
  readonly cwd: string;
}

export interface Measurement {
  /** Spawn to exit, measured by the parent. */
  readonly wallMs: number;
  /** Process start to 'exit' event, measured by the child (excludes process teardown). */
  readonly childWallMs: number;
  readonly userMs: number;
  readonly systemMs: number;
  readonly cpuMs: number;
  /** Peak resident set size of the child process itself, in KiB (process.resourceUsage().maxRSS). */
  readonly maxRssKiB: number;
  /** CPU time of the child plus every process it started and waited for, including the child's
   * teardown after its 'exit' event (Linux /proc/self/stat; 0 elsewhere). */
  readonly treeCpuMs: number;
  /** treeCpuMs - cpuMs when clearly more than teardown: CPU of subprocesses, which is not in
   * cpuMs (and whose memory is not in maxRssKiB). 0 otherwise. */
  readonly descendantCpuMs: number;
}

export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    super(message);
  }
}

interface ChildReport {
  readonly exitCode: number;
  readonly wallMs: number;
  readonly resourceUsage: NodeJS.ResourceUsage;
}

let running: ChildProcess | undefined;

/** Lets a SIGINT handler stop the benchmark's own child, and nothing else. */
export function killRunningChild(): void {
  running?.kill('SIGTERM');
}

const RUSAGE_MODULE = pathToFileURL(fileURLToPath(new URL('../rusage.mjs', import.meta.url))).href;

// Clock ticks per second, for /proc/self/stat's cutime and cstime.
const CLOCK_TICKS = ((): number => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout);
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** CPU ms of all reaped children of this (the bench) process, or 0 where /proc is missing. */
function reapedChildrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after "(comm)": state is field 3, cutime 16, cstime 17 (1-based, proc(5)).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

/** Flushes dirty pages so one tool's output writeback does not slow the next tool's run. */
export function flushDisks(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

const tail = (s: string, n = 4000): string => (s.length > n ? `…${s.slice(-n)}` : s);

export interface Outcome {
  readonly measurement: Measurement;
  /** Tail of the child's stderr, shown when its output then fails verification. */
  readonly stderr: string;
}

export async function measure(cmd: Command, reportFile: string): Promise<Outcome> {
  rmSync(reportFile, { force: true });
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${RUSAGE_MODULE}`.trim(),
    BENCH_RUSAGE_FILE: reportFile,
  };
  const cpuBefore = reapedChildrenCpuMs();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, cmd.args, { cwd: cmd.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = tail(stdout + d, 100_000)));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = tail(stderr + d, 100_000)));
  const { code, signal, wallMs } = await new Promise<{ code: number | null; signal: string | null; wallMs: number }>((resolve, reject) => {
    let wall = 0;
    child.on('error', reject);
    child.on('exit', () => (wall = Number(process.hrtime.bigint() - started) / 1e6));
    child.on('close', (c, s) => resolve({ code: c, signal: s, wallMs: wall }));
  });
  running = undefined;
  const what = `node ${cmd.args.join(' ')}`;
  if (code !== 0) {
    throw new CommandFailed(`${what} exited with ${signal ?? `code ${code}`}`, tail(stderr), tail(stdout));
  }
  if (!existsSync(reportFile)) {
    throw new CommandFailed(`${what} wrote no resource report (was NODE_OPTIONS dropped?)`, tail(stderr), tail(stdout));
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ChildReport;
  const ru = report.resourceUsage;
  const cpuMs = (ru.userCPUTime + ru.systemCPUTime) / 1000;
  const treeCpuMs = reapedChildrenCpuMs() - cpuBefore;
  const measurement: Measurement = {
    wallMs,
    childWallMs: report.wallMs,
    userMs: ru.userCPUTime / 1000,
    systemMs: ru.systemCPUTime / 1000,
    cpuMs,
    maxRssKiB: ru.maxRSS,
    treeCpuMs,
    // The tree total has clock-tick resolution and also holds the child's own teardown after its
    // 'exit' event (freeing a large heap takes ~0.1 s), so only a clear excess means grandchildren.
    descendantCpuMs: treeCpuMs - cpuMs > Math.max(250, 0.1 * cpuMs) ? treeCpuMs - cpuMs : 0,
  };
  return { measurement, stderr: tail(stderr) };
}
