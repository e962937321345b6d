/**
 * axe-core, run in Chromium on each kind of page of the example briefing (opened from disk),
 * finds no violation of serious or critical impact.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { buildExample, foreignRequests, openExample, removeDir, WAIT, type BuiltSite, type ExampleSession } from './helpers.ts';

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

let site: BuiltSite;

let context: BrowserContext;
let requests: string[];
let axeSource: string;
let article: string;
/** A publication's page: the first in data/sources.json (a profiled one once the example has records). */
let publication: string;

let session: ExampleSession;

before(async () => {
  const require = createRequire(import.meta.url);
  axeSource = await fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  session = await openExample();
  ({ site, article, context, requests } = session);
  const sources = JSON.parse(await fs.readFile(path.join(site.out, 'data/sources.json'), 'utf8')) as { page: string }[];
  publication = sources[0]!.page;
});

after(async () => session?.close());

function describe(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact}: ${v.id} — ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n')}`,
    )
    .join('\n');
}

const PAGES: [string, () => string, string?][] = [
  ['home', () => 'index.html'],
  ['article', () => article],
  ['entity fact sheet', () => 'entities/kim-jong-un.html'],
  ['fact sheet with disputed facts', () => 'entities/missile-launch-2023-09-13.html'],
  ['entity index', () => 'entities/index.html'],
  ['timeline', () => 'timeline.html'],
  ['sources', () => 'sources.html'],
  ['publication', () => publication],
  ['search with a query', () => 'search.html', '?q=Putin'],
];

/** axe's serious and critical violations on the page at `url`, described; waits for search results with a query. */
async function seriousViolations(url: string, query?: string): Promise<string> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  try {
    await page.goto(url + (query ?? ''), { waitUntil: 'load' });
    if (query) await page.waitForSelector('#search-results li.search-result');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations;
    });
    return describe(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
  } finally {
    await page.close();
  }
}

for (const [kind, rel, query] of PAGES) {
  test(`axe finds no serious or critical violation on the ${kind} page`, async () => {
    assert.equal(await seriousViolations(site.fileUrl(rel()), query), '', `${rel()}${query ?? ''}`);
  });
}

test('axe finds no serious or critical violation on a profiled publication page, nor on citations with reliability badges', async () => {
  const desk = await buildExample({ input: 'test/fixtures/sites/sources-desk' });
  try {
    for (const rel of ['sources/harbour-gazette.html', 'sources/dockside-radio.html', 'entities/port-authority.html']) {
      assert.equal(await seriousViolations(desk.fileUrl(rel)), '', rel);
    }
  } finally {
    await removeDir(desk.tmp);
  }
});

test('the pages checked request nothing but files', () => {
  assert.deepEqual(
    foreignRequests(requests, (u) => u.protocol === 'file:'),
    [],
  );
});
