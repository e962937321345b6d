import { html, type Html } from '../../src/site/html.ts';
import type { Fold } from '../../src/model/types.ts';

/**
 * A long list as a fact sheet shows it: the first items, then the rest inside a `<details>` whose
 * summary says how many there are in all. It opens without JavaScript, and every item is in the
 * page (found by the browser's find, printed, read by screen readers once opened).
 */
export function folded<T>(list: Fold<T>, what: string, render: (items: readonly T[]) => Html): Html {
  return html`${render(list.shown)}${
    list.folded.length
      ? html`<details class="fold">
  <summary>Show all ${list.total} ${what}</summary>
${render(list.folded)}</details>
`
      : ''
  }`;
}
