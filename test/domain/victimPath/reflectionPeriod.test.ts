import { describe, expect, it } from 'vitest';
import { defaultVictimPathPolicy, victimPathPolicy } from '../../../src/domain/victimPath/policy.ts';
import {
  conclusiveGroundsEarliestDate,
  daysLeft,
  extendReflectionPeriod,
  InvalidExtensionError,
  isConclusiveGroundsDecisionAllowed,
  isProtected,
  reflectionPeriodStatus,
  startReflectionPeriod,
} from '../../../src/domain/victimPath/reflectionPeriod.ts';

describe('reflection period of 30 days', () => {
  // Positive decision on 10 January 2024; day 1 is the decision day, so day 30 is 8 February.
  const period = startReflectionPeriod('2024-01-10', defaultVictimPathPolicy);

  it('runs from the decision day to the 30th day', () => {
    expect(period.firstDay).toBe('2024-01-10');
    expect(period.lastDay).toBe('2024-02-08');
  });

  it('counts the days left including today', () => {
    expect(daysLeft(period, '2024-01-10')).toBe(30);
    expect(daysLeft(period, '2024-02-08')).toBe(1);
    expect(daysLeft(period, '2024-02-09')).toBe(0);
    expect(daysLeft(period, '2024-03-01')).toBe(0);
  });

  it('protects on the first and last days and not after', () => {
    expect(isProtected(period, '2024-01-09')).toBe(false);
    expect(isProtected(period, '2024-01-10')).toBe(true);
    expect(isProtected(period, '2024-02-08')).toBe(true);
    expect(isProtected(period, '2024-02-09')).toBe(false);
  });

  it('allows a conclusive-grounds decision only from the day after the last day', () => {
    expect(conclusiveGroundsEarliestDate(period)).toBe('2024-02-09');
    expect(isConclusiveGroundsDecisionAllowed(period, '2024-02-08')).toBe(false);
    expect(isConclusiveGroundsDecisionAllowed(period, '2024-02-09')).toBe(true);
  });

  it('warns when 7 days or fewer are left', () => {
    expect(reflectionPeriodStatus(period, '2024-01-05', defaultVictimPathPolicy)).toEqual({ kind: 'not-started', startsOn: '2024-01-10' });
    expect(reflectionPeriodStatus(period, '2024-02-01', defaultVictimPathPolicy)).toEqual({ kind: 'running', daysLeft: 8, lastDay: '2024-02-08' });
    expect(reflectionPeriodStatus(period, '2024-02-02', defaultVictimPathPolicy)).toEqual({ kind: 'ending-soon', daysLeft: 7, lastDay: '2024-02-08' });
    expect(reflectionPeriodStatus(period, '2024-02-09', defaultVictimPathPolicy)).toEqual({ kind: 'ended', lastDay: '2024-02-08' });
  });
});

describe('reflection period of 45 days', () => {
  const policy = victimPathPolicy({ reflectionPeriodMinimumDays: 45 });
  const period = startReflectionPeriod('2024-01-10', policy);

  it('ends on 23 February and keeps the minimum it began with', () => {
    expect(period.lastDay).toBe('2024-02-23');
    expect(period.minimumDays).toBe(45);
    expect(conclusiveGroundsEarliestDate(period)).toBe('2024-02-24');
  });
});

describe('extensions', () => {
  const period = startReflectionPeriod('2024-01-10', defaultVictimPathPolicy);

  it('add their days to the end, each with its reason', () => {
    const once = extendReflectionPeriod(period, { days: 14, reason: 'Hospital treatment', grantedOn: '2024-02-01' });
    const twice = extendReflectionPeriod(once, { days: 7, reason: 'Interpreter unavailable', grantedOn: '2024-02-20' });
    expect(once.lastDay).toBe('2024-02-22');
    expect(twice.lastDay).toBe('2024-02-29');
    expect(twice.extensions.map((e) => e.reason)).toEqual(['Hospital treatment', 'Interpreter unavailable']);
    expect(isProtected(twice, '2024-02-25')).toBe(true);
    expect(period.lastDay).toBe('2024-02-08');
  });

  it('are refused without a reason, with no days, or after the period has ended', () => {
    expect(() => extendReflectionPeriod(period, { days: 7, reason: '  ', grantedOn: '2024-02-01' })).toThrow(InvalidExtensionError);
    expect(() => extendReflectionPeriod(period, { days: 0, reason: 'x', grantedOn: '2024-02-01' })).toThrow(InvalidExtensionError);
    expect(() => extendReflectionPeriod(period, { days: 7, reason: 'Late', grantedOn: '2024-02-09' })).toThrow(InvalidExtensionError);
  });
});
