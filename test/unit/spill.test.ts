/**
 * Article HTML spilled to a file between the annotate stage and the pages
 * (src/annotate/spill.ts): what is read back is what was put, byte for byte, whatever its size or
 * script, also across the buffer's flushes; and the file has no name from the moment it exists.
 */
import assert from 'node:assert/strict';
import { readlinkSync } from 'node:fs';
import { test } from 'node:test';
import { closeSpillFile, HtmlSpill, openSpillFile, readHtml } from '../../src/annotate/spill.ts';

test('spill: bodies come back as they were put, in any order, across flushes', () => {
  const fd = openSpillFile();
  try {
    const spill = new HtmlSpill(fd);
    const bodies = [
      '',
      '<p>Plain ASCII.</p>',
      '<p>“Curly” quotes, an em dash — and ’apostrophes’.</p>',
      '<p>Владимир Путин, 김정은, 🛰️ emoji.</p>',
      // Larger than the 4 MB buffer: written on its own.
      `<p>${'ä'.repeat(3_000_000)}</p>`,
      ...Array.from({ length: 2_000 }, (_, i) => `<p id="p-${i}">${'word “quoted” '.repeat(i % 50)}</p>`),
    ];
    const refs = bodies.map((html) => spill.put(html));
    spill.flush();
    // Read back in another order than written, as the pages do (newest article first).
    for (const i of [...refs.keys()].reverse()) assert.equal(readHtml(refs[i]!), bodies[i], `body ${i}`);
    assert.equal(refs[1]!.bytes, Buffer.byteLength(bodies[1]!));
  } finally {
    closeSpillFile(fd);
  }
});

test('spill: a string stays a string', () => {
  assert.equal(readHtml('<p>kept</p>'), '<p>kept</p>');
});

test('spill: the file is deleted as soon as it is opened', () => {
  const fd = openSpillFile();
  try {
    assert.match(readlinkSync(`/proc/self/fd/${fd}`), /\(deleted\)$/);
  } finally {
    closeSpillFile(fd);
  }
});

test('spill: a body read before its spill was flushed is an error, not an empty page', () => {
  const fd = openSpillFile();
  try {
    const spill = new HtmlSpill(fd);
    const ref = spill.put('<p>not yet written</p>');
    assert.throws(() => readHtml(ref), /missing from its spill file/);
  } finally {
    closeSpillFile(fd);
  }
});

test('spill: a write that fails is a file-system error that names the temporary folder', async () => {
  const { openSync, closeSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { UsageError } = await import('../../src/diagnostics.ts');
  // A descriptor opened for reading only: every write to it fails, as on a full disk.
  const fd = openSync(import.meta.filename, 'r');
  try {
    const spill = new HtmlSpill(fd);
    spill.put('<p>a body</p>');
    assert.throws(
      () => spill.flush(),
      (error: unknown) => error instanceof UsageError && error.message.includes(tmpdir()) && /TMPDIR/.test(error.message),
    );
  } finally {
    closeSync(fd);
  }
});
