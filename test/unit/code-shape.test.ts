/**
 * The size limits of src/ (docs/architecture.md, issue 18): no file over 400 lines, no function over
 * 80 lines, no function with more than 5 positional parameters (more take one options object).
 * Functions are measured with TypeScript's own parser, from the first line of the declaration to
 * its closing line: declarations, methods, accessors, constructors, function expressions and arrow
 * functions alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const MAX_POSITIONAL_PARAMETERS = 5;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function nameOf(node: ts.FunctionLikeDeclaration, file: ts.SourceFile): string {
  if (node.name) return node.name.getText(file);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText(file);
  }
  return '(anonymous)';
}

/** Every breach of the limits in one file, as `src/file:line: what`. */
function breaches(rel: string, text: string): string[] {
  const file = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const lines = file.getLineAndCharacterOfPosition(file.getEnd()).line + (text.endsWith('\n') ? 0 : 1);
  if (lines > MAX_FILE_LINES) found.push(`src/${rel}: ${lines} lines (at most ${MAX_FILE_LINES})`);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const first = file.getLineAndCharacterOfPosition(fn.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(fn.getEnd()).line;
      const where = `src/${rel}:${first + 1}: ${nameOf(fn, file)}`;
      if (last - first + 1 > MAX_FUNCTION_LINES) found.push(`${where}: ${last - first + 1} lines (at most ${MAX_FUNCTION_LINES})`);
      const positional = fn.parameters.filter((p) => p.name.getText(file) !== 'this').length;
      if (positional > MAX_POSITIONAL_PARAMETERS) {
        found.push(`${where}: ${positional} positional parameters (at most ${MAX_POSITIONAL_PARAMETERS}; take one options object)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('no file in src/ is over 400 lines, no function over 80 lines or with more than 5 positional parameters', () => {
  const found = sources(SRC)
    .map((full) => path.relative(SRC, full).split(path.sep).join('/'))

    .flatMap((rel) => breaches(rel, readFileSync(path.join(SRC, rel), 'utf8')));
  assert.deepEqual(found, [], `split these by named steps:\n${found.join('\n')}`);
});

test('the scan finds a long function, arrow function and method, a wide function and a long file', () => {
  const body = Array.from({ length: 80 }, (_, i) => `  x += ${i};`).join('\n');
  const sample = [
    `function long(): void {\n  let x = 0;\n${body}\n}`,
    `const arrow = (): void => {\n  let x = 0;\n${body}\n};`,
    `class C {\n  method(): void {\n    let x = 0;\n${body}\n  }\n}`,
    `function wide(a: number, b: number, c: number, d: number, e: number, f: number): number {\n  return a + b + c + d + e + f;\n}`,
    `function fits(this: void, a: number, b: number, c: number, d: number, e: number): number {\n${body.slice(0, 100)}\n  return a + b + c + d + e;\n}`,
    ...Array.from({ length: 150 }, (_, i) => `const filler${i} = ${i};`),
  ].join('\n');
  assert.deepEqual(
    breaches('sample.ts', sample).map((line) => line.replace(/ \(.*/, '')),
    [
      'src/sample.ts: 418 lines',
      'src/sample.ts:1: long: 83 lines',
      'src/sample.ts:84: arrow: 83 lines',
      'src/sample.ts:168: method: 83 lines',
      'src/sample.ts:252: wide: 6 positional parameters',
    ],
  );
});
