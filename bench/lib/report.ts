/** Summaries and plain-text tables of measurements. */
import type { Measurement } from './measure.ts';

export interface Summary {
  readonly label: string;
  readonly runs: number;
  readonly wallMedianMs: number;
  readonly wallMinMs: number;
  readonly cpuMedianMs: number;
  readonly cpuMinMs: number;
  readonly rssMedianMiB: number;
  readonly rssMinMiB: number;
  readonly descendantCpuMaxMs: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function summarize(label: string, ms: readonly Measurement[]): Summary {
  const wall = ms.map((m) => m.wallMs);
  const cpu = ms.map((m) => m.cpuMs);
  const rss = ms.map((m) => m.maxRssKiB / 1024);
  return {
    label,
    runs: ms.length,
    wallMedianMs: median(wall),
    wallMinMs: Math.min(...wall),
    cpuMedianMs: median(cpu),
    cpuMinMs: Math.min(...cpu),
    rssMedianMiB: median(rss),
    rssMinMiB: Math.min(...rss),
    descendantCpuMaxMs: Math.max(0, ...ms.map((m) => m.descendantCpuMs)),
  };
}

/** Right-aligned columns after a left-aligned first column. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const s = (ms: number): string => (ms / 1000).toFixed(2);
const mib = (x: number): string => x.toFixed(0);
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

export function summaryTable(rows: readonly Summary[]): string {
  return table(
    ['tool', 'runs', 'wall med s', 'wall min s', 'CPU med s', 'CPU min s', 'RSS med MiB', 'RSS min MiB'],
    rows.map((r) => [
      r.label,
      String(r.runs),
      s(r.wallMedianMs),
      s(r.wallMinMs),
      s(r.cpuMedianMs),
      s(r.cpuMinMs),
      mib(r.rssMedianMiB),
      mib(r.rssMinMiB),
    ]),
  );
}

/** "a / b" rows comparing medians, for wall time, CPU time and peak RSS. */
export function ratioTable(pairs: readonly (readonly [Summary, Summary])[]): string {
  return table(
    ['ratio of medians', 'wall', 'CPU', 'RSS'],
    pairs.map(([a, b]) => [
      `${a.label} / ${b.label}`,
      ratio(a.wallMedianMs, b.wallMedianMs),
      ratio(a.cpuMedianMs, b.cpuMedianMs),
      ratio(a.rssMedianMiB, b.rssMedianMiB),
    ]),
  );
}

/** Growth between consecutive corpus sizes; the exponent is 1.0 for linear cost, 2.0 for quadratic. */
export function growthTable(rows: readonly { size: number; summary: Summary }[]): string {
  const out: string[][] = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as { size: number; summary: Summary };
    const b = rows[i] as { size: number; summary: Summary };
    const k = b.size / a.size;
    const t = b.summary.wallMedianMs / a.summary.wallMedianMs;
    const c = b.summary.cpuMedianMs / a.summary.cpuMedianMs;
    out.push([
      `${b.summary.label} vs @${a.size}`,
      `${k.toFixed(2)}x`,
      `${t.toFixed(2)}x`,
      `${c.toFixed(2)}x`,
      ratio(b.summary.rssMedianMiB, a.summary.rssMedianMiB),
      (Math.log(t) / Math.log(k)).toFixed(2),
      (Math.log(c) / Math.log(k)).toFixed(2),
    ]);
  }
  return table(['growth (medians)', 'size', 'wall', 'CPU', 'RSS', 'wall exp', 'CPU exp'], out);
}
