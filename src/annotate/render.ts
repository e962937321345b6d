import type MarkdownIt from 'markdown-it';
import Token from 'markdown-it/lib/token.mjs';
import { contextOf, type SpanAttributes } from './context.ts';

/** An entity's page by its id, relative to the output root. */
export type EntityHref = (id: string) => string;

/**
 * A URL that leaves the site: one with a scheme, or protocol-relative (`//host/…`, which takes the
 * page's scheme: a request to that host over http(s), or to a network share from file://). The
 * src arrives normalised by markdown-it (entities decoded, backslashes and spaces percent-encoded),
 * so no other spelling of `//` reaches a browser as one.
 */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Renderer rules for the annotation tokens, a mention linking to `entityHref` of its entity under
 * the page's root. Every value from content goes through `escapeHtml`.
 */
export function registerRenderRules(md: MarkdownIt, entityHref: EntityHref): void {
  const escape = md.utils.escapeHtml;

  md.renderer.rules['entity_mention'] = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    const meta = token.meta as { id: string; stub: boolean; inLink: boolean };
    const cls = meta.stub ? 'mention mention-stub' : 'mention';
    if (meta.inLink) return `<span class="${cls}" data-entity="${escape(meta.id)}">${escape(token.content)}</span>`;
    const href = contextOf(env).root + entityHref(meta.id);
    return `<a class="${cls}" href="${escape(href)}" data-entity="${escape(meta.id)}">${escape(token.content)}</a>`;
  };

  md.renderer.rules['annotation_open'] = (tokens, idx) => {
    const token = tokens[idx]!;
    const attrs = (token.meta as { attributes: SpanAttributes }).attributes;
    const classes = ['annotation'];
    const data: string[] = [];
    if (attrs.claim) {
      classes.push('claim');
      data.push(` data-claim="${escape(attrs.claim)}"`);
    }
    if (attrs.quote) {
      classes.push('quote');
      data.push(` data-speaker="${escape(attrs.quote)}"`);
    }
    if (attrs.conflicts.length > 0) classes.push('disputed');
    const id = token.attrGet('id');
    return `<span${id ? ` id="${escape(id)}"` : ''} class="${classes.join(' ')}"${data.join('')}>`;
  };
  md.renderer.rules['annotation_close'] = () => '</span>';

  // An image's alt text keeps the words of the mentions in it (markdown-it's text renderer knows
  // only its own token types).
  const asText = md.renderer.renderInlineAsText.bind(md.renderer);
  md.renderer.renderInlineAsText = (tokens, options, env) =>
    asText(
      tokens.map((t) => (t.type === 'entity_mention' ? Object.assign(new Token('text', '', 0), { content: t.content }) : t)),
      options,
      env,
    );

  // The built site makes no request outside itself: a remote image becomes a link to it.
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens: Token[], idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet('src') ?? '';
    if (REMOTE.test(src) && !src.startsWith('data:')) {
      const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
      return `<a class="remote-image" href="${escape(src)}">${escape(alt)}</a>`;
    }
    return image(tokens, idx, options, env, self);
  };
}
