import { observedTotal, type CaptureTable } from './captureTable.ts';
import type { PopulationInterval } from './intervals.ts';
import { RandomStream, sampleMultinomial } from './random.ts';

/**
 * Bayesian latent-class capture-recapture (Manrique-Vallier 2016; R package LCMCR): people fall
 * into latent classes, within a class the lists capture independently, and the class weights
 * have a truncated stick-breaking Dirichlet-process prior. The Gibbs sampler follows LCMCR's
 * NPLCM_CR_Basic_Freq: allocate observed people to classes, update capture probabilities and
 * weights, draw the number never seen from its negative binomial, allocate them, update the
 * concentration. Defaults are LCMCR's: K = 5, Gamma(0.25, 0.25) on the concentration, burn-in
 * 10,000 and 1,000 samples thinned by 10. The start is LCMCR 0.4.14's too (its Initializes):
 * capture probabilities at the list shares, class weights from random sticks, 500 warm-up sweeps
 * with the concentration fixed at 0.3 / K, classes reordered by weight.
 * On multimodal tables (Ned, Rcapture_diabetes) the chain stays in one mode for tens of thousands
 * of sweeps, and so do R's (which mode depends on the seed, in R as here); the effective sample
 * size says so and estimatePopulation warns (lcmcrMixing.test.ts).
 */
export interface LcmcrOptions {
  readonly seed: number;
  readonly classes?: number;
  readonly burnIn?: number;
  readonly samples?: number;
  readonly thinning?: number;
  readonly concentrationShape?: number;
  readonly concentrationRate?: number;
  readonly level?: number;
  /** Called every so often with (iterations done, iterations in total). */
  readonly onProgress?: (completed: number, total: number) => void;
}

export interface LcmcrDiagnostics {
  /** Effective sample size of the posterior draws of N (Geyer's initial positive sequence). */
  readonly effectiveSampleSize: number;
  /** Means of the first and last thirds of the draws: close values suggest a stationary chain. */
  readonly firstThirdMean: number;
  readonly lastThirdMean: number;
  /** Geweke-style z score comparing the first 10% and last 50% of the draws. */
  readonly gewekeZ: number;
  readonly minimum: number;
  readonly maximum: number;
  /** Share of draws that hit the sampler's cap of 20 × n unseen people. */
  readonly shareAtCap: number;
}

export interface LcmcrResult {
  readonly observed: number;
  readonly median: number;
  readonly mean: number;
  readonly interval: PopulationInterval;
  readonly draws: readonly number[];
  readonly diagnostics: LcmcrDiagnostics;
  readonly settings: Required<Omit<LcmcrOptions, 'onProgress' | 'level'>>;
}

const INITIAL_SWEEPS = 500;

export function runLcmcr(table: CaptureTable, options: LcmcrOptions): LcmcrResult {
  const settings = {
    seed: options.seed,
    classes: options.classes ?? 5,
    burnIn: options.burnIn ?? 10_000,
    samples: options.samples ?? 1_000,
    thinning: options.thinning ?? 10,
    concentrationShape: options.concentrationShape ?? 0.25,
    concentrationRate: options.concentrationRate ?? 0.25,
  };
  const level = options.level ?? 0.95;
  const random = new RandomStream(settings.seed, 0x1c3c);
  const J = table.listNames.length;
  const K = settings.classes;
  const n = observedTotal(table);
  const cells: number[] = [];
  const frequencies: number[] = [];
  table.counts.forEach((count, pattern) => {
    if (count > 0) {
      cells.push(pattern);
      frequencies.push(count);
    }
  });
  const M = cells.length;

  // logLambda[(j * K + k) * 2 + x]: log probability that a class-k person has status x on list j.
  const logLambda = new Float64Array(J * K * 2);
  const logNu = new Float64Array(K);
  const allocation = new Int32Array(M * K);
  const unseenAllocation = new Int32Array(K);
  const classCounts = new Int32Array(K);
  const tallies = new Float64Array(J * K * 2);
  const weights = new Float64Array(K);
  const scratch = new Int32Array(K);
  let alpha = 1;
  let unseen = 0;
  let probabilityMissed = 0;

  const logSum = (a: number, b: number): number => (a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b)));
  // In log space, as LCMCR's dan_log_gamma_1: for a very small shape gamma(shape + 1) · U^(1/shape)
  // underflows to 0, and a log of -Infinity would give the classes after it weight 0 for good (and
  // then the concentration 0): an absorbing state. (Not reached on the reference tables, but cheap.)
  const logGammaDraw = (shape: number): number => {
    if (shape >= 1) return Math.log(random.gamma(shape));
    const larger = random.gamma(shape + 1);
    return Math.log(larger) + Math.log(random.uniform()) / shape;
  };

  const allocateObserved = (): void => {
    for (let m = 0; m < M; m++) {
      const pattern = cells[m] ?? 0;
      let largest = -Infinity;
      for (let k = 0; k < K; k++) {
        let value = logNu[k] ?? 0;
        for (let j = 0; j < J; j++) value += logLambda[(j * K + k) * 2 + ((pattern >> j) & 1)] ?? 0;
        weights[k] = value;
        if (value > largest) largest = value;
      }
      for (let k = 0; k < K; k++) weights[k] = Math.exp((weights[k] ?? 0) - largest);
      sampleMultinomial(random, frequencies[m] ?? 0, weights, scratch);
      allocation.set(scratch, m * K);
    }
  };

  const updateCaptureProbabilities = (): void => {
    tallies.fill(0);
    for (let m = 0; m < M; m++) {
      const pattern = cells[m] ?? 0;
      for (let k = 0; k < K; k++) {
        const people = allocation[m * K + k] ?? 0;
        if (people === 0) continue;
        for (let j = 0; j < J; j++) {
          const index = (j * K + k) * 2 + ((pattern >> j) & 1);
          tallies[index] = (tallies[index] ?? 0) + people;
        }
      }
    }
    for (let j = 0; j < J; j++) {
      for (let k = 0; k < K; k++) {
        const absent = (j * K + k) * 2;
        tallies[absent] = (tallies[absent] ?? 0) + (unseenAllocation[k] ?? 0);
        const onList = logGammaDraw(1 + (tallies[absent + 1] ?? 0));
        const offList = logGammaDraw(1 + (tallies[absent] ?? 0));
        const total = logSum(onList, offList);
        logLambda[absent + 1] = onList - total;
        logLambda[absent] = offList - total;
      }
    }
  };

  const updateWeights = (): void => {
    classCounts.set(unseenAllocation);
    for (let m = 0; m < M; m++) for (let k = 0; k < K; k++) classCounts[k] = (classCounts[k] ?? 0) + (allocation[m * K + k] ?? 0);
    let accumulated = 0;
    let logRemaining = 0;
    for (let k = 0; k < K - 1; k++) {
      accumulated += classCounts[k] ?? 0;
      const stick = logGammaDraw(1 + (classCounts[k] ?? 0));
      const rest = logGammaDraw(alpha + unseen + n - accumulated);
      const total = logSum(stick, rest);
      logNu[k] = stick - total + logRemaining;
      logRemaining += rest - total;
    }
    logNu[K - 1] = logRemaining;
  };

  const updateUnseen = (): void => {
    probabilityMissed = 0;
    for (let k = 0; k < K; k++) {
      let value = logNu[k] ?? 0;
      for (let j = 0; j < J; j++) value += logLambda[(j * K + k) * 2] ?? 0;
      weights[k] = value;
      probabilityMissed += Math.exp(value);
    }
    // Negative binomial as a gamma mixture of Poissons; LCMCR redraws beyond 20 × n.
    do {
      const success = 1 - probabilityMissed;
      unseen = success <= 0 ? 20 * n + 1 : random.poisson(random.gamma(n) * ((1 - success) / success));
    } while (unseen > 20 * n);
    if (unseen === 0) {
      unseenAllocation.fill(0);
      return;
    }
    let largest = -Infinity;
    for (let k = 0; k < K; k++) largest = Math.max(largest, weights[k] ?? 0);
    for (let k = 0; k < K; k++) weights[k] = Math.exp((weights[k] ?? 0) - largest);
    sampleMultinomial(random, unseen, weights, unseenAllocation);
  };

  const updateConcentration = (): void => {
    alpha = random.gamma(settings.concentrationShape + K - 1) / (settings.concentrationRate - (logNu[K - 1] ?? 0));
  };

  // Initial state as LCMCR: random sticks, capture probabilities at the observed list shares.
  let logRemaining = 0;
  for (let k = 0; k < K - 1; k++) {
    const stick = logGammaDraw(1);
    const rest = logGammaDraw(1);
    const total = logSum(stick, rest);
    logNu[k] = stick - total + logRemaining;
    logRemaining += rest - total;
  }
  logNu[K - 1] = logRemaining;
  for (let j = 0; j < J; j++) {
    let onList = 0;
    table.counts.forEach((count, pattern) => {
      if ((pattern >> j) & 1) onList += count;
    });
    const share = onList / n;
    for (let k = 0; k < K; k++) {
      logLambda[(j * K + k) * 2 + 1] = Math.log(share);
      logLambda[(j * K + k) * 2] = Math.log1p(-share);
    }
  }
  alpha = 0.3 / K;
  // LCMCR 0.4.14 then sets its plain weights (nuK) to 0.9 shared by the first four classes and 0.1
  // by the rest, but its first allocation reads the log weights (log_nuK), which hold the random
  // sticks above; the plain ones are overwritten by the first weight update unread. So the random
  // sticks are the start, as in R.
  const sweep = (withConcentration: boolean): void => {
    allocateObserved();
    updateCaptureProbabilities();
    updateWeights();
    updateUnseen();
    if (withConcentration) updateConcentration();
  };
  for (let i = 0; i < INITIAL_SWEEPS; i++) sweep(false);
  // The stick-breaking prior is not exchangeable: start the chain with the heaviest class first.
  const order = Array.from({ length: K }, (_, k) => k).sort((a, b) => (logNu[b] ?? 0) - (logNu[a] ?? 0));
  const permute = <T extends Float64Array | Int32Array>(values: T, stride: number, blocks: number, width: number): void => {
    const copy = values.slice();
    for (let block = 0; block < blocks; block++) {
      order.forEach((from, to) => {
        for (let w = 0; w < width; w++) values[block * stride + to * width + w] = copy[block * stride + from * width + w] ?? 0;
      });
    }
  };
  permute(logNu, K, 1, 1);
  permute(unseenAllocation, K, 1, 1);
  permute(allocation, K, M, 1);
  permute(logLambda, K * 2, J, 2);

  const totalIterations = settings.burnIn + settings.samples * settings.thinning;
  const reportEvery = Math.max(1, Math.floor(totalIterations / 100));
  const draws: number[] = [];
  for (let iteration = 1; iteration <= totalIterations; iteration++) {
    sweep(true);
    if (iteration > settings.burnIn && (iteration - settings.burnIn) % settings.thinning === 0) draws.push(n + unseen);
    if (iteration % reportEvery === 0 || iteration === totalIterations) options.onProgress?.(iteration, totalIterations);
  }

  const sorted = [...draws].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return {
    observed: n,
    median: rQuantile7(sorted, 0.5),
    mean: draws.reduce((sum, value) => sum + value, 0) / draws.length,
    interval: { lower: rQuantile7(sorted, tail), upper: rQuantile7(sorted, 1 - tail), level, kind: 'bayesian-credible' },
    draws,
    diagnostics: chainDiagnostics(draws, 21 * n),
    settings,
  };
}

/** R's default quantile (type 7), which the LCMCR reference summaries used. */
function rQuantile7(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + fraction * (high - low);
}

export function effectiveSampleSize(draws: readonly number[]): number {
  const count = draws.length;
  const mean = draws.reduce((sum, value) => sum + value, 0) / count;
  const centred = draws.map((value) => value - mean);
  const variance = centred.reduce((sum, value) => sum + value * value, 0) / count;
  if (variance === 0) return count;
  const autocorrelation = (lag: number): number => {
    let sum = 0;
    for (let i = 0; i + lag < count; i++) sum += (centred[i] ?? 0) * (centred[i + lag] ?? 0);
    return sum / (count * variance);
  };
  // Geyer's initial positive sequence: add autocorrelation pairs while their sum stays positive.
  let total = 0;
  for (let lag = 1; lag + 1 < count; lag += 2) {
    const pair = autocorrelation(lag) + autocorrelation(lag + 1);
    if (pair <= 0) break;
    total += pair;
  }
  return Math.min(count, count / (1 + 2 * total));
}

function chainDiagnostics(draws: readonly number[], cap: number): LcmcrDiagnostics {
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = (values: readonly number[]): number => {
    const centre = mean(values);
    return values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / Math.max(values.length - 1, 1);
  };
  const third = Math.floor(draws.length / 3);
  const early = draws.slice(0, Math.floor(draws.length / 10));
  const late = draws.slice(Math.floor(draws.length / 2));
  // Each half's variance is inflated by its own autocorrelation, as in Geweke's spectral version.
  const earlyVariance = variance(early) / Math.max(effectiveSampleSize(early), 1);
  const lateVariance = variance(late) / Math.max(effectiveSampleSize(late), 1);
  return {
    effectiveSampleSize: effectiveSampleSize(draws),
    firstThirdMean: mean(draws.slice(0, third)),
    lastThirdMean: mean(draws.slice(draws.length - third)),
    gewekeZ: (mean(early) - mean(late)) / Math.sqrt(earlyVariance + lateVariance || 1),
    minimum: Math.min(...draws),
    maximum: Math.max(...draws),
    shareAtCap: draws.filter((value) => value >= cap - 1).length / draws.length,
  };
}
