/**
 * Metonymy for the linker: whether a place's name, where it is written, acts — the subject of a
 * verb ("Pyongyang fired two missiles") or the owner of an act ("Moscow’s war") — and so may name
 * the state it stands for rather than the place. Asked only about places the registry puts in a
 * country (see `LinkTarget.standsFor`), a few times a text, so compromise tags a few words around
 * the name, never the whole text.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

type Nlp = typeof nlpType;
let nlp: Nlp | undefined;

/**
 * Loads compromise ahead of a scan that may need it (about half a second), as the ES module the
 * proposals use too, so a command that uses both loads it once. The commands call this only when
 * some place stands for a state; a caller that did not is served by `tagger` on first need.
 */
export async function loadTagger(): Promise<void> {
  nlp ??= (await import('compromise')).default;
}

/** compromise, loaded synchronously if `loadTagger` was not awaited. */
function tagger(): Nlp {
  return (nlp ??= createRequire(import.meta.url)('compromise') as Nlp);
}

/**
 * Nouns of what a state does or has as a state, after a possessive: "Moscow’s war", "Pyongyang’s
 * missile tests", "Beijing’s response". A closed list, because a city owns much else ("Pyongyang’s
 * international airport", "Moscow’s metro") and nothing in the words tells them apart.
 */
const ACTS: ReadonlySet<string> = new Set([
  'war',
  'wars',
  'invasion',
  'offensive',
  'attack',
  'attacks',
  'aggression',
  'annexation',
  'strike',
  'strikes',
  'missile',
  'missiles',
  'launch',
  'launches',
  'test',
  'tests',
  'nuclear',
  'weapons',
  'military',
  'army',
  'troops',
  'forces',
  'regime',
  'government',
  'leadership',
  'leader',
  'policy',
  'diplomacy',
  'sanctions',
  'allies',
  'ally',
  'envoy',
  'ambassador',
  'response',
  'decision',
  'demands',
  'threats',
  'support',
  'stance',
]);

/** A possessive after the name, and the two words after it. */
const OWNER = /^(?:['’]s|(?<=s)['’])\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?/u;
/** The word before the name, with only spaces between them. */
const WORD_BEFORE = /(\p{L}+)[ \t]+$/u;
/**
 * Up to three English words after the name, in lower case, up to a clause's end or any other
 * character. compromise knows English only: a name before words of another script is linked.
 */
const WORDS_AFTER = /^(?:[ \t]+[a-z]+){1,3}(?=$|[^\p{L}\p{N}'’-])/u;
/**
 * Words before a name that make it the place where something happens or a name's modifier
 * ("officials in Moscow said", "the Moscow talks"), not the one who acts.
 */
const NOT_AN_ACTOR_AFTER: ReadonlySet<string> = new Set(
  'in at from near of to into toward towards around outside inside across via through by beyond within over under between the a an this that'.split(
    ' ',
  ),
);

interface Term {
  readonly text: string;
  readonly tags: ReadonlySet<string>;
}

/**
 * Whether a name followed by these words is their subject, by their words alone: a text repeats
 * the words after its places ("said", "fired two"), and tagging costs about 0.3 ms a call. Kept
 * for the life of the process, up to `CACHE_LIMIT` entries, then started afresh.
 */
const verbAfterName = new Map<string, boolean>();
const CACHE_LIMIT = 50_000;

/** Whether the place name at `text[start, end)` is used as an actor (docs/linking.md, "A place that acts"). */
export function actsAt(text: string, start: number, end: number): boolean {
  const rest = text.slice(end, end + 80);
  const owner = OWNER.exec(rest);
  if (owner) return ACTS.has(owner[1]!) || (owner[2] !== undefined && ACTS.has(owner[2]));
  const prev = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (prev && NOT_AN_ACTOR_AFTER.has(prev[1]!.toLowerCase())) return false;
  const next = WORDS_AFTER.exec(rest);
  if (!next) return false;
  const words = next[0].trim().split(/[ \t]+/);
  const key = words.join(' ');
  let verb = verbAfterName.get(key);
  if (verb === undefined) {
    if (verbAfterName.size >= CACHE_LIMIT) verbAfterName.clear();
    verb = verbFollows(words);
    verbAfterName.set(key, verb);
  }
  return verb;
}

/**
 * Whether `words`, after a place's name, start with a verb other than a copula, past adverbs and
 * auxiliaries ("has also warned"). The name is tagged as one stand-in city, so that the answer
 * depends on the words alone.
 */
function verbFollows(words: readonly string[]): boolean {
  const terms = (tagger()(`Paris ${words.join(' ')}`).docs as Term[][]).flat();
  const first = terms.findIndex((t, i) => i > 0 && t.text === words[0]);
  if (first < 0) return false;
  for (let i = first; i < terms.length; i++) {
    const tags = terms[i]!.tags;
    if (tags.has('Adverb') || tags.has('Auxiliary') || tags.has('Modal')) continue;
    return tags.has('Verb') && !tags.has('Copula');
  }
  return false;
}
