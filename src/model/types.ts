import type { RootedHtml } from '../annotate/records.ts';
import type { BodyHtml } from '../annotate/spill.ts';
import type { FooterHtml } from '../annotate/footer.ts';
import type { ArticleSlug, Branding, BriefingSettings, ClaimId, EntityId, EntityType, PagePath, Reliability, SourceId } from '../types.ts';
import type { Catalogue } from '../messages.ts';
export type { ImageFile, ImageSource, PictureView } from './images.ts';
import type { ImageSource, PictureView } from './images.ts';
export type { ExtraPageView, NavLink } from './pages-types.ts';
import type { ExtraPageView, NavLink } from './pages-types.ts';

/**
 * The knowledge model: built once per build from the annotated content, frozen, and handed to the
 * templates. Everything a page shows is here, already counted, sorted and formatted (except the
 * articles' bodies, kept beside it in `ArticleBodies`, and each page's JSON-LD, made as the page
 * is rendered): templates render and never search, count or sort.
 */

export interface DateView {
  readonly iso: string;
  /** For people: "13 September 2023". */
  readonly display: string;
  /** Milliseconds since the epoch, for sorting. */
  readonly time: number;
}

/** The briefing's settings as pages show them. */
export type SiteView = Omit<BriefingSettings, 'updated' | keyof SiteBrand> & {
  readonly updated?: DateView;
  /** Distinguishes one build's files from another's (offline cache name). */
  readonly buildId: string;
  /** The extra pages' links in the site's navigation, in `nav` order (`ExtraPageView`). */
  readonly nav: readonly NavLink[];
  /** FORMAT.md §6; absent for a briefing without branding. */
  readonly brand?: SiteBrand;
  /** The interface's words in the briefing's language (src/messages.ts), loaded once per build. */
  readonly catalogue: Catalogue;
};

/** The branding as pages show it: `logo` and `css` are site paths under assets/. */
export interface SiteBrand extends Partial<Branding> {
  readonly footer?: FooterHtml;
}

export interface ArticleRef {
  readonly slug: ArticleSlug;
  readonly title: string;
  readonly page: PagePath;
  /** `source` as the article writes it. */
  readonly source: string;
  /** The publication it resolves to (one object per publication, shared by its articles). */
  readonly publication: PublicationRef;
  readonly published: DateView;
}

/** A reliability letter and its words (FORMAT.md §5), e.g. B, "usually reliable". */
export interface ReliabilityView {
  readonly letter: Reliability;
  readonly words: string;
}

/**
 * A publication articles name as `source`: a source record (`id`), or the name as articles write
 * it (two spellings of one record are one publication; unprofiled names meet by name key).
 */
export interface PublicationRef {
  /** The page's file name: the record's id, or a slug made from the name. */
  readonly slug: string;
  /** Present when the publication has a record in sources/. */
  readonly id?: SourceId;
  readonly name: string;
  readonly page: PagePath;
  readonly reliability?: ReliabilityView;
}

/** A publication's page: its record (where there is one), its reports and the claims they make. */
export interface SourceView extends PublicationRef {
  readonly aliases: readonly string[];
  readonly url?: string;
  readonly country?: string;
  readonly owner?: string;
  readonly language?: string;
  readonly profileHtml?: string;
  /** Every article it published, newest first (for the exports). */
  readonly articleSlugs: readonly ArticleSlug[];
  /** Its reports, newest first. */
  readonly reports: Excerpt<ArticleRef>;
  /** Claims no other publication reports. */
  readonly onlyHere: Excerpt<ClaimView>;
  /** Claims it reports with others. */
  readonly shared: Excerpt<ClaimView>;
  /** Conflicts one of whose claims it reports: its claim first. */
  readonly conflicts: Excerpt<{ readonly claim: ClaimView; readonly other: ClaimView }>;
}

export interface EntityRef {
  readonly id: EntityId;
  readonly name: string;
  readonly type: EntityType;
  readonly typeLabel: string;
  readonly page: PagePath;
  /** Always present (undefined without one), so every reference has the same shape. */
  readonly summary: string | undefined;
  /** Named in a mention but has no profile file. */
  readonly stub: boolean;
}

export interface CountedEntity extends EntityRef {
  readonly mentionCount: number;
}

export interface WeightedEntity extends EntityRef {
  readonly weight: number;
}

export interface MentionView {
  /** The sentence around the mention, HTML-escaped, the mention in `<mark>`. */
  readonly snippetHtml: string;
  /** Link from an entity page (one folder deep) to the paragraph in the article. */
  readonly href: string;
}

export interface ArticleMentions {
  readonly article: ArticleRef;
  readonly mentions: readonly MentionView[];
  /** Mentions in this article beyond the ones shown. */
  readonly more: number;
}

/** The first items of a long list, the list's length, and how many are not shown. */
export interface Excerpt<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly more: number;
}

export interface SourceGroup {
  readonly name: string;
  /** The publication's page. */
  readonly page: PagePath;
  /** Newest first; on a fact sheet only the latest few. */
  readonly articles: readonly ArticleRef[];
  readonly total: number;
  readonly more: number;
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'disputed';

export interface ClaimReportView {
  readonly article: ArticleRef;
  /** The claim as this source phrased it (plain text). */
  readonly text: string;
  readonly date?: DateView;
  /** The cited passage: article page + `#claim-…`, relative to the output root. */
  readonly target: string;
  /** The span's place among its article's spans (document order), for the timeline's order. */
  readonly position: number;
}

/** A claim's grade on the Admiralty scale (FORMAT.md §5): 1 confirmed by other sources … 6 cannot be judged. */
export interface Credibility {
  readonly value: number;
  /** "probably true" */
  readonly words: string;
}

export interface ClaimView {
  readonly id: ClaimId;
  /** The claim as plain text: its record's statement, or without a record the words of the report in `quoted`. */
  readonly statement: string;
  /** The record's statement as HTML, mentions linked; absent without a record. */
  readonly statementHtml?: RootedHtml;
  /**
   * Without a record, the report whose words stand for the claim (shown as quoted from its
   * source, never as neutral text): the earliest published report that reads as a sentence,
   * else the earliest report.
   */
  readonly quoted?: ClaimReportView;
  readonly credibility?: Credibility;
  /** The record's note (why this credibility), when it has one. */
  readonly noteHtml?: RootedHtml;
  /** Every report, in article order (for the exports). */
  readonly reports: readonly ClaimReportView[];
  /** The reports a page cites: one per source first, then the rest, up to a cap. */
  readonly citations: Excerpt<ClaimReportView>;
  readonly subjects: readonly EntityRef[];
  /** Distinct publications (`source`) among the reports. */
  readonly sourceCount: number;
  readonly sources: readonly string[];
  readonly conflicts: readonly ClaimRef[];
  readonly status: ClaimStatus;
  readonly date?: DateView;
}

export interface ClaimRef {
  readonly id: ClaimId;
  readonly statement: string;
  readonly target: string;
  /** Set when `statement` is this publication's words (a claim without a record), to show it as quoted. */
  readonly source?: string;
}

export interface QuoteView {
  readonly speaker: EntityRef;
  readonly article: ArticleRef;
  readonly text: string;
  readonly date?: DateView;
  readonly target: string;
  /** The span's place among its article's spans (document order), for the timeline's order. */
  readonly position: number;
}

export type TimelineKind = 'claim' | 'quote' | 'article';

/** Related entities in columns: `weights[i]` is the weight of `ids[i]`. */
export interface RelatedWeights {
  readonly ids: readonly EntityId[];
  readonly weights: Int32Array;
}

export interface TimelineEntry {
  readonly date: DateView;
  /** `YYYY-MM-DD` of `date` as written; `timed` when the date has a time of day. */
  readonly day: string;
  readonly timed: boolean;
  /** The report it comes from (an article's own entry: that article), and the place in it (-1 for the article itself). */
  readonly article: ArticleRef;
  readonly position: number;
  readonly kind: TimelineKind;
  readonly text: string;
  /** Where the entry links, relative to the output root. */
  readonly target: string;
  readonly source?: string;
  readonly speaker?: EntityRef;
  readonly status?: ClaimStatus;
}

export interface TimelineDay {
  /** YYYY-MM-DD */
  readonly day: string;
  /** For people: "13 September 2023". */
  readonly label: string;
  readonly entries: readonly TimelineEntry[];
}

export interface ArticleView extends ArticleRef {
  readonly url?: string;
  readonly authors: readonly string[];
  readonly dateline?: string;
  readonly summary?: string;
  readonly language: string;
  readonly tags: readonly string[];
  readonly editorSupplied: readonly string[];
  readonly editorNote?: string;
  /**
   * Entities mentioned, most mentioned first, and how often each (`mentions[i]` for
   * `entities[i]`): the shared references and a list of numbers, not a counted copy of each
   * reference (150,000 objects the model kept at 10,000 articles).
   */
  readonly entities: readonly EntityRef[];
  readonly mentions: readonly number[];
  readonly claims: readonly ClaimRef[];
  readonly quotes: readonly QuoteView[];
}

/**
 * The articles' bodies, kept beside the model rather than in it: the HTML is read by one page
 * each and the plain text by the search index, once, and a big briefing's bodies are most of its
 * memory (docs/performance.md). The pages stage deletes each article's HTML once its page is
 * rendered. The texts are made only when asked for (`keepTexts`, which `serve` sets): a build
 * hands them to the search index before the model exists.
 */
export interface ArticleBodies {
  /** Body HTML by article slug; in a build, spilled to a file until its page is rendered (src/annotate/spill.ts). */
  readonly html: Map<string, BodyHtml>;
  /** The body as plain text, paragraph per line, by article slug (for the search index); only when asked for. */
  readonly text: Map<string, string> | undefined;
}

export interface AttributeView {
  readonly label: string;
  readonly html: string;
}

export interface EntityView extends EntityRef {
  readonly aliases: readonly string[];
  readonly attributes: readonly AttributeView[];
  readonly sameAs: readonly string[];
  readonly profileHtml: string;
  readonly mentionCount: number;
  readonly articleCount: number;
  /** Every article that mentions it, newest first (for the exports). */
  readonly articleSlugs: readonly ArticleSlug[];
  readonly firstReported?: DateView;
  readonly lastReported?: DateView;
  /** Snippets from the latest reports. */
  readonly mentionsByArticle: Excerpt<ArticleMentions>;
  /**
   * Every related entity with its weight (shared paragraphs), heaviest first, for the exports: in
   * columns, since a big briefing has hundreds of thousands of related pairs (190,000 at 10,000
   * articles) and the model keeps them to the end of the build.
   */
  readonly relatedWeights: RelatedWeights;
  readonly related: Excerpt<WeightedEntity>;
  readonly sources: readonly SourceGroup[];
  readonly facts: Excerpt<ClaimView>;
  readonly quotes: Excerpt<QuoteView>;
  readonly timeline: Excerpt<TimelineDay>;
  /** The same lists as the fact sheet lays them out: facts grouped, long lists folded. */
  readonly layout: FactSheetLayout;
  /** The image its front matter names (FORMAT.md §6), if any. */
  readonly image?: ImageSource;
  /** That image resized, given to the page by the images step (src/site/images.ts), never by the model. */
  readonly picture?: PictureView;
}

/** A list split into the items a page shows at once and the ones it folds away (in a `<details>`). */
export interface Fold<T> {
  readonly shown: readonly T[];
  readonly folded: readonly T[];
  /** shown + folded (for a timeline: entries, not days). */
  readonly total: number;
}

/** A disputed fact and the facts that contradict it: both sides. */
export interface Dispute {
  readonly claim: ClaimView;
  readonly others: readonly ClaimView[];
}

export interface FactSheetLayout {
  readonly disputes: Fold<Dispute>;
  /** Reported by two sources or more. */
  readonly corroborated: Fold<ClaimView>;
  readonly singleSource: Fold<ClaimView>;
  readonly quotes: Fold<QuoteView>;
  readonly mentions: Fold<ArticleMentions>;
  readonly timeline: Fold<TimelineDay>;
  readonly related: Fold<WeightedEntity>;
}

export interface EntityGroup {
  readonly type: EntityType;
  readonly label: string;
  readonly entities: readonly CountedEntity[];
}

export interface SourceComparison {
  readonly corroborated: Excerpt<ClaimView>;
  readonly singleSource: Excerpt<ClaimView>;
  readonly disputes: Excerpt<{ readonly claim: ClaimView; readonly other: ClaimView }>;
}

/**
 * The page of an article and of an entity, relative to the output root: the site layer's URL
 * scheme (src/site/paths.ts), handed to the model for the references it makes.
 */
export interface PagePaths {
  readonly article: (slug: ArticleSlug) => PagePath;
  readonly entity: (id: EntityId) => PagePath;
  readonly source: (slug: string) => PagePath;
  /** An extra page's path, `pages/<slug>.html`. */
  readonly page: (slug: string) => PagePath;
}

export interface Model {
  readonly site: SiteView;
  readonly summaryHtml: string;
  /** Newest first. */
  readonly articles: readonly ArticleView[];
  /** The latest articles, for the home page. */
  readonly latestArticles: Excerpt<ArticleRef & { readonly summary?: string }>;
  /** By id; every entity with a profile plus stubs for unknown names. */
  readonly entities: readonly EntityView[];
  /** Per type, by mention count: the home page's key entities (a few per type). */
  readonly keyEntities: readonly EntityGroup[];
  /** Per type, by name: the entity index. */
  readonly entityGroups: readonly EntityGroup[];
  readonly sources: readonly SourceGroup[];
  /** Every publication articles name, by name: one page each. */
  readonly publications: readonly SourceView[];
  /** The extra pages, in navigation order: `nav` first (smaller first), then the others by title. */
  readonly pages: readonly ExtraPageView[];
  readonly claims: readonly ClaimView[];
  readonly quotes: readonly QuoteView[];
  readonly timeline: Excerpt<TimelineDay>;
  readonly comparison: SourceComparison;
  readonly stats: {
    readonly articles: number;
    readonly entities: number;
    readonly mentions: number;
    readonly claims: number;
    readonly quotes: number;
  };
}
