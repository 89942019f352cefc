// Victim care for the national centre's analysts: every record, pseudonymised. An analyst sees
// what the analysis needs (how people came to notice, exploitation, age band, the path and its
// dates) under a stable pseudonym, and never a name, date of birth, contact detail or account —
// unless a supervisor of the organisation that made the record grants that analyst access to it
// for a stated purpose, until a set day. Grants, revocations and granted reads are audited.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../access/errors.ts';
import { canAnalyseVictimCare, canGrantVictimAccess } from '../../access/policies/victimCare.ts';
import { addDays, type IsoDate } from '../../domain/calendar/isoDate.ts';
import { newId } from '../../store/ids.ts';
import type { PotentialVictimRow, VictimAccessGrantRow, VictimReferralRow } from '../../store/schema.ts';
import { recordAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { jurisdictionOf } from './path.ts';
import { VictimRecords } from './records.ts';

export interface PseudonymisedRecord {
  pseudonym: string;
  organisationId: string;
  jurisdiction: string;
  /** The month only: a day of identification narrows a person down more than analysis needs. */
  identifiedMonth: string;
  identificationRoute: string;
  exploitationTypes: string[];
  methodsOfControl: string[];
  childStatus: string;
  sex: string;
  nationality: string | null;
  /** From the date of birth at identification, when one was recorded. */
  ageBand: string | null;
  consent: string;
  stage: string | null;
  referredOn: IsoDate | null;
  reasonableGroundsDueOn: IsoDate | null;
  periodLastDay: IsoDate | null;
  referredForCare: boolean;
  careClosed: boolean;
  /** The actor's own live grant on this record, if any. */
  grant: { id: string; expiresAt: string } | null;
}

export interface GrantedRecord extends PseudonymisedRecord {
  grantId: string;
  purpose: string;
  expiresAt: string;
  fullName: string;
  dateOfBirth: string | null;
}

export interface AccessGrantInput {
  analystId: string;
  purpose: string;
  days: string;
}

export interface AccessGrantView {
  id: string;
  grantedTo: string;
  grantedToName: string;
  grantedBy: string;
  purpose: string;
  grantedAt: string;
  expiresAt: string;
}

/** Longest grant a supervisor may give: access for analysis is for a task, not for good. */
export const MAX_GRANT_DAYS = 30;

const PSEUDONYM_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newPseudonym(): string {
  const bytes = randomBytes(10);
  return `PV-${[...bytes].map((b) => PSEUDONYM_ALPHABET[b % 32] ?? '0').join('')}`;
}

export function ageAt(dateOfBirth: string, on: string): number | null {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined || Number.isNaN(by + bm + bd)) return null;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Bands wide enough that an age cannot single a person out. */
export function ageBandOf(age: number): string {
  if (age < 18) return 'under-18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55-plus';
}

const list = (json: string): string[] => JSON.parse(json) as string[];

export class VictimAnalysisService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext) {
    this.records = new VictimRecords(context);
  }

  private requireAnalyst(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
    if (!canAnalyseVictimCare(actor)) throw new ForbiddenError('Only the national centre’s analysts see pseudonymised victim care');
  }

  private async pseudonymOf(victim: PotentialVictimRow): Promise<string> {
    if (victim.pseudonym !== null) return victim.pseudonym;
    return this.context.store.repositories.victimCare.assignPseudonym(victim.id, newPseudonym());
  }

  private view(victim: PotentialVictimRow, pseudonym: string, referrals: readonly VictimReferralRow[], grant: VictimAccessGrantRow | undefined): PseudonymisedRecord {
    const dateOfBirth = this.records.open(victim.date_of_birth_sealed);
    const age = dateOfBirth === null || dateOfBirth.length !== 10 ? null : ageAt(dateOfBirth, victim.identified_on);
    const care = referrals.filter((r) => r.kind === 'support-charity' && r.status === 'accepted');
    return {
      pseudonym, organisationId: victim.organisation_id, jurisdiction: jurisdictionOf(victim), identifiedMonth: victim.identified_on.slice(0, 7),
      identificationRoute: victim.identification_route, exploitationTypes: list(victim.exploitation_types), methodsOfControl: list(victim.methods_of_control),
      childStatus: victim.child_status, sex: victim.sex, nationality: victim.nationality, ageBand: age === null ? null : ageBandOf(age), consent: victim.consent,
      stage: victim.stage, referredOn: victim.referred_on, reasonableGroundsDueOn: victim.reasonable_grounds_due_on, periodLastDay: victim.period_last_day,
      referredForCare: care.length > 0, careClosed: care.length > 0 && care.every((r) => r.closed_on !== null),
      grant: grant === undefined ? null : { id: grant.id, expiresAt: grant.expires_at },
    };
  }

  /** Every potential-victim record, pseudonymised, newest first. */
  async list(actor: Actor): Promise<PseudonymisedRecord[]> {
    this.requireAnalyst(actor);
    const repositories = this.context.store.repositories;
    const now = this.records.now();
    const victims = await repositories.victimCare.listVictims(undefined);
    const referrals = await repositories.victimCare.referralsFor(victims.map((v) => v.id));
    const grants = new Map((await repositories.victimCare.liveAccessGrants({ grantedTo: actor.userId }, now)).map((g) => [g.potential_victim_id, g]));
    const views: PseudonymisedRecord[] = [];
    for (const victim of victims) {
      views.push(this.view(victim, await this.pseudonymOf(victim), referrals.filter((r) => r.potential_victim_id === victim.id), grants.get(victim.id)));
    }
    await this.context.store.transaction((tx) => recordAudit(tx, actor, now, {
      action: 'victim-analysis.list', subjectType: 'potential-victim', subjectId: null, subjectOrganisationId: actor.organisationId, details: { records: views.length },
    }));
    return views;
  }

  /** A record an analyst was granted: its identity too, while the grant lasts. The read is audited with the grant. */
  async granted(actor: Actor, grantId: string): Promise<GrantedRecord> {
    this.requireAnalyst(actor);
    const repositories = this.context.store.repositories;
    const now = this.records.now();
    const grant = await repositories.victimCare.findAccessGrant(grantId);
    if (grant?.granted_to !== actor.userId || grant.revoked_at !== null || grant.expires_at <= now) throw new NotFoundError('Access grant');
    const victim = await repositories.victimCare.findVictim(grant.potential_victim_id);
    if (victim === undefined) throw new NotFoundError('Access grant');
    const view = this.view(victim, await this.pseudonymOf(victim), await repositories.victimCare.referralsFor([victim.id]), grant);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, now, {
      action: 'potential-victim.read', subjectType: 'potential-victim', subjectId: victim.id, subjectOrganisationId: victim.organisation_id, details: { access: 'granted', grantId },
    }));
    return {
      ...view, grantId, purpose: this.context.fieldCipher.open(grant.purpose_sealed), expiresAt: grant.expires_at,
      fullName: this.context.fieldCipher.open(victim.name_sealed), dateOfBirth: this.records.open(victim.date_of_birth_sealed),
    };
  }

  /** The analysts a supervisor may grant access to. */
  async analysts(actor: Actor, potentialVictimId: string): Promise<Array<{ id: string; displayName: string }>> {
    await this.forGranter(actor, potentialVictimId);
    const repositories = this.context.store.repositories;
    const centres = (await repositories.organisations.list()).filter((o) => o.kind === 'national-centre');
    const users = (await Promise.all(centres.map((o) => repositories.users.listByOrganisation(o.id)))).flat();
    return users.filter((u) => u.disabled_at === null && u.roles.includes('analyst')).map((u) => ({ id: u.id, displayName: u.display_name }));
  }

  private async forGranter(actor: Actor, potentialVictimId: string): Promise<PotentialVictimRow> {
    const { victim } = await this.records.loadFull(actor, potentialVictimId, this.context.store.repositories);
    if (!canGrantVictimAccess(actor, victim.organisation_id)) throw new ForbiddenError('Only a supervisor of the organisation that made the record grants access to it');
    return victim;
  }

  async grants(actor: Actor, potentialVictimId: string): Promise<AccessGrantView[]> {
    await this.forGranter(actor, potentialVictimId);
    const repositories = this.context.store.repositories;
    const rows = await repositories.victimCare.liveAccessGrants({ potentialVictimId }, this.records.now());
    const views: AccessGrantView[] = [];
    for (const g of rows) {
      views.push({
        id: g.id, grantedTo: g.granted_to, grantedToName: (await repositories.users.findById(g.granted_to))?.display_name ?? 'An analyst', grantedBy: g.granted_by,
        purpose: this.context.fieldCipher.open(g.purpose_sealed), grantedAt: g.granted_at, expiresAt: g.expires_at,
      });
    }
    return views;
  }

  async grant(actor: Actor, potentialVictimId: string, input: AccessGrantInput): Promise<AccessGrantView> {
    const errors: FieldError[] = [];
    const days = Number(input.days.trim());
    if (input.days.trim() === '' || !Number.isInteger(days) || days < 1 || days > MAX_GRANT_DAYS) errors.push({ field: 'days', message: `Enter how many days the access lasts, from 1 to ${MAX_GRANT_DAYS}` });
    if (input.purpose.trim() === '') errors.push({ field: 'purpose', message: 'Enter the purpose the analyst needs the person’s identity for' });
    if (input.purpose.length > 2000) errors.push({ field: 'purpose', message: 'Keep the purpose to 2000 characters or fewer' });
    const analyst = input.analystId === '' ? undefined : (await this.analysts(actor, potentialVictimId)).find((a) => a.id === input.analystId);
    if (analyst === undefined) errors.push({ field: 'analystId', message: 'Select an analyst of the national centre' });
    if (errors.length > 0 || analyst === undefined) throw new ValidationError(errors);
    const now = this.records.now();
    const expiresAt = `${addDays(this.records.today(), days)}T23:59:59.999Z`;
    return this.context.store.transaction(async (repositories) => {
      const { victim } = await this.records.loadFull(actor, potentialVictimId, repositories);
      if (!canGrantVictimAccess(actor, victim.organisation_id)) throw new ForbiddenError('Only a supervisor of the organisation that made the record grants access to it');
      const live = await repositories.victimCare.liveAccessGrants({ potentialVictimId, grantedTo: analyst.id }, now);
      if (live.length > 0) throw new ConflictError('This analyst already has access to the record: revoke it first to change it');
      const row: VictimAccessGrantRow = {
        id: newId(), potential_victim_id: victim.id, granted_to: analyst.id, granted_by: actor.userId, organisation_id: victim.organisation_id,
        purpose_sealed: this.context.fieldCipher.seal(input.purpose), granted_at: now, expires_at: expiresAt, revoked_at: null,
      };
      await repositories.victimCare.insertAccessGrant(row);
      await recordAudit(repositories, actor, now, {
        action: 'victim-access.grant', subjectType: 'potential-victim', subjectId: victim.id, subjectOrganisationId: victim.organisation_id,
        details: { grantId: row.id, grantedTo: analyst.id, expiresAt },
      });
      return { id: row.id, grantedTo: analyst.id, grantedToName: analyst.displayName, grantedBy: actor.userId, purpose: input.purpose, grantedAt: now, expiresAt };
    });
  }

  async revoke(actor: Actor, grantId: string): Promise<{ potentialVictimId: string }> {
    const now = this.records.now();
    return this.context.store.transaction(async (repositories) => {
      const grant = await repositories.victimCare.findAccessGrant(grantId);
      if (grant === undefined || !canGrantVictimAccess(actor, grant.organisation_id)) throw new NotFoundError('Access grant');
      if (!(await repositories.victimCare.revokeAccessGrant(grantId, now))) throw new ConflictError('This access has already been revoked');
      await recordAudit(repositories, actor, now, {
        action: 'victim-access.revoke', subjectType: 'potential-victim', subjectId: grant.potential_victim_id, subjectOrganisationId: grant.organisation_id,
        details: { grantId, grantedTo: grant.granted_to },
      });
      return { potentialVictimId: grant.potential_victim_id };
    });
  }
}
