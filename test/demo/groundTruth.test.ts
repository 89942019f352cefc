import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/demo/birthDates.ts';
import type { PersonFoundRecord, TruePersonTruth, TruthRecordLink } from '../../src/demo/index.ts';
import { withoutDiacritics } from '../../src/demo/spellingVariants.ts';
import { demo, required } from './demoFixture.ts';

const { records, truth, personById } = demo(2006);
const visitAt = new Map(records.visits.map((v) => [v.id, v.visitedAt]));

function renders(person: TruePersonTruth): { link: TruthRecordLink; record: PersonFoundRecord }[] {
  return person.records.map((link) => ({ link, record: required(personById.get(link.personFoundId), `record ${link.personFoundId}`) }));
}

/** Optimal string alignment distance: a transposition counts as one edit, as a typist makes it. */
function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row !== undefined) row[j] = best;
    }
  }
  return at(x.length, y.length);
}

describe('ground truth', () => {
  it('accounts for every person record exactly once, and only for records that exist', () => {
    const claimed = truth.people.flatMap((p) => p.records.map((r) => r.personFoundId));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(records.peopleFound.length);
    for (const id of claimed) expect(personById.has(id)).toBe(true);
    for (const person of truth.people) expect(person.records.length).toBeGreaterThan(0);
  });

  it('links each record to the visit and force the record itself names', () => {
    for (const person of truth.people) {
      for (const { link, record } of renders(person)) {
        expect(record.visitId).toBe(link.visitId);
        expect(record.forceCode).toBe(link.forceCode);
      }
    }
  });

  it('describes networks in terms of people and premises that exist', () => {
    const people = new Set(truth.people.map((p) => p.truePersonId));
    const premises = new Set(records.premises.map((p) => p.id));
    for (const network of truth.networks) {
      for (const id of network.truePersonIds) expect(people.has(id)).toBe(true);
      for (const id of network.premisesIds) expect(premises.has(id)).toBe(true);
    }
    const networks = new Set(truth.networks.map((n) => n.networkId));
    for (const person of truth.people) expect(networks.has(person.networkId)).toBe(true);
  });

  it('never leaks into the records', () => {
    const serialised = JSON.stringify(records);
    for (const person of truth.people.slice(0, 300)) expect(serialised).not.toContain(person.truePersonId);
    for (const network of truth.networks.slice(0, 100)) expect(serialised).not.toContain(network.networkId);
    for (const field of ['truePersonId', 'networkId', 'nameVariants', 'canonicalName', 'part']) {
      expect(serialised).not.toContain(`"${field}":`);
    }
  });

  it('renders a record without name variants as the canonical name', () => {
    let checked = 0;
    for (const person of truth.people) {
      for (const { link, record } of renders(person)) {
        if (link.nameVariants.length > 0) continue;
        expect(record.givenNames).toBe(person.canonicalName.givenNames);
        expect(record.familyName).toBe(person.canonicalName.familyName);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('makes each single variant the kind of difference it claims to be', () => {
    const seen = new Set<string>();
    for (const person of truth.people) {
      const canonicalGiven = person.canonicalName.givenNames;
      const canonicalFamily = person.canonicalName.familyName;
      for (const { link, record } of renders(person)) {
        if (link.nameVariants.length !== 1) continue;
        const [kind] = link.nameVariants;
        seen.add(kind ?? '');
        switch (kind) {
          case 'dropped-diacritics':
            expect([record.givenNames, record.familyName]).toEqual([withoutDiacritics(canonicalGiven), withoutDiacritics(canonicalFamily)]);
            expect(record.givenNames + record.familyName).not.toBe(canonicalGiven + canonicalFamily);
            break;
          case 'typo': {
            const distance = editDistance(record.givenNames, canonicalGiven) + editDistance(record.familyName, canonicalFamily);
            expect(distance).toBe(1);
            break;
          }
          case 'swapped-given-family': {
            const words = (s: string) => s.split(' ').filter((w) => w !== '').sort();
            expect(words(`${record.givenNames} ${record.familyName}`)).toEqual(words(`${canonicalGiven} ${canonicalFamily}`));
            expect(record.familyName).not.toBe(canonicalFamily);
            break;
          }
          case 'native-script':
            expect(record.fullNameAsWritten).toBe(person.canonicalName.nativeScript);
            expect(['CN', 'TH']).toContain(person.nationality);
            break;
          case 'nickname':
            expect(person.aliases).toContain(record.givenNames);
            break;
          case 'initials':
          case 'middle-name-dropped':
          case 'other-gender-form':
          case 'syllables-split':
          case 'transliteration':
          case undefined:
            expect(`${record.givenNames}|${record.familyName}|${record.fullNameAsWritten}`).not.toBe(`${canonicalGiven}|${canonicalFamily}|${person.canonicalName.fullName}`);
        }
      }
    }
    expect(seen).toContain('dropped-diacritics');
    expect(seen).toContain('typo');
    expect(seen).toContain('swapped-given-family');
  });

  it('gives most people with several records records that differ from one another', () => {
    const several = truth.people.filter((p) => p.records.length > 1);
    const differing = several.filter((p) => {
      const forms = renders(p).map(({ record }) => `${record.givenNames}|${record.familyName}|${record.dateOfBirth}|${record.estimatedAge}`);
      return new Set(forms).size > 1;
    });
    expect(several.length).toBeGreaterThan(100);
    expect(differing.length / several.length).toBeGreaterThan(0.7);
  });

  it('records dates of birth as the variant it names', () => {
    const kinds = new Set<string>();
    for (const person of truth.people) {
      const [year, month, day] = person.dateOfBirth.split('-');
      for (const { link, record } of renders(person)) {
        kinds.add(link.birthDateVariant);
        switch (link.birthDateVariant) {
          case 'exact':
            expect(record.dateOfBirth).toBe(person.dateOfBirth);
            break;
          case 'year-only':
            expect(record.dateOfBirth).toBe(year);
            break;
          case 'year-month':
            expect(record.dateOfBirth).toBe(`${year}-${month}`);
            break;
          case 'day-month-swapped':
            expect(record.dateOfBirth).toBe(`${year}-${day}-${month}`);
            expect(Number(day)).toBeLessThanOrEqual(12);
            break;
          case 'year-off-by-one':
            expect(Math.abs(Number(record.dateOfBirth?.slice(0, 4)) - Number(year))).toBe(1);
            break;
          case 'estimated-age': {
            const age = ageOn(person.dateOfBirth, required(visitAt.get(link.visitId), 'visit'));
            expect(record.dateOfBirth).toBeNull();
            expect(Math.abs((record.estimatedAge ?? Infinity) - age)).toBeLessThanOrEqual(5);
            break;
          }
          case 'not-recorded':
            expect([record.dateOfBirth, record.estimatedAge]).toEqual([null, null]);
            break;
        }
        if (record.dateOfBirth !== null && record.dateOfBirth.length === 10) {
          expect(Number.isNaN(Date.parse(`${record.dateOfBirth}T00:00:00Z`))).toBe(false);
        }
      }
    }
    expect(kinds.size).toBe(7);
  });

  it('gives each network shared phone to some of its people', () => {
    const byNetwork = new Map<string, TruePersonTruth[]>();
    for (const p of truth.people) byNetwork.set(p.networkId, [...(byNetwork.get(p.networkId) ?? []), p]);
    const shared = truth.networks.filter((n) => n.sharedPhone !== null);
    const carried = shared.filter((n) => (byNetwork.get(n.networkId) ?? []).filter((p) => p.phones.includes(n.sharedPhone ?? '')).length >= 2);
    expect(carried.length).toBeGreaterThan(10);
  });
});
