/**
 * The synthetic entity registry: unique names, aliases and ids for N/5 entities.
 *
 * Every name, alias and id is reserved under the same normalisation the briefing resolver uses
 * (NFKC, case folding, collapsed whitespace), so the corpus never contains the "two entities claim
 * the same name" error and benchmark builds measure the happy path.
 */
import { Rng } from './rng.ts';
import * as W from './words.ts';

export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'object', 'topic'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

// Roughly the mix of a news briefing: mostly people, organisations and places.
const TYPE_WEIGHTS: Readonly<Record<EntityType, number>> = {
  person: 0.35,
  organization: 0.25,
  place: 0.2,
  event: 0.07,
  object: 0.06,
  topic: 0.07,
};

export interface Entity {
  /** Popularity rank: 0 is mentioned most. Articles sample entities by a Zipf law over this rank. */
  readonly rank: number;
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  /** Shown text for repeat mentions in an article ("Novak", "NGH"). */
  readonly short: string;
  /** Subtype word for summaries and infobox values ("City", "Holdings"). */
  readonly kind: string;
}

interface Draft {
  name: string;
  aliases: string[];
  short: string;
  kind: string;
}

/** The key under which a name, alias or id is unique; mirrors the contract's resolver rule. */
export function nameKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Strips accents for ASCII-spelling aliases ("Jose Alvarez") and for ids. */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/ş/g, 's');
}

export function slugify(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Invented word from 2–3 syllables: the name space never runs out, even at 100,000 articles. */
export function inventWord(rng: Rng, ending = ''): string {
  let w = '';
  const n = rng.range(2, 3);
  for (let i = 0; i < n; i++) w += rng.pick(W.SYLLABLES);
  return cap(w + ending);
}

const placeWord = (rng: Rng): string => inventWord(rng, rng.pick(W.PLACE_ENDINGS));

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w !== 'of')
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

function draftPerson(rng: Rng, attempt: number): Draft {
  const first = rng.pick(W.FIRST_NAMES);
  const last = rng.chance(0.7) ? rng.pick(W.LAST_NAMES) : inventWord(rng);
  // After a few collisions, a middle initial opens up a much larger name space.
  const middle = attempt > 2 ? ` ${String.fromCharCode(65 + rng.int(26))}.` : '';
  const name = `${first}${middle} ${last}`;
  const aliases = [last, asciiFold(name), `${first.charAt(0)}. ${last}`];
  return { name, aliases, short: last, kind: 'Person' };
}

function draftOrganization(rng: Rng): Draft {
  const r = rng.next();
  if (r < 0.2) {
    const domain = rng.pick(W.MINISTRY_DOMAINS);
    const country = placeWord(rng);
    return {
      name: `Ministry of ${domain} of ${country}`,
      aliases: [`${country} ${domain} Ministry`],
      short: 'the ministry',
      kind: 'Ministry',
    };
  }
  const head = r < 0.6 ? rng.pick(W.ORG_ADJECTIVES) : placeWord(rng);
  const suffix = rng.pick(W.ORG_SUFFIXES);
  const name = `${head} ${rng.pick(W.ORG_NOUNS)} ${suffix}`;
  const abbr = acronym(name);
  return { name, aliases: [abbr], short: abbr, kind: suffix };
}

function draftPlace(rng: Rng): Draft {
  const base = placeWord(rng);
  const kind = rng.pick(W.PLACE_KINDS);
  if (rng.chance(0.25)) {
    const name = `${rng.pick(W.PLACE_PREFIXES)}${base}`;
    return { name, aliases: [base], short: name, kind };
  }
  const aliases = kind === 'Country' ? [`Republic of ${base}`] : [];
  return { name: base, aliases, short: base, kind };
}

function draftEvent(rng: Rng): Draft {
  if (rng.chance(0.3)) {
    const name = `Operation ${rng.pick(W.OPERATION_WORDS)} ${rng.pick(W.OPERATION_WORDS)}`;
    return { name, aliases: [], short: 'the operation', kind: 'Operation' };
  }
  const place = placeWord(rng);
  const noun = rng.pick(W.EVENT_NOUNS);
  const year = rng.range(2019, 2024);
  return {
    name: `${place} ${noun} ${year}`,
    aliases: [`${place} ${noun}`],
    short: `the ${noun.toLowerCase()}`,
    kind: noun,
  };
}

function draftObject(rng: Rng): Draft {
  if (rng.chance(0.4)) {
    const noun = rng.pick(W.INFRASTRUCTURE);
    const name = `${placeWord(rng)} ${noun}`;
    return { name, aliases: [], short: `the ${noun.toLowerCase()}`, kind: noun };
  }
  const code = `${String.fromCharCode(65 + rng.int(26))}${String.fromCharCode(65 + rng.int(26))}-${rng.range(1, 99)}`;
  const noun = rng.pick(W.OBJECT_NOUNS);
  return { name: `${code} ${noun}`, aliases: [code], short: code, kind: noun };
}

function draftTopic(rng: Rng, attempt: number): Draft {
  const head = attempt < 3 ? rng.pick(W.TOPIC_A) : placeWord(rng);
  const name = `${head} ${rng.pick(W.TOPIC_B)}`;
  return { name, aliases: [], short: name.toLowerCase(), kind: 'Topic' };
}

function draft(type: EntityType, rng: Rng, attempt: number): Draft {
  switch (type) {
    case 'person':
      return draftPerson(rng, attempt);
    case 'organization':
      return draftOrganization(rng);
    case 'place':
      return draftPlace(rng);
    case 'event':
      return draftEvent(rng);
    case 'object':
      return draftObject(rng);
    case 'topic':
      return draftTopic(rng, attempt);
  }
}

// The most popular ranks get one entity of every type, so even a tiny corpus has a person to quote
// and a place to put in an infobox; a country and its leader topping the list is also realistic.
const TOP_TYPES: readonly EntityType[] = ['place', 'person', 'organization', 'event', 'topic', 'object'];

function pickType(rng: Rng, rank: number): EntityType {
  const top = TOP_TYPES[rank];
  if (top !== undefined) return top;
  let u = rng.next();
  for (const t of ENTITY_TYPES) {
    u -= TYPE_WEIGHTS[t];
    if (u < 0) return t;
  }
  return 'topic';
}

/** Makes `count` entities with globally unique names, aliases and ids, in popularity-rank order. */
export function makeEntities(count: number, rng: Rng): Entity[] {
  const taken = new Set<string>();
  const entities: Entity[] = [];
  for (let rank = 0; rank < count; rank++) {
    const type = pickType(rng, rank);
    let d: Draft | undefined;
    for (let attempt = 0; attempt < 50 && d === undefined; attempt++) {
      const candidate = draft(type, rng, attempt);
      if (!taken.has(nameKey(candidate.name))) d = candidate;
    }
    // Astronomically unlikely, but a numbered name keeps the generator total.
    if (d === undefined) d = { ...draft(type, rng, 50), aliases: [] };
    if (taken.has(nameKey(d.name))) d.name = `${d.name} ${rank}`;
    taken.add(nameKey(d.name));

    // A one-word name's key equals its own id ("dornanestan"); that is no clash.
    let id = slugify(d.name) || `entity-${rank}`;
    if (id !== nameKey(d.name) && taken.has(id)) id = `${id}-${rank}`;
    taken.add(id);

    // Only aliases nobody else holds; the first holder of a popular surname keeps it.
    const aliases: string[] = [];
    for (const a of d.aliases) {
      const k = nameKey(a);
      if (a === '' || taken.has(k)) continue;
      taken.add(k);
      aliases.push(a);
    }
    entities.push({ rank, id, name: d.name, type, aliases, short: d.short, kind: d.kind });
  }
  return entities;
}

/** Entities grouped by type, each group in rank order, for "pick a popular place" style choices. */
export function groupByType(entities: readonly Entity[]): Record<EntityType, Entity[]> {
  const groups: Record<EntityType, Entity[]> = {
    person: [],
    organization: [],
    place: [],
    event: [],
    object: [],
    topic: [],
  };
  for (const e of entities) groups[e.type].push(e);
  return groups;
}
