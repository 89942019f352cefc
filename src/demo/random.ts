// A seeded PRNG (sfc32) and the draws the generator needs. Math.random is never used: the same
// seed must give byte-identical output on every machine and Node version.

export interface Weighted<T> {
  readonly value: T;
  readonly weight: number;
}

/** Throws instead of returning undefined, so that an empty pool is a loud bug, not a silent gap. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  return item;
}

function splitMix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A precomputed cumulative table: pools are drawn from millions of times at scale 100. */
export class WeightedTable<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly Weighted<T>[]) {
    if (entries.length === 0) throw new RangeError('a weighted table needs at least one entry');
    this.values = entries.map((e) => e.value);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach((e, i) => {
      if (!(e.weight >= 0)) throw new RangeError(`negative or missing weight for entry ${i}`);
      sum += e.weight;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('a weighted table needs a positive total weight');
    this.total = sum;
  }

  draw(random: Random): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return itemAt(this.values, lo);
  }
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    // Mixing the stream in lets independent parts of the generator draw from unrelated sequences;
    // the seed's high word is mixed in too, so seeds beyond 2^32 do not collide with small ones.
    const low = Math.floor(seed) >>> 0;
    const high = Math.floor(seed / 4294967296) >>> 0;
    const mix = splitMix32((low ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
    const mixHigh = splitMix32((high ^ 0x5bd1e995) >>> 0);
    this.a = mix() ^ mixHigh();
    this.b = mix();
    this.c = mix() ^ mixHigh();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  choice<T>(items: readonly T[]): T {
    return itemAt(items, Math.floor(this.next() * items.length));
  }

  /** For one-off draws; use a WeightedTable for pools drawn from repeatedly. */
  weightedChoice<T>(entries: readonly Weighted<T>[]): T {
    let total = 0;
    for (const e of entries) total += e.weight;
    let target = this.next() * total;
    for (const e of entries) {
      target -= e.weight;
      if (target < 0) return e.value;
    }
    return itemAt(entries, entries.length - 1).value;
  }

  normal(mean = 0, standardDeviation = 1): number {
    // Box–Muller; 1 - next() keeps the logarithm away from zero.
    const u = 1 - this.next();
    const v = this.next();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Knuth's method: exact and fast for the small means used here (people per visit). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Geometric count of extra items: 0 with probability 1 - p, and so on. */
  geometric(p: number, max: number): number {
    let k = 0;
    while (k < max && this.chance(p)) k++;
    return k;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = itemAt(out, i);
      out[i] = itemAt(out, j);
      out[j] = tmp;
    }
    return out;
  }

  /** k distinct items, in random order (a partial Fisher–Yates: only k swaps). */
  sample<T>(items: readonly T[], k: number): T[] {
    const out = items.slice();
    const n = Math.min(k, out.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (out.length - i));
      const tmp = itemAt(out, i);
      out[i] = itemAt(out, j);
      out[j] = tmp;
    }
    return out.slice(0, n);
  }

  /** Deterministic UUID-shaped id (RFC 9562 version 8, "custom"), so the store can take it as is. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const w0 = hex(this.nextUint32());
    const w1 = hex(this.nextUint32());
    const w2 = hex(((this.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0);
    const w3 = hex(this.nextUint32());
    return `${w0}-${w1.slice(0, 4)}-8${w1.slice(5, 8)}-${w2.slice(0, 4)}-${w2.slice(4)}${w3}`;
  }
}
