// Who is found, and where: the nationalities of the model operations, names at realistic
// frequencies, and forces visiting in proportion to their size.
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../../src/demo/recordedAccounts.ts';
import { demo } from './demoFixture.ts';

const { records, truth } = demo(42);

describe('the people found', () => {
  it('include the nationalities the model operations met most', () => {
    const nationalities = new Set(truth.people.map((p) => p.nationality));
    for (const n of ['RO', 'AL', 'VN', 'CN', 'NG', 'PL', 'LT', 'TH', 'GB']) expect(nationalities).toContain(n);
    const victims = truth.people.filter((p) => p.part === 'potential-victim');
    // Mostly foreign nationals, as in the model operations, but not only.
    expect(victims.filter((p) => p.nationality === 'GB').length / victims.length).toBeLessThan(0.2);
  });

  it('draw names at realistic frequencies: Nguyễn for about four Vietnamese in ten', () => {
    const vietnamese = truth.people.filter((p) => p.nationality === 'VN');
    expect(vietnamese.length).toBeGreaterThan(30);
    const nguyen = vietnamese.filter((p) => p.canonicalName.familyName === 'Nguyễn').length / vietnamese.length;
    expect(nguyen).toBeGreaterThan(0.25);
    expect(nguyen).toBeLessThan(0.55);
  });

  it('include different people with the same name, so that a name alone cannot link records', () => {
    const byName = new Map<string, Set<string>>();
    for (const p of truth.people) byName.set(p.canonicalName.fullName, (byName.get(p.canonicalName.fullName) ?? new Set()).add(p.truePersonId));
    expect([...byName.values()].filter((people) => people.size > 1).length).toBeGreaterThan(10);
  });

  it('are mostly women among the potential victims of sexual exploitation', () => {
    const victims = records.peopleFound.filter((p) => p.potentialVictim?.exploitationType === 'sexual-exploitation');
    expect(victims.filter((p) => p.sex === 'female').length / victims.length).toBeGreaterThan(0.9);
  });

  it('get an interpreter in a language the account can name', () => {
    const languages = records.peopleFound.flatMap((p) => (p.potentialVictim?.interpreterLanguage ?? []));
    expect(languages.length).toBeGreaterThan(50);
    for (const language of languages) expect(Object.keys(LANGUAGE_NAMES)).toContain(language);
  });
});

describe('the forces', () => {
  it('visit in proportion to their size: the Metropolitan Police most', () => {
    const visits = new Map<string, number>();
    for (const v of records.visits) visits.set(v.forceCode, (visits.get(v.forceCode) ?? 0) + 1);
    const ranked = [...visits.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe('metropolitan');
    const median = ranked[Math.floor(ranked.length / 2)]?.[1] ?? 0;
    expect(visits.get('metropolitan') ?? 0).toBeGreaterThan(4 * median);
    expect(visits.get('west-midlands') ?? 0).toBeGreaterThan(median);
    expect(visits.get('greater-manchester') ?? 0).toBeGreaterThan(median);
  });
});
