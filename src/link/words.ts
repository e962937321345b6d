/**
 * Word boundaries and letter case for the linker: where a name may start and end in running text,
 * and which written forms of a name count as the name.
 */

/** A character that continues a word: letters, digits, combining marks, the underscore. */
const WORD = /[\p{L}\p{N}\p{M}_]/u;
/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese):
 * a word boundary cannot be seen in the text, so a name in them matches wherever it is written,
 * and a neighbouring character of such a script does not join a Latin or Cyrillic name.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Korean is written with spaces, but particles are written onto the word before them ("김정은은"). */
const HANGUL = /\p{Script=Hangul}/u;
/** Joiners that continue a word when a letter or digit follows them: "X-ray", "anti-NATO", "d'Estaing", "U.S". */
const JOINER = /[-‐.'’]/u;

const HYPHEN = /[-‐]/u;

/**
 * Words that, written after a proper name and a hyphen, make an adjective of it and leave the name
 * a name: "US-based", "Kremlin-backed", "Putin-led". A closed list, because most hyphenated words
 * are one word ("X-ray", "Kim-Putin", "Soyuz-2"); a name before any other second part stays
 * unlinked.
 */
const ADJECTIVE_SUFFIXES: ReadonlySet<string> = new Set([
  'based',
  'led',
  'backed',
  'born',
  'made',
  'built',
  'owned',
  'run',
  'funded',
  'sponsored',
  'controlled',
  'held',
  'occupied',
  'brokered',
  'allied',
  'aligned',
  'bound',
]);

/** Whether one of `ADJECTIVE_SUFFIXES`, in any case, stands as a word at `at`. */
function adjectiveSuffixAt(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && end - at <= 11 && /\p{L}/u.test(text[end]!)) end++;
  if (end < text.length && (isWord(after(text, end)) || (JOINER.test(text[end]!) && end + 1 < text.length && isWord(after(text, end + 1)))))
    return false;
  return ADJECTIVE_SUFFIXES.has(text.slice(at, end).toLowerCase());
}

/** The code point ending just before `at`. */
function before(text: string, at: number): string {
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.charAt(at - 1);
}

/** The code point starting at `at`. */
function after(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at)!);
}

const isWord = (c: string): boolean => WORD.test(c) && !UNSPACED.test(c);

/**
 * Whether `text[start, end)` stands as a word of its own. Before it: the start, or a character
 * that is not part of a word (a joiner counts as part of one when a letter precedes it; "@" and
 * "#" make a handle or a hashtag). After it: the end, or a character that is not part of a word
 * (a possessive apostrophe ends the name: "Kim's"). A name in a script without spaces needs no
 * boundary on that side, and a Korean name may be followed by its particle.
 */
export function standsAlone(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const first = after(text, start);
    const prev = before(text, start);
    if (!UNSPACED.test(first)) {
      if (isWord(prev) || prev === '@' || prev === '#') return false;
      if (JOINER.test(prev) && start - prev.length > 0 && isWord(before(text, start - prev.length))) return false;
    }
  }
  if (end < text.length) {
    const last = before(text, end);
    const next = after(text, end);
    if (!UNSPACED.test(last) && !(HANGUL.test(last) && HANGUL.test(next))) {
      if (isWord(next)) return false;
      if (next !== "'" && next !== '’' && JOINER.test(next) && end + 1 < text.length && isWord(after(text, end + 1)))
        return HYPHEN.test(next) && adjectiveSuffixAt(text, end + 1);
    }
  }
  return true;
}

/**
 * Lower case of the same length, so offsets in it are offsets in the text. `toLowerCase` changes
 * the length only for a few characters ("İ" becomes "i̇"); those are lowered one by one, and a
 * character whose lower case is longer is kept as it is.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

const hasCase = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase();

/**
 * Whether a written form of a name of several words counts as the name: every word the name
 * begins with a capital begins with one in the text too. So "Ministry Of Foreign Affairs" (a
 * headline) and "KIM JONG UN" (wire copy in capitals) are the name, "north korea" and "the
 * Foreign ministry" are not: in lower case a phrase is ordinary words more often than a name.
 * `written` and `name` are equal but for case, and of the same length.
 */
export function phraseCaseFits(written: string, name: string): boolean {
  if (written === name) return true;
  for (let i = 0; i < name.length; i++) {
    const wordStart = i === 0 || /\s/.test(name[i - 1]!);
    if (wordStart && isUpper(name[i]!) && !isUpper(written[i]!)) return false;
  }
  return true;
}

/** Whether the text has letters that have a case, all in lower case ("will", not "Will" or "3"). */
export function allLower(text: string): boolean {
  return text === text.toLowerCase() && [...text].some(hasCase);
}

/**
 * English words that are also given names or surnames and often start a sentence ("Will the
 * talks resume?", "May brought rain"). At the start of a sentence their capital says nothing, so
 * a one-word name equal to one of them is not linked there. A text that uses the word in lower
 * case elsewhere adds its own words to this list (see `createLinker`).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'will',
  'may',
  'can',
  'march',
  'mark',
  'bill',
  'rose',
  'hope',
  'grace',
  'faith',
  'art',
  'sun',
  'guy',
  'jack',
  'pat',
  'sky',
  'dawn',
  'summer',
  'young',
  'white',
  'black',
  'brown',
  'green',
  'long',
  'little',
  'king',
  'price',
  'rich',
  'said',
  'says',
  'so',
  'us',
  'it',
  'new',
  'north',
]);

/**
 * Whether `at` begins a sentence: only spaces, opening quotes or brackets and Markdown markers
 * (emphasis, list, heading, quote) stand between it and the start of the line or a sentence's end.
 */
export function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[ \t*_"'“‘«„([>#+-]/.test(text[i]!)) i--;
  return i < 0 || /[\n\r.!?…:;]/.test(text[i]!);
}
