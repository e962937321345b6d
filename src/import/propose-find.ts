/**
 * New-entity proposals, the first step (propose.ts has the method): finding the mentions of
 * names in a report, from the text's own evidence, before they are typed and ranked.
 */
import { vocabulary, wordClass, type WordClass } from './propose-words.ts';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  /** Starts with an upper-case letter. */
  readonly capital: boolean;
  /** Starts a sentence, a line or a quotation. */
  readonly initial: boolean;
  /** In a line written in capitals (a headline or a shouted line). */
  readonly headline: boolean;
  /** In a line of figures (a results table, a price list). */
  readonly table: boolean;
  /** Only spaces or tabs separate it from the token before. */
  readonly joined: boolean;
  readonly line: number;
}

// A word: letters and digits, with inner hyphens, apostrophes and ampersands ("O'Neill",
// "Hewlett-Packard", "AT&T"); or an initial or abbreviation of single letters with dots ("J.",
// "U.S.").
const WORD = /\p{Lu}\.(?:\p{Lu}\.)*(?:\p{Lu}(?![\p{L}\p{N}]))?|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*/gu;
// The gap before a word ends a sentence: a full stop, question or exclamation mark, colon or an
// opening quotation mark.
const SENTENCE_GAP = /[.!?:"“”«»]/;
// Abbreviations whose full stop does not end a sentence.
const NO_STOP = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'sen',
  'rep',
  'gov',
  'prof',
  'rev',
  'jr',
  'sr',
  'no',
  'vs',
  'v',
  'inc',
  'corp',
  'co',
  'ltd',
]);
const CAPITAL_NEXT = /^[ \t]\p{Lu}/u;
const POSSESSIVE = /['’]s$/;
const LOWER_COMPOUND = /-\p{Ll}+$/u;
const NUMBER = /^\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;
const ALL_UPPER = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
// Common-word endings, for words the lexicon lacks that stand in a headline ("ESCAPE", "PROTESTS").
const COMMON_ENDING = /(?:tion|sion|ment|ness|ity|ing|ed|ly|ous|ive|able|ible|ful|less|ism|ance|ence|ship|ure|ory|ies|ise|ize|ate)s?$/;

// Endings of words that start a sentence but are no names ("Ironically", "Obviously").
const ADVERB_ENDING = /(?:ly|tion|ment|ness|ity|ous|ive|able)$/;

function tokenize(text: string): Token[] {
  const raw: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // The owner in "Russia’s war" is the name; but "People’s" in "People’s Republic" is part of one.
    if (
      POSSESSIVE.test(word) &&
      !(wordClass(word.slice(0, -2)) === 'common' && CAPITAL_NEXT.test(text.slice(m.index + word.length, m.index + word.length + 2)))
    )
      word = word.slice(0, -2);
    raw.push({ start: m.index, end: m.index + word.length, text: word });
  }
  // Lines in capitals: most of their words of two letters or more are written in capitals.
  const lines: number[] = [];
  let line = 0;
  let previousEnd = 0;
  for (const r of raw) {
    for (let i = previousEnd; i < r.start; i++) if (text.charCodeAt(i) === 10) line++;
    lines.push(line);
    previousEnd = r.end;
  }
  const upper = new Map<number, [number, number]>();
  const figures = new Map<number, [number, number]>();
  raw.forEach((r, i) => {
    const f = figures.get(lines[i]!) ?? [0, 0];
    f[NUMBER.test(r.text) ? 0 : 1]++;
    figures.set(lines[i]!, f);
    if (r.text.length < 2 || !HAS_LETTER.test(r.text)) return;
    const counts = upper.get(lines[i]!) ?? [0, 0];
    counts[1]++;
    if (ALL_UPPER.test(r.text)) counts[0]++;
    upper.set(lines[i]!, counts);
  });
  const headlineLine = (l: number): boolean => {
    const c = upper.get(l);
    return c !== undefined && c[1] >= 2 && c[0] / c[1] >= 0.6;
  };
  const tableLine = (l: number): boolean => {
    const f = figures.get(l)!;
    return f[0] >= 2 && f[0] >= f[1] / 2;
  };
  return raw.map((r, i) => {
    const before = raw[i - 1];
    const gap = before ? text.slice(before.end, r.start) : '';
    const newLine = !before || lines[i] !== lines[i - 1];
    const afterAbbreviation = before !== undefined && gap.startsWith('.') && NO_STOP.has(before.text.toLowerCase());
    const stop = SENTENCE_GAP.test(gap) && !(afterAbbreviation && !gap.includes('\n'));
    return {
      ...r,
      lower: r.text.toLowerCase(),
      capital: UPPER_START.test(r.text),
      initial: newLine || stop,
      headline: headlineLine(lines[i]!),
      table: tableLine(lines[i]!),
      joined: !newLine && /^[ \t]+$/.test(gap),
      line: lines[i]!,
    };
  });
}

/** What the whole text says about words: capitalised inside a sentence somewhere, or written in lower case. */
interface TextEvidence {
  readonly capitalisedInside: ReadonlySet<string>;
  readonly lowerCase: ReadonlySet<string>;
}

function evidence(tokens: readonly Token[]): TextEvidence {
  const capitalisedInside = new Set<string>();
  const lowerCase = new Set<string>();
  for (const t of tokens) {
    if (t.headline) continue;
    if (t.capital && !t.initial) capitalisedInside.add(t.lower);
    else if (!t.capital && HAS_LETTER.test(t.text)) lowerCase.add(t.lower);
  }
  return { capitalisedInside, lowerCase };
}

const NAME_CLASSES = new Set<WordClass>(['person', 'first', 'place', 'organization', 'demonym']);

/** Can this token be part of a name? */
function nameWord(t: Token, seen: TextEvidence, english: boolean): boolean {
  if (!t.capital || !HAS_LETTER.test(t.text) || t.text.length === 1) return false;
  // "US-based", "Moscow-led": an adjective made from a name.
  if (LOWER_COMPOUND.test(t.text)) return false;
  if (!english) return !t.initial || seen.capitalisedInside.has(t.lower);
  const c = wordClass(t.text);
  if (c === 'calendar' || t.text === 'I') return false;
  if (!t.initial && !t.headline) return !vocabulary().functionWords.has(t.lower);
  if (NAME_CLASSES.has(c)) return true;
  if (c === 'common') return false;
  if (seen.capitalisedInside.has(t.lower)) return true;
  if (seen.lowerCase.has(t.lower)) return false;
  return !(t.headline ? COMMON_ENDING : ADVERB_ENDING).test(t.lower);
}

export interface Mention {
  readonly tokens: readonly Token[];
  /** A title stands before it ("President", "Mr"). */
  readonly titled: boolean;
  /** The word before it, in lower case. */
  readonly before: string;
}

/** Runs of name words on one line, joined by spaces or by a joiner word ("of", "van", "&"). */
function runs(tokens: readonly Token[], seen: TextEvidence, english: boolean): Token[][] {
  const w = vocabulary();
  const out: Token[][] = [];
  let run: Token[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (nameWord(t, seen, english) || (english && startsKnownName(t, tokens[i + 1]))) {
      if (run.length > 0 && !t.joined) flush();
      run.push(t);
      continue;
    }
    // A joiner continues the run when a name word follows it ("Bank of England", "Vincent van Gogh").
    const next = tokens[i + 1];
    const last = run[run.length - 1];
    if (
      last &&
      english &&
      t.joined &&
      next?.joined &&
      w.joiners.has(t.lower) &&
      nameWord(next, seen, english) &&
      joinerFits(t.lower, run, next)
    ) {
      run.push(t);
      continue;
    }
    flush();
  }
  flush();
  return out;
}

/** A sentence starts with a two-word name the lexicon knows ("North Korea has …"). */
function startsKnownName(t: Token, next: Token | undefined): boolean {
  if (!t.capital || !next?.joined || !next.capital) return false;
  const c = wordClass(`${t.text} ${next.text}`);
  return NAME_CLASSES.has(c);
}

/**
 * "of", "for", "on" and "and" join only after the first word of an organisation or place name,
 * "of" also before the last word of one ("Joint Chiefs of Staff").
 */
function joinerFits(joiner: string, run: readonly Token[], next: Token): boolean {
  const w = vocabulary();
  if (joiner === 'of' || joiner === 'for' || joiner === 'on' || joiner === 'and' || joiner === '&') {
    if (joiner === '&') return true;
    const head = run[run.length - 1]!.lower;
    return (
      w.orgStarts.has(head) ||
      w.placeStarts.has(head) ||
      (joiner === 'of' && (w.orgHeads.has(head) || w.placeHeads.has(head) || w.orgHeads.has(next.lower)))
    );
  }
  return !run[0]!.headline;
}

/** What cutting a run into mentions needs from the whole text. */
interface MentionContext {
  readonly isKnown: (name: string) => boolean;
  readonly text: string;
  readonly english: boolean;
  readonly tokens: readonly Token[];
  readonly index: Map<Token, number>;
}

/** Cuts a run into mentions: titles and function words off, a leading nationality apart, known names out. */
function mentions(run: readonly Token[], context: MentionContext): Mention[] {
  const { isKnown, text, english, tokens, index } = context;
  const w = vocabulary();
  const out: Mention[] = [];
  const lastLower = run[run.length - 1]!.lower;
  const namedByHead = w.orgHeads.has(lastLower) || w.placeHeads.has(lastLower);
  let part: Token[] = [];
  let titled = titleBefore(run[0]!, tokens, index);
  const push = (): void => {
    // Joiners never start or end a name.
    while (part.length > 0 && !part[0]!.capital) part.shift();
    while (part.length > 0 && !part[part.length - 1]!.capital) part.pop();
    if (part.length > 0) {
      const first = index.get(part[0]!)!;
      out.push({ tokens: part, titled, before: first > 0 && part[0]!.joined ? tokens[first - 1]!.lower : '' });
    }
    part = [];
  };
  for (const t of run) {
    if (english && !namedByHead && w.titles.has(t.lower) && t !== run[run.length - 1]) {
      // Words before a title that are plain English belong to it ("Chief Cabinet Secretary").
      // So do words between two titles ("Deputy Foreign Minister").
      if (titled || part.every((p) => wordClass(p.text) === 'common')) part = [];
      push();
      titled = true;
      continue;
    }
    if (english && part.length === 0 && w.functionWords.has(t.lower)) continue;
    part.push(t);
    if (english && part.length === 1 && !namedByHead && run.length > 1 && wordClass(t.text) === 'demonym') {
      const wasTitled = titled;
      titled = false;
      push();
      titled = wasTitled;
    }
  }
  push();
  return out.flatMap((m) => withoutKnown(m, isKnown, text));
}

function titleBefore(t: Token, tokens: readonly Token[], index: Map<Token, number>): boolean {
  const i = index.get(t)!;
  const before = tokens[i - 1];
  return before !== undefined && t.joined && vocabulary().titles.has(before.lower);
}

export const nameOf = (tokens: readonly Token[], text: string): string => text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);

const MAX_KNOWN_WORDS = 8;

/** Drops a known name, or a known first or last part ("Russia" in "Russia Today" stays: the whole is unknown). */
function withoutKnown(m: Mention, isKnown: (name: string) => boolean, text: string): Mention[] {
  const t = m.tokens;
  if (isKnown(nameOf(t, text))) return [];
  // Known names are short: look for one among the first and last few words only, so that a
  // long run of capitalised words costs linear time.
  for (let n = Math.min(t.length - 1, MAX_KNOWN_WORDS); n > 0; n--) {
    if (isKnown(nameOf(t.slice(0, n), text)) && t[n]!.capital)
      return withoutKnown({ ...m, tokens: t.slice(n), titled: false }, isKnown, text);
    if (isKnown(nameOf(t.slice(t.length - n), text)) && t[t.length - n - 1]!.capital)
      return withoutKnown({ ...m, tokens: t.slice(0, t.length - n) }, isKnown, text);
  }
  return [m];
}

/**
 * The step that finds names: the text's tokens, the runs of name words among them, and the
 * mentions those runs are cut into, with known names taken out.
 */
export function findMentions(text: string, isKnown: (name: string) => boolean, english: boolean): Mention[] {
  const tokens = tokenize(text);
  const index = new Map(tokens.map((t, i) => [t, i]));
  const seen = evidence(tokens);
  const context: MentionContext = { isKnown, text, english, tokens, index };
  return runs(tokens, seen, english).flatMap((r) => mentions(r, context));
}
