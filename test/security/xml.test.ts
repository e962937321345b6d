/**
 * Every XML file the site ships (feed.xml, sitemap.xml) is well-formed XML 1.0 whatever the
 * content holds: characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
 * return; U+FFFE, U+FFFF; a lone surrogate), which YAML's escapes ("\x01", "\0") put in any
 * front-matter string, never reach them.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { listFiles, tempDir, writeTree } from '../helpers/site.ts';

/** One YAML double-quoted escape for each kind of character XML 1.0 forbids. */
const FORBIDDEN = String.raw`\0 \x01 \b \v \f \x1B \x1F \uFFFE \uFFFF \uD800`;

/**
 * Not XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets), over UTF-16 code units: a
 * code unit outside tab, LF, CR and U+0020–U+FFFD (surrogates included), or a surrogate unpaired.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let dir: string;
let out: string;
let result: Awaited<ReturnType<typeof build>>;

before(async () => {
  dir = await tempDir();
  out = path.join(dir, 'site');
  await writeTree(path.join(dir, 'content'), {
    'briefing.md': [
      '---',
      `title: "Briefing ${FORBIDDEN}"`,
      `subtitle: "Sub ${FORBIDDEN}"`,
      `publisher: "Desk ${FORBIDDEN}"`,
      'baseUrl: https://example.org/b',
      '---',
      'Summary.',
      '',
    ].join('\n'),
    'articles/ctl.md': [
      '---',
      `title: "Headline ${FORBIDDEN} end"`,
      `source: "Wire ${FORBIDDEN}"`,
      'published: 2024-01-01',
      `summary: "Summary ${FORBIDDEN}"`,
      `author: ["Reporter ${FORBIDDEN}"]`,
      '---',
      'Text.',
      '',
    ].join('\n'),
  });
  result = await build({ input: path.join(dir, 'content'), output: out });
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

test('feed.xml and sitemap.xml hold only characters XML 1.0 allows', async () => {
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics));
  const xml = (await listFiles(out)).filter((f) => f.endsWith('.xml'));
  assert.deepEqual(xml.sort(), ['feed.xml', 'sitemap.xml']);
  for (const file of xml) {
    const text = await fs.readFile(path.join(out, file), 'utf8');
    const bad = NOT_XML_CHAR.exec(text);
    assert.equal(bad, null, `${file}: U+${bad?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad?.index}`);
  }
});

test('the feed keeps the rest of each string, with U+FFFD where a forbidden character was', async () => {
  const feed = await fs.readFile(path.join(out, 'feed.xml'), 'utf8');
  const replaced = FORBIDDEN.split(' ')
    .map(() => '\uFFFD')
    .join(' ');
  for (const s of [
    `Briefing ${replaced}`,
    `Headline ${replaced} end`,
    `Wire ${replaced}`,
    `Summary ${replaced}`,
    `Reporter ${replaced}`,
    `Sub ${replaced}`,
  ])
    assert.ok(feed.includes(s), `${JSON.stringify(s)} in feed.xml`);
});
