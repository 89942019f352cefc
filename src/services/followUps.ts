// Follow-ups: a supervisor gives an officer of the same force a piece of work about one record (go
// back to a premises, trace a person found, chase an arrest's file), due by a date. The officer
// sees it under "My follow-ups" and marks it done with an outcome; the supervisor sees the force's
// open and overdue ones. Another force's follow-up, or one on a record the actor may not record
// for, answers exactly like a missing one. The note and outcome are free text and stay out of the
// audit trail, which names the record, the follow-up, the assignee and the due date.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../access/errors.ts';
import { canAssignFollowUps, canCompleteFollowUp, canSeeFollowUps } from '../access/policies/followUps.ts';
import { fullDate, isBlankDate, localDate, type DateParts } from '../domain/recording/enteredValues.ts';
import { newId } from '../store/ids.ts';
import type { FollowUpListRow } from '../store/repositories/followUps.ts';
import type { FollowUpRow } from '../store/schema.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

export const FOLLOW_UP_SUBJECTS = ['premises', 'visit', 'person-found', 'arrest'] as const;
export type FollowUpSubject = (typeof FOLLOW_UP_SUBJECTS)[number];

export function isFollowUpSubject(value: string): value is FollowUpSubject {
  return (FOLLOW_UP_SUBJECTS as readonly string[]).includes(value);
}

export interface FollowUpInput {
  subjectType: string;
  subjectId: string;
  assigneeId: string;
  dueOn: DateParts;
  note: string;
}

export interface FollowUpView extends FollowUpListRow {
  overdue: boolean;
  canComplete: boolean;
}

export interface Assignee {
  id: string;
  displayName: string;
}

const MAX_NOTE = 2000;
const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FollowUpService {
  constructor(private readonly context: ServiceContext) {}

  private today(): string {
    return localDate(this.context.clock());
  }

  /** The force that owns a record, if the actor may see that force's follow-ups; otherwise not found. */
  async subjectForce(actor: Actor, subjectType: string, subjectId: string, repositories = this.context.store.repositories): Promise<string> {
    const forceId = isFollowUpSubject(subjectType) ? await ownerOf(repositories, subjectType, subjectId) : undefined;
    if (forceId === undefined || !canSeeFollowUps(actor, forceId)) throw new NotFoundError('Record');
    return forceId;
  }

  /** The officers and supervisors of a force, who may be given its follow-ups. */
  async assignees(actor: Actor, forceId: string): Promise<Assignee[]> {
    if (!canAssignFollowUps(actor, forceId)) throw new ForbiddenError('Only a supervisor of the force assigns follow-ups');
    const users = await this.context.store.repositories.users.listByOrganisation(forceId);
    return users.filter((u) => u.disabled_at === null && (u.roles.includes('officer') || u.roles.includes('supervisor'))).map((u) => ({ id: u.id, displayName: u.display_name }));
  }

  async assign(actor: Actor, input: FollowUpInput, submissionId?: string): Promise<FollowUpRow> {
    const key = submissionId === undefined || submissionId === '' ? undefined : submissionId;
    if (key !== undefined && !SUBMISSION_ID.test(key)) throw staleForm();
    const previous = async (): Promise<FollowUpRow | undefined> => {
      if (key === undefined) return undefined;
      const id = await this.context.store.repositories.formSubmissions.recordIdFor(key, 'follow-up');
      return id === undefined ? undefined : this.find(actor, id);
    };
    const first = await previous();
    if (first !== undefined) return first;
    const now = isoNow(this.context.clock);
    try {
      return await this.context.store.transaction(async (repositories) => {
        const forceId = await this.subjectForce(actor, input.subjectType, input.subjectId, repositories);
        if (!canAssignFollowUps(actor, forceId)) throw new ForbiddenError('Only a supervisor of the force assigns follow-ups');
        const valid = await this.validate(repositories, forceId, input);
        const row: FollowUpRow = {
          id: newId(), organisation_id: forceId, subject_type: input.subjectType, subject_id: input.subjectId, assigned_to: valid.assigneeId,
          assigned_by: actor.kind === 'user' ? actor.userId : null, due_on: valid.dueOn, note: valid.note, status: 'open', outcome: null,
          completed_by: null, completed_at: null, created_at: now, updated_at: now,
        };
        await repositories.followUps.insert(row);
        await recordAudit(repositories, actor, now, {
          action: 'follow-up.assign', subjectType: row.subject_type, subjectId: row.subject_id, subjectOrganisationId: forceId,
          details: { followUpId: row.id, assigneeId: row.assigned_to, dueOn: row.due_on },
        });
        if (key !== undefined) await repositories.formSubmissions.remember(key, 'follow-up', row.id, now);
        return row;
      });
    } catch (error) {
      const winner = await previous().catch(() => undefined);
      if (winner !== undefined) return winner;
      if (key !== undefined && (await this.context.store.repositories.formSubmissions.recordTypeOf(key)) !== undefined) throw staleForm();
      throw error;
    }
  }

  private async validate(repositories: Repositories, forceId: string, input: FollowUpInput): Promise<{ assigneeId: string; dueOn: string; note: string }> {
    const problems: Array<{ field: string; message: string }> = [];
    const assignee = input.assigneeId === '' ? undefined : await repositories.users.findById(input.assigneeId);
    const assignable = assignee !== undefined && assignee.organisation_id === forceId && assignee.disabled_at === null
      && (assignee.roles.includes('officer') || assignee.roles.includes('supervisor'));
    if (!assignable) problems.push({ field: 'assigneeId', message: 'Select an officer of your force' });
    const dueOn = fullDate(input.dueOn);
    if (isBlankDate(input.dueOn)) problems.push({ field: 'dueOn', message: 'Enter the date the follow-up is due' });
    else if (dueOn === null) problems.push({ field: 'dueOn', message: 'The due date must be a real date, like 27 3 2027' });
    else if (dueOn < this.today()) problems.push({ field: 'dueOn', message: 'The due date must be today or in the future' });
    const note = input.note.trim();
    if (note === '') problems.push({ field: 'note', message: 'Enter what needs to be done' });
    else if (note.length > MAX_NOTE) problems.push({ field: 'note', message: `What needs to be done must be ${MAX_NOTE} characters or fewer` });
    if (problems.length > 0) throw new ValidationError(problems);
    return { assigneeId: input.assigneeId, dueOn: dueOn ?? '', note };
  }

  /**
   * Marks a follow-up done. A second post (or someone else finishing it first) changes nothing:
   * the follow-up comes back as it is, with the first outcome.
   */
  async complete(actor: Actor, followUpId: string, input: { outcome: string }): Promise<FollowUpRow> {
    const now = isoNow(this.context.clock);
    return this.context.store.transaction(async (repositories) => {
      const followUp = await this.find(actor, followUpId, repositories);
      if (!canCompleteFollowUp(actor, followUp)) throw new ForbiddenError('Only the officer it was given to, or a supervisor of the force, marks a follow-up done');
      if (followUp.status === 'done') return followUp;
      const outcome = input.outcome.trim();
      if (outcome === '') throw new ValidationError([{ field: 'outcome', message: 'Enter what was done' }]);
      if (outcome.length > MAX_NOTE) throw new ValidationError([{ field: 'outcome', message: `What was done must be ${MAX_NOTE} characters or fewer` }]);
      const change = { outcome, completed_by: actor.kind === 'user' ? actor.userId : null, completed_at: now, updated_at: now };
      if (!(await repositories.followUps.completeIfOpen(followUp.id, change))) return this.find(actor, followUpId, repositories);
      await recordAudit(repositories, actor, now, {
        action: 'follow-up.complete', subjectType: followUp.subject_type, subjectId: followUp.subject_id, subjectOrganisationId: followUp.organisation_id,
        details: { followUpId: followUp.id, assigneeId: followUp.assigned_to },
      });
      return { ...followUp, ...change, status: 'done' };
    });
  }

  private async find(actor: Actor, followUpId: string, repositories = this.context.store.repositories): Promise<FollowUpRow> {
    const followUp = await repositories.followUps.findById(followUpId);
    if (followUp === undefined || !canSeeFollowUps(actor, followUp.organisation_id)) throw new NotFoundError('Follow-up');
    return followUp;
  }

  async get(actor: Actor, followUpId: string): Promise<FollowUpView> {
    const followUp = await this.find(actor, followUpId);
    const listed = (await this.context.store.repositories.followUps.list({ organisationId: followUp.organisation_id, subjectId: followUp.subject_id })).find((f) => f.id === followUp.id);
    if (listed === undefined) throw new NotFoundError('Follow-up');
    return this.view(actor, listed);
  }

  /** The actor's own follow-ups: the open ones by due date, then those done most recently. */
  async mine(actor: Actor): Promise<{ open: FollowUpView[]; done: FollowUpView[] }> {
    if (actor.kind !== 'user' || !canSeeFollowUps(actor, actor.organisationId)) return { open: [], done: [] };
    const repositories = this.context.store.repositories;
    const open = await repositories.followUps.list({ assignedTo: actor.userId, organisationId: actor.organisationId, status: 'open' });
    const done = await repositories.followUps.list({ assignedTo: actor.userId, organisationId: actor.organisationId, status: 'done' });
    return { open: open.map((f) => this.view(actor, f)), done: done.sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? '')).slice(0, 20).map((f) => this.view(actor, f)) };
  }

  /** A supervisor's view of the force: every open follow-up, and which of them are overdue. */
  async forForce(actor: Actor): Promise<{ open: FollowUpView[]; overdue: FollowUpView[] }> {
    if (actor.kind !== 'user' || !canAssignFollowUps(actor, actor.organisationId)) throw new ForbiddenError('Only a supervisor of a police force sees its follow-ups');
    const open = (await this.context.store.repositories.followUps.list({ organisationId: actor.organisationId, status: 'open' }, 500)).map((f) => this.view(actor, f));
    return { open, overdue: open.filter((f) => f.overdue) };
  }

  /** The follow-ups on one record, for its page: none for anyone outside the force. */
  async forRecord(actor: Actor, forceId: string, subjectId: string): Promise<FollowUpView[]> {
    if (!canSeeFollowUps(actor, forceId)) return [];
    return (await this.context.store.repositories.followUps.list({ organisationId: forceId, subjectId })).map((f) => this.view(actor, f));
  }

  private view(actor: Actor, row: FollowUpListRow): FollowUpView {
    return { ...row, overdue: row.status === 'open' && row.due_on < this.today(), canComplete: row.status === 'open' && canCompleteFollowUp(actor, row) };
  }
}

async function ownerOf(repositories: Repositories, subjectType: (typeof FOLLOW_UP_SUBJECTS)[number], id: string): Promise<string | undefined> {
  switch (subjectType) {
    case 'premises':
      return (await repositories.premises.findById(id))?.organisation_id;
    case 'visit':
      return (await repositories.visits.findById(id))?.organisation_id;
    case 'person-found':
      return (await repositories.peopleFound.findById(id))?.organisation_id;
    case 'arrest':
      return (await repositories.arrests.findById(id))?.organisation_id;
  }
}

function staleForm(): ValidationError {
  return new ValidationError([{ field: 'submissionId', message: 'This form is out of date: reload the page and try again' }]);
}
