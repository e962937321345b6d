/**
 * Claim records (`claims/<id>.md`, FORMAT.md §5; issue 19 items 1, 5 and 6) on a content folder
 * written for this test, test/fixtures/sites/records: two reports of a cracked spillway, a
 * disputed plan for the reservoir, and claims without records. Every expected value below is
 * worked out from those files by hand.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, check, type Diagnostic } from '../../src/index.ts';
import { readJson, tempDir } from '../helpers/site.ts';

const INPUT = path.resolve('test/fixtures/sites/records');
let dir: string;
let out: string;
let result: Awaited<ReturnType<typeof build>>;

before(async () => {
  dir = await tempDir();
  out = path.join(dir, 'site');
  result = await build({ input: INPUT, output: out });
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

const lines = (diagnostics: readonly Diagnostic[], input = INPUT): string[] =>
  diagnostics.map((d) => `${path.relative(input, d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);

const page = (rel: string): Promise<string> => fs.readFile(path.join(out, rel), 'utf8');

/** The `<article>` of one fact on a page. */
function card(html: string, id: string): string {
  const start = html.indexOf(`<article class="claim-card`, html.indexOf(`id="fact-${id}"`) - 80);
  assert.ok(start >= 0, `fact ${id} is on the page`);
  return html.slice(start, html.indexOf('</article>', start));
}

function jsonLd(html: string): { '@graph': Record<string, unknown>[] } {
  const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  assert.ok(m, 'the page has JSON-LD');
  return JSON.parse(m[1]!) as { '@graph': Record<string, unknown>[] };
}

test('the folder builds; the unused record and the unknown about target are warnings at their places', () => {
  assert.equal(result.ok, true);
  assert.deepEqual(lines(result.diagnostics), [
    'claims/dam-closed.md:1:1: warning: claims/dam-closed.md is the record of claim "dam-closed", which no article uses (no span has claim=dam-closed)',
    'claims/spillway-crack.md:4:26: warning: about target "Valley Engineers Guild" matches no entity id, name or alias: add entities/valley-engineers-guild.md or correct the name (a stub page is built for now)',
  ]);
});

test('data/claims.json: statement and credibility only from records; about and date from the record', async () => {
  const claims = await readJson<Record<string, unknown>[]>(out, 'data/claims.json');
  const byId = new Map(claims.map((c) => [c.id, c]));
  assert.deepEqual(byId.get('spillway-crack'), {
    id: 'spillway-crack',
    reports: [
      { article: 'herald-spillway', text: 'The Kessel Dam spillway cracked on Friday', date: '2024-03-01' },
      { article: 'wire-spillway', text: 'A crack opened in the spillway of the Kessel Dam' },
    ],
    // Kessel Dam from the reports, the others from the record's `about` (one a stub).
    subjects: ['kessel-dam', 'river-authority', 'valley-engineers-guild'],
    sourceCount: 2,
    conflicts: [],
    statement: 'The spillway of the Kessel Dam cracked.',
    credibility: 2,
  });
  assert.equal(
    byId.get('reservoir-lowered')!.statement,
    'The River Authority said the reservoir would be lowered <script>alert("s")</script> & "kept safe".',
  );
  assert.equal(byId.get('reservoir-lowered')!.credibility, 4);
  for (const id of ['inspectors-arrive', 'levels-falling', 'reservoir-drained']) {
    assert.equal('statement' in byId.get(id)!, false, id);
    assert.equal('credibility' in byId.get(id)!, false, id);
  }
  assert.equal(byId.has('dam-closed'), false, 'a record makes no claim by itself');
  // The record's date overrides the reports' date=.
  assert.equal(result.model!.claims.find((c) => c.id === 'spillway-crack')!.date?.iso, '2024-02-29');
});

test('data/entities.json: stub: true only on the stub; mentions in records are not counted', async () => {
  const entities = await readJson<{ id: string; mentionCount: number; articles: string[]; stub?: boolean }[]>(out, 'data/entities.json');
  assert.deepEqual(
    entities.map((e) => [e.id, e.mentionCount, e.articles, e.stub]),
    [
      // Ana Pereira is also named in a note, Kessel Dam in a statement and in briefing.md: not counted.
      ['ana-pereira', 1, ['herald-spillway'], undefined],
      ['kessel-dam', 3, ['herald-spillway', 'wire-spillway'], undefined],
      ['river-authority', 2, ['herald-spillway'], undefined],
      ['valley-engineers-guild', 0, [], true],
    ],
  );
  assert.equal(JSON.stringify(entities).match(/"stub"/g)?.length, 1);
});

test('a fact sheet: the statement with its links, the credibility in words, the note one click away', async () => {
  const sheet = await page('entities/river-authority.html');
  const crack = card(sheet, 'spillway-crack');
  assert.match(
    crack,
    /<p class="claim-statement">The spillway of the <a class="mention" href="\.\.\/entities\/kessel-dam\.html" data-entity="kessel-dam">Kessel Dam<\/a> cracked\.<\/p>/,
  );
  assert.match(crack, /<details class="credibility credibility-2"><summary>[^]*probably true[^]*<\/summary>/);
  assert.match(
    crack,
    /<div class="credibility-note"><p>Two outlets report the crack independently, and <a class="mention" href="\.\.\/entities\/ana-pereira\.html"/,
  );
  // Each report's own words are its citation, with source, date and a link to the paragraph.
  assert.match(
    crack,
    /<a class="citation" href="\.\.\/articles\/herald-spillway\.html#claim-spillway-crack">Valley Herald, “Spillway cracks at Kessel Dam”<\/a><span class="cite-when">, <time datetime="2024-03-02">[^<]+<\/time><\/span>: <q>The Kessel Dam spillway cracked on Friday<\/q>/,
  );
  assert.match(crack, /<time datetime="2024-02-29">/);
  assert.doesNotMatch(crack, / id="p-/, 'a note adds no paragraph ids to the page (every note would have p-1)');
});

test('a claim without a record: the earliest report that reads as a sentence, quoted from its source', async () => {
  const sheet = await page('entities/river-authority.html');
  const inspectors = card(sheet, 'inspectors-arrive');
  // Northern Wire's report (1 March) is earlier than Valley Herald's (2 March).
  assert.match(
    inspectors,
    /<p class="claim-statement claim-quoted"><q>Inspectors arrived at the dam on Saturday<\/q> <span class="quoted-from">— <cite>Northern Wire<\/cite><\/span><\/p>/,
  );
  // The quoted report is not quoted again in its citation; the other report's words are.
  assert.match(
    inspectors,
    /Northern Wire, “Crack in Kessel spillway”<\/a><span class="cite-when">, <time datetime="2024-03-01">[^<]+<\/time><\/span><\/li>/,
  );
  assert.match(inspectors, /: <q>inspectors from the River Authority arrived<\/q>/);
  assert.doesNotMatch(inspectors, /credibility/);
  // One report only, not a sentence: still its words, still a quotation, in the fact sheet's
  // compact list of single-source facts, beside the source it is quoted from.
  assert.match(
    await page('entities/kessel-dam.html'),
    /<li class="fact-line" id="fact-levels-falling"><span class="fact-text"><q>water levels at the Kessel Dam were already falling<\/q><\/span> <span class="fact-cite"><a class="cite" href="\.\.\/articles\/herald-spillway\.html#claim-levels-falling">Valley Herald<\/a>/,
  );
});

test('on the home page: record statements link from the root; without a record, the words are quoted', async () => {
  const home = await page('index.html');
  assert.match(card(home, 'reservoir-lowered'), /<p class="claim-statement">The <a class="mention" href="entities\/river-authority\.html"/);
  // The conflict it names has no record: its words, quoted, and whose.
  assert.match(
    card(home, 'reservoir-lowered'),
    /<a href="articles\/wire-spillway\.html#claim-reservoir-drained"><q>The reservoir will be drained completely<\/q> — Northern Wire<\/a>/,
  );
  assert.match(home, /<p class="compare-statement">The spillway of the <a class="mention" href="entities\/kessel-dam\.html"/);
  assert.match(
    home,
    /<p class="compare-statement claim-quoted"><q>Inspectors arrived at the dam on Saturday<\/q> <span class="quoted-from">— <cite>Northern Wire<\/cite>/,
  );
  assert.match(
    home,
    /<li><q>water levels at the Kessel Dam were already falling<\/q> <a class="cite" href="articles\/herald-spillway\.html#claim-levels-falling">Valley Herald<\/a><\/li>/,
  );
});

test('hostile text in a statement and a note is escaped in the HTML and in the JSON-LD', async () => {
  const sheet = await page('entities/river-authority.html');
  const lowered = card(sheet, 'reservoir-lowered');
  assert.match(lowered, /would be lowered &lt;script&gt;alert\(&quot;s&quot;\)&lt;\/script&gt; &amp; &quot;kept safe&quot;\./);
  assert.match(lowered, /contradicts it\. &lt;img src=x onerror=alert\(&quot;n&quot;\)&gt; &lt;\/script&gt;<\/p>/);
  assert.doesNotMatch(sheet, /<script>alert|<img src=x/);
  const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(sheet)![1]!;
  assert.doesNotMatch(ld, /<|>/, 'no < or > in the JSON-LD text');
  assert.match(ld, /\\u003cscript\\u003ealert/);
});

test('ClaimReview JSON-LD for each graded claim a fact sheet shows, on the 1–6 scale', async () => {
  const graph = jsonLd(await page('entities/river-authority.html'))['@graph'];
  const reviews = graph.filter((g) => g['@type'] === 'ClaimReview');
  assert.deepEqual(reviews[0], {
    '@type': 'ClaimReview',
    claimReviewed: 'The spillway of the Kessel Dam cracked.',
    url: '../entities/river-authority.html#fact-spillway-crack',
    author: { '@type': 'Organization', name: 'Valley Desk' },
    reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 1, worstRating: 6, alternateName: 'probably true' },
    itemReviewed: {
      '@type': 'Claim',
      firstAppearance: {
        '@type': 'NewsArticle',
        headline: 'Crack in Kessel spillway',
        url: '../articles/wire-spillway.html#claim-spillway-crack',
      },
      appearance: [
        { '@type': 'NewsArticle', headline: 'Spillway cracks at Kessel Dam', url: '../articles/herald-spillway.html#claim-spillway-crack' },
      ],
    },
  });
  assert.equal(
    reviews[1]!.claimReviewed,
    'The River Authority said the reservoir would be lowered <script>alert("s")</script> & "kept safe".',
  );
  assert.deepEqual(reviews[1]!.reviewRating, {
    '@type': 'Rating',
    ratingValue: 4,
    bestRating: 1,
    worstRating: 6,
    alternateName: 'doubtful',
  });
  assert.equal(reviews.length, 2, 'claims without a credibility get no review');
  // Ana Pereira's sheet shows only reservoir-lowered (she is named in spillway-crack's note, which is no subject).
  const ana = jsonLd(await page('entities/ana-pereira.html'))['@graph'].filter((g) => g['@type'] === 'ClaimReview');
  assert.deepEqual(
    ana.map((r) => (r.reviewRating as { ratingValue: number }).ratingValue),
    [4],
  );
});

test('check reports the same as build', async () => {
  assert.deepEqual(lines((await check({ input: INPUT })).diagnostics), lines(result.diagnostics));
});

test('bad records: each problem in words, at its key or value', async () => {
  // Copied without its expected.json (test/security/broken.test.ts checks the positions against it).
  const input = path.join(dir, 'bad-claim-records');
  await fs.cp(path.resolve('test/fixtures/broken/bad-claim-records'), input, {
    recursive: true,
    filter: (f) => path.basename(f) !== 'expected.json',
  });
  const scale =
    'write a whole number from 1 to 6 (1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged)';
  const got = (await check({ input })).diagnostics.map(
    (d) => `${path.relative(input, d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`,
  );
  assert.deepEqual(got.sort(), [
    `claims/bridge-shut.md:3:14: error: "credibility": 0 is not a credibility: ${scale}`,
    `claims/ferry-late.md:3:14: error: "credibility": 7 is not a credibility: ${scale}`,
    'claims/harbour-dredged.md:1:1: warning: claims/harbour-dredged.md is the record of claim "harbour-dredged", which no article uses (no span has claim=harbour-dredged)',
    'claims/market-fell.md:3:7: error: "date": "2024-13-01" has no month 13',
    `claims/port-open.md:3:14: error: "credibility": "high" is not a credibility: ${scale}`,
    `claims/rail-strike.md:2:1: error: missing required key "statement" (the fact in the editor's neutral words, one sentence)`,
    'claims/storm-warning.md:2:12: error: "statement": must be one sentence, not paragraphs (put the reasoning in the note, below the front matter)',
    'claims/tunnel-flood.md:3:9: warning: about target "Alpah" matches no entity id, name or alias; did you mean "alpha"? (or add entities/alpah.md; a stub page is built for now)',
  ]);
});

test('a record of a mistyped claim id suggests the id articles use', async () => {
  const input = path.join(dir, 'twin');
  await fs.cp(INPUT, input, { recursive: true });
  await fs.rename(path.join(input, 'claims/spillway-crack.md'), path.join(input, 'claims/spilway-crack.md'));
  const got = lines(
    (await check({ input })).diagnostics.filter((d) => d.code === 'unused-claim-record'),
    input,
  );
  assert.deepEqual(got, [
    'claims/dam-closed.md:1:1: warning: claims/dam-closed.md is the record of claim "dam-closed", which no article uses (no span has claim=dam-closed)',
    'claims/spilway-crack.md:1:1: warning: claims/spilway-crack.md is the record of claim "spilway-crack", which no article uses (no span has claim=spilway-crack); did you mean "spillway-crack"?',
  ]);
});
