import { describe, expect, it } from 'vitest';
import { applyEvent, isProtectedFromRemoval, pathClock, referred, type VictimPath, type VictimPathEvent } from '../../../src/domain/victimPath/path.ts';
import { defaultVictimPathPolicy as policy } from '../../../src/domain/victimPath/policy.ts';

function apply(path: VictimPath, ...events: VictimPathEvent[]): VictimPath {
  let current = path;
  for (const event of events) {
    const result = applyEvent(current, event, policy);
    if (!result.ok) throw new Error(result.problem);
    current = result.path;
  }
  return current;
}

const positiveRg: VictimPathEvent = { type: 'reasonable-grounds-decided', decision: { outcome: 'positive', decidedOn: '2024-01-10' } };

describe('the victim path', () => {
  it('a positive reasonable-grounds decision starts the recovery period', () => {
    const path = apply(referred('2024-01-05'), positiveRg);
    expect(path.stage).toBe('recovery-period');
    if (path.stage !== 'recovery-period') return;
    expect(path.period.lastDay).toBe('2024-02-08');
  });

  it('refuses a conclusive-grounds decision before the period has ended', () => {
    const path = apply(referred('2024-01-05'), positiveRg);
    const early = applyEvent(path, { type: 'conclusive-grounds-decided', decision: { outcome: 'positive', decidedOn: '2024-02-08' } }, policy);
    expect(early.ok).toBe(false);
    const onTime = applyEvent(path, { type: 'conclusive-grounds-decided', decision: { outcome: 'positive', decidedOn: '2024-02-09' } }, policy);
    expect(onTime.ok && onTime.path.stage).toBe('conclusive-grounds-positive');
  });

  it('a positive conclusive decision starts 45 days of move-on support', () => {
    const path = apply(referred('2024-01-05'), positiveRg, { type: 'conclusive-grounds-decided', decision: { outcome: 'positive', decidedOn: '2024-03-01' } });
    expect(path.stage === 'conclusive-grounds-positive' && path.moveOnSupport).toEqual({ firstDay: '2024-03-01', lastDay: '2024-04-14' });
    expect(pathClock(path, '2024-04-14', 'england-and-wales', policy)).toEqual({ kind: 'move-on-support', daysLeft: 1, lastDay: '2024-04-14' });
    expect(pathClock(path, '2024-04-15', 'england-and-wales', policy)).toEqual({ kind: 'none' });
  });

  it('protects from removal from the positive decision until the conclusive decision, even after the period', () => {
    const inPeriod = apply(referred('2024-01-05'), positiveRg);
    expect(isProtectedFromRemoval(referred('2024-01-05'), '2024-01-06')).toBe(false);
    expect(isProtectedFromRemoval(inPeriod, '2024-01-10')).toBe(true);
    // The period ended on 8 February but no conclusive decision has been made.
    expect(isProtectedFromRemoval(inPeriod, '2024-03-20')).toBe(true);
    const decided = apply(inPeriod, { type: 'conclusive-grounds-decided', decision: { outcome: 'negative', decidedOn: '2024-03-20', reason: 'Not met' } });
    expect(isProtectedFromRemoval(decided, '2024-03-21')).toBe(false);
  });

  it('a negative decision needs a reason and can be reconsidered on request', () => {
    const missingReason = applyEvent(referred('2024-01-05'), { type: 'reasonable-grounds-decided', decision: { outcome: 'negative', decidedOn: '2024-01-10', reason: '' } }, policy);
    expect(missingReason.ok).toBe(false);
    const negative = apply(referred('2024-01-05'), { type: 'reasonable-grounds-decided', decision: { outcome: 'negative', decidedOn: '2024-01-10', reason: 'Insufficient information' } });
    const reconsidering = apply(negative, { type: 'reconsideration-requested', requestedOn: '2024-01-15', requestedBy: 'support-provider', reason: 'New account from the person' });
    expect(pathClock(reconsidering, '2024-01-16', 'england-and-wales', policy)).toEqual({ kind: 'reconsideration', of: 'reasonable-grounds', requestedOn: '2024-01-15' });
    const positive = apply(reconsidering, { type: 'reasonable-grounds-decided', decision: { outcome: 'positive', decidedOn: '2024-01-20' } });
    expect(positive.stage === 'recovery-period' && positive.period.firstDay).toBe('2024-01-20');
  });

  it('refuses events that do not belong to the stage', () => {
    expect(applyEvent(referred('2024-01-05'), { type: 'reconsideration-requested', requestedOn: '2024-01-06', requestedBy: 'first-responder', reason: 'x' }, policy).ok).toBe(false);
    expect(applyEvent(referred('2024-01-05'), { type: 'reflection-period-extended', extension: { days: 5, reason: 'x', grantedOn: '2024-01-06' } }, policy).ok).toBe(false);
    expect(applyEvent(referred('2024-01-05'), { type: 'reasonable-grounds-decided', decision: { outcome: 'positive', decidedOn: '2024-01-04' } }, policy).ok).toBe(false);
  });

  it('shows the reasonable-grounds clock, then the period, then the wait for the conclusive decision', () => {
    expect(pathClock(referred('2024-12-19'), '2025-01-02', 'england-and-wales', policy)).toMatchObject({ kind: 'reasonable-grounds-decision', status: { kind: 'overdue' } });
    const inPeriod = apply(referred('2024-01-05'), positiveRg);
    expect(pathClock(inPeriod, '2024-02-05', 'england-and-wales', policy)).toEqual({ kind: 'reflection-period', status: { kind: 'ending-soon', daysLeft: 4, lastDay: '2024-02-08' } });
    expect(pathClock(inPeriod, '2024-02-10', 'england-and-wales', policy)).toEqual({ kind: 'conclusive-grounds-decision-awaited', possibleSince: '2024-02-09' });
  });
});
