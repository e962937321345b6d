/**
 * Property-based tests (fast-check, issue 5): random Markdown documents with random annotations —
 * mentions of known, unknown and hostile targets, spans with valid, invalid and hostile
 * attributes, and the Markdown constructs around them — go through `annotateBody`, and random
 * small content folders go through a full `build`.
 *
 * Properties: the parser never throws; every diagnostic is well-formed and points into the file;
 * the HTML holds only elements and attributes markdown-it and the plugin emit, with no markup,
 * event handler or dangerous URL taken from the input; a build either succeeds or fails with
 * diagnostics (`ok: false`), and never throws.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { parse, type HTMLElement } from 'node-html-parser';
import { createMarkdown } from '../../src/annotate/markdown.ts';
import { entityPage } from '../../src/site/paths.ts';
import { annotateBody } from '../../src/annotate/parse.ts';
import { DiagnosticBag, type Diagnostic } from '../../src/diagnostics.ts';
import { build } from '../../src/index.ts';
import { bodyDocument, FIXTURE_ENTITIES, makeRegistry } from '../helpers/annotate.ts';
import { listFiles, tempDir, writeTree } from '../helpers/site.ts';

// ---------------------------------------------------------------------------------------------
// Generators

const HOSTILE = [
  '<script>alert(1)</script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '"',
  "'",
  '&',
  '&amp;',
  '&#60;script&#62;',
  '&lt;b&gt;',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'file:///etc/passwd',
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)",
  '<a href="javascript:alert(1)">x</a>',
  '<div onclick=alert(1)>',
  '{{ 7 * 7 }}',
  '__proto__',
  'constructor',
  '\u2028',
  '\u0000',
  '\\',
  '`',
];

const KNOWN_TARGETS = [
  'Kim Jong Un',
  'Kim',
  'kim-jong-un',
  'Vladimir Putin',
  'Putin',
  'Владимир Путин',
  'DPRK',
  'north-korea',
  'Japan',
  '김정은',
  'KIM   jong un',
];

const word = fc.constantFrom('the', 'leader', 'met', 'said', 'Moscow', 'missile', 'été', '東京', 'naïve', '2023', 'a', 'x');
const hostile = fc.constantFrom(...HOSTILE);
/** Short random text, ASCII or any Unicode, sometimes with the syntax characters that matter here. */
const noise = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.stringMatching(/^[[\]{}|=" ,\\`*_!<>()#&:-]{1,8}$/),
);
const text = fc.oneof({ weight: 4, arbitrary: word }, { weight: 2, arbitrary: hostile }, { weight: 2, arbitrary: noise });

const target = fc.oneof(
  fc.constantFrom(...KNOWN_TARGETS),
  hostile,
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
);
const mention = fc.oneof(
  target.map((t) => `[[${t}]]`),
  fc.tuple(target, text).map(([t, shown]) => `[[${t}|${shown}]]`),
);

const claimId = fc.oneof(
  fc.constantFrom('nk-missile-launch', 'talks', 'a', 'x-1'),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
  fc.constantFrom('Bad_Id', '-x', 'UPPER', 'a b', ''),
  hostile,
);
const date = fc.oneof(
  fc.constantFrom('2023-09-13', '2023-09-13T02:43:00Z', '2024-02-29', '2024-02-30', '2023-13-01', '13/09/2023', '2023-09-13T25:00:00Z', ''),
  hostile,
);
const valueOf = (v: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    v,
    v.map((x) => `"${x}"`),
  );
const attribute = fc.oneof(
  valueOf(claimId).map((v) => `claim=${v}`),
  valueOf(target).map((v) => `quote=${v}`),
  valueOf(date).map((v) => `date=${v}`),
  valueOf(fc.array(target, { minLength: 1, maxLength: 3 }).map((a) => a.join(','))).map((v) => `about=${v}`),
  valueOf(fc.array(claimId, { minLength: 1, maxLength: 2 }).map((a) => a.join(','))).map((v) => `conflicts=${v}`),
  // Keys a span does not take, several of them HTML attributes an attacker would want.
  fc
    .tuple(
      fc.constantFrom('onerror', 'onclick', 'href', 'src', 'style', 'class', 'id', 'Claim', 'data-x', 'x'),
      valueOf(fc.oneof(hostile, word)),
    )
    .map(([k, v]) => `${k}=${v}`),
  // Malformed pieces: no value, no key, stray quotes, a line break.
  fc.constantFrom('claim', '=x', 'claim=', 'claim="unclosed', 'claim=a"b', '"', '\n', 'claim=a\n\nb'),
);
const attributes = fc
  .array(attribute, { maxLength: 4 })
  .chain((list) => fc.constantFrom(' ', '  ', '\t', '\n').map((sep) => list.join(sep)));

const url = fc.oneof(
  fc.constantFrom(
    'https://example.org/a',
    'http://example.org/b?c=d&e=f',
    'mailto:desk@example.org',
    '../x.html',
    '/abs',
    '#frag',
    'img.png',
    'data:image/png;base64,iVBORw0KGgo=',
  ),
  hostile,
  fc.string({ maxLength: 15 }),
);

/** Inline Markdown, nested to a bounded depth: text, mentions, spans, emphasis, code, links, images. */
const { inline } = fc.letrec<{ inline: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { weight: 5, arbitrary: text },
    { weight: 3, arbitrary: mention },
    { weight: 3, arbitrary: fc.tuple(tie('inline'), attributes).map(([label, attrs]) => `[${label}]{${attrs}}`) },
    { weight: 1, arbitrary: fc.tuple(tie('inline'), attributes).map(([label, attrs]) => `[${label}]{${attrs}`) },
    { weight: 1, arbitrary: tie('inline').map((s) => `*${s}*`) },
    { weight: 1, arbitrary: tie('inline').map((s) => `**${s}**`) },
    { weight: 1, arbitrary: tie('inline').map((s) => `~~${s}~~`) },
    { weight: 1, arbitrary: fc.oneof(text, mention).map((s) => `\`${s}\``) },
    { weight: 1, arbitrary: fc.tuple(tie('inline'), url).map(([s, u]) => `[${s}](${u})`) },
    { weight: 1, arbitrary: fc.tuple(tie('inline'), url).map(([s, u]) => `![${s}](${u})`) },
    { weight: 1, arbitrary: url.map((u) => `<${u}>`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'www.example.com/[[x]]',
        'https://example.org/[[Kim]]',
        '\\[[Kim]]',
        '\\[x]{claim=a}',
        '  \n',
        '\n',
        '\\',
        '&copy;',
        '&#0;',
        '&#x110000;',
      ),
    },
  ),
  inline: fc.array(tie('atom'), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' ')),
}));

const block = fc.oneof(
  { weight: 6, arbitrary: inline },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, s]) => `${'#'.repeat(n)} ${s}`) },
  { weight: 1, arbitrary: inline.map((s) => `${s}\n===`) },
  { weight: 1, arbitrary: fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((s) => `- ${s}`).join('\n')) },
  {
    weight: 1,
    arbitrary: fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((s, i) => `${i + 1}. ${s}`).join('\n')),
  },
  { weight: 1, arbitrary: inline.map((s) => `> ${s}\n> - ${s}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.oneof(word, hostile), inline).map(([info, s]) => `\`\`\`${info.replace(/[`\n]/g, '')}\n${s}\n\`\`\``),
  },
  { weight: 1, arbitrary: inline.map((s) => `    ${s.replace(/\n/g, ' ')}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(inline, inline, inline).map(([a, b, c]) => {
      const cell = (s: string): string => s.replace(/[|\n]/g, ' ');
      return `| ${cell(a)} | head |\n|:---|---:|\n| ${cell(b)} | ${cell(c)} |`;
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '---',
      '***',
      '<div onclick="alert(1)">raw</div>',
      '<script>alert(1)</script>',
      '[ref]: javascript:alert(1)\n\n[ref]',
      '[ok]: https://example.org\n\n[ok]',
    ),
  },
);

const documentBody = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n\n', '\n', '\n\n\n'))
  .map(([blocks, sep]) => blocks.join(sep));

// ---------------------------------------------------------------------------------------------
// What the output may contain

/** Every element markdown-it (html: false, linkify, default preset) and the plugin emit. */
const BODY_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'em',
  'strong',
  's',
  'a',
  'img',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
]);
/** Every attribute they emit. */
const BODY_ATTRIBUTES = new Set([
  'id',
  'class',
  'href',
  'title',
  'src',
  'alt',
  'start',
  'style',
  'data-entity',
  'data-claim',
  'data-speaker',
]);
const ID = /^[a-z0-9][a-z0-9-]*$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** The one data: URL allowed (markdown.ts), as an image or a link to one: never SVG, never HTML. */
const SAFE_DATA_IMAGE = /^data:image\/(?:gif|png|jpeg|webp);/i;

/** What a browser would see as the URL's scheme: controls and spaces are dropped first. */
// eslint-disable-next-line no-control-regex
const schemeOf = (value: string): string | undefined => SCHEME.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();

/** Problems with one rendered body; an empty list means it is safe and well-formed. */
function htmlProblems(html: string, root: HTMLElement = parse(html)): string[] {
  const problems: string[] = [];
  // Every "<" followed by a letter or "/" starts an element the pipeline emits; text "<" is escaped.
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) if (!BODY_TAGS.has(m[1]!.toLowerCase())) problems.push(`raw <${m[1]}>`);
  if (/<script/i.test(html)) problems.push('<script');
  const ids = new Set<string>();
  for (const el of root.querySelectorAll('*')) {
    const tag = el.rawTagName.toLowerCase();
    if (!BODY_TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      const attr = name.toLowerCase();
      if (!BODY_ATTRIBUTES.has(attr)) problems.push(`attribute ${attr} on <${tag}>`);
      if (attr.startsWith('on')) problems.push(`event handler ${attr}`);
      if (attr === 'href') {
        // docs/security.md: javascript:, vbscript:, file: and data: (but images) never reach an href.
        const scheme = schemeOf(value);
        if (scheme && ['javascript', 'vbscript', 'file', 'data'].includes(scheme) && !SAFE_DATA_IMAGE.test(value))
          problems.push(`href with scheme ${scheme}: ${value}`);
      }
      if (attr === 'src') {
        const scheme = schemeOf(value);
        if (scheme && !SAFE_DATA_IMAGE.test(value)) problems.push(`img src from elsewhere: ${value}`);
      }
      if (attr === 'style' && !/^text-align:(?:left|center|right)$/.test(value)) problems.push(`style ${value}`);
      if ((attr === 'data-entity' || attr === 'data-claim' || attr === 'data-speaker') && !ID.test(value))
        problems.push(`${attr}="${value}"`);
      if (attr === 'id') {
        if (ids.has(value)) problems.push(`duplicate id ${value}`);
        ids.add(value);
      }
    }
  }
  return problems;
}

/** Problems with one diagnostic of `file`, whose text is `lines` (1-based line n is lines[n - 1]). */
function diagnosticProblems(d: Diagnostic, file: string, lines: readonly string[] | undefined): string[] {
  const problems: string[] = [];
  const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
  if (d.file !== file) problems.push(`${where}: wrong file`);
  if (!Number.isInteger(d.line) || d.line < 1) problems.push(`${where}: line < 1`);
  if (!Number.isInteger(d.column) || d.column < 1) problems.push(`${where}: column < 1`);
  if (!/^[a-z][a-z0-9-]*$/.test(d.code)) problems.push(`${where}: bad code`);
  if (d.severity !== 'error' && d.severity !== 'warning') problems.push(`${where}: bad severity`);
  if (!d.message.trim()) problems.push(`${where}: empty message`);
  if (lines) {
    const line = lines[d.line - 1];
    if (line === undefined) problems.push(`${where}: past the last line (${lines.length})`);
    // Known bug (broken.test.ts, case bad-claim-after-tab): on a list item's continuation line
    // indented with a tab, columns are off by the tab's expansion; not reported twice here.
    else if (d.column > line.length + 1 && !line.startsWith('\t'))
      problems.push(`${where}: past the end of its line (${line.length} characters)`);
  }
  return problems;
}

/**
 * Positions Briefing is known to get wrong, each a todo case in broken.test.ts; left out of the
 * position checks here so that those bugs are reported once: a line holding a NUL
 * (bad-claim-after-nul), a line indented with a tab (bad-claim-after-tab), a table row with an
 * empty cell (bad-claim-after-empty-cell) or an escaped pipe (bad-claim-beside-escaped-pipe).
 */
function knownPositionBug(line: string): boolean {
  return line.includes('\u0000') || line.startsWith('\t') || /\|\s*\|/.test(line) || line.includes('\\|');
}

// ---------------------------------------------------------------------------------------------
// annotateBody

const FILE = '/content/articles/case.md';

test('annotateBody on random annotated documents: never throws, diagnostics point into the file, HTML holds no markup from the input', () => {
  fc.assert(
    fc.property(documentBody, fc.integer({ min: 0, max: 4 }), fc.constantFrom('', '../'), (body, frontMatterLines, root) => {
      const bag = new DiagnosticBag();
      const registry = makeRegistry(FIXTURE_ENTITIES, bag);
      const md = createMarkdown(registry, entityPage);
      // The body sits after `frontMatterLines` lines of front matter, as in a real file.
      const result = annotateBody(md, bodyDocument(body, FILE, frontMatterLines), root, bag);
      const fileLines = [...Array.from({ length: frontMatterLines }, () => '---'), ...body.split('\n')];
      const problems = [...bag.items.flatMap((d) => diagnosticProblems(d, FILE, fileLines)), ...htmlProblems(result.html)];
      for (const m of result.mentions) {
        if (!ID.test(m.entity)) problems.push(`mention id ${m.entity}`);
        if (m.start < 0 || m.end < m.start || m.end > (result.blocks[m.block]?.text.length ?? -1))
          problems.push(`mention offsets ${m.start}-${m.end} in block ${m.block}`);
        // A mention's position is where its "[[" is written.
        const line = fileLines[m.at.line - 1] ?? '';
        if (!knownPositionBug(line) && !line.slice(m.at.column - 1).startsWith('[['))
          problems.push(`mention "${m.target}" at ${m.at.line}:${m.at.column} is not at its "[["`);
      }
      for (const s of result.spans) {
        if (s.claim !== undefined && !ID.test(s.claim)) problems.push(`claim ${s.claim}`);
        // A span's position is where its "[" is written.
        const line = fileLines[s.at.line - 1] ?? '';
        if (!knownPositionBug(line) && line[s.at.column - 1] !== '[')
          problems.push(`span "${s.text}" at ${s.at.line}:${s.at.column} is not at its "["`);
      }
      assert.deepEqual(problems, [], `body: ${JSON.stringify(body)}\nhtml: ${result.html}`);
    }),
    { numRuns: Number(process.env['FC_RUNS'] ?? 400), includeErrorInReport: true },
  );
});

test('the HTML checker itself catches what it is for', () => {
  assert.deepEqual(htmlProblems('<p id="p-1">ok <a href="../entities/x.html" class="mention" data-entity="x">x</a></p>'), []);
  assert.ok(htmlProblems('<p><img src=x onerror=alert(1)></p>').some((p) => p.includes('onerror')));
  assert.ok(htmlProblems('<p><script>alert(1)</script></p>').length > 0);
  assert.ok(htmlProblems('<p><a href="java&#x73;cript:alert(1)">x</a></p>').some((p) => p.includes('javascript')));
  assert.ok(htmlProblems('<p><a href=" jav\tascript:x">x</a></p>').some((p) => p.includes('javascript')));
  assert.ok(htmlProblems('<p id="a"></p><p id="a"></p>').some((p) => p.includes('duplicate id')));
  assert.ok(htmlProblems('<div>x</div>').length > 0);
});

test('annotateBody on hostile strings in every annotation position', () => {
  // Not random: every hostile string as a mention target, shown text, span text and each attribute value.
  const problems: string[] = [];
  for (const h of HOSTILE) {
    const q = h.replace(/"/g, '');
    const body = [
      `[[${h}]] and [[Kim|${h}]]`,
      `[${h}]{claim=a}`,
      `[x]{quote="${q}"}`,
      `[x]{claim=b about="${q}"}`,
      `[x]{claim=c conflicts=${h}}`,
      `[x]{claim=d date=${h}}`,
      `[x]{${h}=1}`,
      `[${h}](${h}) ![${h}](${h}) <${h}>`,
    ].join('\n\n');
    const bag = new DiagnosticBag();
    const result = annotateBody(createMarkdown(makeRegistry(FIXTURE_ENTITIES, bag), entityPage), bodyDocument(body, FILE), '../', bag);
    problems.push(...htmlProblems(result.html).map((p) => `${JSON.stringify(h)}: ${p}`));
    problems.push(...bag.items.flatMap((d) => diagnosticProblems(d, FILE, body.split('\n'))).map((p) => `${JSON.stringify(h)}: ${p}`));
  }
  assert.deepEqual(problems, []);
});

// ---------------------------------------------------------------------------------------------
// Full builds of random small content folders

let dir: string;
before(async () => {
  dir = await tempDir();
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

/** Front-matter text: anything non-blank, hostile strings included (all of it must come out escaped). */
const fmText = fc
  .oneof(word, hostile, fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }))
  .filter((x) => x.trim() !== '');
const fmLines = (pairs: [string, string | undefined][]): string =>
  pairs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
const validDate = fc.constantFrom('2023-09-13', '2023-09-13T02:43:00Z', '2024-02-29', '1999-12-31T23:59:59+09:00');
const webUrl = fc.constantFrom('https://example.org/a', 'http://example.org/b?c=d&e=f', 'https://example.org/<script>');

/** Text and mentions that cannot form annotation syntax by accident: no brackets, braces or pipes. */
const cleanText = fc.oneof(word, hostile);
const cleanTarget = fc.oneof(
  fc.constantFrom(...KNOWN_TARGETS),
  hostile.filter((h) => !/[[\]{}|\\`]/.test(h)),
  fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,15}$/),
);
const cleanMention = fc.oneof(
  cleanTarget.map((t) => `[[${t}]]`),
  fc.tuple(cleanTarget, cleanText).map(([t, shown]) => `[[${t}|${shown}]]`),
);

/** A body that is valid Markdown with valid annotations (unknown mentions only warn). */
const cleanAtom = fc.oneof(
  { weight: 5, arbitrary: cleanText },
  { weight: 3, arbitrary: cleanMention },
  {
    weight: 2,
    arbitrary: fc
      .tuple(cleanText, fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), fc.option(validDate, { nil: undefined }))
      .map(([t, id, d]) => `[${t}]{claim=${id}${d ? ` date=${d}` : ''}}`),
  },
  { weight: 1, arbitrary: fc.tuple(cleanText, fc.constantFrom(...KNOWN_TARGETS)).map(([t, who]) => `[${t}]{quote="${who}"}`) },
  { weight: 1, arbitrary: fc.tuple(cleanText, url).map(([t, u]) => `[${t}](${u})`) },
  { weight: 1, arbitrary: cleanText.map((t) => `*${t}*`) },
);
const cleanBody = fc
  .array(
    fc.array(cleanAtom, { minLength: 1, maxLength: 6 }).map((atoms) => atoms.join(' ')),
    { minLength: 1, maxLength: 4 },
  )
  .map((paragraphs) => paragraphs.join('\n\n'));

/**
 * A random content folder. A clean one (about half the runs) has valid front matter and valid
 * annotations, with hostile strings only where they are allowed (text, names, titles): it must
 * build. A dirty one gets, in each field, now and then an invalid value, raw YAML, a forbidden
 * key, a bad file name or a fully random body: it must either build or fail with diagnostics.
 */
function contentFolder(dirty: boolean) {
  const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> =>
    dirty ? fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: invalid }) : valid;
  /** A YAML scalar: a JSON string (always valid YAML), or in a dirty folder now and then the raw text. */
  const yaml = (v: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    mostly(
      v.map((x) => JSON.stringify(x)),
      v,
    );
  const extraKey = mostly<string | undefined>(
    fc.constant(undefined),
    fc.constantFrom('permalink: /x/', 'layout: evil', 'unknownKey: 1', '__proto__: {polluted: 1}', 'x:\n  constructor: 1'),
  );
  const body = mostly(cleanBody, documentBody);
  const optional = <T>(v: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(v, { nil: undefined });

  const briefingFile = fc
    .record({
      title: mostly(yaml(fmText), fc.constantFrom('""', '[]', '{a: 1}')),
      description: optional(yaml(fmText)),
      language: optional(mostly(fc.constantFrom('en', 'de', 'pt-BR', 'ja'), fc.constantFrom('xx-!!', '""', 'en_US'))),
      updated: optional(
        mostly(
          validDate,
          date.map((d) => JSON.stringify(d)),
        ),
      ),
      baseUrl: optional(
        mostly(
          webUrl,
          url.map((u) => JSON.stringify(u)),
        ),
      ),
      extra: extraKey,
      body,
    })
    .map(
      (b) =>
        `---\n${fmLines([
          ['title', b.title],
          ['description', b.description],
          ['language', b.language],
          ['updated', b.updated],
          ['baseUrl', b.baseUrl],
        ])}${b.extra ? `\n${b.extra}` : ''}\n---\n${b.body}\n`,
    );

  const articleFile = fc
    .record({
      title: mostly(yaml(fmText), fc.constant('""')),
      source: mostly(yaml(fmText), fc.constant('[]')),
      published: mostly(
        validDate,
        date.map((d) => JSON.stringify(d)),
      ),
      url: optional(
        mostly(
          webUrl,
          url.map((u) => JSON.stringify(u)),
        ),
      ),
      author: optional(
        fc.oneof(
          yaml(fmText),
          fc.array(fmText, { minLength: 1, maxLength: 3 }).map((a) => JSON.stringify(a)),
        ),
      ),
      tags: optional(fc.array(fmText, { maxLength: 3 }).map((a) => JSON.stringify(a))),
      extra: extraKey,
      body,
    })
    .map(
      (a) =>
        `---\n${fmLines([
          ['title', a.title],
          ['source', a.source],
          ['published', a.published],
          ['url', a.url],
          ['author', a.author],
          ['tags', a.tags],
        ])}${a.extra ? `\n${a.extra}` : ''}\n---\n${a.body}\n`,
    );

  // In a clean folder every name and alias ends with the entity's own id, so no two entities can
  // claim the same name (that is an error, tested in broken.test.ts); a dirty one may collide.
  const entityFile = (id: string) =>
    fc
      .record({
        name: mostly(
          fmText.map((t) => JSON.stringify(`${t} ${id}`)),
          yaml(fc.oneof(fc.constantFrom(...KNOWN_TARGETS), fmText)),
        ),
        type: mostly(fc.constantFrom('person', 'organization', 'place', 'event', 'object', 'topic'), fc.constantFrom('human', '""')),
        aliases: optional(
          fc
            .array(
              mostly(
                fmText.map((t) => `${t} ${id}`),
                fc.oneof(fc.constantFrom(...KNOWN_TARGETS), fmText),
              ),
              { maxLength: 3 },
            )
            .map((a) => JSON.stringify(a)),
        ),
        attributes: optional(
          fc
            .uniqueArray(
              fc.tuple(
                mostly(
                  fc.oneof(word, hostile).filter((k) => k.trim() !== '' && !['__proto__', 'constructor'].includes(k)),
                  hostile,
                ),
                mostly(
                  fc.oneof(cleanMention, cleanText).filter((v) => v.trim() !== ''),
                  fc.oneof(mention, text),
                ),
              ),
              { minLength: 1, maxLength: 3, selector: ([k]) => k },
            )
            .map((pairs) => pairs.map(([k, v]) => `\n  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join('')),
        ),
        sameAs: optional(fc.array(mostly(webUrl, url), { maxLength: 2 }).map((a) => JSON.stringify(a))),
        extra: extraKey,
        body,
      })
      .map(
        (e) =>
          `---\n${fmLines([
            ['name', e.name],
            ['type', e.type],
            ['aliases', e.aliases],
            ['sameAs', e.sameAs],
          ])}${e.attributes ? `\nattributes:${e.attributes}` : ''}${e.extra ? `\n${e.extra}` : ''}\n---\n${e.body}\n`,
      );

  const fileName = mostly(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), fc.constantFrom('Bad Name', 'UPPER', '-x', 'a.b'));
  return fc.record({
    dirty: fc.constant(dirty),
    briefing: mostly<string | undefined>(briefingFile, fc.constant(undefined)),
    articles: fc.uniqueArray(fc.tuple(fileName, articleFile), { minLength: 1, maxLength: 3, selector: ([n]) => n }),
    entities: fc
      .uniqueArray(fileName, { minLength: 0, maxLength: 3 })
      .chain((names) => fc.tuple(...names.map((n) => entityFile(n).map((text) => [n, text] as const)))),
  });
}

/** Scripts a built page may load: the site's own files; and data it never runs: its JSON-LD, search.js's words (JSON). */
function pageProblems(page: string, html: string): string[] {
  const problems: string[] = [];
  const doc = parse(html);
  for (const s of doc.querySelectorAll('script')) {
    const src = s.getAttribute('src');
    const type = s.getAttribute('type');
    const ok =
      type === 'application/ld+json' || type === 'application/json'
        ? !src
        : src !== undefined && /^(?:\.\.\/)?(?:assets|data)\/[a-z0-9-]+\.js$/.test(src);
    if (!ok) problems.push(`${page}: script ${s.outerHTML.slice(0, 80)}`);
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const [name, value] of Object.entries(el.attributes)) {
      if (/^on/i.test(name)) problems.push(`${page}: ${el.rawTagName} has ${name}`);
      if (name === 'href' || name === 'src' || name === 'action') {
        // docs/security.md: javascript:, vbscript:, file: and data: (but images) never reach a URL attribute.
        const scheme = schemeOf(value);
        if (scheme && ['javascript', 'vbscript', 'file', 'data'].includes(scheme) && !SAFE_DATA_IMAGE.test(value))
          problems.push(`${page}: ${name}=${value}`);
      }
    }
  }
  // JSON-LD and JSON data cannot be closed early: the only "</script" in such a block is its own end tag.
  for (const m of html.matchAll(/<script type="application\/(?:ld\+)?json"[^>]*>([\s\S]*?)<\/script>/g)) {
    try {
      JSON.parse(m[1]!);
    } catch {
      problems.push(`${page}: JSON-LD does not parse`);
    }
  }
  return problems;
}

let buildRun = 0;

test(
  '20 full builds of random small content folders: success or ok:false with diagnostics, never a throw',
  { timeout: 120_000 },
  async (t) => {
    let built = 0;
    let failed = 0;
    const errorCodes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.boolean().chain(contentFolder), async (folder) => {
        const runDir = path.join(dir, `run-${++buildRun}`);
        const input = path.join(runDir, 'content');
        const files: Record<string, string> = {};
        if (folder.briefing !== undefined) files['briefing.md'] = folder.briefing;
        for (const [name, text] of folder.articles) files[`articles/${name}.md`] = text;
        for (const [name, text] of folder.entities) files[`entities/${name}.md`] = text;
        await writeTree(input, files);
        await fs.mkdir(path.join(input, 'articles'), { recursive: true });
        const output = path.join(runDir, 'site');
        const protoBefore = Object.getOwnPropertyNames(Object.prototype);

        const result = await build({ input, output });

        assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), protoBefore, 'Object.prototype is untouched');
        const problems: string[] = [];
        for (const d of result.diagnostics) {
          const rel = path.relative(input, d.file);
          const text = files[rel.split(path.sep).join('/')];
          problems.push(...diagnosticProblems(d, d.file, text?.split('\n')));
          if (rel.startsWith('..') || path.isAbsolute(rel)) problems.push(`${d.file}: outside the input folder`);
        }
        if (!folder.dirty)
          assert.equal(
            result.ok,
            true,
            `a clean folder builds: ${JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))}\n${JSON.stringify(files, null, 1)}`,
          );
        if (result.ok) {
          built++;
          assert.ok(!result.diagnostics.some((d) => d.severity === 'error'), 'a successful build has no errors');
          for (const page of (await listFiles(output)).filter((f) => f.endsWith('.html')))
            problems.push(...pageProblems(page, await fs.readFile(path.join(output, page), 'utf8')));
        } else {
          failed++;
          for (const d of result.diagnostics) if (d.severity === 'error') errorCodes.set(d.code, (errorCodes.get(d.code) ?? 0) + 1);
          assert.ok(
            result.diagnostics.some((d) => d.severity === 'error'),
            'a failed build (not --strict) reports an error',
          );
          await assert.rejects(fs.stat(output), { code: 'ENOENT' }, 'a failed build writes no output');
        }
        assert.deepEqual(problems, [], JSON.stringify(files, null, 1));
        await fs.rm(runDir, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env['FC_BUILD_RUNS'] ?? 20), includeErrorInReport: true },
    );
    t.diagnostic(
      `${built} builds succeeded, ${failed} failed with diagnostics (errors: ${[...errorCodes].map(([c, n]) => `${c} ×${n}`).join(', ') || 'none'})`,
    );
  },
);
