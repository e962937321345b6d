/**
 * Entity profile files (entities/<id>.md): front matter with aliases, summary, an infobox whose
 * values hold mentions, and a short body that links to related entities.
 */
import { groupByType, type Entity, type EntityType } from './entities.ts';
import { mention, sentence } from './prose.ts';
import { Zipf, type Rng } from './rng.ts';
import { frontMatter } from './yaml.ts';

const ROLES = ['Chief executive', 'Spokesperson', 'Minister', 'Chair', 'Special envoy', 'Director'];
const FIELDS = ['Economy', 'Security', 'Diplomacy', 'Energy', 'Society', 'Technology'];

/** Picks related entities with the same popularity skew as articles, never the entity itself. */
export class RelatedPicker {
  private readonly groups: Record<EntityType, Entity[]>;
  private readonly zipfs = new Map<EntityType, Zipf>();
  private readonly all: readonly Entity[];
  private readonly allZipf: Zipf;

  constructor(entities: readonly Entity[]) {
    this.all = entities;
    this.allZipf = new Zipf(entities.length, 1);
    this.groups = groupByType(entities);
    for (const [type, list] of Object.entries(this.groups) as [EntityType, Entity[]][]) {
      if (list.length > 0) this.zipfs.set(type, new Zipf(list.length, 1));
    }
  }

  pick(rng: Rng, type: EntityType | undefined, not: Entity): Entity {
    const list = type === undefined ? this.all : this.groups[type];
    const zipf = type === undefined ? this.allZipf : this.zipfs.get(type);
    for (let i = 0; zipf !== undefined && i < 8; i++) {
      const e = list[zipf.sample(rng)] as Entity;
      if (e !== not) return e;
    }
    // Tiny corpora: fall back to any other entity.
    return this.all.find((e) => e !== not) ?? not;
  }
}

const link = (e: Entity): string => `[[${e.name}]]`;

function describe(e: Entity, rng: Rng, rel: RelatedPicker): { summary: string; attributes: Record<string, string> } {
  const year = (lo: number, hi: number): string => String(rng.range(lo, hi));
  switch (e.type) {
    case 'person': {
      const org = rel.pick(rng, 'organization', e);
      const role = rng.pick(ROLES);
      return {
        summary: `${role} at ${org.name}`,
        attributes: { Role: `${role}, ${link(org)}`, Nationality: link(rel.pick(rng, 'place', e)), Born: year(1945, 1990) },
      };
    }
    case 'organization': {
      const place = rel.pick(rng, 'place', e);
      return {
        summary: `${e.kind} based in ${place.name}`,
        attributes: { Type: e.kind, Headquarters: link(place), Founded: year(1900, 2015), Leader: link(rel.pick(rng, 'person', e)) },
      };
    }
    case 'place': {
      const parent = rel.pick(rng, 'place', e);
      return {
        summary: `${e.kind} frequently in the news`,
        attributes: { Type: e.kind, Population: (rng.range(5, 9000) * 1000).toLocaleString('en-US'), 'Part of': link(parent) },
      };
    }
    case 'event': {
      const place = rel.pick(rng, 'place', e);
      const a = rel.pick(rng, undefined, e);
      const b = rel.pick(rng, undefined, e);
      return {
        summary: `${e.kind} in ${place.name}`,
        attributes: { Location: link(place), Participants: a === b ? link(a) : `${link(a)}, ${link(b)}` },
      };
    }
    case 'object': {
      const org = rel.pick(rng, 'organization', e);
      return {
        summary: `${e.kind} operated by ${org.name}`,
        attributes: { Type: e.kind, Operator: link(org), 'In service since': year(1990, 2024) },
      };
    }
    case 'topic':
      return {
        summary: `Coverage of ${e.name.toLowerCase()}`,
        attributes: { Field: rng.pick(FIELDS), Related: link(rel.pick(rng, undefined, e)) },
      };
  }
}

export function renderProfile(e: Entity, rng: Rng, rel: RelatedPicker): string {
  const { summary, attributes } = describe(e, rng, rel);
  const sameAs = rng.chance(0.4) ? [`https://www.wikidata.org/wiki/Q${rng.range(1000, 9_999_999)}`] : undefined;
  const head = frontMatter([
    ['name', e.name],
    ['type', e.type],
    ['aliases', e.aliases.length > 0 ? e.aliases : undefined],
    ['summary', summary],
    ['attributes', attributes],
    ['sameAs', sameAs],
  ]);
  const paragraphs: string[] = [];
  for (let p = 0; p < 2; p++) {
    const lines: string[] = p === 0 ? [`**${e.name}**: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}.`] : [];
    const n = rng.range(2, 4);
    for (let i = 0; i < n; i++) {
      const other = rel.pick(rng, undefined, e);
      lines.push(sentence(rng, rng.chance(0.7) ? [mention(other, rng, true)] : []));
    }
    paragraphs.push(lines.join(' '));
  }
  return `${head}\n${paragraphs.join('\n\n')}\n`;
}
