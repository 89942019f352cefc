// Every dashboard table as rows of cells: the page prints them under the charts, the CSV writes
// them as they are. Money is in major units (pounds, euros) so a spreadsheet can add it up.
import { DASHBOARD_DEFINITIONS, type FigureKey } from './definitions.ts';
import type { Figures } from './facts.ts';
import type { DashboardView, RankedFigure } from './view.ts';

export const TABLE_IDS = ['headline', 'by-force', 'by-jurisdiction', 'monthly', 'weekly', 'nationality', 'exploitation-type', 'premises-type', 'victim-care', 'ranks', 'hidden-scale'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export function isTableId(value: string): value is TableId {
  return (TABLE_IDS as readonly string[]).includes(value);
}

export interface TableColumn { label: string; numeric: boolean }
export type Cell = string | number;
export interface DashboardTable { id: TableId; title: string; columns: TableColumn[]; rows: Cell[][] }

export const FIGURE_LABELS: Record<FigureKey, string> = {
  visits: 'Visits', premisesVisited: 'Premises visited', potentialVictims: 'Potential victims', possibleChildren: 'Possible children', adults: 'Adults',
  rescues: 'Rescues', arrests: 'Arrests', peopleArrested: 'People arrested', charges: 'Charges', convictions: 'Convictions', cashSeized: 'Cash seized',
  assetsSeized: 'Assets seized', intelligenceReports: 'Intelligence reports', publicReports: 'Public reports', informationLineCalls: 'Information-line calls',
  decisionsDue: 'Decisions due', decisionsOverdue: 'Decisions overdue', periodsRunning: 'Reflection periods running',
  conclusiveAwaited: 'Conclusive decisions awaited', hiddenScale: 'Hidden-scale estimate',
};

/** The counted figures in the order every table shows them. */
const COUNTED: ReadonlyArray<Exclude<keyof Figures, 'cashSeizedMinor' | 'assetsValueMinor'>> = [
  'visits', 'premisesVisited', 'potentialVictims', 'adults', 'possibleChildren', 'rescues', 'arrests', 'peopleArrested', 'charges', 'convictions',
  'assetsSeized', 'intelligenceReports', 'publicReports',
];

const SYMBOLS: Record<string, string> = { GBP: '£', EUR: '€' };
const major = (minor: number) => Math.round(minor) / 100;

function currenciesOf(view: DashboardView): string[] {
  return [...new Set(['GBP', ...Object.keys(view.headline.cashSeizedMinor), ...Object.keys(view.headline.assetsValueMinor)])].sort();
}

function figureColumns(currencies: readonly string[]): TableColumn[] {
  return [
    ...COUNTED.map((key) => ({ label: FIGURE_LABELS[key], numeric: true })),
    ...currencies.map((c) => ({ label: `Cash seized (${SYMBOLS[c] ?? c})`, numeric: true })),
    ...currencies.map((c) => ({ label: `Value of assets seized (${SYMBOLS[c] ?? c})`, numeric: true })),
  ];
}

function figureCells(f: Figures, currencies: readonly string[]): Cell[] {
  return [...COUNTED.map((key) => f[key]), ...currencies.map((c) => major(f.cashSeizedMinor[c] ?? 0)), ...currencies.map((c) => major(f.assetsValueMinor[c] ?? 0))];
}

export function moneyText(amounts: Record<string, number>): string {
  const entries = Object.entries(amounts).filter(([, v]) => v !== 0);
  if (entries.length === 0) return '£0';
  return entries.map(([c, minor]) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: c, maximumFractionDigits: 0 }).format(minor / 100)).join(' + ');
}

const RANK_LABELS: Record<RankedFigure, string> = Object.fromEntries(
  (['visits', 'premisesVisited', 'potentialVictims', 'rescues', 'arrests', 'peopleArrested', 'charges', 'convictions', 'intelligenceReports', 'publicReports'] as const).map((k) => [k, FIGURE_LABELS[k]]),
) as Record<RankedFigure, string>;

/** The tables of a view, in page order; the force view has ranks, the national view jurisdictions and the estimate. */
export function dashboardTables(view: DashboardView): DashboardTable[] {
  const currencies = currenciesOf(view);
  const h = view.headline;
  const tables: DashboardTable[] = [];
  tables.push({
    id: 'headline', title: view.kind === 'national' ? 'Headline figures' : `Headline figures: ${view.force?.name ?? ''}`,
    columns: [{ label: 'Figure', numeric: false }, { label: 'Count', numeric: true }, { label: 'What it counts', numeric: false }],
    rows: [
      ...COUNTED.map((key): Cell[] => [FIGURE_LABELS[key], h[key], DASHBOARD_DEFINITIONS[key]]),
      ...currencies.map((c): Cell[] => [`Cash seized (${SYMBOLS[c] ?? c})`, major(h.cashSeizedMinor[c] ?? 0), DASHBOARD_DEFINITIONS.cashSeized]),
      [FIGURE_LABELS.informationLineCalls, view.informationLineCalls ?? 'National only', DASHBOARD_DEFINITIONS.informationLineCalls],
    ],
  });
  if (view.kind === 'national') {
    tables.push({
      id: 'by-force', title: 'By force',
      columns: [{ label: 'Force', numeric: false }, { label: 'Jurisdiction', numeric: false }, ...figureColumns(currencies)],
      rows: [
        ...view.jurisdictions.flatMap((j) => j.forces.map((f): Cell[] => [f.name, j.label, ...figureCells(f.figures, currencies)])),
        ['National centre and other organisations', '', ...figureCells(view.others ?? h, currencies)],
        ['All organisations', '', ...figureCells(h, currencies)],
      ],
    });
    tables.push({
      id: 'by-jurisdiction', title: 'By jurisdiction',
      columns: [{ label: 'Jurisdiction', numeric: false }, { label: 'Forces', numeric: true }, ...figureColumns(currencies)],
      rows: view.jurisdictions.map((j): Cell[] => [j.label, j.forces.length, ...figureCells(j.figures, currencies)]),
    });
  } else {
    tables.push({
      id: 'ranks', title: 'Rank among forces',
      columns: [{ label: 'Figure', numeric: false }, { label: 'Your force', numeric: true }, { label: 'Rank (1 is the most)', numeric: true }, { label: 'Forces ranked', numeric: true }],
      rows: (view.ranks ?? []).map((r): Cell[] => [RANK_LABELS[r.figure], r.value, r.rank, r.of]),
    });
  }
  const seriesColumns = (first: string): TableColumn[] => [{ label: first, numeric: false }, { label: 'Visits', numeric: true }, { label: 'Potential victims', numeric: true }, { label: 'Arrests', numeric: true }];
  tables.push({ id: 'monthly', title: 'By month', columns: seriesColumns('Month'), rows: view.monthly.map((r) => [r.label, r.visits, r.potentialVictims, r.arrests]) });
  tables.push({ id: 'weekly', title: 'By week (weeks begin on Monday)', columns: seriesColumns('Week'), rows: view.weekly.map((r) => [r.label, r.visits, r.potentialVictims, r.arrests]) });
  tables.push({ id: 'nationality', title: 'Potential victims by nationality', columns: [{ label: 'Nationality', numeric: false }, { label: 'Potential victims', numeric: true }], rows: view.nationality.map((r) => [r.label, r.count]) });
  tables.push({ id: 'exploitation-type', title: 'Potential victims by exploitation type', columns: [{ label: 'Exploitation type', numeric: false }, { label: 'Potential victims', numeric: true }], rows: view.exploitationType.map((r) => [r.label, r.count]) });
  tables.push({
    id: 'premises-type', title: 'By premises type',
    columns: [{ label: 'Premises type', numeric: false }, { label: 'Visits', numeric: true }, { label: 'Potential victims', numeric: true }],
    rows: view.premisesType.map((r) => [r.label, r.visits, r.potentialVictims]),
  });
  const care = view.victimCare;
  tables.push({
    id: 'victim-care', title: `Decisions and reflection periods on ${view.today}`,
    columns: [{ label: 'Organisation', numeric: false }, { label: FIGURE_LABELS.decisionsDue, numeric: true }, { label: FIGURE_LABELS.decisionsOverdue, numeric: true }, { label: FIGURE_LABELS.periodsRunning, numeric: true }, { label: FIGURE_LABELS.conclusiveAwaited, numeric: true }],
    rows: [
      ...care.organisations.map((o): Cell[] => [o.name, o.decisionsDue, o.decisionsOverdue, o.periodsRunning, o.conclusiveAwaited]),
      ...(view.kind === 'national' ? [['All organisations', care.total.decisionsDue, care.total.decisionsOverdue, care.total.periodsRunning, care.total.conclusiveAwaited] as Cell[]] : []),
    ],
  });
  if (view.kind === 'national') {
    const e = view.estimate;
    tables.push({
      id: 'hidden-scale', title: 'The latest hidden-scale estimate',
      columns: [{ label: 'Estimate', numeric: true }, { label: 'Interval from', numeric: true }, { label: 'Interval to', numeric: true }, { label: 'Interval level', numeric: false }, { label: 'People on the lists', numeric: true }, { label: 'Records from', numeric: false }, { label: 'Records to', numeric: false }, { label: 'Saved', numeric: false }],
      rows: e === null ? [] : [[Math.round(e.estimate), e.lower === null ? '' : Math.round(e.lower), e.upper === null ? 'no upper bound' : Math.round(e.upper), e.level === null ? '' : `${Math.round(e.level * 100)}%`, e.observed ?? '', e.from ?? '', e.to ?? '', e.finishedAt ?? '']],
    });
  }
  return tables;
}
