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
import { foreignRequests, openExample, WAIT, type BuiltSite, type ExampleSession } from './helpers.ts';

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

let session: ExampleSession;

before(async () => {
  const require = createRequire(import.meta.url);
  axeSource = await fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  session = await openExample();
  ({ site, article, context, requests } = session);
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
  ['search with a query', () => 'search.html', '?q=Putin'],
];

for (const [kind, rel, query] of PAGES) {
  test(`axe finds no serious or critical violation on the ${kind} page`, async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    try {
      await page.goto(site.fileUrl(rel()) + (query ?? ''), { waitUntil: 'load' });
      if (query) await page.waitForSelector('#search-results li.search-result');
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations;
      });
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.equal(bad.length, 0, `${rel()}${query ?? ''}:\n${describe(bad)}`);
    } finally {
      await page.close();
    }
  });
}

test('the pages checked request nothing but files', () => {
  assert.deepEqual(
    foreignRequests(requests, (u) => u.protocol === 'file:'),
    [],
  );
});
