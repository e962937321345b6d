/**
 * Fixture-driven tests of the annotation parser (FORMAT.md §2), in the manner of markdown-it's
 * own fixtures: every file in test/fixtures/annotations/*.txt holds many cases.
 *
 * ## Fixture format
 *
 * A line starting with `@@@ ` is a marker; no other line is. Markdown never gives `@@@` a meaning,
 * so inputs can hold anything else (`---`, `~~~`, `===`, `>`, fences, …) without escaping.
 *
 *     anything before the first marker is a comment on the file
 *     @@@ title of the case               ← starts a case; the lines up to the next marker are the input
 *     [[Kim Jong Un|Kim]] arrived.
 *     @@@ html                            ← required: the expected HTML
 *     <p id="p-1"><a class="mention" …>Kim</a> arrived.</p>
 *     @@@ diagnostics                     ← optional; absent means "no diagnostics at all"
 *     1:1: warning: unknown-entity           one `line:column: severity: code` a line
 *     @@@ mentions                        ← optional; absent means "not checked"
 *     1:1 kim-jong-un "Kim"                  one `line:column id "shown"` a line, in document order,
 *                                            ` stub` appended for an unresolved target
 *     @@@ spans                           ← optional; absent means "not checked"
 *     1:1 #claim-x claim=x date=2023-09-13 about=japan mentions=north-korea | plain text
 *                                            one a line, ordered by position; empty keys left out
 *     @@@ todo                            ← optional: a known bug in src; the text is the reason
 *     bug: what is wrong
 *
 * `@@@ html`, `@@@ diagnostics`, `@@@ mentions`, `@@@ spans` and `@@@ todo` are section markers;
 * any other `@@@ …` line starts a new case with that title. Trailing blank lines of every section
 * are dropped; the input gets one final newline (as a file body has) and keeps its other lines
 * exactly, so line 1 of the input is line 1 in positions (the body's line offset is 0).
 *
 * Each case is parsed by `annotateBody` against the fixed registry of `FIXTURE_ENTITIES`
 * (test/helpers/annotate.ts), rendering for a page one folder deep (root `../`). The HTML must
 * match exactly after trimming trailing newlines. Tests are named `file:line title`, the line
 * being the case's `@@@` line, so a failure points at the fixture.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate, bodyDocument, diagnosticLine, spanLines } from '../helpers/annotate.ts';
import type { AnnotatedText } from '../../src/annotate/parse.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'annotations');
const SECTIONS = new Set(['html', 'diagnostics', 'mentions', 'spans', 'todo']);

interface FixtureCase {
  readonly file: string;
  readonly line: number;
  readonly title: string;
  readonly input: string;
  readonly sections: ReadonlyMap<string, readonly string[]>;
}

function parseFixtures(file: string, text: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  let current: { line: number; title: string; input: string[]; sections: Map<string, string[]> } | undefined;
  let target: string[] | undefined; // the lines being collected: the input or a section
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const finish = () => {
    if (!current) return;
    if (!current.sections.has('html')) throw new Error(`${file}:${current.line}: case "${current.title}" has no "@@@ html" section`);
    const trimmed = new Map([...current.sections].map(([k, v]) => [k, dropTrailingBlank(v)] as const));
    cases.push({
      file,
      line: current.line,
      title: current.title,
      input: dropTrailingBlank(current.input).join('\n') + '\n',
      sections: trimmed,
    });
  };
  lines.forEach((line, i) => {
    const marker = /^@@@ (.+)$/.exec(line);
    if (!marker) {
      target?.push(line);
      return;
    }
    const word = marker[1]!.trim();
    if (SECTIONS.has(word)) {
      if (!current) throw new Error(`${file}:${i + 1}: section "${word}" before any case`);
      if (current.sections.has(word)) throw new Error(`${file}:${i + 1}: section "${word}" given twice`);
      target = [];
      current.sections.set(word, target);
      return;
    }
    finish();
    current = { line: i + 1, title: word, input: [], sections: new Map() };
    target = current.input;
  });
  finish();
  return cases;
}

function dropTrailingBlank(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/** Non-blank lines of a section (blank lines in lists are ignored). */
const listed = (lines: readonly string[] | undefined): string[] => (lines ?? []).filter((l) => l.trim() !== '');

function mentionLines(result: AnnotatedText): string[] {
  return result.mentions.map((m) => `${m.at.line}:${m.at.column} ${m.entity} ${JSON.stringify(m.shown)}${m.stub ? ' stub' : ''}`);
}

const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('annotation fixtures exist', () => {
  assert.ok(files.length > 0, `no fixtures in ${FIXTURES}`);
});

for (const file of files) {
  const cases = parseFixtures(file, readFileSync(path.join(FIXTURES, file), 'utf8'));
  for (const c of cases) {
    const todo = c.sections.get('todo')?.join(' ').trim();
    test(`${file}:${c.line} ${c.title}`, todo ? { todo } : {}, () => {
      const result = annotate(c.input);
      assert.equal(result.html.replace(/\n+$/, ''), c.sections.get('html')!.join('\n'), 'HTML');
      assert.deepEqual(result.diagnostics.map(diagnosticLine), listed(c.sections.get('diagnostics')), 'diagnostics');
      if (c.sections.has('mentions')) assert.deepEqual(mentionLines(result), listed(c.sections.get('mentions')), 'mentions');
      if (c.sections.has('spans')) assert.deepEqual(spanLines(result), listed(c.sections.get('spans')), 'spans');
    });
  }
}

// ---------------------------------------------------------------------------------------------
// A few cases the fixture format cannot express.

test('positions count the front-matter lines that gray-matter removed', () => {
  // A body that starts on file line 5 (after 4 lines of front matter): the fixture offset is 0,
  // here it is 4, so a mention on the body's line 2 is reported on file line 6.
  const body = '\nSee [[Atlantis]].\n';
  const result = annotate(body, { doc: bodyDocument(body, '/content/articles/x.md', 4) });
  assert.deepEqual(
    result.diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
    [['/content/articles/x.md', 6, 5, 'unknown-entity']],
  );
});

test('root "" renders links for a page at the output root (briefing.md)', () => {
  const result = annotate('[[Japan]]\n', { root: '' });
  assert.equal(result.html, '<p id="p-1"><a class="mention" href="entities/japan.html" data-entity="japan">Japan</a></p>\n');
});

test('one parser instance keeps no state between documents', () => {
  // Anchors and quote numbers restart for each document; nothing is carried in module state.
  const first = annotate('[a]{claim=x}\n\n[b]{quote=Kim}\n');
  const second = annotate('[a]{claim=x}\n\n[b]{quote=Kim}\n');
  assert.equal(first.html, second.html);
  assert.deepEqual(
    second.spans.map((s) => s.anchor),
    ['claim-x', 'quote-1'],
  );
});

test('blocks record each paragraph’s anchor and plain text', () => {
  const result = annotate('# Title [[Japan]]\n\nThe *first* `code` [[Kim|Kim]]\nwrapped.\n');
  assert.deepEqual(result.blocks, [
    { anchor: 'p-1', text: 'Title Japan' },
    { anchor: 'p-2', text: 'The first code Kim wrapped.' },
  ]);
});

test('every HTML id in a document is unique, even when a claim id looks like a numbered repeat', () => {
  const result = annotate('[a]{claim=x} [b]{claim=x} [c]{claim=x-2}\n\n[d]{claim=x-2-2} [e]{claim=x-2}\n');
  const ids = [...result.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, `ids: ${ids.join(', ')}`);
});

test('an unquoted value with spaces says to quote it, and how', () => {
  const one = annotate('[text]{claim=x quote=Wes Moore date=2023-09-13}\n').diagnostics;
  assert.deepEqual(
    one.map((d) => d.message),
    ['the value of "quote" has spaces: put it in quotes, quote="Wes Moore"'],
  );
  const long = annotate(`[text]{quote=${'Wes '.repeat(40)}}\n`).diagnostics[0]!.message;
  assert.ok(long.length < 160, long);
  assert.match(long, /^the value of "quote" has spaces: put it in quotes, quote="Wes Wes .*…"$/);
});

test('pathological input stays linear (runs under a time limit)', { timeout: 60_000 }, () => {
  // markdown-it's pathological cases, with the two annotation openers: many `[[`, many `[x]{`.
  const n = 20000;
  for (const body of [
    '[['.repeat(n),
    '[x]{'.repeat(n),
    '['.repeat(n) + ']'.repeat(n) + '{claim=x}',
    '[[a|'.repeat(n),
    '[a]{claim="'.repeat(n),
  ]) {
    const started = performance.now();
    annotate(body + '\n');
    const ms = performance.now() - started;
    assert.ok(ms < 8000, `${JSON.stringify(body.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
  }
});
