/**
 * Synthetic news prose with inline annotations.
 *
 * The text is nonsense at the level of meaning but has the shape that matters to a build: sentence
 * and paragraph lengths of wire copy, several mention spellings per entity, and claim and quote spans
 * (FORMAT.md §2) placed inside ordinary sentences.
 */
import type { Entity } from './entities.ts';
import type { Rng } from './rng.ts';
import * as W from './words.ts';

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One mention of `e` in one of the spellings authors use: bare name, id with shown text, alias,
 * name with short shown text. A rare doubled space exercises whitespace collapsing in the resolver.
 */
export function mention(e: Entity, rng: Rng, first: boolean): string {
  const alias = e.aliases.length > 0 ? rng.pick(e.aliases) : undefined;
  const r = rng.next();
  if (first) {
    if (r < 0.55) return `[[${e.name}]]`;
    if (r < 0.75) return `[[${e.id}|${e.name}]]`;
    if (r < 0.9 && alias !== undefined) return `[[${alias}]]`;
    if (r < 0.92) return `[[${e.name.replace(' ', '  ')}]]`;
    return `[[${e.name}]]`;
  }
  if (r < 0.35) return `[[${e.id}|${e.short}]]`;
  if (r < 0.6 && alias !== undefined) return `[[${alias}]]`;
  if (r < 0.8) return `[[${e.name}|${e.short}]]`;
  return `[[${e.name}]]`;
}

const number = (rng: Rng): string => (rng.chance(0.5) ? String(rng.range(2, 98)) : `${rng.range(1, 9)}.${rng.int(10)}`);

const predicate = (rng: Rng): string => `${rng.pick(W.MODALS)} ${rng.pick(W.INTRANSITIVE)}`;

/** A sentence holding exactly the given mentions (zero, one or two of them). */
export function sentence(rng: Rng, m: readonly string[]): string {
  const [a, b] = m;
  const said = rng.pick(W.SAID);
  const thing = rng.pick(W.THINGS);
  const time = rng.pick(W.TIMES);
  const clause = rng.pick(W.CLAUSES);
  const subject = rng.pick(W.SUBJECTS);
  if (a === undefined) {
    switch (rng.int(3)) {
      case 0:
        return `${cap(subject)} ${said} ${time} that ${thing} ${predicate(rng)}, ${clause}.`;
      case 1:
        return `${cap(thing)} ${rng.pick(W.INTRANSITIVE_PAST)} ${time}, ${clause}.`;
      default:
        return `${cap(subject)} ${said} that ${thing} could change by ${number(rng)} ${rng.pick(W.UNITS)} ${time}.`;
    }
  }
  if (b === undefined) {
    switch (rng.int(4)) {
      case 0:
        return `${a} ${said} ${time} that ${thing} ${predicate(rng)}, ${clause}.`;
      case 1:
        return `${cap(subject)} close to ${a} ${said} that ${thing} ${rng.pick(W.INTRANSITIVE_PAST)}.`;
      case 2:
        return `According to ${a}, ${thing} ${rng.pick(W.INTRANSITIVE_PAST)} ${time}, ${clause}.`;
      default:
        return `${cap(thing)} ${rng.pick(W.INTRANSITIVE_PAST)} after ${a} ${said} it would ${rng.pick(W.TRANSITIVE)} the plan.`;
    }
  }
  switch (rng.int(3)) {
    case 0:
      return `${a} and ${b} ${said} ${time} that ${thing} ${predicate(rng)}, ${clause}.`;
    case 1:
      return `Talks between ${a} and ${b} ${rng.pick(W.INTRANSITIVE_PAST)} ${time}, ${clause}.`;
    default:
      return `${a} ${said} that ${b} ${rng.pick(W.MODALS)} ${rng.pick(W.TRANSITIVE)} ${thing} ${clause}.`;
  }
}

/** Words in a string, counted the cheap way; close enough to steer article length. */
export function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/** Text of a quotation, in typographic quotes, as it appears inside a quote span. */
export function quoteText(rng: Rng): string {
  const body = `${rng.pick(W.QUOTE_OPENERS)} ${rng.pick(W.TRANSITIVE)} ${rng.pick(W.THINGS)}${rng.pick(W.QUOTE_ENDINGS)}`;
  return `“${body}.”`;
}

export function headline(rng: Rng, subject: Entity): string {
  const topic = rng.pick(W.THINGS).replace(/^the /, '');
  return `${subject.name} ${topic} ${rng.pick(W.HEADLINE_VERBS)}`;
}

export function subhead(rng: Rng): string {
  return `## ${rng.pick(W.SUBHEADS)}`;
}
