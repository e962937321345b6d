/** `briefing import`'s steps on saved pages and text: extraction, metadata, cleaning, escaping, drafts. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { cleanReport } from '../../src/import/clean.ts';
import { importReports } from '../../src/import/import.ts';
import { writeNew } from '../../src/import/write.ts';
import { paragraphMarkdown } from '../../src/import/markdown.ts';
import { isoDate } from '../../src/import/metadata.ts';
import { extractText, readHeadline } from '../../src/import/text.ts';
import type { CandidateLike } from '../../src/import/types.ts';
import { tempDir, writeTree } from '../helpers/site.ts';

const FIXTURES = 'test/fixtures/import';
const SEED_A = path.join(FIXTURES, '000_614713fa8e662b7e.txt');
const SEED_B = path.join(FIXTURES, '004_4ca4aa1913724a48.txt');
const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function dryRun(sources: string[], extra: Partial<Parameters<typeof importReports>[0]> = {}) {
  return importReports({ sources, input: path.join(FIXTURES, 'no-content-folder'), dryRun: true, ...extra });
}

for (const name of ['harbour-ferry-jsonld', 'council-vote-og-dc', 'hostile']) {
  test(`saved page ${name}.html becomes ${name}.expected.md`, async () => {
    const result = await dryRun([path.join(FIXTURES, `${name}.html`)]);
    assert.deepEqual(result.errors, []);
    const expected = await fs.readFile(path.join(FIXTURES, `${name}.expected.md`), 'utf8');
    assert.equal(result.reports[0]!.markdown, expected);
  });
}

test('page boilerplate (nav, cookie banner, share buttons, related links, comments, footer) is not in the draft', async () => {
  for (const name of ['harbour-ferry-jsonld', 'council-vote-og-dc']) {
    const { markdown } = (await dryRun([path.join(FIXTURES, `${name}.html`)])).reports[0]!;
    for (const gone of [
      'cookies',
      'Subscribe',
      'Share',
      'Related',
      'Leave a',
      'queues were ridiculous',
      'All rights reserved',
      'Advertisement',
      'Photo: Gazette',
      'Log in',
      'dataLayer',
    ])
      assert.ok(!markdown.includes(gone), `${name}: "${gone}" left in the draft`);
  }
});

/** A draft's front matter (YAML core schema: dates stay strings) and body. */
function matter(markdown: string): { data: Record<string, unknown>; matter: string; content: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  assert.ok(m, 'front matter between --- lines');
  return { data: parseYaml(m[1]!, { schema: 'core' }) as Record<string, unknown>, matter: m[1]!, content: m[2]! };
}

/** The hand-annotated example's body as plain text: mentions and spans reduced to the words shown. */
function unannotated(markdown: string): string[] {
  let text = matter(markdown).content;
  text = text.replace(/\[\[([^[\]|]+)\|([^[\]]+)\]\]/g, '$2').replace(/\[\[([^[\]]+)\]\]/g, '$1');
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/\[([^[\]]*)\]\{[^}]*\}/g, '$1');
  }
  return text.trim().split(/\n\n+/);
}

test('the two seeds: the wording as received, paragraph by paragraph, as in the hand-made example', async () => {
  const result = await dryRun([SEED_A, SEED_B]);
  const hand = {
    [SEED_A]: await fs.readFile('content/articles/kim-meets-putin-at-vostochny-cosmodrome.md', 'utf8'),
    [SEED_B]: await fs.readFile('content/articles/kim-putin-meet-hours-after-missile-launch.md', 'utf8'),
  };
  for (const report of result.reports) {
    const draft = matter(report.markdown);
    assert.deepEqual(draft.content.trim().split(/\n\n/), unannotated(hand[report.file]!), report.file);
    assert.equal(draft.data['draft'], true);
  }
  const [a, b] = result.reports.map((r) => matter(r.markdown).data);
  // 000 has no headline: a placeholder the editor must replace; 004's headline and dateline are read.
  assert.match(String(a!['title']), /^Headline needed: North Korean leader Kim Jong Un met with/);
  assert.deepEqual(a!['editorSupplied'], ['title', 'source', 'published']);
  assert.equal(b!['title'], matter(hand[SEED_B]!).data['title']);
  assert.equal(b!['dateline'], 'Moscow');
  assert.deepEqual(b!['editorSupplied'], ['source', 'published']);
  assert.match(String(b!['editorNote']), /comment form text .*“Leave a Reply”, “Your email address will not be published\.”/);
  assert.ok(!matter(result.reports[1]!.markdown).content.includes('Leave a Reply'));
  // Every placeholder is a warning at its line in the draft.
  assert.deepEqual(
    result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column}`),
    [
      'north-korean-leader-kim-jong-un-met-with.md:2:8',
      'north-korean-leader-kim-jong-un-met-with.md:3:9',
      'north-korean-leader-kim-jong-un-met-with.md:4:12',
      'kim-jong-un-and-putin-meet-hours-after-north-korea-missile.md:3:9',
      'kim-jong-un-and-putin-meet-hours-after-north-korea-missile.md:4:12',
    ],
  );
});

test('--source and --published fill only what the report lacks, and are marked editor-supplied', async () => {
  const result = await dryRun([SEED_B, path.join(FIXTURES, 'council-vote-og-dc.html')], { source: 'Wire X', published: '2023-09-13' });
  const [b, page] = result.reports.map((r) => matter(r.markdown).data);
  assert.equal(b!['source'], 'Wire X');
  assert.equal(b!['published'], '2023-09-13');
  assert.deepEqual(b!['editorSupplied'], ['source', 'published']);
  assert.equal(page!['source'], 'Harbour Courier');
  assert.equal(page!['editorSupplied'], undefined);
  assert.deepEqual(result.diagnostics, []);
});

test('a first line reads as a headline only when it is short, unpunctuated and followed by a body', () => {
  const rest = [{ text: 'Body text.', start: 0 }];
  const cases: [string, string | undefined][] = [
    [
      'Kim Jong Un and Putin meet hours after North Korea missile launch',
      'Kim Jong Un and Putin meet hours after North Korea missile launch',
    ],
    ['Will the bridge reopen?', 'Will the bridge reopen?'],
    ['North Korean leader Kim Jong Un met with President Vladimir Putin on Wednesday.', undefined],
    ['Moscow:', undefined],
    ['lower-case start is a sentence fragment', undefined],
    ['x'.repeat(201), undefined],
  ];
  for (const [line, expected] of cases) assert.equal(readHeadline(line, 'text', rest), expected, line);
  assert.equal(readHeadline('A headline alone', 'text', []), undefined);
  assert.equal(readHeadline('## Markdown heading ##', 'markdown', rest), 'Markdown heading');
});

test('trailing boilerplate is removed only at the end; a lone short last line stays', () => {
  const clean = (content: string) => cleanReport(extractText({ file: 'x.txt', kind: 'text', content }));
  const a = clean(
    'Title here\n\nLeave a Reply in the middle is text.\nThe report goes on.\n\nShare this article\nWe use cookies to give you the best experience.\nAccept all cookies\n',
  );
  assert.deepEqual(
    a.paragraphs.map((p) => p.text),
    ['Leave a Reply in the middle is text.', 'The report goes on.'],
  );
  assert.deepEqual(
    a.removed.map((r) => r.kind),
    ['share prompt', 'cookie notice', 'cookie notice'],
  );
  const b = clean('Title here\n\nThe mayor was asked for a comment.\nEmail\n');
  assert.deepEqual(
    b.paragraphs.map((p) => p.text),
    ['The mayor was asked for a comment.', 'Email'],
  );
  assert.deepEqual(b.removed, []);
  const c = clean('Title here\n\nLeave a Reply\n\nThe report is after it.\n');
  assert.deepEqual(
    c.paragraphs.map((p) => p.text),
    ['Leave a Reply', 'The report is after it.'],
  );
});

test('paragraphs: one a line in pasted copy, blank-line blocks with hard wrapping kept as written', () => {
  const wrapped =
    'Headline\n\nThe council voted on Tuesday night to pay for the repairs\nfrom its reserves rather than wait for a regional grant,\nthe clerk said.\n\nSecond paragraph.\n';
  const r = extractText({ file: 'x.txt', kind: 'text', content: wrapped });
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    [
      'The council voted on Tuesday night to pay for the repairs\nfrom its reserves rather than wait for a regional grant,\nthe clerk said.',
      'Second paragraph.',
    ],
  );
  for (const p of r.paragraphs) assert.equal(wrapped.slice(p.start, p.start + p.text.length), p.text);
});

test('escaped text renders as the text: no emphasis, code, link, image, heading, list or quote', () => {
  const md = new MarkdownIt('default', { html: false, linkify: false });
  const cases = [
    '* star _under_ `tick` [a](b) ![i](//evil/x.png) <http://x.example> ~~s~~ &copy; \\[[x]]',
    '# hash',
    '> quote',
    '- dash',
    '+ plus',
    '2024. year',
    '3) three',
    '===',
    '| a | b |',
    'a [[Target]] b [span]{claim=x}',
  ];
  for (const text of cases) {
    const html = md.render(paragraphMarkdown(text, 'text'));
    assert.match(html, /^<p>[^<]*<\/p>\n$/, `${text} → ${html}`);
    const shown = html
      .slice(3, -5)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    assert.equal(shown, text);
  }
  assert.equal(
    paragraphMarkdown('keep *Markdown* but [[not]] this [x]{claim=y}', 'markdown'),
    'keep *Markdown* but \\[[not]] this [x]\\{claim=y}',
  );
});

test('dates from metadata: ISO 8601 as the format takes it, or nothing', () => {
  const cases: [string, string | undefined][] = [
    ['2024-03-05T07:15:00+01:00', '2024-03-05T07:15:00+01:00'],
    ['2024-03-05T06:00:00.000Z', '2024-03-05T06:00:00.000Z'],
    ['2024-03-05T07:15:00+0100', '2024-03-05T07:15:00+01:00'],
    ['2024-03-05 07:15', '2024-03-05'],
    ['2024-02-30', undefined],
    ['March 5, 2024', undefined],
  ];
  for (const [value, expected] of cases) assert.equal(isoDate(value), expected, value);
});

/** A propose step for tests: every occurrence of each listed name, as the real one reports them. */
function fakePropose(names: Record<string, CandidateLike['type']>, aliases: Record<string, string> = {}) {
  return (text: string): CandidateLike[] =>
    Object.entries(names).map(([name, type]) => {
      const occurrences: { offset: number; length: number }[] = [];
      for (const form of [name, ...Object.keys(aliases).filter((a) => aliases[a] === name)])
        for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) occurrences.push({ offset: i, length: form.length });
      return { name, type, occurrences, score: occurrences.length };
    });
}

test('candidate offsets count UTF-16 units in the report as read (BOM removed, CRLF as LF)', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  const raw = await fs.readFile(SEED_B, 'utf8');
  await writeTree(dir, { 'crlf.txt': `\uFEFF${raw.replace(/\n/g, '\r\n')}`, 'content/.keep': '' });
  const result = await importReports({
    sources: [path.join(dir, 'crlf.txt')],
    input: path.join(dir, 'content'),
    dryRun: true,
    propose: fakePropose({ 'Ankit Panda': 'person', 'RIA Novosti': 'organization' }),
  });
  const [report] = result.reports;
  assert.equal(report!.candidates.length, 2);
  for (const c of report!.candidates) {
    assert.ok(c.occurrences.length > 0);
    for (const o of c.occurrences) assert.equal(raw.slice(o.offset, o.offset + o.length), c.name);
  }
  // Boilerplate removed from the end is not handed to propose.
  const seen: string[] = [];
  await importReports({ sources: [SEED_B], input: dir, dryRun: true, propose: (t) => (seen.push(t), []) });
  assert.ok(!seen[0]!.includes('Leave a Reply') && raw.startsWith(seen[0]!));
});

test('--create writes one draft entity per candidate with the aliases seen, never over a file', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  await writeTree(dir, { 'content/entities/ria-novosti.md': '---\nname: RIA Novosti\ntype: organization\n---\nKept.\n' });
  const input = path.join(dir, 'content');
  const result = await importReports({
    sources: [SEED_A, SEED_B],
    input,
    create: true,
    propose: fakePropose(
      { 'Ankit Panda': 'person', 'RIA Novosti': 'organization', 'Dmitry Peskov': 'person' },
      { Peskov: 'Dmitry Peskov' },
    ),
  });
  assert.deepEqual(result.created.map((f) => path.basename(f)).sort(), ['ankit-panda.md', 'dmitry-peskov.md']);
  assert.deepEqual(
    result.skipped.map((f) => path.basename(f)),
    ['ria-novosti.md'],
  );
  assert.equal(
    await fs.readFile(path.join(input, 'entities/ria-novosti.md'), 'utf8'),
    '---\nname: RIA Novosti\ntype: organization\n---\nKept.\n',
  );
  const peskov = matter(await fs.readFile(path.join(input, 'entities/dmitry-peskov.md'), 'utf8'));
  assert.deepEqual(peskov.data, { name: 'Dmitry Peskov', type: 'person', aliases: ['Peskov'], draft: true });
  assert.match(peskov.matter, /# summary: one line, to be written by the editor/);
});

test('never overwrites: a second import of the same report gets the next free slug', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  const first = await importReports({ sources: [SEED_B], input: dir });
  const before = await fs.readFile(first.reports[0]!.path, 'utf8');
  const second = await importReports({ sources: [SEED_B], input: dir });
  assert.equal(second.reports[0]!.slug, `${first.reports[0]!.slug}-2`);
  assert.equal(await fs.readFile(first.reports[0]!.path, 'utf8'), before);
});

test('writing never replaces a file, even one made after the folder was read', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'articles/taken.md');
  assert.equal(await writeNew(file, 'first'), true);
  assert.equal(await writeNew(file, 'second'), false);
  assert.equal(await fs.readFile(file, 'utf8'), 'first');
});
