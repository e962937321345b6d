/**
 * The import evaluation on the example briefing (docs/authoring.md, "How we measured").
 *
 *   npm run eval:import
 *
 * Reads the two raw reports of the example (`test/fixtures/import/*.txt`, exactly as they were
 * received, or the `.txt` files of `--seeds DIR`) and the hand-annotated entities in `content/entities`, and prints one section
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
import { spawnSync } from 'node:child_process';
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
  readonly seedsDir: string;
  readonly reports: readonly Report[];
  readonly entities: readonly Entity[];
}

interface SectionResult {
  readonly title: string;
  readonly lines: readonly string[];
  readonly passed: boolean;
}

type Section = (inputs: Inputs) => SectionResult | Promise<SectionResult>;

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
    .map((f) => ({
      file: f,
      text: readFileSync(path.join(dir, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n/g, '\n'),
    }));
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
  const named = entities.filter(
    (e) => e.type !== 'topic' && e.names.some((n) => PROPER.test(n) && reports.some((r) => r.text.includes(n))),
  );
  const found = new Set(all.flatMap((p) => matched(p.forms)).map((e) => e.id));
  const proposedNamed = named.filter((e) => found.has(e.id));
  const real = all.filter((p) => matched(p.forms).length > 0);
  const recall = proposedNamed.length / named.length;
  const precision = real.length / all.length;
  const lines = [
    `named things proposed (recall, target ≥ 80%):   ${percent(proposedNamed.length, named.length)}`,
    `proposals that are named things (target ≥ 70%): ${percent(real.length, all.length)}`,
    `  missed: ${
      named
        .filter((e) => !found.has(e.id))
        .map((e) => e.id)
        .join(', ') || 'none'
    }`,
    `  not an entity: ${
      all
        .filter((p) => matched(p.forms).length === 0)
        .map((p) => `${p.candidate.name} (${p.candidate.type})`)
        .join(', ') || 'none'
    }`,
    `  typed as the entity: ${percent(real.filter((p) => matched(p.forms).some((e) => e.type === p.candidate.type)).length, real.length)}`,
  ];
  return { title: 'New-entity proposals (entities folder treated as empty)', lines, passed: recall >= 0.8 && precision >= 0.7 };
};

/** A mention as the evaluation compares them: the entity, and where its shown text stands in the plain text. */
interface PlainMention {
  readonly id: string | undefined;
  readonly shown: string;
  /** `shown#k`: the k-th occurrence of the shown text in the plain text (linked or not). */
  readonly key: string;
}

/**
 * A body's plain text and its mentions. The two hand-made articles and the drafts use `[[…]]`,
 * `[…]{…}` spans and backslash escapes only, so a scan is enough here: `\x` is x, `[[t|s]]` is
 * a mention showing s (`[[[t]]` is a span's `[` before a mention), `]{…}` closes a span, and any other `[` opens one.
 */
function plain(body: string, idOf: (name: string) => string | undefined): { text: string; mentions: PlainMention[] } {
  let text = '';
  const found: { id: string | undefined; shown: string; at: number }[] = [];
  for (let i = 0; i < body.length;) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      text += body[i + 1];
      i += 2;
    } else if (body.startsWith('[[', i) && body[i + 2] !== '[' && body.indexOf(']]', i) > i) {
      const end = body.indexOf(']]', i);
      const inner = body.slice(i + 2, end);
      const bar = inner.indexOf('|');
      const target = bar < 0 ? inner : inner.slice(0, bar);
      const shown = (bar < 0 ? inner : inner.slice(bar + 1)).replace(/\s+/g, ' ');
      found.push({ id: idOf(target), shown, at: text.length });
      text += shown;
      i = end + 2;
    } else if (body.startsWith(']{', i) && body.indexOf('}', i) > i) {
      i = body.indexOf('}', i) + 1;
    } else if (c === '[') i++;
    else {
      text += c;
      i++;
    }
  }
  const mentions = found.map((m) => {
    let k = 0;
    for (let at = text.indexOf(m.shown); at >= 0 && at < m.at; at = text.indexOf(m.shown, at + 1)) k++;
    return { id: m.id, shown: m.shown, key: `${m.shown}#${k}` };
  });
  return { text, mentions };
}

/**
 * The links `import` makes, against the hand annotation of the same reports in content/articles:
 * each report is imported (a dry run) with content/entities as the registry, and each draft is
 * paired with the hand-made article that shares the most words. A mention is the same in both when
 * its shown text is the same occurrence in the plain text (`PlainMention.key`).
 * Recall counts the recoverable hand mentions (shown text is a name, alias or id of their entity)
 * that the draft links to the same entity (target ≥ 95%); wrong links are draft links whose place
 * the hand annotation links to another entity (target 0); extra links are draft links the hand
 * annotation lacks (target ≤ 10% of the draft's links), each listed for review.
 */
const links: Section = async ({ root, seedsDir, reports }) => {
  const { importReports } = await import('../src/import/import.ts');
  const { knownEntities } = await import('../src/link/known.ts');
  const { loadContent } = await import('../src/content/load.ts');
  const { DiagnosticBag } = await import('../src/diagnostics.ts');
  const { nameKey } = await import('../src/content/names.ts');
  const content = path.join(root, 'content');
  const bag = new DiagnosticBag();
  const known = knownEntities(await loadContent(content, bag, undefined, new Set(['entity'])), bag);
  const entities = readEntities(path.join(content, 'entities'));
  const namesOf = new Map(entities.map((e) => [e.id, new Set([...e.names, e.id].map(nameKey))]));
  const hand = readdirSync(path.join(content, 'articles'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: f, ...plain(matter(readFileSync(path.join(content, 'articles', f), 'utf8')).content, known.idOf) }));
  const words = (t: string): Set<string> => new Set(t.toLowerCase().match(/\p{L}+/gu) ?? []);
  let recoverable = 0;
  let recovered = 0;
  let draftLinks = 0;
  const wrong: string[] = [];
  const extra: string[] = [];
  const missed: string[] = [];
  const result = await importReports({ sources: reports.map((r) => path.join(seedsDir, r.file)), input: content, dryRun: true });
  for (const report of result.reports) {
    const draft = plain(matter(report.markdown).content, known.idOf);
    const own = words(draft.text);
    const pair = hand
      .map((h) => ({ h, shared: [...words(h.text)].filter((w) => own.has(w)).length }))
      .sort((a, b) => b.shared - a.shared)[0]!.h;
    const handByKey = new Map(pair.mentions.map((m) => [m.key, m]));
    const draftByKey = new Map(draft.mentions.map((m) => [m.key, m]));
    const where = `${path.basename(report.file)} ~ ${pair.file}`;
    for (const m of pair.mentions) {
      if (!m.id || !namesOf.get(m.id)?.has(nameKey(m.shown))) continue;
      recoverable++;
      if (draftByKey.get(m.key)?.id === m.id) recovered++;
      else missed.push(`${where}: "${m.shown}" → ${m.id}`);
    }
    for (const d of draft.mentions) {
      draftLinks++;
      const h = handByKey.get(d.key);
      if (!h) extra.push(`${where}: "${d.shown}" → ${d.id}`);
      else if (h.id !== d.id) wrong.push(`${where}: "${d.shown}" → ${d.id}, by hand → ${h.id}`);
    }
  }
  const lines = [
    `recoverable hand mentions linked (recall, target ≥ 95%): ${percent(recovered, recoverable)}`,
    `links to a wrong entity (target 0):                      ${wrong.length}`,
    `links the hand annotation lacks (target ≤ 10%):          ${percent(extra.length, draftLinks)}`,
    ...missed.map((m) => `  missed: ${m}`),
    ...wrong.map((m) => `  wrong: ${m}`),
    ...extra.map((m) => `  extra: ${m}`),
  ];
  return {
    title: 'Links in the drafts (content/entities as the registry) against the hand annotation',
    lines,
    passed: recovered / recoverable >= 0.95 && wrong.length === 0 && extra.length / draftLinks <= 0.1,
  };
};

/** Wall time of one run of the CLI, in milliseconds. */
function cliMs(root: string, args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'briefing.js'), ...args], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`briefing ${args.join(' ')} failed: ${run.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Speed of one import (target: under a second after start-up): `briefing import --dry-run` of
 * each report alone, as a user runs it, with content/entities as the registry, less the
 * start-up of the same command (`briefing --version`: Node and the CLI loaded). The median of
 * three runs each. What is left is the import itself: reading the entities, the lazily loaded
 * extractor, linker and proposer, and the report.
 */
const speed: Section = ({ root, seedsDir, reports }) => {
  const startUp = median([0, 1, 2].map(() => cliMs(root, ['--version'])));
  const lines = [`start-up (briefing --version): ${startUp.toFixed(0)} ms`];
  let slowest = 0;
  for (const r of reports) {
    const ms = median([0, 1, 2].map(() => cliMs(root, ['import', '--dry-run', '--input', 'content', path.join(seedsDir, r.file)])));
    slowest = Math.max(slowest, ms - startUp);
    lines.push(`${r.file}: ${ms.toFixed(0)} ms, ${(ms - startUp).toFixed(0)} ms after start-up (target < 1000 ms)`);
  }
  return { title: 'Speed of one import', lines, passed: slowest < 1000 };
};

const SECTIONS: readonly Section[] = [links, proposals, speed];

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seeds: { type: 'string' } } });
// The example's two raw reports, kept as received among the import fixtures.
const seeds = path.resolve(values.seeds ?? path.join(root, 'test', 'fixtures', 'import'));
if (!existsSync(seeds)) {
  console.error(`eval:import: error: no folder ${seeds} (give one with --seeds DIR)`);
  process.exit(2);
}
const inputs: Inputs = {
  root,
  seedsDir: seeds,
  reports: readReports(seeds),
  entities: readEntities(path.join(root, 'content', 'entities')),
};
console.log(
  `${inputs.reports.length} reports in ${path.relative(process.cwd(), seeds) || '.'}, ${inputs.entities.length} entities in content/entities`,
);
let failed = 0;
for (const section of SECTIONS) {
  const result = await section(inputs);
  console.log(`\n${result.title}: ${result.passed ? 'meets the targets' : 'BELOW TARGET'}`);
  for (const line of result.lines) console.log(`  ${line}`);
  if (!result.passed) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
