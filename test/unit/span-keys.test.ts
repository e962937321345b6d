/**
 * The span-key registry (src/annotate/span-keys.ts): a key added to the table, and nowhere else, is
 * parsed, checked, resolved, kept in the span's record, printed by the fixtures, and its entities
 * kept as stubs and given to the model as claim subjects. The test adds `location=` to a fixture
 * table, as an author of a new key would add it to `SPAN_KEYS`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { entityListKey, spanEntities, spanKey, SPAN_KEYS, type SpanAttributesOf } from '../../src/annotate/span-keys.ts';
import type { EntityId } from '../../src/types.ts';
import { annotate, diagnosticLine, spanLines } from '../helpers/annotate.ts';

const WITH_LOCATION = {
  ...SPAN_KEYS,
  location: entityListKey('location', 'subject'),
  weight: spanKey<number | undefined>({
    empty: () => undefined,
    parse: ({ raw, bag, pos }) => {
      const n = Number(raw.value);
      if (Number.isInteger(n)) return n;
      bag.error('bad-weight', `weight "${raw.value}" is not a whole number`, pos(raw.valueOffset));
      return undefined;
    },
    needs: { keys: ['claim'], code: 'weight-without-claim', message: 'weight= needs claim=' },
    show: (n) => (n === undefined ? undefined : String(n)),
  }),
};
type WithLocation = SpanAttributesOf<typeof WITH_LOCATION>;

test('a key added to the table alone is parsed, resolved, recorded and printed', () => {
  const result = annotate('[[[Japan]] talks]{claim=talks location="North Korea, Atlantis" weight=3}\n', { spanKeys: WITH_LOCATION });
  assert.deepEqual(result.diagnostics.map(diagnosticLine), ['1:54: warning: unknown-entity']);
  const span = result.spans[0] as unknown as WithLocation;
  assert.deepEqual(span.location, ['north-korea', 'atlantis']);
  assert.equal(span.weight, 3);
  assert.deepEqual(spanLines(result, WITH_LOCATION), [
    '1:1 #claim-talks claim=talks location=north-korea,atlantis weight=3 mentions=japan | Japan talks',
  ]);
  // Stub pruning keeps the stub it made; the model takes its entities as the claim's subjects.
  assert.deepEqual(
    result.registry.stubs.map((s) => s.id),
    ['atlantis'],
  );
  const used = new Set<EntityId>();
  spanEntities(WITH_LOCATION, span, used);
  assert.deepEqual([...used], ['north-korea', 'atlantis']);
  const subjects = new Set<EntityId>();
  spanEntities(WITH_LOCATION, span, subjects, 'subject');
  assert.deepEqual([...subjects], ['north-korea', 'atlantis']);
});

test("a key's checks and the diagnostics that list the keys come from the table", () => {
  const bad = annotate('[a]{weight=x} [b]{weight=2} [c]{} [d]{place=x}\n', { spanKeys: WITH_LOCATION }).diagnostics;
  assert.deepEqual(
    bad.map((d) => `${diagnosticLine(d)} ${d.message}`),
    [
      '1:5: error: weight-without-claim weight= needs claim=',
      '1:12: error: bad-weight weight "x" is not a whole number',
      '1:19: error: weight-without-claim weight= needs claim=',
      '1:29: error: empty-span attribute span has no attributes: add claim=, quote=, date=, about=, conflicts=, location= or weight=',
      '1:39: error: unknown-span-key unknown attribute "place": a span takes claim, quote, date, about, conflicts, location, weight',
    ],
  );
  // Without the entry, the key is unknown: nothing else in the code knows it.
  const plain = annotate('[a]{claim=a location=Japan}\n').diagnostics;
  assert.deepEqual(plain.map(diagnosticLine), ['1:13: error: unknown-span-key']);
});

test('every span record has every key of the table, in its order, even after a malformed list', () => {
  const result = annotate('[a]{claim=x} [b]{about=Japan} [c]{claim="x}\n\n[d]{=}\n', { spanKeys: WITH_LOCATION });
  const keys = Object.keys(WITH_LOCATION);
  assert.equal(result.spans.length, 3);
  for (const span of result.spans) assert.deepEqual(Object.keys(span).slice(0, keys.length), keys);
  assert.equal(new Set(result.spans.map((s) => Object.keys(s).join())).size, 1);
});

test('a key names entities only in a role the model follows', () => {
  // @ts-expect-error `place` is no EntityRole: src/model/touched.ts would not follow it to the fact sheets.
  entityListKey('x', 'place');
});

test('collect and stub pruning name no span key: they read the table', () => {
  const source = (file: string) => readFileSync(fileURLToPath(new URL(`../../src/${file}`, import.meta.url)), 'utf8');
  const collect = source('annotate/collect.ts');
  for (const key of ['about', 'conflicts', 'date']) assert.doesNotMatch(collect, new RegExp(`\\.${key}\\b`), `collect.ts reads .${key}`);
  const stage = source('annotate-stage.ts');
  const pruning = stage.slice(stage.indexOf('const used = new Set'), stage.indexOf('return { settings'));
  assert.match(pruning, /spanEntities\(SPAN_KEYS/);
  for (const key of Object.keys(SPAN_KEYS)) assert.doesNotMatch(pruning, new RegExp(`\\.${key}\\b`), `stub pruning reads .${key}`);
});
