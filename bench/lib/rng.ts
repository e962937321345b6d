/**
 * Deterministic randomness for the corpus generator.
 *
 * mulberry32 is tiny, fast and good enough for synthetic text; what matters here is that the same
 * seed gives byte-identical corpora on every machine, so benchmark numbers stay comparable.
 */

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    // mulberry32, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi], both ends included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick on an empty list');
    return item;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }

  /** A child generator, so that one part of the corpus can be re-derived without replaying the rest. */
  fork(salt: number): Rng {
    return new Rng(Math.imul(this.state ^ salt, 0x9e3779b1) ^ salt);
  }
}

/**
 * Samples ranks 0..n-1 with P(rank r) ∝ 1 / (r + 1)^s: a few entities and claims show up
 * everywhere and most show up rarely, as in real news coverage.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(n: number, s: number) {
    if (n < 1) throw new Error('Zipf needs at least one rank');
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / Math.pow(r + 1, s);
      this.cumulative[r] = total;
    }
  }

  get size(): number {
    return this.cumulative.length;
  }

  sample(rng: Rng): number {
    const c = this.cumulative;
    const u = rng.next() * (c[c.length - 1] as number);
    // Binary search for the first cumulative weight above u.
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
