// The model operation's volumes at scale 1, within tolerances wide enough for any seed: checked
// over several seeds, because networks make the counts lumpy (one big network finds many people).
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/demo/birthDates.ts';
import {
  ASSET_TYPES, COURT_OUTCOMES, EXAMPLE_FORCE_ROSTER, EXPLOITATION_TYPES, NATIONALITIES, OFFENCES, PERSON_ROLES,
  PREMISES_TYPES, VISIT_OUTCOMES, generateOperationBatches,
} from '../../src/demo/index.ts';
import { demo, required } from './demoFixture.ts';

const SEEDS = [1, 2, 3, 42, 2006];

function victimsOf(seed: number) {
  const { truth, records } = demo(seed);
  const visitAt = new Map(records.visits.map((v) => [v.id, v.visitedAt]));
  return truth.people.filter((p) => p.part === 'potential-victim').map((p) => {
    const ages = p.records.map((r) => ageOn(p.dateOfBirth, required(visitAt.get(r.visitId), 'visit')));
    return { person: p, youngestAgeFound: Math.min(...ages) };
  });
}

describe.each(SEEDS)('volumes at scale 1, seed %i', (seed) => {
  it('visits about 500 premises in the first operation and 300 in the second', () => {
    const { records } = demo(seed);
    expect(records.operations).toHaveLength(2);
    const [first, second] = records.operations;
    expect(records.visits.filter((v) => v.operationId === first?.id)).toHaveLength(500);
    expect(records.visits.filter((v) => v.operationId === second?.id)).toHaveLength(300);
    for (const visit of records.visits) {
      const operation = required(records.operations.find((o) => o.id === visit.operationId), 'operation');
      expect(visit.visitedAt.slice(0, 10) >= operation.starts && visit.visitedAt.slice(0, 10) <= operation.ends).toBe(true);
    }
  });

  it('finds about 170 potential victims, some children, none younger than 14', () => {
    const victims = victimsOf(seed);
    expect(victims.length).toBeGreaterThanOrEqual(130);
    expect(victims.length).toBeLessThanOrEqual(215);
    const children = victims.filter((v) => v.youngestAgeFound < 18);
    expect(children.length).toBeGreaterThanOrEqual(5);
    expect(children.length).toBeLessThanOrEqual(25);
    expect(Math.min(...victims.map((v) => v.youngestAgeFound))).toBeGreaterThanOrEqual(14);
  });

  it('flags every child found as a possible child, and no adult', () => {
    const { records, truth, personById } = demo(seed);
    const visitAt = new Map(records.visits.map((v) => [v.id, v.visitedAt]));
    for (const person of truth.people.filter((p) => p.part === 'potential-victim')) {
      for (const link of person.records) {
        const record = required(personById.get(link.personFoundId), 'record');
        const child = ageOn(person.dateOfBirth, required(visitAt.get(link.visitId), 'visit')) < 18;
        expect(record.potentialVictim?.possibleChild).toBe(child);
      }
    }
  });

  it('makes about 500 arrests', () => {
    const { records } = demo(seed);
    expect(records.arrests.length).toBeGreaterThanOrEqual(420);
    expect(records.arrests.length).toBeLessThanOrEqual(620);
  });

  it('has 20–30% of real people appearing in more than one record, many across forces', () => {
    const { truth } = demo(seed);
    const several = truth.people.filter((p) => p.records.length > 1).length / truth.people.length;
    const acrossForces = truth.people.filter((p) => new Set(p.records.map((r) => r.forceCode)).size > 1).length / truth.people.length;
    expect(several).toBeGreaterThanOrEqual(0.2);
    expect(several).toBeLessThanOrEqual(0.3);
    expect(acrossForces).toBeGreaterThanOrEqual(0.1);
  });

  it('gives every force at least one visit in each operation', () => {
    const { records } = demo(seed);
    for (const operation of records.operations) {
      const forces = new Set(records.visits.filter((v) => v.operationId === operation.id).map((v) => v.forceCode));
      expect([...forces].sort()).toEqual(EXAMPLE_FORCE_ROSTER.map((f) => f.code).sort());
    }
  });
});

describe('shape of the generated records', () => {
  const { records } = demo(42);

  it('uses only the shared vocabulary ids', () => {
    const within = <T extends string>(allowed: readonly T[], values: readonly string[]) =>
      expect(values.filter((v) => !(allowed as readonly string[]).includes(v))).toEqual([]);
    within(PREMISES_TYPES, records.premises.map((p) => p.type));
    within(VISIT_OUTCOMES, records.visits.map((v) => v.outcome));
    within(PERSON_ROLES, records.peopleFound.map((p) => p.role));
    within(NATIONALITIES, records.peopleFound.flatMap((p) => (p.nationality === null ? [] : [p.nationality])));
    within(EXPLOITATION_TYPES, records.peopleFound.flatMap((p) => (p.potentialVictim === null ? [] : [p.potentialVictim.exploitationType])));
    within(OFFENCES, records.arrests.flatMap((a) => [a.offence, ...a.charges.map((c) => c.offence)]));
    within(COURT_OUTCOMES, records.arrests.flatMap((a) => a.charges.map((c) => c.courtOutcome)));
    within(ASSET_TYPES, records.seizedAssets.map((a) => a.type));
  });

  it('holds only JSON values: no undefined, no NaN, no Date objects', () => {
    const offending: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (value === undefined || (typeof value === 'number' && !Number.isFinite(value)) || value instanceof Date) offending.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    };
    visit(records, 'records');
    expect(offending).toEqual([]);
  });

  it('keeps every foreign key inside the generated records', () => {
    const premises = new Set(records.premises.map((p) => p.id));
    const visits = new Map(records.visits.map((v) => [v.id, v]));
    const people = new Map(records.peopleFound.map((p) => [p.id, p]));
    for (const v of records.visits) expect(premises.has(v.premisesId)).toBe(true);
    for (const p of records.peopleFound) expect(visits.get(p.visitId)?.forceCode).toBe(p.forceCode);
    for (const a of records.arrests) {
      const person = required(people.get(a.personFoundId), 'arrested person');
      expect(person.role).toBe('suspect');
      expect(person.visitId).toBe(a.visitId);
    }
    for (const s of records.seizedAssets) expect(visits.has(s.visitId)).toBe(true);
  });

  it('matches each visit outcome to what the visit found', () => {
    for (const visit of records.visits) {
      const found = records.peopleFound.filter((p) => p.visitId === visit.id);
      const victims = found.filter((p) => p.role === 'potential-victim').length;
      const arrests = records.arrests.filter((a) => a.visitId === visit.id).length;
      if (victims > 0) expect(visit.outcome).toBe('victims-found');
      else if (arrests > 0) expect(visit.outcome).toBe('arrests-made');
      else expect(['intelligence-only', 'nothing-found']).toContain(visit.outcome);
    }
  });

  it('gives potential-victim details to potential victims only', () => {
    for (const p of records.peopleFound) expect(p.potentialVictim !== null).toBe(p.role === 'potential-victim');
  });

  it('seizes in euro in Ireland and in pounds elsewhere, in whole minor units', () => {
    const garda = EXAMPLE_FORCE_ROSTER.filter((f) => f.jurisdiction === 'ireland').map((f) => f.code);
    for (const asset of records.seizedAssets) {
      expect(asset.currency).toBe(garda.includes(asset.forceCode) ? 'EUR' : 'GBP');
      expect(Number.isInteger(asset.amountMinor) && asset.amountMinor > 0).toBe(true);
    }
  });

  it('recovers cash on the scale of the real second operation (over £500,000 in total)', () => {
    const cash = records.seizedAssets.filter((a) => a.type === 'cash').reduce((sum, a) => sum + a.amountMinor, 0) / 100;
    expect(cash).toBeGreaterThan(300_000);
    expect(cash).toBeLessThan(3_000_000);
  });

  it('only charges offences that existed on the arrest date', () => {
    // The operations are 2006–08: the Modern Slavery Act 2015 offence cannot appear.
    expect(records.arrests.flatMap((a) => [a.offence, ...a.charges.map((c) => c.offence)])).not.toContain('modern-slavery-offence');
  });
});

describe('scale', () => {
  it('multiplies the volume', () => {
    let visits = 0;
    let people = 0;
    for (const batch of generateOperationBatches({ seed: 9, scale: 3, forces: EXAMPLE_FORCE_ROSTER })) {
      visits += batch.records.visits.length;
      people += batch.records.peopleFound.length;
    }
    expect(visits).toBe(2400);
    expect(people).toBeGreaterThan(3 * 800);
    expect(people).toBeLessThan(3 * 1400);
  });

  it('rejects a scale or seed it cannot honour', () => {
    expect(() => [...generateOperationBatches({ seed: 1, scale: 0, forces: EXAMPLE_FORCE_ROSTER })]).toThrow(RangeError);
    expect(() => [...generateOperationBatches({ seed: 1.5, scale: 1, forces: EXAMPLE_FORCE_ROSTER })]).toThrow(RangeError);
    expect(() => [...generateOperationBatches({ seed: 1, scale: 1, forces: [] })]).toThrow(RangeError);
  });
});
