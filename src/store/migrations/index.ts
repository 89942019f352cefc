import type { Migration, MigrationProvider } from 'kysely';
import * as spine from './0001-spine.ts';
import * as operationRecords from './0002-operation-records.ts';
import * as importReferences from './0003-import-references.ts';
import * as listIndexes from './0004-list-indexes.ts';
import * as searchAndResults from './0005-search-and-results.ts';

/** Migrations live in code (not files found at run time) so a bundled or installed Lifeline migrates the same way. */
const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-operation-records': operationRecords,
  '0003-import-references': importReferences,
  '0004-list-indexes': listIndexes,
  '0005-search-and-results': searchAndResults,
};

export const inCodeMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
