import { describe, expect, it } from 'vitest';
import { computeBankHolidays } from '../../../src/domain/calendar/bankHolidayRules.ts';
import { bankHolidaysIn, CalendarNotCoveredError, FIRST_COVERED_YEAR, isBankHoliday, LAST_COVERED_YEAR } from '../../../src/domain/calendar/bankHolidays.ts';
import { renderDataFile } from '../../../src/domain/calendar/generateBankHolidays.ts';
import { readFileSync } from 'node:fs';
import { jurisdictionIds, type Jurisdiction } from '../../../src/domain/calendar/jurisdiction.ts';

function datesIn(year: number, jurisdiction: Jurisdiction): string[] {
  return bankHolidaysIn(year, jurisdiction).map((d) => d.date);
}

// Expected lists are the published ones (GOV.UK "UK bank holidays"; citizensinformation.ie for
// Ireland), typed in by hand, not derived from the rules under test.
describe('bank holidays, published lists', () => {
  it('England and Wales 2024', () => {
    expect(datesIn(2024, 'england-and-wales')).toEqual([
      '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
    ]);
  });

  it('Scotland 2024: 2 January, no Easter Monday, August at the start of the month, St Andrew’s substitute', () => {
    expect(datesIn(2024, 'scotland')).toEqual([
      '2024-01-01', '2024-01-02', '2024-03-29', '2024-05-06', '2024-05-27', '2024-08-05', '2024-12-02', '2024-12-25', '2024-12-26',
    ]);
  });

  it('Northern Ireland 2024: St Patrick’s substitute and the Twelfth', () => {
    expect(datesIn(2024, 'northern-ireland')).toEqual([
      '2024-01-01', '2024-03-18', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-07-12', '2024-08-26', '2024-12-25', '2024-12-26',
    ]);
  });

  it('Ireland 2024: St Brigid’s Day and the June, August and October Mondays; no Good Friday', () => {
    expect(datesIn(2024, 'ireland')).toEqual([
      '2024-01-01', '2024-02-05', '2024-03-18', '2024-04-01', '2024-05-06', '2024-06-03', '2024-08-05', '2024-10-28', '2024-12-25', '2024-12-26',
    ]);
  });

  it('England and Wales 2022: jubilee weekend, state funeral, and Christmas on a Sunday', () => {
    expect(datesIn(2022, 'england-and-wales')).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
    ]);
  });

  it('England and Wales 2020: early May holiday moved to VE day, Boxing Day substitute', () => {
    expect(datesIn(2020, 'england-and-wales')).toEqual([
      '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
    ]);
  });

  it('England and Wales 2011: royal wedding in the week after Easter, Christmas on a Sunday', () => {
    expect(datesIn(2011, 'england-and-wales')).toEqual([
      '2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27',
    ]);
  });

  it('England and Wales 2023: coronation, and New Year on a Sunday', () => {
    expect(datesIn(2023, 'england-and-wales')).toEqual([
      '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26',
    ]);
  });

  it('England and Wales 2026 as announced: Boxing Day on a Saturday moves to Monday 28 December', () => {
    expect(datesIn(2026, 'england-and-wales')).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
  });

  it('Scotland 2023: New Year on a Sunday gives Monday 2 and Tuesday 3 January', () => {
    expect(datesIn(2023, 'scotland')).toEqual([
      '2023-01-02', '2023-01-03', '2023-04-07', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-07', '2023-11-30', '2023-12-25', '2023-12-26',
    ]);
  });

  it('the one-off UK days of 2011, 2012 and 2023 are held everywhere in the UK and not in Ireland', () => {
    for (const date of ['2011-04-29', '2012-06-05', '2023-05-08']) {
      expect(isBankHoliday(date, 'england-and-wales')).toBe(true);
      expect(isBankHoliday(date, 'scotland')).toBe(true);
      expect(isBankHoliday(date, 'northern-ireland')).toBe(true);
      expect(isBankHoliday(date, 'ireland')).toBe(false);
    }
    // The spring holiday that made way for the 2012 jubilee is no longer a holiday.
    expect(isBankHoliday('2012-05-28', 'england-and-wales')).toBe(false);
  });

  it('Ireland 2022: the one-off day of remembrance on 18 March', () => {
    expect(isBankHoliday('2022-03-18', 'ireland')).toBe(true);
    expect(isBankHoliday('2022-03-18', 'northern-ireland')).toBe(false);
  });

  it('Scotland 2022: New Year and 2 January both on the weekend move to Monday and Tuesday', () => {
    expect(datesIn(2022, 'scotland').slice(0, 2)).toEqual(['2022-01-03', '2022-01-04']);
  });

  it('Northern Ireland 2025: the Twelfth on a Saturday moves to Monday 14 July', () => {
    expect(isBankHoliday('2025-07-14', 'northern-ireland')).toBe(true);
    expect(isBankHoliday('2025-07-12', 'northern-ireland')).toBe(false);
  });

  it('St Brigid’s Day: 6 February 2023 (first year), 1 February 2030 (a Friday), none before 2023', () => {
    expect(isBankHoliday('2023-02-06', 'ireland')).toBe(true);
    expect(isBankHoliday('2030-02-01', 'ireland')).toBe(true);
    expect(isBankHoliday('2030-02-04', 'ireland')).toBe(false);
    expect(datesIn(2022, 'ireland').some((d) => d.slice(5, 7) === '02')).toBe(false);
  });

  it('St Andrew’s Day became a Scottish bank holiday in 2007', () => {
    expect(isBankHoliday('2006-11-30', 'scotland')).toBe(false);
    expect(isBankHoliday('2007-11-30', 'scotland')).toBe(true);
  });
});

describe('bank holiday data', () => {
  it('matches what the generator would write, so the data cannot drift from the rules unseen', () => {
    for (const jurisdiction of jurisdictionIds) {
      const onDisk = readFileSync(new URL(`../../../src/domain/calendar/data/${jurisdiction}.ts`, import.meta.url), 'utf8');
      expect(onDisk).toBe(renderDataFile(jurisdiction));
    }
  });

  it('never puts a bank holiday on a weekend or twice on one date', () => {
    for (const jurisdiction of jurisdictionIds) {
      for (let year = FIRST_COVERED_YEAR; year <= LAST_COVERED_YEAR; year += 1) {
        const days = computeBankHolidays(jurisdiction, year);
        expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
        for (const day of days) expect([0, 6]).not.toContain(new Date(`${day.date}T00:00:00Z`).getUTCDay());
      }
    }
  });

  it('refuses dates outside the years it holds', () => {
    expect(() => isBankHoliday('2031-01-01', 'england-and-wales')).toThrow(CalendarNotCoveredError);
    expect(() => isBankHoliday('2005-12-26', 'scotland')).toThrow(CalendarNotCoveredError);
    expect(() => bankHolidaysIn(2031, 'ireland')).toThrow(CalendarNotCoveredError);
  });
});
