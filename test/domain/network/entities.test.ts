import { describe, expect, it } from 'vitest';
import { parseGrade, type Grade } from '../../../src/domain/intelligence/grade.ts';
import { nameEntity } from '../../../src/domain/network/entities.ts';
import { meetsReliability, reliabilityOf } from '../../../src/domain/network/reliability.ts';

function grade(text: string): Grade {
  const parsed = parseGrade(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.grade;
}

describe('entities named in reports', () => {
  it('keys a phone by E.164 whatever the spelling, keeping what was written', () => {
    const a = nameEntity('phone', '07700 900123', '', 'org');
    const b = nameEntity('phone', '+44 7700 900123', '', 'org');
    expect(a.ok && b.ok && a.entity.key === b.entity.key).toBe(true);
    expect(a.ok && a.entity).toMatchObject({ key: 'phone:+447700900123', written: '07700 900123', label: '+447700900123' });
  });

  it('keys a vehicle by its registration without spaces, an email folded, an advert by site and identifier', () => {
    expect(nameEntity('vehicle', 'ab12 cde', '', 'o')).toMatchObject({ ok: true, entity: { key: 'vehicle:AB12CDE' } });
    expect(nameEntity('email', 'Boss@Example.com', '', 'o')).toMatchObject({ ok: true, entity: { key: 'email:boss@example.com', written: 'Boss@Example.com' } });
    expect(nameEntity('advert', 'ad-991', 'Adultwork.example', 'o')).toMatchObject({ ok: true, entity: { key: 'advert:adultwork.example|ad-991' } });
    expect(nameEntity('email', 'not an email', '', 'o').ok).toBe(false);
    expect(nameEntity('advert', 'ad-1', '', 'o').ok).toBe(false);
  });

  it('keys people and organisations within the naming organisation, since a name alone identifies nobody', () => {
    expect(nameEntity('person', 'Ion Popescu', '', 'met')).toMatchObject({ ok: true, entity: { key: 'person:met|ion popescu' } });
  });
});

describe('minimum grade across the two schemes', () => {
  it('places 5x5x5 and 3x5x2 grades on the same three levels', () => {
    expect(reliabilityOf(grade('B24'))).toBe('corroborated');
    expect(reliabilityOf(grade('1BP'))).toBe('corroborated');
    expect(reliabilityOf(grade('E41'))).toBe('not-discounted');
    expect(reliabilityOf(grade('2CP'))).toBe('not-discounted');
    expect(reliabilityOf(grade('D11'))).toBe('any');
    expect(reliabilityOf(grade('A51'))).toBe('any');
    expect(reliabilityOf(grade('3AP'))).toBe('any');
    expect(reliabilityOf(grade('1EC'))).toBe('any');
  });

  it('lets records without a grade through every filter', () => {
    expect(meetsReliability(null, 'corroborated')).toBe(true);
    expect(meetsReliability(grade('E41'), 'corroborated')).toBe(false);
    expect(meetsReliability(grade('E41'), 'not-discounted')).toBe(true);
  });
});
