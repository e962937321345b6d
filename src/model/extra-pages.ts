import type { AnnotatedContent } from './references.ts';
import type { ExtraPageView, PagePaths } from './types.ts';

/**
 * The extra pages' views, in the navigation's order: those with `nav` by that number, then those
 * without, by title in the briefing's language (ties by title, then slug, so the order never
 * depends on the file system). A few pages: sorted once here, never by a template.
 */
export function extraPages(content: Pick<AnnotatedContent, 'pages'>, pages: PagePaths, language: string): ExtraPageView[] {
  // Most briefings have none: no collator is made for them.
  if (content.pages.length === 0) return [];
  const collator = new Intl.Collator(language);
  const views = content.pages.map(({ slug, meta, body }) => ({
    slug,
    title: meta.title,
    ...(meta.summary === undefined ? {} : { summary: meta.summary }),
    page: pages.page(slug),
    html: body.html,
    text: body.blocks.texts.join('\n'),
    nav: meta.nav ?? Infinity,
  }));
  views.sort((a, b) => a.nav - b.nav || collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return views.map(({ nav: _nav, ...view }) => view);
}
