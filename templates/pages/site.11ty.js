// The one Eleventy template: paginated with size 1 over Briefing's page list (src/site/pages.ts).
// Each page is rendered by `renderView` (src/site/render.ts) with the view of its kind (Briefing's
// own are templates/views), and handed from there to the page writer with the output path Eleventy gave
// it; Eleventy gets an empty string (render.ts says why). A permalink function (not a
// "{{ … }}" string) keeps Eleventy from compiling a template per page.
export const data = {
  pagination: { data: 'pages', size: 1, alias: 'spec' },
  permalink: (data) => data.spec.path,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return this.renderView(data.spec, data.page.outputPath);
}
