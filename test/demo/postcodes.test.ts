import { describe, expect, it } from 'vitest';
import { EXAMPLE_FORCE_ROSTER, type ForceInput, resolveForceArea } from '../../src/demo/index.ts';
import { demo, required } from './demoFixture.ts';

const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$/;
const EIRCODE = /^(?:[ACDEFHKNPRTVWXY][0-9]{2}|D6W) [0-9ACDEFHKNPRTVWXY]{4}$/;
const { records } = demo(42);
const forceByCode = new Map(EXAMPLE_FORCE_ROSTER.map((f) => [f.code, f]));

function postcodeArea(postcode: string): string {
  return postcode.match(/^[A-Z]+/)?.[0] ?? '';
}

describe('premises addresses', () => {
  it('have a postcode of the right shape for their jurisdiction', () => {
    for (const premises of records.premises) {
      const force = required(forceByCode.get(premises.forceCode), 'force');
      expect(premises.postcode).toMatch(force.jurisdiction === 'ireland' ? EIRCODE : UK_POSTCODE);
      expect(premises.addressLines.length).toBeGreaterThan(0);
      expect(premises.town).not.toBe('');
    }
  });

  it('lie in a postcode district of the force that visited them', () => {
    for (const premises of records.premises) {
      const area = resolveForceArea(required(forceByCode.get(premises.forceCode), 'force'));
      expect(area.districts.map((d) => d.district)).toContain(premises.postcode.split(' ')[0]);
      expect(area.districts.find((d) => d.district === premises.postcode.split(' ')[0])?.town).toBe(premises.town);
    }
  });

  it('put the Metropolitan Police in London, West Midlands in B, CV, WV, WS and DY, PSNI in BT', () => {
    const areasOf = (code: string) => new Set(records.premises.filter((p) => p.forceCode === code).map((p) => postcodeArea(p.postcode)));
    const london = ['E', 'EC', 'N', 'NW', 'SE', 'SW', 'W', 'WC', 'IG', 'CR', 'HA', 'UB', 'TW', 'EN', 'RM', 'BR'];
    expect([...areasOf('metropolitan')].filter((a) => !london.includes(a))).toEqual([]);
    expect([...areasOf('west-midlands')].filter((a) => !['B', 'CV', 'WV', 'WS', 'DY'].includes(a))).toEqual([]);
    expect([...areasOf('psni')]).toEqual(['BT']);
    expect(records.premises.filter((p) => p.forceCode === 'metropolitan').length).toBeGreaterThan(20);
  });
});

describe('resolveForceArea', () => {
  const force = (name: string, jurisdiction: ForceInput['jurisdiction'], code = 'x'): ForceInput => ({ code, name, jurisdiction });

  it('recognises forces by name, whatever code the roster gives them', () => {
    expect(resolveForceArea(force('Police Service of Northern Ireland', 'northern-ireland')).key).toBe('northern-ireland');
    expect(resolveForceArea(force('An Garda Síochána', 'ireland')).key).toBe('garda');
    expect(resolveForceArea(force('Police Scotland', 'scotland')).key).toBe('police-scotland');
    expect(resolveForceArea(force('Northern Constabulary', 'scotland')).key).toBe('northern-scotland');
    expect(resolveForceArea(force('City of London Police', 'england-and-wales')).key).toBe('city-of-london');
    expect(resolveForceArea(force('Metropolitan Police Service', 'england-and-wales')).key).toBe('metropolitan');
    expect(resolveForceArea(force('Dyfed-Powys Police', 'england-and-wales')).key).toBe('dyfed-powys');
  });

  it('falls back to the jurisdiction for a force it does not know', () => {
    expect(resolveForceArea(force('Avalon Constabulary', 'england-and-wales')).postcodeSystem).toBe('uk');
    expect(resolveForceArea(force('Unknown', 'ireland')).postcodeSystem).toBe('eircode');
    expect(resolveForceArea(force('Unknown', 'northern-ireland')).key).toBe('northern-ireland');
  });
});
