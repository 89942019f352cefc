// What a grade's handling code means for access. The access rules (src/access/) ask these
// questions; the answers come from the scheme data, not from code scattered across the app.
import type { Grade } from './grade.ts';
import { fiveByFiveByFive, threeByFiveByTwo, type Dissemination } from './schemes.ts';

export function disseminationOf(grade: Grade): Dissemination {
  const codes = grade.scheme === '5x5x5' ? fiveByFiveByFive.handling : threeByFiveByTwo.handling;
  const found = codes.find((c) => c.code === grade.handling);
  if (found === undefined) throw new RangeError(`Handling code ${grade.handling} is not in scheme ${grade.scheme}`);
  return found.dissemination;
}

/** Only people of the agency that recorded the report may see it (5x5x5 handling 4 and 5). */
export function restrictsToOriginatingAgency(grade: Grade): boolean {
  const dissemination = disseminationOf(grade);
  switch (dissemination) {
    case 'originating-agency-only':
    case 'refer-to-originator':
      return true;
    case 'open':
    case 'with-authorisation':
      return false;
  }
}

/**
 * Sharing needs an authorisation recorded with it: 5x5x5 handling 2 and 3 (authorisation,
 * special conditions), 5 (only the originator can allow anything), 3x5x2 handling C (conditions).
 */
export function requiresRecordedAuthorisation(grade: Grade): boolean {
  const dissemination = disseminationOf(grade);
  switch (dissemination) {
    case 'with-authorisation':
    case 'refer-to-originator':
      return true;
    case 'open':
    case 'originating-agency-only':
      return false;
  }
}
