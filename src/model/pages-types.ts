import type { PagePath } from '../types.ts';

/** A link of the site's navigation to an extra page. */
export interface NavLink {
  readonly title: string;
  readonly page: PagePath;
}

/** An extra page, `pages/<slug>.md` (FORMAT.md §6). */
export interface ExtraPageView extends NavLink {
  readonly slug: string;
  readonly summary?: string;
  /** The annotated body, its links written for a page one folder deep. */
  readonly html: string;
  /** The body as plain text, a paragraph a line: what the search index reads. */
  readonly text: string;
}
