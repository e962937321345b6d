/**
 * `serve` edit benchmark.
 *
 *   npm run bench:edit -- [--articles 1000] [--repeat 3] [--seed S] [--keep]
 *
 * Generates the same corpus as `npm run bench`, builds it the way `briefing serve` does (one
 * process, keeping what the next rebuild can reuse), then edits one article at a time and times
 * `rebuild`, the function `serve` calls on a change, up to the moment it returns: that is when
 * `serve` tells the browser to reload. The search index is rewritten after that, in a worker;
 * each edit waits for it before the next. Prints every rebuild and the median against the
 * full build.
 */
import { promises as fs } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { compiledIsFresh } from '../bin/compiled.js';
import { DEFAULT_SEED, generateCorpus } from './generate.ts';
import { median, table } from './lib/report.ts';

// The compiled modules, as `briefing serve` runs them (bin/briefing.js); the sources when dist/ is stale.
const compiled = compiledIsFresh(fileURLToPath(new URL('..', import.meta.url)));
const load = async <T>(module: string, source: () => Promise<T>): Promise<T> =>
  compiled ? ((await import(new URL(`../dist/src/${module}.js`, import.meta.url).href)) as T) : source();
const { build } = await load('build', () => import('../src/build.ts'));
const { rebuild } = await load('incremental', () => import('../src/incremental.ts'));
const { limitHeapGrowth } = await load('runtime', () => import('../src/runtime.ts'));
// The heap growth `briefing serve` sets (src/cli.ts).
limitHeapGrowth();
if (!compiled) console.warn('dist/ is missing or stale (npm run compile): timing the TypeScript sources through tsx.');

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const repeat = Number(values.repeat);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 2 || !Number.isInteger(repeat) || repeat < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run bench:edit -- [--articles N ≥ 2] [--repeat R ≥ 1] [--seed S] [--keep]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'briefing-edit-bench-'));
const input = join(dir, 'content');
const output = join(dir, 'site');
try {
  const stats = generateCorpus(input, { articles, seed });
  console.log(`\nBriefing serve edit benchmark: ${stats.articles} articles, ${stats.entities} entities, seed ${seed}, ${repeat} edit(s)`);
  console.log(
    `node ${process.version}, ${cpus().length} CPU(s) ${cpus()[0]?.model.trim() ?? ''}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );

  let start = performance.now();
  let last = await build({ input, output, keepCache: true });
  const fullMs = performance.now() - start;
  if (!last.ok) throw new Error('the full build failed');
  console.error(`full build  ${(fullMs / 1000).toFixed(2)} s`);

  const names = (await fs.readdir(join(input, 'articles'))).sort();
  const rows: string[][] = [];
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    // Edits spread over the corpus, each a sentence naming an entity the article already names.
    const name = names[Math.floor(((i + 0.5) * names.length) / repeat)]!;
    const file = join(input, 'articles', name);
    const text = await fs.readFile(file, 'utf8');
    const mention = /\[\[[^\]]+\]\]/.exec(text)?.[0] ?? 'It';
    await fs.writeFile(file, `${text}\n${mention} was mentioned again in an edit.\n`);
    start = performance.now();
    const next = await rebuild({ input, output, keepCache: true }, last, new Set([file]));
    const ms = performance.now() - start;
    if (!next.ok) throw new Error(`the rebuild after editing ${name} failed`);
    await next.settled;
    last = next;
    times.push(ms);
    rows.push([name, String(next.pages), (ms / 1000).toFixed(2), `${((100 * ms) / fullMs).toFixed(0)}%`]);
    console.error(`edit ${i + 1}/${repeat}  ${name}  ${(ms / 1000).toFixed(2)} s`);
  }
  console.log(table(['edited article', 'pages', 'rebuild s', 'of full build'], rows));
  const med = median(times);
  console.log(
    `\nfull build ${(fullMs / 1000).toFixed(2)} s; rebuild median ${(med / 1000).toFixed(2)} s = ${((100 * med) / fullMs).toFixed(0)}% of it`,
  );
} finally {
  if (values.keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
