// The two intelligence grading schemes, as data with their own words. The letters and numbers
// swap meaning between them (a source is "B" in 5x5x5 but "1".."3" in 3x5x2), which is why every
// grade stores its scheme.
// Sources: 5x5x5 — HMRC manual MLR3C14000 (National Intelligence Model); 3x5x2 — College of
// Policing training material (treated as data: correct the words here if the APP text differs).

/**
 * What a handling code lets happen to the report:
 * - `open`: may be shared with the recipients the code names.
 * - `with-authorisation`: may be shared only with an authorisation (and its conditions) recorded.
 * - `originating-agency-only`: stays inside the agency that recorded it.
 * - `refer-to-originator`: no further dissemination at all; any request goes back to the
 *   originator, whose recorded authorisation is needed for anything beyond the originating agency.
 */
export type Dissemination = 'open' | 'with-authorisation' | 'originating-agency-only' | 'refer-to-originator';

export interface GradeCode<Code extends string> {
  readonly code: Code;
  readonly label: string;
}

export interface HandlingCode<Code extends string> extends GradeCode<Code> {
  readonly dissemination: Dissemination;
}

export const fiveByFiveByFive = {
  id: '5x5x5',
  label: '5x5x5 (National Intelligence Model)',
  source: [
    { code: 'A', label: 'Always reliable' },
    { code: 'B', label: 'Mostly reliable' },
    { code: 'C', label: 'Sometimes reliable' },
    { code: 'D', label: 'Unreliable' },
    { code: 'E', label: 'Untested source' },
  ],
  intelligence: [
    { code: '1', label: 'Known to be true without reservation' },
    { code: '2', label: 'Known personally to the source but not to the officer' },
    { code: '3', label: 'Not personally known to the source but corroborated' },
    { code: '4', label: 'Cannot be judged' },
    { code: '5', label: 'Suspected to be false or malicious' },
  ],
  handling: [
    { code: '1', label: 'May be disseminated to other law enforcement and prosecuting agencies, including those in the EEA', dissemination: 'open' },
    { code: '2', label: 'May be disseminated to UK non-prosecuting parties (authorisation and records needed)', dissemination: 'with-authorisation' },
    { code: '3', label: 'May be disseminated to non-EEA law enforcement agencies (special conditions apply)', dissemination: 'with-authorisation' },
    { code: '4', label: 'May be disseminated within the originating agency only', dissemination: 'originating-agency-only' },
    { code: '5', label: 'No further dissemination: refer to the originator (special handling requirements)', dissemination: 'refer-to-originator' },
  ],
} as const;

export const threeByFiveByTwo = {
  id: '3x5x2',
  label: '3x5x2 (College of Policing)',
  source: [
    { code: '1', label: 'Reliable' },
    { code: '2', label: 'Untested' },
    { code: '3', label: 'Not reliable' },
  ],
  intelligence: [
    { code: 'A', label: 'Known directly to the source' },
    { code: 'B', label: 'Known indirectly to the source but corroborated' },
    { code: 'C', label: 'Known indirectly to the source' },
    { code: 'D', label: 'Not known' },
    { code: 'E', label: 'Suspected to be false' },
  ],
  handling: [
    { code: 'P', label: 'Lawful sharing permitted', dissemination: 'open' },
    { code: 'C', label: 'Lawful sharing permitted with conditions', dissemination: 'with-authorisation' },
  ],
} as const;

export const gradingSchemes = [fiveByFiveByFive, threeByFiveByTwo] as const;

export type GradingScheme = (typeof gradingSchemes)[number]['id'];

export const gradingSchemeIds: readonly GradingScheme[] = gradingSchemes.map((s) => s.id);
