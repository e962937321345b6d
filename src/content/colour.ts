import { namedColour } from './colour-names.ts';

/**
 * The briefing's `accent` (FORMAT.md §6): a CSS colour read here rather than handed to the
 * browser as written, so that a typo is an error at its line and the contrast of links and labels
 * can be checked (WCAG 2.x relative luminance) and mended at build time.
 */

/** An opaque sRGB colour, each channel 0–255. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`;
/** Three channels separated by commas or by spaces (the two syntaxes of CSS); no alpha. */
const CHANNELS = new RegExp(String.raw`^\(\s*(${NUMBER}(?:%|deg)?)\s*(?:,\s*|\s+)(${NUMBER}%?)\s*(?:,\s*|\s+)(${NUMBER}%?)\s*\)$`, 'i');

/** `#rgb`, `#rrggbb`, `rgb(…)`, `hsl(…)` or a CSS colour name; a string saying what is wrong otherwise. */
export function parseColour(text: string): Rgb | string {
  const value = text.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)?.[1];
  if (hex) return fromHex(hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex);
  const fn = /^(rgb|hsl)(\(.*\))$/is.exec(value);
  if (fn) {
    const parts = CHANNELS.exec(fn[2]!);
    if (!parts) return `"${value}" is not a colour: write ${fn[1]!.toLowerCase()}() with three values and no alpha, e.g. ${fn[1]!.toLowerCase() === 'rgb' ? 'rgb(26, 79, 139)' : 'hsl(212, 68%, 32%)'}`;
    const [a, b, c] = [parts[1]!, parts[2]!, parts[3]!];
    return fn[1]!.toLowerCase() === 'rgb' ? rgbChannels(value, [a, b, c]) : hslChannels(value, [a, b, c]);
  }
  const named = /^[a-z]+$/i.test(value) ? namedColour(value) : undefined;
  if (named) return fromHex(named);
  return `"${value}" is not a colour: use #rgb, #rrggbb, rgb(), hsl() or a CSS colour name (e.g. #1a4f8b, navy)`;
}

function rgbChannels(value: string, parts: readonly string[]): Rgb | string {
  const channels = parts.map((p) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : p.endsWith('deg') ? NaN : parseFloat(p)));
  if (channels.some((n) => !(n >= 0 && n <= 255))) return `"${value}" is not a colour: rgb() channels are 0 to 255 (or 0% to 100%)`;
  return { r: Math.round(channels[0]!), g: Math.round(channels[1]!), b: Math.round(channels[2]!) };
}

function hslChannels(value: string, parts: readonly string[]): Rgb | string {
  const [h, s, l] = [parseFloat(parts[0]!), parseFloat(parts[1]!), parseFloat(parts[2]!)];
  if (parts[0]!.endsWith('%') || !parts[1]!.endsWith('%') || !parts[2]!.endsWith('%') || s < 0 || s > 100 || l < 0 || l > 100) {
    return `"${value}" is not a colour: hsl() takes a hue and two percentages 0% to 100%, e.g. hsl(212, 68%, 32%)`;
  }
  return hslToRgb({ h: ((h % 360) + 360) % 360, s: s / 100, l: l / 100 });
}

function fromHex(hex: string): Rgb {
  const n = parseInt(hex, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.x relative luminance. */
function luminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The lowest contrast of `colour` against each background. */
export function worstContrast(colour: Rgb, backgrounds: readonly Rgb[]): number {
  return Math.min(...backgrounds.map((bg) => contrast(colour, bg)));
}

interface Hsl {
  readonly h: number;
  readonly s: number;
  readonly l: number;
}

function rgbToHsl({ r, g, b }: Rgb): Hsl {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === R ? ((G - B) / d + 6) % 6 : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return { h: h * 60, s, l };
}

function hslToRgb({ h, s, l }: Hsl): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return { r: Math.round((r + m) * 255), g: Math.round((g + m) * 255), b: Math.round((b + m) * 255) };
}

/**
 * The colour itself if it reaches `ratio` against every background; otherwise the same hue and
 * saturation with the lightness moved (down for light backgrounds, up for dark ones) one step at a
 * time until it does. Black or white, at the end of the walk, always reaches 4.5:1 against the
 * site's backgrounds.
 */
export function readableShade(colour: Rgb, backgrounds: readonly Rgb[], ratio: number, direction: 'darker' | 'lighter'): Rgb {
  if (worstContrast(colour, backgrounds) >= ratio) return colour;
  const { h, s, l } = rgbToHsl(colour);
  const step = direction === 'darker' ? -0.005 : 0.005;
  for (let light = l + step; light > 0 && light < 1; light += step) {
    const shade = hslToRgb({ h, s, l: light });
    if (worstContrast(shade, backgrounds) >= ratio) return shade;
  }
  return direction === 'darker' ? { r: 0, g: 0, b: 0 } : { r: 255, g: 255, b: 255 };
}

/** The same hue at a lightness moved by `delta` (−1 to 1), clamped: the hover shade of links. */
export function shiftLightness(colour: Rgb, delta: number): Rgb {
  const { h, s, l } = rgbToHsl(colour);
  return hslToRgb({ h, s, l: Math.min(1, Math.max(0, l + delta)) });
}
