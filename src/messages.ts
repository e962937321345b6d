import { readdirSync, readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './runtime.ts';

/**
 * The interface's words in the briefing's language: one JSON catalogue per language in
 * templates/i18n/ (`en.json` is complete and the reference; docs/format.md says how to add one).
 * A catalogue is data, never run: each key's value is a message (trusted text written by the
 * project; it may hold markup) with named placeholders `{name}`, or, for a count, an object of
 * the forms keyed by the language's `Intl.PluralRules` categories. Loaded and merged over English
 * once per language and build, so a page reads a plain object.
 */
export const CATALOGUE_DIR = new URL('templates/i18n/', PACKAGE_ROOT);

export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;
export type Message = string | PluralForms;

export interface Catalogue {
  /** The tag of the catalogue used ("fr" for a briefing in fr-CA; "en" when there is none). */
  readonly language: string;
  /** Whether the briefing's language had a catalogue of its own (exact tag or primary subtag). */
  readonly translated: boolean;
  /** The briefing language's direction (not the catalogue's). */
  readonly dir: 'ltr' | 'rtl';
  /** Every English key, with the language's message where it has one. */
  readonly messages: Readonly<Record<string, Message>>;
  /** The plural category of a count, by the catalogue language's rules. */
  readonly plural: (count: number) => Intl.LDMLPluralRule;
  /** A message without placeholders as plain text (for the model's labels). */
  readonly text: (key: string) => string;
}

/** Right-to-left scripts, and languages written in one by default. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);
const RTL = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'yi', 'dv', 'sd', 'ug', 'ckb', 'syr', 'arc', 'nqo']);

/**
 * A tag's direction: its script subtag when it has one (ku-Arab), else the list, else Node's
 * `Intl.Locale#textInfo` (which, in Node 20, calls Thaana and ku-Arab left to right).
 */
export function textDirection(language: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(language);
    if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
    if (RTL.has(locale.language)) return 'rtl';
    const info = (locale as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

let available: ReadonlySet<string> | undefined;

/** The languages with a catalogue, by file name (`pt-BR.json` → "pt-BR"). */
export function catalogueLanguages(): ReadonlySet<string> {
  available ??= new Set(
    readdirSync(CATALOGUE_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length)),
  );
  return available;
}

/** The catalogue for a BCP 47 tag: the exact tag, else its primary language subtag, else none. */
export function catalogueFor(language: string): string | undefined {
  const have = catalogueLanguages();
  const lower = new Map([...have].map((l) => [l.toLowerCase(), l]));
  const exact = lower.get(language.toLowerCase());
  if (exact) return exact;
  return lower.get(language.split('-')[0]!.toLowerCase());
}

function readCatalogue(language: string): Record<string, Message> {
  return JSON.parse(readFileSync(new URL(`${language}.json`, CATALOGUE_DIR), 'utf8')) as Record<string, Message>;
}

const loaded = new Map<string, Catalogue>();

/** The interface catalogue for the briefing's language, made once per language. */
export function loadCatalogue(language: string): Catalogue {
  let catalogue = loaded.get(language);
  if (catalogue) return catalogue;
  const found = catalogueFor(language);
  const used = found ?? 'en';
  const english = readCatalogue('en');
  const own = used === 'en' ? english : readCatalogue(used);
  const messages: Record<string, Message> = {};
  // English keys only, each from the language where it has it: a missing key reads in English.
  for (const key of Object.keys(english)) messages[key] = Object.hasOwn(own, key) ? own[key]! : english[key]!;
  const rules = new Intl.PluralRules(used);
  catalogue = {
    language: used,
    translated: found !== undefined,
    // The pages' direction is the content's: an Urdu briefing reads right to left with an English interface.
    dir: textDirection(language),
    messages,
    plural: (count) => rules.select(count),
    text: (key) => {
      const m = messages[key];
      return typeof m === 'string' ? m : m === undefined ? key : (m.other ?? key);
    },
  };
  loaded.set(language, catalogue);
  return catalogue;
}

/**
 * A plural message's form for `count`: the language's category, else `other` (a key that fell
 * back to English has only English's `one` and `other`).
 */
export function pluralForm(catalogue: Catalogue, forms: PluralForms, count: number): string {
  return forms[catalogue.plural(count)] ?? forms.other ?? '';
}

/** Each `{name}` in a message, in order (for the catalogue test and for filling). */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
