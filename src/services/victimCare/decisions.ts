// The competent authority's decisions and the reflection period. Each step is checked by the
// domain's transition (src/domain/victimPath/path.ts) before it is written to the timeline, so
// a conclusive-grounds decision before the period ends, or a negative decision without reasons,
// is refused here exactly as the rules say.
import type { Actor } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../access/errors.ts';
import { canDecide, canRequestReconsiderationAs } from '../../access/policies/victimCare.ts';
import type { DateParts } from '../../domain/recording/enteredValues.ts';
import { decisionOutcomes, type Decision } from '../../domain/victimPath/decisions.ts';
import { applyEvent, type VictimPath, type VictimPathEvent } from '../../domain/victimPath/path.ts';
import type { Repositories } from '../../store/store.ts';
import { recordAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { competentAuthorityReferral, VictimRecords, type LoadedVictim, type TimelineEventInput } from './records.ts';
import { decisionDate, requiredReason } from './validation.ts';

export interface DecisionInput {
  outcome: string;
  decidedOn: DateParts;
  /** Required for a negative decision; kept with a positive one when given. */
  reason: string;
}

export interface ExtensionInput {
  days: string;
  reason: string;
}

export interface ReconsiderationInput {
  reason: string;
}

export class VictimDecisionService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext) {
    this.records = new VictimRecords(context);
  }

  recordReasonableGrounds(actor: Actor, potentialVictimId: string, input: DecisionInput): Promise<VictimPath> {
    return this.decide(actor, potentialVictimId, 'reasonable-grounds-decided', input);
  }

  recordConclusiveGrounds(actor: Actor, potentialVictimId: string, input: DecisionInput): Promise<VictimPath> {
    return this.decide(actor, potentialVictimId, 'conclusive-grounds-decided', input);
  }

  async extendReflectionPeriod(actor: Actor, potentialVictimId: string, input: ExtensionInput): Promise<VictimPath> {
    const days = Number(input.days.trim());
    const errors: FieldError[] = [];
    if (input.days.trim() === '' || !Number.isInteger(days) || days < 1 || days > 365) errors.push({ field: 'days', message: 'Enter the number of days to add, from 1 to 365' });
    if (input.reason.trim() === '') errors.push({ field: 'reason', message: 'Enter the reason for the extension' });
    if (errors.length > 0) throw new ValidationError(errors);
    return this.context.store.transaction(async (repositories) => {
      const loaded = await this.forDecisionMaker(actor, potentialVictimId, repositories);
      const today = this.records.today();
      const event: VictimPathEvent = { type: 'reflection-period-extended', extension: { days, reason: input.reason, grantedOn: today } };
      return this.apply(repositories, actor, loaded, event, { type: 'reflection-period-extended', occurredOn: today, days, reason: input.reason }, 'days');
    });
  }

  async requestReconsideration(actor: Actor, potentialVictimId: string, input: ReconsiderationInput): Promise<VictimPath> {
    const reason = requiredReason(input.reason);
    return this.context.store.transaction(async (repositories) => {
      const loaded = await this.records.loadFull(actor, potentialVictimId, repositories);
      const requestedBy = canRequestReconsiderationAs(actor, loaded.relations);
      if (requestedBy === undefined) throw new ForbiddenError('Only the first responder or the support provider asks for a reconsideration');
      const today = this.records.today();
      const event: VictimPathEvent = { type: 'reconsideration-requested', requestedOn: today, requestedBy, reason };
      return this.apply(repositories, actor, loaded, event, { type: 'reconsideration-requested', occurredOn: today, requestedBy, reason }, 'reason');
    });
  }

  private async decide(actor: Actor, potentialVictimId: string, type: 'reasonable-grounds-decided' | 'conclusive-grounds-decided', input: DecisionInput): Promise<VictimPath> {
    const outcome = decisionOutcomes.find((o) => o.id === input.outcome)?.id;
    if (outcome === undefined) throw new ValidationError([{ field: 'outcome', message: 'Select the decision' }]);
    if (input.reason.length > 5000) throw new ValidationError([{ field: 'reason', message: 'Keep the reasons to 5000 characters or fewer' }]);
    const decidedOn = decisionDate(input.decidedOn, this.records.today());
    const decision: Decision = outcome === 'positive' ? { outcome, decidedOn } : { outcome, decidedOn, reason: input.reason };
    return this.context.store.transaction(async (repositories) => {
      const loaded = await this.forDecisionMaker(actor, potentialVictimId, repositories);
      // The minimum period in force today goes with the decision that starts the period.
      const days = type === 'reasonable-grounds-decided' && outcome === 'positive' ? this.context.victimPath.reflectionPeriodMinimumDays : undefined;
      return this.apply(repositories, actor, loaded, { type, decision }, {
        type, occurredOn: decidedOn, outcome, reason: input.reason, ...(days === undefined ? {} : { days }),
      }, 'decidedOn');
    });
  }

  /** The decision maker of the competent authority that accepted the person's referral. */
  private async forDecisionMaker(actor: Actor, potentialVictimId: string, repositories: Repositories): Promise<LoadedVictim> {
    if (!canDecide(actor)) throw new ForbiddenError('Only a decision maker of the competent authority records decisions');
    const loaded = await this.records.load(actor, potentialVictimId, repositories);
    const live = competentAuthorityReferral(loaded.referrals);
    if (live === undefined || live.to_organisation_id !== actor.organisationId) throw new NotFoundError('Potential victim');
    if (live.status !== 'accepted') throw new ConflictError('Accept the referral before recording a decision');
    return loaded;
  }

  private async apply(
    repositories: Repositories, actor: Actor, loaded: LoadedVictim, event: VictimPathEvent, timelineEvent: TimelineEventInput, dateField: string,
  ): Promise<VictimPath> {
    const path = await this.records.path(repositories, loaded.victim, loaded.referrals);
    if (path === null) throw new ConflictError('The person has not been referred to the competent authority');
    const result = applyEvent(path, event, this.context.victimPath);
    if (!result.ok) {
      if (/needs a reason/.test(result.problem)) throw new ValidationError([{ field: 'reason', message: sentence(result.problem) }]);
      if (/before|dated|extension/.test(result.problem)) throw new ValidationError([{ field: dateField, message: sentence(result.problem) }]);
      throw new ConflictError(sentence(result.problem));
    }
    const now = this.records.now();
    await this.records.appendEvent(repositories, actor, loaded.victim.id, timelineEvent, now);
    const rebuilt = await this.records.refreshClock(repositories, loaded.victim.id, now);
    await recordAudit(repositories, actor, now, {
      action: `potential-victim.${timelineEvent.type}`, subjectType: 'potential-victim', subjectId: loaded.victim.id, subjectOrganisationId: loaded.victim.organisation_id,
      details: { occurredOn: timelineEvent.occurredOn, outcome: timelineEvent.outcome ?? null, days: timelineEvent.days ?? null, stage: rebuilt?.stage ?? null },
    });
    return rebuilt ?? result.path;
  }
}

function sentence(problem: string): string {
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}`;
}
