import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { trigramOperatorClass } from './0005-search-and-results.ts';

// The people list and the name search read a narrow copy of each person found: only the columns
// the list filters, sorts and shows, the visit's time and operation (so no join to visits), and
// the folded names and aliases. people_found holds free-text accounts, documents and phone
// numbers the list never shows; reading it row by row made the search and the list wide.
//
// Triggers keep the copy in the same transaction as each write (the forms, the import, the demo
// and direct edits alike), including a visit moved in time or to another operation.
//  - SQLite: an FTS5 trigram table of the names, keyed by the copy's integer `search_row` (an
//    INTEGER PRIMARY KEY, which VACUUM never renumbers), so keeping it in step is a rowid look-up
//    rather than a scan of an unindexed column. It replaces migration 0005's people_found_names.
//  - PostgreSQL: a pg_trgm GIN index on `names` (the extension is created if allowed; without it
//    there is no index and the search scans the narrow table). It replaces 0005's index on
//    people_found.name_search. Inserts are copied once per statement from the transition table,
//    so a bulk insert of thousands of people costs one join, not thousands of look-ups.

/** The copied columns, in people_found's names (person_found_id is people_found.id). */
const PERSON_COLUMNS = ['visit_id', 'organisation_id', 'role', 'given_names', 'family_name', 'full_name', 'aliases', 'date_of_birth', 'estimated_age', 'sex', 'nationality', 'possible_child', 'created_at', 'updated_at'] as const;
const INSERTED_COLUMNS = `person_found_id, ${PERSON_COLUMNS.join(', ')}, names, visited_at, operation_id`;
/** The values of INSERTED_COLUMNS from a people_found row `p` joined to its visit `v`. */
const insertedValues = (p: string, v: string) => `${p}.id, ${PERSON_COLUMNS.map((c) => `${p}.${c}`).join(', ')}, ${p}.name_search, ${v}.visited_at, ${v}.operation_id`;
const updatedValues = (row: string) => `person_found_id = ${row}.id, ${PERSON_COLUMNS.map((c) => `${c} = ${row}.${c}`).join(', ')}, names = ${row}.name_search,
  visited_at = (select v.visited_at from visits v where v.id = ${row}.visit_id), operation_id = (select v.operation_id from visits v where v.id = ${row}.visit_id)`;

const SQLITE_TRIGGERS = [
  `create trigger people_found_search_insert after insert on people_found begin
    insert into people_found_search (${INSERTED_COLUMNS}) select ${insertedValues('new', 'v')} from visits v where v.id = new.visit_id;
  end`,
  `create trigger people_found_search_update after update on people_found begin
    update people_found_search set ${updatedValues('new')} where person_found_id = old.id;
  end`,
  `create trigger people_found_search_delete after delete on people_found begin
    delete from people_found_search where person_found_id = old.id;
  end`,
  `create trigger people_found_search_visit after update of visited_at, operation_id on visits begin
    update people_found_search set visited_at = new.visited_at, operation_id = new.operation_id where visit_id = new.id;
  end`,
  // The trigram table follows the copy.
  `create trigger people_found_search_names_insert after insert on people_found_search begin
    insert into people_found_search_names (rowid, names) values (new.search_row, new.names);
  end`,
  `create trigger people_found_search_names_update after update of names on people_found_search begin
    delete from people_found_search_names where rowid = old.search_row;
    insert into people_found_search_names (rowid, names) values (new.search_row, new.names);
  end`,
  `create trigger people_found_search_names_delete after delete on people_found_search begin
    delete from people_found_search_names where rowid = old.search_row;
  end`,
];

const POSTGRES_FUNCTIONS = [
  `create function people_found_search_insert() returns trigger language plpgsql as $$ begin
    insert into people_found_search (${INSERTED_COLUMNS}) select ${insertedValues('p', 'v')} from added p join visits v on v.id = p.visit_id;
    return null;
  end $$`,
  `create function people_found_search_update() returns trigger language plpgsql as $$ begin
    update people_found_search set ${updatedValues('new')} where person_found_id = old.id;
    return null;
  end $$`,
  `create function people_found_search_delete() returns trigger language plpgsql as $$ begin
    delete from people_found_search where person_found_id in (select id from removed);
    return null;
  end $$`,
  `create function people_found_search_visit() returns trigger language plpgsql as $$ begin
    update people_found_search set visited_at = new.visited_at, operation_id = new.operation_id where visit_id = new.id;
    return null;
  end $$`,
];

const POSTGRES_TRIGGERS = [
  'create trigger people_found_search_insert after insert on people_found referencing new table as added for each statement execute function people_found_search_insert()',
  'create trigger people_found_search_update after update on people_found for each row execute function people_found_search_update()',
  'create trigger people_found_search_delete after delete on people_found referencing old table as removed for each statement execute function people_found_search_delete()',
  `create trigger people_found_search_visit after update of visited_at, operation_id on visits for each row
    when (old.visited_at is distinct from new.visited_at or old.operation_id is distinct from new.operation_id) execute function people_found_search_visit()`,
];

const TRIGGERS = { people_found: ['people_found_search_insert', 'people_found_search_update', 'people_found_search_delete'], visits: ['people_found_search_visit'] };

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.createTable('people_found_search')
    // SQLite: the rowid the trigram table is keyed by. PostgreSQL: unused, but kept so that both
    // dialects have the same columns.
    .addColumn('search_row', postgres ? 'bigint' : 'integer', (c) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey()))
    .addColumn('person_found_id', 'text', (c) => c.notNull().unique())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'text')
    .addColumn('estimated_age', 'integer')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('possible_child', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .execute();
  // The list's two orders (newest visit first, by name), within every force or one force, and a visit's people.
  await db.schema.createIndex('people_found_search_time').on('people_found_search').columns(['visited_at', 'person_found_id']).execute();
  await db.schema.createIndex('people_found_search_name').on('people_found_search').columns(['family_name', 'given_names', 'person_found_id']).execute();
  await db.schema.createIndex('people_found_search_force_time').on('people_found_search').columns(['organisation_id', 'visited_at']).execute();
  await db.schema.createIndex('people_found_search_operation_time').on('people_found_search').columns(['operation_id', 'visited_at']).execute();
  await db.schema.createIndex('people_found_search_visit').on('people_found_search').column('visit_id').execute();

  if (postgres) {
    await sql`drop index if exists people_found_name_trigrams`.execute(db);
    const opclass = await trigramOperatorClass(db);
    if (opclass !== undefined) await sql`create index people_found_search_names on people_found_search using gin (names ${sql.raw(opclass)})`.execute(db);
    await sql.raw(`insert into people_found_search (${INSERTED_COLUMNS}) select ${insertedValues('p', 'v')} from people_found p join visits v on v.id = p.visit_id`).execute(db);
    for (const statement of [...POSTGRES_FUNCTIONS, ...POSTGRES_TRIGGERS]) await sql.raw(statement).execute(db);
    return;
  }
  for (const trigger of ['people_found_names_insert', 'people_found_names_update', 'people_found_names_delete']) await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  await sql`drop table if exists people_found_names`.execute(db);
  await sql`create virtual table people_found_search_names using fts5(names, tokenize = 'trigram')`.execute(db);
  await sql.raw(`insert into people_found_search (${INSERTED_COLUMNS}) select ${insertedValues('p', 'v')} from people_found p join visits v on v.id = p.visit_id`).execute(db);
  await sql`insert into people_found_search_names (rowid, names) select search_row, names from people_found_search`.execute(db);
  for (const statement of SQLITE_TRIGGERS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [table, triggers] of Object.entries(TRIGGERS)) {
    for (const trigger of triggers) {
      await sql.raw(`drop trigger if exists ${trigger}${postgres ? ` on ${table}` : ''}`).execute(db);
      if (postgres) await sql.raw(`drop function if exists ${trigger}()`).execute(db);
    }
  }
  if (!postgres) await sql`drop table if exists people_found_search_names`.execute(db);
  await db.schema.dropTable('people_found_search').execute();
  // Migration 0005's name index comes back only on PostgreSQL, where it is a plain index; on
  // SQLite, run 0005's down and up again to rebuild its trigram table.
  if (postgres) {
    const opclass = await trigramOperatorClass(db);
    if (opclass !== undefined) await sql`create index if not exists people_found_name_trigrams on people_found using gin (name_search ${sql.raw(opclass)})`.execute(db);
  }
}
