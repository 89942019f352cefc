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
  /** The premises' type, copied by triggers (migration 0025) for the list's filter; never written by the application. */
  premises_type: Generated<string | null>;
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
  /** Null only on rows made before edits existed; the migration fills it from created_at. */
  updated_at: string | null;
}

export interface FollowUpTable {
  id: string;
  organisation_id: string;
  /** premises, visit, person-found or arrest */
  subject_type: string;
  subject_id: string;
  assigned_to: string;
  assigned_by: string | null;
  /** YYYY-MM-DD, the local date it is due by. */
  due_on: string;
  note: string;
  /** open or done */
  status: string;
  outcome: string | null;
  completed_by: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
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

export interface LinkageRunTable {
  id: string;
  /** The user who asked for the run; null for the nightly command. */
  started_by: string | null;
  started_by_label: string;
  /** on-demand (a page or the API) or command (the CLI, e.g. nightly from cron). */
  trigger: string;
  /** queued, running, finished or failed */
  status: string;
  /** The engine's stage (prepare, trainM, score, …) or load / store. */
  stage: string | null;
  /** 0–1 within the stage. */
  stage_fraction: number;
  /** JSON: the force ids read, or null for every force. */
  scope: string;
  /** Pairs at or above upper_threshold join clusters; pairs from lower_threshold go to review. */
  lower_threshold: number;
  upper_threshold: number;
  record_count: number | null;
  pair_count: number | null;
  review_pair_count: number | null;
  cluster_count: number | null;
  label_count: number | null;
  /** The trained model (model.json), readable by a person. */
  model_json: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface PersonClusterTable {
  id: string;
  created_by_run_id: string | null;
  member_count: number;
  created_at: string;
  updated_at: string;
}

export interface PersonClusterMemberTable {
  person_found_id: string;
  cluster_id: string;
  updated_at: string;
}

export interface PersonClusterMoveTable {
  id: string;
  person_found_id: string;
  from_cluster_id: string | null;
  to_cluster_id: string;
  /** run, merge, split, undo-merge or undo-split */
  cause: string;
  /** The run or the cluster change that moved the record. */
  cause_id: string;
  moved_at: string;
}

export interface LinkageCandidatePairTable {
  id: string;
  run_id: string;
  /** The smaller id of the pair on the left, so a pair has one spelling. */
  left_person_id: string;
  right_person_id: string;
  match_probability: number;
  match_weight: number;
  /** Sealed JSON (fieldCipher): the waterfall holds both records' raw values. */
  waterfall: string;
  created_at: string;
}

export interface LinkageDecisionTable {
  id: string;
  pair_id: string | null;
  left_person_id: string;
  right_person_id: string;
  /** same, different or unsure */
  decision: string;
  reason: string;
  decided_by: string | null;
  decided_by_label: string;
  decided_at: string;
}

export interface PersonClusterChangeTable {
  id: string;
  /** merge or split */
  kind: string;
  decision_id: string | null;
  from_cluster_id: string;
  to_cluster_id: string;
  /** JSON array: exactly the records moved, so undo moves exactly these back. */
  person_found_ids: string;
  made_by: string | null;
  made_by_label: string;
  made_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export interface NotificationTable {
  id: string;
  recipient_user_id: string;
  kind: string;
  title: string;
  /** A path inside the staff surface, never an outside address. */
  link: string;
  /** The same reminder found again gives the same key: unique per recipient. */
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export type EmailStatus = 'pending' | 'sent' | 'failed';

export interface EmailOutboxTable {
  id: string;
  recipient_address: string;
  subject: string;
  body: string;
  /** Unique, and kept after the text is cleared: an email is queued once however many instances find its reminder, however often. */
  dedupe_key: string;
  status: EmailStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** The scheduler instance holding the lease, and until when: another instance may take it after. */
  claimed_by: string | null;
  claimed_until: string | null;
  /** An error code only (an SMTP reply can quote the address). */
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

/** Names, dates of birth, contact details and accounts are `_sealed` (field cipher). */
export interface PotentialVictimTable {
  id: string;
  organisation_id: string;
  person_found_id: string | null;
  identification_route: string;
  identified_on: string;
  jurisdiction: string;
  /** JSON arrays of vocabulary ids. */
  exploitation_types: string;
  methods_of_control: string;
  child_status: string;
  consent: string;
  local_authority_id: string | null;
  support_wanted: string;
  interpreter_language: string | null;
  dependants: number;
  safe_to_write: string;
  sex: string;
  nationality: string | null;
  name_sealed: string;
  date_of_birth_sealed: string | null;
  address_sealed: string | null;
  phone_sealed: string | null;
  email_sealed: string | null;
  account_sealed: string | null;
  dependants_note_sealed: string | null;
  /** The victim path's stage; null until referred to the competent authority. */
  stage: string | null;
  referred_on: string | null;
  reasonable_grounds_due_on: string | null;
  period_last_day: string | null;
  created_by: string | null;
  created_at: string;
  /** The analysts' name for the person, given the first time they see the record (migration 0014). */
  pseudonym: string | null;
  updated_at: string;
}

export interface VictimReferralTable {
  id: string;
  potential_victim_id: string;
  kind: string;
  from_organisation_id: string;
  to_organisation_id: string;
  status: string;
  referred_on: string;
  answered_on: string | null;
  sent_by: string | null;
  /** The day the receiving charity closed its case (migration 0014). */
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface VictimAccessGrantTable {
  id: string;
  potential_victim_id: string;
  granted_to: string;
  granted_by: string;
  organisation_id: string;
  purpose_sealed: string;
  granted_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface VictimTimelineTable {
  id: string;
  potential_victim_id: string;
  event_type: string;
  occurred_on: string;
  organisation_id: string | null;
  recorded_by: string | null;
  referral_id: string | null;
  outcome: string | null;
  days: number | null;
  requested_by: string | null;
  reason_sealed: string | null;
  recorded_at: string;
}

/** No identifying columns by design: see migration 0007. */
export interface AnonymousNotificationTable {
  id: string;
  organisation_id: string;
  notified_on: string;
  sex: string;
  nationality: string | null;
  age_band: string;
  exploitation_types: string;
  created_at: string;
}

export interface OrganisationGradingSchemeTable {
  organisation_id: string;
  /** '5x5x5' or '3x5x2'. */
  scheme: string;
  updated_at: string;
}

/** A saved network chart; `content_sealed` holds the entity keys, positions and notes (fieldCipher). */
export interface NetworkChartTable {
  id: string;
  organisation_id: string;
  owner_id: string;
  name: string;
  content_sealed: string;
  created_at: string;
  updated_at: string;
}

export interface NetworkChartShareTable {
  chart_id: string;
  user_id: string;
  shared_by: string;
  shared_at: string;
}

export interface IntelligenceReportTable {
  id: string;
  organisation_id: string;
  /** The current text, AES-256-GCM sealed. */
  text_sealed: string;
  /** The current grade with its scheme, e.g. "5x5x5:B35" (domain/intelligence gradeToStorage). */
  grade: string;
  /** The date the intelligence refers to (YYYY-MM-DD), not when it was written. */
  refers_to_on: string;
  version: number;
  sanitised: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IntelligenceReportVersionTable {
  id: string;
  report_id: string;
  version: number;
  /** submitted, regraded or sanitised */
  change: string;
  grade: string;
  text_sealed: string;
  reason: string;
  changed_by: string | null;
  changed_at: string;
}

export interface IntelligenceDisseminationTable {
  id: string;
  report_id: string;
  recipient_organisation_id: string;
  conditions: string;
  authorised_by: string | null;
  authorised_at: string;
}

export interface IntelligenceEntityTable {
  id: string;
  report_id: string;
  /** Order in the report, so links can name "the second entity". */
  position: number;
  entity_type: string;
  /** The network node key, e.g. "phone:+447700900123" or "premises:<id>". */
  entity_key: string;
  label: string;
  /** Exactly what the officer wrote. */
  written: string;
  /** JSON object of typed properties (FollowTheMoney-like). */
  properties: string;
}

export interface IntelligenceLinkTable {
  id: string;
  report_id: string;
  from_key: string;
  to_key: string;
  relationship: string;
  observed_on: string;
}

export interface PopulationEstimateTable {
  id: string;
  /** running, done or failed */
  status: string;
  /** What the background job is doing: queued, reading, linking, estimating, comparing, done. */
  stage: string;
  progress_done: number;
  progress_total: number;
  method: string;
  linkage_threshold: number;
  /** JSON: period, lists, method, parameters, seed, linkage threshold (see services/hiddenScale.ts). */
  request: string;
  /** JSON once done: overlap table, linkage settings, estimate, comparison. */
  outcome: string | null;
  observed: number | null;
  estimate: number | null;
  error: string | null;
  created_by: string;
  created_by_organisation_id: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface PublicReportDraftTable {
  /** SHA-256 of the random id in the reporter's cookie. */
  id: string;
  language: string;
  /** Sealed JSON of the answers so far. */
  answers: string;
  /** Set once the draft is sent: a repeat post finds the report instead of making another. */
  report_id: string | null;
  /** Sealed reference and secret, kept only until the confirmation page has shown them once. */
  confirmation: string | null;
  expires_at: string;
  updated_at: string;
}

export interface PublicReportTable {
  id: string;
  reference: string;
  /** scrypt of the one-time secret; the secret itself is never stored. */
  secret_hash: string;
  /** SHA-256 of the draft it came from, unique: a double post makes one report. */
  submission_key: string;
  language: string;
  danger: string;
  /** JSON array of sign codes. */
  signs: string;
  how_you_know: string;
  contact_preference: string;
  /** Sealed JSON of every answer on the reporter's path, as typed. */
  answers: string;
  /** The force whose queue holds it; null is the national centre's triage. */
  routed_organisation_id: string | null;
  routing_basis: string | null;
  status: string;
  received_at: string;
  last_addition_at: string | null;
  updated_at: string;
  /** 'public' (the public form) or 'information-line' (a force alert from an adviser's call). */
  source: Generated<string>;
}

/** A call to the information line (migration 0015). */
export interface InformationLineCallTable {
  id: string;
  /** The adviser's organisation (the national centre). */
  organisation_id: string;
  adviser_id: string;
  received_at: string;
  duration_minutes: number | null;
  caller_type: string;
  /** Sealed JSON: the caller's organisation and contact. */
  caller_sealed: string;
  situation_sealed: string;
  action_taken_sealed: string | null;
  /** JSON array of indicator ids from the catalogue. */
  indicators: string;
  possible_child: number;
  immediate_danger: number;
  /** JSON array of the guidance shown for the indicators ticked, as it was worded then. */
  guidance: string;
  advice_sealed: string;
  outcome: string;
  potential_victim_id: string | null;
  anonymous_notification_id: string | null;
  charity_organisation_id: string | null;
  /** The force alert: a report in the force's triage queue. */
  public_report_id: string | null;
  alert_organisation_id: string | null;
  created_at: string;
}

export interface PublicReportAdditionTable {
  id: string;
  report_id: string;
  language: string;
  /** Sealed. */
  information: string;
  received_at: string;
}

export interface PublicReportOutcomeTable {
  id: string;
  report_id: string;
  outcome: string;
  /** Sealed: staff write what they know, which may name people. */
  reason: string;
  from_organisation_id: string | null;
  to_organisation_id: string | null;
  decided_by: string;
  decided_at: string;
}

export interface PublicReportLinkTable {
  report_id: string;
  /** premises or visit */
  record_type: string;
  record_id: string;
  organisation_id: string;
  linked_by: string;
  linked_at: string;
}

/**
 * A narrow copy of each person found for the people list and name search (migration 0013), kept
 * by triggers on people_found and visits: what the list filters, sorts and shows, the visit's
 * time and operation, and `names` (people_found.name_search: every name and alias, folded).
 * On SQLite its FTS5 trigram table, people_found_search_names, is keyed by `search_row`.
 */
export interface PersonFoundSearchTable {
  search_row: Generated<number>;
  person_found_id: string;
  visit_id: string;
  organisation_id: string;
  operation_id: string;
  visited_at: string;
  role: string;
  given_names: string;
  family_name: string;
  full_name: string;
  aliases: string;
  date_of_birth: string | null;
  estimated_age: number | null;
  sex: string;
  nationality: string | null;
  possible_child: number;
  created_at: string;
  updated_at: string;
  names: string;
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

/** A release of published statistics (migration 0018): draft, approved (frozen) or superseded. */
export interface StatisticsReleaseTable {
  id: string;
  operation_id: string;
  /** draft, approved or superseded */
  status: string;
  title: string;
  /** JSON (services/statistics/releaseContent.ts): figures and tables after disclosure control. */
  content: string;
  /** sha256 of content, set at approval. */
  content_hash: string | null;
  supersedes_id: string | null;
  correction_reason: string | null;
  superseded_by_id: string | null;
  prepared_by: string;
  prepared_at: string;
  approved_by: string | null;
  approved_at: string | null;
  /** The date of publication (YYYY-MM-DD, UTC). */
  published_on: string | null;
}

/** The view the public surface reads: approved and superseded releases, without who made them. */
export type PublishedStatisticsReleaseView = Omit<StatisticsReleaseTable, 'prepared_by' | 'prepared_at' | 'approved_by'>;

export interface DatabaseSchema {
  people_found_search: PersonFoundSearchTable;
  statistics_releases: StatisticsReleaseTable;
  published_statistics_releases: PublishedStatisticsReleaseView;
  operation_result_totals: OperationResultTotalsTable;
  operation_result_cash: OperationResultCashTable;
  public_report_drafts: PublicReportDraftTable;
  public_reports: PublicReportTable;
  public_report_additions: PublicReportAdditionTable;
  public_report_outcomes: PublicReportOutcomeTable;
  public_report_links: PublicReportLinkTable;
  information_line_calls: InformationLineCallTable;
  population_estimates: PopulationEstimateTable;
  organisation_grading_schemes: OrganisationGradingSchemeTable;
  intelligence_reports: IntelligenceReportTable;
  intelligence_report_versions: IntelligenceReportVersionTable;
  intelligence_disseminations: IntelligenceDisseminationTable;
  intelligence_entities: IntelligenceEntityTable;
  intelligence_links: IntelligenceLinkTable;
  network_charts: NetworkChartTable;
  network_chart_shares: NetworkChartShareTable;
  potential_victims: PotentialVictimTable;
  victim_referrals: VictimReferralTable;
  victim_timeline: VictimTimelineTable;
  victim_access_grants: VictimAccessGrantTable;
  anonymous_notifications: AnonymousNotificationTable;
  linkage_runs: LinkageRunTable;
  person_clusters: PersonClusterTable;
  person_cluster_members: PersonClusterMemberTable;
  person_cluster_moves: PersonClusterMoveTable;
  linkage_candidate_pairs: LinkageCandidatePairTable;
  linkage_decisions: LinkageDecisionTable;
  person_cluster_changes: PersonClusterChangeTable;
  notifications: NotificationTable;
  email_outbox: EmailOutboxTable;
  operations: OperationTable;
  operation_participants: OperationParticipantTable;
  premises: PremisesTable;
  visits: VisitTable;
  people_found: PersonFoundTable;
  arrests: ArrestTable;
  charges: ChargeTable;
  seized_assets: SeizedAssetTable;
  form_submissions: FormSubmissionTable;
  follow_ups: FollowUpTable;
  import_references: ImportReferenceTable;
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
export type VisitRow = Omit<Selectable<VisitTable>, 'premises_type'>;
export type PersonFoundRow = Selectable<PersonFoundTable>;
export type ArrestRow = Selectable<ArrestTable>;
export type ChargeRow = Selectable<ChargeTable>;
export type SeizedAssetRow = Selectable<SeizedAssetTable>;
export type FollowUpRow = Selectable<FollowUpTable>;
export type ImportReferenceRow = Selectable<ImportReferenceTable>;
export type LinkageRunRow = Selectable<LinkageRunTable>;
export type PersonClusterRow = Selectable<PersonClusterTable>;
export type LinkageCandidatePairRow = Selectable<LinkageCandidatePairTable>;
export type LinkageDecisionRow = Selectable<LinkageDecisionTable>;
export type PersonClusterChangeRow = Selectable<PersonClusterChangeTable>;
export type PersonClusterMoveRow = Selectable<PersonClusterMoveTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type EmailOutboxRow = Selectable<EmailOutboxTable>;
export type NewEmailOutboxRow = Insertable<EmailOutboxTable>;
export type PotentialVictimRow = Selectable<PotentialVictimTable>;
export type VictimReferralRow = Selectable<VictimReferralTable>;
export type VictimTimelineRow = Selectable<VictimTimelineTable>;
export type VictimAccessGrantRow = Selectable<VictimAccessGrantTable>;
export type AnonymousNotificationRow = Selectable<AnonymousNotificationTable>;
export type IntelligenceReportRow = Selectable<IntelligenceReportTable>;
export type IntelligenceReportVersionRow = Selectable<IntelligenceReportVersionTable>;
export type IntelligenceDisseminationRow = Selectable<IntelligenceDisseminationTable>;
export type IntelligenceEntityRow = Selectable<IntelligenceEntityTable>;
export type IntelligenceLinkRow = Selectable<IntelligenceLinkTable>;
export type NetworkChartRow = Selectable<NetworkChartTable>;
export type NetworkChartShareRow = Selectable<NetworkChartShareTable>;
export type PopulationEstimateRow = Selectable<PopulationEstimateTable>;
export type StatisticsReleaseRow = Selectable<StatisticsReleaseTable>;
export type PublishedStatisticsReleaseRow = Selectable<PublishedStatisticsReleaseView>;
export type PublicReportDraftRow = Selectable<PublicReportDraftTable>;
export type PublicReportRow = Selectable<PublicReportTable>;
export type PublicReportAdditionRow = Selectable<PublicReportAdditionTable>;
export type PublicReportOutcomeRow = Selectable<PublicReportOutcomeTable>;
export type PublicReportLinkRow = Selectable<PublicReportLinkTable>;
export type InformationLineCallRow = Selectable<InformationLineCallTable>;
