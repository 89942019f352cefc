// A grade is stored with its scheme, so "B35" and "1AP" can never be confused.
//
// Written form: the three codes run together in the order source, intelligence, handling —
// "B35" for 5x5x5, and "1AP" / "2BC" for 3x5x2. Parsing also accepts lower case and
// separators ("b/3/5", "1-A-P", "2 B C") because that is how officers type them.
import { fiveByFiveByFive, threeByFiveByTwo, type GradingScheme } from './schemes.ts';

type CodeOf<T extends readonly { readonly code: string }[]> = T[number]['code'];

export type FiveByFiveByFiveGrade = {
  readonly scheme: '5x5x5';
  readonly source: CodeOf<typeof fiveByFiveByFive.source>;
  readonly intelligence: CodeOf<typeof fiveByFiveByFive.intelligence>;
  readonly handling: CodeOf<typeof fiveByFiveByFive.handling>;
};

export type ThreeByFiveByTwoGrade = {
  readonly scheme: '3x5x2';
  readonly source: CodeOf<typeof threeByFiveByTwo.source>;
  readonly intelligence: CodeOf<typeof threeByFiveByTwo.intelligence>;
  readonly handling: CodeOf<typeof threeByFiveByTwo.handling>;
};

export type Grade = FiveByFiveByFiveGrade | ThreeByFiveByTwoGrade;

export type ParseGradeResult = { readonly ok: true; readonly grade: Grade } | { readonly ok: false; readonly problem: string };

function pick<T extends readonly { readonly code: string }[]>(codes: T, value: string): CodeOf<T> | undefined {
  return codes.find((c) => c.code === value)?.code;
}

function parseIn(scheme: GradingScheme, s: string, i: string, h: string): ParseGradeResult {
  switch (scheme) {
    case '5x5x5': {
      const source = pick(fiveByFiveByFive.source, s);
      const intelligence = pick(fiveByFiveByFive.intelligence, i);
      const handling = pick(fiveByFiveByFive.handling, h);
      if (source === undefined) return { ok: false, problem: `5x5x5 source must be A–E, not ${s}` };
      if (intelligence === undefined) return { ok: false, problem: `5x5x5 intelligence must be 1–5, not ${i}` };
      if (handling === undefined) return { ok: false, problem: `5x5x5 handling must be 1–5, not ${h}` };
      return { ok: true, grade: { scheme, source, intelligence, handling } };
    }
    case '3x5x2': {
      const source = pick(threeByFiveByTwo.source, s);
      const intelligence = pick(threeByFiveByTwo.intelligence, i);
      const handling = pick(threeByFiveByTwo.handling, h);
      if (source === undefined) return { ok: false, problem: `3x5x2 source must be 1–3, not ${s}` };
      if (intelligence === undefined) return { ok: false, problem: `3x5x2 intelligence must be A–E, not ${i}` };
      if (handling === undefined) return { ok: false, problem: `3x5x2 handling must be P or C, not ${h}` };
      return { ok: true, grade: { scheme, source, intelligence, handling } };
    }
  }
}

/**
 * Reads a written grade. Without `scheme` it is inferred from the first character: a letter
 * starts a 5x5x5 grade, a digit a 3x5x2 grade. Never throws.
 */
export function parseGrade(text: string, scheme?: GradingScheme): ParseGradeResult {
  const compact = text.toUpperCase().replace(/[\s/\-.,]/g, '');
  if (compact.length !== 3) return { ok: false, problem: `A grade has three codes (e.g. B35 or 1AP), got ${JSON.stringify(text)}` };
  const [s, i, h] = [compact.charAt(0), compact.charAt(1), compact.charAt(2)];
  const inferred: GradingScheme = /[A-Z]/.test(s) ? '5x5x5' : '3x5x2';
  return parseIn(scheme ?? inferred, s, i, h);
}

export function formatGrade(grade: Grade): string {
  return `${grade.source}${grade.intelligence}${grade.handling}`;
}

/** The grade in words, one line per part. */
export function describeGrade(grade: Grade): { readonly scheme: string; readonly source: string; readonly intelligence: string; readonly handling: string } {
  const scheme = grade.scheme === '5x5x5' ? fiveByFiveByFive : threeByFiveByTwo;
  const label = (codes: readonly { readonly code: string; readonly label: string }[], code: string): string => {
    const found = codes.find((c) => c.code === code);
    if (found === undefined) throw new RangeError(`Code ${code} is not in scheme ${grade.scheme}`);
    return found.label;
  };
  return {
    scheme: scheme.label,
    source: label(scheme.source, grade.source),
    intelligence: label(scheme.intelligence, grade.intelligence),
    handling: label(scheme.handling, grade.handling),
  };
}

/**
 * One text column for a grade with its scheme, e.g. "5x5x5:B35" or "3x5x2:1AP". Reading it back
 * uses the stored scheme, never the inference from the first character.
 */
export function gradeToStorage(grade: Grade): string {
  return `${grade.scheme}:${formatGrade(grade)}`;
}

export function gradeFromStorage(stored: string): ParseGradeResult {
  const match = /^(5x5x5|3x5x2):([A-Z0-9]{3})$/.exec(stored);
  if (match === null) return { ok: false, problem: `Not a stored grade: ${JSON.stringify(stored)}` };
  const [, scheme, codes] = match;
  return parseGrade(codes ?? '', scheme === '5x5x5' ? '5x5x5' : '3x5x2');
}
