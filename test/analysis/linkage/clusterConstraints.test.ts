import { describe, expect, it } from 'vitest';
import { consistentComponents, duplicateFreeSourcesRule, recordConflicts } from '../../../src/analysis/linkage/clusterConstraints.ts';
import type { ComparisonSpec } from '../../../src/analysis/linkage/comparisons/comparison.ts';
import { prepareRecords } from '../../../src/analysis/linkage/featureTable.ts';
import { defaultSettings, levelLabelsOf, type LinkageModel } from '../../../src/analysis/linkage/model.ts';
import { encodePattern } from '../../../src/analysis/linkage/pairComparison.ts';
import type { PersonRecord } from '../../../src/analysis/linkage/record.ts';
import { uExcludingLikelyMatches } from '../../../src/analysis/linkage/training/nonMatchU.ts';

/** A model whose "else" levels weigh `elseWeight` and every other level +5. */
function modelWith(kinds: ComparisonSpec['kind'][], elseWeight: number): LinkageModel {
  const specs: ComparisonSpec[] = kinds.map((kind) => ({ kind }));
  return {
    format: 'lifeline-linkage-model',
    version: 1,
    settings: { ...defaultSettings(kinds, 'dedupe'), comparisons: specs },
    probabilityTwoRandomRecordsMatch: 0.001,
    comparisons: specs.map((spec) => {
      const labels = levelLabelsOf(spec);
      return {
        kind: spec.kind,
        levels: labels.map((label, i) => ({
          label,
          mProbability: 0.5,
          uProbability: 0.5,
          matchWeight: i === labels.length - 1 ? elseWeight : 5,
          termFrequencyAdjusted: false,
          mSource: 'test',
        })),
      };
    }),
    training: [],
  };
}

const pairs = (list: [number, number, number][]) => ({
  left: Int32Array.from(list.map((p) => p[0])),
  right: Int32Array.from(list.map((p) => p[1])),
  weights: Float32Array.from(list.map((p) => p[2])),
});

// Two women named Emma Jones born months apart, and a Gemma Jones with no date of birth who
// resembles both: connected components would make them one person.
const namesakes: PersonRecord[] = [
  { recordId: 'emma-62', sourceId: 'fife', givenNames: 'Emma', familyName: 'Jones', dateOfBirth: '1962-04-10', sex: 'female' },
  { recordId: 'gemma', sourceId: 'lancashire', givenNames: 'Gemma', familyName: 'Jones', sex: 'female' },
  { recordId: 'emma-61', sourceId: 'merseyside', givenNames: 'Emma', familyName: 'Jones', dateOfBirth: '1961-11-09', sex: 'female' },
  { recordId: 'emma-61-swapped', sourceId: 'kent', givenNames: 'Emma', familyName: 'Jones', dateOfBirth: '1961-09-11', sex: 'female' },
  { recordId: 'emma-male', sourceId: 'kent', givenNames: 'Emma', familyName: 'Jones', sex: 'male' },
];

describe('records that can never be one person', () => {
  const { table } = prepareRecords(namesakes);

  it('are those the model says matches almost never differ on, and full dates a few months apart', () => {
    const conflict = recordConflicts(table, modelWith(['dateOfBirth', 'sex'], -15));
    expect(conflict(0, 2)).toBe(true); // 1962-04-10 against 1961-11-09: within a year, both full
    expect(conflict(2, 3)).toBe(false); // day and month swapped
    expect(conflict(0, 1)).toBe(false); // no date of birth on one side
    expect(conflict(1, 4)).toBe(true); // sex
  });

  it('are none where the data has disagreeing matches (weights near −4, as in FEBRL)', () => {
    const conflict = recordConflicts(table, modelWith(['dateOfBirth', 'sex'], -4));
    expect(conflict(0, 2)).toBe(false);
    expect(conflict(1, 4)).toBe(false);
  });
});

describe('clusters that stay consistent', () => {
  const { table } = prepareRecords(namesakes);
  const conflict = recordConflicts(table, modelWith(['dateOfBirth', 'sex'], -15));

  it('cut a chain of namesakes at its weakest link', () => {
    const weighted = pairs([
      [0, 1, 5.4],
      [1, 2, 5.7],
      [2, 3, 9],
      [1, 4, 6],
    ]);
    const clusters = consistentComponents(table, weighted, 3.2, conflict);
    // Strongest first: 2–3 (a day/month swap), 1–4 refused (sex), 1–2 joins Gemma to the 1961
    // Emma, 0–1 refused: the 1962 Emma would then share a cluster with the 1961 one.
    expect(clusters[2]).toBe(clusters[3]);
    expect(clusters[1]).toBe(clusters[2]);
    expect(clusters[0]).not.toBe(clusters[1]);
    expect(clusters[4]).not.toBe(clusters[1]);
    expect(new Set(clusters).size).toBe(3);
  });

  it('joins the stronger side when the middle record could be either person', () => {
    const clusters = consistentComponents(table, pairs([[0, 1, 5.4], [1, 2, 5.7]]), 3.2, conflict);
    expect(clusters[1]).toBe(clusters[2]);
    expect(clusters[0]).not.toBe(clusters[1]);
    // Without constraints (no field qualifies) the chain is one cluster.
    const loose = consistentComponents(table, pairs([[0, 1, 5.4], [1, 2, 5.7]]), 3.2, () => false);
    expect(new Set(loose).size).toBe(3); // rows 3 and 4 alone, rows 0–2 together
    expect(loose[0]).toBe(loose[2]);
  });

  it('ignores pairs below the threshold and honours duplicate-free sources', () => {
    expect(new Set(consistentComponents(table, pairs([[0, 1, 2]]), 3.2, conflict)).size).toBe(5);
    // Rows 3 and 4 are both from Kent; declared duplicate-free, Kent's two records stay apart.
    const weighted = pairs([[3, 1, 8], [4, 1, 7]]);
    const kent = table.source[3] ?? -1;
    const strict = consistentComponents(table, weighted, 3.2, () => false, duplicateFreeSourcesRule(table.source, new Set([kent])));
    expect(strict[3]).toBe(strict[1]);
    expect(strict[4]).not.toBe(strict[1]);
  });
});

describe('u without the likely matches', () => {
  it('recovers the non-matches’ agreement rate when every pair of a small input is in the sample', () => {
    // One comparison with levels agree (1) / disagree (2); a second that fixes who matches.
    // 1,000 matches (always agree) and 99,000 non-matches of which 1 % agree by chance.
    const radix = [3, 3];
    const patterns = new Map<number, number>([
      [encodePattern([1, 1], radix), 1000],
      [encodePattern([1, 2], radix), 990],
      [encodePattern([2, 2], radix), 98_010],
    ]);
    const m = [
      [0, 0.999, 0.001],
      [0, 0.999, 0.001],
    ];
    const naive = [
      [0, 1990 / 100_000, 98_010 / 100_000],
      [0, 1000 / 100_000, 99_000 / 100_000],
    ];
    const u = uExcludingLikelyMatches(patterns, radix, m, naive, 0.01);
    expect(naive[0]?.[1]).toBeCloseTo(0.0199, 4);
    expect(u[0]?.[1]).toBeCloseTo(0.01, 3);
    expect(u[1]?.[1]).toBeLessThan(0.0005);
    // A comparison with no values stays without u.
    expect(uExcludingLikelyMatches(patterns, radix, m, [naive[0] ?? null, null], 0.01)[1]).toBeNull();
  });
});
