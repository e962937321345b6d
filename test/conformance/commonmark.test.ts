/**
 * CommonMark conformance (issue 5): the project's Markdown pipeline — `createMarkdown(registry)`
 * with the annotation plugin, run through `annotateBody` exactly as a build runs it — still passes
 * every CommonMark spec example (package `commonmark-spec`) that plain markdown-it with the same
 * options passes. The differences that remain are listed below by example number, each with its
 * reason, and the test asserts that the list is exactly right: a new deviation fails, and so does
 * a listed one that went away.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { annotate } from '../helpers/annotate.ts';

interface SpecExample {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

/** FORMAT.md §2 syntax in an example's input: a `[[`…`]]` mention or a `]{` attribute span. */
const ANNOTATION_SYNTAX = /\[\[|\]\{/;

/**
 * Intentional: the input holds annotation syntax (FORMAT.md §2), which the contract gives a
 * meaning plain CommonMark does not have.
 */
const ANNOTATION_DEVIATIONS: ReadonlyMap<number, string> = new Map([
  [
    548,
    '"[[[foo]]]": "[[foo]]" is a mention, so it renders as an entity link inside literal brackets; CommonMark has no link here (no reference "[foo]" is defined) and shows the text',
  ],
  [559, '"[[*foo* bar]]" is a mention (target "*foo* bar"), not a bracket around the reference link "[*foo* bar]"'],
  [590, '"![[foo]]" and "[[foo]]: /url" hold the mention "[[foo]]"; CommonMark shows both as literal text'],
]);

/**
 * Intentional deviations of the link policy (docs/format.md, "Links"): none. Only
 * javascript:, vbscript:, file: and data: are refused, which plain markdown-it refuses too; autolinks
 * with other schemes (irc:, made-up-scheme:, …) are links, as the spec says.
 */
const LINK_POLICY_DEVIATIONS: ReadonlyMap<number, string> = new Map<number, string>([]);

/**
 * Not intentional: a bug, each with its own todo test below (empty when there is none). Example 500,
 * `[link](foo\)\:)`, was one: its relative destination "foo):" holds a colon and was refused as if
 * it had a scheme; it is now compared like every other example.
 */
const KNOWN_BUGS: ReadonlyMap<number, string> = new Map<number, string>([]);

/** The spec writes tabs as "→"; markdown-it's own spec test (test/cmspec) turns them back into tabs. */
const tabs = (text: string): string => text.replace(/→/g, '\t');

/** The one normalisation markdown-it's own CommonMark test applies to the expected HTML. */
const normalize = (html: string): string => html.replace(/<blockquote>\n<\/blockquote>/g, '<blockquote></blockquote>');

/**
 * The plugin intentionally gives every block that holds text an anchor, `id="p-N"` (the target of
 * snippets and citations). That is the only attribute removed before comparing.
 */
const withoutBlockAnchors = (html: string): string => html.replace(/ id="p-\d+"/g, '');

const plain = new MarkdownIt('default', { html: false, linkify: true });
// commonmark-spec is CommonJS without type declarations.
const examples = (createRequire(import.meta.url)('commonmark-spec') as { tests: readonly SpecExample[] }).tests;

interface Outcome {
  readonly example: SpecExample;
  readonly input: string;
  readonly plain: string;
  readonly project: string;
}

/** Every example plain markdown-it passes, with what the project pipeline renders for it. */
const compared: Outcome[] = [];
for (const example of examples) {
  const input = tabs(example.markdown);
  const rendered = plain.render(input);
  if (rendered !== normalize(tabs(example.html))) continue;
  compared.push({ example, input, plain: rendered, project: withoutBlockAnchors(annotate(input).html) });
}
const deviating = new Set(compared.filter((o) => o.project !== o.plain).map((o) => o.example.number));

function explain(o: Outcome): string {
  return `example ${o.example.number} (${o.example.section}): ${JSON.stringify(o.input)}\n  plain:   ${JSON.stringify(o.plain)}\n  project: ${JSON.stringify(o.project)}`;
}

test('the spec examples load and most pass plain markdown-it', (t) => {
  assert.equal(examples.length, 652, 'commonmark-spec 0.31.2 has 652 examples');
  // html: false costs the raw-HTML examples; the rest pass.
  assert.ok(compared.length > 500, `${compared.length} examples pass plain markdown-it`);
  t.diagnostic(`compared ${compared.length} of ${examples.length} CommonMark examples (those plain markdown-it passes)`);
});

test('every example plain markdown-it passes renders the same through the project pipeline, except the listed deviations', () => {
  const unexpected = compared.filter(
    (o) =>
      deviating.has(o.example.number) &&
      !ANNOTATION_DEVIATIONS.has(o.example.number) &&
      !LINK_POLICY_DEVIATIONS.has(o.example.number) &&
      !KNOWN_BUGS.has(o.example.number),
  );
  assert.deepEqual(unexpected.map(explain), [], 'a new deviation from plain markdown-it');
});

test('the list of intentional deviations is exactly right (no stale entry)', () => {
  const intentional = [...ANNOTATION_DEVIATIONS.keys(), ...LINK_POLICY_DEVIATIONS.keys()].sort((a, b) => a - b);
  const actual = [...deviating].filter((n) => !KNOWN_BUGS.has(n)).sort((a, b) => a - b);
  assert.deepEqual(actual, intentional);
  const byNumber = new Map(compared.map((o) => [o.example.number, o]));
  for (const n of ANNOTATION_DEVIATIONS.keys()) {
    assert.match(byNumber.get(n)!.input, ANNOTATION_SYNTAX, `example ${n} is listed as annotation syntax`);
  }
  for (const n of LINK_POLICY_DEVIATIONS.keys()) {
    const o = byNumber.get(n)!;
    assert.doesNotMatch(o.input, ANNOTATION_SYNTAX, `example ${n}`);
    // The autolink is shown as its text, angle brackets escaped, and nothing else changes.
    const url = o.input.trim().slice(1, -1);
    assert.equal(o.project, `<p>&lt;${url}&gt;</p>\n`, `example ${n}`);
  }
});

for (const [n, bug] of KNOWN_BUGS) {
  test(`example ${n} renders as plain markdown-it renders it`, { todo: bug }, () => {
    const o = compared.find((c) => c.example.number === n);
    assert.ok(o, `example ${n} passes plain markdown-it`);
    assert.equal(o.project, o.plain, explain(o));
  });
}

test('examples without annotation syntax produce no diagnostics (no false positive on plain Markdown)', () => {
  const noisy: string[] = [];
  for (const example of examples) {
    const input = tabs(example.markdown);
    if (ANNOTATION_SYNTAX.test(input)) continue;
    const { diagnostics } = annotate(input);
    if (diagnostics.length > 0)
      noisy.push(`example ${example.number}: ${diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`).join(', ')}`);
  }
  assert.deepEqual(noisy, []);
});
