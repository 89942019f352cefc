import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
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

/** A person as the list shows them: the columns of people_found_search (migration 0013). */
export type PersonListRow = Pick<PersonFoundRow, 'id' | typeof LIST_COLUMNS[number]> & { visited_at: string; operation_id: string };

const LIST_COLUMNS = ['visit_id', 'organisation_id', 'role', 'given_names', 'family_name', 'full_name', 'aliases', 'date_of_birth', 'estimated_age', 'sex', 'nationality', 'possible_child', 'created_at', 'updated_at'] as const;

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

  /**
   * Reads the narrow copy of the people found (people_found_search), never people_found itself.
   * A name search is one query that finds, counts (a window over every match) and cuts the page;
   * without a name, the count and the page are two index walks, since counting in a window would
   * make the database read every person before it could stop at the page.
   */
  async list(query: PeopleQuery, page: Page): Promise<Listing<PersonListRow>> {
    let select = this.db.selectFrom('people_found_search');
    if (query.organisationIds !== undefined) select = select.where('people_found_search.organisation_id', 'in', [...query.organisationIds]);
    if (query.operationId !== undefined) select = select.where('people_found_search.operation_id', '=', query.operationId);
    if (query.from !== undefined) select = select.where('people_found_search.visited_at', '>=', query.from);
    if (query.to !== undefined) select = select.where('people_found_search.visited_at', '<=', endOfPeriod(query.to));
    if (query.role !== undefined) select = select.where('people_found_search.role', '=', query.role);
    if (query.nationality !== undefined) select = select.where('people_found_search.nationality', '=', query.nationality);
    if (query.visitId !== undefined) select = select.where('people_found_search.visit_id', '=', query.visitId);
    const direction = query.direction ?? (query.sort === 'name' ? 'asc' : 'desc');
    const inListOrder = <O>(q: SelectQueryBuilder<DatabaseSchema, 'people_found_search', O>) => (query.sort === 'name'
      ? q.orderBy('people_found_search.family_name', direction).orderBy('people_found_search.given_names', direction)
      : q.orderBy('people_found_search.visited_at', direction)).orderBy('people_found_search.person_found_id');
    const columns = [...LIST_COLUMNS.map((c) => `people_found_search.${c}` as const), 'people_found_search.person_found_id as id', 'people_found_search.visited_at', 'people_found_search.operation_id'] as const;
    const listRow = <R extends PersonListRow>(r: R): PersonListRow => ({
      id: r.id, ...Object.fromEntries(LIST_COLUMNS.map((c) => [c, r[c]])) as Omit<PersonListRow, 'id' | 'visited_at' | 'operation_id'>,
      visited_at: r.visited_at, operation_id: r.operation_id, possible_child: Number(r.possible_child), estimated_age: r.estimated_age === null ? null : Number(r.estimated_age),
    });

    if (query.nameContains === undefined || query.nameContains === '') {
      const total = await select.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      // Skip to the page along the order's index alone (it holds the order's columns and the
      // row key), then read only that page's rows: a deep page skips keys, not whole rows.
      const keys = inListOrder(select.select('people_found_search.search_row')).limit(page.limit).offset(page.offset);
      const rows = await inListOrder(this.db.selectFrom('people_found_search').select(columns).where('people_found_search.search_row', 'in', keys)).execute();
      return { rows: rows.map(listRow), total: Number(total.n) };
    }
    // The folded needle and names hold only a-z, 0-9 and spaces, so no LIKE wildcard is typed in.
    const pattern = `%${query.nameContains}%`;
    // SQLite: the trigram table (keyed by search_row) answers the LIKE; PostgreSQL's planner picks
    // the GIN index on names for the same LIKE by itself. Shorter needles have no trigram.
    select = this.dialect === 'sqlite' && query.nameContains.length >= TRIGRAM
      ? select.where('people_found_search.search_row', 'in', sql<number>`(select rowid from people_found_search_names where names like ${pattern})`)
      : select.where('people_found_search.names', 'like', pattern);
    // The matches are gathered first (a materialised CTE), then counted and sorted: otherwise
    // PostgreSQL walks the whole order index backwards, testing every person's names, because it
    // expects the LIMIT to stop it early, which the count over every match never lets it do
    // (154 ms for "nguyen" at scale 100, 4 ms this way).
    const rows = await this.db.with((cte) => cte('matches').materialized(), () => select.select(columns))
      .selectFrom('matches').selectAll().select((eb) => eb.fn.countAll().over().as('total'))
      .$call((q) => (query.sort === 'name' ? q.orderBy('family_name', direction).orderBy('given_names', direction) : q.orderBy('visited_at', direction)).orderBy('id'))
      .limit(page.limit).offset(page.offset).execute();
    const first = rows[0];
    // A page past the last match has no row to carry the count: count apart (rare).
    const total = first !== undefined ? Number(first.total) : page.offset === 0 ? 0 : Number((await select.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { rows: rows.map(listRow), total };
  }
}
