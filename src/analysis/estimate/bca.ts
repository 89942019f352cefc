import { normalCdf, normalQuantile } from './distributions.ts';

/** R's quantile(type = 8), the median-unbiased definition SparseMSE uses for BCa limits. */
export function quantileType8(sorted: readonly number[], probability: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = 1 / 3 + probability * (n + 1 / 3);
  const j = Math.floor(position + 4 * Number.EPSILON);
  const h = position - j;
  const at = (index: number): number => sorted[Math.min(Math.max(index, 1), n) - 1] ?? Number.NaN;
  return h === 0 ? at(j) : (1 - h) * at(j) + h * at(j + 1);
}

/** Acceleration from jackknife estimates weighted by how many people each left-out pattern had. */
export function jackknifeAcceleration(jackknifeEstimates: readonly number[], weights: readonly number[]): number {
  let totalWeight = 0;
  let weightedSum = 0;
  jackknifeEstimates.forEach((estimate, index) => {
    totalWeight += weights[index] ?? 0;
    weightedSum += (weights[index] ?? 0) * estimate;
  });
  const mean = weightedSum / totalWeight;
  let cubes = 0;
  let squares = 0;
  jackknifeEstimates.forEach((estimate, index) => {
    const residual = mean - estimate;
    cubes += (weights[index] ?? 0) * residual ** 3;
    squares += (weights[index] ?? 0) * residual ** 2;
  });
  return squares === 0 ? 0 : cubes / (6 * squares ** 1.5);
}

/**
 * Bias-corrected and accelerated bootstrap limits (Efron 1987), as SparseMSE's bcaconfvalues:
 * z0 from the share of replicates below the estimate, then shifted normal quantiles.
 */
export function bcaLimits(
  replicates: readonly number[],
  estimate: number,
  acceleration: number,
  probabilities: readonly number[],
): number[] {
  const sorted = [...replicates].filter(Number.isFinite).sort((a, b) => a - b);
  const below = sorted.filter((value) => value < estimate).length;
  const z0 = normalQuantile(below / sorted.length);
  return probabilities.map((probability) => {
    const shifted = normalQuantile(probability) + z0;
    return quantileType8(sorted, normalCdf(z0 + shifted / (1 - acceleration * shifted)));
  });
}
