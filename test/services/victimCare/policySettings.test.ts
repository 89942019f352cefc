import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';

const BASE = { NODE_ENV: 'test', LIFELINE_DATABASE_URL: 'sqlite::memory:' };

describe('victim path settings from the environment', () => {
  it('defaults to 30 days, 5 working days, 45 days and a 7-day warning', () => {
    expect(loadConfig(BASE).victimPath).toEqual({ reflectionPeriodMinimumDays: 30, reasonableGroundsTargetWorkingDays: 5, moveOnSupportDays: 45, endingSoonDays: 7 });
  });

  it('takes a longer reflection period and another target from configuration', () => {
    const config = loadConfig({ ...BASE, LIFELINE_REFLECTION_PERIOD_DAYS: '45', LIFELINE_REASONABLE_GROUNDS_WORKING_DAYS: '3' });
    expect(config.victimPath).toMatchObject({ reflectionPeriodMinimumDays: 45, reasonableGroundsTargetWorkingDays: 3 });
  });

  it('refuses to start with a reflection period shorter than the Convention’s 30 days', () => {
    expect(() => loadConfig({ ...BASE, LIFELINE_REFLECTION_PERIOD_DAYS: '21' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, LIFELINE_REFLECTION_PERIOD_DAYS: '21' })).toThrow(/reflection period must be a whole number of at least 30/);
  });
});
