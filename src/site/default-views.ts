import { articleView } from '../../templates/views/article.ts';
import { entityView } from '../../templates/views/entity.ts';
import { homeView } from '../../templates/views/home.ts';
import { entitiesView, searchView, sourcesView, timelineView } from '../../templates/views/indexes.ts';
import { extraPageView } from '../../templates/views/page.ts';
import { sourceView } from '../../templates/views/source.ts';
import { page, withLayout, type Frame, type Layout } from '../../templates/layouts/base.ts';
import type { PageViews } from './pages.ts';

/**
 * Briefing's own views (templates/views), the ones a build renders with. The one module of src/
 * that imports templates/ (test/unit/templates-imports.test.ts): the render stage is handed its
 * views, and the orchestrator (build.ts, incremental.ts) hands it these.
 */
export const DEFAULT_VIEWS: PageViews = {
  home: homeView,
  entities: entitiesView,
  timeline: timelineView,
  sources: sourcesView,
  search: searchView,
  article: articleView,
  entity: entityView,
  source: sourceView,
  page: extraPageView,
};

/** Briefing's own page frame, whatever layout a project gives (what a project's layout may wrap). */
export const builtinLayout: Layout = (f, main, scripts) => withLayout(undefined, () => page(f, main, scripts));

export { withLayout, type Frame, type Layout };
