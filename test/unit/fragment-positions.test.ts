/**
 * An attribute value's place in the front matter is found by parsing the YAML again with
 * positions, which costs about as much as annotating the value: `annotateFragment` asks for it only
 * when a diagnostic reads a position (`lazyFragmentPositions` in src/annotate/context.ts), once per
 * value, and the positions it then reports are the ones an eager start gives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdown } from '../../src/annotate/markdown.ts';
import { entityPage } from '../../src/site/paths.ts';
import { annotateFragment } from '../../src/annotate/parse.ts';
import { DiagnosticBag } from '../../src/diagnostics.ts';
import { FIXTURE_ENTITIES, makeRegistry } from '../helpers/annotate.ts';

const FILE = '/content/entities/harbour.md';

function fragment(value: string): { bag: DiagnosticBag; calls: () => number } {
  const md = createMarkdown(makeRegistry(FIXTURE_ENTITIES), entityPage);
  const bag = new DiagnosticBag();
  let calls = 0;
  const positions = () => {
    calls++;
    return (offset: number) => ({ file: FILE, line: 5, column: 13 + offset });
  };
  annotateFragment(md, value, { file: FILE, positions }, '../', bag);
  return { bag, calls: () => calls };
}

test('a value with known names only: its place is never looked up', () => {
  const { bag, calls } = fragment('Talks with [[Kim Jong Un]] in [[North Korea]]');
  assert.equal(bag.items.length, 0);
  assert.equal(calls(), 0);
});

test('a value with problems: looked up once, and each problem at its column', () => {
  const { bag, calls } = fragment('[[Nobody Here]] and [[Nobody Else]]');
  const found = bag.items.map((d) => [d.code, d.file, d.line, d.column]);
  assert.deepEqual(found, [
    ['unknown-entity', FILE, 5, 13],
    ['unknown-entity', FILE, 5, 33],
  ]);
  assert.equal(calls(), 1);
});

test('the same positions as an eager start', () => {
  const md = createMarkdown(makeRegistry(FIXTURE_ENTITIES), entityPage);
  const eager = new DiagnosticBag();
  annotateFragment(md, '[[Nobody Here]] and [[Nobody Else]]', { file: FILE, line: 5, column: 13 }, '../', eager);
  assert.deepEqual(fragment('[[Nobody Here]] and [[Nobody Else]]').bag.items, eager.items);
});
