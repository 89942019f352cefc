import type { Kysely } from 'kysely';
import type { DatabaseSchema, ImportReferenceRow } from '../schema.ts';

/** Keeps each IN list well under both databases' limits on bound parameters. */
const LOOKUP_CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += LOOKUP_CHUNK) out.push(items.slice(start, start + LOOKUP_CHUNK));
  return out;
}

/** Which record each of a force's spreadsheet references became when it was imported. */
export class ImportReferenceRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insertMany(rows: readonly ImportReferenceRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('import_references').values([...rows]).execute();
  }

  async recordIds(organisationId: string, kind: string, references: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const chunk of chunks([...new Set(references)])) {
      const rows = await this.db.selectFrom('import_references').select(['reference', 'record_id'])
        .where('organisation_id', '=', organisationId).where('kind', '=', kind).where('reference', 'in', chunk).execute();
      for (const row of rows) found.set(row.reference, row.record_id);
    }
    return found;
  }

  /** People by reference with the visit they were found on, which an arrest belongs to as well. */
  async people(organisationId: string, references: readonly string[]): Promise<Map<string, { personId: string; visitId: string }>> {
    const found = new Map<string, { personId: string; visitId: string }>();
    for (const chunk of chunks([...new Set(references)])) {
      const rows = await this.db.selectFrom('import_references')
        .innerJoin('people_found', 'people_found.id', 'import_references.record_id')
        .select(['import_references.reference', 'people_found.id', 'people_found.visit_id'])
        .where('import_references.organisation_id', '=', organisationId).where('import_references.kind', '=', 'people')
        .where('import_references.reference', 'in', chunk).execute();
      for (const row of rows) found.set(row.reference, { personId: row.id, visitId: row.visit_id });
    }
    return found;
  }
}
