/**
 * Briefing build benchmark.
 *
 *   npm run bench -- [--articles 1000] [--repeat 3] [--seed S] [--tools briefing,eleventy,floor]
 *                    [--sizes 10000,20000] [--keep] [--json]
 *
 * Generates a synthetic corpus in a temp folder, then for each repetition runs, one after the
 * other, a full `briefing build`, a plain Eleventy 3 build of the same article Markdown, and a
 * bare gray-matter + markdown-it script, each as its own process, and reports wall time, CPU time
 * and peak RSS. See bench/README.md for what the columns mean.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compiledIsFresh } from '../bin/compiled.js';
import { DEFAULT_SEED, generateCorpus, type CorpusStats } from './generate.ts';
import { prepareEleventySite } from './lib/eleventy-site.ts';
import { CommandFailed, flushDisks, killRunningChild, measure, type Measurement } from './lib/measure.ts';
import { growthTable, ratioTable, summarize, summaryTable, type Summary } from './lib/report.ts';
import { makeTools, TOOL_NAMES, type ToolName } from './lib/tools.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

interface Options {
  readonly sizes: readonly number[];
  readonly repeat: number;
  readonly seed: number;
  readonly tools: readonly ToolName[];
  readonly keep: boolean;
  readonly json: boolean;
  readonly scaling: boolean;
}

class UsageError extends Error {}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} needs a positive integer, got "${text}"`);
  return n;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      repeat: { type: 'string', default: '3' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      sizes: { type: 'string' },
      tools: { type: 'string' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const scaling = values.sizes !== undefined;
  const sizes = (values.sizes ?? values.articles).split(',').map((x) => positiveInt('sizes', x.trim()));
  // The scaling study is about Briefing; the comparison needs all three unless told otherwise.
  const tools = (values.tools ?? (scaling ? 'briefing' : TOOL_NAMES.join(','))).split(',').map((t) => {
    const name = TOOL_NAMES.find((n) => n === t.trim());
    if (name === undefined) throw new UsageError(`--tools takes ${TOOL_NAMES.join(', ')}; got "${t}"`);
    return name;
  });
  return {
    sizes,
    repeat: positiveInt('repeat', values.repeat),
    seed: Number(values.seed),
    tools: [...new Set(tools)],
    keep: values.keep,
    json: values.json,
    scaling,
  };
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Run {
  readonly tool: ToolName;
  readonly size: number;
  readonly repetition: number;
  readonly measurement: Measurement;
}

async function runAll(opts: Options, work: string): Promise<{ runs: Run[]; corpora: CorpusStats[] }> {
  const corpora: CorpusStats[] = [];
  const sites = new Map<number, ReturnType<typeof makeTools>>();
  for (const size of opts.sizes) {
    const started = performance.now();
    const corpus = generateCorpus(join(work, `corpus-${size}`), { articles: size, seed: opts.seed });
    corpora.push(corpus);
    log(
      `corpus ${size}: ${corpus.entities} entities, ${corpus.claims} claim ids, ${corpus.words} words ` +
        `(${Math.round(performance.now() - started)} ms) in ${corpus.dir}`,
    );
    const site = opts.tools.includes('eleventy')
      ? prepareEleventySite(corpus.dir, join(work, `eleventy-${size}`))
      : { cwd: work, configFile: 'unused' };
    sites.set(size, makeTools({ repo: REPO, eleventyCwd: site.cwd, eleventyConfig: site.configFile }));
  }

  const runs: Run[] = [];
  for (let rep = 0; rep < opts.repeat; rep++) {
    // Rotate the order each repetition so no tool always runs first (cold caches) or last.
    const order = opts.tools.map((_, i) => opts.tools[(i + rep) % opts.tools.length] as ToolName);
    for (const size of opts.sizes) {
      const tools = sites.get(size);
      if (tools === undefined) throw new Error(`no tools for size ${size}`);
      for (const name of order) {
        const tool = tools[name];
        const corpus = join(work, `corpus-${size}`);
        const out = join(work, `out-${name}-${size}`);
        rmSync(out, { recursive: true, force: true });
        flushDisks();
        const { measurement, stderr } = await measure(tool.command(corpus, out), join(work, `rusage-${name}.json`));
        const problem = tool.verify(out, size);
        if (problem !== undefined) throw new CommandFailed(`${name} build at ${size} articles: ${problem}`, stderr, '');
        runs.push({ tool: name, size, repetition: rep + 1, measurement });
        const m = measurement;
        log(
          `rep ${rep + 1}/${opts.repeat}  ${name.padEnd(8)} ${String(size).padStart(6)}  wall ${(m.wallMs / 1000).toFixed(2)} s` +
            `  CPU ${(m.cpuMs / 1000).toFixed(2)} s  RSS ${(m.maxRssKiB / 1024).toFixed(0)} MiB`,
        );
        // Keep the last outputs for inspection with --keep; otherwise free the disk now.
        if (!opts.keep) rmSync(out, { recursive: true, force: true });
      }
    }
  }
  return { runs, corpora };
}

function report(opts: Options, runs: readonly Run[], corpora: readonly CorpusStats[]): void {
  const cpu = cpus();
  const summaries: { tool: ToolName; size: number; summary: Summary }[] = [];
  for (const size of opts.sizes) {
    for (const tool of opts.tools) {
      const label = opts.scaling ? `${tool} @${size}` : tool;
      const ms = runs.filter((r) => r.tool === tool && r.size === size).map((r) => r.measurement);
      summaries.push({ tool, size, summary: summarize(label, ms) });
    }
  }
  const corpusLine = corpora
    .map((c) => `${c.articles} articles (${c.entities} entities, ${c.claims} claim ids, ${c.words} words)`)
    .join('; ');
  console.log(`\nBriefing benchmark: ${corpusLine}, seed ${opts.seed}, ${opts.repeat} repetition(s)`);
  console.log(
    `node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model ?? ''}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform}, ` +
      // Other work on the machine shows up as noise; the load average tells the reader.
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}\n`,
  );
  console.log(summaryTable(summaries.map((s) => s.summary)));

  const find = (tool: ToolName): Summary | undefined => summaries.find((s) => s.tool === tool)?.summary;
  if (!opts.scaling) {
    const b = find('briefing');
    const pairs = (['eleventy', 'floor'] as const)
      .map((other) => [b, find(other)] as const)
      .filter((p): p is readonly [Summary, Summary] => p[0] !== undefined && p[1] !== undefined);
    if (pairs.length > 0) console.log(`\n${ratioTable(pairs)}`);
  } else if (opts.sizes.length > 1) {
    for (const tool of opts.tools) console.log(`\n${growthTable(summaries.filter((s) => s.tool === tool))}`);
  }
  for (const s of summaries) {
    if (s.summary.descendantCpuMaxMs > 0) {
      console.log(
        `\nnote: ${s.summary.label} started subprocesses that used up to ${(s.summary.descendantCpuMaxMs / 1000).toFixed(2)} s ` +
          'CPU; that is not in its CPU column, and their memory is not in its RSS column.',
      );
    }
  }
  if (opts.json) {
    console.log(
      JSON.stringify(
        {
          node: process.version,
          cpus: cpu.length,
          cpuModel: cpu[0]?.model,
          platform: process.platform,
          loadavg: loadavg(),
          seed: opts.seed,
          repeat: opts.repeat,
          corpora: corpora.map(({ dir: _dir, ...c }) => c),
          summaries: summaries.map((s) => ({ tool: s.tool, size: s.size, ...s.summary })),
          runs,
        },
        null,
        2,
      ),
    );
  }
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseOptions();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  if (opts.tools.includes('briefing') && !existsSync(join(REPO, 'bin', 'briefing.js'))) {
    console.error(`bench: ${join(REPO, 'bin', 'briefing.js')} does not exist; nothing to measure.`);
    console.error('bench: use --tools eleventy,floor to measure only the reference builds.');
    return 1;
  }
  // bin/briefing.js runs dist/ when it is up to date (`npm run bench` compiles first), else the sources through tsx.
  if (opts.tools.includes('briefing') && !compiledIsFresh(REPO)) {
    console.warn(
      'bench: dist/ is missing or stale (npm run compile): timing the TypeScript sources through tsx, about 1 s slower at 10,000 articles.',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  const cleanup = (): void => {
    if (opts.keep) return log(`kept ${work}`);
    // maxRetries: after Ctrl-C the stopped child may still be closing files in there.
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('SIGINT', () => {
    killRunningChild();
    cleanup();
    process.exit(130);
  });
  try {
    const { runs, corpora } = await runAll(opts, work);
    report(opts, runs, corpora);
    return 0;
  } catch (err) {
    if (!(err instanceof CommandFailed)) throw err;
    // Never print numbers for a build that failed: show why it failed instead.
    console.error(`bench: ${err.message}`);
    if (err.stderr.trim() !== '') console.error(`--- stderr ---\n${err.stderr.trimEnd()}`);
    if (err.stdout.trim() !== '') console.error(`--- stdout ---\n${err.stdout.trimEnd()}`);
    return 1;
  } finally {
    cleanup();
  }
}

process.exitCode = await main();
