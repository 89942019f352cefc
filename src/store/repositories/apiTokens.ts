import type { Kysely } from 'kysely';
import type { ApiTokenRow, DatabaseSchema } from '../schema.ts';

export class ApiTokenRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: ApiTokenRow): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute();
  }

  findByDigest(digest: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('token_digest', '=', digest).executeTakeFirst();
  }

  findById(id: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listForUser(userId: string): Promise<ApiTokenRow[]> {
    return this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  }

  /** Live tokens of enabled accounts that expire after `from` and no later than `to`. */
  listExpiringBetween(from: string, to: string): Promise<ApiTokenRow[]> {
    return this.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').selectAll('api_tokens')
      .where('api_tokens.revoked_at', 'is', null).where('users.disabled_at', 'is', null)
      .where('api_tokens.expires_at', '>', from).where('api_tokens.expires_at', '<=', to)
      .orderBy('api_tokens.expires_at').execute();
  }

  async markUsed(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}
