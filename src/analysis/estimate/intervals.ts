import { observedTotal, type CaptureTable } from './captureTable.ts';
import { buildDesign, cellCounts, designMatrix, type LoglinearModel } from './design.ts';
import { chiSquaredOneDfQuantile, logGamma, normalQuantile } from './distributions.ts';
import type { ModelFit } from './modelFit.ts';
import { fitPoisson } from './poissonFit.ts';

export type IntervalKind = 'wald-log' | 'profile-likelihood' | 'bootstrap-bca' | 'bayesian-credible';

export interface PopulationInterval {
  readonly lower: number;
  /** Infinity when the likelihood does not fall far enough within the search range. */
  readonly upper: number;
  readonly level: number;
  readonly kind: IntervalKind;
}

/**
 * Wald interval on the log scale of the dark figure: n + exp(intercept ± z·se), as SparseMSE's
 * estimatepopulation.0 and base R. It never goes below the observed total.
 */
export function waldInterval(fit: ModelFit, level = 0.95): PopulationInterval {
  const z = normalQuantile(0.5 + level / 2);
  return {
    lower: fit.observed + Math.exp(fit.intercept - z * fit.interceptStandardError),
    upper: fit.observed + Math.exp(fit.intercept + z * fit.interceptStandardError),
    level,
    kind: 'wald-log',
  };
}

export interface ProfileLikelihoodResult {
  /** The N maximising the multinomial profile likelihood (Rcapture's "abundance" in closedpCI.t). */
  readonly estimate: number;
  readonly interval: PopulationInterval;
  readonly lowerAtObserved: boolean;
}

/**
 * Multinomial profile likelihood interval for N, as Rcapture's closedpCI.t: for a candidate N the
 * unobserved cell is given n0 = N − n people, the Poisson model is refitted on all 2^k cells, and
 * the multinomial log likelihood is the Poisson one plus Cormack's (1992) correction term. The
 * interval is where it lies within χ²₁(level)/2 of its maximum.
 */
export function profileLikelihoodInterval(
  table: CaptureTable,
  model: LoglinearModel,
  poissonEstimate: number,
  level = 0.95,
  upperSearchFactor = 3,
): ProfileLikelihoodResult {
  const n = observedTotal(table);
  const profileLogLikelihood = profileFunction(table, model);
  const maximum = brentMaximise(profileLogLikelihood, n, 1.5 * poissonEstimate, 1e-10 * poissonEstimate);
  const threshold = maximum.value - chiSquaredOneDfQuantile(level) / 2;
  const shifted = (total: number): number => profileLogLikelihood(total) - threshold;

  let lower = n;
  let lowerAtObserved = true;
  if (shifted(n) < 0) {
    lower = brentRoot(shifted, n, maximum.argument, 1e-10 * poissonEstimate);
    lowerAtObserved = false;
  }
  const upperLimit = upperSearchFactor * poissonEstimate;
  const upper = shifted(upperLimit) < 0 ? brentRoot(shifted, maximum.argument, upperLimit, 1e-10 * poissonEstimate) : Infinity;
  return { estimate: maximum.argument, interval: { lower, upper, level, kind: 'profile-likelihood' }, lowerAtObserved };
}

/** Just the N maximising the multinomial profile likelihood, without the interval's root finding. */
export function profileLikelihoodEstimate(table: CaptureTable, model: LoglinearModel, poissonEstimate: number): number {
  const n = observedTotal(table);
  return brentMaximise(profileFunction(table, model), n, 1.5 * poissonEstimate, 1e-10 * poissonEstimate).argument;
}

/** The multinomial profile log likelihood of N for a model (Rcapture closedpCI.t). */
function profileFunction(table: CaptureTable, model: LoglinearModel): (total: number) => number {
  const n = observedTotal(table);
  const design = buildDesign(table, model);
  const cells = [...design.cells, 0];
  const matrix = designMatrix(cells, design.columns);
  const counts = Float64Array.from([...cellCounts(table, design.cells), 0]);
  const zeroCell = cells.length - 1;

  // Successive candidate N are close, so each fit starts from the previous one's fitted values
  // (with the unseen cell set to its new count); the optimum does not depend on the start.
  let warmStart: Float64Array | undefined;
  const profileLogLikelihood = (total: number): number => {
    const unseen = total - n;
    counts[zeroCell] = unseen;
    if (warmStart !== undefined) warmStart[zeroCell] = Math.max(unseen, 0.1);
    // A tight tolerance keeps the profile smooth enough to locate its maximum and roots precisely.
    const fit = fitPoisson(matrix, cells.length, design.columns.length, counts, {
      tolerance: 1e-13,
      maxIterations: 100,
      ...(warmStart === undefined ? {} : { initialFitted: warmStart }),
    });
    if (fit.converged && fit.fitted.every((value) => value > 0 && Number.isFinite(value))) warmStart = Float64Array.from(fit.fitted);
    return -fit.deviance / 2 + cormackCorrection(unseen, total);
  };
  return profileLogLikelihood;
}

function cormackCorrection(unseen: number, total: number): number {
  if (total > 100) {
    if (unseen === 0 || unseen === 1) return -total + 0.5 * Math.log(2 * Math.PI * total);
    return unseen - total - 0.5 * Math.log(unseen / total);
  }
  const unseenLog = unseen > 0 ? unseen * Math.log(unseen) : 0;
  return unseenLog + logGamma(total + 1) - total * Math.log(total) - logGamma(unseen + 1);
}

/** Brent's golden-section/parabolic search for a maximum on [a, b]. */
export function brentMaximise(
  objective: (x: number) => number,
  a: number,
  b: number,
  tolerance: number,
): { argument: number; value: number } {
  const golden = 0.3819660112501051;
  let left = a;
  let right = b;
  let x = left + golden * (right - left);
  let w = x;
  let v = x;
  let fx = -objective(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < 500; iteration++) {
    const middle = 0.5 * (left + right);
    const tol1 = 1.5e-8 * Math.abs(x) + tolerance / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - 0.5 * (right - left)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (left - x) && p < q * (right - x)) {
        d = p / q;
        const u = x + d;
        if (u - left < tol2 || right - u < tol2) d = x < middle ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x < middle ? right - x : left - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = -objective(u);
    if (fu <= fx) {
      if (u < x) right = x;
      else left = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) left = u;
      else right = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { argument: x, value: -fx };
}

/** Root of a continuous function with a sign change on [a, b], by bisection refined with secants. */
export function brentRoot(f: (x: number) => number, a: number, b: number, tolerance: number): number {
  let left = a;
  let right = b;
  let fLeft = f(left);
  let fRight = f(right);
  if (fLeft === 0) return left;
  if (fRight === 0) return right;
  for (let iteration = 0; iteration < 200 && right - left > tolerance; iteration++) {
    // Regula falsi with an Illinois-style safeguard, falling back to bisection.
    let middle = right - (fRight * (right - left)) / (fRight - fLeft);
    if (!(middle > left && middle < right) || iteration % 3 === 2) middle = 0.5 * (left + right);
    const fMiddle = f(middle);
    if (fMiddle === 0) return middle;
    if (Math.sign(fMiddle) === Math.sign(fLeft)) {
      left = middle;
      fLeft = fMiddle;
    } else {
      right = middle;
      fRight = fMiddle;
    }
  }
  return 0.5 * (left + right);
}
