import { describe, expect, it } from 'vitest';
import { prepareRecords } from '../../../src/analysis/linkage/featureTable.ts';
import { scoringTables } from '../../../src/analysis/linkage/linkage.ts';
import { defaultSettings, matchWeightOf, type LinkageModel } from '../../../src/analysis/linkage/model.ts';
import { comparisonKinds } from '../../../src/analysis/linkage/comparisons/index.ts';
import { compileComparisons, scorePairs } from '../../../src/analysis/linkage/pairComparison.ts';
import type { PersonRecord } from '../../../src/analysis/linkage/record.ts';
import { explainPair } from '../../../src/analysis/linkage/waterfall.ts';

/** 100 records: half the family names are Nguyen, one pair shares the rare name Edokpolo. */
function records(): PersonRecord[] {
  const list: PersonRecord[] = [];
  for (let i = 0; i < 50; i++) list.push({ recordId: `n${i}`, sourceId: 's', familyName: 'Nguyen', givenNames: `Given${String.fromCharCode(97 + (i % 26))}x${Math.floor(i / 26)}` });
  list.push({ recordId: 'e1', sourceId: 's', familyName: 'Edokpolo', givenNames: 'Osaze' });
  list.push({ recordId: 'e2', sourceId: 's', familyName: 'Edokpolo', givenNames: 'Osas' });
  for (let i = 0; i < 48; i++) list.push({ recordId: `o${i}`, sourceId: 's', familyName: `Other${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}q`, givenNames: 'Anna' });
  return list;
}

/** A hand-set model (no training), so the term-frequency part can be checked exactly. */
function model(): LinkageModel {
  const settings = { ...defaultSettings(['familyName'], 'dedupe'), comparisons: [{ kind: 'familyName' as const, termFrequencyAdjustment: true }] };
  const labels = comparisonKinds.familyName.levelLabels(settings.comparisons[0] ?? { kind: 'familyName' });
  const uExact = 0.01;
  return {
    format: 'lifeline-linkage-model',
    version: 1,
    settings,
    probabilityTwoRandomRecordsMatch: 0.001,
    comparisons: [
      {
        kind: 'familyName',
        levels: labels.map((label, i) => {
          const m = i === 0 ? 0.9 : 0.1 / (labels.length - 1);
          const u = i === 0 ? uExact : (1 - uExact) / (labels.length - 1);
          return { label, mProbability: m, uProbability: u, matchWeight: matchWeightOf(m, u), termFrequencyAdjusted: i === 0, mSource: 'test' };
        }),
      },
    ],
    training: [],
  };
}

describe('term-frequency adjustment', () => {
  it('makes agreeing on a common name count less than agreeing on a rare one', () => {
    const prepared = prepareRecords(records());
    const trained = model();
    const common = explainPair(prepared, trained, 'n0', 'n1');
    const rare = explainPair(prepared, trained, 'e1', 'e2');
    const commonStep = common.steps.find((s) => s.step === 'familyName');
    const rareStep = rare.steps.find((s) => s.step === 'familyName');
    // Nguyen is 50 of 100 family names, Edokpolo 2 of 100: adjustment log2(u / frequency).
    expect(commonStep?.termFrequencyWeight).toBeCloseTo(Math.log2(0.01 / 0.5), 5);
    expect(rareStep?.termFrequencyWeight).toBeCloseTo(Math.log2(0.01 / 0.02), 5);
    expect(commonStep?.matchWeight).toBe(rareStep?.matchWeight);
    expect(rare.matchWeight - common.matchWeight).toBeCloseTo(Math.log2(0.5 / 0.02), 5);
  });

  it('scores pairs in the engine with the same adjustment as the explanation', () => {
    const prepared = prepareRecords(records());
    const trained = model();
    const rows = (id: string): number => prepared.recordIds.indexOf(id);
    const scored = scorePairs(
      prepared.table,
      compileComparisons(trained.settings.comparisons),
      scoringTables(prepared, trained),
      Int32Array.from([rows('n0'), rows('e1')]),
      Int32Array.from([rows('n1'), rows('e2')]),
      -Infinity,
    );
    expect(scored.weights[0]).toBeCloseTo(explainPair(prepared, trained, 'n0', 'n1').matchWeight, 4);
    expect(scored.weights[1]).toBeCloseTo(explainPair(prepared, trained, 'e1', 'e2').matchWeight, 4);
    expect(scored.weights[1] ?? 0).toBeGreaterThan(scored.weights[0] ?? 0);
  });
});
