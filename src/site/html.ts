import escapeHtml from 'escape-html';

/**
 * HTML that is already safe: made by `html` below (its values escaped), or trusted markup the
 * build made itself (markdown-it's output, snippets), marked with `trusted`. Nothing else is
 * inserted into a page unescaped.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), numbers, Html, nothing, or a list of these. */
export type Interpolation = string | number | Html | null | undefined | false | readonly Interpolation[];

/**
 * The tag of Briefing's templates (templates/**.ts): `html\`<h1>${title}</h1>\`` escapes `title`
 * (`& < > " '`, as Nunjucks' autoescape did, with escape-html), inserts an `Html` as it is and
 * joins lists, so a template cannot forget to escape and nested templates are never escaped twice.
 *
 * Written here because the tagged-template libraries either escape more than HTML needs (`/`,
 * `=` and backquotes, which made every link on a page longer) or mark trusted values with a
 * character in the template text rather than by type; the escaping itself is escape-html's.
 * Templates are plain functions because Nunjucks' runtime was the largest single cost of
 * rendering a big briefing (docs/performance.md).
 */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup made by the build itself (never a string from content). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

function piece(value: Interpolation): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof Html) return value.value;
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined || value === false) return '';
  let out = '';
  for (const v of value as readonly Interpolation[]) out += piece(v);
  return out;
}

/**
 * `text` as a quoted CSS string (for `content:` in a `<style>` the build writes): every character
 * but ASCII letters, digits and spaces is written as an escape (six hex digits and a space), so no
 * content string can end the string, the rule or the `<style>` element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    // The space ends the escape: CSS takes one white space after an escape as part of it.
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')} `;
  }
  return `${out}"`;
}
