// The competent authority's decisions. A negative decision always carries its reason, because
// the person's support provider needs it to ask for a reconsideration.
import type { IsoDate } from '../calendar/isoDate.ts';

export const decisionOutcomes = [
  { id: 'positive', label: 'Positive' },
  { id: 'negative', label: 'Negative' },
] as const;

export type DecisionOutcome = (typeof decisionOutcomes)[number]['id'];

export type Decision =
  | { readonly outcome: 'positive'; readonly decidedOn: IsoDate }
  | { readonly outcome: 'negative'; readonly decidedOn: IsoDate; readonly reason: string };

export type PositiveDecision = Extract<Decision, { outcome: 'positive' }>;
export type NegativeDecision = Extract<Decision, { outcome: 'negative' }>;

export const decisionStages = [
  { id: 'reasonable-grounds', label: 'Reasonable-grounds decision' },
  { id: 'conclusive-grounds', label: 'Conclusive-grounds decision' },
] as const;

export type DecisionStage = (typeof decisionStages)[number]['id'];

/** Who may ask for a decision to be reconsidered. */
export const reconsiderationRequesters = [
  { id: 'first-responder', label: 'First responder' },
  { id: 'support-provider', label: 'Support provider' },
] as const;

export type ReconsiderationRequester = (typeof reconsiderationRequesters)[number]['id'];

export function describeDecision(stage: DecisionStage, decision: Decision): string {
  switch (decision.outcome) {
    case 'positive':
      return `Positive ${stage} decision on ${decision.decidedOn}`;
    case 'negative':
      return `Negative ${stage} decision on ${decision.decidedOn}: ${decision.reason}`;
  }
}
