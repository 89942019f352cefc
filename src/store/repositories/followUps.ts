import type { Kysely } from 'kysely';
import type { DatabaseSchema, FollowUpRow } from '../schema.ts';

export interface FollowUpListRow extends FollowUpRow {
  assignee_name: string;
}

export interface FollowUpQuery {
  organisationId?: string;
  assignedTo?: string;
  subjectId?: string;
  status?: 'open' | 'done';
  /** Only those due before this date (YYYY-MM-DD): the overdue ones, given today. */
  dueBefore?: string;
}

/** Follow-ups a supervisor gives an officer about one record; the list names the assignee. */
export class FollowUpRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: FollowUpRow): Promise<void> {
    await this.db.insertInto('follow_ups').values(row).execute();
  }

  findById(id: string): Promise<FollowUpRow | undefined> {
    return this.db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Marks an open follow-up done; false when it was done already (by someone else, or a second post). */
  async completeIfOpen(id: string, change: Pick<FollowUpRow, 'outcome' | 'completed_by' | 'completed_at' | 'updated_at'>): Promise<boolean> {
    const result = await this.db.updateTable('follow_ups').set({ ...change, status: 'done' }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  list(query: FollowUpQuery, limit = 200): Promise<FollowUpListRow[]> {
    let select = this.db.selectFrom('follow_ups').innerJoin('users', 'users.id', 'follow_ups.assigned_to');
    if (query.organisationId !== undefined) select = select.where('follow_ups.organisation_id', '=', query.organisationId);
    if (query.assignedTo !== undefined) select = select.where('follow_ups.assigned_to', '=', query.assignedTo);
    if (query.subjectId !== undefined) select = select.where('follow_ups.subject_id', '=', query.subjectId);
    if (query.status !== undefined) select = select.where('follow_ups.status', '=', query.status);
    if (query.dueBefore !== undefined) select = select.where('follow_ups.due_on', '<', query.dueBefore);
    return select.selectAll('follow_ups').select('users.display_name as assignee_name')
      .orderBy('follow_ups.due_on').orderBy('follow_ups.id').limit(limit).execute();
  }
}
