/**
 * The orchestration reads as the pipeline (issue 18, item 4): the modules that run the commands
 * and the stages before the model stay short, their functions fit on a screen, and a function
 * with many inputs takes them as one named object. Read with the TypeScript parser, so a
 * function is measured from its first line to its last, nested ones too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const FILES = ['build.ts', 'annotate-stage.ts', 'cli.ts', 'serve.ts', 'annotate/parallel.ts'];
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const MAX_POSITIONAL = 5;

interface Shape {
  readonly lines: number;
  readonly functions: readonly { readonly name: string; readonly lines: number; readonly parameters: number }[];
}

function shape(file: string): Shape {
  const text = readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const functions: { name: string; lines: number; parameters: number }[] = [];
  const line = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : `(function at line ${line(node.getStart()) + 1})`;
      functions.push({ name, lines: line(node.end) - line(node.getStart()) + 1, parameters: node.parameters.length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), functions };
}

test('the orchestration modules are under 400 lines each', () => {
  for (const file of FILES) assert.ok(shape(file).lines <= MAX_FILE_LINES, `src/${file} has ${shape(file).lines} lines`);
});

test('no function of the orchestration modules is over 80 lines', () => {
  const long = FILES.flatMap((file) =>
    shape(file)
      .functions.filter((f) => f.lines > MAX_FUNCTION_LINES)
      .map((f) => `src/${file}: ${f.name} (${f.lines} lines)`),
  );
  assert.deepEqual(long, []);
});

test('no function of the orchestration modules takes more than 5 positional parameters', () => {
  const many = FILES.flatMap((file) =>
    shape(file)
      .functions.filter((f) => f.parameters > MAX_POSITIONAL)
      .map((f) => `src/${file}: ${f.name} (${f.parameters} parameters)`),
  );
  assert.deepEqual(many, []);
});
