/**
 * No quadratic step: the same generator at two sizes, and every per-item work counter of the
 * model must grow no faster than the content. Counts, not clock time, so a busy machine cannot
 * make this pass or fail.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { generateCorpus } from '../../bench/generate.ts';
import { analyze } from '../../src/index.ts';
import { newCounters, RELATED_WINDOW, type ModelCounters } from '../../src/model/build-model.ts';
import { tempDir, writeTree } from '../helpers/site.ts';

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function countsFor(articles: number): Promise<{ counters: ModelCounters; mentions: number; pages: number }> {
  const dir = await tempDir();
  dirs.push(dir);
  const input = path.join(dir, 'content');
  generateCorpus(input, { articles, seed: 7 });
  const counters = newCounters();
  const result = await analyze({ input, counters });
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics.slice(0, 3)));
  return { counters, mentions: result.model!.stats.mentions, pages: result.model!.articles.length + result.model!.entities.length };
}

test('model work grows linearly with the content (200 → 400 articles)', { timeout: 120_000 }, async () => {
  const small = await countsFor(200);
  const large = await countsFor(400);
  const contentGrowth = large.mentions / small.mentions;
  assert.ok(contentGrowth > 1.7 && contentGrowth < 2.3, `the corpus doubles (mentions ×${contentGrowth.toFixed(2)})`);
  for (const key of Object.keys(small.counters) as (keyof ModelCounters)[]) {
    const a = small.counters[key];
    const b = large.counters[key];
    assert.ok(a > 0, `${key} is counted`);
    // Linear work grows like the content; allow 25% for the generator's popularity skew.
    assert.ok(
      b / a <= contentGrowth * 1.25,
      `${key}: ${a} → ${b} (×${(b / a).toFixed(2)}) grows faster than the content (×${contentGrowth.toFixed(2)})`,
    );
  }
});

/** A briefing whose one article has one paragraph naming `n` different entities (stubs: unknown names). */
async function oneCrowdedParagraph(n: number): Promise<{ counters: ModelCounters; related: number; mentions: number }> {
  const dir = await tempDir();
  dirs.push(dir);
  const input = path.join(dir, 'content');
  const names = Array.from({ length: n }, (_, i) => `[[Person ${i}]]`).join(', ');
  await writeTree(input, {
    'briefing.md': '---\ntitle: Crowded\n---\nSummary.\n',
    'articles/crowd.md': `---\ntitle: Everyone\nsource: Wire\npublished: 2023-09-13\n---\nPresent were ${names}.\n`,
  });
  const counters = newCounters();
  const result = await analyze({ input, counters });
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error').slice(0, 3)));
  // What data/entities.json lists as `related`, summed over the entities.
  const related = result.model!.entities.reduce((sum, e) => sum + e.relatedWeights.ids.length, 0);
  return { counters, related, mentions: result.model!.stats.mentions };
}

test(
  'one paragraph naming thousands of entities: co-occurrence and the related lists grow linearly (1,500 → 3,000)',
  { timeout: 120_000 },
  async () => {
    const small = await oneCrowdedParagraph(1_500);
    const large = await oneCrowdedParagraph(3_000);
    assert.equal(large.mentions, 2 * small.mentions);
    for (const [what, a, b] of [
      ['pairs', small.counters.pairs, large.counters.pairs],
      ['related entries', small.related, large.related],
    ] as const) {
      assert.ok(a > 0, `${what} are counted`);
      // Linear: ×2 (and a little for the window's edges); every pair counted would be ×4.
      assert.ok(b / a <= 2.1, `${what}: ${a} → ${b} (×${(b / a).toFixed(2)}) grows faster than the paragraph (×2)`);
    }
    // Each mention contributes at most RELATED_WINDOW pairs, and each pair two related entries.
    assert.ok(large.counters.pairs <= RELATED_WINDOW * large.mentions, `${large.counters.pairs} pairs for ${large.mentions} mentions`);
    assert.ok(large.related <= 2 * large.counters.pairs);
  },
);
