import { describe, expect, it } from 'vitest';
import {
  addressTokens,
  nameTokens,
  normaliseNameText,
  normalisePhone,
  normalisePostcode,
  normaliseSex,
  parseDateOfBirth,
  splitFullName,
} from '../../../src/analysis/linkage/normalise.ts';

describe('name normalisation', () => {
  it('strips accents and transliterates non-Latin scripts', () => {
    expect(normaliseNameText('Nguyễn Thị Lan')).toBe('nguyen thi lan');
    expect(normaliseNameText('Müller')).toBe('muller');
    expect(normaliseNameText('Иван Петров')).toBe('ivan petrov');
    expect(nameTokens('王小明')).toEqual(['wang', 'xiao', 'ming']);
  });

  it('drops apostrophes and splits on other punctuation', () => {
    expect(normaliseNameText("O'Brien")).toBe('obrien');
    expect(nameTokens('Smith-Jones')).toEqual(['smith', 'jones']);
  });

  it('splits names written in one piece', () => {
    // All in capitals gives no hint of order: the last token is taken as family name, and the
    // swapped-names comparison level catches the family-name-first reading.
    expect(splitFullName('NGUYEN T. LAN, b. 1990')).toEqual({ family: ['lan'], given: ['nguyen', 't'], dateOfBirthHint: '1990' });
    expect(splitFullName('Lan NGUYEN')).toEqual({ family: ['nguyen'], given: ['lan'], dateOfBirthHint: null });
    expect(splitFullName('Nguyen, Thi Lan')).toEqual({ family: ['nguyen'], given: ['thi', 'lan'], dateOfBirthHint: null });
    expect(splitFullName('Lan Nguyen')).toEqual({ family: ['nguyen'], given: ['lan'], dateOfBirthHint: null });
  });
});

describe('other fields', () => {
  it('parses full and partial dates of birth in common forms', () => {
    expect(parseDateOfBirth('1990-04-12')).toEqual({ year: 1990, month: 4, day: 12 });
    expect(parseDateOfBirth('19900412')).toEqual({ year: 1990, month: 4, day: 12 });
    expect(parseDateOfBirth('12/04/1990')).toEqual({ year: 1990, month: 4, day: 12 });
    expect(parseDateOfBirth('1990')).toEqual({ year: 1990, month: 0, day: 0 });
    expect(parseDateOfBirth('1990-04')).toEqual({ year: 1990, month: 4, day: 0 });
    expect(parseDateOfBirth('not known')).toBeNull();
  });

  it('formats phone numbers as E.164 and keeps the last nine digits', () => {
    expect(normalisePhone('07700 900123', 'GB')).toEqual({ e164: '+447700900123', lastNine: '700900123' });
    expect(normalisePhone('+44 (0)7700-900-123', 'GB')?.lastNine).toBe('700900123');
    expect(normalisePhone('12', 'GB')).toBeNull();
  });

  it('splits UK postcodes into area, district and sector', () => {
    expect(normalisePostcode('sw1a 1aa')).toEqual({ full: 'SW1A1AA', sector: 'SW1A1', district: 'SW1A', area: 'SW' });
    expect(normalisePostcode('M1 1AE')).toEqual({ full: 'M11AE', sector: 'M11', district: 'M1', area: 'M' });
  });

  it('normalises sex and address words', () => {
    expect(normaliseSex('Female')).toBe(2);
    expect(normaliseSex('M')).toBe(1);
    expect(normaliseSex('')).toBe(0);
    expect(addressTokens('12, High St. Flat 3')).toEqual(['12', '3', 'flat', 'high', 'st']);
  });
});
