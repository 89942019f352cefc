import { comparisonKinds } from './comparisons/index.ts';
import type { PreparedRecords } from './featureTable.ts';
import { comparisonVector, compileComparisons, termFrequencyWeight } from './pairComparison.ts';
import { priorWeight, probabilityFromWeight, type LinkageModel } from './model.ts';
import { scoringTables } from './scoring.ts';

export interface WaterfallStep {
  /** "prior" or the comparison kind. */
  readonly step: string;
  readonly level: string;
  readonly valueLeft: string | null;
  readonly valueRight: string | null;
  readonly mProbability: number | null;
  readonly uProbability: number | null;
  /** Weight of the level itself (0 for the null level). */
  readonly matchWeight: number;
  /** Term-frequency part, added to matchWeight for common or rare values. */
  readonly termFrequencyWeight: number;
  readonly cumulativeWeight: number;
  readonly cumulativeProbability: number;
}

export interface Waterfall {
  readonly recordIdLeft: string;
  readonly recordIdRight: string;
  readonly steps: readonly WaterfallStep[];
  readonly matchWeight: number;
  readonly matchProbability: number;
}

/** Why a pair scored as it did: the prior, then each field's weight with both raw values. */
export function explainPair(prepared: PreparedRecords, model: LinkageModel, recordIdLeft: string, recordIdRight: string): Waterfall {
  const rowOf = (id: string): number => {
    const row = prepared.recordIds.indexOf(id);
    if (row < 0) throw new Error(`no record with id "${id}"`);
    return row;
  };
  const left = rowOf(recordIdLeft);
  const right = rowOf(recordIdRight);
  const specs = model.settings.comparisons;
  const tables = scoringTables(prepared, model);
  const levels = comparisonVector(prepared.table, compileComparisons(specs), left, right, new Uint8Array(specs.length));
  const prior = priorWeight(model.probabilityTwoRandomRecordsMatch);
  let cumulative = prior;
  const steps: WaterfallStep[] = [
    {
      step: 'prior',
      level: 'probability two random records match',
      valueLeft: null,
      valueRight: null,
      mProbability: null,
      uProbability: null,
      matchWeight: prior,
      termFrequencyWeight: 0,
      cumulativeWeight: cumulative,
      cumulativeProbability: probabilityFromWeight(cumulative),
    },
  ];
  const recordLeft = prepared.records[left];
  const recordRight = prepared.records[right];
  specs.forEach((spec, k) => {
    const definition = comparisonKinds[spec.kind];
    const level = levels[k] ?? 0;
    const trained = model.comparisons[k]?.levels[level - 1];
    let weight = 0;
    let tfWeight = 0;
    if (level > 0 && trained !== undefined) {
      weight = trained.matchWeight;
      const rule = tables.termFrequency.find((t) => t.comparisonIndex === k);
      if (trained.termFrequencyAdjusted && rule !== undefined) tfWeight = termFrequencyWeight(rule, left, right);
    }
    cumulative += weight + tfWeight;
    steps.push({
      step: spec.kind,
      level: level === 0 ? 'null (a value missing)' : (trained?.label ?? `level ${level}`),
      valueLeft: recordLeft ? definition.rawValue(recordLeft) : null,
      valueRight: recordRight ? definition.rawValue(recordRight) : null,
      mProbability: level === 0 ? null : (trained?.mProbability ?? null),
      uProbability: level === 0 ? null : (trained?.uProbability ?? null),
      matchWeight: weight,
      termFrequencyWeight: tfWeight,
      cumulativeWeight: cumulative,
      cumulativeProbability: probabilityFromWeight(cumulative),
    });
  });
  return { recordIdLeft, recordIdRight, steps, matchWeight: cumulative, matchProbability: probabilityFromWeight(cumulative) };
}

/** Plain-text waterfall for a terminal. */
export function formatWaterfall(waterfall: Waterfall): string {
  const lines = [`${waterfall.recordIdLeft} ↔ ${waterfall.recordIdRight}`];
  const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  for (const s of waterfall.steps) {
    const values = s.step === 'prior' ? '' : `${JSON.stringify(s.valueLeft)} vs ${JSON.stringify(s.valueRight)}`;
    const tf = s.termFrequencyWeight !== 0 ? ` (tf ${s.termFrequencyWeight >= 0 ? '+' : ''}${s.termFrequencyWeight.toFixed(2)})` : '';
    lines.push(
      `${pad(s.step, 15)} ${pad(s.level, 32)} ${pad((s.matchWeight >= 0 ? '+' : '') + s.matchWeight.toFixed(2) + tf, 22)} → ${s.cumulativeWeight.toFixed(2)}  ${values}`,
    );
  }
  lines.push(`match weight ${waterfall.matchWeight.toFixed(2)}, probability ${waterfall.matchProbability.toFixed(4)}`);
  return lines.join('\n');
}
