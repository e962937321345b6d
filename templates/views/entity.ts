import { html, trusted, type Html } from '../../src/site/html.ts';
import type { EntityView, ImageFile, PictureView, SiteView } from '../../src/model/types.ts';
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
  const infobox = html`    <aside class="infobox" aria-labelledby="infobox-h">
      <h2 id="infobox-h" class="visually-hidden">At a glance</h2>${e.picture ? infoboxPicture(e.picture, root) : ''}
      <dl>
        <div><dt>Type</dt><dd>${e.typeLabel}</dd></div>${
          e.aliases.length
            ? html`
        <div><dt>Also called</dt><dd>${e.aliases.join(' · ')}</dd></div>`
            : ''
        }${e.attributes.map(
          (a) => html`
        <div><dt>${a.label}</dt><dd>${trusted(a.html)}</dd></div>`,
        )}
        <div><dt>Mentions</dt><dd>${e.mentionCount} in ${e.articleCount} report${e.articleCount !== 1 ? 's' : ''}</dd></div>${
          e.firstReported
            ? html`
        <div><dt>First reported</dt><dd><time datetime="${e.firstReported.iso}">${e.firstReported.display}</time></dd></div>`
            : ''
        }${
          e.lastReported && e.lastReported.iso !== e.firstReported?.iso
            ? html`
        <div><dt>Last reported</dt><dd><time datetime="${e.lastReported.iso}">${e.lastReported.display}</time></dd></div>`
            : ''
        }${
          e.sameAs.length
            ? html`
        <div><dt>Elsewhere</dt><dd>${e.sameAs.map((u, i) => html`<a class="same-as" href="${u}" rel="noopener noreferrer">${u}</a>${i < e.sameAs.length - 1 ? html`<br>` : ''}`)}</dd></div>`
            : ''
        }
      </dl>
    </aside>
`;
  const profile = e.profileHtml
    ? html`      <section class="prose profile" aria-labelledby="profile-h">
        <h2 id="profile-h">Profile</h2>
${trusted(e.profileHtml)}      </section>
`
    : '';
  const L = e.layout;
  const facts = e.facts.total
    ? html`      <section aria-labelledby="facts-h">
        <h2 id="facts-h">Key facts</h2>
${
  L.disputes.total
    ? html`        <h3 id="disputed-h">Where the sources disagree</h3>
${folded(
  L.disputes,
  'disputes',
  (ds) =>
    html`${ds.map(
      (d) => html`<div class="dispute" role="group" aria-label="Conflicting reports">
${claimCard(d.claim, root)}${d.others.map((o) => claimCard(o, root))}</div>
`,
    )}`,
)}`
    : ''
}${
        L.corroborated.total
          ? html`        <h3 id="corroborated-h">Reported by several sources</h3>
${folded(L.corroborated, 'facts reported by several sources', (cs) => html`${cs.map((c) => claimCard(c, root))}`)}`
          : ''
      }${
        L.singleSource.total
          ? html`        <h3 id="single-h">Reported by one source</h3>
${folded(
  L.singleSource,
  'single-source facts',
  (cs) => html`<ul class="fact-lines">
${cs.map((c) => factLine(c, root))}</ul>
`,
)}`
          : ''
      }${
        e.facts.more
          ? html`        <p class="more">${e.facts.more} more facts name ${e.name}: see the <a href="${root}timeline.html">timeline</a> and the reports below.</p>\n`
          : ''
      }      </section>
`
    : '';
  const quotes = e.quotes.total
    ? html`      <section aria-labelledby="quotes-h">
        <h2 id="quotes-h">Quotes</h2>
${folded(
  L.quotes,
  'quotes',
  (qs) =>
    html`${qs.map(
      (q) => html`        <figure class="quote-card">
          <blockquote><p>${q.text}</p></blockquote>
          <figcaption><a href="${root}${q.target}">${q.article.source}</a>${q.date ? html`, <time datetime="${q.date.iso}">${q.date.display}</time>` : ''}</figcaption>
        </figure>
`,
    )}`,
)}${e.quotes.more ? html`        <p class="more">${e.quotes.more} more quotes, in the reports below.</p>\n` : ''}      </section>
`
    : '';
  const mentions = e.mentionsByArticle.total
    ? html`      <section aria-labelledby="mentions-h">
        <h2 id="mentions-h">Mentions in the reports</h2>
${folded(
  L.mentions,
  'reports’ mentions',
  (gs) =>
    html`${gs.map(
      (g) => html`        <div class="mention-group">
          <h3><a href="${root}${g.article.page}">${g.article.title}</a></h3>
          <p class="meta">${g.article.source} · <time datetime="${g.article.published.iso}">${g.article.published.display}</time></p>
          <ul class="snippets">
            ${g.mentions.map((m) => html`<li><a class="snippet" href="${m.href}">${trusted(m.snippetHtml)}</a></li>`)}
          </ul>
${g.more ? html`          <p class="more">and ${g.more} more in this report</p>\n` : ''}        </div>
`,
    )}`,
)}${
        e.mentionsByArticle.more
          ? html`        <p class="more">Snippets from the ${e.mentionsByArticle.items.length} latest reports; all ${e.articleCount} are listed under Sources.</p>\n`
          : ''
      }      </section>
`
    : '';
  const timeline = e.timeline.total
    ? html`      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
${
  e.timeline.more
    ? html`        <p class="more">The latest entries; ${e.timeline.more} earlier ones are on the <a href="${root}timeline.html">briefing timeline</a>.</p>\n`
    : ''
}${folded(L.timeline, 'timeline entries', (days) => timelineList(days, root))}      </section>
`
    : '';
  const related = e.related.total
    ? html`    <section class="related-side" aria-labelledby="related-h">
      <h2 id="related-h">Related</h2>
      <p class="section-note">By the number of paragraphs that mention both.</p>
${folded(
  L.related,
  'related',
  (rs) => html`      <ul class="related">
        ${rs.map(
          (r) =>
            html`<li><a href="${root}${r.page}" data-entity="${r.id}">${r.name}</a> <span class="type-label">${r.typeLabel}</span> <span class="weight">${r.weight}<span class="visually-hidden"> shared paragraphs</span></span></li>`,
        )}
      </ul>
`,
)}${e.related.more ? html`      <p class="more">and ${e.related.more} more (all in data/entities.json)</p>\n` : ''}    </section>
`
    : '';
  const sources = e.sources.length
    ? html`      <section aria-labelledby="sources-h">
        <h2 id="sources-h">Sources</h2>
        <ul class="source-list">
          ${e.sources.map(
            (s) =>
              html`<li><p class="source-head"><span class="source-name">${s.name}</span> <span class="count">· ${s.total} report${s.total !== 1 ? 's' : ''}</span></p><ul>${s.articles.map(
                (a) =>
                  html`<li><a href="${root}${a.page}">${a.title}</a> · <time datetime="${a.published.iso}">${a.published.display}</time></li>`,
              )}</ul>${s.more ? html`<p class="more">and ${s.more} earlier reports from ${s.name}</p>` : ''}</li>`,
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
    <p class="notice">This name appears in the reports but has no profile yet.</p>`
        : ''
    }
  </header>

  <div class="sheet-grid">
${contents(e)}${infobox}
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
function contents(e: EntityView): Html {
  const L = e.layout;
  const link = (id: string, label: string) => html`<li><a href="#${id}">${label}</a></li>`;
  return html`    <nav class="toc" aria-labelledby="toc-h">
      <h2 id="toc-h">On this page</h2>
      <ol>
        ${e.profileHtml ? link('profile-h', 'Profile') : ''}${
          e.facts.total
            ? html`<li><a href="#facts-h">Key facts</a>${
                L.disputes.total || L.corroborated.total || L.singleSource.total
                  ? html`<ol>${L.disputes.total ? link('disputed-h', 'Disputed') : ''}${L.corroborated.total ? link('corroborated-h', 'Several sources') : ''}${
                      L.singleSource.total ? link('single-h', 'One source') : ''
                    }</ol>`
                  : ''
              }</li>`
            : ''
        }${e.quotes.total ? link('quotes-h', 'Quotes') : ''}${e.mentionsByArticle.total ? link('mentions-h', 'Mentions') : ''}${
          e.timeline.total ? link('timeline-h', 'Timeline') : ''
        }${e.sources.length ? link('sources-h', 'Sources') : ''}${e.related.total ? link('related-h', 'Related') : ''}
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
