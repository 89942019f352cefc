// The stages of a potential victim's path through identification, as a discriminated union,
// and the only ways to move between them. Each stage keeps the decisions that led to it, so a
// record can always show how the person got where they are.
import { compareDates, type IsoDate } from '../calendar/isoDate.ts';
import type { Jurisdiction } from '../calendar/jurisdiction.ts';
import { deadlineStatus, type DeadlineStatus } from './deadline.ts';
import type { Decision, DecisionStage, NegativeDecision, PositiveDecision, ReconsiderationRequester } from './decisions.ts';
import { moveOnSupportPeriod } from './moveOnSupport.ts';
import { daysLeft, isWithin, type Period } from './period.ts';
import type { VictimPathPolicy } from './policy.ts';
import { reasonableGroundsDueDate } from './reasonableGrounds.ts';
import {
  conclusiveGroundsEarliestDate,
  extendReflectionPeriod,
  extensionProblems,
  reflectionPeriodStatus,
  startReflectionPeriod,
  type ReflectionPeriod,
  type ReflectionPeriodExtension,
  type ReflectionPeriodStatus,
} from './reflectionPeriod.ts';

export type VictimPath =
  | { readonly stage: 'awaiting-reasonable-grounds'; readonly referredOn: IsoDate }
  | { readonly stage: 'reasonable-grounds-negative'; readonly referredOn: IsoDate; readonly reasonableGrounds: NegativeDecision }
  | {
      /** From the positive reasonable-grounds decision until the conclusive-grounds decision. */
      readonly stage: 'recovery-period';
      readonly referredOn: IsoDate;
      readonly reasonableGrounds: PositiveDecision;
      readonly period: ReflectionPeriod;
    }
  | {
      readonly stage: 'conclusive-grounds-positive';
      readonly referredOn: IsoDate;
      readonly reasonableGrounds: PositiveDecision;
      readonly period: ReflectionPeriod;
      readonly conclusiveGrounds: PositiveDecision;
      readonly moveOnSupport: Period;
    }
  | {
      readonly stage: 'conclusive-grounds-negative';
      readonly referredOn: IsoDate;
      readonly reasonableGrounds: PositiveDecision;
      readonly period: ReflectionPeriod;
      readonly conclusiveGrounds: NegativeDecision;
    }
  | {
      /** A negative decision is being looked at again; `previous` is the path as it stood. */
      readonly stage: 'reconsideration';
      readonly referredOn: IsoDate;
      readonly previous: Extract<VictimPath, { stage: 'reasonable-grounds-negative' | 'conclusive-grounds-negative' }>;
      readonly requestedOn: IsoDate;
      readonly requestedBy: ReconsiderationRequester;
      readonly reason: string;
    };

export type VictimPathStage = VictimPath['stage'];

export type VictimPathEvent =
  | { readonly type: 'reasonable-grounds-decided'; readonly decision: Decision }
  | { readonly type: 'reflection-period-extended'; readonly extension: ReflectionPeriodExtension }
  | { readonly type: 'conclusive-grounds-decided'; readonly decision: Decision }
  | {
      readonly type: 'reconsideration-requested';
      readonly requestedOn: IsoDate;
      readonly requestedBy: ReconsiderationRequester;
      readonly reason: string;
    };

export type TransitionResult = { readonly ok: true; readonly path: VictimPath } | { readonly ok: false; readonly problem: string };

export function referred(referredOn: IsoDate): VictimPath {
  return { stage: 'awaiting-reasonable-grounds', referredOn };
}

function refuse(problem: string): TransitionResult {
  return { ok: false, problem };
}

function accept(path: VictimPath): TransitionResult {
  return { ok: true, path };
}

function decisionProblem(decision: Decision, notBefore: IsoDate, what: string): string | undefined {
  if (compareDates(decision.decidedOn, notBefore) < 0) return `${what} cannot be dated before ${notBefore}`;
  if (decision.outcome === 'negative' && decision.reason.trim() === '') return `a negative ${what} needs a reason`;
  return undefined;
}

function decideReasonableGrounds(referredOn: IsoDate, decision: Decision, notBefore: IsoDate, policy: VictimPathPolicy): TransitionResult {
  const problem = decisionProblem(decision, notBefore, 'the reasonable-grounds decision');
  if (problem !== undefined) return refuse(problem);
  switch (decision.outcome) {
    case 'positive':
      return accept({ stage: 'recovery-period', referredOn, reasonableGrounds: decision, period: startReflectionPeriod(decision.decidedOn, policy) });
    case 'negative':
      return accept({ stage: 'reasonable-grounds-negative', referredOn, reasonableGrounds: decision });
  }
}

function decideConclusiveGrounds(
  from: { readonly referredOn: IsoDate; readonly reasonableGrounds: PositiveDecision; readonly period: ReflectionPeriod },
  decision: Decision,
  notBefore: IsoDate,
  policy: VictimPathPolicy,
): TransitionResult {
  const earliest = conclusiveGroundsEarliestDate(from.period);
  const problem = decisionProblem(decision, compareDates(notBefore, earliest) > 0 ? notBefore : earliest, 'the conclusive-grounds decision');
  if (problem !== undefined) return refuse(problem);
  const base = { referredOn: from.referredOn, reasonableGrounds: from.reasonableGrounds, period: from.period };
  switch (decision.outcome) {
    case 'positive':
      return accept({ stage: 'conclusive-grounds-positive', ...base, conclusiveGrounds: decision, moveOnSupport: moveOnSupportPeriod(decision.decidedOn, policy) });
    case 'negative':
      return accept({ stage: 'conclusive-grounds-negative', ...base, conclusiveGrounds: decision });
  }
}

/** The path after `event`, or the reason the event cannot happen at this stage. */
export function applyEvent(path: VictimPath, event: VictimPathEvent, policy: VictimPathPolicy): TransitionResult {
  switch (event.type) {
    case 'reasonable-grounds-decided':
      if (path.stage === 'awaiting-reasonable-grounds') return decideReasonableGrounds(path.referredOn, event.decision, path.referredOn, policy);
      if (path.stage === 'reconsideration' && path.previous.stage === 'reasonable-grounds-negative') {
        return decideReasonableGrounds(path.referredOn, event.decision, path.requestedOn, policy);
      }
      return refuse(`a reasonable-grounds decision cannot be recorded at stage ${path.stage}`);
    case 'reflection-period-extended': {
      if (path.stage !== 'recovery-period') return refuse(`the reflection period cannot be extended at stage ${path.stage}`);
      const problems = extensionProblems(path.period, event.extension);
      if (problems.length > 0) return refuse(problems.join('; '));
      return accept({ ...path, period: extendReflectionPeriod(path.period, event.extension) });
    }
    case 'conclusive-grounds-decided':
      if (path.stage === 'recovery-period') return decideConclusiveGrounds(path, event.decision, path.reasonableGrounds.decidedOn, policy);
      if (path.stage === 'reconsideration' && path.previous.stage === 'conclusive-grounds-negative') {
        return decideConclusiveGrounds(path.previous, event.decision, path.requestedOn, policy);
      }
      return refuse(`a conclusive-grounds decision cannot be recorded at stage ${path.stage}`);
    case 'reconsideration-requested': {
      if (path.stage !== 'reasonable-grounds-negative' && path.stage !== 'conclusive-grounds-negative') {
        return refuse(`only a negative decision can be reconsidered, not stage ${path.stage}`);
      }
      if (event.reason.trim() === '') return refuse('a reconsideration request needs a reason');
      const decided = path.stage === 'reasonable-grounds-negative' ? path.reasonableGrounds : path.conclusiveGrounds;
      if (compareDates(event.requestedOn, decided.decidedOn) < 0) return refuse('a reconsideration cannot be requested before the decision');
      return accept({
        stage: 'reconsideration',
        referredOn: path.referredOn,
        previous: path,
        requestedOn: event.requestedOn,
        requestedBy: event.requestedBy,
        reason: event.reason,
      });
    }
  }
}

/** Which decision a reconsideration is about. */
export function reconsideredStage(path: Extract<VictimPath, { stage: 'reconsideration' }>): DecisionStage {
  switch (path.previous.stage) {
    case 'reasonable-grounds-negative':
      return 'reasonable-grounds';
    case 'conclusive-grounds-negative':
      return 'conclusive-grounds';
  }
}

/**
 * Whether the person must not be removed today. Protection runs from the positive
 * reasonable-grounds decision until the conclusive-grounds decision — through the reflection
 * period and on while the conclusive decision is still awaited after it.
 * Open question for the product owner: whether a pending reconsideration of a negative
 * conclusive decision also protects; today it does not.
 */
export function isProtectedFromRemoval(path: VictimPath, today: IsoDate): boolean {
  switch (path.stage) {
    case 'recovery-period':
      return compareDates(today, path.period.firstDay) >= 0;
    case 'awaiting-reasonable-grounds':
    case 'reasonable-grounds-negative':
    case 'conclusive-grounds-positive':
    case 'conclusive-grounds-negative':
    case 'reconsideration':
      return false;
  }
}

/** The clock that matters for the path today: what the case lists and reminders show. */
export type PathClock =
  | { readonly kind: 'reasonable-grounds-decision'; readonly status: DeadlineStatus }
  | { readonly kind: 'reflection-period'; readonly status: ReflectionPeriodStatus }
  | { readonly kind: 'conclusive-grounds-decision-awaited'; readonly possibleSince: IsoDate }
  | { readonly kind: 'move-on-support'; readonly daysLeft: number; readonly lastDay: IsoDate }
  | { readonly kind: 'reconsideration'; readonly of: DecisionStage; readonly requestedOn: IsoDate }
  | { readonly kind: 'none' };

/**
 * `reasonableGroundsDueOn`: the target the referral was given when it was made. It stands when the
 * policy changes later (as the period's minimum does); the policy's target is used only without one.
 */
export function pathClock(path: VictimPath, today: IsoDate, jurisdiction: Jurisdiction, policy: VictimPathPolicy, reasonableGroundsDueOn?: IsoDate | null): PathClock {
  switch (path.stage) {
    case 'awaiting-reasonable-grounds':
      return { kind: 'reasonable-grounds-decision', status: deadlineStatus(reasonableGroundsDueOn ?? reasonableGroundsDueDate(path.referredOn, jurisdiction, policy), today, jurisdiction) };
    case 'recovery-period': {
      const status = reflectionPeriodStatus(path.period, today, policy);
      if (status.kind === 'ended') return { kind: 'conclusive-grounds-decision-awaited', possibleSince: conclusiveGroundsEarliestDate(path.period) };
      return { kind: 'reflection-period', status };
    }
    case 'conclusive-grounds-positive':
      if (isWithin(path.moveOnSupport, today) || compareDates(today, path.moveOnSupport.firstDay) < 0) {
        return { kind: 'move-on-support', daysLeft: daysLeft(path.moveOnSupport, today), lastDay: path.moveOnSupport.lastDay };
      }
      return { kind: 'none' };
    case 'reconsideration':
      return { kind: 'reconsideration', of: reconsideredStage(path), requestedOn: path.requestedOn };
    case 'reasonable-grounds-negative':
    case 'conclusive-grounds-negative':
      return { kind: 'none' };
  }
}
