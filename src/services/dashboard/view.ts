// What one dashboard shows, made from the facts of every force: the national view adds forces up,
// a force's view keeps its own row and where it ranks. Plain data: the pages, charts and CSV all
// read the same view, so a chart, its table and its download never disagree.
import { JURISDICTION_LABELS, isJurisdiction } from '../../domain/organisationKinds.ts';
import { exploitationTypes } from '../../domain/vocabularies/exploitationTypes.ts';
import { nationalities } from '../../domain/vocabularies/nationalities.ts';
import { premisesTypes } from '../../domain/vocabularies/premisesTypes.ts';
import type { BreakdownRow, DashboardScope } from '../../store/repositories/dashboard.ts';
import type { DashboardFacts, Figures, LatestEstimate, OrganisationFacts, VictimCareFacts } from './facts.ts';
import { sumFigures } from './facts.ts';
import { periodLabel, periodOf, periodsBetween, type Interval } from './periods.ts';

export interface SeriesRow { period: string; label: string; visits: number; potentialVictims: number; arrests: number }
export interface CountRow { key: string; label: string; count: number }
export interface PremisesTypeCount { key: string; label: string; visits: number; potentialVictims: number }
export interface JurisdictionGroup { jurisdiction: string; label: string; figures: Figures; forces: OrganisationFacts[] }
export interface VictimCareTotals { decisionsDue: number; decisionsOverdue: number; periodsRunning: number; conclusiveAwaited: number }

/** The figures a force is ranked on, largest first. */
export const RANKED_FIGURES = ['visits', 'premisesVisited', 'potentialVictims', 'rescues', 'arrests', 'peopleArrested', 'charges', 'convictions', 'intelligenceReports', 'publicReports'] as const;
export type RankedFigure = (typeof RANKED_FIGURES)[number];
export interface Rank { figure: RankedFigure; value: number; rank: number; of: number }

export interface DashboardView {
  kind: 'national' | 'force';
  scope: DashboardScope;
  force: { organisationId: string; name: string } | null;
  headline: Figures;
  /** National only (null on a force's dashboard): calls belong to no force. */
  informationLineCalls: number | null;
  forces: OrganisationFacts[];
  /** National only: what the national centre and other organisations recorded. */
  others: Figures | null;
  jurisdictions: JurisdictionGroup[];
  ranks: Rank[] | null;
  monthly: SeriesRow[];
  weekly: SeriesRow[];
  nationality: CountRow[];
  exploitationType: CountRow[];
  premisesType: PremisesTypeCount[];
  victimCare: { total: VictimCareTotals; organisations: VictimCareFacts[] };
  estimate: LatestEstimate | null;
  countedAt: string;
  today: string;
  /** A recount is under way: the figures may change on the next view. */
  refreshing: boolean;
}

function series(facts: DashboardFacts, within: (organisationId: string) => boolean, interval: Interval): SeriesRow[] {
  const totals = new Map<string, SeriesRow>();
  for (const d of facts.days) {
    if (!within(d.organisationId)) continue;
    const period = periodOf(d.day, interval);
    let row = totals.get(period);
    if (row === undefined) {
      row = { period, label: periodLabel(period, interval), visits: 0, potentialVictims: 0, arrests: 0 };
      totals.set(period, row);
    }
    row.visits += d.visits;
    row.potentialVictims += d.potentialVictims;
    row.arrests += d.arrests;
  }
  const known = [...totals.keys()].sort();
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined) return [];
  return periodsBetween(first, last, interval).map((p) => totals.get(p) ?? { period: p, label: periodLabel(p, interval), visits: 0, potentialVictims: 0, arrests: 0 });
}

function counts(rows: readonly BreakdownRow[], within: (organisationId: string) => boolean, label: (key: string) => string): CountRow[] {
  const totals = new Map<string, number>();
  for (const r of rows) if (within(r.organisationId)) totals.set(r.key, (totals.get(r.key) ?? 0) + r.count);
  return [...totals.entries()].map(([key, count]) => ({ key, label: label(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const nationalityLabel = (key: string) => (key === '' ? 'Not recorded' : nationalities.has(key) ? nationalities.label(key) : key);
const exploitationLabel = (key: string) => (key === '' ? 'Not recorded' : exploitationTypes.has(key) ? exploitationTypes.label(key) : key);
const premisesLabel = (key: string) => (premisesTypes.has(key) ? premisesTypes.label(key) : key);

function victimCareTotals(rows: readonly VictimCareFacts[]): VictimCareTotals {
  const total: VictimCareTotals = { decisionsDue: 0, decisionsOverdue: 0, periodsRunning: 0, conclusiveAwaited: 0 };
  for (const r of rows) {
    total.decisionsDue += r.decisionsDue;
    total.decisionsOverdue += r.decisionsOverdue;
    total.periodsRunning += r.periodsRunning;
    total.conclusiveAwaited += r.conclusiveAwaited;
  }
  return total;
}

function jurisdictionGroups(forces: readonly OrganisationFacts[]): JurisdictionGroup[] {
  const groups = new Map<string, OrganisationFacts[]>();
  for (const f of forces) groups.set(f.jurisdiction, [...(groups.get(f.jurisdiction) ?? []), f]);
  const order = Object.keys(JURISDICTION_LABELS);
  return [...groups.entries()]
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)))
    .map(([jurisdiction, members]) => ({ jurisdiction, label: isJurisdiction(jurisdiction) ? JURISDICTION_LABELS[jurisdiction] : jurisdiction, figures: sumFigures(members.map((m) => m.figures)), forces: members }));
}

/** Standard competition ranking: forces with the same figure share a rank, the next rank skips. */
export function rankOf(forces: readonly OrganisationFacts[], organisationId: string, figure: RankedFigure): Rank {
  const own = forces.find((f) => f.organisationId === organisationId)?.figures[figure] ?? 0;
  return { figure, value: own, rank: 1 + forces.filter((f) => f.figures[figure] > own).length, of: forces.length };
}

export function nationalView(facts: DashboardFacts, refreshing: boolean): DashboardView {
  const all = () => true;
  return {
    kind: 'national', scope: facts.scope, force: null,
    headline: sumFigures([...facts.forces.map((f) => f.figures), facts.others]), informationLineCalls: facts.informationLineCalls,
    forces: facts.forces, others: facts.others, jurisdictions: jurisdictionGroups(facts.forces), ranks: null,
    monthly: series(facts, all, 'month'), weekly: series(facts, all, 'week'),
    nationality: counts(facts.nationality, all, nationalityLabel), exploitationType: counts(facts.exploitationType, all, exploitationLabel),
    premisesType: premisesTypeCounts(facts, all),
    victimCare: { total: victimCareTotals(facts.victimCare), organisations: facts.victimCare },
    estimate: facts.estimate, countedAt: facts.countedAt, today: facts.today, refreshing,
  };
}

function premisesTypeCounts(facts: DashboardFacts, within: (organisationId: string) => boolean): PremisesTypeCount[] {
  const totals = new Map<string, PremisesTypeCount>();
  for (const r of facts.premisesType) {
    if (!within(r.organisationId)) continue;
    const row = totals.get(r.premisesType) ?? { key: r.premisesType, label: premisesLabel(r.premisesType), visits: 0, potentialVictims: 0 };
    row.visits += r.visits;
    row.potentialVictims += r.potentialVictims;
    totals.set(r.premisesType, row);
  }
  return [...totals.values()].sort((a, b) => b.visits - a.visits || a.label.localeCompare(b.label));
}

export function forceView(facts: DashboardFacts, force: OrganisationFacts, refreshing: boolean): DashboardView {
  const own = (organisationId: string) => organisationId === force.organisationId;
  const victimCare = facts.victimCare.filter((v) => own(v.organisationId));
  return {
    kind: 'force', scope: facts.scope, force: { organisationId: force.organisationId, name: force.name },
    headline: force.figures, informationLineCalls: null, forces: [force], others: null, jurisdictions: [], ranks: RANKED_FIGURES.map((figure) => rankOf(facts.forces, force.organisationId, figure)),
    monthly: series(facts, own, 'month'), weekly: series(facts, own, 'week'),
    nationality: counts(facts.nationality, own, nationalityLabel), exploitationType: counts(facts.exploitationType, own, exploitationLabel),
    premisesType: premisesTypeCounts(facts, own),
    victimCare: { total: victimCareTotals(victimCare), organisations: victimCare },
    estimate: null, countedAt: facts.countedAt, today: facts.today, refreshing,
  };
}
