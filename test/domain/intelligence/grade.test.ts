import { describe, expect, it } from 'vitest';
import { describeGrade, formatGrade, gradeFromStorage, gradeToStorage, parseGrade, type Grade } from '../../../src/domain/intelligence/grade.ts';
import { restrictsToOriginatingAgency, requiresRecordedAuthorisation } from '../../../src/domain/intelligence/handling.ts';
import { fiveByFiveByFive, threeByFiveByTwo } from '../../../src/domain/intelligence/schemes.ts';

function parsed(text: string, scheme?: '5x5x5' | '3x5x2'): Grade {
  const result = parseGrade(text, scheme);
  if (!result.ok) throw new Error(result.problem);
  return result.grade;
}

describe('parseGrade and formatGrade', () => {
  it('reads B35 as a 5x5x5 grade', () => {
    expect(parsed('B35')).toEqual({ scheme: '5x5x5', source: 'B', intelligence: '3', handling: '5' });
  });

  it('reads 1AP and 2BC as 3x5x2 grades', () => {
    expect(parsed('1AP')).toEqual({ scheme: '3x5x2', source: '1', intelligence: 'A', handling: 'P' });
    expect(parsed('2BC')).toEqual({ scheme: '3x5x2', source: '2', intelligence: 'B', handling: 'C' });
  });

  it('accepts lower case and separators, and writes the compact form back', () => {
    expect(formatGrade(parsed('b/3/5'))).toBe('B35');
    expect(formatGrade(parsed(' 1-a-p '))).toBe('1AP');
    expect(formatGrade(parsed('E 4 1'))).toBe('E41');
  });

  it('round-trips every grade of both schemes', () => {
    let count = 0;
    for (const scheme of [fiveByFiveByFive, threeByFiveByTwo]) {
      for (const s of scheme.source) {
        for (const i of scheme.intelligence) {
          for (const h of scheme.handling) {
            const text = `${s.code}${i.code}${h.code}`;
            expect(formatGrade(parsed(text, scheme.id))).toBe(text);
            count += 1;
          }
        }
      }
    }
    expect(count).toBe(5 * 5 * 5 + 3 * 5 * 2);
  });

  it('refuses codes from the wrong scheme or out of range, without throwing', () => {
    expect(parseGrade('F35').ok).toBe(false); // no source F
    expect(parseGrade('B36').ok).toBe(false); // no handling 6
    expect(parseGrade('4AP').ok).toBe(false); // 3x5x2 sources are 1–3
    expect(parseGrade('1AX').ok).toBe(false); // 3x5x2 handling is P or C
    expect(parseGrade('B35', '3x5x2').ok).toBe(false);
    expect(parseGrade('').ok).toBe(false);
    expect(parseGrade('B355').ok).toBe(false);
  });

  it('describes a grade in the scheme’s own words', () => {
    expect(describeGrade(parsed('B35'))).toEqual({
      scheme: '5x5x5 (National Intelligence Model)',
      source: 'Mostly reliable',
      intelligence: 'Not personally known to the source but corroborated',
      handling: 'No further dissemination: refer to the originator (special handling requirements)',
    });
    expect(describeGrade(parsed('3EC')).source).toBe('Not reliable');
  });
});

describe('stored grades', () => {
  it('keep their scheme through a round trip', () => {
    expect(gradeToStorage(parsed('B35'))).toBe('5x5x5:B35');
    expect(gradeToStorage(parsed('2BC'))).toBe('3x5x2:2BC');
    expect(gradeFromStorage('3x5x2:2BC')).toEqual({ ok: true, grade: parsed('2BC') });
  });

  it('refuse a stored grade whose codes do not belong to its scheme', () => {
    expect(gradeFromStorage('3x5x2:B35').ok).toBe(false);
    expect(gradeFromStorage('B35').ok).toBe(false);
  });
});

describe('handling codes', () => {
  it('5x5x5 handling 4 and 5 keep the report inside the originating agency', () => {
    expect(['1', '2', '3', '4', '5'].map((h) => restrictsToOriginatingAgency(parsed(`A1${h}`)))).toEqual([false, false, false, true, true]);
  });

  it('5x5x5 handling 2, 3 and 5 need a recorded authorisation', () => {
    expect(['1', '2', '3', '4', '5'].map((h) => requiresRecordedAuthorisation(parsed(`A1${h}`)))).toEqual([false, true, true, false, true]);
  });

  it('3x5x2: P is open, C needs its conditions recorded, neither is originator-only', () => {
    expect(requiresRecordedAuthorisation(parsed('1AP'))).toBe(false);
    expect(requiresRecordedAuthorisation(parsed('1AC'))).toBe(true);
    expect(restrictsToOriginatingAgency(parsed('1AC'))).toBe(false);
  });
});
