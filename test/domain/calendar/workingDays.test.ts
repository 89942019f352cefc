import { describe, expect, it } from 'vitest';
import { jurisdictionIds } from '../../../src/domain/calendar/jurisdiction.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../src/domain/calendar/workingDays.ts';

describe('isWorkingDay', () => {
  it('excludes weekends and the jurisdiction’s own holidays', () => {
    expect(isWorkingDay('2024-12-21', 'england-and-wales')).toBe(false); // Saturday
    expect(isWorkingDay('2024-08-26', 'england-and-wales')).toBe(false);
    expect(isWorkingDay('2024-08-26', 'scotland')).toBe(true); // Scotland's summer holiday was 5 August
    expect(isWorkingDay('2024-03-29', 'ireland')).toBe(true); // Good Friday is not a holiday in Ireland
    expect(isWorkingDay('2024-07-12', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2024-07-12', 'england-and-wales')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('Thursday 2024-12-19 + 5 in England and Wales skips the weekend, Christmas and Boxing Day', () => {
    // By hand: Fri 20 (1), Mon 23 (2), Tue 24 (3), [Wed 25, Thu 26 holidays], Fri 27 (4), Mon 30 (5).
    expect(addWorkingDays('2024-12-19', 5, 'england-and-wales')).toBe('2024-12-30');
  });

  it('Friday 2024-12-27 + 5 differs between England and Scotland because of 2 January', () => {
    // England: Mon 30, Tue 31, [Wed 1 Jan], Thu 2, Fri 3, Mon 6. Scotland loses Thu 2 as well.
    expect(addWorkingDays('2024-12-27', 5, 'england-and-wales')).toBe('2025-01-06');
    expect(addWorkingDays('2024-12-27', 5, 'scotland')).toBe('2025-01-07');
  });

  it('Easter 2024: Good Friday and Easter Monday in England, only Easter Monday in Ireland', () => {
    // Thu 28 March + 1: England skips Fri 29 and Mon 1 April; Ireland works on Good Friday.
    expect(addWorkingDays('2024-03-28', 1, 'england-and-wales')).toBe('2024-04-02');
    expect(addWorkingDays('2024-03-28', 1, 'ireland')).toBe('2024-03-29');
    expect(addWorkingDays('2024-03-28', 1, 'scotland')).toBe('2024-04-01');
  });

  it('a referral on a Saturday counts from the Monday', () => {
    expect(addWorkingDays('2024-06-08', 1, 'england-and-wales')).toBe('2024-06-10');
    expect(addWorkingDays('2024-06-08', 5, 'england-and-wales')).toBe('2024-06-14');
  });

  it('counts backwards with a negative number', () => {
    expect(addWorkingDays('2024-12-30', -5, 'england-and-wales')).toBe('2024-12-19');
  });

  it('returns the date itself for zero and refuses fractions', () => {
    expect(addWorkingDays('2024-12-25', 0, 'england-and-wales')).toBe('2024-12-25');
    expect(() => addWorkingDays('2024-12-25', 1.5, 'england-and-wales')).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2024-12-19', '2024-12-30', 'england-and-wales')).toBe(5);
    expect(workingDaysBetween('2024-12-30', '2024-12-19', 'england-and-wales')).toBe(-5);
    expect(workingDaysBetween('2024-12-19', '2024-12-19', 'england-and-wales')).toBe(0);
  });

  it('is the inverse of addWorkingDays, from working and non-working days alike', () => {
    const starts = ['2024-12-19', '2024-12-21', '2024-12-25', '2025-01-01', '2024-03-29', '2024-07-12'];
    for (const jurisdiction of jurisdictionIds) {
      for (const start of starts) {
        for (const n of [-12, -5, -1, 0, 1, 5, 12]) {
          expect(workingDaysBetween(start, addWorkingDays(start, n, jurisdiction), jurisdiction)).toBe(n);
        }
      }
    }
  });
});
