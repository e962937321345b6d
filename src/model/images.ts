/** The entities' images, as the model and the images step (src/site/images.ts) hand them on. */

/** An entity's image as its front matter names it: a path relative to the content folder's assets/. */
export interface ImageSource {
  readonly file: string;
  readonly alt: string;
}

/** One resized file of an image: its path from the site's root, and its size in pixels. */
export interface ImageFile {
  readonly src: string;
  readonly width: number;
  readonly height: number;
}

/** An entity's image as the pages show it, made once per build before the pages (src/site/images.ts). */
export interface PictureView {
  readonly alt: string;
  /** The infobox's sizes in WebP, narrowest first. */
  readonly webp: readonly ImageFile[];
  /** The same sizes in the fallback format (JPEG for a JPEG, else PNG: it may be transparent), for a browser without WebP. */
  readonly fallback: readonly ImageFile[];
  /** The fallback file the infobox's `<img>` names, with the width and height the page reserves. */
  readonly shown: ImageFile;
  /** The small WebP of the hover preview. */
  readonly preview: ImageFile;
}
