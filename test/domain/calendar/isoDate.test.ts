import { describe, expect, it } from 'vitest';
import { addDays, assertIsoDate, daysBetween, isIsoDate, weekday } from '../../../src/domain/calendar/isoDate.ts';

describe('ISO calendar dates', () => {
  it('accepts real dates and rejects impossible or badly written ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(() => assertIsoDate('yesterday')).toThrow(RangeError);
  });

  it('knows the day of the week', () => {
    // 2024-12-19 was a Thursday; 2000-01-01 a Saturday.
    expect(weekday('2024-12-19')).toBe(4);
    expect(weekday('2000-01-01')).toBe(6);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    // Across the UK clocks-forward weekend: a local-time implementation would lose an hour here.
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});
