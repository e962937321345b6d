/**
 * Hand-off types between the pipeline's stages (see docs/architecture.md).
 * Every stage takes the previous stage's output and returns new plain data.
 */

/** A nominal string type: keeps ids of different kinds from being mixed up. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** An entity's stable id: its file name in `entities/` (or a generated stub id). */
export type EntityId = Brand<string, 'EntityId'>;
/** An article's stable id: its file name in `articles/`. */
export type ArticleSlug = Brand<string, 'ArticleSlug'>;
/** A claim id from `{claim=…}`. */
export type ClaimId = Brand<string, 'ClaimId'>;
/** A source record's id: its file name in `sources/` (its own namespace, apart from entity ids). */
export type SourceId = Brand<string, 'SourceId'>;
/** A page's path relative to the output root, e.g. `entities/kim-jong-un.html`. */
export type PagePath = Brand<string, 'PagePath'>;

/** The six entity types of the contract (FORMAT.md §1), in display order. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'object', 'topic'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Ids and slugs: FORMAT.md §1 — a lowercase letter or digit, then letters, digits and hyphens. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A 1-based position in a source file, counted in the file as written (front matter included). */
export interface SourcePosition {
  /** Absolute path of the source file. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type DocumentKind = 'briefing' | 'article' | 'entity' | 'claim' | 'source' | 'page';

/** One content file as read from disk (stage: load). */
export interface SourceFile {
  readonly kind: DocumentKind;
  /** Absolute path. */
  readonly path: string;
  /** The file name without `.md`: the article slug or entity id (`briefing` for briefing.md). */
  readonly id: string;
  /** The text, with a BOM removed and CRLF turned into LF (columns are unaffected). */
  readonly text: string;
}

/** Where in the source a front-matter key or value sits; an empty key path: the block itself. */
export type Locate = (path: readonly (string | number)[]) => SourcePosition;

/**
 * Where each character of a front-matter string is written: `text` is the value as read at the
 * key path (trimmed or not), and an offset into it maps to its place in the file, through quotes,
 * escapes, indentation and folded lines.
 */
export type LocateText = (path: readonly (string | number)[], text: string) => (offset: number) => SourcePosition;

/** A file split into front matter and body (stage: front matter). */
export interface SplitDocument {
  readonly source: SourceFile;
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 0-based line index, in the file, of the body's first line. */
  readonly bodyLineOffset: number;
  readonly locate: Locate;
  readonly locateText: LocateText;
}

export interface BriefingSettings {
  readonly title: string;
  readonly subtitle?: string;
  readonly description?: string;
  readonly language: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly updated?: string;
  readonly baseUrl?: string;
  /** FORMAT.md §6: paths under assets/, a CSS colour, one line of Markdown. */
  readonly logo?: string;
  readonly accent?: string;
  readonly css?: string;
  readonly footer?: string;
}

/** A file of the content folder's assets/, copied to the site's assets/ (content/assets.ts). */
export interface AssetFile {
  /** Path inside assets/, with `/` separators (e.g. `logo.svg`, `fonts/serif.woff2`). */
  readonly name: string;
  /** The file to copy: its real path (a link inside the input folder is followed). */
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The accent (FORMAT.md §6) and the shades links and labels use, as #rrggbb (content/brand.ts). */
export interface AccentShades {
  readonly colour: string;
  /** On the light backgrounds: the colour, or a darker shade of it that reaches 4.5:1. */
  readonly text: string;
  readonly hover: string;
  /** On the dark scheme's backgrounds: a lighter shade that reaches 4.5:1. */
  readonly darkText: string;
  readonly darkHover: string;
}

/** briefing.md's branding after its checks: URL paths from the site root (assets/…), and every asset to copy. */
export interface Branding {
  /** The logo and its media type (for the icon link and the manifest). */
  readonly logo?: { readonly href: string; readonly type: string };
  readonly css?: string;
  readonly accent?: AccentShades;
  readonly assets: readonly AssetFile[];
}

export interface ArticleMeta {
  readonly title: string;
  readonly source: string;
  readonly published: string;
  readonly url?: string;
  readonly authors: readonly string[];
  readonly dateline?: string;
  readonly summary?: string;
  readonly language?: string;
  readonly tags: readonly string[];
  /** Extension: front-matter keys whose values the editor supplied (the raw report lacked them). */
  readonly editorSupplied: readonly string[];
  /** Extension: the editor's note on how the report was prepared. */
  readonly editorNote?: string;
}

export interface EntityMeta {
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly summary?: string;
  /** Label → value (values may hold `[[mentions]]`), in source order. */
  readonly attributes: readonly { readonly label: string; readonly value: string }[];
  readonly sameAs: readonly string[];
  /** FORMAT.md §6: an image's path relative to the content folder's assets/, checked to exist. */
  readonly image?: string;
  /** The image's text alternative (required with `image`). */
  readonly imageAlt?: string;
}

/** The editor's record of a claim (`claims/<id>.md`, FORMAT.md §5); the body is the editor's note. */
export interface ClaimMeta {
  /** One sentence in the editor's neutral words; may hold `[[mentions]]`. */
  readonly statement: string;
  /** 1–6 on the Admiralty scale (1 confirmed by other sources … 6 cannot be judged). */
  readonly credibility?: number;
  /** Targets, resolved like `about=`: subjects of the claim besides those its reports mention. */
  readonly about: readonly string[];
  /** When the stated event happened; overrides the reports' `date=`. */
  readonly date?: string;
}

/** A source's reliability on the Admiralty scale (FORMAT.md §5): A completely reliable … F cannot be judged. */
export const RELIABILITY = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'cannot be judged',
} as const;
export type Reliability = keyof typeof RELIABILITY;

/** A publication's record, `sources/<id>.md` (FORMAT.md §5). */
export interface SourceMeta {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly url?: string;
  readonly country?: string;
  readonly owner?: string;
  readonly language?: string;
  readonly reliability?: Reliability;
}

/** An extra page, `pages/<slug>.md` (FORMAT.md §6): About, Methodology; its slug is its own namespace. */
export interface PageMeta {
  readonly title: string;
  /** The page's place in the navigation (smaller first); pages without one follow, by title. */
  readonly nav?: number;
  readonly summary?: string;
}

/** A validated document (stage: validate). */
export interface ValidDocument<M> {
  readonly split: SplitDocument;
  readonly meta: M;
}

export interface ValidContent {
  readonly briefing: ValidDocument<BriefingSettings>;
  readonly articles: readonly ValidDocument<ArticleMeta>[];
  readonly entities: readonly ValidDocument<EntityMeta>[];
  readonly claims: readonly ValidDocument<ClaimMeta>[];
  readonly sources: readonly ValidDocument<SourceMeta>[];
  readonly pages: readonly ValidDocument<PageMeta>[];
}
