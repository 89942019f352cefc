// What the hidden-scale pages show, in words: figures rounded to whole people, intervals with
// their kind, the overlap table as rows of ticks, and the comparison across thresholds.
import type { EstimateMethod, PopulationEstimate, PopulationInterval } from '../../analysis/estimate/index.ts';
import type { ComparisonCell } from '../../analysis/hiddenScale/hiddenScale.ts';
import { peoplePerList } from '../../analysis/hiddenScale/overlapTable.ts';
import type { SavedEstimate, SavedEstimateSummary } from '../../services/hiddenScale.ts';

export const METHOD_LABELS: Record<EstimateMethod, string> = {
  main: 'Main effects (lists independent)',
  stepwise: 'Stepwise two-list interactions (SparseMSE, p < 0.02)',
  aic: 'Forward AIC with Wald stop (as the UK 2014 estimate)',
  bic: 'Best BIC over hierarchical models (up to 5 lists)',
  lcmcr: 'Bayesian latent classes (LCMCR)',
};

export const METHOD_SHORT: Record<EstimateMethod, string> = {
  main: 'Main effects', stepwise: 'Stepwise', aic: 'Forward AIC', bic: 'BIC', lcmcr: 'LCMCR',
};

const INTERVAL_KINDS: Record<PopulationInterval['kind'], string> = {
  'wald-log': 'Wald interval on the log scale',
  'profile-likelihood': 'profile likelihood interval',
  'bootstrap-bca': 'bootstrap BCa interval, model selection included',
  'bayesian-credible': 'Bayesian credible interval',
};

const STAGES: Record<string, string> = {
  queued: 'Waiting for an earlier estimate to finish',
  reading: 'Reading the potential victims',
  linking: 'Grouping records into people by the linkage run’s clusters',
  estimating: 'Estimating',
  comparing: 'Comparing methods and thresholds',
  done: 'Done',
  failed: 'Failed',
};

export function whole(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : 'no upper limit';
}

export function intervalText(interval: Pick<PopulationInterval, 'lower' | 'upper' | 'level' | 'kind'>): string {
  return `${whole(interval.lower)} to ${whole(interval.upper)}`;
}

export function intervalKindText(interval: Pick<PopulationInterval, 'level' | 'kind'>): string {
  return `${Math.round(interval.level * 100)}% ${INTERVAL_KINDS[interval.kind]}`;
}

function periodText(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'All recorded visits';
  if (from === null) return `Up to ${to ?? ''}`;
  if (to === null) return `From ${from}`;
  return `${from} to ${to}`;
}

export function summaryView(estimate: SavedEstimateSummary): Record<string, unknown> {
  const total = estimate.progress.total;
  return {
    id: estimate.id,
    status: estimate.status,
    statusText: estimate.status === 'running' ? STAGES[estimate.stage] ?? estimate.stage : estimate.status === 'failed' ? 'Failed' : 'Done',
    percent: total > 0 ? Math.min(100, Math.round((estimate.progress.done / total) * 100)) : 0,
    progressText: total > 0 ? `${estimate.progress.done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}` : '',
    period: periodText(estimate.request.from, estimate.request.to),
    method: METHOD_LABELS[estimate.request.method],
    methodShort: METHOD_SHORT[estimate.request.method],
    threshold: estimate.request.threshold,
    lists: estimate.request.lists.map((l) => l.name).join(', '),
    observed: whole(estimate.observed),
    estimate: whole(estimate.estimate),
    createdAt: estimate.createdAt.slice(0, 16).replace('T', ' '),
    error: estimate.error,
  };
}

function overlapRows(listNames: readonly string[], counts: readonly number[]): Array<{ lists: boolean[]; count: number }> {
  const rows: Array<{ lists: boolean[]; count: number }> = [];
  counts.forEach((count, pattern) => {
    if (pattern === 0 || count === 0) return;
    rows.push({ lists: listNames.map((_, i) => (pattern & (1 << i)) !== 0), count });
  });
  // Most lists first, then the larger counts: the overlaps the estimate rests on come first.
  return rows.sort((a, b) => b.lists.filter(Boolean).length - a.lists.filter(Boolean).length || b.count - a.count);
}

function comparisonView(cells: readonly ComparisonCell[], chosen: { threshold: number; method: EstimateMethod }): Record<string, unknown> {
  const methods = [...new Set(cells.map((c) => c.method))];
  const thresholds = [...new Set(cells.map((c) => c.threshold))];
  return {
    methods: methods.map((m) => METHOD_SHORT[m]),
    rows: thresholds.map((threshold) => ({
      threshold,
      observed: whole(cells.find((c) => c.threshold === threshold)?.observed),
      cells: methods.map((method) => {
        const cell = cells.find((c) => c.threshold === threshold && c.method === method);
        const chosenCell = threshold === chosen.threshold && method === chosen.method;
        if (cell === undefined) return { text: '–', chosen: chosenCell };
        if (cell.estimate === null) return { text: 'No estimate', detail: cell.refusal ?? '', chosen: chosenCell };
        return { text: whole(cell.estimate), detail: cell.lower === null ? '' : `${whole(cell.lower)} to ${whole(cell.upper)}`, chosen: chosenCell };
      }),
    })),
  };
}

function modelText(estimate: PopulationEstimate): string {
  if (estimate.method === 'lcmcr') return 'Latent classes (no log-linear terms)';
  const terms = [...estimate.model.terms, ...estimate.model.emptyTerms.map((t) => `${t} (never together)`)];
  return terms.length === 0 ? 'Main effects only: the lists are taken as independent' : `Main effects + ${terms.join(', ')}`;
}

export function detailView(saved: SavedEstimate, createdByName: string): Record<string, unknown> {
  const outcome = saved.outcome;
  const result = outcome?.estimate ?? null;
  const table = outcome?.table ?? null;
  return {
    ...summaryView({ ...saved, observed: result?.observed ?? null, estimate: result?.estimate ?? null }),
    createdByName,
    request: saved.request,
    seed: saved.request.seed,
    bootstrapReplicates: saved.request.bootstrapReplicates,
    listMembers: saved.request.lists.map((l) => ({ name: l.name, organisations: l.organisationIds.length })),
    refusal: outcome?.refusal ?? null,
    result: result === null ? null : {
      observed: whole(result.observed),
      estimate: whole(result.estimate),
      darkFigure: whole(result.darkFigure),
      interval: intervalText(result.interval),
      intervalKind: intervalKindText(result.interval),
      otherIntervals: result.otherIntervals.map((i) => `${intervalText(i)} (${intervalKindText(i)})`),
      model: modelText(result),
      warnings: result.warnings,
    },
    table: table === null ? null : {
      listNames: table.listNames,
      rows: overlapRows(table.listNames, table.counts),
      perList: peoplePerList(table).map((people, i) => ({ name: table.listNames[i] ?? '', people })),
    },
    linkage: outcome?.linkage ?? null,
    methodNote: outcome?.methodNote ?? null,
    comparison: outcome === null || outcome.comparison.length === 0 ? null : comparisonView(outcome.comparison, { threshold: saved.request.threshold, method: saved.request.method }),
  };
}
