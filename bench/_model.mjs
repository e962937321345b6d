import { analyze } from '../dist/src/build.js';
import { newCache } from '../dist/src/annotate-stage.js';
import { Progress } from '../dist/src/progress.js';
const cache = newCache();
const lines = [];
const run = async () => { const t = performance.now(); await analyze({ input: '/tmp/corpus10k', keepTexts: true }, new Progress((l) => lines.push(l)), cache); return performance.now() - t; };
await run();
for (let i = 0; i < 4; i++) { lines.length = 0; const ms = await run(); console.log('analyze again', ms.toFixed(0), lines.filter((l) => /model|annotate/.test(l)).join(' | ')); }
