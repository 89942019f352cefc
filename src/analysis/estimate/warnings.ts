import { overlapCount, type CaptureTable } from './captureTable.ts';
import type { PopulationInterval } from './intervals.ts';
import { twoListTerms } from './selection/candidates.ts';
import { termLabel } from './design.ts';

/** Overlaps smaller than this make two-list interactions poorly determined. */
export const SPARSE_OVERLAP = 5;
/** An estimate this many times the observed total means most of the population is unseen. */
export const LARGE_RATIO = 5;
/** Methods disagreeing by more than this factor are reported. */
export const METHOD_SPREAD = 1.5;

const formatCount = (value: number): string => Math.round(value).toLocaleString('en-GB');

/** Warnings that depend only on the data: what a reader must know before trusting any estimate. */
export function tableWarnings(table: CaptureTable): string[] {
  const warnings: string[] = [];
  const names = table.listNames;
  const k = names.length;
  names.forEach((name, list) => {
    if (overlapCount(table, 1 << list) === 0) warnings.push(`List ${name} has nobody on it; it adds nothing to the estimate.`);
  });
  const isolated = names.filter((_, list) => {
    const size = overlapCount(table, 1 << list);
    return size > 0 && (table.counts[1 << list] ?? 0) === size;
  });
  if (isolated.length > 0) {
    warnings.push(
      `${isolated.length === 1 ? 'List' : 'Lists'} ${isolated.join(', ')} ${isolated.length === 1 ? 'shares' : 'share'} nobody with any other list, ` +
        'so the data cannot show how such lists miss people together; their part of the estimate rests on the assumption that lists are independent.',
    );
  }
  const pairs = twoListTerms(k);
  const empty = pairs.filter((pair) => overlapCount(table, pair) === 0);
  const sparse = pairs.filter((pair) => {
    const overlap = overlapCount(table, pair);
    return overlap > 0 && overlap < SPARSE_OVERLAP;
  });
  if (empty.length > 0) {
    warnings.push(
      `${empty.length} of ${pairs.length} pairs of lists have nobody in common (${empty.map((pair) => termLabel(pair, names)).join(', ')}). ` +
        'Interactions between them cannot be estimated and are fixed at "never together" when a model includes them.',
    );
  }
  if (sparse.length > 0) {
    warnings.push(
      `Overlaps are sparse: ${sparse.length} of ${pairs.length} pairs of lists have fewer than ${SPARSE_OVERLAP} people in common ` +
        `(${sparse.map((pair) => `${termLabel(pair, names)} ${overlapCount(table, pair)}`).join(', ')}), so interactions between them are poorly determined.`,
    );
  }
  const observed = table.counts.reduce((sum, count) => sum + count, 0);
  if (observed < 100) warnings.push(`Only ${observed} people were observed; any estimate from so few is very uncertain.`);
  return warnings;
}

export function estimateWarnings(observed: number, estimate: number, interval: PopulationInterval): string[] {
  const warnings: string[] = [];
  const ratio = estimate / observed;
  if (ratio > LARGE_RATIO) {
    warnings.push(
      `The estimate is ${ratio.toFixed(1)} times the ${formatCount(observed)} people observed: most of the population would be unseen by every list, ` +
        'so the figure leans heavily on the model and should be read with its interval.',
    );
  }
  if (!Number.isFinite(interval.upper)) {
    warnings.push('The interval has no finite upper limit: the data are consistent with an arbitrarily large hidden population.');
  } else if (interval.upper / Math.max(interval.lower, 1) > 3) {
    warnings.push(
      `The interval is very wide (${formatCount(interval.lower)} to ${formatCount(interval.upper)}): the data pin the total down only loosely.`,
    );
  }
  return warnings;
}

export function methodSensitivityWarning(estimates: readonly { readonly method: string; readonly estimate: number }[]): string | undefined {
  const finite = estimates.filter((entry) => Number.isFinite(entry.estimate) && entry.estimate > 0);
  if (finite.length < 2) return undefined;
  const values = finite.map((entry) => entry.estimate);
  const spread = Math.max(...values) / Math.min(...values);
  if (spread <= METHOD_SPREAD) return undefined;
  return (
    `The estimate is sensitive to the method: ${finite.map((entry) => `${entry.method} ${formatCount(entry.estimate)}`).join(', ')} ` +
    `(the largest is ${spread.toFixed(1)} times the smallest). Report the range, not one figure.`
  );
}
