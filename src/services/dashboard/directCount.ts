// Every figure of the dashboards counted straight from the records for one operation and period,
// one query per figure, as each definition (definitions.ts) reads. Too slow to serve the national
// data (seconds per period at demo --scale 100), so the dashboards sum kept days instead
// (dayLedger.ts); this is the reference those sums are tested against, on both databases
// (test/services/dashboardLedger.test.ts).
import type { DashboardScope } from '../../store/repositories/dashboard.ts';
import type { OrganisationRow } from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import { breathe, emptyFigures, latestEstimate, sumFigures, type DashboardFacts, type Figures, type OrganisationFacts } from './facts.ts';

/** Counts every fact of the dashboards for the scope. `today` is the date the victim-care clocks are read on. */
export async function countDashboardFactsDirectly(repositories: Repositories, scope: DashboardScope, today: string, countedAt: string): Promise<DashboardFacts> {
  const organisations = await repositories.organisations.list({ includeRetired: true });
  const byId = new Map<string, OrganisationRow>(organisations.map((o) => [o.id, o]));
  // Intelligence and public reports carry no operation: an operation's period bounds them instead.
  const reportPeriod: Pick<DashboardScope, 'from' | 'to'> = { ...(scope.from === undefined ? {} : { from: scope.from }), ...(scope.to === undefined ? {} : { to: scope.to }) };
  if (scope.operationId !== undefined) {
    const operation = await repositories.operations.findById(scope.operationId);
    if (operation !== undefined) {
      if (reportPeriod.from === undefined || reportPeriod.from < operation.starts_on) reportPeriod.from = operation.starts_on;
      if (reportPeriod.to === undefined || reportPeriod.to > operation.ends_on) reportPeriod.to = operation.ends_on;
    }
  }
  const results = await repositories.operationResults.byForce(scope);
  await breathe();
  const extras = await repositories.dashboard.forceExtras(scope, reportPeriod);
  await breathe();
  const informationLineCalls = await repositories.dashboard.informationLineCalls(reportPeriod);

  const figures = new Map<string, Figures>();
  const of = (organisationId: string): Figures => {
    let entry = figures.get(organisationId);
    if (entry === undefined) {
      entry = emptyFigures();
      figures.set(organisationId, entry);
    }
    return entry;
  };
  for (const r of results) {
    Object.assign(of(r.organisationId), {
      visits: r.visits, premisesVisited: r.premisesVisited, potentialVictims: r.potentialVictims, possibleChildren: r.possibleChildren,
      adults: r.potentialVictims - r.possibleChildren, arrests: r.arrests, peopleArrested: r.peopleArrested, charges: r.charges, cashSeizedMinor: { ...r.cashSeizedMinor },
    });
  }
  for (const e of extras) {
    Object.assign(of(e.organisationId), {
      rescues: e.rescues, convictions: e.convictions, assetsSeized: e.assetsSeized, assetsValueMinor: { ...e.assetsValueMinor },
      intelligenceReports: e.intelligenceReports, publicReports: e.publicReports,
    });
  }

  const isForce = (id: string) => byId.get(id)?.kind === 'police-force';
  const forceIds = new Set([...organisations.filter((o) => o.kind === 'police-force' && o.retired_at === null).map((o) => o.id), ...[...figures.keys()].filter(isForce)]);
  const forces: OrganisationFacts[] = [...forceIds].map((id) => {
    const o = byId.get(id);
    return { organisationId: id, name: o?.name ?? id, code: o?.code ?? '', jurisdiction: o?.jurisdiction ?? '', figures: figures.get(id) ?? emptyFigures() };
  }).sort((a, b) => a.name.localeCompare(b.name));
  const others = sumFigures([...figures.entries()].filter(([id]) => !forceIds.has(id)).map(([, f]) => f));

  const victimCare = (await repositories.dashboard.victimCareCounts(today))
    .map((v) => ({ ...v, name: byId.get(v.organisationId)?.name ?? v.organisationId }))
    .sort((a, b) => a.name.localeCompare(b.name));

  await breathe();
  const days = await repositories.dashboard.dayCounts(scope);
  await breathe();
  const nationality = await repositories.dashboard.victimsBy(scope, 'nationality');
  await breathe();
  const exploitationType = await repositories.dashboard.victimsBy(scope, 'exploitation_type');
  await breathe();
  const premisesType = await repositories.dashboard.byPremisesType(scope);
  await breathe();
  return { scope, countedAt, today, forces, others, days, nationality, exploitationType, premisesType, victimCare, estimate: await latestEstimate(repositories), informationLineCalls };
}
