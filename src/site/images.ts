import path from 'node:path';
import { RenderError, UsageError } from '../diagnostics.ts';
import type { EntityId } from '../types.ts';
import type { ImageFile, Model, PictureView } from '../model/types.ts';

/** What the images step gives the pages and the previews: each entity's resized image. */
export type EntityPictures = ReadonlyMap<EntityId, PictureView>;

export const NO_PICTURES: EntityPictures = new Map();

/**
 * The widths made of each image, in CSS pixels: the infobox's (18rem on a wide screen, where it
 * stands beside the text; templates/assets/site.css caps the image at that width everywhere) and
 * twice that for dense screens; and the hover preview's thumbnail.
 */
const INFOBOX_WIDTH = 288;
const PREVIEW_WIDTH = 96;

/** Where the resized files go, under the site's root. */
const IMAGES_FOLDER = 'assets/images';

/** Whether any entity has an image: without one the images step, and its libraries, never run. */
export function hasImages(model: Model): boolean {
  return model.entities.some((e) => e.image !== undefined);
}

/**
 * The images step, after the model and before the pages (which need each image's size): every
 * entity image is resized once, with Eleventy's image library (eleventy-img, over sharp), to
 * PREVIEW_WIDTH, INFOBOX_WIDTH and twice that (never wider than the original), in WebP and in a
 * fallback format, into `assets/images/<entity id>-<width>.<format>` of the staging folder; the
 * page gets the sizes as plain data. The library is imported here only, when a first image
 * exists: a briefing without images never loads it or sharp. Its memory cache is off (each build
 * writes its own staging folder, which a cached result would leave empty) and it keeps no disk
 * cache for local files, so nothing is written anywhere but the staging folder.
 */
export async function makeImages(model: Model, input: string, outDir: string): Promise<EntityPictures> {
  const { default: Image } = await import('@11ty/eleventy-img');
  const assets = path.join(path.resolve(input), 'assets');
  // One image named by several entities is resized once, named after the first of them.
  const byFile = new Map<string, Promise<Omit<PictureView, 'alt'>>>();
  const resize = async (file: string, id: EntityId): Promise<Omit<PictureView, 'alt'>> => {
    const fallback = /\.jpe?g$/i.test(file) ? 'jpeg' : 'png';
    try {
      const stats = await Image(path.join(assets, ...file.split('/')), {
        widths: [PREVIEW_WIDTH, INFOBOX_WIDTH, INFOBOX_WIDTH * 2],
        formats: ['webp', fallback],
        outputDir: path.join(outDir, ...IMAGES_FOLDER.split('/')),
        urlPath: `${IMAGES_FOLDER}/`,
        useCache: false,
        filenameFormat: (_hash, _src, width, format) => `${id}-${width}.${format}`,
      });
      return sizes(stats['webp'] ?? [], stats[fallback] ?? [], fallback);
    } catch (error) {
      // The file starts like an image (validate checked) but sharp cannot read the rest of it:
      // the content's trouble, found after the positions are gone, so said as one usage line.
      const reason = String((error as Error).message)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' ');
      throw new UsageError(`assets/${file} (the image of entities/${id}.md) could not be resized: ${reason}`, { cause: error });
    }
  };
  const made = new Map<EntityId, PictureView>();
  await Promise.all(
    model.entities.map(async (e) => {
      if (!e.image) return;
      let job = byFile.get(e.image.file);
      if (!job) byFile.set(e.image.file, (job = resize(e.image.file, e.id)));
      made.set(e.id, { alt: e.image.alt, ...(await job) });
    }),
  );
  // In the entities' order, whatever order the files were finished in.
  return new Map(model.entities.filter((e) => made.has(e.id)).map((e) => [e.id, made.get(e.id)!]));
}

interface Stat {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The sizes as the page uses them: the narrowest WebP for the preview, the rest for the infobox
 * (all of them when the original is narrower than the preview's width, so there is only one).
 */
function sizes(webpStats: readonly Stat[], fallbackStats: readonly Stat[], format: string): Omit<PictureView, 'alt'> {
  const file = (s: Stat): ImageFile => ({ src: s.url, width: s.width, height: s.height });
  const webp = webpStats.map(file);
  const fallback = fallbackStats.map(file);
  const preview = webp[0];
  if (!preview || !fallback.length) throw new RenderError(`internal error: the image library made no ${preview ? format : 'webp'} file`);
  const infobox = (files: ImageFile[]): ImageFile[] => (files.length > 1 ? files.slice(1) : files);
  const shownFallback = infobox(fallback);
  return {
    webp: infobox(webp),
    fallback: shownFallback,
    // The width the infobox shows, or the widest made when the original is narrower.
    shown: shownFallback.find((f) => f.width >= INFOBOX_WIDTH) ?? shownFallback[shownFallback.length - 1]!,
    preview,
  };
}
