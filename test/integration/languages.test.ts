/**
 * The interface in the briefing's language (FORMAT.md §6), on the `polyglot` fixture, a folder no
 * other test builds, copied with its `language` set to fr, to ar and to xx (no catalogue). It has
 * two entities (Arabic: the dual, كيانان), one fact reported by two publications (مصدران) with a
 * record of credibility 2, one single-source fact, and reports in Arabic and Hebrew.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from '../../src/index.ts';
import { readHtml, tempDir } from '../helpers/site.ts';

const FIXTURE = path.resolve('test/fixtures/sites/polyglot');
let dir: string;
const built = new Map<string, { out: string; input: string; result: Awaited<ReturnType<typeof build>> }>();

before(async () => {
  dir = await tempDir();
  for (const lang of ['fr', 'ar', 'xx']) {
    const input = path.join(dir, lang);
    await fs.cp(FIXTURE, input, { recursive: true });
    const briefing = path.join(input, 'briefing.md');
    await fs.writeFile(briefing, (await fs.readFile(briefing, 'utf8')).replace(/^language: en$/m, `language: ${lang}`));
    const out = path.join(dir, `${lang}-site`);
    built.set(lang, { out, input, result: await build({ input, output: out }) });
  }
});
after(async () => fs.rm(dir, { recursive: true, force: true }));

const text = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const site = (lang: string) => built.get(lang)!;

test('fr: navigation, headings, counts and labels in French; lang="fr", no dir', async () => {
  const { out, result } = site('fr');
  assert.equal(result.ok, true);
  assert.deepEqual(result.diagnostics, []);
  const home = await readHtml(out, 'index.html');
  const root = home.querySelector('html')!;
  assert.equal(root.getAttribute('lang'), 'fr');
  assert.equal(root.getAttribute('dir'), undefined);
  assert.deepEqual(
    home.querySelectorAll('.site-nav a').map((a) => text(a.text)),
    ['Synthèse', 'Entités', 'Chronologie', 'Sources', 'Recherche'],
  );
  assert.equal(text(home.querySelector('#summary-h')?.text), 'Résumé');
  assert.equal(text(home.querySelector('.stats')?.text), '4 dépêches · 2 entités · 2 faits · 0 citation');
  assert.equal(home.querySelector('#site-search')!.getAttribute('placeholder'), 'Personnes, lieux, faits…');
  // The words site.css holds in English (printed page numbers, the "disputed" mark), written in the page.
  const raw = await fs.readFile(path.join(out, 'index.html'), 'utf8');
  assert.ok(raw.includes('@bottom-right { content: "Page " counter(page) " sur " counter(pages); }'), 'page numbers in French');
  assert.match(raw, /\.prose \.disputed::after \{ content: "Contest\\0000e9 "/);
  const sheet = await readHtml(out, 'entities/port-authority.html');
  assert.equal(text(sheet.querySelector('#facts-h')?.text), 'Faits essentiels');
  assert.equal(text(sheet.querySelector('#toc-h')?.text), 'Sur cette page');
  assert.equal(text(sheet.querySelector('.credibility-words')?.text), 'probablement vrai');
  assert.match(sheet.querySelector('script[type="application/ld+json"]')!.text, /"alternateName":"probablement vrai"/);
  assert.match(text(sheet.querySelector('.badge-corroborated')?.text), /^Rapporté par 2 sources$/);
  assert.match(sheet.querySelector('.reliability')!.getAttribute('title')!, /^Fiabilité de la source B : habituellement fiable$/);
  assert.equal(text(sheet.querySelector('.infobox dd')?.text), 'Organisation');
  // A report in another language says so on its main element, with its direction where it differs.
  const hebrew = (await readHtml(out, 'articles/hebrew-report.html')).querySelector('article.report')!;
  assert.equal(hebrew.getAttribute('lang'), 'he');
  assert.equal(hebrew.getAttribute('dir'), 'rtl');
  const english = (await readHtml(out, 'articles/radio-strike.html')).querySelector('article.report')!;
  assert.equal(english.getAttribute('lang'), undefined, 'a report in the briefing’s language inherits it');
});

test('ar: right to left, Arabic words, the dual and the other plural forms', async () => {
  const { out, result } = site('ar');
  assert.equal(result.ok, true);
  assert.deepEqual(result.diagnostics, []);
  for (const page of ['index.html', 'entities/index.html', 'entities/port-authority.html', 'articles/radio-strike.html', 'search.html']) {
    const root = (await readHtml(out, page)).querySelector('html')!;
    assert.equal(root.getAttribute('lang'), 'ar', page);
    assert.equal(root.getAttribute('dir'), 'rtl', page);
  }
  const home = await readHtml(out, 'index.html');
  assert.deepEqual(
    home.querySelectorAll('.site-nav a').map((a) => text(a.text)),
    ['الموجز', 'الكيانات', 'التسلسل الزمني', 'المصادر', 'البحث'],
  );
  // 4 reports (few), 2 entities and 2 facts (the dual, without a number), 0 quotes (zero).
  assert.equal(text(home.querySelector('.stats')?.text), '4 تقارير · كيانان · واقعتان · لا اقتباسات');
  assert.equal(text(home.querySelector('.compare-head .badge')?.text), 'مصدران');
  assert.deepEqual(
    home.querySelectorAll('.key-entities h3').map((h) => text(h.text)),
    ['منظمات', 'أماكن'],
  );
  const sheet = await readHtml(out, 'entities/port-authority.html');
  assert.equal(text(sheet.querySelector('.badge-corroborated')?.text), 'أوردها مصدران');
  assert.equal(text(sheet.querySelector('.credibility-words')?.text), 'صحيحة على الأرجح');
  const hebrew = (await readHtml(out, 'articles/hebrew-report.html')).querySelector('article.report')!;
  assert.equal(hebrew.getAttribute('lang'), 'he');
  assert.equal(hebrew.getAttribute('dir'), undefined, 'Hebrew runs right to left like the page');
  const english = (await readHtml(out, 'articles/radio-strike.html')).querySelector('article.report')!;
  assert.equal(english.getAttribute('lang'), undefined);
  // The search script's words, as data in the page.
  const blob = (await readHtml(out, 'search.html')).querySelector('#search-messages')!;
  assert.equal(blob.getAttribute('data-lang'), 'ar');
  assert.equal((JSON.parse(blob.text) as Record<string, Record<string, string>>)['search.count']!.two, 'نتيجتان لـ «{query}»');
});

test('a language without a catalogue: English interface, one warning at the language line', async () => {
  const { out, input, result } = site('xx');
  assert.equal(result.ok, true);
  assert.deepEqual(
    result.diagnostics.map((d) => [path.relative(input, d.file), d.line, d.column, d.severity, d.code, d.message]),
    [['briefing.md', 4, 11, 'warning', 'no-translation', 'no interface translation for "xx"; the interface is in English']],
  );
  const home = await readHtml(out, 'index.html');
  assert.equal(home.querySelector('html')!.getAttribute('lang'), 'xx');
  assert.equal(text(home.querySelector('.site-nav a')?.text), 'Briefing');
  assert.equal(text(home.querySelector('.stats')?.text), '4 reports · 2 entities · 2 facts · 0 quotes');
});
