import type { DiagnosticBag } from '../diagnostics.ts';
import type { AccentShades, AssetFile, Branding, BriefingSettings, ValidDocument } from '../types.ts';
import { parseColour, readableShade, shiftLightness, toHex, worstContrast, type Rgb } from './colour.ts';

/** The media types of the logo's file types (the schema accepts these extensions only). */
const IMAGE_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** WCAG 2.x AA for body-size text. */
const TEXT_CONTRAST = 4.5;

/**
 * The backgrounds links and labels sit on in templates/assets/site.css (--paper, --surface,
 * --raised; light, then dark scheme). test/unit/brand.test.ts reads site.css to keep them true.
 */
export const LIGHT_BACKGROUNDS = ['#fdfcfa', '#f4f1ea', '#ffffff'] as const;
export const DARK_BACKGROUNDS = ['#16181b', '#1f2226', '#1b1e21'] as const;

const light = LIGHT_BACKGROUNDS.map((c) => parseColour(c) as Rgb);
const dark = DARK_BACKGROUNDS.map((c) => parseColour(c) as Rgb);

/**
 * Checks briefing.md's `logo` and `css` against the files of assets/ (an error at the key's value
 * when the file is not there) and works out the accent's shades (a warning naming the ratio when
 * the colour itself is too light for text). Undefined when the briefing has none of them and no
 * assets: a plain briefing costs nothing more.
 */
export function checkBrand(briefing: ValidDocument<BriefingSettings>, assets: readonly AssetFile[], bag: DiagnosticBag): Branding | undefined {
  const { meta, split } = briefing;
  if (!meta.logo && !meta.css && !meta.accent && assets.length === 0) return undefined;
  const names = new Set(assets.map((a) => a.name));
  const exists = (key: 'logo' | 'css'): string | undefined => {
    const value = meta[key];
    if (value === undefined) return undefined;
    // A URL path: the file name may hold spaces or other characters a URL escapes.
    if (names.has(value.slice('assets/'.length))) return value.split('/').map(encodeURIComponent).join('/');
    bag.error('missing-asset', `"${key}": ${value} is not a file in the content folder's assets/`, split.locate([key]));
    return undefined;
  };
  const logoHref = exists('logo');
  const logo = logoHref ? { href: logoHref, type: IMAGE_TYPES[/[^.]+$/.exec(logoHref)![0].toLowerCase()]! } : undefined;
  const css = exists('css');
  const accent = meta.accent === undefined ? undefined : accentShades(meta.accent, split.locate(['accent']), bag);
  return { ...(logo ? { logo } : {}), ...(css ? { css } : {}), ...(accent ? { accent } : {}), assets };
}

function accentShades(value: string, at: Parameters<DiagnosticBag['warning']>[2], bag: DiagnosticBag): AccentShades | undefined {
  const colour = parseColour(value);
  // An unparseable colour is already an error of the schema.
  if (typeof colour === 'string') return undefined;
  const ratio = worstContrast(colour, light);
  const text = readableShade(colour, light, TEXT_CONTRAST, 'darker');
  if (ratio < TEXT_CONTRAST) {
    bag.warning(
      'low-contrast',
      `"accent": ${value} has a contrast of ${ratio.toFixed(2)}:1 with the page background, below the 4.5:1 WCAG AA asks for text; links and labels use the darker shade ${toHex(text)} (${worstContrast(text, light).toFixed(2)}:1)`,
      at,
    );
  }
  // The dark scheme always derives its own shade: a colour chosen for a light page rarely suits a dark one.
  const darkText = readableShade(colour, dark, TEXT_CONTRAST, 'lighter');
  return {
    colour: toHex(colour),
    text: toHex(text),
    hover: toHex(shiftLightness(text, -0.1)),
    darkText: toHex(darkText),
    darkHover: toHex(shiftLightness(darkText, 0.1)),
  };
}
