/**
 * Front matter is validated once per parsed document (src/content/validate.ts): under `serve` an
 * unchanged file keeps its parsed document, and a rebuild reports its problems again without
 * checking it again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitDocument } from '../../src/content/frontmatter.ts';
import { validateContent } from '../../src/content/validate.ts';
import { DiagnosticBag } from '../../src/diagnostics.ts';
import type { SplitDocument } from '../../src/types.ts';

function parsed(kind: 'briefing' | 'article', id: string, text: string): { split: SplitDocument; located: () => number } {
  const split = splitDocument(
    { kind, path: `/c/${kind === 'article' ? `articles/${id}.md` : 'briefing.md'}`, id, text },
    new DiagnosticBag(),
  )!;
  let calls = 0;
  // Every diagnostic of a check asks where its key is: counting the asks counts the checks.
  const counted: SplitDocument = {
    ...split,
    locate: (p) => {
      calls++;
      return split.locate(p);
    },
  };
  return { split: counted, located: () => calls };
}

test('a document checked again gives the same result and diagnostics without checking it again', () => {
  const briefing = parsed('briefing', 'briefing', '---\ntitle: T\n---\n');
  const article = parsed('article', 'a', '---\ntitle: A\nsource: Wire\npublished: 2024-02-30\nmood: grim\n---\nBody.\n');
  const first = new DiagnosticBag();
  const one = validateContent([briefing.split, article.split], first);
  const asked = article.located();
  assert.ok(asked >= 2, 'the unknown key and the bad date were located');
  const second = new DiagnosticBag();
  const two = validateContent([briefing.split, article.split], second);
  assert.equal(article.located(), asked, 'not checked again');
  assert.deepEqual(second.sorted(), first.sorted());
  assert.equal(first.sorted().length, 2);
  assert.deepEqual(two.rejected, one.rejected);
  assert.equal(one.rejected[0], article.split);
  // A new parse of the same text (a changed file) is checked anew.
  const again = parsed('article', 'a', '---\ntitle: A\nsource: Wire\npublished: 2024-02-28\n---\nBody.\n');
  const third = new DiagnosticBag();
  const three = validateContent([briefing.split, again.split], third);
  assert.equal(third.sorted().length, 0);
  assert.equal(three.content?.articles.length, 1);
});
