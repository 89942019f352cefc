import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Dialect } from '../database.ts';
import type { DatabaseSchema, PersonFoundRow } from '../schema.ts';
import { endOfPeriod, type EnforcementScope, type Listing, type Page, type SortDirection } from './enforcementScope.ts';

export interface PeopleQuery extends EnforcementScope {
  role?: string;
  nationality?: string;
  /** Already folded (see domain/nameSearch.ts). */
  nameContains?: string;
  visitId?: string;
  sort?: 'name' | 'visited_at';
  direction?: SortDirection;
}

export interface PersonListRow extends PersonFoundRow {
  visited_at: string;
  operation_id: string;
}

/** Trigrams need three characters: shorter needles are matched by scanning the folded names. */
const TRIGRAM = 3;

export class PersonFoundRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>, private readonly dialect: Dialect) {}

  async insertMany(rows: readonly PersonFoundRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('people_found').values([...rows]).execute();
  }

  findById(id: string): Promise<PersonFoundRow | undefined> {
    return this.db.selectFrom('people_found').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Changes the person's record only if it is still as it was when read; false when it has moved on. */
  async updateIfUnchanged(id: string, expectedUpdatedAt: string, change: Partial<Omit<PersonFoundRow, 'id' | 'organisation_id' | 'visit_id' | 'created_at' | 'created_by'>>): Promise<boolean> {
    const result = await this.db.updateTable('people_found').set(change).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(query: PeopleQuery, page: Page): Promise<Listing<PersonListRow>> {
    // Filters on the visit go through a subquery, so the total is counted on people_found alone.
    let select = this.db.selectFrom('people_found');
    if (query.operationId !== undefined || query.from !== undefined || query.to !== undefined) {
      let visits = this.db.selectFrom('visits').select('visits.id');
      if (query.operationId !== undefined) visits = visits.where('visits.operation_id', '=', query.operationId);
      if (query.from !== undefined) visits = visits.where('visits.visited_at', '>=', query.from);
      if (query.to !== undefined) visits = visits.where('visits.visited_at', '<=', endOfPeriod(query.to));
      select = select.where('people_found.visit_id', 'in', visits);
    }
    if (query.organisationIds !== undefined) select = select.where('people_found.organisation_id', 'in', [...query.organisationIds]);
    if (query.role !== undefined) select = select.where('people_found.role', '=', query.role);
    if (query.nationality !== undefined) select = select.where('people_found.nationality', '=', query.nationality);
    if (query.visitId !== undefined) select = select.where('people_found.visit_id', '=', query.visitId);
    const searching = query.nameContains !== undefined && query.nameContains !== '';
    if (query.nameContains !== undefined && searching) {
      // The folded needle and names hold only a-z, 0-9 and spaces, so no LIKE wildcard is typed in.
      const pattern = `%${query.nameContains}%`;
      // On SQLite the trigram index is a table of its own (migration 0005); on PostgreSQL it is an
      // index on name_search, which the planner picks for this same LIKE.
      select = this.dialect === 'sqlite' && query.nameContains.length >= TRIGRAM
        ? select.where('people_found.id', 'in', this.db.selectFrom('people_found_names').select('people_found_names.person_found_id').where('people_found_names.name_search', 'like', pattern))
        : select.where('people_found.name_search', 'like', pattern);
    }
    const total = await select.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const inListOrder = <O>(q: SelectQueryBuilder<DatabaseSchema, 'people_found' | 'visits', O>) => (query.sort === 'name'
      ? q.orderBy('people_found.family_name', query.direction ?? 'asc').orderBy('people_found.given_names', query.direction ?? 'asc')
      : q.orderBy('visits.visited_at', query.direction ?? 'desc')).orderBy('people_found.id');
    const withVisit = (q: SelectQueryBuilder<DatabaseSchema, 'people_found', object>) => q.innerJoin('visits', 'visits.id', 'people_found.visit_id');
    const wholeRows = (q: SelectQueryBuilder<DatabaseSchema, 'people_found', object>) => inListOrder(withVisit(q).selectAll('people_found').select(['visits.visited_at', 'visits.operation_id']));
    const rows = searching
      // A name may match thousands of people: sort them and cut the page on the order's columns
      // alone, then read the page's whole rows (sorting whole rows cost more than the search).
      ? await wholeRows(this.db.selectFrom('people_found').where('people_found.id', 'in', inListOrder(withVisit(select).select('people_found.id')).limit(page.limit).offset(page.offset))).execute()
      : await wholeRows(select).limit(page.limit).offset(page.offset).execute();
    return { rows: rows.map((r) => ({ ...r, possible_child: Number(r.possible_child), estimated_age: r.estimated_age === null ? null : Number(r.estimated_age) })), total: Number(total.n) };
  }
}
