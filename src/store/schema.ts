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

export interface OperationTable {
  id: string;
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
  updated_at: string;
}

export interface OperationParticipantTable {
  operation_id: string;
  organisation_id: string;
}

export interface PremisesTable {
  id: string;
  organisation_id: string;
  premises_type: string;
  name: string | null;
  /** JSON array of address lines as typed. */
  address_lines: string;
  town: string;
  postcode: string;
  /** Upper case without spaces, for exact look-ups whatever the spacing typed. */
  postcode_key: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface VisitTable {
  id: string;
  operation_id: string;
  premises_id: string;
  organisation_id: string;
  visited_at: string;
  warrant: number;
  outcome: string;
  notes: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonFoundTable {
  id: string;
  visit_id: string;
  organisation_id: string;
  role: string;
  given_names: string;
  family_name: string;
  full_name: string;
  aliases: string;
  name_search: string;
  date_of_birth: string | null;
  estimated_age: number | null;
  sex: string;
  nationality: string | null;
  languages: string;
  identity_documents: string;
  phone_numbers: string;
  account: string;
  exploitation_type: string | null;
  possible_child: number;
  consent: string | null;
  interpreter_language: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArrestTable {
  id: string;
  person_found_id: string;
  visit_id: string;
  organisation_id: string;
  offence: string;
  arrested_at: string;
  place: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChargeTable {
  id: string;
  arrest_id: string;
  offence: string;
  charged_on: string;
  court_outcome: string;
  sentence_months: number | null;
  created_at: string;
  updated_at: string;
}

export interface SeizedAssetTable {
  id: string;
  visit_id: string;
  organisation_id: string;
  asset_type: string;
  amount_minor: number;
  currency: string;
  description: string;
  created_at: string;
}

export interface FormSubmissionTable {
  submission_id: string;
  record_type: string;
  record_id: string;
  created_at: string;
}

export interface ImportReferenceTable {
  organisation_id: string;
  /** premises, visits, people or arrests */
  kind: string;
  /** As written in the force's spreadsheet. */
  reference: string;
  record_id: string;
  created_at: string;
}

/** SQLite only (migration 0005): the FTS5 trigram index of people_found.name_search, kept by triggers. */
export interface PersonFoundNameTable {
  name_search: string;
  person_found_id: string;
}

/**
 * The operation's results per force, kept up to date by triggers on every record written
 * (migration 0005). operation_id '' holds the figures over every operation, since distinct
 * premises and distinct people arrested cannot be added up across operations.
 */
export interface OperationResultTotalsTable {
  organisation_id: string;
  operation_id: string;
  visits: number;
  premises_visited: number;
  potential_victims: number;
  possible_children: number;
  arrests: number;
  people_arrested: number;
  charges: number;
}

/** Cash seized per force, operation ('' for every operation) and currency, kept as above. */
export interface OperationResultCashTable {
  organisation_id: string;
  operation_id: string;
  currency: string;
  amount_minor: number;
}

export interface DatabaseSchema {
  operations: OperationTable;
  operation_participants: OperationParticipantTable;
  premises: PremisesTable;
  visits: VisitTable;
  people_found: PersonFoundTable;
  arrests: ArrestTable;
  charges: ChargeTable;
  seized_assets: SeizedAssetTable;
  form_submissions: FormSubmissionTable;
  import_references: ImportReferenceTable;
  people_found_names: PersonFoundNameTable;
  operation_result_totals: OperationResultTotalsTable;
  operation_result_cash: OperationResultCashTable;
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
export type OperationRow = Selectable<OperationTable>;
export type PremisesRow = Selectable<PremisesTable>;
export type VisitRow = Selectable<VisitTable>;
export type PersonFoundRow = Selectable<PersonFoundTable>;
export type ArrestRow = Selectable<ArrestTable>;
export type ChargeRow = Selectable<ChargeTable>;
export type SeizedAssetRow = Selectable<SeizedAssetTable>;
export type ImportReferenceRow = Selectable<ImportReferenceTable>;
