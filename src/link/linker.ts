import AhoCorasick from 'modern-ahocorasick';
import { nameKey } from '../content/names.ts';
import { actsAt } from './actor.ts';
import { createRegionParser, type RegionParser } from './regions.ts';
import { allLower, COMMON_WORDS, lowerSameLength, phraseCaseFits, standsAlone, startsSentence } from './words.ts';

/** One entity as the linker sees it: its id and every name it may be written as (name, aliases, id). */
export interface LinkTarget {
  readonly id: string;
  readonly names: readonly string[];
  /**
   * For a place the registry puts in another entity, a state (its `Country:` attribute): the id
   * of that state, which the place's name may stand for where it acts ("Pyongyang fired").
   */
  readonly standsFor?: string;
}

/** One unlinked mention and the text that links it. */
export interface LinkEdit {
  /** Where the mention is, in UTF-16 units of the Markdown given to `find`. */
  readonly offset: number;
  readonly length: number;
  /** The entity's id. */
  readonly id: string;
  /** The text as written. */
  readonly shown: string;
  /** `[[shown]]`, or `[[id|shown]]` when the text as written would not resolve to the entity. */
  readonly replacement: string;
}

/** A place's name written where it acts, which may name its state: left for the editor. */
export interface LinkDoubt {
  readonly offset: number;
  readonly length: number;
  readonly shown: string;
  /** The place's id. */
  readonly id: string;
  /** The state's id. */
  readonly standsFor: string;
}

export interface Linker {
  /** Unlinked occurrences of the targets' names in `markdown`, in order, never overlapping. */
  find(markdown: string): LinkEdit[];
  /** What `find` finds, and the places' names it leaves unlinked because they may name their states. */
  scan(markdown: string): { edits: LinkEdit[]; doubts: LinkDoubt[] };
}

/** How a name is matched (see docs/linking.md). */
type Kind = 'word' | 'phrase' | 'id';

interface Entry {
  readonly target: number;
  readonly name: string;
  readonly kind: Kind;
  /** For a name "<owner>’s <rest>": where its owner ends and its rest starts (see `possessiveOf`). */
  readonly possessive?: Possessive;
}

interface Possessive {
  readonly ownerEnd: number;
  readonly restStart: number;
}

/** "<owner>’s <rest>" or "<owner>s’ <rest>", either apostrophe, the owner and the rest each one word or more. */
const POSSESSIVE = /^(\S.*?)(?:['’]s|(?<=s)['’])\s+(?=\S)/u;

/** Where the owner of a possessive name ends and its rest starts, for a name that is one. */
function possessiveOf(name: string): Possessive | undefined {
  const m = POSSESSIVE.exec(name);
  return m ? { ownerEnd: m[1]!.length, restStart: m[0].length } : undefined;
}

/**
 * What is never linked and can be found without parsing: a mention-shaped `[[…]]` as the mention
 * rule reads one (no `[` or `]` inside, at most one line break), escaped or not, and an attribute
 * list `]{…}` on one line. Skipping them before the search matters for speed: in a linked
 * briefing most names are inside mentions and `quote=` values.
 */
const NEVER_LINKED = /\[\[[^[\]\n]*(?:\n[^[\]\n]*)?\]\]|\]\{[^}\n]*\}/g;

/**
 * The linker (FORMAT.md §7): every occurrence of a target's name, alias or id that stands as a
 * word, in plain text, the longest first. Names are found in one pass over the text with an
 * Aho–Corasick automaton over their lower-case forms; each hit is then checked for its word
 * boundaries and letter case, and only a text with hits left is parsed with markdown-it to see
 * which of them lie in plain text (not code, URLs, links, mentions, escapes or attribute lists).
 */
export function createLinker(targets: readonly LinkTarget[]): Linker {
  const entries = entriesOf(targets);
  const keys = targets.map((t) => new Set(t.names.map(nameKey)));
  const names = namesIndex(entries);
  let regions: RegionParser | undefined;

  const scan = (markdown: string): { edits: LinkEdit[]; doubts: LinkDoubt[] } => {
    if (entries.size === 0) return { edits: [], doubts: [] };
    const base = bodyStart(markdown);
    const body = base === 0 ? markdown : markdown.slice(base);
    const lower = lowerSameLength(body);
    const { hits, usedAsWords } = searchHits(names, body, lower);
    if (hits.length === 0) return { edits: [], doubts: [] };

    // A one-word name that is also a common word says nothing by its capital at a sentence's start.
    let kept = hits.filter((h) => {
      if (h.kind !== 'word') return true;
      const key = lower.slice(h.start, h.end);
      return !((usedAsWords.has(key) || COMMON_WORDS.has(key)) && startsSentence(body, h.start));
    });
    if (kept.length === 0) return { edits: [], doubts: [] };

    regions ??= createRegionParser();
    const plain = regions.plainText(body);
    kept = kept.filter((h) => within(plain, h.start, h.end) && !regions!.insideUrl(body, h.start, h.end));

    // The longest first: at each place the longest name wins, and what it covers is taken.
    kept.sort((a, b) => a.start - b.start || b.end - a.end);
    const edits: LinkEdit[] = [];
    const doubts: LinkDoubt[] = [];
    const edit = (start: number, end: number, index: number): void => {
      const shown = body.slice(start, end);
      const { id, standsFor } = targets[index]!;
      if (standsFor !== undefined && actsAt(body, start, end)) {
        doubts.push({ offset: base + start, length: end - start, shown, id, standsFor });
        return;
      }
      const replacement = keys[index]!.has(nameKey(shown)) ? `[[${shown}]]` : `[[${id}|${shown}]]`;
      edits.push({ offset: base + start, length: end - start, id, shown, replacement });
    };
    let taken = 0;
    for (const h of kept) {
      if (h.start < taken) continue;
      taken = h.end;
      const split = h.possessive && splitPossessive(h, h.possessive, body, entries, keys);
      if (!split) edit(h.start, h.end, h.target);
      else {
        if (split.owner !== undefined) edit(h.start, h.start + h.possessive!.ownerEnd, split.owner);
        edit(h.start + h.possessive!.restStart, h.end, h.target);
      }
    }
    return { edits, doubts };
  };
  return { scan, find: (markdown) => scan(markdown).edits };
}

/** The names to look for, by their lower-case form: each target's names that a mention can hold. */
function entriesOf(targets: readonly LinkTarget[]): Map<string, Entry[]> {
  const entries = new Map<string, Entry[]>();
  targets.forEach((target, index) => {
    for (const raw of new Set(target.names)) {
      const name = raw.trim();
      // A name a mention cannot hold, or a line break, is never linked.
      if (!name || /[[\]|\r\n]/.test(name)) continue;
      // An id of one plain word ("china", "x") is written in lower case only as an ordinary word.
      const kind: Kind = name === target.id ? 'id' : /\s/u.test(name) ? 'phrase' : 'word';
      if (kind === 'id' && !/[-\d]/.test(name)) continue;
      const key = lowerSameLength(name);
      const list = entries.get(key) ?? [];
      if (!list.some((e) => e.target === index && e.name === name))
        list.push({ target: index, name, kind, possessive: possessiveOf(name) });
      entries.set(key, list);
    }
  });
  return entries;
}

/** The search over the names: which characters they hold, the shortest, and the automaton. */
interface NamesIndex {
  readonly alphabet: Uint8Array;
  readonly shortest: number;
  readonly matcher: AhoCorasick<Entry[]>;
}

function namesIndex(entries: ReadonlyMap<string, Entry[]>): NamesIndex {
  // Characters some name holds: a name never spans any other, so the text is searched only in
  // runs of these, each a string of its own. The automaton reads a string by grapheme clusters
  // with Intl.Segmenter, except in a leading ASCII stretch; short runs keep most of a
  // mostly-English text on that fast path.
  const alphabet = new Uint8Array(0x10000);
  let shortest = Infinity;
  for (const key of entries.keys()) {
    for (let i = 0; i < key.length; i++) alphabet[key.charCodeAt(i)] = 1;
    shortest = Math.min(shortest, key.length);
  }
  const matcher = new AhoCorasick([...entries].map(([pattern, data]) => ({ pattern, data })));
  return { alphabet, shortest, matcher };
}

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly kind: Kind;
  readonly possessive?: Possessive;
}

/**
 * Every name found in `body` outside what is never linked, standing as a word, written in a case
 * that fits one target only; and the one-word names this text also uses in lower case, as
 * ordinary words.
 */
function searchHits(names: NamesIndex, body: string, lower: string): { hits: Hit[]; usedAsWords: Set<string> } {
  const { alphabet, shortest, matcher } = names;
  const hits: Hit[] = [];
  const usedAsWords = new Set<string>();
  const skip = neverLinked(body);
  for (let k = 0, i = 0; i < lower.length;) {
    if (k < skip.length && i >= skip[k]!) {
      i = Math.max(i, skip[k + 1]!);
      k += 2;
      continue;
    }
    if (!alphabet[lower.charCodeAt(i)]) {
      i++;
      continue;
    }
    const stop = k < skip.length ? skip[k]! : lower.length;
    let j = i + 1;
    while (j < stop && alphabet[lower.charCodeAt(j)]) j++;
    if (j - i >= shortest) {
      for (const m of matcher.search(lower.slice(i, j))) {
        const start = i + m.start;
        const end = i + m.end;
        if (!standsAlone(body, start, end)) continue;
        const written = body.slice(start, end);
        const found = fitting(m.data!, written);
        if (m.data!.some((e) => e.kind === 'word' && written !== e.name) && allLower(written)) usedAsWords.add(m.pattern);
        if (found) hits.push({ start, end, target: found.target, kind: found.kind, possessive: found.possessive });
      }
    }
    i = j;
  }
  return { hits, usedAsWords };
}

/**
 * Whether a possessive name found at `hit` is linked as an editor writes it, its owner and its
 * rest apart ("[[Japan]]’s [[japan-eez|exclusive economic zone]]"), and the owner's entity if it
 * has one: the owner must be written as a name of another entity, or the rest be a name of the
 * phrase's entity by itself. Otherwise ("Macy’s Thanksgiving Parade") the phrase is one link.
 */
function splitPossessive(
  hit: Hit,
  possessive: Possessive,
  body: string,
  entries: ReadonlyMap<string, Entry[]>,
  keys: readonly ReadonlySet<string>[],
): { owner: number | undefined } | undefined {
  const owner = body.slice(hit.start, hit.start + possessive.ownerEnd);
  const found = fitting(entries.get(lowerSameLength(owner)) ?? [], owner);
  const ownerTarget = found && found.target !== hit.target ? found.target : undefined;
  if (ownerTarget !== undefined || keys[hit.target]!.has(nameKey(body.slice(hit.start + possessive.restStart, hit.end))))
    return { owner: ownerTarget };
  return undefined;
}

/** The one entry of `list` (names equal but for case) that `written` is a form of; none if several targets fit. */
function fitting(list: readonly Entry[], written: string): Entry | undefined {
  let found: Entry | undefined;
  for (const e of list) {
    const fits = e.kind === 'phrase' ? phraseCaseFits(written, e.name) : written === e.name;
    if (!fits) continue;
    if (found && found.target !== e.target) return undefined;
    found ??= e;
  }
  return found;
}

/** The text with each edit's replacement in place of what it covers (edits in any order, not overlapping). */
export function applyEdits(text: string, edits: readonly LinkEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.offset < at || e.offset + e.length > text.length)
      throw new RangeError(`edit at ${e.offset} overlaps another or lies outside the text`);
    out += text.slice(at, e.offset) + e.replacement;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

/**
 * Where the body of `markdown` starts: after a byte-order mark and front matter, found as the
 * build finds it (`splitDocument`: a first line starting "---", closed by a line "---"). A body
 * without front matter starts at 0 (or after its byte-order mark).
 */
function bodyStart(markdown: string): number {
  const bom = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!markdown.startsWith('---', bom)) return bom;
  const close = /\r?\n---[ \t]*(?:\r\n|\r|\n|$)/.exec(markdown.slice(bom));
  // The build requires the first line starting with "---" to close it; without one this is no front matter.
  const first = /\r?\n---/.exec(markdown.slice(bom));
  if (!close || !first || first.index !== close.index) return bom;
  return bom + close.index + close[0].length;
}

/** `[start, end)` pairs of what `NEVER_LINKED` finds, in order. */
function neverLinked(body: string): number[] {
  if (!body.includes('[[') && !body.includes(']{')) return [];
  const out: number[] = [];
  // A CR is a line end to markdown-it; as a space it keeps the offsets and lets "\r\n" count as one break.
  const text = body.includes('\r') ? body.replace(/\r/g, ' ') : body;
  for (const m of text.matchAll(NEVER_LINKED)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** Whether `[start, end)` lies inside one of the sorted, disjoint `[from, to)` pairs of `ranges`. */
function within(ranges: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid * 2 + 1]! <= start) lo = mid + 1;
    else if (ranges[mid * 2]! > start) hi = mid - 1;
    else return end <= ranges[mid * 2 + 1]!;
  }
  return false;
}
