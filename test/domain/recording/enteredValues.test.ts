import { describe, expect, it } from 'vitest';
import { amountInMinorUnits, fullDate, isPostcode, lines, localDate, localTimeToUtc, partialDate, postcodeKey, timeOfDay } from '../../../src/domain/recording/enteredValues.ts';

const date = (day: string, month: string, year: string) => ({ day, month, year });

describe('values typed into recording forms', () => {
  it('reads full dates, with month names, and refuses dates that do not exist', () => {
    expect(fullDate(date('5', '3', '2007'))).toBe('2007-03-05');
    expect(fullDate(date('05', 'March', '2007'))).toBe('2007-03-05');
    expect(fullDate(date('29', 'feb', '2008'))).toBe('2008-02-29');
    expect(fullDate(date('29', '2', '2007'))).toBeNull();
    expect(fullDate(date('1', '13', '2007'))).toBeNull();
    expect(fullDate(date('', '3', '2007'))).toBeNull();
    expect(fullDate(date('1', '3', '07'))).toBeNull();
  });

  it('keeps a date of birth as precise as it was given', () => {
    expect(partialDate(date('', '', '1988'))).toBe('1988');
    expect(partialDate(date('', '7', '1988'))).toBe('1988-07');
    expect(partialDate(date('3', '7', '1988'))).toBe('1988-07-03');
    expect(partialDate(date('3', '', '1988'))).toBeNull();
    expect(partialDate(date('', '', ''))).toBeNull();
  });

  it('reads times of day on the 24-hour clock', () => {
    expect(timeOfDay('22:30')).toBe('22:30');
    expect(timeOfDay('9.05')).toBe('09:05');
    expect(timeOfDay('2230')).toBe('22:30');
    expect(timeOfDay('24:00')).toBeNull();
    expect(timeOfDay('10pm')).toBeNull();
  });

  it('turns UK local time into UTC across the clock changes', () => {
    expect(localTimeToUtc('2007-01-10', '22:00')).toBe('2007-01-10T22:00:00.000Z');
    expect(localTimeToUtc('2007-07-10', '22:00')).toBe('2007-07-10T21:00:00.000Z');
    // 01:30 on 25 March 2007 did not exist in London: the clocks went from 01:00 to 02:00.
    expect(localTimeToUtc('2007-03-25', '01:30')).toBe('2007-03-25T01:30:00.000Z');
    expect(localDate(new Date('2007-07-10T23:30:00.000Z'))).toBe('2007-07-11');
  });

  it('reads money with pence or cents, commas and a currency sign', () => {
    expect(amountInMinorUnits('1250')).toBe(125_000);
    expect(amountInMinorUnits('£1,250.5')).toBe(125_050);
    expect(amountInMinorUnits('€0.99')).toBe(99);
    expect(amountInMinorUnits('12.345')).toBeNull();
    expect(amountInMinorUnits('-5')).toBeNull();
    expect(amountInMinorUnits('1,25')).toBeNull();
  });

  it('accepts UK postcodes and Eircodes however they are spaced', () => {
    for (const ok of ['E1 6AN', 'e16an', 'SW1A 1AA', 'B1 1AA', 'BT1 5GS', 'D07 X2F4', 'D6W1234']) expect(isPostcode(ok)).toBe(true);
    for (const bad of ['NOPE', '12345', 'E1 6A', 'EE1 6AN 7']) expect(isPostcode(bad)).toBe(false);
    expect(postcodeKey(' sw1a 1aa ')).toBe('SW1A1AA');
  });

  it('splits one entry a line, dropping blank lines', () => {
    expect(lines('Hoa Nguyen\r\n\r\n  Lily  \n')).toEqual(['Hoa Nguyen', 'Lily']);
  });
});
