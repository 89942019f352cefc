// The estimate's chart: one point and interval per method at the estimate's threshold, drawn as SVG.
import { describe, expect, it } from 'vitest';
import type { PopulationEstimate } from '../../src/analysis/estimate/index.ts';
import type { ComparisonCell, HiddenScaleOutcome } from '../../src/analysis/hiddenScale/hiddenScale.ts';
import type { SavedEstimate } from '../../src/services/hiddenScale.ts';
import { chartRows, chartTable, renderEstimateChart } from '../../src/web/staff/hiddenScaleChart.ts';

const cell = (threshold: number, method: ComparisonCell['method'], estimate: number | null, lower: number | null, upper: number | null): ComparisonCell => ({
  threshold, method, observed: 10, estimate, lower, upper, intervalKind: estimate === null ? null : 'wald-log', refusal: estimate === null ? 'The model cannot be fitted' : null,
});

function saved(): SavedEstimate {
  const estimate = {
    observed: 10, estimate: 14.2, darkFigure: 4.2, method: 'stepwise', interval: { lower: 11.4, upper: 30.6, level: 0.95, kind: 'bootstrap-bca' },
    otherIntervals: [], model: { terms: [], emptyTerms: [], hierarchy: null }, warnings: [],
  } as unknown as PopulationEstimate;
  const outcome = {
    table: null, estimate, refusal: null, linkedRecords: [], methodNote: '', linkage: {} as HiddenScaleOutcome['linkage'],
    comparison: [
      cell(0.5, 'main', 13.1, 11, 20.4), cell(0.5, 'stepwise', 14.9, 12, 25), cell(0.5, 'bic', null, null, null), cell(0.5, 'lcmcr', 16.4, 12.2, Infinity),
      // Another threshold: not on the chart.
      cell(0.9, 'main', 999, 900, 1100),
    ],
  } as HiddenScaleOutcome;
  return {
    id: 'e1', status: 'done', stage: 'done', progress: { done: 1, total: 1 }, error: null, createdBy: 'u', createdByName: 'U', createdAt: '', finishedAt: '', outcome,
    request: { from: null, to: null, lists: [], method: 'stepwise', linkageRunId: 'r', threshold: 0.5, level: 0.95, seed: 1, bootstrapReplicates: 100, comparison: { thresholds: [0.5, 0.9], methods: ['main', 'stepwise', 'bic', 'lcmcr'] } },
  };
}

describe('the chart of a saved estimate', () => {
  it('has one row per method at the estimate’s threshold, the chosen method’s from the saved estimate itself', () => {
    const rows = chartRows(saved());
    expect(rows.map((r) => [r.label, r.chosen, r.estimate, r.lower, r.upper])).toEqual([
      ['Main effects', false, 13.1, 11, 20.4], ['Stepwise', true, 14.2, 11.4, 30.6], ['BIC', false, null, null, null], ['LCMCR', false, 16.4, 12.2, Infinity],
    ]);
    expect(chartTable(rows, 0.95)).toEqual([
      { label: 'Main effects', chosen: false, estimate: '13', lower: '11', upper: '20', detail: '95% Wald interval on the log scale' },
      { label: 'Stepwise', chosen: true, estimate: '14', lower: '11', upper: '31', detail: '95% bootstrap BCa interval, model selection included' },
      { label: 'BIC', chosen: false, estimate: 'No estimate', lower: '–', upper: '–', detail: 'The model cannot be fitted' },
      { label: 'LCMCR', chosen: false, estimate: '16', lower: '12', upper: 'no upper limit', detail: '95% Wald interval on the log scale' },
    ]);
  });

  it('draws an SVG with each method on the axis, the estimates labelled, and an unbounded interval said to be so', () => {
    const svg = renderEstimateChart(chartRows(saved()), 10);
        expect(svg).toContain('width="720" height="360"');
    for (const label of ['Main effects', 'Stepwise (chosen)', 'BIC (no estimate)', 'LCMCR', 'no upper limit', 'observed 10']) expect(svg).toContain(label);
    // Points labelled with the estimates (whole people); the other threshold's 999 is not drawn.
    for (const figure of ['>13<', '>14<', '>16<']) expect(svg).toContain(figure);
    expect(svg).not.toContain('>999<');
    // The description a screen reader gets from the SVG itself.
    expect(svg).toMatch(/^<svg role="img" aria-label="Estimate and interval of each method[^"]*" width=/);
    expect(svg).toContain('<title>Estimate and interval of each method');
  });
});
