/**
 * The page kinds (src/site/pages.ts): each kind's pages carry their typed item, and the pages
 * stage renders with the views it is handed, so one view can be swapped and no other page changes.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { analyze } from '../../src/build.ts';
import { DEFAULT_VIEWS } from '../../src/site/default-views.ts';
import { PAGE_KINDS, pageList, type PageViews } from '../../src/site/pages.ts';
import { PAGES } from '../../src/site/paths.ts';
import { renderPages } from '../../src/site/render.ts';
import { snapshot, tempDir } from '../helpers/site.ts';

const input = path.resolve('content');
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

test('the page list has every kind, in the registry order, each page with its typed item at its path', async () => {
  const { model } = await analyze({ input, parallel: false });
  assert.ok(model);
  const pages = pageList(model);
  const kinds = [...new Set(pages.map((p) => p.kind))];
  // The example has no extra pages (pages/<slug>.md): the extra-pages fixture builds them
  // (test/integration/extra-pages.test.ts).
  assert.deepEqual([...kinds, 'page'], Object.keys(PAGE_KINDS));
  assert.deepEqual(Object.keys(DEFAULT_VIEWS).sort(), [...kinds, 'page'].sort());
  assert.equal(pages.find((p) => p.kind === 'home')?.path, PAGES.home);
  const articles = pages.flatMap((p) => (p.kind === 'article' ? [p] : []));
  const entities = pages.flatMap((p) => (p.kind === 'entity' ? [p] : []));
  assert.deepEqual(
    articles.map((p) => p.item),
    model.articles,
  );
  assert.deepEqual(
    entities.map((p) => p.item),
    model.entities,
  );
  for (const p of [...articles, ...entities]) {
    assert.equal(p.path, p.item.page);
    assert.equal(p.root, '../');
  }
});

test('renderPages renders with the views it is handed: one swapped, the others unchanged', async () => {
  const render = async (views: PageViews): Promise<Map<string, string>> => {
    // Each render consumes its bodies (a page's body is let go once rendered): analyze afresh.
    const { model, bodies, md } = await analyze({ input, parallel: false });
    assert.ok(model && bodies && md);
    const out = await tempDir('briefing-page-kinds-');
    dirs.push(out);
    await fs.mkdir(path.join(out, 'entities'));
    await fs.mkdir(path.join(out, 'articles'));
    const written = await renderPages(model, bodies, md, out, { views });
    assert.equal(written, pageList(model).length);
    return snapshot(out); // path → base64 of the bytes
  };
  const own = await render(DEFAULT_VIEWS);
  const seen: string[] = [];
  const swapped = await render({
    ...DEFAULT_VIEWS,
    entity: (_site, root, pagePath, entity) => {
      seen.push(entity.id);
      return `<p>${root}|${pagePath}|${entity.name}</p>`;
    },
  });
  assert.deepEqual([...swapped.keys()].sort(), [...own.keys()].sort());
  let entityPages = 0;
  for (const [file, html] of own) {
    if (file.startsWith('entities/') && file !== PAGES.entities) {
      entityPages++;
      const page = Buffer.from(swapped.get(file)!, 'base64').toString();
      assert.ok(page.startsWith(`<p>../|${file}|`), `${file}: ${page}`);
    } else {
      assert.equal(swapped.get(file), html, file);
    }
  }
  assert.ok(entityPages > 0);
  assert.equal(seen.length, entityPages);
});
