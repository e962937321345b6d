/**
 * One article file (articles/<slug>.md): about 600 words of wire-style prose mentioning about 15
 * distinct entities, with 1–3 claim spans from the shared pool and 0–2 attributed quotes.
 */
import { claimSpan, type Claim } from './claims.ts';
import { addDays, isoDate, isoDateTime, randomDay } from './dates.ts';
import { slugify, type Entity } from './entities.ts';
import { headline, mention, quoteText, sentence, subhead, wordCount } from './prose.ts';
import { Zipf, type Rng } from './rng.ts';
import * as W from './words.ts';
import { frontMatter, RawYaml } from './yaml.ts';

export interface ArticleContext {
  readonly entities: readonly Entity[];
  readonly entityZipf: Zipf;
  readonly persons: readonly Entity[];
  readonly personZipf: Zipf;
  readonly claims: readonly Claim[];
  readonly claimZipf: Zipf;
  /** Slugs already used, so that repeated headlines still get distinct file names. */
  readonly slugs: Set<string>;
}

export interface ArticleFile {
  readonly slug: string;
  readonly text: string;
  readonly words: number;
}

/** Draws `n` distinct items by rank; gives up on the skewed draw after a while in tiny corpora. */
function distinct<T>(rng: Rng, zipf: Zipf, items: readonly T[], n: number, into: Set<T>): void {
  const want = Math.min(items.length, into.size + n);
  for (let tries = 0; into.size < want && tries < 40 * n; tries++) into.add(items[zipf.sample(rng)] as T);
  for (let i = 0; into.size < want && i < items.length; i++) into.add(items[i] as T);
}

function uniqueSlug(title: string, taken: Set<string>): string {
  const base = slugify(title).slice(0, 60).replace(/-+$/, '') || 'article';
  let slug = base;
  for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
  taken.add(slug);
  return slug;
}

function quoteSentence(speaker: Entity, rng: Rng, seen: Set<Entity>, day: number): string {
  const who = mention(speaker, rng, !seen.has(speaker));
  seen.add(speaker);
  // The quote target is resolved like a mention: by name, by id or by alias.
  const alias = speaker.aliases[0];
  const target = rng.chance(0.6) ? `"${speaker.name}"` : rng.chance(0.5) || alias === undefined ? speaker.id : `"${alias}"`;
  const date = rng.chance(0.6) ? ` date=${isoDate(addDays(day, -rng.int(2)))}` : '';
  const span = `[${quoteText(rng)}]{quote=${target}${date}}`;
  return rng.chance(0.5) ? `${who} ${rng.pick(W.SAID)} ${rng.pick(W.TIMES)}: ${span}` : `${span}, ${who} ${rng.pick(W.SAID)}.`;
}

function claimSentence(claim: Claim, rng: Rng, seen: Set<Entity>): string {
  const span = claimSpan(claim, rng, seen);
  switch (rng.int(3)) {
    case 0:
      return `${span}, ${rng.pick(W.SUBJECTS)} ${rng.pick(W.SAID)}.`;
    case 1:
      return `${rng.pick(W.SUBJECTS).replace(/^./, (c) => c.toUpperCase())} ${rng.pick(W.SAID)} that ${span}.`;
    default:
      return `${span}.`;
  }
}

export function renderArticle(rng: Rng, ctx: ArticleContext): ArticleFile {
  const claims = new Set<Claim>();
  distinct(rng, ctx.claimZipf, ctx.claims, rng.range(1, 3), claims);
  const speakers = new Set<Entity>();
  distinct(rng, ctx.personZipf, ctx.persons, rng.range(0, 2), speakers);

  // The article's cast: claim subjects and speakers first, then popular entities up to ~15.
  const cast = new Set<Entity>();
  for (const c of claims) for (const e of c.subjects) cast.add(e);
  for (const s of speakers) cast.add(s);
  distinct(rng, ctx.entityZipf, ctx.entities, Math.max(0, rng.range(12, 18) - cast.size), cast);
  const castList = [...cast];
  const lead = castList[0] as Entity;

  // Each entity is mentioned 1–3 times; shuffled so repeat mentions spread through the text.
  const queue: Entity[] = [];
  for (const e of castList) {
    queue.push(e);
    if (rng.chance(0.6)) queue.push(e);
    if (rng.chance(0.25)) queue.push(e);
  }
  rng.shuffle(queue);

  const day = randomDay(rng, '2024-01-01', '2024-12-31');
  // Claims and quotes go at random sentence positions within the ~30 sentences of the body.
  const specials: { at: number; text: () => string }[] = [];
  const seen = new Set<Entity>();
  for (const c of claims) specials.push({ at: rng.int(28), text: () => claimSentence(c, rng, seen) });
  for (const s of speakers) specials.push({ at: rng.int(28), text: () => quoteSentence(s, rng, seen, day) });
  specials.sort((a, b) => a.at - b.at);

  const target = rng.range(560, 640);
  const paragraphs: string[] = [];
  let current: string[] = [];
  let words = 0;
  let perParagraph = rng.range(2, 4);
  for (let i = 0; words < target || queue.length > 0 || specials.length > 0; i++) {
    let s: string;
    if (specials.length > 0 && ((specials[0] as { at: number }).at <= i || words >= target)) {
      s = (specials.shift() as { text: () => string }).text();
    } else {
      // Spread the remaining mentions evenly over the sentences still to come (~18 words each).
      const rate = queue.length / Math.max(1, (target - words) / 18);
      const k = Math.min(2, queue.length, Math.floor(rate) + (rng.next() < rate % 1 ? 1 : 0));
      const ms = queue.splice(0, k).map((e) => {
        const m = mention(e, rng, !seen.has(e));
        seen.add(e);
        return m;
      });
      s = sentence(rng, ms);
    }
    current.push(s);
    words += wordCount(s);
    if (current.length >= perParagraph) {
      paragraphs.push(current.join(' '));
      current = [];
      perParagraph = rng.range(2, 4);
      if (paragraphs.length === 3 && rng.chance(0.3)) paragraphs.push(subhead(rng));
    }
  }
  if (current.length > 0) paragraphs.push(current.join(' '));

  const title = headline(rng, lead);
  const slug = uniqueSlug(title, ctx.slugs);
  const source = rng.pick(W.SOURCES);
  const places = castList.filter((e) => e.type === 'place');
  const authors = [0, 1].slice(0, rng.chance(0.2) ? 2 : 1).map(() => `${rng.pick(W.FIRST_NAMES)} ${rng.pick(W.LAST_NAMES)}`);
  const head = frontMatter([
    ['title', title],
    ['source', source],
    // Bare dates, the way authors write them; YAML reads them as timestamps.
    ['published', new RawYaml(rng.chance(0.25) ? isoDate(day) : isoDateTime(rng, day))],
    ['url', rng.chance(0.7) ? `https://news.example.org/${slugify(source)}/${slug}` : undefined],
    ['author', rng.chance(0.6) ? (authors.length === 1 ? authors[0] : authors) : undefined],
    ['dateline', places.length > 0 && rng.chance(0.5) ? (places[0] as Entity).name : undefined],
    ['summary', rng.chance(0.5) ? `${lead.name}: ${rng.pick(W.THINGS)} ${rng.pick(W.INTRANSITIVE_PAST)}.` : undefined],
    ['tags', rng.chance(0.4) ? [...new Set([rng.pick(W.TAGS), rng.pick(W.TAGS)])] : undefined],
  ]);
  const body = paragraphs.join('\n\n');
  return { slug, text: `${head}\n${body}\n`, words };
}
