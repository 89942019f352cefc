// Opens the configured database and migrates it. The only place that knows which dialect is in use.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DatabaseLocation } from '../config.ts';
import { inCodeMigrations } from './migrations/index.ts';
import type { DatabaseSchema } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DatabaseSchema>;
  dialect: Dialect;
  /** Where it is, safe to print: a PostgreSQL URL without its password. */
  description: string;
  /** PostgreSQL schema named in the search path, if not the default. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (tests give each run its own). */
  searchPath?: string;
  poolSize?: number;
}

export function openDatabase(location: DatabaseLocation, options: OpenOptions = {}): Database {
  if (location.kind === 'sqlite') {
    if (location.file !== ':memory:') mkdirSync(path.dirname(location.file), { recursive: true });
    const connection = new SQLite(location.file);
    // WAL lets readers carry on during a write; the busy timeout waits for a lock instead of failing at once.
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 15000');
    connection.pragma('synchronous = NORMAL');
    const db = new Kysely<DatabaseSchema>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(connection) }) });
    return { db, dialect: 'sqlite', description: `SQLite ${location.file}`, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: location.url,
    max: options.poolSize ?? 10,
    ...(options.searchPath === undefined ? {} : { options: `-c search_path=${options.searchPath}` }),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db, dialect: 'postgres', description: `PostgreSQL ${redactPassword(location.url)}`, close: () => db.destroy(),
    ...(options.searchPath === undefined ? {} : { schema: options.searchPath }),
  };
}

/**
 * Kysely prepares every query it runs, and better-sqlite3 parses and plans the SQL afresh at each
 * prepare; the same few statements serve every request, so the most recent ones are kept. A
 * statement still busy in an unfinished iterate() is never handed out twice: a new one is prepared.
 */
export function withStatementCache(connection: SQLite.Database, capacity = 256): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(text: string) {
      const cached = statements.get(text);
      if (cached !== undefined && !cached.busy) {
        // Re-inserted so that the map's order is least recently used first.
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = connection.prepare(text);
      statements.delete(text);
      statements.set(text, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next();
        if (oldest.done !== true) statements.delete(oldest.value);
      }
      return statement;
    },
  };
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export interface MigrationReport { applied: string[] }

export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours. Migrations are
  // written on parallel branches, so one may land after a higher-numbered one has run: each stands alone.
  const migrator = new Migrator({ db: database.db, provider: inCodeMigrations, allowUnorderedMigrations: true, ...(database.schema === undefined ? {} : { migrationTableSchema: database.schema }) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const cause = error instanceof Error ? error.message : failed === undefined ? 'unknown error' : `${failed.migrationName} failed`;
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * Refreshes the planner's statistics after a bulk load. Without them SQLite joins people to
 * visits by scanning every person and sorting, instead of walking the visit-time index and
 * stopping at the page size.
 */
export async function refreshQueryStatistics(database: Database): Promise<void> {
  await sql`analyze`.execute(database.db);
}

export async function isReachable(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at the start and wait for it
 * (busy timeout) when another process holds it. A deferred transaction that reads first and
 * writes later fails at once with "database is locked" when another process wrote in between,
 * which is what happens when a command line tool and the server share one database file.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(sqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}
