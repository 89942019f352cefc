import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { CaptureTable } from './captureTable.ts';
import { buildDesign, cellCounts, termLabel, type LoglinearModel, type ModelDesign } from './design.ts';
import { matrixRank } from './leastSquares.ts';
import { fitPoisson } from './poissonFit.ts';

/**
 * Codes as SparseMSE's checkident and MultipleSystemsEstimation's check_extended_MLE:
 * 0 fine, 1 the (extended) MLE does not exist, 2 not identifiable, 3 both.
 */
export type ExistenceCode = 0 | 1 | 2 | 3;

export interface ExistenceVerdict {
  readonly code: ExistenceCode;
  readonly mleExists: boolean;
  readonly identifiable: boolean;
  /** Plain words for a person, empty when the model is fine. */
  readonly explanation: string;
}

export interface ExistenceChecker {
  check(table: CaptureTable, model: LoglinearModel): ExistenceVerdict;
}

/**
 * Existence and identifiability of the extended maximum likelihood estimate (Chan, Silverman and
 * Vincent 2021). After fixing at minus infinity the terms whose overlap is empty, the MLE exists
 * exactly when some strictly positive table has the same sufficient statistics as the data; the
 * linear programme "maximise t subject to Aᵀx = Aᵀy, x ≥ t" answers that (t = 0 means no). The
 * model is identifiable when its design matrix has full column rank.
 *
 * Whether the LP has a positive optimum depends only on which cells are non-zero, so verdicts are
 * cached by model and support: the bootstrap asks the same question many thousands of times.
 */
// The package's declarations describe the CommonJS build, but Node resolves its ES module build,
// whose default export is the loader; reach it through the namespace.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;

export interface ExistenceCheckerOptions {
  /** Try the fitted-table certificate before the LP (default true); false always solves the LP. */
  readonly certificate?: boolean;
}

export async function createExistenceChecker(options: ExistenceCheckerOptions = {}): Promise<ExistenceChecker> {
  const useCertificate = options.certificate ?? true;
  const highs = await loadHighs();
  const supportCache = new Map<string, SupportVerdicts>();
  const rankCache = new Map<string, boolean>();
  return {
    check(table, model) {
      const design = buildDesign(table, model);
      const counts = cellCounts(table, design.cells);
      const support = supportOf(counts);
      const modelKey = `${table.listNames.length}|${design.columns.join(',')}|${design.cells.join(',')}`;
      let identifiable = rankCache.get(modelKey);
      if (identifiable === undefined) {
        identifiable = matrixRank(design.matrix, design.cells.length, design.columns.length) === design.columns.length;
        rankCache.set(modelKey, identifiable);
      }
      let verdicts = supportCache.get(modelKey);
      if (verdicts === undefined) {
        verdicts = { existing: [], missing: [] };
        supportCache.set(modelKey, verdicts);
      }
      let mleExists = counts.every((count) => count > 0) || lookupSupport(verdicts, support);
      if (mleExists === undefined) {
        mleExists =
          useCertificate && identifiable && fittedTableCertifiesExistence(design, counts)
            ? true
            : positiveTableExists(highs, design, counts);
        rememberSupport(verdicts, support, mleExists);
      }
      if (supportCache.size > 20_000) supportCache.clear();
      if (rankCache.size > 20_000) rankCache.clear();
      const code = ((mleExists ? 0 : 1) + (identifiable ? 0 : 2)) as ExistenceCode;
      return { code, mleExists, identifiable, explanation: explainExistence(code, design, table) };
    },
  };
}

/**
 * Existence is monotone in the support: if a positive table matches data with support S, one
 * matches any data whose support contains S (add a small multiple of the positive table to the
 * difference). So one LP answers for all larger supports (exists) or all smaller ones (does not).
 */
interface SupportVerdicts {
  readonly existing: Uint32Array[];
  readonly missing: Uint32Array[];
}

const MAX_REMEMBERED_SUPPORTS = 256;

function supportOf(counts: Float64Array): Uint32Array {
  const words = new Uint32Array(Math.ceil(counts.length / 32));
  counts.forEach((count, cell) => {
    if (count > 0) words[cell >>> 5] = (words[cell >>> 5] ?? 0) | (1 << (cell & 31));
  });
  return words;
}

function isSubset(smaller: Uint32Array, larger: Uint32Array): boolean {
  for (let i = 0; i < smaller.length; i++) if (((smaller[i] ?? 0) & ~(larger[i] ?? 0)) !== 0) return false;
  return true;
}

function lookupSupport(verdicts: SupportVerdicts, support: Uint32Array): boolean | undefined {
  if (verdicts.existing.some((known) => isSubset(known, support))) return true;
  if (verdicts.missing.some((known) => isSubset(support, known))) return false;
  return undefined;
}

function rememberSupport(verdicts: SupportVerdicts, support: Uint32Array, exists: boolean): void {
  const list = exists ? verdicts.existing : verdicts.missing;
  if (list.length >= MAX_REMEMBERED_SUPPORTS) list.shift();
  list.push(support);
}

/**
 * A cheap certificate before the LP: when the Poisson fit converges to a finite maximum (its
 * coefficients have stopped moving) with every fitted cell positive, the fitted table itself is a
 * strictly positive table with the data's sufficient statistics (the likelihood equations say
 * so), so the MLE exists. When it does not exist, some coefficient keeps drifting towards minus
 * infinity by about one per iteration, the certificate fails and the LP decides. On tables with
 * many lists this saves a linear programme over thousands of cells.
 */
function fittedTableCertifiesExistence(design: ModelDesign, counts: Float64Array): boolean {
  const rows = design.cells.length;
  const columns = design.columns.length;
  const fit = fitPoisson(design.matrix, rows, columns, counts, { tolerance: 1e-12, maxIterations: 50 });
  if (!fit.converged || fit.rank < columns || !(fit.lastCoefficientChange < 1e-7)) return false;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    if (!((fit.fitted[row] ?? 0) > 0)) return false;
    total += counts[row] ?? 0;
  }
  // The likelihood equations: fitted and observed sufficient statistics agree.
  for (let column = 0; column < columns; column++) {
    let gap = 0;
    for (let row = 0; row < rows; row++) {
      if (design.matrix[row * columns + column] === 1) gap += (fit.fitted[row] ?? 0) - (counts[row] ?? 0);
    }
    if (Math.abs(gap) > 1e-6 * Math.max(total, 1)) return false;
  }
  return true;
}

function positiveTableExists(highs: Highs, design: ModelDesign, counts: Float64Array): boolean {
  const cells = design.cells.length;
  const columns = design.columns.length;
  // Variables: one per cell (x), then t. Rows: the sufficient statistics Aᵀx = Aᵀy, then x − t ≥ 0.
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (let column = 0; column < columns; column++) {
    let statistic = 0;
    for (let row = 0; row < cells; row++) {
      if (design.matrix[row * columns + column] === 1) {
        indices.push(row);
        values.push(1);
        statistic += counts[row] ?? 0;
      }
    }
    starts.push(indices.length);
    rowLower.push(statistic);
    rowUpper.push(statistic);
  }
  for (let row = 0; row < cells; row++) {
    indices.push(row, cells);
    values.push(1, -1);
    starts.push(indices.length);
    rowLower.push(0);
    rowUpper.push(highs.infinity);
  }
  const colCost = new Array<number>(cells + 1).fill(0);
  colCost[cells] = 1;
  return highs.withModel(
    {
      numCols: cells + 1,
      numRows: columns + cells,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower: new Array<number>(cells + 1).fill(0),
      colUpper: new Array<number>(cells + 1).fill(highs.infinity),
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows: columns + cells, numCols: cells + 1, starts, indices, values },
    },
    (model) => {
      model.options.set({ output_flag: false });
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return false;
      // The optimum is a vertex of a rational polytope with modest denominators: it is either 0 or
      // clearly positive, so a small absolute threshold separates the cases.
      return model.getObjectiveValue() > 1e-7;
    },
  );
}

function explainExistence(code: ExistenceCode, design: ModelDesign, table: CaptureTable): string {
  const parts: string[] = [];
  if (code === 1 || code === 3) {
    parts.push(
      'the maximum likelihood estimate does not exist for this model: the observed overlaps are consistent with an unbounded number of people missed by every list, so any figure it produced would be an artefact of the fitting',
    );
  }
  if (code === 2 || code === 3) {
    parts.push(
      'the model is not identifiable: it has more free parameters than the observed overlaps can pin down, so the data cannot tell different dark figures apart',
    );
  }
  if (parts.length > 0 && design.emptyTerms.length > 0) {
    parts.push(
      `(terms with nobody in their overlap, fixed at zero: ${design.emptyTerms.map((term) => termLabel(term, table.listNames)).join(', ')})`,
    );
  }
  return parts.join('; ');
}
