import type { Migration, MigrationProvider } from 'kysely';
import * as spine from './0001-spine.ts';
import * as operationRecords from './0002-operation-records.ts';

/** Migrations live in code (not files found at run time) so a bundled or installed Lifeline migrates the same way. */
const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-operation-records': operationRecords,
};

export const inCodeMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
