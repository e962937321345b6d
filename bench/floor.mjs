/**
 * The "bare script" floor: the least work that turns the articles into HTML pages.
 *
 *   node bench/floor.mjs <corpus dir> <out dir>
 *
 * gray-matter + markdown-it + one file write per article, nothing else: no entity pages, no
 * annotations, no indexes. Any site generator doing the same Markdown work costs at least this.
 * Plain JavaScript, like the compiled Briefing it is compared with: no loader at start-up.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';

const [input, output] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  console.error('usage: floor.mjs <corpus dir> <out dir>');
  process.exit(2);
}

// Same options Eleventy gives markdown-it, so both render the same HTML.
const md = new MarkdownIt({ html: true });
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const src = join(input, 'articles');
const dst = join(output, 'articles');
mkdirSync(dst, { recursive: true });
// Synchronous I/O on purpose: measured at 10,000 articles on the 2-core bench VM, awaiting
// fs/promises one file at a time took 10 s (thread-pool round trips), 64 writes in flight 4.6 s
// wall but 6.6 s CPU, and plain sync calls 4.4 s wall and 4.6 s CPU. A floor should be the cheapest.
for (const file of readdirSync(src)) {
  if (!file.endsWith('.md')) continue;
  const { data, content } = matter(readFileSync(join(src, file), 'utf8'));
  const title = escape(String(data.title ?? file));
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1>\n${md.render(content)}</body></html>\n`;
  writeFileSync(join(dst, file.replace(/\.md$/, '.html')), html);
}
