// The information line's vocabularies (issue 5): who calls, and how a call ends. Ids are stored;
// relabel freely, never rename. The rule about which outcomes a call may have is here too,
// because it is the domain's promise: any child, or anyone in immediate danger, is escalated.
import { vocabulary } from './vocabulary.ts';

export const callerTypeTerms = [
  { id: 'immigration-officer', label: 'Immigration officer' },
  { id: 'social-worker', label: 'Social worker' },
  { id: 'police', label: 'Police' },
  { id: 'health', label: 'Health worker' },
  { id: 'other', label: 'Other' },
] as const;
export type CallerType = (typeof callerTypeTerms)[number]['id'];
export const callerTypes = vocabulary('caller types', callerTypeTerms);

export const callOutcomeTerms = [
  { id: 'advice-only', label: 'Advice only' },
  { id: 'referral', label: 'Referral: a potential-victim record (or an anonymous notification)' },
  { id: 'charity-referral', label: 'Referral to a support charity, with the person’s consent' },
  { id: 'force-alert', label: 'Alert to the local police force' },
] as const;
export type CallOutcome = (typeof callOutcomeTerms)[number]['id'];
export const callOutcomes = vocabulary('call outcomes', callOutcomeTerms);

/**
 * Why an outcome cannot close this call, or null when it can. A possible child is never advice
 * only; immediate danger always goes to a police force, whatever else the adviser does: as the
 * outcome itself, or as an alert sent with a referral (`alertsForce`).
 */
export function outcomeRefusal(outcome: CallOutcome, situation: { possibleChild: boolean; immediateDanger: boolean; alertsForce?: boolean }): string | null {
  const alerted = outcome === 'force-alert' || (situation.alertsForce === true && outcome !== 'advice-only');
  if (situation.immediateDanger && !alerted) return 'Someone may be in immediate danger: alert the local police force';
  if (situation.possibleChild && outcome === 'advice-only') return 'The person may be a child: a call about a possible child cannot end as advice only';
  return null;
}
