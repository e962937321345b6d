/**
 * `briefing build` and `serve` lower V8's heap growth (src/runtime.ts), unless the user chose heap
 * settings of their own, which are then left as they are.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { limitHeapGrowth } from '../../src/runtime.ts';

const saved = process.env['NODE_OPTIONS'];
afterEach(() => {
  if (saved === undefined) delete process.env['NODE_OPTIONS'];
  else process.env['NODE_OPTIONS'] = saved;
});

test('heap growth: set when the user chose nothing', () => {
  process.env['NODE_OPTIONS'] = '--enable-source-maps';
  assert.equal(limitHeapGrowth(), true);
});

test('heap growth: left alone when NODE_OPTIONS sets a heap size or growth', () => {
  for (const flag of ['--max-old-space-size=4096', '--max_old_space_size=512', '--heap-growing-percent=30', '--max-heap-size=900']) {
    process.env['NODE_OPTIONS'] = `--enable-source-maps ${flag}`;
    assert.equal(limitHeapGrowth(), false, flag);
  }
});
