// Eleventy's image library ships JavaScript without TypeScript declarations; this describes only
// the call Briefing makes (src/site/images.ts).
declare module '@11ty/eleventy-img' {
  export interface ImageOptions {
    widths?: (number | 'auto')[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    useCache?: boolean;
    filenameFormat?: (hash: string, src: string, width: number, format: string) => string;
  }
  /** One file made: its URL (urlPath + file name), size in pixels, path on disk. */
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename: string;
    outputPath: string;
    size: number;
  }
  /** Resizes and writes the image; the files made, by format, narrowest first. */
  export default function Image(src: string, options?: ImageOptions): Promise<Record<string, ImageStat[]>>;
}
