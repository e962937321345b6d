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

test('heap growth: the CLI sets it for build, not for check, and not over node flags of the user', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-heap-'));
  try {
    // A probe loaded before the CLI records every V8 flag set at run time.
    const probe = path.join(dir, 'probe.mjs');
    const out = path.join(dir, 'flags.json');
    writeFileSync(
      probe,
      `import v8 from 'node:v8';
import { writeFileSync } from 'node:fs';
const calls = [];
const set = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (flags) => { calls.push(flags); set(flags); };
process.on('exit', () => writeFileSync(${JSON.stringify(out)}, JSON.stringify(calls)));
`,
    );
    const run = (nodeFlags: string[], args: string[]): string[] => {
      const env = { ...process.env };
      delete env['NODE_OPTIONS'];
      execFileSync(process.execPath, [...nodeFlags, '--import', probe, 'bin/briefing.js', ...args], { env, stdio: 'ignore' });
      return JSON.parse(readFileSync(out, 'utf8')) as string[];
    };
    const site = ['--input', 'test/fixtures/sites/newsroom', '--quiet'];
    assert.deepEqual(run([], ['build', ...site, '--output', path.join(dir, 'a')]), ['--heap-growing-percent=100']);
    assert.deepEqual(run([], ['check', '--input', 'test/fixtures/sites/newsroom']), []);
    assert.deepEqual(run(['--max-old-space-size=2048'], ['build', ...site, '--output', path.join(dir, 'b')]), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
