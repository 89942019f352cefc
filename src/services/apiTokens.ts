import type { UserActor } from '../access/actor.ts';
import { NotFoundError, ValidationError } from '../access/errors.ts';
import { digest, newApiTokenSecret } from '../security/secrets.ts';
import { newId } from '../store/ids.ts';
import type { ApiTokenRow } from '../store/schema.ts';
import { recordAudit } from './auditTrail.ts';
import type { AuthenticationService } from './authentication.ts';
import { isoNow, type ServiceContext } from './context.ts';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

function toApiToken(row: ApiTokenRow): ApiToken {
  return { id: row.id, name: row.name, prefix: row.token_prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}

/**
 * Personal API tokens: shown once, stored as a digest, revocable. A token acts as its owner,
 * with the owner's current rights, so disabling the owner or removing a role takes effect at once.
 */
export class ApiTokenService {
  constructor(private readonly context: ServiceContext, private readonly authentication: AuthenticationService) {}

  async create(actor: UserActor, name: string, expiresInDays: number | null): Promise<{ token: ApiToken; secret: string }> {
    const trimmed = name.trim();
    const errors = [];
    if (trimmed.length === 0) errors.push({ field: 'name', message: 'Enter a name for the token, like “reporting script”' });
    if (trimmed.length > 100) errors.push({ field: 'name', message: 'Name must be 100 characters or fewer' });
    if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 366)) {
      errors.push({ field: 'expiresInDays', message: 'Expiry must be a whole number of days from 1 to 366' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const now = this.context.clock();
    const { token, prefix } = newApiTokenSecret();
    const row: ApiTokenRow = {
      id: newId(), user_id: actor.userId, name: trimmed, token_digest: digest(token), token_prefix: prefix, created_at: now.toISOString(),
      last_used_at: null, expires_at: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(), revoked_at: null,
    };
    await this.context.store.transaction(async (repositories) => {
      await repositories.apiTokens.insert(row);
      await recordAudit(repositories, actor, row.created_at, { action: 'api-token.create', subjectType: 'api-token', subjectId: row.id, subjectOrganisationId: actor.organisationId, details: { prefix } });
    });
    return { token: toApiToken(row), secret: token };
  }

  async listOwn(actor: UserActor): Promise<ApiToken[]> {
    return (await this.context.store.repositories.apiTokens.listForUser(actor.userId)).map(toApiToken);
  }

  async revoke(actor: UserActor, tokenId: string): Promise<void> {
    const at = isoNow(this.context.clock);
    await this.context.store.transaction(async (repositories) => {
      const row = await repositories.apiTokens.findById(tokenId);
      if (row === undefined || row.user_id !== actor.userId) throw new NotFoundError('API token');
      await repositories.apiTokens.revoke(row.id, at);
      await recordAudit(repositories, actor, at, { action: 'api-token.revoke', subjectType: 'api-token', subjectId: row.id, subjectOrganisationId: actor.organisationId });
    });
  }

  async authenticate(presented: string, requestId: string | null): Promise<UserActor | null> {
    if (!presented.startsWith('llt_')) return null;
    const row = await this.context.store.repositories.apiTokens.findByDigest(digest(presented));
    const at = isoNow(this.context.clock);
    if (row === undefined || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= at)) return null;
    const actor = await this.authentication.loadActor(row.user_id, 'api-token', requestId);
    if (actor === null) return null;
    // Last use to the minute is enough to spot a forgotten token, and spares a write on every call.
    if (row.last_used_at === null || row.last_used_at.slice(0, 16) !== at.slice(0, 16)) await this.context.store.repositories.apiTokens.markUsed(row.id, at);
    return actor;
  }
}
