/**
 * New-entity proposals (FORMAT.md §7): the names of people, organisations, places and events in a
 * report that match no known entity, each with a likely type, its occurrences and a score, best
 * first. Method and measured quality: docs/authoring.md.
 *
 * Names are found from the text's own evidence — runs of capitalised words, with words that start
 * a sentence or sit in an all-capitals headline kept only when something else says they are names
 * (the lexicon, or the same word capitalised mid-sentence elsewhere in the text) — then split at
 * titles ("President") and known entities, and typed by votes: titles before a name, first names,
 * heads of organisation and place names ("… Bank", "Gulf of …"), compromise's lexicon, lines of
 * figures (results tables). compromise's tagger is not used: on the CoNLL-2003 development set
 * it lowered typed F1 (69.2 → 67.9) and took three times as long.
 * All mentions of one name share a type, and a surname alone joins the full name it abbreviates.
 */
import type { EntityType } from '../types.ts';
import { findMentions, nameOf, type Mention, type Token } from './propose-find.ts';
import { isCountry, vocabulary, wordClass, type WordClass } from './propose-words.ts';

export interface Candidate {
  readonly name: string;
  readonly type: EntityType;
  readonly occurrences: readonly { offset: number; length: number }[];
  readonly score: number;
}

export interface ProposeOptions {
  /** True when a name (or alias) already belongs to an entity: such names are not proposed. */
  isKnown(name: string): boolean;
  /** The text's language; only English ('en', the default) has a lexicon, others use capitalisation alone. */
  language?: string;
}

type Votes = Record<EntityType, number>;
const noVotes = (): Votes => ({ person: 0, organization: 0, place: 0, event: 0, object: 0, topic: 0 });
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to']);
const ACRONYM = /^\p{Lu}{2,5}$|^(?:\p{Lu}\.){2,}$/u;

/** Votes for one mention's type, from its words and its neighbours. */
function vote(m: Mention, votes: Votes): void {
  const w = vocabulary();
  const t = m.tokens;
  const first = t[0]!;
  const last = t[t.length - 1]!;
  const whole = wholeClass(t);
  if (m.titled) votes.person += 3;
  if (whole === 'place') votes.place += 3;
  if (whole === 'organization') votes.organization += 3;
  if (whole === 'person') votes.person += 2;
  if (t.length === 1) {
    const c = wordClass(first.text);
    if (c === 'place') votes.place += 3;
    else if (c === 'organization') votes.organization += 3;
    else if (c === 'person' || c === 'first') votes.person += 2;
    else if (c === 'demonym') votes.topic += 4;
    if (ACRONYM.test(first.text) && !first.headline && c !== 'place') votes.organization += 1.5;
  } else {
    if (wordClass(first.text) === 'first') votes.person += 2;
    if (wordClass(last.text) === 'person') votes.person += 1;
  }
  if (w.orgHeads.has(last.lower) && t.length > 1) votes.organization += 3;
  if (w.orgStarts.has(first.lower) && t.length > 2) votes.organization += 2;
  if (w.placeHeads.has(last.lower) && t.length > 1) votes.place += 2;
  if (w.placeStarts.has(first.lower) && t.length > 2) votes.place += 2;
  if (t.some((x) => w.eventWords.has(x.lower)) && t.length > 1) votes.event += 2.5;
  if (PLACE_PREPOSITIONS.has(m.before)) votes.place += 0.5;
  // A name in a line of figures is most often a team in a results table (but a country stays a place).
  if (first.table && !(t.length === 1 && isCountry(first.text)) && wordClass(first.text) !== 'first') votes.organization += 3.5;
  // Nothing else known: two or three plain capitalised words are most often a person's name.
  if (t.length >= 2 && t.length <= 3) votes.person += 0.5;
}

const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);

function isDemonym(t: readonly Token[]): boolean {
  // "North Korean", "South African": a nationality after a compass word.
  const last = wordClass(t[t.length - 1]!.text) === 'demonym';
  return (t.length === 1 && last) || (t.length === 2 && last && COMPASS.has(t[0]!.lower)) || wholeClass(t) === 'demonym';
}

/** The lexicon's class of a multi-word name as a whole ("new york", "united nations"). */
function wholeClass(t: readonly Token[]): WordClass | undefined {
  if (t.length < 2) return undefined;
  const c = wordClass(t.map((x) => x.text).join(' '));
  return c === 'unknown' || c === 'common' ? undefined : c;
}

interface Group {
  readonly key: string;
  readonly mentions: Mention[];
  readonly votes: Votes;
}

export function proposeEntities(text: string, options: ProposeOptions): Candidate[] {
  const english = (options.language ?? 'en').toLowerCase().startsWith('en');
  const all = findMentions(text, options.isKnown, english);

  // One group per name, whatever its case ("NORTHUMBERLAND" is "Northumberland").
  const groups = new Map<string, Group>();
  for (const m of all) {
    const key = m.tokens.map((t) => t.lower).join(' ');
    const g = groups.get(key) ?? { key, mentions: [], votes: noVotes() };
    g.mentions.push(m);
    if (english) vote(m, g.votes);
    // Without a lexicon only the length speaks: two or three words are most often a person.
    else if (m.tokens.length >= 2 && m.tokens.length <= 3) g.votes.person += 0.5;
    groups.set(key, g);
  }
  mergeShortForms(groups);

  const candidates: Candidate[] = [];
  for (const g of groups.values()) {
    const type = typeOf(g.votes);
    // A nationality ("Russian", "North Korean") names no entity to write a page about.
    if (english && g.mentions.every((m) => isDemonym(m.tokens))) continue;
    const shown = displayName(g, text);
    candidates.push({
      name: shown,
      type,
      occurrences: g.mentions
        .map((m) => ({ offset: m.tokens[0]!.start, length: m.tokens[m.tokens.length - 1]!.end - m.tokens[0]!.start }))
        .sort((a, b) => a.offset - b.offset),
      score: scoreOf(g, type),
    });
  }
  return candidates.sort((a, b) => b.score - a.score || a.occurrences[0]!.offset - b.occurrences[0]!.offset);
}

/** A one-word name that is the last word of exactly one longer person's name joins it ("Solberg" → "Ingrid Solberg"). */
function mergeShortForms(groups: Map<string, Group>): void {
  const byLast = new Map<string, Group[]>();
  for (const g of groups.values()) {
    const words = g.key.split(' ');
    if (words.length < 2 || typeOf(g.votes) !== 'person') continue;
    const list = byLast.get(words[words.length - 1]!) ?? [];
    list.push(g);
    byLast.set(words[words.length - 1]!, list);
  }
  for (const [last, list] of byLast) {
    const short = groups.get(last);
    if (!short || list.length !== 1) continue;
    const long = list[0]!;
    long.mentions.push(...short.mentions);
    for (const k of Object.keys(short.votes) as EntityType[]) long.votes[k] += short.votes[k] * 0.5;
    groups.delete(last);
  }
}

function typeOf(votes: Votes): EntityType {
  let best: EntityType = 'organization';
  let most = 0;
  for (const k of Object.keys(votes) as EntityType[]) {
    if (votes[k] > most) {
      best = k;
      most = votes[k];
    }
  }
  return best;
}

/** The full name (not a surname that joined it) in the form written most often, preferring one not in capitals. */
function displayName(g: Group, text: string): string {
  const forms = new Map<string, number>();
  for (const m of g.mentions) {
    if (m.tokens.length !== g.key.split(' ').length) continue;
    const name = nameOf(m.tokens, text);
    forms.set(name, (forms.get(name) ?? 0) + (m.tokens.every((t) => t.headline) ? 0.1 : 1));
  }
  return [...forms].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Ranking: mentions, more for mentions inside sentences (a capital there is chosen by the writer,
 * not the grammar), for a clear type and for names of several words.
 */
function scoreOf(g: Group, type: EntityType): number {
  let s = 0;
  for (const m of g.mentions) s += m.tokens.some((t) => !t.initial && !t.headline) || m.tokens.length > 1 ? 1 : 0.4;
  const strength = g.votes[type];
  const words = g.key.split(' ').length;
  return Math.round((s + Math.min(strength, 4) / 2 + (words > 1 ? 0.5 : 0) - (type === 'topic' ? 2 : 0)) * 100) / 100;
}
