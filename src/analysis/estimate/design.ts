import { CaptureTableError, overlapCount, type CaptureTable } from './captureTable.ts';

/**
 * A log-linear model over the lists. Each interaction term is a bitmask of two or more lists; the
 * intercept and every main effect are always in the model. `interactions` keeps the order in which
 * the terms were given or selected, which is what a person reading a stepwise result wants to see.
 */
export interface LoglinearModel {
  readonly interactions: readonly number[];
}

export const MAIN_EFFECTS_MODEL: LoglinearModel = { interactions: [] };

export function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

export function listsInTerm(mask: number): number[] {
  const lists: number[] = [];
  for (let bit = 0; 1 << bit <= mask; bit++) if (mask & (1 << bit)) lists.push(bit);
  return lists;
}

/** Orders terms by size, then by the lists they name, so output is stable and easy to read. */
export function compareTerms(a: number, b: number): number {
  const sizeDifference = bitCount(a) - bitCount(b);
  if (sizeDifference !== 0) return sizeDifference;
  const listsA = listsInTerm(a);
  const listsB = listsInTerm(b);
  for (let i = 0; i < listsA.length; i++) {
    const difference = (listsA[i] ?? 0) - (listsB[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Adds every lower-order interaction implied by the given ones (a hierarchical model). */
export function hierarchicalClosure(interactions: readonly number[]): number[] {
  const closed = new Set<number>();
  const pending = [...interactions];
  while (pending.length > 0) {
    const term = pending.pop() ?? 0;
    if (bitCount(term) < 2 || closed.has(term)) continue;
    closed.add(term);
    for (const list of listsInTerm(term)) pending.push(term & ~(1 << list));
  }
  const ordered = interactions.filter((term, index) => bitCount(term) >= 2 && interactions.indexOf(term) === index);
  for (const term of [...closed].sort(compareTerms)) if (!ordered.includes(term)) ordered.push(term);
  return ordered;
}

export function termLabel(mask: number, listNames: readonly string[]): string {
  return listsInTerm(mask)
    .map((list) => listNames[list] ?? `#${list}`)
    .join(':');
}

/** Parses "A:B,C:D" (list names joined by ':' and terms by ','). */
export function parseTerms(specification: string, listNames: readonly string[]): number[] {
  const terms: number[] = [];
  for (const rawTerm of specification.split(',')) {
    const text = rawTerm.trim();
    if (text === '') continue;
    let mask = 0;
    for (const rawName of text.split(':')) {
      const name = rawName.trim();
      const list = listNames.indexOf(name);
      if (list < 0) {
        throw new CaptureTableError(`unknown list "${name}" in term "${text}"; the lists are ${listNames.join(', ')}`);
      }
      if (mask & (1 << list)) throw new CaptureTableError(`list "${name}" appears twice in term "${text}"`);
      mask |= 1 << list;
    }
    if (bitCount(mask) < 2) {
      throw new CaptureTableError(`term "${text}" names one list; main effects are always in the model, give interactions like A:B`);
    }
    if (!terms.includes(mask)) terms.push(mask);
  }
  return terms;
}

/**
 * The hierarchical-model notation of Rcapture and MultipleSystemsEstimation: the maximal terms
 * with lists numbered from 1, e.g. "[12,13,4]". Only unambiguous for up to nine lists.
 */
export function hierarchyLabel(model: LoglinearModel, listCountValue: number): string {
  const allTerms = [...hierarchicalClosure(model.interactions)];
  for (let list = 0; list < listCountValue; list++) allTerms.push(1 << list);
  const roots = allTerms.filter((term) => !allTerms.some((other) => other !== term && (other & term) === term));
  const weight = (term: number): number =>
    listsInTerm(term).reduce((sum, list) => sum + 0.5 ** (list + 1), bitCount(term));
  return `[${roots
    .sort((a, b) => weight(b) - weight(a))
    .map((term) => listsInTerm(term).map((list) => String(list + 1)).join(''))
    .join(',')}]`;
}

export function parseHierarchyLabel(label: string): LoglinearModel {
  const inner = label.trim().replace(/^\[/, '').replace(/\]$/, '');
  const roots = inner.split(',').map((root) => {
    let mask = 0;
    for (const digit of root.trim()) mask |= 1 << (Number(digit) - 1);
    return mask;
  });
  return { interactions: hierarchicalClosure(roots.filter((mask) => bitCount(mask) >= 2)) };
}

/**
 * The Poisson regression behind a model: one row per fitted cell, one column per free parameter.
 * Terms whose overlap is empty in the data have their parameter at minus infinity (the extended
 * MLE of Chan, Silverman and Vincent 2021, as SparseMSE and MultipleSystemsEstimation do): the
 * cells that contain them are structurally zero and left out, and the term has no column.
 */
export interface ModelDesign {
  readonly listCount: number;
  /** Capture patterns of the fitted cells, in row order. */
  readonly cells: readonly number[];
  /** Parameter of each column: 0 for the intercept, otherwise the bitmask of a term. */
  readonly columns: readonly number[];
  /** Row-major cells × columns 0/1 matrix. */
  readonly matrix: Float64Array;
  /** Terms of the model fixed at minus infinity because nobody is in their overlap. */
  readonly emptyTerms: readonly number[];
}

export function modelParameters(model: LoglinearModel, listCountValue: number): number[] {
  const parameters = [0];
  for (let list = 0; list < listCountValue; list++) parameters.push(1 << list);
  for (const term of model.interactions) if (!parameters.includes(term)) parameters.push(term);
  return parameters;
}

export function buildDesign(
  table: CaptureTable,
  model: LoglinearModel,
  options: { readonly fixEmptyTermsAtMinusInfinity: boolean } = { fixEmptyTermsAtMinusInfinity: true },
): ModelDesign {
  const k = table.listNames.length;
  const parameters = modelParameters(model, k);
  const emptyTerms = options.fixEmptyTermsAtMinusInfinity
    ? parameters.filter((term) => term !== 0 && overlapCount(table, term) === 0)
    : [];
  const columns = parameters.filter((term) => !emptyTerms.includes(term));
  const cells: number[] = [];
  for (let pattern = 1; pattern < 2 ** k; pattern++) {
    if (!emptyTerms.some((term) => (pattern & term) === term)) cells.push(pattern);
  }
  return { listCount: k, cells, columns, matrix: designMatrix(cells, columns), emptyTerms };
}

export function designMatrix(cells: readonly number[], columns: readonly number[]): Float64Array {
  const matrix = new Float64Array(cells.length * columns.length);
  cells.forEach((pattern, row) => {
    columns.forEach((term, column) => {
      matrix[row * columns.length + column] = (pattern & term) === term ? 1 : 0;
    });
  });
  return matrix;
}

export function cellCounts(table: CaptureTable, cells: readonly number[]): Float64Array {
  return Float64Array.from(cells, (pattern) => table.counts[pattern] ?? 0);
}
