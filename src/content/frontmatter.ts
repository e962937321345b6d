import matter from 'gray-matter';
import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { DiagnosticBag } from '../diagnostics.ts';
import { flat } from '../strings.ts';
import { yamlProblems } from './yaml-errors.ts';
import type { Locate, LocateText, SourceFile, SourcePosition, SplitDocument } from '../types.ts';

/**
 * Keys that mean something to Eleventy or to JavaScript objects. Briefing never hands front matter
 * to Eleventy, but an author who writes them expects an effect that will not happen, and the
 * prototype keys are the classic pollution vector (eleventy-utils issue 8): reject them all.
 */
const FORBIDDEN_KEYS = new Set([
  'permalink',
  'layout',
  'eleventyComputed',
  'eleventyExcludeFromCollections',
  'eleventyImport',
  'eleventyDataSchema',
  'eleventyNavigation',
  'templateEngineOverride',
  'pagination',
  'dynamicPermalink',
  'permalinkBypassOutputDir',
  '__proto__',
  'constructor',
  'prototype',
]);

/** Front matter is data: only YAML. Any other engine gray-matter knows (js, javascript, coffee, …) is refused. */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/**
 * Stage 2, front matter: splits a file into its YAML front matter and Markdown body with gray-matter.
 * The YAML is read by js-yaml (core schema, fast; duplicate keys are an error; `__proto__` becomes
 * an own key, never the prototype); when a problem needs its position, the text is parsed again
 * with the `yaml` package, which keeps the source range of every key and value.
 */
export function splitDocument(source: SourceFile, bag: DiagnosticBag): SplitDocument | undefined {
  const { text, path: file } = source;
  const start: SourcePosition = { file, line: 1, column: 1 };
  const headEnd = fencesEnd(text, start, bag);
  if (headEnd === undefined) return undefined;
  const read = readFrontMatter(text, headEnd);
  const places = yamlPlaces(file, read.yamlText);
  const { locate, locateText } = places;
  const bodyLineOffset = countNewlines(text, text.length - read.body.length);

  const { yamlText } = read;
  if (yamlText === undefined) {
    // An empty front matter block: valid, no keys.
    return { source, data: {}, body: read.body, bodyLineOffset, locate, locateText };
  }
  if (!dataHolds(read, yamlText, places, start, bag)) return undefined;
  return { source, data: (read.data ?? {}) as Record<string, unknown>, body: read.body, bodyLineOffset, locate, locateText };
}

/**
 * Checks the opening and closing lines before gray-matter sees the text: the end of the closing
 * line (before its newline), or undefined after reporting why not.
 */
function fencesEnd(text: string, start: SourcePosition, bag: DiagnosticBag): number | undefined {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));

  if (!/^---/.test(firstLine)) {
    bag.error('missing-front-matter', 'missing front matter: the file must start with a line "---", then YAML keys, then "---"', start);
    return undefined;
  }
  // gray-matter treats the text after the opening `---` as the name of an engine and would run
  // JavaScript for `---js` even with `engines.js` disabled (the `javascript` alias). Decide first.
  const language = firstLine.slice(3).trim().toLowerCase();
  if (!YAML_LANGUAGES.has(language)) {
    bag.error(
      'executable-front-matter',
      `front matter language "${firstLine.slice(3).trim()}" is not allowed: front matter is YAML data and is never run`,
      start,
    );
    return undefined;
  }
  // gray-matter looks for "\n---" anywhere (also "\n----x") and, when there is none, silently
  // takes the whole file as front matter. Require a real closing line.
  // gray-matter closes the block at the first line that merely starts with "---" (also "----x"),
  // dropping what follows from the front matter. Find that line first and insist it is a real "---".
  const close = /\n---/.exec(text);
  if (!close) {
    bag.error('unclosed-front-matter', 'the front matter opened on line 1 is never closed: add a line "---" after the last key', start);
    return undefined;
  }
  const closeLineEnd = text.indexOf('\n', close.index + 1);
  const closeLine = text.slice(close.index + 1, closeLineEnd === -1 ? text.length : closeLineEnd);
  if (!/^---[ \t]*$/.test(closeLine)) {
    const line = countNewlines(text, close.index + 1) + 1;
    bag.error(
      'bad-front-matter-line',
      `line "${closeLine.slice(0, 20)}" would end the front matter: the closing line must be exactly "---" (quote a value that starts with dashes)`,
      { ...start, line, column: 1 },
    );
    return undefined;
  }
  return closeLineEnd === -1 ? text.length : closeLineEnd;
}

/** What gray-matter and js-yaml read: the body, and the YAML text and its data unless the block is empty. */
interface FrontMatterRead {
  readonly body: string;
  readonly yamlText: string | undefined;
  readonly data: unknown;
  /** js-yaml refused the YAML text. */
  readonly failed: boolean;
}

/**
 * gray-matter reads only the head of the file, up to the end of its closing line: it copies
 * whatever it is given into a Buffer (`file.orig`, which Briefing never reads), 80 MB of
 * encoding and external memory at 10,000 articles for nothing. The body is then what gray-matter
 * would have made of the whole text: what follows the closing `---`, less one leading newline.
 */
function readFrontMatter(text: string, headEnd: number): FrontMatterRead {
  let yamlText: string | undefined;
  let data: unknown;
  let failed = false;
  const refuse = (): never => {
    throw new Error('only YAML front matter is allowed');
  };
  const file0 = matter(text.slice(0, headEnd), {
    language: 'yaml',
    engines: {
      // js-yaml's core schema for speed (no timestamps: dates stay strings, checked by the schema);
      // errors and positions come from the `yaml` package below, parsed only when needed.
      yaml: (src: string) => {
        yamlText = src;
        try {
          // js-yaml's strings are slices of the YAML text, and a slice keeps all of it alive: a
          // title kept by the model would keep its whole front matter (20 MB at 10,000 articles).
          data = detached(jsYaml.load(src, { schema: jsYaml.CORE_SCHEMA, json: false }));
        } catch {
          failed = true;
        }
        return {};
      },
      // Defence in depth: gray-matter resolves these names through `aliase()`; none may run.
      javascript: refuse,
      coffee: refuse,
      json: refuse,
      toml: refuse,
    },
  });
  let body = file0.content + text.slice(headEnd);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  return { body, yamlText, data, failed };
}

/** Positions in the YAML text, from the `yaml` package's parse, made the first time one is asked for. */
interface YamlPlaces {
  positioned(): { doc: Document.Parsed; lineCounter: LineCounter };
  yamlPos(offset: number): SourcePosition;
  readonly locate: Locate;
  readonly locateText: LocateText;
}

function yamlPlaces(file: string, yamlText: string | undefined): YamlPlaces {
  const start: SourcePosition = { file, line: 1, column: 1 };
  // The opening line `---` is file line 1; gray-matter's `matter` text starts right after the
  // three dashes, so YAML line N is file line N and its columns are the file's.
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const positioned = (): { doc: Document.Parsed; lineCounter: LineCounter } => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(yamlText ?? '', { lineCounter, uniqueKeys: true, schema: 'core', merge: false, prettyErrors: false });
      parsed = { doc, lineCounter };
    }
    return parsed;
  };
  const yamlPos = (offset: number): SourcePosition => {
    const { line, col } = positioned().lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const locate: Locate = (keyPath) => {
    if (yamlText === undefined) return start;
    const range = rangeOf(positioned().doc, keyPath);
    return range === undefined ? start : yamlPos(range);
  };
  const locateText: LocateText = (keyPath, value) => {
    const node = yamlText === undefined ? undefined : scalarAt(positioned().doc, keyPath);
    if (yamlText === undefined || !node?.range) {
      const at = locate(keyPath);
      return (offset) => ({ file, line: at.line, column: at.column + offset });
    }
    const places = alignText(yamlText, textStart(yamlText, node.range[0], node.type), node.range[1], value);
    return (offset) => yamlPos(places[Math.max(0, Math.min(offset, value.length))]!);
  };
  return { positioned, yamlPos, locate, locateText };
}

/** Checks the YAML read: valid, no alias bomb, no forbidden key, a map; false after reporting why not. */
function dataHolds(read: FrontMatterRead, yamlText: string, places: YamlPlaces, start: SourcePosition, bag: DiagnosticBag): boolean {
  const { data } = read;
  const { positioned, yamlPos } = places;
  if (read.failed) {
    // js-yaml said no: let `yaml` say why and where (it reports every error, with positions).
    const { doc } = positioned();
    for (const { offset, message } of yamlProblems(yamlText, doc.errors)) {
      bag.error('bad-yaml', `invalid YAML front matter: ${message}`, yamlPos(offset));
    }
    if (doc.errors.length === 0) bag.error('bad-yaml', 'invalid YAML front matter', start);
    return false;
  }

  // Aliases expand to copies wherever the data is used: refuse an alias bomb ("billion laughs").
  if (/[\s[,]\*[^\s,\]}]/.test(yamlText)) {
    try {
      positioned().doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      bag.error('bad-yaml', `invalid YAML front matter: ${(error as Error).message}`, start);
      return false;
    }
  }

  let ok = true;
  for (const keyPath of forbiddenKeyPaths(data)) {
    ok = false;
    const key = String(keyPath[keyPath.length - 1]);
    bag.error(
      'forbidden-key',
      `key "${key}" is not allowed in front matter: Briefing decides page paths and layouts itself, and prototype keys are never accepted`,
      keyPosition(positioned().doc, keyPath, yamlPos) ?? start,
    );
  }
  if (!ok) return false;

  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    bag.error('bad-front-matter', 'front matter must be a map of keys to values', start);
    return false;
  }
  return true;
}

/**
 * Paths of forbidden keys at any depth. Aliases can make the data a graph that shares nodes
 * (the "billion laughs" shape), so each object is visited once.
 */
function forbiddenKeyPaths(data: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, at: (string | number)[]): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) found.push([...at, key]);
        walk((value as Record<string, unknown>)[key], [...at, key]);
      }
    }
  };
  walk(data, []);
  return found;
}

/** Where the key at the end of `keyPath` is written (the key itself, not its value). */
function keyPosition(doc: Document.Parsed, keyPath: readonly (string | number)[], pos: (offset: number) => SourcePosition): SourcePosition | undefined {
  let node: YamlNode | null | undefined = doc.contents;
  let keyStart: number | undefined;
  for (const segment of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return undefined;
      keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as YamlNode | undefined;
    } else return undefined;
  }
  return keyStart === undefined ? undefined : pos(keyStart);
}

/**
 * The node at `keyPath`, or none when the path leads nowhere; and the nearest place on the way to
 * point at: the last key (or list item) found, or the map that lacks the next key.
 */
function nodeAt(doc: Document.Parsed, keyPath: readonly (string | number)[]): { node?: YamlNode; near?: number } {
  let node: YamlNode | null | undefined = doc.contents;
  let near: number | undefined;
  for (const segment of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) return { near: near ?? node.range?.[0] };
      near = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as YamlNode | undefined;
      if (node) near = node.range?.[0];
    } else {
      return { near };
    }
    if (!node) return { near };
  }
  return { node: node ?? undefined, near };
}

/** Offset in the YAML text of the value (or, when absent, the key) at `keyPath`. */
function rangeOf(doc: Document.Parsed, keyPath: readonly (string | number)[]): number | undefined {
  const { node, near } = nodeAt(doc, keyPath);
  return node?.range?.[0] ?? near;
}

/** The scalar at exactly `keyPath`, if there is one. */
function scalarAt(doc: Document.Parsed, keyPath: readonly (string | number)[]): Scalar | undefined {
  const { node } = nodeAt(doc, keyPath);
  return isScalar(node) ? node : undefined;
}

/** Where a scalar's text starts: after its opening quote, or after a block scalar's header line. */
function textStart(src: string, at: number, type: string | undefined): number {
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return at + 1;
  if (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL') {
    const line = src.indexOf('\n', at);
    return line === -1 ? at : line + 1;
  }
  return at;
}

/** How far past the last character placed the next one is looked for: indentation, a line break, an escape. */
const REACH = 24;

/**
 * Where each character of a scalar's value (as read, maybe trimmed) is written in the YAML text
 * `src[from, to)`, and one more entry for its end. Hand-written because YAML parsers give a
 * scalar's range, not where each of its characters came from. Each character is looked for a
 * little ahead of the previous one: what is skipped is syntax (a quote doubled or escaped, an
 * escape's backslash, indentation, a folded line break); a character not found near is one an
 * escape or a folded line made (`\u00e9`, a line break read as a space) and is placed where its
 * escape starts. The first character is looked for up to the end (leading blank lines and
 * spaces, trimmed from the value).
 */
function alignText(src: string, from: number, to: number, value: string): number[] {
  const places: number[] = [];
  let at = from;
  for (let i = 0; i < value.length; i++) {
    // Looked for in the reach only (never in the rest of the text), so a value is placed in time
    // linear in its length, whatever it holds.
    const reach = i === 0 ? to : Math.min(to, at + REACH);
    const c = value[i]!;
    let found = -1;
    for (let k = at; k < reach; k++) {
      if (src[k] === c) {
        found = k;
        break;
      }
    }
    if (found !== -1) {
      places.push(found);
      at = found + 1;
    } else {
      places.push(Math.min(at, to));
      at = src[at] === '\\' ? at + escapeLength(src[at + 1]) : at + 1;
    }
  }
  places.push(Math.min(at, to));
  return places;
}

/** Characters in a double-quoted YAML escape that starts with a backslash followed by `kind`. */
function escapeLength(kind: string | undefined): number {
  return kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
}

/**
 * The same data with every string a copy of its own (`flat`), not a slice of the text it was read
 * from. Each object is visited once (YAML aliases make a graph that shares nodes, the "billion
 * laughs" shape), and keys are redefined, never assigned: an own `__proto__` key stays a key.
 */
function detached(data: unknown): unknown {
  const seen = new Set<object>();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return flat(value);
    if (!value || typeof value !== 'object' || seen.has(value)) return value;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      Object.defineProperty(record, key, { value: walk(record[key]), writable: true, enumerable: true, configurable: true });
    }
    return value;
  };
  return walk(data);
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
