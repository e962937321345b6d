// The model stage reads as its passes (issue 18, item 4): no file of it over 400 lines, no function
// over 80 lines, none with more than 5 positional parameters (more take one options object). The
// same for the annotate stage's collect rule, the other hot loop split with it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FILES = [
  ...readdirSync(path.join(root, 'src/model'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/model/${f}`),
  'src/annotate/collect.ts',
];
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const MAX_PARAMETERS = 5;

/** Every function in `file` that breaks a limit, as `path:line: name: what`. */
function oversized(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const line = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line + 1;
  const found: string[] = [];
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_FILE_LINES) found.push(`${file}: ${lines} lines`);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = line(node.getStart(source));
      const length = line(node.getEnd()) - first + 1;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (length > MAX_FUNCTION_LINES) found.push(`${file}:${first}: ${name}: ${length} lines`);
      if (node.parameters.length > MAX_PARAMETERS) found.push(`${file}:${first}: ${name}: ${node.parameters.length} parameters`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the model stage and the collect rule keep to the size limits', () => {
  assert.ok(FILES.includes('src/model/build-model.ts'));
  assert.deepEqual(FILES.flatMap(oversized), []);
});
