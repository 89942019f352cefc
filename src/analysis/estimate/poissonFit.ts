import { logFactorial } from './distributions.ts';
import { solveWeightedLeastSquares } from './leastSquares.ts';

/**
 * Poisson regression with log link by iteratively reweighted least squares. It follows R's
 * glm.fit step by step (starting values y + 0.1, convergence on the relative change in deviance
 * below 1e-8, at most 25 iterations, covariance from the last weighted QR) so that fitted values,
 * standard errors and information criteria agree with the R reference to many digits, including
 * on the boundary cases where the maximum likelihood estimate does not exist and the iterations
 * drift off rather than converge.
 */
export interface PoissonFit {
  /** One per design column; NaN for aliased columns. */
  readonly coefficients: Float64Array;
  readonly fitted: Float64Array;
  readonly deviance: number;
  readonly logLikelihood: number;
  readonly rank: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Largest change of a coefficient in the last iteration: tiny at a true maximum, about 1 when
   * the estimate does not exist and some coefficient drifts off to minus infinity. */
  readonly lastCoefficientChange: number;
  /** Unscaled covariance of the coefficients, row-major; NaN for aliased columns. */
  readonly covarianceUnscaled: Float64Array;
}

export interface PoissonFitOptions {
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** Starting fitted values instead of y + 0.1 (a warm start for a sequence of related fits). */
  readonly initialFitted?: Float64Array;
}

export function poissonDeviance(observed: Float64Array, fitted: Float64Array): number {
  let deviance = 0;
  for (let i = 0; i < observed.length; i++) {
    const y = observed[i] ?? 0;
    const mu = fitted[i] ?? 0;
    deviance += 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
  }
  return deviance;
}

export function poissonLogLikelihood(observed: Float64Array, fitted: Float64Array): number {
  let total = 0;
  for (let i = 0; i < observed.length; i++) {
    const y = observed[i] ?? 0;
    const mu = fitted[i] ?? 0;
    total += (y > 0 ? y * Math.log(mu) : 0) - mu - logFactorial(y);
  }
  return total;
}

export function fitPoisson(
  matrix: Float64Array,
  rows: number,
  columns: number,
  observed: Float64Array,
  options: PoissonFitOptions = {},
): PoissonFit {
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 25;
  const fitted = options.initialFitted === undefined ? Float64Array.from(observed, (y) => y + 0.1) : Float64Array.from(options.initialFitted);
  const eta = Float64Array.from(fitted, Math.log);
  let previousDeviance = poissonDeviance(observed, fitted);
  let deviance = previousDeviance;
  let solution = solveWeightedLeastSquares(matrix, rows, columns, new Float64Array(rows).fill(1), eta);
  let converged = false;
  let iterations: number;
  const workingResponse = new Float64Array(rows);
  const sqrtWeights = new Float64Array(rows);
  let lastCoefficientChange = Infinity;
  for (iterations = 1; iterations <= maxIterations; iterations++) {
    const previousCoefficients = solution.coefficients;
    for (let i = 0; i < rows; i++) {
      const mu = fitted[i] ?? 1;
      workingResponse[i] = (eta[i] ?? 0) + ((observed[i] ?? 0) - mu) / mu;
      sqrtWeights[i] = Math.sqrt(mu);
    }
    solution = solveWeightedLeastSquares(matrix, rows, columns, sqrtWeights, workingResponse);
    const usable = solution.coefficients.map((coefficient) => (Number.isNaN(coefficient) ? 0 : coefficient));
    lastCoefficientChange = 0;
    solution.coefficients.forEach((coefficient, j) => {
      const change = Math.abs(coefficient - (previousCoefficients[j] ?? Number.NaN));
      if (!Number.isNaN(change)) lastCoefficientChange = Math.max(lastCoefficientChange, change);
    });
    for (let i = 0; i < rows; i++) {
      let linear = 0;
      for (let j = 0; j < columns; j++) linear += matrix[i * columns + j]! * usable[j]!;
      eta[i] = linear;
      fitted[i] = Math.exp(linear);
    }
    deviance = poissonDeviance(observed, fitted);
    if (Math.abs(deviance - previousDeviance) / (Math.abs(deviance) + 0.1) < tolerance) {
      converged = true;
      break;
    }
    previousDeviance = deviance;
  }
  return {
    coefficients: solution.coefficients,
    fitted,
    deviance,
    logLikelihood: poissonLogLikelihood(observed, fitted),
    rank: solution.rank,
    converged,
    iterations: Math.min(iterations, maxIterations),
    lastCoefficientChange,
    covarianceUnscaled: solution.covarianceUnscaled(),
  };
}
