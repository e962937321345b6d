/**
 * Stage 2, front matter (src/content/frontmatter.ts): `splitDocument` cases as tables — what is
 * accepted (data, body, body line offset), what is refused and where the diagnostic points — plus
 * `loadContent` on a temporary folder for what happens before splitting (CRLF, BOM).
 *
 * Lines and columns are 1-based and count the file as written: line 1 is the opening `---`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { splitDocument } from '../../src/content/frontmatter.ts';
import { loadContent } from '../../src/content/load.ts';
import { DiagnosticBag } from '../../src/diagnostics.ts';
import type { SplitDocument } from '../../src/types.ts';
import { annotate, diagnosticLine } from '../helpers/annotate.ts';

const FILE = '/content/articles/x.md';

function split(text: string): { doc: SplitDocument | undefined; diagnostics: string[] } {
  const bag = new DiagnosticBag();
  const doc = splitDocument({ kind: 'article', path: FILE, id: 'x', text }, bag);
  return { doc, diagnostics: bag.sorted().map(diagnosticLine) };
}

/** Lines joined with "\n", so each case reads as the file it stands for. */
const lines = (...l: string[]): string => l.join('\n');

// --- Accepted -------------------------------------------------------------------------------------

const ACCEPTED: readonly { why: string; text: string; data: Record<string, unknown>; body: string; bodyLineOffset: number }[] = [
  {
    why: 'plain YAML, body after the closing line',
    text: lines('---', 'title: Launch', 'source: AP', '---', 'Body line.', ''),
    data: { title: 'Launch', source: 'AP' },
    body: 'Body line.\n',
    bodyLineOffset: 4,
  },
  {
    why: 'a blank line after the front matter stays in the body',
    text: lines('---', 'title: Launch', '---', '', 'Body.'),
    data: { title: 'Launch' },
    body: '\nBody.',
    bodyLineOffset: 3,
  },
  {
    why: 'empty front matter',
    text: lines('---', '---', 'Body.'),
    data: {},
    body: 'Body.',
    bodyLineOffset: 2,
  },
  {
    why: 'no body',
    text: lines('---', 'title: Launch', '---'),
    data: { title: 'Launch' },
    body: '',
    bodyLineOffset: 2,
  },
  {
    // gray-matter cuts right after the three dashes, so the closing line's trailing spaces become
    // a blank first body line (harmless in Markdown) and the offset still maps "Body." to line 4.
    why: 'explicit yaml language and trailing spaces on the closing line',
    text: lines('---yaml', 'title: Launch', '---  ', 'Body.'),
    data: { title: 'Launch' },
    body: '  \nBody.',
    bodyLineOffset: 2,
  },
  {
    why: 'YAML 1.2 core schema: dates and yes/no stay strings, numbers and booleans are typed',
    text: lines('---', 'published: 2023-09-13', 'draft: false', 'legacy: yes', 'count: 3', '---', ''),
    data: { published: '2023-09-13', draft: false, legacy: 'yes', count: 3 },
    body: '',
    bodyLineOffset: 6,
  },
  {
    why: 'lists, nested maps and block scalars',
    text: lines(
      '---',
      'name: Kim Jong Un',
      'aliases:',
      '  - Kim',
      '  - 김정은',
      'attributes:',
      '  Born: 1984',
      'summary: |',
      '  Two',
      '  lines.',
      '---',
      'Body.',
    ),
    data: { name: 'Kim Jong Un', aliases: ['Kim', '김정은'], attributes: { Born: 1984 }, summary: 'Two\nlines.\n' },
    body: 'Body.',
    bodyLineOffset: 11,
  },
  {
    why: 'a body holding its own --- lines (thematic breaks)',
    text: lines('---', 'title: T', '---', 'One', '', '---', '', 'Two'),
    data: { title: 'T' },
    body: lines('One', '', '---', '', 'Two'),
    bodyLineOffset: 3,
  },
];

for (const c of ACCEPTED) {
  test(`accepted: ${c.why}`, () => {
    const { doc, diagnostics } = split(c.text);
    assert.deepEqual(diagnostics, []);
    assert.ok(doc);
    assert.deepEqual(doc.data, c.data);
    assert.equal(doc.body, c.body);
    assert.equal(doc.bodyLineOffset, c.bodyLineOffset);
  });
}

test('body line offset: a body mention is reported at its line in the file', () => {
  const text = lines('---', 'title: Launch', 'source: AP', '---', '', 'First paragraph.', '', 'Then [[Atlantis]] sank.', '');
  const { doc } = split(text);
  assert.ok(doc);
  const result = annotate(doc.body, { doc });
  assert.deepEqual(
    result.diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
    [[FILE, 8, 6, 'unknown-entity']],
  );
});

test('locate points at values, list items, and falls back to the block', () => {
  const { doc } = split(lines('---', 'name: Kim Jong Un', 'aliases:', '  - Kim', '  - "김정은"', 'attributes:', '  Born: 1984', '---', ''));
  assert.ok(doc);
  const at = (p: (string | number)[]) => {
    const { line, column } = doc.locate(p);
    return `${line}:${column}`;
  };
  assert.equal(at(['name']), '2:7');
  assert.equal(at(['aliases', 0]), '4:5');
  assert.equal(at(['aliases', 1]), '5:5');
  assert.equal(at(['attributes', 'Born']), '7:9');
  assert.equal(at(['missing']), '2:1', 'an absent key: the start of the block');
});

// --- Refused before any YAML is read ------------------------------------------------------------------

// The JavaScript in these would set a global if anything ever evaluated it.
const PAYLOAD_JS = 'globalThis.__pwned = true; module.exports = { title: "pwned" };';
const PAYLOAD_COFFEE = 'globalThis.__pwned = true\ntitle: "pwned"';

const REFUSED: readonly { why: string; text: string; diagnostics: string[] }[] = [
  { why: '---js', text: lines('---js', PAYLOAD_JS, '---', 'Body'), diagnostics: ['1:1: error: executable-front-matter'] },
  { why: '---javascript', text: lines('---javascript', PAYLOAD_JS, '---', 'Body'), diagnostics: ['1:1: error: executable-front-matter'] },
  {
    why: '--- javascript (space before the name)',
    text: lines('--- javascript', PAYLOAD_JS, '---', 'Body'),
    diagnostics: ['1:1: error: executable-front-matter'],
  },
  { why: '---JS (capitals)', text: lines('---JS', PAYLOAD_JS, '---', 'Body'), diagnostics: ['1:1: error: executable-front-matter'] },
  { why: '--- coffee', text: lines('--- coffee', PAYLOAD_COFFEE, '---', 'Body'), diagnostics: ['1:1: error: executable-front-matter'] },
  {
    why: '---coffeescript',
    text: lines('---coffeescript', PAYLOAD_COFFEE, '---', 'Body'),
    diagnostics: ['1:1: error: executable-front-matter'],
  },
  {
    why: '---json (not YAML either)',
    text: lines('---json', '{"title": "x"}', '---', 'Body'),
    diagnostics: ['1:1: error: executable-front-matter'],
  },
  { why: '---toml', text: lines('---toml', 'title = "x"', '---', 'Body'), diagnostics: ['1:1: error: executable-front-matter'] },
  {
    why: 'unclosed front matter',
    text: lines('---', 'title: Launch', '', 'Body text.', ''),
    diagnostics: ['1:1: error: unclosed-front-matter'],
  },
  { why: 'unclosed, no newline at all', text: '---', diagnostics: ['1:1: error: unclosed-front-matter'] },
  {
    why: 'closing line with text after the dashes',
    text: lines('---', 'title: Launch', '---x', 'Body'),
    diagnostics: ['3:1: error: bad-front-matter-line'],
  },
  { why: 'no front matter', text: lines('Just a body.', ''), diagnostics: ['1:1: error: missing-front-matter'] },
  { why: 'front matter not on line 1', text: lines('', '---', 'title: x', '---'), diagnostics: ['1:1: error: missing-front-matter'] },
];

for (const c of REFUSED) {
  test(`refused: ${c.why}`, () => {
    delete (globalThis as Record<string, unknown>).__pwned;
    const { doc, diagnostics } = split(c.text);
    assert.equal(doc, undefined);
    assert.deepEqual(diagnostics, c.diagnostics);
    assert.equal((globalThis as Record<string, unknown>).__pwned, undefined, 'the front matter code ran');
  });
}

// --- Refused with the position of the problem ----------------------------------------------------------

const POSITIONED: readonly { why: string; text: string; diagnostics: string[] }[] = [
  {
    why: 'duplicate key: at the second key',
    text: lines('---', 'title: a', 'source: b', 'title: c', '---', 'Body'),
    diagnostics: ['4:1: error: bad-yaml'],
  },
  {
    why: 'duplicate nested key',
    text: lines('---', 'attributes:', '  Born: 1984', '  Born: 1983', '---'),
    diagnostics: ['4:3: error: bad-yaml'],
  },
  {
    why: 'bad YAML: a nested mapping on one line',
    text: lines('---', 'title: a', 'key: value: other', '---', 'Body'),
    diagnostics: ['3:6: error: bad-yaml'],
  },
  {
    why: 'bad YAML: tab indentation',
    text: lines('---', 'tags:', '\t- x', '---'),
    diagnostics: ['3:1: error: bad-yaml'],
  },
  {
    why: '__proto__ at the top',
    text: lines('---', 'title: a', '__proto__: { polluted: true }', '---'),
    diagnostics: ['3:1: error: forbidden-key'],
  },
  { why: 'quoted "__proto__"', text: lines('---', '"__proto__":', '  polluted: true', '---'), diagnostics: ['2:1: error: forbidden-key'] },
  {
    why: 'constructor nested in a map',
    text: lines('---', 'attributes:', '  constructor: x', '---'),
    diagnostics: ['3:3: error: forbidden-key'],
  },
  {
    why: 'prototype in a flow map',
    text: lines('---', 'attributes: {a: 1, prototype: x}', '---'),
    diagnostics: ['2:20: error: forbidden-key'],
  },
  {
    why: 'permalink in a map inside a list',
    text: lines('---', 'tags:', '  - permalink: /x/', '---'),
    diagnostics: ['3:5: error: forbidden-key'],
  },
  { why: 'layout', text: lines('---', 'title: a', 'layout: evil.njk', '---'), diagnostics: ['3:1: error: forbidden-key'] },
  {
    why: 'eleventyComputed, deep',
    text: lines('---', 'a:', '  b:', '    eleventyComputed:', '      title: x', '---'),
    diagnostics: ['4:5: error: forbidden-key'],
  },
  {
    why: 'every forbidden key is reported, not just the first',
    text: lines('---', 'permalink: /x/', 'layout: y', 'attributes:', '  __proto__: z', '---'),
    diagnostics: ['2:1: error: forbidden-key', '3:1: error: forbidden-key', '5:3: error: forbidden-key'],
  },
  { why: 'a list, not a map', text: lines('---', '- a', '- b', '---'), diagnostics: ['1:1: error: bad-front-matter'] },
  { why: 'a scalar, not a map', text: lines('---', 'just text', '---'), diagnostics: ['1:1: error: bad-front-matter'] },
];

for (const c of POSITIONED) {
  test(`refused: ${c.why}`, () => {
    const { doc, diagnostics } = split(c.text);
    assert.equal(doc, undefined);
    assert.deepEqual(diagnostics, c.diagnostics);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
  });
}

// --- YAML errors in plain words, at the line to change ---------------------------------------------

const YAML_HINTS: readonly { why: string; text: string; at: string[]; message: RegExp }[] = [
  {
    why: 'a value holding ": " is to be quoted (yaml: "Nested mappings are not allowed in compact mappings")',
    text: lines('---', 'title: a', 'summary: Says: this and: that', '---'),
    at: ['3:10'],
    message: /the value holds ": ".*put the whole value in quotes/,
  },
  {
    why: 'an over-indented key is reported at its own line, not at the value above',
    text: lines('---', 'name: Gamma', 'attributes:', '  role: x', '   extra: y', '---'),
    at: ['5:4'],
    message: /indented more than the key above it/,
  },
  {
    why: 'an over-indented key at the top level',
    text: lines('---', 'name: Eps', '  type: person', '---'),
    at: ['3:3'],
    message: /indented more than the key above it/,
  },
  {
    why: 'an over-indented key below a value of two lines',
    text: lines('---', 'attributes:', '  role: x', '    more text', '    extra: y', '---'),
    at: ['5:5'],
    message: /indented more than the key above it/,
  },
  {
    why: 'an over-indented key after a quoted value',
    text: lines('---', 'attributes:', '  role: "x"', '   extra: y', '---'),
    at: ['4:4'],
    message: /indented differently from the keys above it/,
  },
  {
    why: 'a tab as indentation',
    text: lines('---', 'tags:', '\t- x', '---'),
    at: ['3:1'],
    message: /indent with spaces/,
  },
];

for (const c of YAML_HINTS) {
  test(`YAML error in plain words: ${c.why}`, () => {
    const bag = new DiagnosticBag();
    assert.equal(splitDocument({ kind: 'article', path: FILE, id: 'x', text: c.text }, bag), undefined);
    const items = bag.sorted();
    assert.deepEqual(
      items.map((d) => `${d.line}:${d.column}`),
      c.at,
      items.map((d) => d.message).join('\n'),
    );
    for (const d of items) {
      assert.equal(d.code, 'bad-yaml');
      assert.match(d.message, /^invalid YAML front matter: /);
      assert.match(d.message, c.message);
    }
  });
}

test('an unknown YAML tag (!!js/function) is never run: the value stays a string', () => {
  delete (globalThis as Record<string, unknown>).__pwned;
  const { doc } = split(lines('---', 'title: !!js/function "function () { globalThis.__pwned = true }"', '---', ''));
  assert.equal((globalThis as Record<string, unknown>).__pwned, undefined);
  if (doc) assert.equal(typeof doc.data.title, 'string');
});

test('a "----" line inside the front matter does not silently end it', () => {
  const { doc, diagnostics } = split(lines('---', 'title: Launch', '----', 'source: AP', '---', 'Body'));
  // Either the mistake is reported, or the block runs to the real closing line.
  assert.ok(
    diagnostics.length > 0 || (doc?.data.source === 'AP' && doc.body === 'Body'),
    `data ${JSON.stringify(doc?.data)}, body ${JSON.stringify(doc?.body)}`,
  );
});

test('an alias bomb (billion laughs) is a diagnostic, not a crash, and is fast', { timeout: 5000 }, () => {
  const text = lines(
    '---',
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    '---',
    '',
  );
  const { doc, diagnostics } = split(text);
  assert.equal(doc, undefined);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]!, /error: bad-yaml/);
});

// --- loadContent: what the file system hands to splitDocument -----------------------------------------

test('CRLF, lone CR and a BOM are normalised by load, so lines and columns still hold', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-frontmatter-'));
  try {
    await mkdir(path.join(dir, 'articles'));
    await writeFile(path.join(dir, 'briefing.md'), '\ufeff---\r\ntitle: Briefing\r\n---\r\nSummary.\r\n');
    await writeFile(path.join(dir, 'articles', 'crlf.md'), '---\r\ntitle: Launch\r\nsource: AP\r\n---\r\n\r\nThen [[Atlantis]] sank.\r\n');
    await writeFile(path.join(dir, 'articles', 'cr.md'), '---\rtitle: Launch\r---\rThen [[Atlantis]].\r');
    const bag = new DiagnosticBag();
    const files = await loadContent(dir, bag);
    assert.deepEqual(bag.items, []);
    for (const f of files) assert.ok(!/[\r\ufeff]/.test(f.text), `${f.id} still holds CR or BOM`);

    const byId = new Map(files.map((f) => [f.id, f]));
    const briefing = splitDocument(byId.get('briefing')!, bag);
    assert.deepEqual(briefing?.data, { title: 'Briefing' });

    const crlf = splitDocument(byId.get('crlf')!, bag);
    assert.ok(crlf);
    assert.deepEqual(crlf.data, { title: 'Launch', source: 'AP' });
    assert.equal(crlf.bodyLineOffset, 4);
    const mention = annotate(crlf.body, { doc: crlf }).diagnostics.map((d) => `${d.line}:${d.column}`);
    assert.deepEqual(mention, ['6:6'], 'the mention is on file line 6, column 6');

    const cr = splitDocument(byId.get('cr')!, bag);
    assert.deepEqual(cr?.data, { title: 'Launch' });
    assert.equal(cr?.body, 'Then [[Atlantis]].\n');
    assert.deepEqual(bag.items, []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
