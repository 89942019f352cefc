/**
 * The person record the linkage engine works on. The platform maps its own person records onto
 * this shape; every field except the two identifiers is optional because forces record
 * different things, and a missing value must never count as disagreement.
 */
export interface PersonRecord {
  /** Unique within the whole run (not only within its source). */
  readonly recordId: string;
  /** The force, agency or file the record came from. */
  readonly sourceId: string;
  /** All given names in written order, e.g. "Thi Lan". */
  readonly givenNames?: string | null;
  readonly familyName?: string | null;
  /**
   * A name as written when the source does not split it ("NGUYEN T. LAN, b. 1990"). Used only
   * when given and family names are both absent; the engine splits it heuristically.
   */
  readonly fullName?: string | null;
  /** Other names the person is known by, each a full name. */
  readonly aliases?: readonly string[] | null;
  /** ISO 8601, possibly partial: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. Other common forms are accepted. */
  readonly dateOfBirth?: string | null;
  /** An officer's estimate when no date of birth is known. */
  readonly estimatedAge?: EstimatedAge | null;
  readonly sex?: string | null;
  /** Country name or ISO 3166 code as recorded. */
  readonly nationality?: string | null;
  readonly phones?: readonly string[] | null;
  readonly postcode?: string | null;
  readonly address?: string | null;
  /** Passport, identity card, national insurance or similar numbers. */
  readonly documentNumbers?: readonly string[] | null;
  /** E-mail addresses (adverts and messaging accounts often carry them). */
  readonly emails?: readonly string[] | null;
  /**
   * Where the person was found or recorded, as an area code or name (e.g. the police force area).
   * People are found again near where they were found before; namesakes live all over.
   */
  readonly area?: string | null;
}

export interface EstimatedAge {
  readonly years: number;
  /** When the estimate was made (ISO date); without it the age is taken as of the run date. */
  readonly asOf?: string | null;
}

/**
 * dedupe: every pair of records; link: only pairs from different sources;
 * linkAndDedupe: both (several sources that may also contain duplicates).
 */
export type LinkType = 'dedupe' | 'link' | 'linkAndDedupe';
