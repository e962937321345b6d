import { html, type Html } from '../../src/site/html.ts';
import type { TimelineDay } from '../../src/model/types.ts';
import type { Messages } from '../../src/site/messages.ts';

/** A timeline: days, oldest first, each with its entries. */
export function timelineList(days: readonly TimelineDay[], root: string, m: Messages): Html {
  return html`<ol class="timeline">
${days.map(
  (d) => html`  <li class="timeline-day">
    <h3><time datetime="${d.day}">${d.label}</time></h3>
    <ul>
${d.entries.map(
  (e) => html`      <li class="timeline-entry timeline-${e.kind}">
        <span class="kind">${m.t(`kind.${e.kind}`)}</span>${
          e.date.iso.length > 10
            ? html`
        <time datetime="${e.date.iso}">${e.date.display}</time>`
            : ''
        }
        <a href="${root}${e.target}">${e.kind === 'quote' ? html`${e.speaker?.name}: ` : ''}${e.text}</a>${
          e.source
            ? html`
        <span class="meta">${e.source}</span>`
            : ''
        }${
          e.status === 'disputed'
            ? html`
        <span class="badge badge-disputed">${m.t('claim.disputed')}</span>`
            : ''
        }
      </li>
`,
)}    </ul>
  </li>
`,
)}</ol>
`;
}
