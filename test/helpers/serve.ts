/** Runs `briefing serve` as a child process on loopback, for the tests that need a live server. */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export interface Served {
  readonly port: number;
  readonly host: string;
  /** Everything the server printed so far. */
  log(): string;
  /** GET `rel` (sent as written, not normalised by a URL parser): status and body; never throws. */
  get(rel: string): Promise<{ status: number; body: string }>;
  waitFor(predicate: () => boolean | Promise<boolean>, what: string, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, host, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A raw GET, so that paths such as `/%` or `/..%2f` reach the server byte for byte. */
export function rawGet(host: string, port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: rawPath, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body }));
    });
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
  });
}

/**
 * Starts `briefing serve` in `cwd` with `args` and waits for it to watch (or to exit); `bin` is
 * this checkout's command unless given (an installed package's).
 */
export async function startServe(
  cwd: string,
  args: readonly string[],
  host = '127.0.0.1',
  bin = path.resolve('bin/briefing.js'),
): Promise<Served & { child: ChildProcess }> {
  const port = await freePort(host);
  let text = '';
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const waitFor = async (predicate: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await predicate()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; server log:\n${text}`);
  };
  const served = {
    child,
    port,
    host,
    log: () => text,
    get: (rel: string) => rawGet(host, port, rel.startsWith('/') ? rel : `/${rel}`),
    waitFor,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
  await waitFor(() => text.includes('Watching') || child.exitCode !== null, 'the first build');
  return served;
}
