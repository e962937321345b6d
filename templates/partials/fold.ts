import { html, type Html } from '../../src/site/html.ts';
import type { Fold } from '../../src/model/types.ts';
import type { Messages } from '../../src/site/messages.ts';

/**
 * A long list as a fact sheet shows it: the first items, then the rest inside a `<details>` whose
 * summary says how many there are in all. It opens without JavaScript, and every item is in the
 * page (found by the browser's find, printed, read by screen readers once opened). `summary`: the
 * catalogue key of the summary's plural message ("Show all {count} quotes").
 */
export function folded<T>(list: Fold<T>, m: Messages, summary: string, render: (items: readonly T[]) => Html): Html {
  return html`${render(list.shown)}${
    list.folded.length
      ? html`<details class="fold">
  <summary>${m.n(summary, list.total)}</summary>
${render(list.folded)}</details>
`
      : ''
  }`;
}
