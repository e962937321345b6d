import type { ExtractedReport, Paragraph, RawReport } from './types.ts';

/**
 * The extract step for text and Markdown reports. The text offsets count in is the file as read;
 * paragraphs are slices of it, so nothing in the wording changes.
 */
export function extractText(raw: RawReport): ExtractedReport {
  const text = raw.content;
  const lines = splitLines(text);
  let first = 0;
  while (first < lines.length && lines[first]!.text.trim() === '') first++;
  let title: string | undefined;
  const head = lines[first];
  if (head) {
    const headline = readHeadline(head.text, raw.kind, lines.slice(first + 1));
    if (headline !== undefined) {
      title = headline;
      first++;
    }
  }
  const paragraphs = raw.kind === 'markdown' ? markdownBlocks(text, lines.slice(first)) : textParagraphs(text, lines.slice(first));
  return {
    file: raw.file,
    kind: raw.kind,
    text,
    paragraphs,
    found: title === undefined ? {} : { title },
    notes: [],
    ...(raw.url ? { url: raw.url } : {}),
  };
}

interface Line {
  readonly text: string;
  readonly start: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    out.push({ text: text.slice(start, end < 0 ? text.length : end), start });
    if (end < 0) return out;
    start = end + 1;
  }
}

/**
 * A first line reads as a headline when it is short (at most 200 characters and 25 words), does not
 * end like a sentence (`.`, `,`, `;`, `:`; a question or exclamation mark can end a headline), starts
 * with a capital letter or digit, and has a body after it. Wire copy pasted without a headline starts
 * with its first sentence, which ends with a full stop or runs long.
 */
export function readHeadline(line: string, kind: RawReport['kind'], rest: readonly Line[]): string | undefined {
  if (!rest.some((l) => l.text.trim() !== '')) return undefined;
  let candidate = line.trim();
  if (kind === 'markdown') {
    // An ATX heading of any level is the title; its closing hashes are not.
    const atx = /^#{1,6}\s+(.*?)(?:\s+#+)?$/.exec(candidate);
    if (atx) return atx[1]!.trim() || undefined;
  }
  candidate = candidate.replace(/\s+/g, ' ');
  if (candidate.length === 0 || candidate.length > 200 || candidate.split(' ').length > 25) return undefined;
  if (/[.,;:]$/.test(candidate) && !/\.\.\.$|…$/.test(candidate)) return undefined;
  if (!/^[\p{Lu}\p{Lt}\p{Lo}\p{N}"“‘'«]/u.test(candidate)) return undefined;
  return candidate;
}

/**
 * Paragraphs of plain text. Blank lines always separate paragraphs. Within a block of lines, each
 * line is a paragraph (wire copy and pasted web text put one paragraph on a line), unless the block
 * looks hard-wrapped — every line but the last between 40 and 100 characters, within 30 of each
 * other — when the block is one paragraph and its line breaks stay as they are.
 */
function textParagraphs(text: string, lines: readonly Line[]): Paragraph[] {
  return blocksOf(lines).flatMap((block) =>
    hardWrapped(block)
      ? [wholeBlock(text, block)]
      : block.map((line) => ({ text: line.text.trim(), start: line.start + leading(line.text) })),
  );
}

/** The runs of non-blank lines: blank lines always separate paragraphs. */
function blocksOf(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() !== '') block.push(line);
    else if (block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/** One block as one paragraph, as it is in the file (inner line breaks kept), trimmed at its ends. */
function wholeBlock(text: string, block: readonly Line[]): Paragraph {
  const first = block[0]!;
  const last = block.at(-1)!;
  return { text: text.slice(first.start, last.start + last.text.length).trim(), start: first.start + leading(first.text) };
}

function hardWrapped(block: readonly Line[]): boolean {
  if (block.length < 2) return false;
  const lengths = block.slice(0, -1).map((l) => l.text.trim().length);
  return lengths.every((n) => n >= 40 && n <= 100) && Math.max(...lengths) - Math.min(...lengths) <= 30;
}

function leading(s: string): number {
  return s.length - s.trimStart().length;
}

/** Markdown reports: blocks separated by blank lines, kept as written. */
function markdownBlocks(text: string, lines: readonly Line[]): Paragraph[] {
  return blocksOf(lines).map((block) => wholeBlock(text, block));
}
