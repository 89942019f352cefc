import { describe, expect, it } from 'vitest';
import { escalationGuidance, generalGuidance, groupGuidance } from '../../../src/domain/indicators/guidance.ts';
import { mustEscalate, screeningProfile } from '../../../src/domain/indicators/screening.ts';

const calm = { possibleChild: false, immediateDanger: false };

describe('mustEscalate', () => {
  it('escalates any possible child and anyone in immediate danger, and nobody else', () => {
    expect(mustEscalate({ possibleChild: true, immediateDanger: false })).toBe(true);
    expect(mustEscalate({ possibleChild: false, immediateDanger: true })).toBe(true);
    expect(mustEscalate(calm)).toBe(false);
  });
});

describe('screeningProfile', () => {
  it('groups the observed indicators in catalogue order and gives each group’s guidance', () => {
    const profile = screeningProfile(['work-no-days-off', 'control-cannot-leave', 'work-little-or-no-pay'], calm);
    expect(profile.groups.map((g) => [g.group, g.indicators.map((i) => i.id)])).toEqual([
      ['control', ['control-cannot-leave']],
      ['work', ['work-no-days-off', 'work-little-or-no-pay']],
    ]);
    expect(profile.escalate).toBe(false);
    expect(profile.guidance).toEqual([groupGuidance.control, groupGuidance.work, ...generalGuidance]);
  });

  it('returns no score of any kind', () => {
    const profile = screeningProfile(['ilo-deception'], calm);
    expect(Object.keys(profile).sort()).toEqual(['escalate', 'escalationReasons', 'groups', 'guidance', 'unknownIds']);
  });

  it('puts escalation advice first when there is immediate danger', () => {
    const profile = screeningProfile([], { possibleChild: false, immediateDanger: true });
    expect(profile.escalate).toBe(true);
    expect(profile.guidance[0]).toBe(escalationGuidance['immediate-danger']);
  });

  it('treats an observed child indicator as a possible child and escalates', () => {
    const profile = screeningProfile(['child-travels-unaccompanied'], calm);
    expect(profile.escalate).toBe(true);
    expect(profile.escalationReasons).toEqual(['possible-child']);
  });

  it('keeps ids it does not know and counts repeated ids once', () => {
    const profile = screeningProfile(['old-form-indicator', 'fear-anxiety', 'fear-anxiety'], calm);
    expect(profile.unknownIds).toEqual(['old-form-indicator']);
    expect(profile.groups[0]?.indicators).toHaveLength(1);
  });
});
