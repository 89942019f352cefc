import { describe, expect, it } from 'vitest';
import { indicatorGroups, indicators, indicatorsInGroup } from '../../../src/domain/indicators/catalogue.ts';
import { groupGuidance } from '../../../src/domain/indicators/guidance.ts';

describe('indicator catalogue', () => {
  it('gives every indicator a unique kebab-case id', () => {
    const ids = indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('holds the ILO’s eleven indicators of forced labour', () => {
    expect(indicatorsInGroup('ilo-forced-labour').map((i) => i.label)).toEqual([
      'Abuse of vulnerability',
      'Deception',
      'Restriction of movement',
      'Isolation',
      'Physical and sexual violence',
      'Intimidation and threats',
      'Retention of identity documents',
      'Withholding of wages',
      'Debt bondage',
      'Abusive working and living conditions',
      'Excessive overtime',
    ]);
  });

  it('has indicators and guidance in every group, and no indicator outside a group', () => {
    const groupIds = indicatorGroups.map((g) => g.id);
    for (const group of groupIds) {
      expect(indicatorsInGroup(group).length).toBeGreaterThan(0);
      expect(groupGuidance[group].length).toBeGreaterThan(0);
    }
    for (const indicator of indicators) expect(groupIds).toContain(indicator.group);
  });

  it('holds the nine child indicators and the eight premises indicators', () => {
    expect(indicatorsInGroup('child')).toHaveLength(9);
    expect(indicatorsInGroup('premises')).toHaveLength(8);
  });
});
