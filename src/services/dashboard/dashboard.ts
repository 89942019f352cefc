// The dashboards (issue 9): the national dashboard for the national centre, a force's dashboard
// for its supervisors, each table downloadable as CSV (audited). Each operation's records are read
// once, grouped by force and day, and kept in memory (dayLedger.ts, factsCache.ts): any period's
// facts are a sum over its days, made once per period; a view only picks and adds up.
import type { Actor } from '../../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../access/errors.ts';
import { canReadNationalDashboard, dashboardForces } from '../../access/policies/dashboard.ts';
import { localDate } from '../../domain/recording/enteredValues.ts';
import type { DashboardScope } from '../../store/repositories/dashboard.ts';
import type { OperationRow } from '../../store/schema.ts';
import { recordAudit } from '../auditTrail.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { csvLine } from '../export/csvWriter.ts';
import { periodErrors } from '../hiddenScale.ts';
import { factsForPeriod, readDayLedger, type DayLedger } from './dayLedger.ts';
import type { DashboardFacts } from './facts.ts';
import { FactsCache, type FactsCacheOptions } from './factsCache.ts';
import { dashboardTables, type TableId } from './tables.ts';
import { forceView, nationalView, type DashboardView } from './view.ts';

export interface DashboardQuery {
  operationId?: string;
  from?: string;
  to?: string;
  forceId?: string;
}

export interface ForceChoice { organisationId: string; name: string }

export interface DashboardCsv { fileName: string; csv: string; rows: number }

// A ledger holds a row per premises visited and per person arrested on each day (about 130,000 at
// demo --scale 100 for all operations): a few are kept, not many.
const DEFAULT_CACHE: FactsCacheOptions = { checkIntervalMs: 2_000, maxEntries: 16 };
const MAX_PERIODS = 64;

export class DashboardService {
  /** The day ledgers, one per operation (and one for every operation together) and date read on. */
  readonly facts: FactsCache<DayLedger>;
  /** Each period's facts, summed once from a kept ledger: a recount makes a new ledger and new sums. */
  private readonly periods = new WeakMap<DayLedger, Map<string, DashboardFacts>>();
  /** The date the kept ledgers were read for. */
  private ledgersOf: string | null = null;
  /** Views already made from kept facts (national, or a force's): made once per count, not per page. */
  private readonly views = new WeakMap<DashboardFacts, Map<string, DashboardView>>();

  constructor(private readonly context: ServiceContext, cache: Partial<FactsCacheOptions> = {}) {
    this.facts = new FactsCache(
      () => context.store.repositories.dashboard.signature(),
      (key) => {
        const [operationId, today] = JSON.parse(key) as [string | null, string];
        return readDayLedger(context.store.repositories, operationId ?? undefined, today, isoNow(context.clock));
      },
      { ...DEFAULT_CACHE, ...cache },
    );
  }

  private today(): string {
    return localDate(this.context.clock());
  }

  /** Checks the query and gives the scope; an unknown operation or a bad date is a validation error. */
  private async scopeOf(query: DashboardQuery): Promise<DashboardScope> {
    const blank = (v: string | undefined) => v === undefined || v.trim() === '';
    const errors: FieldError[] = periodErrors(query.from?.trim() ?? '', query.to?.trim() ?? '');
    if (!blank(query.operationId) && (await this.context.store.repositories.operations.findById(query.operationId?.trim() ?? '')) === undefined) {
      errors.push({ field: 'operationId', message: 'Choose an operation from the list' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    return {
      ...(blank(query.operationId) ? {} : { operationId: query.operationId?.trim() ?? '' }),
      ...(blank(query.from) ? {} : { from: query.from?.trim() ?? '' }),
      ...(blank(query.to) ? {} : { to: query.to?.trim() ?? '' }),
    };
  }

  private async factsFor(scope: DashboardScope): Promise<{ facts: DashboardFacts; refreshing: boolean }> {
    const today = this.today();
    // Ledgers are read for a date (the victim-care clocks): yesterday's are never viewed again.
    if (this.ledgersOf !== today) {
      if (this.ledgersOf !== null) this.facts.clear();
      this.ledgersOf = today;
    }
    const cached = await this.facts.get(JSON.stringify([scope.operationId ?? null, today]));
    let sums = this.periods.get(cached.value);
    if (sums === undefined) {
      sums = new Map();
      this.periods.set(cached.value, sums);
    }
    const period = JSON.stringify([scope.from ?? null, scope.to ?? null]);
    let facts = sums.get(period);
    if (facts === undefined) {
      facts = factsForPeriod(cached.value, { ...(scope.from === undefined ? {} : { from: scope.from }), ...(scope.to === undefined ? {} : { to: scope.to }) });
      // Periods kept per ledger: the least recently summed goes first.
      if (sums.size >= MAX_PERIODS) sums.delete(sums.keys().next().value ?? '');
      sums.set(period, facts);
    } else {
      sums.delete(period);
      sums.set(period, facts);
    }
    return { facts, refreshing: cached.refreshing };
  }

  async national(actor: Actor, query: DashboardQuery): Promise<DashboardView> {
    if (!canReadNationalDashboard(actor)) throw new ForbiddenError('The national dashboard is for the national centre');
    const { facts, refreshing } = await this.factsFor(await this.scopeOf(query));
    return { ...this.madeOnce(facts, 'national', () => nationalView(facts, false)), refreshing };
  }

  /**
   * A force's dashboard: a force's supervisors always get their own force (naming another answers
   * "not found"); the national centre names the force, or gets the first in the list.
   */
  async force(actor: Actor, query: DashboardQuery): Promise<DashboardView> {
    const allowed = dashboardForces(actor);
    if (allowed !== undefined && allowed.length === 0) throw new ForbiddenError('Your role does not include a force dashboard');
    const wanted = query.forceId === undefined || query.forceId.trim() === '' ? undefined : query.forceId.trim();
    if (allowed !== undefined && wanted !== undefined && !allowed.includes(wanted)) throw new NotFoundError('Force');
    const { facts, refreshing } = await this.factsFor(await this.scopeOf(query));
    const forceId = allowed?.[0] ?? wanted ?? facts.forces[0]?.organisationId;
    const force = facts.forces.find((f) => f.organisationId === forceId);
    if (force === undefined) throw new NotFoundError('Force');
    return { ...this.madeOnce(facts, force.organisationId, () => forceView(facts, force, false)), refreshing };
  }

  private madeOnce(facts: DashboardFacts, key: string, make: () => DashboardView): DashboardView {
    let made = this.views.get(facts);
    if (made === undefined) {
      made = new Map();
      this.views.set(facts, made);
    }
    let view = made.get(key);
    if (view === undefined) {
      view = make();
      made.set(key, view);
    }
    return view;
  }

  /** For the charts and downloads: the national view unless a force is named or only one is allowed. */
  async view(actor: Actor, query: DashboardQuery): Promise<DashboardView> {
    const national = canReadNationalDashboard(actor) && (query.forceId === undefined || query.forceId.trim() === '');
    return national ? this.national(actor, query) : this.force(actor, query);
  }

  async exportCsv(actor: Actor, query: DashboardQuery, tableId: TableId): Promise<DashboardCsv> {
    const view = await this.view(actor, query);
    const table = dashboardTables(view).find((t) => t.id === tableId);
    if (table === undefined) throw new NotFoundError('Table');
    const now = isoNow(this.context.clock);
    let csv = csvLine(table.columns.map((c) => c.label));
    for (const row of table.rows) csv += csvLine(row);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, now, {
      action: 'dashboard.export-csv', subjectType: 'dashboard-table', subjectId: null, subjectOrganisationId: view.force?.organisationId ?? null,
      details: { table: tableId, dashboard: view.kind, operationId: view.scope.operationId ?? null, from: view.scope.from ?? null, to: view.scope.to ?? null, rows: table.rows.length },
    }));
    const forcePart = view.force === null ? 'national' : view.forces[0]?.code ?? 'force';
    return { fileName: `lifeline-dashboard-${forcePart}-${tableId}-${now.slice(0, 10)}.csv`, csv, rows: table.rows.length };
  }

  /**
   * Reads the day ledgers (every operation together, and each operation) ahead of the first view,
   * in the background after start-up, so that every period of every operation opens without
   * waiting for the records. Failures only mean the first view reads them.
   */
  async warm(): Promise<void> {
    try {
      const operations = await this.context.store.repositories.operations.list();
      for (const scope of [{}, ...operations.map((o) => ({ operationId: o.id }))]) await this.factsFor(scope);
    } catch {
      // Nothing kept: the first view of each scope counts it instead.
    }
  }

  async operations(actor: Actor): Promise<OperationRow[]> {
    if (!canReadNationalDashboard(actor) && (dashboardForces(actor)?.length ?? 0) === 0) throw new ForbiddenError('Your role does not include the dashboards');
    return this.context.store.repositories.operations.list();
  }

  /** The forces the actor may choose between (empty: their own force only, no choice). */
  async forceChoices(actor: Actor): Promise<ForceChoice[]> {
    if (!canReadNationalDashboard(actor)) return [];
    const organisations = await this.context.store.repositories.organisations.list({ includeRetired: false });
    return organisations.filter((o) => o.kind === 'police-force').map((o) => ({ organisationId: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name));
  }
}
