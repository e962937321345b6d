import { html, trusted } from '../../src/site/html.ts';
import type { EntityView, SiteView } from '../../src/model/types.ts';
import { page } from '../layouts/base.ts';
import { claimCard } from '../partials/claim.ts';
import { timelineList } from '../partials/timeline-list.ts';

/** A fact sheet: profile, infobox, key facts, quotes, mentions, timeline, related, sources. */
export function entityView(site: SiteView, root: string, pagePath: string, entity: EntityView, jsonLd: string): string {
  const e = entity;
  const infobox = html`    <aside class="infobox" aria-labelledby="infobox-h">
      <h2 id="infobox-h" class="visually-hidden">At a glance</h2>
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
  const facts = e.facts.total
    ? html`      <section aria-labelledby="facts-h">
        <h2 id="facts-h">Key facts</h2>
${e.facts.items.map((c) => claimCard(c, root))}${
        e.facts.more
          ? html`        <p class="more">${e.facts.more} more facts name ${e.name}: see the <a href="${root}timeline.html">timeline</a> and the reports below.</p>\n`
          : ''
      }      </section>
`
    : '';
  const quotes = e.quotes.total
    ? html`      <section aria-labelledby="quotes-h">
        <h2 id="quotes-h">Quotes</h2>
${e.quotes.items.map(
  (q) => html`        <figure class="quote-card">
          <blockquote><p>${q.text}</p></blockquote>
          <figcaption><a href="${root}${q.target}">${q.article.source}</a>${q.date ? html`, <time datetime="${q.date.iso}">${q.date.display}</time>` : ''}</figcaption>
        </figure>
`,
)}${e.quotes.more ? html`        <p class="more">${e.quotes.more} more quotes, in the reports below.</p>\n` : ''}      </section>
`
    : '';
  const mentions = e.mentionsByArticle.total
    ? html`      <section aria-labelledby="mentions-h">
        <h2 id="mentions-h">Mentions in the reports</h2>
${e.mentionsByArticle.items.map(
  (g) => html`        <div class="mention-group">
          <h3><a href="${root}${g.article.page}">${g.article.title}</a></h3>
          <p class="meta">${g.article.source} · <time datetime="${g.article.published.iso}">${g.article.published.display}</time></p>
          <ul class="snippets">
            ${g.mentions.map((m) => html`<li><a class="snippet" href="${m.href}">${trusted(m.snippetHtml)}</a></li>`)}
          </ul>
${g.more ? html`          <p class="more">and ${g.more} more in this report</p>\n` : ''}        </div>
`,
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
}${timelineList(e.timeline.items, root)}      </section>
`
    : '';
  const related = e.related.total
    ? html`      <section aria-labelledby="related-h">
        <h2 id="related-h">Related</h2>
        <p class="section-note">Weighted by the number of paragraphs that mention both.</p>
        <ul class="related">
          ${e.related.items.map(
            (r) =>
              html`<li><a href="${root}${r.page}" data-entity="${r.id}">${r.name}</a> <span class="type-label">${r.typeLabel}</span> <span class="weight">${r.weight}<span class="visually-hidden"> shared paragraphs</span></span></li>`,
          )}
        </ul>
${e.related.more ? html`        <p class="more">and ${e.related.more} more (all in data/entities.json)</p>\n` : ''}      </section>
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
${infobox}
    <div class="sheet-main">
${profile}${facts}${quotes}${mentions}${timeline}${related}${sources}    </div>
  </div>
</article>`;
  return page(
    { site, root, pagePath, title: e.name, description: e.summary, section: 'entities', bodyClass: `page-entity type-${e.type}`, jsonLd },
    main,
  );
}
