import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, normalisePhone } from '../../src/domain/phone.ts';

describe('normalisePhone', () => {
  it('reads UK national numbers as GB and keeps what was written', () => {
    expect(normalisePhone('020 7946 0000')).toEqual({
      written: '020 7946 0000',
      e164: '+442079460000',
      region: 'GB',
      valid: true,
      type: 'fixed-line',
      extension: null,
    });
  });

  it('understands the ways numbers are written: (0), 00 prefix, extensions', () => {
    expect(normalisePhone('+44 (0)20 7946 0000').e164).toBe('+442079460000');
    expect(normalisePhone('0044 20 7946 0000').e164).toBe('+442079460000');
    expect(normalisePhone('020 7946 0000 ext. 123')).toMatchObject({ e164: '+442079460000', extension: '123' });
    // The helplines from DOMAIN.md.
    expect(normalisePhone('08000 121 700')).toMatchObject({ e164: '+448000121700', type: 'toll-free' });
    expect(normalisePhone('0800 555 111').e164).toBe('+44800555111');
  });

  it('reads Irish numbers written internationally, and national ones when told the region', () => {
    expect(normalisePhone('00353 87 123 4567')).toMatchObject({ e164: '+353871234567', region: 'IE', type: 'mobile' });
    expect(normalisePhone('087 123 4567', 'IE').e164).toBe('+353871234567');
  });

  it('normalises Ofcom’s drama numbers but does not call them valid', () => {
    expect(normalisePhone('07700 900123')).toMatchObject({ e164: '+447700900123', valid: false, type: null });
  });

  it('never throws on garbage and returns no E.164 for it', () => {
    for (const garbage of ['', '   ', 'garbage', '12', '999', 'x'.repeat(10_000), '+', '++44', '\u0000\u0001']) {
      const result = normalisePhone(garbage);
      expect(result.e164).toBeNull();
      expect(result.written).toBe(garbage);
    }
    expect(normalisePhone('020 7946 0000', 'not-a-region').e164).toBeNull();
    expect(normalisePhone(undefined as unknown as string).e164).toBeNull();
  });
});

describe('findPhoneNumbers', () => {
  it('finds each number in free text, possible ones included, and not dates or references', () => {
    const found = findPhoneNumbers('Call 07700 900123 or +44 20 7946 0000 after 9pm, ref 12345 of 2024-01-05');
    expect(found.map((p) => [p.written, p.e164])).toEqual([
      ['07700 900123', '+447700900123'],
      ['+44 20 7946 0000', '+442079460000'],
    ]);
  });
});
