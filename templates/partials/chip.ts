import { html, type Html } from '../../src/site/html.ts';
import type { EntityRef } from '../../src/model/types.ts';
import type { Messages } from '../../src/site/messages.ts';

/** An entity as a chip, with its mention count when it has one. */
export function chip(e: EntityRef, root: string, m: Messages, count?: number): Html {
  return html`<a class="chip chip-${e.type}${e.stub ? ' chip-stub' : ''}" href="${root}${e.page}" data-entity="${e.id}">${e.name}${count !== undefined ? html` <span class="count">${count}<span class="visually-hidden"> ${m.n('chip.mentions', count)}</span></span>` : ''}</a>`;
}
