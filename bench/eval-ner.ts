/**
 * New-entity proposals on the CoNLL-2003 English benchmark (docs/authoring.md, "How we measured").
 *
 *   npm run eval:ner -- /path/to/eng.testa [--gazetteer /path/to/eng.train]
 *
 * Each document is rebuilt as text (a sentence a line, tokens joined by a space) and given to
 * `proposeEntities` with no known entities; every occurrence of every candidate is a predicted
 * span. Scores are exact spans: "untyped" over all four CoNLL types (a MISC name found is a name
 * found), "typed" over PER, ORG and LOC only (person, organization and place; MISC gold spans and
 * predictions of the other types are left out of it, and MISC is reported apart).
 * Baselines: every run of capitalised tokens (untyped), and with `--gazetteer` the names of a
 * training file looked up longest first with their most frequent type. The data is read from
 * the given paths only: its licence forbids redistribution, so nothing of it is in this repository.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { proposeEntities } from '../src/import/propose.ts';
import type { EntityType } from '../src/types.ts';
import { addScores, parseConll, score, type ConllDocument, type Score, type Span } from './lib/conll.ts';

const CONLL_TYPE: Record<EntityType, string> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
  event: 'MISC',
  object: 'MISC',
  topic: 'MISC',
};
const TYPED = new Set(['PER', 'ORG', 'LOC']);

function proposed(doc: ConllDocument): Span[] {
  const spans: Span[] = [];
  for (const c of proposeEntities(doc.text, { isKnown: () => false })) {
    for (const o of c.occurrences) spans.push({ start: o.offset, end: o.offset + o.length, type: CONLL_TYPE[c.type] });
  }
  return spans;
}

/** Maximal runs of tokens that start with a capital letter. */
function capitalisedRuns(doc: ConllDocument): Span[] {
  const spans: Span[] = [];
  let run: { start: number; end: number } | undefined;
  doc.tokens.forEach((t, i) => {
    const lineStart = doc.sentenceStarts.includes(i);
    if (/^\p{Lu}/u.test(t.text)) {
      if (run && !lineStart) run.end = t.end;
      else {
        if (run) spans.push({ ...run, type: '' });
        run = { start: t.start, end: t.end };
      }
    } else if (run) {
      spans.push({ ...run, type: '' });
      run = undefined;
    }
  });
  if (run) spans.push({ ...run, type: '' });
  return spans;
}

/** Names of a training file → their most frequent type, matched on token sequences longest first. */
function gazetteer(train: readonly ConllDocument[]): (doc: ConllDocument) => Span[] {
  const counts = new Map<string, Map<string, number>>();
  let longest = 1;
  for (const doc of train) {
    for (const g of doc.gold) {
      const name = doc.text.slice(g.start, g.end);
      longest = Math.max(longest, name.split(' ').length);
      const byType = counts.get(name) ?? new Map<string, number>();
      byType.set(g.type, (byType.get(g.type) ?? 0) + 1);
      counts.set(name, byType);
    }
  }
  const names = new Map<string, string>();
  for (const [name, byType] of counts) names.set(name, [...byType].sort((a, b) => b[1] - a[1])[0]![0]);
  return (doc) => {
    const spans: Span[] = [];
    const lineOf: number[] = [];
    doc.sentenceStarts.forEach((s, n) => {
      const end = doc.sentenceStarts[n + 1] ?? doc.tokens.length;
      for (let i = s; i < end; i++) lineOf[i] = end;
    });
    for (let i = 0; i < doc.tokens.length;) {
      let matched = 0;
      for (let n = Math.min(longest, lineOf[i]! - i); n > 0 && matched === 0; n--) {
        const name = doc.tokens
          .slice(i, i + n)
          .map((t) => t.text)
          .join(' ');
        const type = names.get(name);
        if (type) {
          spans.push({ start: doc.tokens[i]!.start, end: doc.tokens[i + n - 1]!.end, type });
          matched = n;
        }
      }
      i += Math.max(matched, 1);
    }
    return spans;
  };
}

const percent = (x: number): string => (100 * x).toFixed(1).padStart(5);
const line = (label: string, s: Score): string =>
  `${label.padEnd(34)} P ${percent(s.precision)}  R ${percent(s.recall)}  F1 ${percent(s.f1)}   (${s.correct} right of ${s.predicted} proposed, ${s.gold} gold)`;

function evaluate(
  docs: readonly ConllDocument[],
  predict: (doc: ConllDocument) => Span[],
): { untyped: Score; typed: Score; misc: Score; byType: Map<string, Score> } {
  const untyped: Score[] = [];
  const typed: Score[] = [];
  const misc: Score[] = [];
  const byType = new Map<string, Score[]>();
  for (const doc of docs) {
    const predicted = predict(doc);
    untyped.push(score(doc.gold, predicted, false));
    typed.push(
      score(
        doc.gold.filter((g) => TYPED.has(g.type)),
        predicted.filter((p) => TYPED.has(p.type)),
        true,
      ),
    );
    misc.push(
      score(
        doc.gold.filter((g) => g.type === 'MISC'),
        predicted.filter((p) => p.type === 'MISC'),
        true,
      ),
    );
    for (const type of TYPED) {
      const list = byType.get(type) ?? [];
      list.push(
        score(
          doc.gold.filter((g) => g.type === type),
          predicted.filter((p) => p.type === type),
          true,
        ),
      );
      byType.set(type, list);
    }
  }
  return {
    untyped: addScores(untyped),
    typed: addScores(typed),
    misc: addScores(misc),
    byType: new Map([...byType].map(([t, s]) => [t, addScores(s)])),
  };
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { gazetteer: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error('usage: npm run eval:ner -- /path/to/eng.testa [--gazetteer /path/to/eng.train]');
  process.exit(2);
}
/** A CoNLL file, or one line naming what is wrong with its path (exit 2). */
function readConll(file: string): ConllDocument[] {
  try {
    return parseConll(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`eval:ner: error: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    process.exit(2);
  }
}

const docs = readConll(positionals[0]!);
const words = docs.reduce((n, d) => n + d.tokens.length, 0);
console.log(`${positionals[0]}: ${docs.length} documents, ${words} tokens, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold names`);

const started = performance.now();
const ours = evaluate(docs, proposed);
const ms = performance.now() - started;
console.log(`\nproposeEntities (${ms.toFixed(0)} ms, ${((ms / words) * 1000).toFixed(0)} ms per 1,000 tokens)`);
console.log(line('  untyped (PER ORG LOC MISC)', ours.untyped));
console.log(line('  typed (PER ORG LOC)', ours.typed));
for (const [type, s] of ours.byType) console.log(line(`    ${type}`, s));
console.log(line('  MISC, apart (event/object/topic)', ours.misc));

console.log('\nbaseline: every run of capitalised words');
console.log(line('  untyped (PER ORG LOC MISC)', evaluate(docs, capitalisedRuns).untyped));
if (values.gazetteer) {
  const g = evaluate(docs, gazetteer(readConll(values.gazetteer)));
  console.log('baseline: gazetteer of the training names');
  console.log(line('  untyped (PER ORG LOC MISC)', g.untyped));
  console.log(line('  typed (PER ORG LOC)', g.typed));
}
