import { PLACEHOLDER, pluralForm, textDirection, type Catalogue, type PluralForms } from '../messages.ts';
import type { SiteView } from '../model/types.ts';
import { cssString, html, trusted, type Html } from './html.ts';

/** A placeholder's value: text and numbers are escaped, Html (a link, a `<time>`) goes in as it is. */
export type MessageValues = Readonly<Record<string, string | number | Html>>;

/**
 * The catalogue as the views read it. A message is the project's trusted text (it may hold a
 * link); its placeholders are filled with escaped values, as content may reach them.
 */
export interface Messages {
  /** The briefing's language and direction, for `<html lang dir>`. */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The catalogue's language, whose plural rules choose among its forms ("en" for a language without one). */
  readonly catalogueLang: string;
  /** A message as markup. */
  readonly t: (key: string, values?: MessageValues) => Html;
  /** The form of a plural message for `count` (`{count}` filled with it), as markup. */
  readonly n: (key: string, count: number, values?: MessageValues) => Html;
  /** A message as plain text with its values as given, for an attribute (which `html` escapes) or a script. */
  readonly text: (key: string, values?: Readonly<Record<string, string | number>>) => string;
  /** A language's direction (an article's, when it differs from the briefing's), looked up once per language. */
  readonly dirOf: (lang: string) => 'ltr' | 'rtl';
  /** A message as CSS `content` (a quoted string; each `{name}` becomes `counter(name)`), for a style the page writes. */
  readonly css: (key: string) => string;
  /** The raw messages of `keys`, as JSON for a script (plural forms stay objects: the script chooses). */
  readonly forScript: (keys: readonly string[]) => string;
}

const made = new WeakMap<Catalogue, Messages>();

/** The site's messages, made once per build (a WeakMap lookup per page after that). */
export function messagesOf(site: SiteView): Messages {
  let m = made.get(site.catalogue);
  if (!m) made.set(site.catalogue, (m = makeMessages(site.catalogue, site.language)));
  return m;
}

function makeMessages(catalogue: Catalogue, lang: string): Messages {
  const all = catalogue.messages;
  // A message without placeholders is the same markup on every page: made once.
  const fixed = new Map<string, Html>();
  for (const [key, m] of Object.entries(all)) if (typeof m === 'string' && !m.includes('{')) fixed.set(key, trusted(m));
  const source = (key: string): string => {
    const m = all[key];
    return typeof m === 'string' ? m : (m?.other ?? key);
  };
  const constants = new Map<string, Html>();
  const constant = (text: string): Html => {
    let h = constants.get(text);
    if (!h) constants.set(text, (h = trusted(text)));
    return h;
  };
  const plural = (key: string, count: number): string => {
    const m = all[key];
    return m === undefined ? key : typeof m === 'string' ? m : pluralForm(catalogue, m as PluralForms, count);
  };
  const dirs = new Map<string, 'ltr' | 'rtl'>();
  return {
    lang,
    dir: catalogue.dir,
    catalogueLang: catalogue.language,
    t: (key, values) => fixed.get(key) ?? fill(source(key), values),
    n: (key, count, values) => {
      const form = plural(key, count);
      // A form without placeholders ("mentions" after a chip's count) is the same markup each time.
      if (!form.includes('{')) return constant(form);
      return fill(form, values ? { ...values, count } : { count });
    },
    text: (key, values) =>
      values ? source(key).replace(PLACEHOLDER, (p, name: string) => (name in values ? String(values[name]) : p)) : source(key),
    css: (key) =>
      source(key)
        .split(PLACEHOLDER)
        .map((piece, i) => (i % 2 ? `counter(${piece})` : piece ? cssString(piece) : ''))
        .filter(Boolean)
        .join(' '),
    dirOf: (other) => {
      let dir = dirs.get(other);
      if (!dir) dirs.set(other, (dir = textDirection(other)));
      return dir;
    },
    // `<` as \u003c: no message can end the script element it is written in.
    forScript: (keys) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, all[k] ?? k]))).replace(/</g, '\\u003c'),
  };
}

function fill(message: string, values: MessageValues | undefined): Html {
  if (!values) return trusted(message);
  return trusted(message.replace(PLACEHOLDER, (p, name: string) => (Object.hasOwn(values, name) ? html`${values[name]}`.value : p)));
}
