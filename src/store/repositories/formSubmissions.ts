import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** Remembers which record a form submission made, so a second post of the same form makes nothing new. */
export class FormSubmissionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async recordIdFor(submissionId: string, recordType: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('form_submissions').select(['record_id', 'record_type']).where('submission_id', '=', submissionId).executeTakeFirst();
    return row?.record_type === recordType ? row.record_id : undefined;
  }

  /** The kind of record a submission id already made, whatever kind the caller expects. */
  async recordTypeOf(submissionId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('form_submissions').select('record_type').where('submission_id', '=', submissionId).executeTakeFirst();
    return row?.record_type;
  }

  async remember(submissionId: string, recordType: string, recordId: string, at: string): Promise<void> {
    await this.db.insertInto('form_submissions').values({ submission_id: submissionId, record_type: recordType, record_id: recordId, created_at: at }).execute();
  }
}
