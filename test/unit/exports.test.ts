/**
 * No dead exports (issue 18, item 5): every value a module of src/ exports is used by another
 * file of the project (src/, templates/, bench/, bin/ or test/). A value only its own module uses
 * is not exported. (Types are left out: a type names a hand-off, and documents it, even when only
 * one side spells it.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : files(full);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

test('every value exported by a module of src/ is used by another file of the project', () => {
  const all = ['src', 'templates', 'bench', 'bin', 'test'].flatMap((d) => files(path.join(ROOT, d)));
  const text = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
  const unused: string[] = [];
  for (const file of all.filter((f) => f.startsWith(path.join(ROOT, 'src')) && f.endsWith('.ts'))) {
    for (const m of text.get(file)!.matchAll(/^export (?:async )?(?:function\*?|const|class|let) (\w+)/gm)) {
      const word = new RegExp(`\\b${m[1]}\\b`);
      if (![...text].some(([other, t]) => other !== file && word.test(t))) unused.push(`${path.relative(ROOT, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(unused, [], 'exported but used by no other file: make them module-private');
});
