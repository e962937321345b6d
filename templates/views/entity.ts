import { html, trusted, type Html } from '../../src/site/html.ts';
import type { EntityView, ImageFile, PictureView, SiteView } from '../../src/model/types.ts';
import { messagesOf, type Messages } from '../../src/site/messages.ts';
import { page } from '../layouts/base.ts';
import { claimCard } from '../partials/claim.ts';
import { factLine } from '../partials/fact-line.ts';
import { folded } from '../partials/fold.ts';
import { timelineList } from '../partials/timeline-list.ts';

/**
 * A fact sheet: contents, infobox, profile, key facts (disputed with both sides, then corroborated,
 * then single-source as a compact list), quotes, mentions, timeline, sources, related. Long lists
 * come folded from the model (`layout`): the first few items, the rest in a `<details>`. On wide
 * screens the infobox, related entities and the contents (sticky) stand beside the text.
 */
export function entityView(site: SiteView, root: string, pagePath: string, entity: EntityView, jsonLd: string): string {
  const e = entity;
  const m = messagesOf(site);
  const infobox = html`    <aside class="infobox" aria-labelledby="infobox-h">
      <h2 id="infobox-h" class="visually-hidden">${m.t('sheet.atAGlance')}</h2>${e.picture ? infoboxPicture(e.picture, root) : ''}
      <dl>
        <div><dt>${m.t('sheet.type')}</dt><dd>${e.typeLabel}</dd></div>${
          e.aliases.length
            ? html`
        <div><dt>${m.t('sheet.aliases')}</dt><dd>${e.aliases.join(' · ')}</dd></div>`
            : ''
        }${e.attributes.map(
          (a) => html`
        <div><dt>${a.label}</dt><dd>${trusted(a.html)}</dd></div>`,
        )}
        <div><dt>${m.t('sheet.mentions')}</dt><dd>${m.n('sheet.mentionCount', e.articleCount, { mentions: e.mentionCount })}</dd></div>${
          e.firstReported
            ? html`
        <div><dt>${m.t('sheet.firstReported')}</dt><dd><time datetime="${e.firstReported.iso}">${e.firstReported.display}</time></dd></div>`
            : ''
        }${
          e.lastReported && e.lastReported.iso !== e.firstReported?.iso
            ? html`
        <div><dt>${m.t('sheet.lastReported')}</dt><dd><time datetime="${e.lastReported.iso}">${e.lastReported.display}</time></dd></div>`
            : ''
        }${
          e.sameAs.length
            ? html`
        <div><dt>${m.t('sheet.elsewhere')}</dt><dd>${e.sameAs.map((u, i) => html`<a class="same-as" href="${u}" rel="noopener noreferrer">${u}</a>${i < e.sameAs.length - 1 ? html`<br>` : ''}`)}</dd></div>`
            : ''
        }
      </dl>
    </aside>
`;
  const profile = e.profileHtml
    ? html`      <section class="prose profile" aria-labelledby="profile-h">
        <h2 id="profile-h">${m.t('sheet.profile')}</h2>
${trusted(e.profileHtml)}      </section>
`
    : '';
  const L = e.layout;
  const facts = e.facts.total
    ? html`      <section aria-labelledby="facts-h">
        <h2 id="facts-h">${m.t('sheet.keyFacts')}</h2>
${
  L.disputes.total
    ? html`        <h3 id="disputed-h">${m.t('sheet.disputes')}</h3>
${folded(
  L.disputes,
  m,
  'fold.disputes',
  (ds) =>
    html`${ds.map(
      (d) => html`<div class="dispute" role="group" aria-label="${m.text('claim.conflicting')}">
${claimCard(d.claim, root, m)}${d.others.map((o) => claimCard(o, root, m))}</div>
`,
    )}`,
)}`
    : ''
}${
        L.corroborated.total
          ? html`        <h3 id="corroborated-h">${m.t('sheet.corroborated')}</h3>
${folded(L.corroborated, m, 'fold.corroborated', (cs) => html`${cs.map((c) => claimCard(c, root, m))}`)}`
          : ''
      }${
        L.singleSource.total
          ? html`        <h3 id="single-h">${m.t('sheet.singleSource')}</h3>
${folded(
  L.singleSource,
  m,
  'fold.single',
  (cs) => html`<ul class="fact-lines">
${cs.map((c) => factLine(c, root, m))}</ul>
`,
)}`
          : ''
      }${
        e.facts.more
          ? html`        <p class="more">${m.n('sheet.moreFacts', e.facts.more, { name: e.name, href: `${root}timeline.html` })}</p>\n`
          : ''
      }      </section>
`
    : '';
  const quotes = e.quotes.total
    ? html`      <section aria-labelledby="quotes-h">
        <h2 id="quotes-h">${m.t('sheet.quotes')}</h2>
${folded(
  L.quotes,
  m,
  'fold.quotes',
  (qs) =>
    html`${qs.map(
      (q) => html`        <figure class="quote-card">
          <blockquote><p>${q.text}</p></blockquote>
          <figcaption><a href="${root}${q.target}">${q.article.source}</a>${q.date ? html`, <time datetime="${q.date.iso}">${q.date.display}</time>` : ''}</figcaption>
        </figure>
`,
    )}`,
)}${e.quotes.more ? html`        <p class="more">${m.n('sheet.moreQuotes', e.quotes.more)}</p>\n` : ''}      </section>
`
    : '';
  const mentions = e.mentionsByArticle.total
    ? html`      <section aria-labelledby="mentions-h">
        <h2 id="mentions-h">${m.t('sheet.mentionsHeading')}</h2>
${folded(
  L.mentions,
  m,
  'fold.mentions',
  (gs) =>
    html`${gs.map(
      (g) => html`        <div class="mention-group">
          <h3><a href="${root}${g.article.page}">${g.article.title}</a></h3>
          <p class="meta">${g.article.source} · <time datetime="${g.article.published.iso}">${g.article.published.display}</time></p>
          <ul class="snippets">
            ${g.mentions.map((s) => html`<li><a class="snippet" href="${s.href}">${trusted(s.snippetHtml)}</a></li>`)}
          </ul>
${g.more ? html`          <p class="more">${m.n('sheet.moreInReport', g.more)}</p>\n` : ''}        </div>
`,
    )}`,
)}${
        e.mentionsByArticle.more
          ? html`        <p class="more">${m.n('sheet.snippetsFrom', e.articleCount, { shown: e.mentionsByArticle.items.length })}</p>\n`
          : ''
      }      </section>
`
    : '';
  const timeline = e.timeline.total
    ? html`      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">${m.t('sheet.timeline')}</h2>
${
  e.timeline.more ? html`        <p class="more">${m.n('sheet.timelineMore', e.timeline.more, { href: `${root}timeline.html` })}</p>\n` : ''
}${folded(L.timeline, m, 'fold.timeline', (days) => timelineList(days, root, m))}      </section>
`
    : '';
  const related = e.related.total
    ? html`    <section class="related-side" aria-labelledby="related-h">
      <h2 id="related-h">${m.t('sheet.related')}</h2>
      <p class="section-note">${m.t('sheet.relatedNote')}</p>
${folded(
  L.related,
  m,
  'fold.related',
  (rs) => html`      <ul class="related">
        ${rs.map(
          (r) =>
            html`<li><a href="${root}${r.page}" data-entity="${r.id}">${r.name}</a> <span class="type-label">${r.typeLabel}</span> <span class="weight">${r.weight}<span class="visually-hidden"> ${m.n('sheet.sharedParagraphs', r.weight)}</span></span></li>`,
        )}
      </ul>
`,
)}${e.related.more ? html`      <p class="more">${m.n('sheet.relatedMore', e.related.more)}</p>\n` : ''}    </section>
`
    : '';
  const sources = e.sources.length
    ? html`      <section aria-labelledby="sources-h">
        <h2 id="sources-h">${m.t('sheet.sources')}</h2>
        <ul class="source-list">
          ${e.sources.map(
            (s) =>
              html`<li><p class="source-head"><span class="source-name">${s.name}</span> <span class="count">· ${m.n('sheet.reportCount', s.total)}</span></p><ul>${s.articles.map(
                (a) =>
                  html`<li><a href="${root}${a.page}">${a.title}</a> · <time datetime="${a.published.iso}">${a.published.display}</time></li>`,
              )}</ul>${s.more ? html`<p class="more">${m.n('sheet.sourceMore', s.more, { source: s.name })}</p>` : ''}</li>`,
          )}
        </ul>
      </section>
`
    : '';
  const main = html`<article class="fact-sheet">
  <header class="page-head">
    <p class="eyebrow"><span class="type-badge type-${e.type}">${e.typeLabel}</span></p>
    <h1>${e.name}</h1>${
      e.summary
        ? html`
    <p class="lede">${e.summary}</p>`
        : ''
    }${
      e.stub
        ? html`
    <p class="notice">${m.t('sheet.stub')}</p>`
        : ''
    }
  </header>

  <div class="sheet-grid">
${contents(e, m)}${infobox}
    <div class="sheet-main">
${profile}${facts}${quotes}${mentions}${timeline}${sources}    </div>
${related}  </div>
</article>`;
  return page(
    { site, root, pagePath, title: e.name, description: e.summary, section: 'entities', bodyClass: `page-entity type-${e.type}`, jsonLd },
    main,
  );
}

/** The contents: a link to each section the fact sheet has. */
function contents(e: EntityView, m: Messages): Html {
  const L = e.layout;
  const link = (id: string, key: string) => html`<li><a href="#${id}">${m.t(key)}</a></li>`;
  return html`    <nav class="toc" aria-labelledby="toc-h">
      <h2 id="toc-h">${m.t('toc.title')}</h2>
      <ol>
        ${e.profileHtml ? link('profile-h', 'toc.profile') : ''}${
          e.facts.total
            ? html`<li><a href="#facts-h">${m.t('toc.keyFacts')}</a>${
                L.disputes.total || L.corroborated.total || L.singleSource.total
                  ? html`<ol>${L.disputes.total ? link('disputed-h', 'toc.disputed') : ''}${L.corroborated.total ? link('corroborated-h', 'toc.several') : ''}${
                      L.singleSource.total ? link('single-h', 'toc.one') : ''
                    }</ol>`
                  : ''
              }</li>`
            : ''
        }${e.quotes.total ? link('quotes-h', 'toc.quotes') : ''}${e.mentionsByArticle.total ? link('mentions-h', 'toc.mentions') : ''}${
          e.timeline.total ? link('timeline-h', 'toc.timeline') : ''
        }${e.sources.length ? link('sources-h', 'toc.sources') : ''}${e.related.total ? link('related-h', 'toc.related') : ''}
      </ol>
    </nav>
`;
}

/** The width the infobox gives its image (templates/assets/site.css caps it there), for `sizes`. */
const INFOBOX_IMAGE_SIZES = '18rem';

/**
 * The entity's image, resized at build time (src/site/images.ts): WebP, with the original's format
 * (JPEG, else PNG) as the fallback; width and height reserve its place, so the page does not jump.
 */
function infoboxPicture(p: PictureView, root: string): Html {
  const srcset = (files: readonly ImageFile[]): string => files.map((f) => `${root}${f.src} ${f.width}w`).join(', ');
  return html`
      <picture class="infobox-image">
        <source type="image/webp" srcset="${srcset(p.webp)}" sizes="${INFOBOX_IMAGE_SIZES}">
        <img src="${root}${p.shown.src}" srcset="${srcset(p.fallback)}" sizes="${INFOBOX_IMAGE_SIZES}" width="${p.shown.width}" height="${p.shown.height}" alt="${p.alt}" loading="lazy" decoding="async">
      </picture>`;
}
