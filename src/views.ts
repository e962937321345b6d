import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './diagnostics.ts';
import { builtinLayout, DEFAULT_VIEWS, withLayout, type Layout } from './site/default-views.ts';
import { html, Html, trusted } from './site/html.ts';
import type { PageKind, PageViews } from './site/pages.ts';

/**
 * The one folder of a content folder whose files Briefing runs as code: the project's own views
 * (docs/views.md). Nothing else a build reads is ever evaluated (docs/security.md).
 */
const VIEWS_FOLDER = 'views';

/** What a project may replace: the layout (the frame of every page) or the view of one page kind. */
export const VIEW_NAMES: readonly string[] = ['layout', ...Object.keys(DEFAULT_VIEWS)];

/** A project's view that could not be loaded, threw, or returned no HTML: a line naming its file. */
class ViewError extends UsageError {}

/** What a project's view gets after its data: the escaping tag, and what it replaces. */
export interface ViewHelpers {
  readonly html: typeof html;
  readonly trusted: typeof trusted;
  /** The built-in view (or layout) of the same name. */
  readonly builtin: (...args: never[]) => string;
  /** The layout in use (the project's, if it has one): `layout(frame, main, scripts)`. */
  readonly layout: Layout;
}

type AnyView = (...args: unknown[]) => unknown;

/**
 * The views a build renders with: Briefing's own, with those the input folder's `views/` replaces.
 * Without a `views/` folder this is one failed `lstat`: no module is loaded.
 */
export async function loadViews(input: string): Promise<PageViews> {
  const dir = path.join(path.resolve(input), VIEWS_FOLDER);
  const files = viewFiles(dir);
  if (files.size === 0) return DEFAULT_VIEWS;
  const loaded = new Map<string, { file: string; fn: AnyView }>();
  for (const [name, file] of files) loaded.set(name, { file, fn: await importView(file) });
  const custom = loaded.get('layout');
  const layout: Layout = custom ? guardLayout(custom.file, custom.fn) : builtinLayout;
  const views: Record<string, AnyView> = {};
  for (const kind of Object.keys(DEFAULT_VIEWS) as PageKind[]) {
    const own = loaded.get(kind);
    const builtin = DEFAULT_VIEWS[kind] as AnyView;
    const view = own
      ? guardView(own.file, own.fn, { html, trusted, builtin: builtin as ViewHelpers['builtin'], layout }, kind === 'article')
      : builtin;
    views[kind] = custom ? (...args) => withLayout(layout, () => view(...args)) : view;
  }
  return views as unknown as PageViews;
}

/** The files of `views/` by view name: regular `<name>.js` or `<name>.mjs` files, one per name. */
function viewFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return files;
  }
  if (!stat.isDirectory()) throw new ViewError(`${shown(dir)}: must be a folder of view modules (docs/views.md)`);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    const name = /^(.*)\.m?js$/.exec(entry.name)?.[1];
    if (name === undefined || !VIEW_NAMES.includes(name))
      throw new ViewError(`${shown(file)}: not a view: the views are ${VIEW_NAMES.map((n) => `${n}.js`).join(', ')} (docs/views.md)`);
    // Code is run from this folder only, never through a link to somewhere else.
    if (!entry.isFile()) throw new ViewError(`${shown(file)}: a view must be a file, not a link or a folder`);
    if (files.has(name)) throw new ViewError(`${shown(file)}: a second file for the view "${name}" (${shown(files.get(name)!)})`);
    files.set(name, file);
  }
  return files;
}

async function importView(file: string): Promise<AnyView> {
  // The modification time in the URL makes `serve` load an edited view again (modules are cached by URL).
  const url = `${pathToFileURL(file).href}?t=${lstatSync(file).mtimeMs}`;
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw new ViewError(`${shown(file)}: could not be loaded: ${messageOf(error)}`);
  }
  if (typeof module.default !== 'function')
    throw new ViewError(`${shown(file)}: must export a default function (export default function (…) { … }), see docs/views.md`);
  return module.default as AnyView;
}

function guardView(file: string, fn: AnyView, helpers: ViewHelpers, article: boolean): AnyView {
  return (...args) => {
    const out = checked(file, String(args[2]), () => fn(...args, helpers));
    // The article's body may stand in the page as a mark that the page writer replaces (render.ts).
    const body = article ? String(args[4]) : '';
    if (body !== '' && !out.includes(body))
      throw new ViewError(`${shown(file)}: on ${String(args[2])}: the page must contain bodyHtml, once (trusted(bodyHtml))`);
    return out;
  };
}

function guardLayout(file: string, fn: AnyView): Layout {
  const helpers: ViewHelpers = { html, trusted, builtin: builtinLayout, layout: builtinLayout };
  // The project's layout renders with no layout set, so the built-in one it may call is Briefing's own.
  return (f, main, scripts) => withLayout(undefined, () => checked(file, f.pagePath, () => fn(f, main, scripts, helpers)));
}

/** Runs a project's view: what it throws, or returns other than HTML, is a line naming its file. */
function checked(file: string, pagePath: string, run: () => unknown): string {
  let out: unknown;
  try {
    out = run();
  } catch (error) {
    if (error instanceof ViewError) throw error;
    throw new ViewError(`${shown(file)}: failed on ${pagePath}: ${messageOf(error)}`);
  }
  if (out instanceof Html) return out.value;
  if (typeof out !== 'string')
    throw new ViewError(`${shown(file)}: on ${pagePath}: returned ${out === null ? 'null' : typeof out}, not a string of HTML`);
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
