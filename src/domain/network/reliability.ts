// "Minimum grade" for filtering the network. The two schemes code reliability differently, so a
// filter by letter would mean different things for different forces' reports; instead each grade
// maps to one of three levels, in the schemes' own terms:
// - corroborated: a reliable source (5x5x5 A or B; 3x5x2 1) and intelligence known or
//   corroborated (5x5x5 1–3; 3x5x2 A or B);
// - not-discounted: neither an unreliable source (5x5x5 D; 3x5x2 3) nor intelligence
//   suspected to be false (5x5x5 5; 3x5x2 E);
// - any: everything, including what is suspected to be false.
import type { Grade } from '../intelligence/grade.ts';

export const RELIABILITY_LEVELS = ['any', 'not-discounted', 'corroborated'] as const;
export type ReliabilityLevel = (typeof RELIABILITY_LEVELS)[number];

export const RELIABILITY_LABELS: Record<ReliabilityLevel, string> = {
  any: 'Any grade',
  'not-discounted': 'Not from an unreliable source, not suspected false',
  corroborated: 'Reliable source, known or corroborated',
};

export function isReliabilityLevel(value: string): value is ReliabilityLevel {
  return (RELIABILITY_LEVELS as readonly string[]).includes(value);
}

export function reliabilityOf(grade: Grade): ReliabilityLevel {
  switch (grade.scheme) {
    case '5x5x5':
      if ((grade.source === 'A' || grade.source === 'B') && ['1', '2', '3'].includes(grade.intelligence)) return 'corroborated';
      return grade.source === 'D' || grade.intelligence === '5' ? 'any' : 'not-discounted';
    case '3x5x2':
      if (grade.source === '1' && (grade.intelligence === 'A' || grade.intelligence === 'B')) return 'corroborated';
      return grade.source === '3' || grade.intelligence === 'E' ? 'any' : 'not-discounted';
  }
}

/** Whether a grade reaches the minimum; a record that is not intelligence (no grade) always does. */
export function meetsReliability(grade: Grade | null, minimum: ReliabilityLevel): boolean {
  if (grade === null) return true;
  return RELIABILITY_LEVELS.indexOf(reliabilityOf(grade)) >= RELIABILITY_LEVELS.indexOf(minimum);
}
