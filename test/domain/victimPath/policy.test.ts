import { describe, expect, it } from 'vitest';
import { defaultVictimPathPolicy, InvalidPolicyError, victimPathPolicy } from '../../../src/domain/victimPath/policy.ts';

describe('VictimPathPolicy', () => {
  it('defaults to 5 working days, 30 days, 45 days of move-on support and a 7-day warning', () => {
    expect(defaultVictimPathPolicy).toEqual({
      reasonableGroundsTargetWorkingDays: 5,
      reflectionPeriodMinimumDays: 30,
      moveOnSupportDays: 45,
      endingSoonDays: 7,
    });
  });

  it('can be set to the 45-day reflection period used in earlier years', () => {
    expect(victimPathPolicy({ reflectionPeriodMinimumDays: 45 }).reflectionPeriodMinimumDays).toBe(45);
  });

  it('refuses a reflection period below the Convention’s 30 days, and fractions', () => {
    expect(() => victimPathPolicy({ reflectionPeriodMinimumDays: 29 })).toThrow(InvalidPolicyError);
    expect(() => victimPathPolicy({ reasonableGroundsTargetWorkingDays: 2.5 })).toThrow(InvalidPolicyError);
    expect(() => victimPathPolicy({ moveOnSupportDays: 0 })).toThrow(InvalidPolicyError);
  });
});
