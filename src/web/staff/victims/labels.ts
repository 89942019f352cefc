// Words for the ids a potential-victim record keeps, and the clock in a sentence every page can show.
import { consents } from '../../../domain/vocabularies/consent.ts';
import { sexes } from '../../../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypes } from '../../../domain/vocabularies/exploitationTypes.ts';
import { methodsOfControl } from '../../../domain/vocabularies/methodsOfControl.ts';
import { nationalities } from '../../../domain/vocabularies/nationalities.ts';
import {
  ageBands, caseClosureReasons, childStatuses, consentChanges, identificationRoutes, referralKinds, referralStatuses, safeToWriteAnswers, supportKinds,
} from '../../../domain/vocabularies/victimCare.ts';
import { jurisdictions } from '../../../domain/calendar/jurisdiction.ts';
import type { Term } from '../../../domain/vocabularies/vocabulary.ts';
import type { VictimClock } from '../../../services/victimCare/potentialVictims.ts';

function labelsOf(terms: readonly Term[]): Record<string, string> {
  return Object.fromEntries(terms.map((t) => [t.id, t.label]));
}

export const VICTIM_LABELS = {
  consents: labelsOf(consents.terms), sexes: labelsOf(sexes.terms), exploitationTypes: labelsOf(exploitationTypes.terms),
  methodsOfControl: labelsOf(methodsOfControl.terms), nationalities: labelsOf(nationalities.terms), ageBands: labelsOf(ageBands.terms),
  childStatuses: labelsOf(childStatuses.terms), identificationRoutes: labelsOf(identificationRoutes.terms), referralKinds: labelsOf(referralKinds.terms),
  referralStatuses: labelsOf(referralStatuses.terms), safeToWrite: labelsOf(safeToWriteAnswers.terms), supportKinds: labelsOf(supportKinds.terms),
  jurisdictions: labelsOf(jurisdictions),
  stages: {
    'awaiting-reasonable-grounds': 'Waiting for the reasonable-grounds decision',
    'reasonable-grounds-negative': 'Negative reasonable-grounds decision',
    'recovery-period': 'Recovery and reflection period',
    'conclusive-grounds-positive': 'Positive conclusive-grounds decision',
    'conclusive-grounds-negative': 'Negative conclusive-grounds decision',
    reconsideration: 'Decision being reconsidered',
  } as Record<string, string>,
  timeline: {
    'record-created': 'Record made', 'referral-sent': 'Referral sent', 'referral-accepted': 'Referral accepted', 'referral-declined': 'Referral declined',
    'referral-withdrawn': 'Referral withdrawn', 'reasonable-grounds-decided': 'Reasonable-grounds decision', 'conclusive-grounds-decided': 'Conclusive-grounds decision',
    'reflection-period-extended': 'Reflection period extended', 'reconsideration-requested': 'Reconsideration requested',
    'support-given': 'Support given', 'consent-changed': 'Consent changed', 'case-closed': 'Case closed',
  } as Record<string, string>,
  /** What a timeline event's outcome means, for the events whose outcome is a vocabulary id. */
  outcomes: {
    'support-given': labelsOf(supportKinds.terms), 'consent-changed': labelsOf(consentChanges.terms), 'case-closed': labelsOf(caseClosureReasons.terms),
  } as Record<string, Record<string, string>>,
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The clock in words: what a list row or a detail page says about where the person stands today. */
export function clockText(clock: VictimClock): string {
  const state = clock.clock;
  if (state === null) return 'Not referred for a decision';
  switch (state.kind) {
    case 'reasonable-grounds-decision':
      switch (state.status.kind) {
        case 'due':
          return `Reasonable-grounds decision due ${state.status.dueOn} (${plural(state.status.workingDaysLeft, 'working day', 'working days')} left)`;
        case 'due-today':
          return `Reasonable-grounds decision due today (${state.status.dueOn})`;
        case 'overdue':
          return `Reasonable-grounds decision overdue since ${state.status.dueOn} (${plural(state.status.calendarDaysOverdue, 'day', 'days')})`;
      }
      break;
    case 'reflection-period':
      switch (state.status.kind) {
        case 'not-started':
          return `Reflection period starts ${state.status.startsOn}`;
        case 'running':
        case 'ending-soon':
          return `${plural(state.status.daysLeft, 'day', 'days')} left of the reflection period (last day ${state.status.lastDay})`;
        case 'ended':
          return `Reflection period ended ${state.status.lastDay}`;
      }
      break;
    case 'conclusive-grounds-decision-awaited':
      return `Reflection period over: conclusive-grounds decision may be made since ${state.possibleSince}`;
    case 'move-on-support':
      return `${plural(state.daysLeft, 'day', 'days')} of move-on support left (last day ${state.lastDay})`;
    case 'reconsideration':
      return `Reconsideration of the ${state.of} decision requested ${state.requestedOn}`;
    case 'none':
      return VICTIM_LABELS.stages[clock.stage ?? ''] ?? 'No clock running';
  }
  return 'No clock running';
}
