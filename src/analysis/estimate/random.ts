/**
 * A small seeded random number generator (xoshiro128**, Blackman and Vigna) and the samplers the
 * estimators need. Every bootstrap replicate and every MCMC chain gets its own stream derived from
 * (seed, stream number), so results do not depend on how work is split across threads.
 */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    // splitmix32 spreads the seed and stream number over the 128-bit state.
    let state = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  private nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.b << 9) >>> 0;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotateLeft(this.d, 11);
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    return result;
  }

  /** Uniform on (0, 1), never exactly 0 or 1, with 53 random bits. */
  uniform(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  }

  /** Standard normal by the polar method. */
  normal(): number {
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }

  /** Gamma(shape, rate 1) by Marsaglia and Tsang, boosted for shape < 1. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * this.uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  /**
   * Poisson(mean): multiplication of uniforms for small means, Hörmann's PTRS transformed
   * rejection for large ones.
   */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean < 10) {
      const limit = Math.exp(-mean);
      let product = this.uniform();
      let count = 0;
      while (product > limit) {
        product *= this.uniform();
        count++;
      }
      return count;
    }
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * Math.sqrt(mean);
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGammaInteger(k + 1)) {
        return k;
      }
    }
  }

  /** Index drawn with probability proportional to `weights` (cumulative sums given). */
  categorical(cumulativeWeights: Float64Array): number {
    const total = cumulativeWeights[cumulativeWeights.length - 1] ?? 0;
    const target = this.uniform() * total;
    let low = 0;
    let high = cumulativeWeights.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulativeWeights[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Multinomial(size, probabilities proportional to weights). */
  multinomial(size: number, weights: readonly number[]): number[] {
    const cumulative = new Float64Array(weights.length);
    let running = 0;
    weights.forEach((weight, index) => {
      running += weight;
      cumulative[index] = running;
    });
    const counts = new Array<number>(weights.length).fill(0);
    for (let draw = 0; draw < size; draw++) {
      const index = this.categorical(cumulative);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    return counts;
  }
}

function rotateLeft(value: number, shift: number): number {
  return ((value << shift) | (value >>> (32 - shift))) >>> 0;
}

function logGammaInteger(n: number): number {
  let total = 0;
  for (let i = 2; i < n && i < 50; i++) total += Math.log(i);
  if (n <= 50) return total;
  // Stirling's series is accurate to double precision well before n = 50.
  const x = n;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}

/** Binomial(trials, probability): inversion for small means, Hörmann's BTRS otherwise. */
export function sampleBinomial(random: RandomStream, trials: number, probability: number): number {
  if (trials <= 0 || probability <= 0) return 0;
  if (probability >= 1) return trials;
  if (probability > 0.5) return trials - sampleBinomial(random, trials, 1 - probability);
  const q = 1 - probability;
  if (trials * probability < 10) {
    const s = probability / q;
    const a = (trials + 1) * s;
    let r = q ** trials;
    let u = random.uniform();
    let x = 0;
    while (u > r && x < trials) {
      u -= r;
      x++;
      r *= a / x - s;
    }
    return x;
  }
  const spq = Math.sqrt(trials * probability * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * probability;
  const c = trials * probability + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(probability / q);
  const m = Math.floor((trials + 1) * probability);
  const h = logGammaInteger(m + 1) + logGammaInteger(trials - m + 1);
  for (;;) {
    const u = random.uniform() - 0.5;
    const v = random.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > trials) continue;
    if (us >= 0.07 && v <= vr) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    if (logV <= h - logGammaInteger(k + 1) - logGammaInteger(trials - k + 1) + (k - m) * lpq) return k;
  }
}

/** Multinomial by successive binomials: cost grows with categories, not with the size. */
export function sampleMultinomial(random: RandomStream, size: number, weights: ArrayLike<number>, into: Int32Array): void {
  let remainingWeight = 0;
  for (let i = 0; i < weights.length; i++) remainingWeight += weights[i] ?? 0;
  let remaining = size;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i] ?? 0;
    if (remaining === 0 || remainingWeight <= 0) {
      into[i] = 0;
      continue;
    }
    const draw = i === weights.length - 1 ? remaining : sampleBinomial(random, remaining, Math.min(1, weight / remainingWeight));
    into[i] = draw;
    remaining -= draw;
    remainingWeight -= weight;
  }
}
