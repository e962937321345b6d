import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics.ts';
import type { SplitDocument } from '../types.ts';

/**
 * An entity's `image` against the disk (FORMAT.md §6): the file must exist under the content
 * folder's assets/, stay inside it once symbolic links are followed (a link out would publish a
 * file from elsewhere), and start like an image sharp reads. Run on every validation, never
 * remembered with the front matter's check: under `serve` the file can appear or change while the
 * entity's text stays the same. Only entities with an image come here, so a briefing without
 * images pays nothing. Returns whether the image can be used; a problem is an error at the key.
 */
export function checkImageFile(split: SplitDocument, image: string, bag: DiagnosticBag): boolean {
  // An entity file is <content>/entities/<id>.md.
  const problem = imageProblem(path.dirname(path.dirname(split.source.path)), image);
  if (problem) bag.error('bad-image', `"image": assets/${image} ${problem}`, split.locate(['image']));
  return problem === undefined;
}

function imageProblem(root: string, image: string): string | undefined {
  let assets: string;
  let target: string;
  try {
    assets = realpathSync(path.join(root, 'assets'));
    target = realpathSync(path.join(root, 'assets', ...image.split('/')));
  } catch {
    return 'does not exist (images are read from the content folder\'s assets/ folder)';
  }
  if (!isInside(realpathSync(root), assets) || !isInside(assets, target)) return 'leads outside the content folder\'s assets/ (a symbolic link); refusing to read it';
  if (!statSync(target).isFile()) return 'is not a file';
  return looksLikeImage(target) ? undefined : 'is not an image: its bytes are not JPEG, PNG, WebP, GIF, AVIF or SVG';
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The first bytes of each format sharp reads; SVG is text, so its root element is looked for. */
function looksLikeImage(file: string): boolean {
  const head = Buffer.alloc(1024);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const b = head.subarray(0, n);
  const ascii = (at: number, s: string): boolean => b.toString('latin1', at, at + s.length) === s;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true; // JPEG
  if (ascii(0, '\x89PNG\r\n\x1a\n') || ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return true;
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return true;
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return true;
  return /^(\ufeff)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/.test(b.toString('utf8'));
}
