/**
 * The three things the benchmark compares, each as a command line plus a check that it really
 * produced the site: a tool that exits 0 but writes nothing must not get a fast time.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from './measure.ts';

export const TOOL_NAMES = ['briefing', 'eleventy', 'floor'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface Tool {
  readonly name: ToolName;
  readonly command: (corpus: string, out: string) => Command;
  /** Returns a problem description, or undefined when the output looks complete. */
  readonly verify: (out: string, articles: number) => string | undefined;
}

export interface ToolPaths {
  readonly repo: string;
  /** Working folder of the prepared plain Eleventy site (see eleventy-site.ts). */
  readonly eleventyCwd: string;
  readonly eleventyConfig: string;
}

function countEntries(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

const expectCount = (what: string, got: number, want: number): string | undefined =>
  got === want ? undefined : `expected ${want} ${what}, found ${got}`;

export function makeTools(p: ToolPaths): Record<ToolName, Tool> {
  return {
    briefing: {
      name: 'briefing',
      command: (corpus, out) => ({
        args: [join(p.repo, 'bin', 'briefing.js'), 'build', '--input', corpus, '--output', out, '--quiet'],
        cwd: p.repo,
      }),
      verify: (out, n) => {
        // data/articles.json is part of the output contract (FORMAT.md §4), so it is the cheapest
        // honest proof that every article went through the build.
        const file = join(out, 'data', 'articles.json');
        if (!existsSync(join(out, 'index.html'))) return `no index.html in ${out}`;
        if (!existsSync(file)) return `no data/articles.json in ${out}`;
        const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
        return expectCount('entries in data/articles.json', Array.isArray(list) ? list.length : -1, n);
      },
    },
    eleventy: {
      name: 'eleventy',
      // Relative --output, run from the site folder; see eleventy-site.ts for why.
      command: (_corpus, out) => ({
        args: [
          join(p.repo, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'),
          `--config=${p.eleventyConfig}`,
          `--output=${relative(p.eleventyCwd, out)}`,
          '--quiet',
        ],
        cwd: p.eleventyCwd,
      }),
      verify: (out, n) => expectCount('article pages', countEntries(join(out, 'articles')), n),
    },
    floor: {
      name: 'floor',
      command: (corpus, out) => ({
        args: [join(p.repo, 'bench', 'floor.mjs'), corpus, out],
        cwd: p.repo,
      }),
      verify: (out, n) => expectCount('article pages', countEntries(join(out, 'articles')), n),
    },
  };
}
