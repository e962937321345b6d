import type { Model } from '../model/types.ts';
import { scriptSafeJson } from '../site/jsonld.ts';

/**
 * Hover-preview data as a classic script (`window.BRIEFING_PREVIEWS`): id → [name, type, summary].
 * A script, not JSON, so previews work from file:// where fetch is refused.
 */
export function previewsScript(model: Model): string {
  const data: Record<string, [string, string, string]> = {};
  for (const e of model.entities) data[e.id] = [e.name, e.typeLabel, e.summary ?? ''];
  return `window.BRIEFING_PREVIEWS = ${scriptSafeJson(data)};\n`;
}
