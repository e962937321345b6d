import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The file a request path names inside `root`, or `undefined` when it names none: a path that is
 * not valid percent-encoded UTF-8, holds a NUL, or has a `..` segment once decoded. Browsers remove
 * `..` segments before they send a request, so only a crafted path keeps one, hidden as `%2f`,
 * `%5c` or `%2e%2e` inside a segment that the URL parser leaves alone.
 */
function servedFile(root: string, url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url, 'http://localhost/').pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return undefined;
  const file = path.resolve(root, `.${decoded}`);
  // A separator after the root, so that `_site-old` is not taken for a folder inside `_site`.
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * A request filter for Eleventy's dev server (its `middleware` option), which runs before the dev
 * server's own file serving. That serving (2.1.2) joins the request path to the output folder
 * before decoding it, then checks containment with a bare `startsWith`: a bad escape (`/%`,
 * `/%c0%ae`) or an escaped `..` that leaves the folder throws inside its request handler and ends
 * the process (11ty/dev-server#150), and `/%2e%2e%2f_site-old/x` reads a sibling folder whose name
 * starts with the output's (11ty/dev-server#152). The filter answers such requests with 400 itself,
 * and turns any other throw of the file serving (a file removed by a rebuild between its check and
 * its read) into a 500 for that request alone.
 */
export function requestGuard(root: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const resolvedRoot = path.resolve(root);
  return (req, res, next) => {
    if (servedFile(resolvedRoot, req.url ?? '/') === undefined) return void answer(res, 400, 'Bad request');
    try {
      next();
    } catch {
      answer(res, 500, 'Internal server error');
    }
  };
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${text}\n`);
}
