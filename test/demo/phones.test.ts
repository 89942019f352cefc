import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_FORCE_ROSTER } from '../../src/demo/index.ts';
import { PhoneAllocator, writePhoneNumber } from '../../src/demo/phoneFormats.ts';
import { Random } from '../../src/demo/random.ts';
import { demo } from './demoFixture.ts';

const { truth } = demo(42);
const countryOf = new Map(EXAMPLE_FORCE_ROSTER.map((f) => [f.code, f.jurisdiction === 'ireland' ? 'IE' as const : 'GB' as const]));

describe('phone numbers as written', () => {
  it('parse back, in the recording force\'s country, to the E.164 number of the person who carried them', () => {
    let parsed = 0;
    for (const person of truth.people) {
      for (const link of person.records) {
        for (const phone of link.phones) {
          const number = parsePhoneNumberFromString(phone.written, countryOf.get(link.forceCode) ?? 'GB');
          expect(number?.number, phone.written).toBe(phone.e164);
          expect(person.phones).toContain(phone.e164);
          parsed++;
        }
      }
    }
    expect(parsed).toBeGreaterThan(300);
  });

  it('write one person\'s number differently in different records, and all of them to the same E.164', () => {
    let personsWithSeveralFormats = 0;
    for (const person of truth.people) {
      const writtenByNumber = new Map<string, Set<string>>();
      for (const link of person.records) {
        for (const phone of link.phones) {
          const country = countryOf.get(link.forceCode) ?? 'GB';
          expect(parsePhoneNumberFromString(phone.written, country)?.number).toBe(phone.e164);
          writtenByNumber.set(phone.e164, (writtenByNumber.get(phone.e164) ?? new Set()).add(phone.written));
        }
      }
      if ([...writtenByNumber.values()].some((forms) => forms.size > 1)) personsWithSeveralFormats++;
    }
    expect(personsWithSeveralFormats).toBeGreaterThan(30);
  });

  it('include foreign numbers and every writing style', () => {
    const links = truth.people.flatMap((p) => p.records.flatMap((r) => r.phones));
    expect(links.filter((p) => !p.e164.startsWith('+44')).length).toBeGreaterThan(20);
    expect(new Set(links.map((p) => p.style)).size).toBe(8);
    expect(links.some((p) => p.written.startsWith('0044'))).toBe(true);
    expect(links.some((p) => /^07700\d{6}$/.test(p.written))).toBe(true);
  });

  it('are never shared by two people by accident: only a network\'s work phone is shared', () => {
    const holders = new Map<string, Set<string>>();
    for (const person of truth.people) {
      for (const phone of person.phones) holders.set(phone, (holders.get(phone) ?? new Set()).add(person.networkId));
    }
    const sharedPhones = new Set(truth.networks.flatMap((n) => (n.sharedPhone === null ? [] : [n.sharedPhone])));
    for (const [phone, networks] of holders) {
      if (networks.size > 1) throw new Error(`${phone} held in ${networks.size} networks`);
      const people = truth.people.filter((p) => p.phones.includes(phone)).length;
      if (people > 1) expect(sharedPhones.has(phone)).toBe(true);
    }
  });

  it('write a foreign number with its calling code, since without one it would be another number', () => {
    const random = new Random(1);
    const allocator = new PhoneAllocator();
    for (let i = 0; i < 200; i++) {
      const romanian = allocator.allocate('RO', random);
      const written = writePhoneNumber(romanian, 'GB', random).written;
      expect(written.startsWith('+40') || written.startsWith('0040')).toBe(true);
      const irish = allocator.allocate('IE', random);
      expect(parsePhoneNumberFromString(writePhoneNumber(irish, 'IE', random).written, 'IE')?.number).toBe(irish.e164);
    }
  });
});
