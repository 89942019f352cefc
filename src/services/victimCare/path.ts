// The victim path is rebuilt from the timeline with the domain's transitions, so the rules live
// in one place (src/domain/victimPath); the clock columns kept on the record are derived from it.
import type { IsoDate } from '../../domain/calendar/isoDate.ts';
import { isJurisdiction, type Jurisdiction } from '../../domain/calendar/jurisdiction.ts';
import { applyEvent, referred, type VictimPath, type VictimPathEvent } from '../../domain/victimPath/path.ts';
import type { VictimPathPolicy } from '../../domain/victimPath/policy.ts';
import { reasonableGroundsDueDate } from '../../domain/victimPath/reasonableGrounds.ts';
import type { FieldCipher } from '../../security/fieldCipher.ts';
import type { VictimClockColumns } from '../../store/repositories/victimCare.ts';
import type { PotentialVictimRow, VictimTimelineRow } from '../../store/schema.ts';

export const PATH_EVENT_TYPES = ['reasonable-grounds-decided', 'conclusive-grounds-decided', 'reflection-period-extended', 'reconsideration-requested'] as const;

export function jurisdictionOf(victim: Pick<PotentialVictimRow, 'jurisdiction'>): Jurisdiction {
  return isJurisdiction(victim.jurisdiction) ? victim.jurisdiction : 'england-and-wales';
}

function toPathEvent(row: VictimTimelineRow, cipher: FieldCipher): VictimPathEvent | undefined {
  const reason = row.reason_sealed === null ? '' : cipher.open(row.reason_sealed);
  const decision = () => (row.outcome === 'negative' ? { outcome: 'negative' as const, decidedOn: row.occurred_on, reason } : { outcome: 'positive' as const, decidedOn: row.occurred_on });
  switch (row.event_type) {
    case 'reasonable-grounds-decided':
      return { type: 'reasonable-grounds-decided', decision: decision() };
    case 'conclusive-grounds-decided':
      return { type: 'conclusive-grounds-decided', decision: decision() };
    case 'reflection-period-extended':
      return { type: 'reflection-period-extended', extension: { days: row.days ?? 0, reason, grantedOn: row.occurred_on } };
    case 'reconsideration-requested':
      return { type: 'reconsideration-requested', requestedOn: row.occurred_on, requestedBy: row.requested_by === 'support-provider' ? 'support-provider' : 'first-responder', reason };
    default:
      return undefined;
  }
}

/**
 * The path as the timeline tells it. A positive reasonable-grounds event carries the minimum
 * period in force that day (`days`), so a later change of policy never shortens a running period.
 */
export function rebuildPath(referredOn: IsoDate, timeline: readonly VictimTimelineRow[], cipher: FieldCipher, policy: VictimPathPolicy): VictimPath {
  let path = referred(referredOn);
  for (const row of timeline) {
    const event = toPathEvent(row, cipher);
    if (event === undefined) continue;
    const atTheTime = row.event_type === 'reasonable-grounds-decided' && row.days !== null ? { ...policy, reflectionPeriodMinimumDays: row.days } : policy;
    const result = applyEvent(path, event, atTheTime);
    // Events are checked with the same rule before they are written, so this means a damaged timeline.
    if (!result.ok) throw new Error(`Timeline event ${row.id} cannot be applied: ${result.problem}`);
    path = result.path;
  }
  return path;
}

/**
 * `kept`: the columns as they stand. A referral still waiting for its decision keeps the target it
 * was given when it was made, whatever the policy says now.
 */
export function clockColumns(path: VictimPath | null, jurisdiction: Jurisdiction, policy: VictimPathPolicy, kept?: Pick<PotentialVictimRow, 'stage' | 'referred_on' | 'reasonable_grounds_due_on'>): VictimClockColumns {
  if (path === null) return { stage: null, referred_on: null, reasonable_grounds_due_on: null, period_last_day: null };
  const awaiting = path.stage === 'awaiting-reasonable-grounds';
  const keptTarget = kept?.stage === 'awaiting-reasonable-grounds' && kept.referred_on === path.referredOn ? kept.reasonable_grounds_due_on : null;
  const period = 'period' in path ? path.period : path.stage === 'reconsideration' && 'period' in path.previous ? path.previous.period : undefined;
  return {
    stage: path.stage,
    referred_on: path.referredOn,
    reasonable_grounds_due_on: awaiting ? keptTarget ?? reasonableGroundsDueDate(path.referredOn, jurisdiction, policy) : null,
    period_last_day: period?.lastDay ?? null,
  };
}
