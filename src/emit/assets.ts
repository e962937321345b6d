import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../site/render.ts';

/** Copies `templates/assets/` (CSS, scripts) into the site's `assets/` folder. */
export async function copyAssets(outDir: string): Promise<number> {
  const from = path.join(TEMPLATES_DIR, 'assets');
  const to = path.join(outDir, 'assets');
  await fs.cp(from, to, { recursive: true });
  return (await fs.readdir(to)).length;
}
