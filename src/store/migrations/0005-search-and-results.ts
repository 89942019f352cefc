import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Two things that read every record on each request, made to read an index or a few rows instead.
//
// 1. Name search (`name_search LIKE '%nguyen%'`). Each dialect gets an index of the folded names'
//    trigrams, which answers the same LIKE for needles of three or more characters:
//    - SQLite: an FTS5 trigram table, kept in step with people_found by triggers (so the demo, the
//      import and the forms all keep it without knowing). It holds the person's id, not their
//      rowid: people_found has a text key, and VACUUM may renumber the rowids of such a table.
//    - PostgreSQL: a pg_trgm GIN index on name_search itself. If the extension cannot be created
//      (not installed, or not allowed), there is no index and the search scans as before.
//
// 2. The operation's results (services/operationResults.ts) over the whole operation period: per
//    force and operation, and per force over every operation (operation_id ''; distinct premises
//    and distinct people arrested do not add up across operations). Triggers keep them in the
//    same transaction as each record written: an insert adds its share; an update of a counted
//    column, or a delete, recounts the forces concerned from the records. The figures are grouped
//    by each record's own force, as the recount in repositories/operationResults.ts does. Results
//    for a date range are still counted from the records.

/** The figures of operation_result_totals, in column order. */
const FIGURES = ['visits', 'premises_visited', 'potential_victims', 'possible_children', 'arrests', 'people_arrested', 'charges'] as const;
type Figure = (typeof FIGURES)[number];

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    const opclass = await trigramOperatorClass(db);
    if (opclass !== undefined) {
      await sql`create index people_found_name_trigrams on people_found using gin (name_search ${sql.raw(opclass)})`.execute(db);
    }
  } else {
    await sql`create virtual table people_found_names using fts5(name_search, person_found_id unindexed, tokenize = 'trigram')`.execute(db);
    await sql`insert into people_found_names (name_search, person_found_id) select name_search, id from people_found`.execute(db);
    await sql`create trigger people_found_names_insert after insert on people_found begin
      insert into people_found_names (name_search, person_found_id) values (new.name_search, new.id);
    end`.execute(db);
    await sql`create trigger people_found_names_update after update of id, name_search on people_found begin
      delete from people_found_names where person_found_id = old.id;
      insert into people_found_names (name_search, person_found_id) values (new.name_search, new.id);
    end`.execute(db);
    await sql`create trigger people_found_names_delete after delete on people_found begin
      delete from people_found_names where person_found_id = old.id;
    end`.execute(db);
  }

  await db.schema.createTable('operation_result_totals')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .$call((table) => FIGURES.reduce((t, figure) => t.addColumn(figure, 'integer', (c) => c.notNull().defaultTo(0)), table))
    .addPrimaryKeyConstraint('operation_result_totals_pk', ['organisation_id', 'operation_id'])
    .execute();
  await db.schema.createTable('operation_result_cash')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('operation_result_cash_pk', ['organisation_id', 'operation_id', 'currency'])
    .execute();
  // The recount of one force reads its seized assets by force.
  await db.schema.createIndex('seized_assets_organisation').on('seized_assets').columns(['organisation_id', 'asset_type']).execute();

  await countOperationResults(db);
  for (const trigger of resultTriggers()) {
    if (postgres) {
      await sql.raw(`create function ${trigger.name}() returns trigger language plpgsql as $$ begin ${trigger.postgres}; end $$`).execute(db);
      await sql.raw(`create trigger ${trigger.name} ${trigger.postgresTiming} on ${trigger.table} for each row ${trigger.when === undefined ? '' : `when (${trigger.when})`} execute function ${trigger.name}()`).execute(db);
    } else {
      await sql.raw(`create trigger ${trigger.name} ${trigger.sqliteTiming} on ${trigger.table} ${trigger.when === undefined ? '' : `when ${trigger.when}`} begin ${trigger.sqlite}; end`).execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const trigger of resultTriggers()) {
    await sql.raw(`drop trigger if exists ${trigger.name}${postgres ? ` on ${trigger.table}` : ''}`).execute(db);
    if (postgres) await sql.raw(`drop function if exists ${trigger.name}()`).execute(db);
  }
  await db.schema.dropIndex('seized_assets_organisation').execute();
  await db.schema.dropTable('operation_result_cash').execute();
  await db.schema.dropTable('operation_result_totals').execute();
  if (postgres) {
    await sql`drop index if exists people_found_name_trigrams`.execute(db);
    return;
  }
  for (const trigger of ['people_found_names_insert', 'people_found_names_update', 'people_found_names_delete']) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table if exists people_found_names`.execute(db);
}

/**
 * Counts the results afresh from the records, for every force or (in a trigger) for the forces
 * an SQL expression names. Used to fill the tables when they are created and by the triggers
 * after an update or a delete; exported so that a test can check the triggers against it.
 */
export async function countOperationResults<Schema>(db: Kysely<Schema>): Promise<void> {
  for (const statement of recountStatements(undefined)) await sql.raw(statement).execute(db);
}

function recountStatements(forces: string | undefined): string[] {
  const of = (alias: string) => (forces === undefined ? 'true' : `${alias}.organisation_id in (${forces})`);
  const zeros = (except: Partial<Record<Figure, string>>) => FIGURES.map((f) => `${except[f] ?? '0'} as ${f}`).join(', ');
  const parts = [
    `select v.organisation_id, v.operation_id, ${zeros({ visits: 'count(*)', premises_visited: 'count(distinct v.premises_id)' })} from visits v where ${of('v')} group by v.organisation_id, v.operation_id`,
    `select v.organisation_id, '' as operation_id, ${zeros({ visits: 'count(*)', premises_visited: 'count(distinct v.premises_id)' })} from visits v where ${of('v')} group by v.organisation_id`,
    `select p.organisation_id, v.operation_id, ${zeros({ potential_victims: 'count(*)', possible_children: 'sum(p.possible_child)' })} from people_found p join visits v on v.id = p.visit_id where p.role = 'potential-victim' and ${of('p')} group by p.organisation_id, v.operation_id`,
    `select p.organisation_id, '' as operation_id, ${zeros({ potential_victims: 'count(*)', possible_children: 'sum(p.possible_child)' })} from people_found p where p.role = 'potential-victim' and ${of('p')} group by p.organisation_id`,
    `select a.organisation_id, v.operation_id, ${zeros({ arrests: 'count(*)', people_arrested: 'count(distinct a.person_found_id)' })} from arrests a join visits v on v.id = a.visit_id where ${of('a')} group by a.organisation_id, v.operation_id`,
    `select a.organisation_id, '' as operation_id, ${zeros({ arrests: 'count(*)', people_arrested: 'count(distinct a.person_found_id)' })} from arrests a where ${of('a')} group by a.organisation_id`,
    `select a.organisation_id, v.operation_id, ${zeros({ charges: 'count(*)' })} from charges c join arrests a on a.id = c.arrest_id join visits v on v.id = a.visit_id where ${of('a')} group by a.organisation_id, v.operation_id`,
    `select a.organisation_id, '' as operation_id, ${zeros({ charges: 'count(*)' })} from charges c join arrests a on a.id = c.arrest_id where ${of('a')} group by a.organisation_id`,
  ];
  const cash = [
    `select s.organisation_id, v.operation_id, s.currency, sum(s.amount_minor) as amount_minor from seized_assets s join visits v on v.id = s.visit_id where s.asset_type = 'cash' and ${of('s')} group by s.organisation_id, v.operation_id, s.currency`,
    `select s.organisation_id, '' as operation_id, s.currency, sum(s.amount_minor) as amount_minor from seized_assets s where s.asset_type = 'cash' and ${of('s')} group by s.organisation_id, s.currency`,
  ];
  const forcesOf = (table: string) => (forces === undefined ? `delete from ${table}` : `delete from ${table} where organisation_id in (${forces})`);
  return [
    forcesOf('operation_result_totals'),
    `insert into operation_result_totals (organisation_id, operation_id, ${FIGURES.join(', ')})
      select organisation_id, operation_id, ${FIGURES.map((f) => `sum(${f})`).join(', ')} from (${parts.join(' union all ')}) figures group by organisation_id, operation_id`,
    forcesOf('operation_result_cash'),
    `insert into operation_result_cash (organisation_id, operation_id, currency, amount_minor) ${cash.join(' union all ')}`,
  ];
}

interface ResultTrigger {
  name: string;
  table: string;
  when?: string;
  sqliteTiming: string;
  postgresTiming: string;
  sqlite: string;
  postgres: string;
}

/**
 * Adds a record's share to its force's figures, for its operation and for every operation.
 * `keys` selects (organisation_id, operation_id) for the operation; `distinct` names, for a
 * figure counted once per thing, whether another record already counted it (`k` is the key row).
 * The increments are written first: on PostgreSQL the upsert locks the figures' rows until commit,
 * so a second transaction recording the same premises waits, and then sees the first one's visit.
 */
function addShare(keys: string, increments: Partial<Record<Figure, string>>, distinct: Partial<Record<Figure, string>> = {}): string {
  const counted = Object.keys(increments) as Figure[];
  const statements = [
    `insert into operation_result_totals (organisation_id, operation_id, ${counted.join(', ')})
      select k.organisation_id, k.operation_id, ${counted.map((f) => increments[f] ?? '0').join(', ')}
      from (${keys} union all select k0.organisation_id, '' from (${keys}) k0) k where true
      on conflict (organisation_id, operation_id) do update set ${counted.map((f) => `${f} = operation_result_totals.${f} + excluded.${f}`).join(', ')}`,
  ];
  for (const [figure, other] of Object.entries(distinct)) {
    statements.push(`update operation_result_totals set ${figure} = ${figure} + 1
      where exists (select 1 from (${keys} union all select k0.organisation_id, '' from (${keys}) k0) k
        where k.organisation_id = operation_result_totals.organisation_id and k.operation_id = operation_result_totals.operation_id
          and not exists (${other}))`);
  }
  return statements.join(';\n');
}

function resultTriggers(): ResultTrigger[] {
  // Inserts: AFTER each row on SQLite; BEFORE each row on PostgreSQL, whose AFTER ROW triggers
  // run at the end of the statement, when a visit could no longer tell whether another visit in
  // the same multi-row insert was there before it. A BEFORE trigger sees the rows the statement
  // has already inserted, and not its own row (which the `id <>` also excludes on SQLite).
  const inserted = (name: string, table: string, body: string, when?: string): ResultTrigger => ({
    name, table, sqliteTiming: 'after insert', postgresTiming: 'before insert', sqlite: body, postgres: `${body}; return new`, ...(when === undefined ? {} : { when }),
  });
  const visitOf = (visitId: string) => `select v.operation_id from visits v where v.id = ${visitId}`;
  // Updates of a counted column and deletes: recount the forces concerned, after the change.
  const recounted = (name: string, table: string, columns: string, forces: (row: 'old' | 'new') => string): ResultTrigger[] => {
    const both = `${forces('old')}, ${forces('new')}`;
    return [
      { name: `${name}_update`, table, sqliteTiming: `after update of ${columns}`, postgresTiming: `after update of ${columns}`, sqlite: recountStatements(both).join(';\n'), postgres: `${recountStatements(both).join(';\n')}; return null` },
      { name: `${name}_delete`, table, sqliteTiming: 'after delete', postgresTiming: 'after delete', sqlite: recountStatements(forces('old')).join(';\n'), postgres: `${recountStatements(forces('old')).join(';\n')}; return null` },
    ];
  };
  const ownForce = (row: 'old' | 'new') => `${row}.organisation_id`;
  return [
    inserted('operation_results_visit', 'visits', addShare(
      'select new.organisation_id as organisation_id, new.operation_id as operation_id', { visits: '1' },
      { premises_visited: `select 1 from visits o where o.premises_id = new.premises_id and o.organisation_id = new.organisation_id and o.id <> new.id and (k.operation_id = '' or o.operation_id = k.operation_id)` },
    )),
    inserted('operation_results_person', 'people_found', addShare(
      `select new.organisation_id as organisation_id, (${visitOf('new.visit_id')}) as operation_id`, { potential_victims: '1', possible_children: 'new.possible_child' },
    ), `new.role = 'potential-victim'`),
    inserted('operation_results_arrest', 'arrests', addShare(
      `select new.organisation_id as organisation_id, (${visitOf('new.visit_id')}) as operation_id`, { arrests: '1' },
      { people_arrested: `select 1 from arrests o join visits ov on ov.id = o.visit_id where o.person_found_id = new.person_found_id and o.organisation_id = new.organisation_id and o.id <> new.id and (k.operation_id = '' or ov.operation_id = k.operation_id)` },
    )),
    inserted('operation_results_charge', 'charges', addShare(
      'select a.organisation_id as organisation_id, v.operation_id as operation_id from arrests a join visits v on v.id = a.visit_id where a.id = new.arrest_id', { charges: '1' },
    )),
    inserted('operation_results_cash', 'seized_assets', `insert into operation_result_cash (organisation_id, operation_id, currency, amount_minor)
      select new.organisation_id, k.operation_id, new.currency, new.amount_minor from (${visitOf('new.visit_id')} union all select '') k where true
      on conflict (organisation_id, operation_id, currency) do update set amount_minor = operation_result_cash.amount_minor + excluded.amount_minor`, `new.asset_type = 'cash'`),
    ...recounted('operation_results_visit', 'visits', 'organisation_id, operation_id, premises_id', ownForce),
    ...recounted('operation_results_person', 'people_found', 'organisation_id, visit_id, role, possible_child', ownForce),
    ...recounted('operation_results_arrest', 'arrests', 'organisation_id, visit_id, person_found_id', ownForce),
    ...recounted('operation_results_charge', 'charges', 'arrest_id', (row) => `(select a.organisation_id from arrests a where a.id = ${row}.arrest_id)`),
    ...recounted('operation_results_cash', 'seized_assets', 'organisation_id, visit_id, asset_type, currency, amount_minor', ownForce),
  ];
}

/**
 * The schema-qualified pg_trgm GIN operator class, creating the extension if it is not there yet.
 * The extension goes in `public`, not the first schema of the search path: tests give each run a
 * schema of its own and drop it afterwards, which would take the extension (and every other run's
 * index) with it. Migrations run in one transaction, so a refused `create extension` is rolled
 * back to a savepoint rather than aborting the migration.
 */
export async function trigramOperatorClass(db: Kysely<unknown>): Promise<string | undefined> {
  const existing = await findTrigramOperatorClass(db);
  if (existing !== undefined) return existing;
  const inTransaction = db.isTransaction;
  if (inTransaction) await sql`savepoint lifeline_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    if (inTransaction) await sql`release savepoint lifeline_pg_trgm`.execute(db);
  } catch {
    if (inTransaction) await sql`rollback to savepoint lifeline_pg_trgm`.execute(db);
    return undefined;
  }
  return findTrigramOperatorClass(db);
}

async function findTrigramOperatorClass(db: Kysely<unknown>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_catalog.pg_opclass c
      join pg_catalog.pg_namespace n on n.oid = c.opcnamespace
      join pg_catalog.pg_am a on a.oid = c.opcmethod
    where c.opcname = 'gin_trgm_ops' and a.amname = 'gin'`.execute(db);
  const schema = rows[0]?.schema;
  return schema === undefined ? undefined : `${quoteIdentifier(schema)}.gin_trgm_ops`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
