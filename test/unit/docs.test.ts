/**
 * The docs stay true where a test can tell: every relative link of the Markdown docs names a file
 * of the repository, and the deployment example (docs/deploy.md) builds and publishes the folder
 * the build writes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = path.join(root, 'docs');

/** docs/*.md and the Markdown at the top of the repository (README, CONTRIBUTING). */
function markdownFiles(): string[] {
  const top = readdirSync(root).filter((f) => f.endsWith('.md'));
  const inDocs = readdirSync(docs).filter((f) => f.endsWith('.md'));
  return [...top.map((f) => path.join(root, f)), ...inDocs.map((f) => path.join(docs, f))];
}

/** The targets of a Markdown file's links and images. */
function targets(file: string): string[] {
  return linksIn(readFileSync(file, 'utf8'));
}

/** The targets of Markdown text's links and images, as markdown-it reads them (code is not read). */
function linksIn(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>): void => {
    for (const t of tokens) {
      const target = t.type === 'link_open' ? t.attrGet('href') : t.type === 'image' ? t.attrGet('src') : null;
      if (target !== null) found.push(target);
      if (t.children) walk(t.children);
    }
  };
  walk(new MarkdownIt().parse(markdown, {}));
  return found;
}

/** A link to a file of the repository: no scheme, not `//host`, not only a `#fragment`. */
function isRelative(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//') && !target.startsWith('#') && target !== '';
}

test('every relative link in README.md, CONTRIBUTING.md and docs/*.md names a file of the repository', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const file of markdownFiles()) {
    for (const target of targets(file).filter(isRelative)) {
      checked++;
      const rel = decodeURIComponent(target.replace(/[?#].*$/, ''));
      const resolved = path.resolve(path.dirname(file), rel);
      const inside = resolved.startsWith(root);
      if (!inside || !existsSync(resolved)) broken.push(`${path.relative(root, file)}: ${target}`);
    }
  }
  assert.deepEqual(broken, []);
  // Not vacuous: the docs link to each other (README → docs/deploy.md among them).
  assert.ok(checked > 10, `${checked} links checked`);
  assert.ok(targets(path.join(root, 'README.md')).includes('docs/deploy.md'), 'the README points to docs/deploy.md');
});

test('the link check sees a broken link (it is not vacuous)', () => {
  const links = linksIn('[a](docs/nowhere.md) [b](https://example.org/) [c](#top) `[d](x.md)`\n\n![e](images/e.png)\n');
  assert.deepEqual(links.filter(isRelative), ['docs/nowhere.md', 'images/e.png']);
  assert.equal(existsSync(path.join(root, 'docs/nowhere.md')), false);
});

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { readonly steps: readonly Step[]; readonly needs?: string }>;
}

/** The value of `--output` in a build command, or the default, `_site`. */
function outputOf(command: string): string {
  return /--output[ =](\S+)/.exec(command)?.[1] ?? '_site';
}

test('the GitHub Pages example is valid YAML that builds with briefing and publishes the folder the build writes', () => {
  const workflow = parse(readFileSync(path.join(docs, 'examples', 'github-pages.yml'), 'utf8')) as Workflow;
  assert.equal(workflow.permissions['pages'], 'write');
  assert.equal(workflow.permissions['id-token'], 'write');
  const steps = workflow.jobs['build']!.steps;
  const install = steps.findIndex((s) => s.run === 'npm ci');
  const build = steps.findIndex((s) => /^npx briefing build(\s|$)/.test(s.run ?? ''));
  const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
  assert.ok(install >= 0 && install < build && build < upload, 'npm ci, then the build, then the upload');
  assert.match(steps[build]!.run!, /--input content\b/);
  assert.equal(steps[upload]!.with?.['path'], outputOf(steps[build]!.run!));
  assert.equal(outputOf(steps[build]!.run!), '_site');
  const deploy = workflow.jobs['deploy']!;
  assert.equal(deploy.needs, 'build');
  assert.ok(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
});

test('the Netlify example in docs/deploy.md builds with briefing and publishes the folder the build writes', () => {
  const text = readFileSync(path.join(docs, 'deploy.md'), 'utf8');
  const toml = /```toml\n([\s\S]*?)```/.exec(text)?.[1];
  assert.ok(toml, 'a netlify.toml example');
  const command = /^\s*command = "([^"]*)"$/m.exec(toml)?.[1];
  const publish = /^\s*publish = "([^"]*)"$/m.exec(toml)?.[1];
  assert.match(command ?? '', /^npx briefing build(\s|$)/);
  assert.equal(publish, outputOf(command!));
});
