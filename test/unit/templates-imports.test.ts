// src/ takes its views as data (src/site/pages.ts `PageViews`) and imports no module of
// templates/: one module is the exception, the default views' wiring (docs/architecture.md).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const templates = path.join(root, 'templates') + path.sep;

/** The one module of src/ allowed to import templates/: where the default views are wired. */
const ALLOWED = new Set(['src/site/default-views.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module a file imports (static, re-exported, dynamic), resolved when relative. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((f) => (f.fileName.startsWith('.') ? path.resolve(path.dirname(file), f.fileName) : f.fileName));
}

test('no module under src/ imports templates/, but the default views', () => {
  const offending = sources(path.join(root, 'src')).flatMap((file) => {
    const name = path.relative(root, file).split(path.sep).join('/');
    if (ALLOWED.has(name)) return [];
    return importsOf(file)
      .filter((m) => m.startsWith(templates))
      .map((m) => `${name} imports ${path.relative(root, m).split(path.sep).join('/')}`);
  });
  assert.deepEqual(offending, []);
});

test('the default views are imported by the orchestrator only, never by the render stage', () => {
  const importers = sources(path.join(root, 'src'))
    .filter((file) => importsOf(file).some((m) => m === path.join(root, 'src/site/default-views.ts')))
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .sort();
  assert.deepEqual(importers, ['src/views.ts']);
});

test('the check sees an import of templates/ (it is not vacuous)', () => {
  const file = path.join(root, 'src/site/default-views.ts');
  assert.ok(importsOf(file).some((m) => m.startsWith(templates)));
});
