/**
 * The import evaluation on the example briefing (docs/authoring.md, "How we measured").
 *
 *   npm run eval:import
 *
 * Reads the two raw reports in the seeds folder (`../shared/seeds/*.txt` next to the repository,
 * or `--seeds DIR`) and the hand-annotated entities in `content/entities`, and prints one section
 * of figures per part of the import. Each section is a function from the shared inputs to its
 * lines and its pass/fail against the targets of issue 17; add a section by adding one to
 * `SECTIONS`.
 *
 * Proposals: `proposeEntities` runs on each report with the entities folder treated as empty
 * (`isKnown` always false). A proposal matches an entity when its name, or any form it was seen
 * in, equals the entity's name, one of its aliases or its id with hyphens as spaces, ignoring
 * case, reading ’ as ', and dropping a leading "the" or possessive owner ("Japan’s Coast Guard"
 * is "Coast Guard"). The named things are the entities of every type but `topic` with a name or
 * alias written in a report as given (case-sensitive) as a proper name: each word capitalised or
 * a number, "of", "de", "the", "and" and "&" aside ("Amur province" and "short-range ballistic
 * missiles" are written as descriptions, not names).
 * Recall: named things matched by some proposal (target ≥ 80%). Precision: proposals that match
 * an entity of any type (target ≥ 70%).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { proposeEntities, type Candidate } from '../src/import/propose.ts';

interface Entity {
  readonly id: string;
  readonly type: string;
  readonly names: readonly string[];
}

interface Report {
  readonly file: string;
  /** As the import reads it: BOM removed, CRLF as LF. */
  readonly text: string;
}

interface Inputs {
  readonly root: string;
  readonly reports: readonly Report[];
  readonly entities: readonly Entity[];
}

interface SectionResult {
  readonly title: string;
  readonly lines: readonly string[];
  readonly passed: boolean;
}

type Section = (inputs: Inputs) => SectionResult;

/** Case-insensitive, ’ as ', a leading "the" or possessive owner dropped ("Japan’s Coast Guard" = "Coast Guard"). */
const normal = (s: string): string =>
  s
    .replace(/’/g, "'")
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/^[^']+'s /, '');
// A proper name as written: every word starts with a capital letter or a digit, joiners aside.
const PROPER = /^(?:(?:\p{Lu}|\p{N})\S*|of|de|the|and|&)(?: (?:(?:\p{Lu}|\p{N})\S*|of|de|the|and|&))*$/u;
const percent = (n: number, d: number): string => `${d === 0 ? '–' : ((100 * n) / d).toFixed(1)}% (${n}/${d})`;

function readEntities(dir: string): Entity[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const data = matter(readFileSync(path.join(dir, f), 'utf8')).data as { name?: string; type?: string; aliases?: string[] };
      const id = f.slice(0, -3);
      return { id, type: data.type ?? '', names: [data.name ?? id, ...(data.aliases ?? [])] };
    });
}

function readReports(dir: string): Report[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') }));
}

/** Proposals against the hand-made entities, with the entities folder treated as empty. */
const proposals: Section = ({ reports, entities }) => {
  const byForm = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const form of new Set([...e.names, e.id.replace(/-/g, ' ')].map(normal))) byForm.set(form, [...(byForm.get(form) ?? []), e]);
  }
  const all: { report: string; candidate: Candidate; forms: string[] }[] = [];
  for (const r of reports) {
    for (const candidate of proposeEntities(r.text, { isKnown: () => false })) {
      const forms = new Set([candidate.name, ...candidate.occurrences.map((o) => r.text.slice(o.offset, o.offset + o.length))].map(normal));
      all.push({ report: r.file, candidate, forms: [...forms] });
    }
  }
  const matched = (forms: readonly string[]): Entity[] => forms.flatMap((f) => byForm.get(f) ?? []);
  const named = entities.filter((e) => e.type !== 'topic' && e.names.some((n) => PROPER.test(n) && reports.some((r) => r.text.includes(n))));
  const found = new Set(all.flatMap((p) => matched(p.forms)).map((e) => e.id));
  const proposedNamed = named.filter((e) => found.has(e.id));
  const real = all.filter((p) => matched(p.forms).length > 0);
  const recall = proposedNamed.length / named.length;
  const precision = real.length / all.length;
  const lines = [
    `named things proposed (recall, target ≥ 80%):   ${percent(proposedNamed.length, named.length)}`,
    `proposals that are named things (target ≥ 70%): ${percent(real.length, all.length)}`,
    `  missed: ${named.filter((e) => !found.has(e.id)).map((e) => e.id).join(', ') || 'none'}`,
    `  not an entity: ${all.filter((p) => matched(p.forms).length === 0).map((p) => `${p.candidate.name} (${p.candidate.type})`).join(', ') || 'none'}`,
    `  typed as the entity: ${percent(real.filter((p) => matched(p.forms).some((e) => e.type === p.candidate.type)).length, real.length)}`,
  ];
  return { title: 'New-entity proposals (entities folder treated as empty)', lines, passed: recall >= 0.8 && precision >= 0.7 };
};

const SECTIONS: readonly Section[] = [proposals];

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seeds: { type: 'string' } } });
// The seeds sit beside the main checkout (../shared/seeds); a worktree is one folder deeper.
const seeds = values.seeds ?? [path.join(root, '..', 'shared', 'seeds'), path.join(root, '..', '..', 'shared', 'seeds')].find((dir) => existsSync(dir));
if (seeds === undefined || !existsSync(seeds)) {
  console.error(`eval:import: error: no seeds folder ${seeds ?? 'at ../shared/seeds'} (give one with --seeds DIR)`);
  process.exit(2);
}
const inputs: Inputs = { root, reports: readReports(seeds), entities: readEntities(path.join(root, 'content', 'entities')) };
console.log(`${inputs.reports.length} reports in ${seeds}, ${inputs.entities.length} entities in content/entities`);
let failed = 0;
for (const section of SECTIONS) {
  const result = section(inputs);
  console.log(`\n${result.title}: ${result.passed ? 'meets the targets' : 'BELOW TARGET'}`);
  for (const line of result.lines) console.log(`  ${line}`);
  if (!result.passed) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
