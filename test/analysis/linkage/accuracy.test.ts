import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { clusterAccuracy, pairwiseAccuracy, type PairwiseAccuracy } from '../../../src/analysis/linkage/evaluation.ts';
import { linkRecords, presentComparisonKinds, type LabelledPair, type LinkageResult } from '../../../src/analysis/linkage/linkage.ts';
import { defaultSettings } from '../../../src/analysis/linkage/model.ts';
import type { LinkType } from '../../../src/analysis/linkage/record.ts';
import { concat, LINKAGE_DATA, loadFebrl, loadSplinkFake, type LabelledRecords } from '../../../bench/linkageDatasets.ts';

/** Unsupervised runs at the default threshold (0.9), scored against the data sets' ground truth. */
async function run(
  data: LabelledRecords,
  labels?: LabelledPair[],
  linkType?: LinkType,
): Promise<{ result: LinkageResult; pairs: PairwiseAccuracy; clusters: PairwiseAccuracy }> {
  const result = await linkRecords(data.records, { threads: 0, prepare: { defaultCountry: 'AU' }, ...(labels ? { labels } : {}), ...(linkType ? { linkType } : {}) });
  const used = result.model.settings.linkType;
  const source = result.prepared.table.source;
  return {
    result,
    pairs: pairwiseAccuracy(result.pairs.left, result.pairs.right, data.entity, source, used),
    clusters: clusterAccuracy(result.clusters, data.entity, source, used),
  };
}

describe('accuracy against ground truth, without labels', () => {
  it('FEBRL4 (link 5,000 ↔ 5,000): pairwise F1 ≥ 0.98', async () => {
    const { pairs, clusters, result } = await run(concat(loadFebrl('dataset4a.csv', 'a'), loadFebrl('dataset4b.csv', 'b')), undefined, 'link');
    expect(result.model.settings.linkType).toBe('link');
    expect(pairs.truePairs).toBe(5_000);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.98);
    expect(pairs.precision).toBeGreaterThanOrEqual(0.99);
    expect(clusters.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('FEBRL3 (dedupe 5,000, up to 6 per person): pairwise F1 ≥ 0.95', async () => {
    const { pairs, clusters } = await run(loadFebrl('dataset3.csv'));
    expect(pairs.truePairs).toBe(6_538);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.95);
    expect(clusters.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('FEBRL1 (dedupe 1,000): pairwise F1 ≥ 0.98', async () => {
    const { pairs } = await run(loadFebrl('dataset1.csv'));
    expect(pairs.truePairs).toBe(500);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('Splink fake_1000 (names, date of birth, city, e-mail; heavy errors): precision ≥ 0.97, pairwise F1 ≥ 0.8', async () => {
    const { pairs, clusters } = await run(loadSplinkFake('fake_1000.csv'));
    expect(pairs.truePairs).toBe(2_031);
    expect(pairs.precision).toBeGreaterThanOrEqual(0.97);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.8);
    expect(clusters.f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('prior from deterministic rules only (Splink’s method)', () => {
  it('FEBRL3: document number or exact name and date of birth, recall 0.8: F1 ≥ 0.95', async () => {
    const data = loadFebrl('dataset3.csv');
    const settings = { ...defaultSettings(presentComparisonKinds(data.records), 'dedupe'), priorMethod: 'deterministicRules' as const };
    const result = await linkRecords(data.records, { threads: 0, settings });
    // 1,767 pairs found by the rules among 12,497,500, divided by the assumed recall.
    expect(result.model.training.some((n) => n.stage === 'prior' && n.detail.includes('recall 0.8'))).toBe(true);
    expect(result.model.training.some((n) => n.detail.startsWith('EM share of matches'))).toBe(false);
    const pairs = pairwiseAccuracy(result.pairs.left, result.pairs.right, data.entity, result.prepared.table.source, 'dedupe');
    expect(pairs.f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe('supervised m from reviewer-decided pairs', () => {
  it('fake_1000 with its clerical labels: m comes from the labels and accuracy holds', async () => {
    const rows = parse<Record<string, string>>(readFileSync(join(LINKAGE_DATA, 'splink', 'fake_1000_labels.csv'), 'utf8'), { columns: true });
    const labels: LabelledPair[] = rows.map((r) => ({
      recordIdLeft: r['unique_id_l'] ?? '',
      recordIdRight: r['unique_id_r'] ?? '',
      isMatch: Number(r['clerical_match_score']) >= 0.5,
    }));
    expect(labels.filter((l) => l.isMatch)).toHaveLength(2_031);
    const { pairs, result } = await run(loadSplinkFake('fake_1000.csv'), labels);
    expect(result.model.comparisons[0]?.levels[0]?.mSource).toBe('labels');
    expect(pairs.precision).toBeGreaterThanOrEqual(0.95);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.65);
  });
});
