// The database as Kysely sees it. Ids are UUIDv7 text and times ISO-8601 UTC text on both
// dialects, made by the application, so SQLite and PostgreSQL return the same values.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrganisationTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  jurisdiction: string;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** AES-256-GCM sealed; null until enrolment is confirmed. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted, so a code cannot be replayed. */
  totp_last_step: number | null;
  /** JSON array of SHA-256 digests of unused recovery codes. */
  recovery_code_digests: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  is_demo: Generated<number>;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the session id: a copy of the table cannot be replayed as cookies. */
  id: string;
  user_id: string | null;
  data: string;
  expires_at: string;
  updated_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_digest: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_label: string;
  action: string;
  outcome: string;
  subject_type: string;
  subject_id: string | null;
  subject_organisation_id: string | null;
  request_id: string | null;
  details: string;
  previous_hash: string;
  hash: string;
}

export interface DatabaseSchema {
  organisations: OrganisationTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserRowUpdate = Updateable<UserTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
