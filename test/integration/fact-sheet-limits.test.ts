/**
 * A fact sheet shows snippets from the entity's latest articles only (LIMITS.articlesWithSnippets),
 * the first few mentions in each (LIMITS.snippetsPerArticle), and counts the rest. The model keeps
 * only the mentions it will show, relying on the articles being walked newest first
 * (`EntityInArticle` in src/model/build-model.ts): this checks the result, on one thread and two.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, test } from 'node:test';
import { analyze } from '../../src/build.ts';
import { LIMITS } from '../../src/model/build-model.ts';
import { tempDir, writeTree } from '../helpers/site.ts';

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

test('fact sheet: the latest articles get snippets, the first few mentions each, the rest counted', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  const files: Record<string, string> = {
    'briefing.md': '---\ntitle: T\nlanguage: en\n---\nAbout [[Acme]].\n',
    'entities/acme.md': '---\nname: Acme\ntype: organization\n---\nA company.\n',
  };
  const n = LIMITS.articlesWithSnippets + 5;
  // Article i names Acme (i % 6) + 1 times, over two paragraphs; a higher i is a later date.
  const times = (i: number): number => (i % 6) + 1;
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(i / 28)).padStart(2, '0');
    const mentions = Array.from({ length: times(i) }, (_, j) => `[[Acme]] number ${j}.`);
    const body = [mentions.filter((_, j) => j % 2 === 0).join(' '), mentions.filter((_, j) => j % 2 === 1).join(' ')].join('\n\n');
    files[`articles/a${String(i).padStart(2, '0')}.md`] = `---\ntitle: A${i}\nsource: S\npublished: 2024-${month}-${day}\n---\n${body}\n`;
  }
  await writeTree(dir, files);
  for (const parallel of [false, true]) {
    const result = await analyze({ input: dir, parallel });
    assert.equal(result.ok, true);
    const acme = result.model!.entities.find((e) => e.id === 'acme')!;
    const shown = acme.mentionsByArticle;
    assert.equal(shown.total, n);
    assert.equal(shown.items.length, LIMITS.articlesWithSnippets);
    assert.equal(shown.more, n - LIMITS.articlesWithSnippets);
    // Newest first: a34, a33, … a05.
    shown.items.forEach((item, k) => {
      const i = n - 1 - k;
      const slug = `a${String(i).padStart(2, '0')}`;
      assert.equal(item.article.slug, slug);
      const expected = Math.min(times(i), LIMITS.snippetsPerArticle);
      assert.equal(item.mentions.length, expected, `snippets of ${slug}`);
      assert.equal(item.more, times(i) - expected, `more of ${slug}`);
      // The first mentions, in document order: "number 0" (first paragraph) comes first.
      assert.match(item.mentions[0]!.snippetHtml, /<mark>Acme<\/mark> number 0\./);
      assert.match(item.mentions[0]!.href, new RegExp(`^\\.\\./articles/${slug}\\.html#p-1$`));
    });
  }
});
