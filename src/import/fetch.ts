import { promises as fs } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../version.ts';
import type { RawReport, ReportKind } from './types.ts';

/** A source that cannot be read; its message is printed as `briefing: error: SOURCE: message`. */
export class SourceError extends Error {
  readonly file: string;
  constructor(file: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SourceError';
    this.file = file;
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const KINDS: Readonly<Record<string, ReportKind>> = { '.txt': 'text', '.md': 'markdown', '.html': 'html', '.htm': 'html' };

export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/**
 * The files a SOURCE names: itself, or for a folder the report files directly in it, by name.
 * Folders are not searched recursively: a web page saved "complete" comes with a folder of its
 * scripts, styles and pictures (`page_files/`), which must not be imported as reports.
 */
export async function expandSource(source: string, skipped: (file: string, why: string) => void): Promise<string[]> {
  if (isUrl(source)) return [source];
  let stat;
  try {
    stat = await fs.stat(source);
  } catch (error) {
    throw new SourceError(
      source,
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message,
      { cause: error },
    );
  }
  if (!stat.isDirectory()) return [source];
  const names = (await fs.readdir(source, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of names) {
    const file = path.join(source, entry.name);
    if (entry.isDirectory()) skipped(file, 'a folder (folders are not searched recursively)');
    else if (KINDS[path.extname(entry.name).toLowerCase()]) files.push(file);
    else skipped(file, 'not a .txt, .md or .html file');
  }
  return files;
}

/** The fetch step: one file or URL, decoded. */
export async function fetchReport(file: string, limits: FetchLimits): Promise<RawReport> {
  if (isUrl(file)) return fetchUrl(file, limits);
  const kind = KINDS[path.extname(file).toLowerCase()];
  if (!kind) throw new SourceError(file, 'not a .txt, .md or .html file, a folder or an http(s) URL');
  let handle;
  try {
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SourceError(file, 'not a regular file');
    if (stat.size > limits.maxBytes) throw new SourceError(file, `larger than ${limits.maxBytes} bytes`);
    const bytes = await handle.readFile();
    return { file, kind, content: decode(file, bytes, kind === 'html' ? sniffCharset(bytes) : undefined) };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(file, (error as Error).message, { cause: error });
  } finally {
    await handle?.close();
  }
}

/**
 * One GET of exactly that address, no other request: redirects are not followed (the answer names
 * where it points, for the user to import if they trust it), and nothing the page refers to is
 * fetched. The whole exchange, headers and body, must end within the timeout, and the body is read
 * as a stream and abandoned as soon as it passes the size limit.
 */
async function fetchUrl(address: string, limits: FetchLimits): Promise<RawReport> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new SourceError(address, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SourceError(address, `only http: and https: URLs can be imported, not ${url.protocol}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: controller.signal,
      headers: { accept: 'text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9', 'user-agent': `briefing/${VERSION}` },
    });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      throw new SourceError(
        address,
        `redirects (HTTP ${response.status}) to ${location ? JSON.stringify(location.slice(0, 200)) : 'another address'}; redirects are not followed: import that address if you trust it`,
      );
    }
    if (!response.ok) throw new SourceError(address, `the server answered HTTP ${response.status}`);
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    const kind = kindOfType(type, url.pathname);
    if (!kind) throw new SourceError(address, `not a web page or text (content type ${JSON.stringify(type.slice(0, 100))})`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.maxBytes) throw new SourceError(address, `larger than ${limits.maxBytes} bytes (${declared} bytes announced)`);
    const bytes = await readLimited(response, limits.maxBytes, address, controller);
    const charset = /charset\s*=\s*"?([\w.:-]+)/.exec(type)?.[1] ?? (kind === 'html' ? sniffCharset(bytes) : undefined);
    return { file: address, kind, content: decode(address, bytes, charset), url: url.href };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (controller.signal.aborted)
      throw new SourceError(address, `no complete answer within ${limits.timeoutMs / 1000} s`, { cause: error });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new SourceError(address, `could not be fetched: ${cause?.code ?? cause?.message ?? (error as Error).message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(response: Response, maxBytes: number, address: string, controller: AbortController): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw new SourceError(address, `larger than ${maxBytes} bytes: the download was stopped`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function kindOfType(type: string, pathname: string): ReportKind | undefined {
  const media = type.split(';')[0]!.trim();
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html';
  if (media === 'text/plain') return KINDS[path.posix.extname(pathname).toLowerCase()] === 'markdown' ? 'markdown' : 'text';
  if (media === 'text/markdown' || media === 'text/x-markdown') return 'markdown';
  if (media === '') return KINDS[path.posix.extname(pathname).toLowerCase()] ?? 'html';
  return undefined;
}

/** A `<meta charset>` (or its http-equiv form) in the first 1024 bytes, as browsers look for it. */
function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

/** Decodes strictly (a wrong byte is an error, not a silent U+FFFD), drops a BOM, makes CRLF and CR LF. */
function decode(file: string, bytes: Uint8Array, charset: string | undefined): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8', { fatal: true });
  } catch {
    throw new SourceError(file, `unknown character encoding ${JSON.stringify(charset)}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new SourceError(file, `not valid ${decoder.encoding} text`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}
