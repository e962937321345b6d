/**
 * The interface catalogues (templates/i18n/*.json, src/messages.ts): each shipped language has every
 * English key, no other, the plural forms its language's `Intl.PluralRules` has, the placeholders
 * English has, and the same links; the loader picks a catalogue by tag and falls back to English.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  catalogueFor,
  catalogueLanguages,
  CATALOGUE_DIR,
  loadCatalogue,
  PLACEHOLDER,
  pluralForm,
  textDirection,
  type Message,
} from '../../src/messages.ts';

const read = (lang: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`${lang}.json`, CATALOGUE_DIR), 'utf8')) as Record<string, unknown>;
const english = read('en') as Record<string, Message>;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
const links = (text: string): string[] => [...text.matchAll(/<[^>]*>/g)].map((m) => m[0]).sort();
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
/** A message's placeholders and markup: a string's own; a plural message's `other` form's (others may spell the number out). */
const shape = (m: Message) => {
  const text = typeof m === 'string' ? m : (m.other ?? '');
  return { placeholders: placeholders(text), markup: links(text) };
};

test('the catalogues include English, French and Arabic', () => {
  for (const lang of ['en', 'fr', 'ar']) assert.ok(catalogueLanguages().has(lang), lang);
});

for (const lang of catalogueLanguages()) {
  test(`catalogue ${lang}: the keys, plural categories, placeholders and markup of English`, () => {
    const own = read(lang);
    assert.deepEqual(Object.keys(own).sort(), Object.keys(english).sort(), 'the same keys as en.json');
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
    for (const [key, value] of Object.entries(own)) {
      const en = english[key]!;
      if (typeof en === 'string') {
        assert.equal(typeof value, 'string', `${key}: a plain message, as in English`);
      } else {
        assert.ok(value && typeof value === 'object' && !Array.isArray(value), `${key}: plural forms, as in English`);
        assert.deepEqual(Object.keys(value).sort(), categories, `${key}: the plural categories of ${lang}`);
        for (const form of Object.values(value)) assert.equal(typeof form, 'string', `${key}: each form is text`);
      }
      const m = value as Message;
      assert.deepEqual(shape(m), shape(en), `${key}: the placeholders and markup of English`);
      for (const form of forms(m)) {
        for (const p of placeholders(form))
          assert.ok(shape(en).placeholders.includes(p), `${key}: {${p}} is not one of English's placeholders`);
        assert.ok(!/\{(?![A-Za-z][A-Za-z0-9]*\})/.test(form), `${key}: a brace that is not a placeholder: ${form}`);
      }
    }
  });
}

test('the loader: exact tag, then the primary subtag, else English; every key present', () => {
  assert.equal(catalogueFor('en-GB'), 'en');
  assert.equal(catalogueFor('EN'), 'en');
  assert.equal(catalogueFor('xx'), undefined);
  const none = loadCatalogue('xx');
  assert.equal(none.language, 'en');
  assert.equal(none.translated, false);
  assert.equal(none.text('nav.entities'), 'Entities');
  assert.deepEqual(Object.keys(none.messages).sort(), Object.keys(english).sort());
  assert.equal(pluralForm(none, none.messages['home.statReports'] as Record<string, string>, 1), '{count} report');
});

test('a regional tag reads its language’s catalogue', () => {
  assert.equal(catalogueFor('fr-CA'), 'fr');
  assert.equal(catalogueFor('AR'), 'ar');
  const fr = loadCatalogue('fr-CA');
  assert.equal(fr.language, 'fr');
  assert.ok(fr.translated);
  assert.equal(fr.text('nav.entities'), 'Entités');
});

test('plural forms follow the language: Arabic has a dual, French counts 0 as one', () => {
  const ar = loadCatalogue('ar');
  const forms = ar.messages['home.statReports'] as Record<string, string>;
  assert.equal(pluralForm(ar, forms, 2), 'تقريران');
  assert.equal(pluralForm(ar, forms, 3), '{count} تقارير');
  assert.equal(pluralForm(ar, forms, 11), '{count} تقريرًا');
  assert.equal(pluralForm(ar, forms, 100), '{count} تقرير');
  const fr = loadCatalogue('fr');
  const frForms = fr.messages['home.statReports'] as Record<string, string>;
  assert.equal(pluralForm(fr, frForms, 0), '{count} dépêche');
  assert.equal(pluralForm(fr, frForms, 2), '{count} dépêches');
});

test('direction: right to left for Arabic, Persian, Hebrew, Urdu, Yiddish, Kurdish in Arabic script', () => {
  for (const lang of ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ku-Arab', 'ar-EG']) assert.equal(textDirection(lang), 'rtl', lang);
  for (const lang of ['en', 'fr', 'zh', 'ku', 'ru']) assert.equal(textDirection(lang), 'ltr', lang);
});

test('every catalogue key the templates name is in en.json', () => {
  const dir = new URL('../../templates/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:ts|js)$/.test(f));
  const namespaces = new Set(Object.keys(english).map((k) => k.split('.')[0]!));
  const used = new Set<string>();
  for (const file of files) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    for (const m of source.matchAll(/['`]([a-z]+)\.([A-Za-z0-9]+)['`]/g)) if (namespaces.has(m[1]!)) used.add(`${m[1]}.${m[2]}`);
  }
  assert.ok(used.size > 100, `the templates name ${used.size} keys`);
  assert.deepEqual(
    [...used].filter((k) => !Object.hasOwn(english, k)),
    [],
  );
});
