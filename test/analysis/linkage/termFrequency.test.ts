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

  it('adjusts swapped names as it adjusts equal ones: a common name crossed is still a common name', () => {
    const settings = { ...defaultSettings(['givenName', 'familyName'], 'dedupe') };
    const family = settings.comparisons.find((c) => c.kind === 'familyName') ?? { kind: 'familyName' as const };
    const labels = comparisonKinds.familyName.levelLabels(family);
    const swapped = labels.flatMap((label, i) => (/swapped/.test(label) ? [i + 1] : []));
    expect(swapped).toHaveLength(2);
    // A name crossed once is a common or rare name like any other.
    const crossed = labels.indexOf('one name in the other field, the other names differ') + 1;
    expect(crossed).toBeGreaterThan(0);
    expect(comparisonKinds.familyName.termFrequencyLevels?.(family)).toEqual([1, ...swapped, crossed]);
    // The given-name comparison has no swapped levels: only its exact level is adjusted.
    expect(comparisonKinds.givenName.termFrequencyLevels?.({ kind: 'givenName' })).toEqual([1]);

    const people: PersonRecord[] = [
      ...records(),
      { recordId: 's1', sourceId: 's', givenNames: 'Nguyen', familyName: 'Lan' },
      { recordId: 's2', sourceId: 's', givenNames: 'Lan', familyName: 'Nguyen' },
      { recordId: 'r1', sourceId: 's', givenNames: 'Edokpolo', familyName: 'Osaze' },
    ];
    const prepared = prepareRecords(people);
    const trained = model();
    const withSwapsAdjusted: LinkageModel = {
      ...trained,
      comparisons: trained.comparisons.map((c) => ({ ...c, levels: c.levels.map((l, i) => ({ ...l, termFrequencyAdjusted: i + 1 === 1 || swapped.includes(i + 1) })) })),
    };
    const common = explainPair(prepared, withSwapsAdjusted, 's1', 's2').steps.find((s) => s.step === 'familyName');
    const rare = explainPair(prepared, withSwapsAdjusted, 'r1', 'e1').steps.find((s) => s.step === 'familyName');
    expect(common?.level).toBe('given and family names swapped');
    expect(rare?.level).toBe('given and family names swapped');
    expect(common?.termFrequencyWeight ?? 0).toBeLessThan(0);
    expect(rare?.termFrequencyWeight ?? 0).toBeGreaterThan(common?.termFrequencyWeight ?? 0);
  });
});
