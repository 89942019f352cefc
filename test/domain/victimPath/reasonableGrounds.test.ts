import { describe, expect, it } from 'vitest';
import { defaultVictimPathPolicy as policy, victimPathPolicy } from '../../../src/domain/victimPath/policy.ts';
import { reasonableGroundsDueDate, reasonableGroundsStatus } from '../../../src/domain/victimPath/reasonableGrounds.ts';

// Every expected date below was counted by hand on a calendar, holiday by holiday.
describe('reasonableGroundsDueDate', () => {
  it('England and Wales: Thursday 19 December 2024 → Monday 30 December (weekend, Christmas, Boxing Day)', () => {
    expect(reasonableGroundsDueDate('2024-12-19', 'england-and-wales', policy)).toBe('2024-12-30');
  });

  it('Northern Ireland loses a day to the Twelfth; England does not', () => {
    expect(reasonableGroundsDueDate('2024-07-08', 'northern-ireland', policy)).toBe('2024-07-16');
    expect(reasonableGroundsDueDate('2024-07-08', 'england-and-wales', policy)).toBe('2024-07-15');
  });

  it('Ireland loses a day to the October bank holiday', () => {
    expect(reasonableGroundsDueDate('2024-10-24', 'ireland', policy)).toBe('2024-11-01');
    expect(reasonableGroundsDueDate('2024-10-24', 'england-and-wales', policy)).toBe('2024-10-31');
  });

  it('Scotland loses a day to the St Andrew’s Day substitute', () => {
    expect(reasonableGroundsDueDate('2024-11-27', 'scotland', policy)).toBe('2024-12-05');
    expect(reasonableGroundsDueDate('2024-11-27', 'england-and-wales', policy)).toBe('2024-12-04');
  });

  it('follows a changed target', () => {
    expect(reasonableGroundsDueDate('2024-12-19', 'england-and-wales', victimPathPolicy({ reasonableGroundsTargetWorkingDays: 1 }))).toBe('2024-12-20');
  });
});

describe('reasonableGroundsStatus', () => {
  it('is due with working days left, due today, then overdue', () => {
    expect(reasonableGroundsStatus('2024-12-19', '2024-12-27', 'england-and-wales', policy)).toEqual({ kind: 'due', dueOn: '2024-12-30', workingDaysLeft: 1 });
    expect(reasonableGroundsStatus('2024-12-19', '2024-12-30', 'england-and-wales', policy)).toEqual({ kind: 'due-today', dueOn: '2024-12-30' });
    // 31 December and 2 January are working days; New Year's Day is not.
    expect(reasonableGroundsStatus('2024-12-19', '2025-01-02', 'england-and-wales', policy)).toEqual({
      kind: 'overdue',
      dueOn: '2024-12-30',
      workingDaysOverdue: 2,
      calendarDaysOverdue: 3,
    });
  });

  it('is overdue on the weekend after a missed Friday deadline', () => {
    const status = reasonableGroundsStatus('2024-06-07', '2024-06-15', 'england-and-wales', policy);
    expect(status).toEqual({ kind: 'overdue', dueOn: '2024-06-14', workingDaysOverdue: 0, calendarDaysOverdue: 1 });
  });
});
