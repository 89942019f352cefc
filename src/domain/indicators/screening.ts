// A screening profile: what was observed, grouped as the guidance groups it, with the advice
// that fits. There is deliberately no score: the adviser decides, the profile helps them see.
import { indicatorGroups, indicatorById, type Indicator, type IndicatorGroup } from './catalogue.ts';
import { escalationGuidance, generalGuidance, groupGuidance, type EscalationReason } from './guidance.ts';

export interface ScreeningSituation {
  readonly possibleChild: boolean;
  readonly immediateDanger: boolean;
}

export interface ScreeningProfile {
  readonly groups: readonly { readonly group: IndicatorGroup; readonly label: string; readonly indicators: readonly Indicator[] }[];
  /** Ids that are not in the catalogue (e.g. from an old form): kept so nothing observed is lost. */
  readonly unknownIds: readonly string[];
  readonly escalate: boolean;
  readonly escalationReasons: readonly EscalationReason[];
  /** Advice in order: escalation first, then each observed group, then general advice. */
  readonly guidance: readonly string[];
}

/** Any possible child, or anyone in immediate danger, is escalated at once. */
export function mustEscalate(situation: ScreeningSituation): boolean {
  return situation.possibleChild || situation.immediateDanger;
}

export function screeningProfile(observedIds: Iterable<string>, situation: ScreeningSituation): ScreeningProfile {
  const observed = new Set(observedIds);
  const known: Indicator[] = [];
  const unknownIds: string[] = [];
  for (const id of observed) {
    const indicator = indicatorById(id);
    if (indicator === undefined) unknownIds.push(id);
    else known.push(indicator);
  }
  const groups = indicatorGroups
    .map((g) => ({ group: g.id, label: g.label, indicators: known.filter((i) => i.group === g.id) }))
    .filter((g) => g.indicators.length > 0);

  // A child indicator means the screener has seen signs of a child, whatever box was ticked.
  const possibleChild = situation.possibleChild || known.some((i) => i.group === 'child');
  const escalationReasons: EscalationReason[] = [];
  if (situation.immediateDanger) escalationReasons.push('immediate-danger');
  if (possibleChild) escalationReasons.push('possible-child');

  return {
    groups,
    unknownIds,
    escalate: mustEscalate({ possibleChild, immediateDanger: situation.immediateDanger }),
    escalationReasons,
    guidance: [...escalationReasons.map((r) => escalationGuidance[r]), ...groups.map((g) => groupGuidance[g.group]), ...generalGuidance],
  };
}
