// Reading enforcement records: every list is narrowed to the forces the actor may read, and a
// record of another force answers exactly like a missing one.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError } from '../access/errors.ts';
import { canReadForceRecords, readableForces } from '../access/policies/enforcementRecords.ts';
import { foldName } from '../domain/nameSearch.ts';
import type { ArrestQuery, ArrestListRow } from '../store/repositories/arrests.ts';
import type { Listing, Page } from '../store/repositories/enforcementScope.ts';
import type { PeopleQuery, PersonListRow } from '../store/repositories/peopleFound.ts';
import type { PremisesQuery } from '../store/repositories/premises.ts';
import type { VisitListRow, VisitQuery } from '../store/repositories/visits.ts';
import type { ArrestRow, ChargeRow, OperationRow, PersonFoundRow, PremisesRow, SeizedAssetRow, VisitRow } from '../store/schema.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

export const MAX_PAGE_SIZE = 200;
/**
 * A CSV export reads its list in pages this large: each page counts the list again and skips to
 * its offset, so at 200 a national export of 100,000 people took a minute on PostgreSQL.
 */
export const EXPORT_PAGE_SIZE = 5000;

/** A page asked for; only the export service asks for export-sized pages (routes pass limit and offset alone). */
export type ListPage = Partial<Page> & { forExport?: boolean };

export interface PersonFoundDetail {
  person: PersonFoundRow;
  visit: VisitRow;
  premises: PremisesRow;
  arrests: ArrestRow[];
}

export interface ArrestDetail {
  arrest: ArrestRow;
  person: PersonFoundRow;
  charges: ChargeRow[];
}

export class EnforcementRecordService {
  constructor(private readonly context: ServiceContext) {}

  private scope(actor: Actor): readonly string[] | undefined {
    const forces = readableForces(actor);
    if (forces !== undefined && forces.length === 0) throw new ForbiddenError('Your role does not include enforcement records');
    return forces;
  }

  private page(page: ListPage): Page {
    const largest = page.forExport === true ? EXPORT_PAGE_SIZE : MAX_PAGE_SIZE;
    return { limit: Math.min(Math.max(page.limit ?? 50, 1), largest), offset: Math.max(page.offset ?? 0, 0) };
  }

  async operations(actor: Actor): Promise<OperationRow[]> {
    this.scope(actor);
    return this.context.store.repositories.operations.list();
  }

  async listPremises(actor: Actor, query: Omit<PremisesQuery, 'organisationIds'>, page: ListPage = {}): Promise<Listing<PremisesRow>> {
    return this.context.store.repositories.premises.list({ ...query, organisationIds: this.narrow(actor, undefined) }, this.page(page));
  }

  async listVisits(actor: Actor, query: Omit<VisitQuery, 'organisationIds'> & { forceId?: string }, page: ListPage = {}): Promise<Listing<VisitListRow>> {
    return this.context.store.repositories.visits.list({ ...query, organisationIds: this.narrow(actor, query.forceId) }, this.page(page));
  }

  async listPeople(actor: Actor, query: Omit<PeopleQuery, 'organisationIds' | 'nameContains'> & { forceId?: string; name?: string }, page: ListPage = {}): Promise<Listing<PersonListRow>> {
    const nameContains = query.name === undefined ? undefined : foldName(query.name);
    return this.context.store.repositories.peopleFound.list({ ...query, nameContains, organisationIds: this.narrow(actor, query.forceId) }, this.page(page));
  }

  async listArrests(actor: Actor, query: Omit<ArrestQuery, 'organisationIds'> & { forceId?: string }, page: ListPage = {}): Promise<Listing<ArrestListRow>> {
    return this.context.store.repositories.arrests.list({ ...query, organisationIds: this.narrow(actor, query.forceId) }, this.page(page));
  }

  async getPremises(actor: Actor, id: string): Promise<{ premises: PremisesRow; visits: VisitListRow[] }> {
    const premises = await this.context.store.repositories.premises.findById(id);
    if (premises === undefined || !canReadForceRecords(actor, premises.organisation_id)) throw new NotFoundError('Premises');
    const visits = await this.context.store.repositories.visits.list({ premisesId: id }, { limit: MAX_PAGE_SIZE, offset: 0 });
    return { premises, visits: visits.rows };
  }

  async getVisit(actor: Actor, id: string): Promise<{ visit: VisitRow; premises: PremisesRow; people: PersonListRow[]; seizedAssets: SeizedAssetRow[] }> {
    const visit = await this.context.store.repositories.visits.findById(id);
    if (visit === undefined || !canReadForceRecords(actor, visit.organisation_id)) throw new NotFoundError('Visit');
    const premises = await this.context.store.repositories.premises.findById(visit.premises_id);
    if (premises === undefined) throw new NotFoundError('Visit');
    const people = await this.context.store.repositories.peopleFound.list({ visitId: id, sort: 'name' }, { limit: MAX_PAGE_SIZE, offset: 0 });
    return { visit, premises, people: people.rows, seizedAssets: await this.context.store.repositories.visits.seizedAssets(id) };
  }

  /** A person's record is personal data about someone who may be a victim: every read is audited. */
  async getPerson(actor: Actor, id: string): Promise<PersonFoundDetail> {
    const repositories = this.context.store.repositories;
    const person = await repositories.peopleFound.findById(id);
    if (person === undefined || !canReadForceRecords(actor, person.organisation_id)) throw new NotFoundError('Person');
    const visit = await repositories.visits.findById(person.visit_id);
    const premises = visit === undefined ? undefined : await repositories.premises.findById(visit.premises_id);
    if (visit === undefined || premises === undefined) throw new NotFoundError('Person');
    const arrests = (await repositories.arrests.list({ personFoundId: id }, { limit: MAX_PAGE_SIZE, offset: 0 })).rows;
    await this.context.store.transaction((tx) => recordAudit(tx, actor, isoNow(this.context.clock), {
      action: 'person-found.read', subjectType: 'person-found', subjectId: id, subjectOrganisationId: person.organisation_id,
    }));
    return { person: { ...person, possible_child: Number(person.possible_child) }, visit, premises, arrests };
  }

  async getArrest(actor: Actor, id: string): Promise<ArrestDetail> {
    const repositories = this.context.store.repositories;
    const arrest = await repositories.arrests.findById(id);
    if (arrest === undefined || !canReadForceRecords(actor, arrest.organisation_id)) throw new NotFoundError('Arrest');
    const person = await repositories.peopleFound.findById(arrest.person_found_id);
    if (person === undefined) throw new NotFoundError('Arrest');
    return { arrest, person, charges: await repositories.arrests.charges(id) };
  }

  /** Who changed a record and when, from the audit trail (reads are left out: this is the record's history). */
  async history(actor: Actor, organisationId: string, recordId: string): Promise<Array<{ occurredAt: string; action: string; actorUserId: string | null; actorLabel: string; details: string }>> {
    if (!canReadForceRecords(actor, organisationId)) throw new NotFoundError('Record');
    const events = await this.context.store.repositories.auditEvents.list({ subjectId: recordId, limit: 100 });
    return events.filter((e) => !e.action.endsWith('.read')).map((e) => ({ occurredAt: e.occurred_at, action: e.action, actorUserId: e.actor_user_id, actorLabel: e.actor_label, details: e.details }));
  }

  /** The forces to read: the actor's readable forces, narrowed to one force when asked (and allowed). */
  private narrow(actor: Actor, forceId: string | undefined): readonly string[] | undefined {
    const forces = this.scope(actor);
    if (forceId === undefined || forceId === '') return forces;
    // Asking for a force one may not read gives an empty list, the same as a force with no records.
    return forces === undefined || forces.includes(forceId) ? [forceId] : ['no-such-force'];
  }
}
