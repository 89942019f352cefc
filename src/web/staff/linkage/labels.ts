// Words for what record linkage shows: stages, comparisons and the records side by side.
import type { Waterfall } from '../../../analysis/linkage/waterfall.ts';
import type { LinkageRunRow, PersonFoundRow } from '../../../store/schema.ts';

export const STAGE_LABELS: Record<string, string> = {
  load: 'Reading people found',
  prepare: 'Preparing records',
  countComparisons: 'Counting comparisons',
  estimateU: 'Estimating chance agreement (u)',
  estimatePrior: 'Estimating the prior',
  trainM: 'Training match probabilities (m)',
  score: 'Scoring pairs',
  cluster: 'Clustering',
  store: 'Saving clusters and pairs',
};

export const STATUS_LABELS: Record<string, string> = { queued: 'Queued', running: 'Running', finished: 'Finished', failed: 'Failed' };

export const DECISION_LABELS: Record<string, string> = { same: 'Same person', different: 'Different people', unsure: 'Unsure' };

const COMPARISON_LABELS: Record<string, string> = {
  prior: 'Prior (two records at random)',
  givenName: 'Given names',
  familyName: 'Family name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  nationality: 'Nationality',
  phone: 'Phone',
  postcode: 'Postcode',
  address: 'Address',
  alias: 'Aliases',
  documentNumber: 'Identity document numbers',
  email: 'E-mail',
  area: 'Area where found',
};

const signed = (n: number): string => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`;
const percent = (p: number): string => `${(p * 100).toFixed(p >= 0.9995 || p < 0.0005 ? 2 : 1)}%`;

/** The waterfall as table rows: each step's weight (term-frequency part apart) and the running probability. */
export function waterfallRows(waterfall: Waterfall): Array<{ step: string; level: string; left: string; right: string; weight: string; termFrequency: string; probability: string }> {
  return waterfall.steps.map((s) => ({
    step: COMPARISON_LABELS[s.step] ?? s.step,
    level: s.level,
    left: s.step === 'prior' ? '' : (s.valueLeft ?? 'Not recorded'),
    right: s.step === 'prior' ? '' : (s.valueRight ?? 'Not recorded'),
    weight: signed(s.matchWeight),
    termFrequency: s.termFrequencyWeight === 0 ? '' : signed(s.termFrequencyWeight),
    probability: percent(s.cumulativeProbability),
  }));
}

function list(json: string): string {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return '';
  const items: unknown[] = value;
  const text = (v: unknown): string => {
    if (typeof v === 'string') return v;
    const number: unknown = typeof v === 'object' && v !== null && 'number' in v ? v.number : undefined;
    return typeof number === 'string' ? number : '';
  };
  return items.map(text).filter((v) => v !== '').join(', ');
}

/** Both records as rows of one table, field by field, exactly as recorded. */
export function sideBySide(left: PersonFoundRow, right: PersonFoundRow, forceName: (id: string) => string): Array<{ field: string; left: string; right: string }> {
  const fields: Array<[string, (p: PersonFoundRow) => string]> = [
    ['Name as written', (p) => p.full_name],
    ['Given names', (p) => p.given_names],
    ['Family name', (p) => p.family_name],
    ['Aliases', (p) => list(p.aliases)],
    ['Date of birth', (p) => p.date_of_birth ?? ''],
    ['Estimated age', (p) => (p.estimated_age === null ? '' : String(p.estimated_age))],
    ['Sex', (p) => p.sex],
    ['Nationality', (p) => p.nationality ?? ''],
    ['Phone numbers', (p) => list(p.phone_numbers)],
    ['Identity documents', (p) => list(p.identity_documents)],
    ['Recorded by', (p) => forceName(p.organisation_id)],
  ];
  return fields.map(([field, read]) => ({ field, left: read(left) || 'Not recorded', right: read(right) || 'Not recorded' }));
}

export function runView(run: LinkageRunRow) {
  return {
    ...run,
    statusLabel: STATUS_LABELS[run.status] ?? run.status,
    stageLabel: run.stage === null ? 'Waiting to start' : (STAGE_LABELS[run.stage] ?? run.stage),
    percent: Math.round(run.stage_fraction * 100),
    inProgress: run.status === 'queued' || run.status === 'running',
  };
}

export { percent as formatProbability };
