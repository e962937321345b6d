/**
 * The layers of src/ only point down (docs/architecture.md): content → annotate → model → site →
 * emit, with the shared root modules below all of them and the commands and orchestration on top.
 * Reads every import of src/ (values and types alike, since a type import still ties a layer to
 * the one it names) and fails on one that points up, and on a cycle of imports between modules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The layers from the bottom; a module may import only from its own layer or one below. */
const LAYERS = ['shared', 'content', 'annotate', 'model', 'site', 'emit', 'top'] as const;
type Layer = (typeof LAYERS)[number];

const FOLDERS: Readonly<Record<string, Layer>> = {
  content: 'content',
  annotate: 'annotate',
  model: 'model',
  site: 'site',
  emit: 'emit',
  link: 'top',
  import: 'top',
  vendor: 'shared',
};

/** The root modules that orchestrate or run commands; every other root module is shared. */
const TOP_ROOT = new Set(['build.ts', 'annotate-stage.ts', 'cli.ts', 'serve.ts', 'incremental.ts', 'init.ts', 'index.ts', 'views.ts']);

function layerOf(file: string): Layer {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel.length === 1) return TOP_ROOT.has(rel[0]!) ? 'top' : 'shared';
  const layer = FOLDERS[rel[0]!];
  assert.ok(layer, `src/${rel[0]}/ has no layer: add it to FOLDERS in this test`);
  return layer;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(?:ts|js)$/.test(e.name) ? [full] : [];
  });
}

/** Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and dynamic `import('…')` of relative modules. */
const IMPORT =
  /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Each module of src/ with the modules of this package it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) targets.push(path.resolve(path.dirname(file), m[1] ?? m[2]!));
    graph.set(file, targets);
  }
  return graph;
}

const show = (file: string): string => path.relative(path.join(SRC, '..'), file);

test('the import reader sees every form of import in src/', () => {
  const text =
    "import a from './a.ts';\nimport type {\n  B,\n  C,\n} from '../b.ts';\nexport { d } from './d.ts';\nimport './e.ts';\nconst f = await import('./f.js');";
  assert.deepEqual(
    [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]),
    ['./a.ts', '../b.ts', './d.ts', './e.ts', './f.js'],
  );
});

test('no module of src/ imports from a layer above its own', () => {
  const upward: string[] = [];
  for (const [file, targets] of importGraph()) {
    const from = LAYERS.indexOf(layerOf(file));
    for (const target of targets) {
      // Outside src/ (templates/, package.json): the next test.
      if (path.relative(SRC, target).startsWith('..')) continue;
      const to = LAYERS.indexOf(layerOf(target));
      if (to > from) upward.push(`${show(file)} (${LAYERS[from]}) imports ${show(target)} (${LAYERS[to]})`);
    }
  }
  assert.deepEqual(upward, []);
});

test('src/ imports nothing outside src/ but the package root files', () => {
  const outside: string[] = [];
  for (const [file, targets] of importGraph()) {
    for (const target of targets)
      if (path.relative(SRC, target).startsWith('..') && !/package\.json$/.test(target))
        outside.push(`${show(file)} imports ${show(target)}`);
  }
  // The default views are the one exception: src/site/default-views.ts hands templates/views and
  // the layout to the renderer (test/unit/templates-imports.test.ts holds that rule).
  const wiring = `${path.join('src', 'site', 'default-views.ts')} imports `;
  assert.deepEqual(
    outside.filter(
      (line) =>
        !line.startsWith(wiring + path.join('templates', 'views')) && line !== wiring + path.join('templates', 'layouts', 'base.ts'),
    ),
    [],
  );
});

test('no cycle of imports between modules of src/', () => {
  const graph = importGraph();
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, trail: string[]): void => {
    const s = state.get(file);
    if (s === 'done') return;
    if (s === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map(show).join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});
