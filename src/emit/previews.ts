import type { Model } from '../model/types.ts';
import { NO_PICTURES, type EntityPictures } from '../site/images.ts';
import { scriptSafeJson } from '../site/jsonld.ts';

/**
 * Hover-preview data as a classic script (`window.BRIEFING_PREVIEWS`): id → [name, type, summary],
 * and for an entity with an image [..., src, width, height, alt] of its thumbnail, `src` from the
 * site's root. A script, not JSON, so previews work from file:// where fetch is refused.
 */
export function previewsScript(model: Model, pictures: EntityPictures = NO_PICTURES): string {
  const data: Record<string, (string | number)[]> = {};
  for (const e of model.entities) data[e.id] = [e.name, e.typeLabel, e.summary ?? ''];
  for (const [id, p] of pictures) data[id]!.push(p.preview.src, p.preview.width, p.preview.height, p.alt);
  return `window.BRIEFING_PREVIEWS = ${scriptSafeJson(data)};\n`;
}
