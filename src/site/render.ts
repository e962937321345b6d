import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type MarkdownIt from 'markdown-it';
import nunjucks from 'nunjucks';
import { RenderError } from '../diagnostics.ts';
import type { Model } from '../model/types.ts';

/** `templates/` in this package: pages (paginated over the model), layouts and partials. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * Stage 6, pages: Eleventy renders a handful of Nunjucks templates, paginated with `size: 1` over
 * the frozen model handed to it as global data. Eleventy never sees content files as templates,
 * so no template engine ever runs over Markdown bodies or front matter, and Eleventy's per-input-
 * file overhead is paid for seven templates, not one per article.
 */
export async function renderPages(model: Model, md: MarkdownIt, outDir: string): Promise<number> {
  const input = path.join(TEMPLATES_DIR, 'pages');
  const elev = new Eleventy(input, outDir, {
    quietMode: true,
    // Never load an eleventy.config.js from the user's working folder: this build is configured here.
    configPath: false,
    config(cfg: EleventyUserConfig) {
      cfg.setTemplateFormats(['njk']);
      cfg.setIncludesDirectory('../partials');
      cfg.setLayoutsDirectory('../layouts');
      cfg.setDataDirectory('../no-data');
      cfg.setUseGitIgnore(false);
      cfg.setWatchJavaScriptDependencies(false);
      // One Markdown parser for the whole project (Eleventy bundles its own markdown-it otherwise).
      cfg.setLibrary('md', md);
      // Our own Nunjucks environment: autoescape on, and templates looked up only in templates/
      // (Eleventy's default loader also searches the user's working folder).
      cfg.setLibrary('njk', nunjucksEnvironment());
      cfg.addGlobalData('briefing', model);
    },
  });
  // Eleventy's own console lines ("[11ty] Wrote 46 files") would interleave with Briefing's
  // progress; its errors still reach us as exceptions.
  elev.disableLogger();
  try {
    const result = (await elev.write()) as unknown;
    return countWritten(result);
  } catch (error) {
    throw new RenderError(`rendering the pages failed: ${(error as Error).message}`, { cause: error });
  }
}

function nunjucksEnvironment(): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([path.join(TEMPLATES_DIR, 'layouts'), path.join(TEMPLATES_DIR, 'partials')]);
  return new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
}

/** The subset of Eleventy's config API this module uses (Eleventy ships no TypeScript types). */
interface EleventyUserConfig {
  setTemplateFormats(formats: string[]): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setUseGitIgnore(enabled: boolean): void;
  setWatchJavaScriptDependencies(enabled: boolean): void;
  setLibrary(name: string, lib: unknown): void;
  addGlobalData(name: string, data: unknown): void;
}

function countWritten(result: unknown): number {
  // `write()` resolves to one array of written pages per template.
  if (!Array.isArray(result)) return 0;
  return result.flat(Infinity).filter((r) => r && typeof r === 'object' && 'outputPath' in r && (r as { outputPath: unknown }).outputPath).length;
}
