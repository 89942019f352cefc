/**
 * Weighted least squares by Householder QR with R's limited column pivoting (LINPACK dqrdc2): a
 * column whose remaining norm falls below `tolerance` times its original norm is treated as
 * aliased and moved to the end. Written out because the IRLS fit must detect rank deficiency the
 * same way R's glm does, so that "not identifiable" means the same thing here as in the reference.
 */
export interface LeastSquaresSolution {
  /** Coefficient per column, NaN for aliased columns. */
  readonly coefficients: Float64Array;
  readonly rank: number;
  /** Column order after pivoting; the first `rank` are estimable. */
  readonly pivot: readonly number[];
  /** Unscaled covariance (RᵀR)⁻¹, row-major columns × columns; NaN rows/columns for aliased ones. */
  covarianceUnscaled(): Float64Array;
}

export const QR_TOLERANCE = 1e-11;

export function solveWeightedLeastSquares(
  matrix: Float64Array,
  rows: number,
  columns: number,
  sqrtWeights: Float64Array,
  response: Float64Array,
  tolerance = QR_TOLERANCE,
): LeastSquaresSolution {
  // This is the inner loop of every fit (and of every model in a BIC search, every bootstrap
  // replicate), so it works on flat typed arrays with non-null assertions on in-range indices.
  // Column-major working copy of diag(sqrt w)·X, and the weighted response.
  const work = new Float64Array(rows * columns);
  const rhs = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const weight = sqrtWeights[i]!;
    rhs[i] = response[i]! * weight;
    for (let j = 0; j < columns; j++) work[j * rows + i] = matrix[i * columns + j]! * weight;
  }
  const pivot: number[] = [];
  for (let j = 0; j < columns; j++) pivot.push(j);
  const originalNorms = new Float64Array(columns);
  for (let j = 0; j < columns; j++) originalNorms[j] = columnNorm(work, rows, j, 0);

  let rank = Math.min(rows, columns);
  let effectiveColumns = columns;
  for (let step = 0; step < Math.min(rank, effectiveColumns); step++) {
    // Move negligible columns to the end, as dqrdc2 does, until a usable one is found.
    let norm = 0;
    while (step < effectiveColumns) {
      const position = pivot[step]!;
      norm = columnNorm(work, rows, position, step);
      if (norm >= originalNorms[position]! * tolerance && norm > 0) break;
      pivot.splice(step, 1);
      pivot.push(position);
      effectiveColumns--;
    }
    if (step >= effectiveColumns) break;
    const offset = pivot[step]! * rows;
    const head = work[offset + step]!;
    const alpha = head > 0 ? -norm : norm;
    // Householder vector v = x − αe₁ stored in place; H = I − 2vvᵀ/(vᵀv), and vᵀv = 2(α² − α·x₁).
    work[offset + step] = head - alpha;
    const vNormSquared = 2 * (alpha * alpha - alpha * head);
    if (vNormSquared > 0) {
      for (let later = step + 1; later <= columns; later++) {
        const target = later === columns ? rhs : work;
        const targetOffset = later === columns ? 0 : pivot[later]! * rows;
        let dot = 0;
        for (let i = step; i < rows; i++) dot += work[offset + i]! * target[targetOffset + i]!;
        if (dot === 0) continue;
        const factor = (2 * dot) / vNormSquared;
        for (let i = step; i < rows; i++) target[targetOffset + i] = target[targetOffset + i]! - factor * work[offset + i]!;
      }
    }
    // Store R's diagonal; the reflector itself is no longer needed.
    work[offset + step] = alpha;
    for (let i = step + 1; i < rows; i++) work[offset + i] = 0;
  }
  rank = Math.min(effectiveColumns, rows);

  const upper = (i: number, j: number): number => work[(pivot[j] ?? 0) * rows + i] ?? 0;
  const pivotedCoefficients = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let sum = rhs[i] ?? 0;
    for (let j = i + 1; j < rank; j++) sum -= upper(i, j) * (pivotedCoefficients[j] ?? 0);
    pivotedCoefficients[i] = sum / upper(i, i);
  }
  const coefficients = new Float64Array(columns).fill(Number.NaN);
  for (let j = 0; j < rank; j++) coefficients[pivot[j] ?? 0] = pivotedCoefficients[j] ?? 0;

  return {
    coefficients,
    rank,
    pivot,
    covarianceUnscaled(): Float64Array {
      // R⁻¹ by back substitution, then R⁻¹R⁻ᵀ.
      const inverse = new Float64Array(rank * rank);
      for (let col = 0; col < rank; col++) {
        for (let i = col; i >= 0; i--) {
          let sum = i === col ? 1 : 0;
          for (let j = i + 1; j <= col; j++) sum -= upper(i, j) * (inverse[j * rank + col] ?? 0);
          inverse[i * rank + col] = sum / upper(i, i);
        }
      }
      const covariance = new Float64Array(columns * columns).fill(Number.NaN);
      for (let a = 0; a < rank; a++) {
        for (let b = 0; b < rank; b++) {
          let sum = 0;
          for (let j = Math.max(a, b); j < rank; j++) sum += (inverse[a * rank + j] ?? 0) * (inverse[b * rank + j] ?? 0);
          covariance[(pivot[a] ?? 0) * columns + (pivot[b] ?? 0)] = sum;
        }
      }
      return covariance;
    },
  };
}

function columnNorm(work: Float64Array, rows: number, column: number, fromRow: number): number {
  // Entries are square roots of fitted counts times 0/1, far from overflow: no scaling needed.
  let sum = 0;
  for (let i = column * rows + fromRow, end = (column + 1) * rows; i < end; i++) sum += work[i]! * work[i]!;
  return Math.sqrt(sum);
}

/** Numerical rank of a 0/1 design, as R's qr() would report it. */
export function matrixRank(matrix: Float64Array, rows: number, columns: number): number {
  const ones = new Float64Array(rows).fill(1);
  return solveWeightedLeastSquares(matrix, rows, columns, ones, new Float64Array(rows)).rank;
}
