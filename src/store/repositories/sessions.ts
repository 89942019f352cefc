import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

export interface StoredSession { data: string; expiresAt: string }

/** Server-side sessions in the database, so several application instances share them. */
export class SessionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async find(idDigest: string, now: string): Promise<StoredSession | undefined> {
    const row = await this.db.selectFrom('sessions').select(['data', 'expires_at']).where('id', '=', idDigest).where('expires_at', '>', now).executeTakeFirst();
    return row === undefined ? undefined : { data: row.data, expiresAt: row.expires_at };
  }

  async save(idDigest: string, userId: string | null, data: string, expiresAt: string, now: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: idDigest, user_id: userId, data, expires_at: expiresAt, updated_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ user_id: userId, data, expires_at: expiresAt, updated_at: now }))
      .execute();
  }

  async destroy(idDigest: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', idDigest).execute();
  }

  async destroyForUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async purgeExpired(now: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
