import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../../src/domain/calendar/easter.ts';

describe('easterSunday', () => {
  // Western Easter Sundays from the published tables (e.g. the Church of England's table of
  // Easter dates); chosen to include the early (2008: 23 March) and late (2011: 24 April) extremes.
  const published: Record<number, string> = {
    2006: '2006-04-16',
    2008: '2008-03-23',
    2011: '2011-04-24',
    2013: '2013-03-31',
    2016: '2016-03-27',
    2019: '2019-04-21',
    2020: '2020-04-12',
    2024: '2024-03-31',
    2025: '2025-04-20',
    2027: '2027-03-28',
    2030: '2030-04-21',
  };
  for (const [year, date] of Object.entries(published)) {
    it(`is ${date} in ${year}`, () => {
      expect(easterSunday(Number(year))).toBe(date);
    });
  }

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2100; year += 1) {
      const date = easterSunday(year);
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25').toBe(true);
    }
  });

  it('refuses a year before the Gregorian calendar', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });
});
