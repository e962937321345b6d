import type { FooterHtml } from '../annotate/footer.ts';
import type { KeptText } from '../annotate/parse.ts';
import type { ClaimRecordText } from '../annotate/records.ts';
import type { BodyHtml } from '../annotate/spill.ts';
import { formatDate, parseIsoDate, type IsoDate } from '../content/dates.ts';
import type { StubEntity } from '../content/registry.ts';
import type {
  ArticleMeta,
  ArticleSlug,
  Branding,
  BriefingSettings,
  EntityId,
  EntityMeta,
  EntityType,
  PageMeta,
  SourceId,
  SourceMeta,
  SourcePosition,
} from '../types.ts';
import { ENTITY_TYPES } from '../types.ts';
import { loadCatalogue } from '../messages.ts';
import type { ArticleRef, DateView, EntityRef, Model, PagePaths, PublicationRef } from './types.ts';

/** What the annotate stage hands to the model stage. */
export interface AnnotatedContent {
  readonly settings: BriefingSettings;
  readonly summary: KeptText;
  readonly articles: readonly { readonly slug: ArticleSlug; readonly meta: ArticleMeta; readonly body: KeptText<BodyHtml> }[];
  readonly entities: readonly {
    readonly id: EntityId;
    readonly meta: EntityMeta;
    readonly profile: KeptText;
    readonly attributes: readonly { readonly label: string; readonly html: string }[];
  }[];
  /** The claim records (`claims/<id>.md`), in file order. */
  readonly claims: readonly ClaimRecordText[];
  readonly stubs: readonly StubEntity[];
  /** The source records (FORMAT.md §5), each with where its name is written (found only for a warning). */
  readonly sources: readonly {
    readonly id: SourceId;
    readonly meta: SourceMeta;
    readonly profile: KeptText;
    readonly at: () => SourcePosition;
  }[];
  /** The extra pages (`pages/<slug>.md`), in file order. */
  readonly pages: readonly { readonly slug: string; readonly meta: PageMeta; readonly body: KeptText }[];
  /** The records' ids, names and aliases by name key (src/content/sources.ts). */
  readonly sourceNames: ReadonlyMap<string, SourceId>;
  readonly buildId: string;
  /** FORMAT.md §6, when the briefing has any (src/annotate/footer.ts). */
  readonly brand?: Branding;
  readonly footer?: FooterHtml;
}

/** An article's reference with the metadata and body its views are built from. */
export interface ArticleInput<A extends AnnotatedContent['articles'][number] = AnnotatedContent['articles'][number]> {
  ref: ArticleRef;
  meta: A['meta'];
  body: A['body'];
}

/** Entity references, profiles first, then stubs: the model's, and the search index's before the model. */
export function entityReferences(
  content: Pick<AnnotatedContent, 'entities' | 'stubs' | 'settings'>,
  pages: PagePaths,
): Map<EntityId, EntityRef> {
  const refs = new Map<EntityId, EntityRef>();
  // The type's name in the briefing's language (the hover previews and search results show it too).
  const catalogue = loadCatalogue(content.settings.language);
  const typeNames = Object.fromEntries(ENTITY_TYPES.map((t) => [t, catalogue.text(`type.${t}`)])) as Record<EntityType, string>;
  const stubLabel = catalogue.text('type.stub');
  for (const e of content.entities) {
    refs.set(e.id, {
      id: e.id,
      name: e.meta.name,
      type: e.meta.type,
      typeLabel: typeNames[e.meta.type],
      page: pages.entity(e.id),
      summary: e.meta.summary,
      stub: false,
    });
  }
  for (const s of content.stubs) {
    refs.set(s.id, {
      id: s.id,
      name: s.name,
      type: s.type,
      typeLabel: stubLabel,
      page: pages.entity(s.id),
      summary: undefined,
      stub: true,
    });
  }
  return refs;
}

/** The articles' references, newest first (then by slug), each with its metadata and body. */
export function articleReferences<A extends AnnotatedContent['articles'][number]>(
  content: { readonly articles: readonly A[] },
  dateOf: (d: IsoDate) => DateView,
  pages: PagePaths,
  publicationOf: (source: string) => PublicationRef,
): ArticleInput<A>[] {
  const refs = content.articles.map(({ slug, meta, body }) => ({
    ref: {
      slug,
      title: meta.title,
      page: pages.article(slug),
      source: meta.source,
      publication: publicationOf(meta.source),
      published: dateOf(parseIsoDate(meta.published) as IsoDate),
    } satisfies ArticleRef,
    meta,
    body,
  }));
  return refs.sort(
    (a, b) => b.ref.published.time - a.ref.published.time || (a.ref.slug < b.ref.slug ? -1 : a.ref.slug > b.ref.slug ? 1 : 0),
  );
}

/**
 * How the model shows a date, in the briefing's language. One view per distinct date, shared:
 * a big briefing has far fewer dates than dated things, and `Intl.DateTimeFormat` is slow enough
 * that formatting every article's date again was a tenth of the model stage.
 */
export function dateView(language: string): (d: IsoDate) => DateView {
  const views = new Map<string, DateView>();
  return (d) => {
    let view = views.get(d.iso);
    if (!view) {
      view = { iso: d.iso, display: formatDate(d, language), time: d.time };
      views.set(d.iso, view);
    }
    return view;
  };
}

/** The entities' references and their name order, shared by every pass after the references. */
export interface EntityNames {
  readonly refs: ReadonlyMap<EntityId, EntityRef>;
  /** Ids in name order. */
  readonly inNameOrder: readonly EntityId[];
  /** Each id's place in `inNameOrder`. */
  readonly nameRank: ReadonlyMap<EntityId, number>;
}

/**
 * Entities in name order, once, with the briefing language's collation: sorts after this compare
 * ranks instead of calling localeCompare (an ICU call) millions of times.
 */
export function entityNames(refs: ReadonlyMap<EntityId, EntityRef>, language: string): EntityNames {
  const collator = new Intl.Collator(language);
  const inNameOrder = [...refs.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)).map((r) => r.id);
  const nameRank = new Map(inNameOrder.map((id, i) => [id, i]));
  return { refs, inNameOrder, nameRank };
}

/** The site's settings as the pages show them. */
export function siteView(
  content: Pick<AnnotatedContent, 'settings' | 'buildId' | 'brand' | 'footer'>,
  dateOf: (d: IsoDate) => DateView,
  /** The extra pages, in navigation order: the site's navigation links to them. */
  extra: Model['site']['nav'],
): Model['site'] {
  const settings = content.settings;
  const { brand, footer } = content;
  return {
    title: settings.title,
    ...optional('subtitle', settings.subtitle),
    ...optional('description', settings.description),
    language: settings.language,
    ...optional('publisher', settings.publisher),
    ...optional('author', settings.author),
    ...(settings.updated ? { updated: dateOf(parseIsoDate(settings.updated) as IsoDate) } : {}),
    // With a trailing slash, so page paths can be appended.
    ...optional('baseUrl', settings.baseUrl?.replace(/\/?$/, '/')),
    buildId: content.buildId,
    nav: extra.map(({ title, page }) => ({ title, page })),
    ...(brand || footer ? { brand: { ...brand, ...optional('footer', footer) } } : {}),
    catalogue: loadCatalogue(settings.language),
  };
}

/** `make` with a memory: each distinct key is made once (dates and names repeat across a briefing). */
export function memoized<V>(make: (key: string) => V): (key: string) => V {
  const made = new Map<string, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
