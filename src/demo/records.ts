// The records the generator hands to the store: plain, JSON-safe objects (no Date, no Map), so the
// same seed serialises to the same bytes. Nothing here says which records are the same real
// person — that lives only in the ground truth (groundTruth.ts).
import type {
  AssetType, Consent, CourtOutcome, Currency, ExploitationType, IdentityDocumentKind, Jurisdiction,
  Nationality, Offence, PersonRole, PremisesType, Sex, VisitOutcome,
} from './vocabulary.ts';

/** A participating force, as the platform's organisation roster gives it. */
export interface ForceInput {
  code: string;
  name: string;
  jurisdiction: Jurisdiction;
}

export interface DemoOperationInput {
  seed: number;
  /** 1 gives the model operation's volumes (~800 visits); 100 gives ~80,000 for benchmarks. */
  scale: number;
  forces: readonly ForceInput[];
  /** Visits per emitted batch (whole networks are never split, so batches run slightly over). */
  batchVisits?: number;
  /** Defaults to the two model operations of 2006–08 (DEFAULT_OPERATIONS). */
  operations?: readonly OperationTemplate[];
}

export interface OperationTemplate {
  name: string;
  /** Inclusive ISO dates, 'YYYY-MM-DD'. */
  starts: string;
  ends: string;
  /** Visits at scale 1. */
  visits: number;
}

export interface OperationRecord {
  id: string;
  name: string;
  /** Inclusive ISO dates, 'YYYY-MM-DD'. */
  starts: string;
  ends: string;
}

export interface PremisesRecord {
  id: string;
  forceCode: string;
  type: PremisesType;
  /** A business or building name where one would be written ("Golden Lotus Health Spa"), else null. */
  name: string | null;
  addressLines: string[];
  town: string;
  /** UK postcode ("E1 6AN") or, for An Garda Síochána, an Eircode ("D07 X2F4"). */
  postcode: string;
}

export interface VisitRecord {
  id: string;
  operationId: string;
  premisesId: string;
  forceCode: string;
  /** ISO timestamp in UTC. */
  visitedAt: string;
  warrant: boolean;
  outcome: VisitOutcome;
}

/**
 * A date of birth as an officer wrote it down: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'. A full date may
 * have day and month swapped — it is a plausible date either way, which is the point.
 */
export type RecordedDateOfBirth = string;

export interface IdentityDocumentRecord {
  kind: IdentityDocumentKind;
  /** As written, which may differ from one record of the same document to another. */
  number: string;
  issuingCountry: Nationality;
}

export interface PotentialVictimDetails {
  exploitationType: ExploitationType;
  /** Under 18, or said to be, or looks it: a child is referred whatever they consent to. */
  possibleChild: boolean;
  consent: Consent;
  /** ISO 639 code of the interpreter's language, or null if none was needed. */
  interpreterLanguage: string | null;
}

export interface PersonFoundRecord {
  id: string;
  visitId: string;
  forceCode: string;
  role: PersonRole;
  /** The fields as recorded. Any of them may be empty: people give what they give. */
  givenNames: string;
  familyName: string;
  /** Exactly as written on the form, which may be in another script or another order. */
  fullNameAsWritten: string;
  aliases: string[];
  /** Null when only an age was estimated or nothing was recorded. */
  dateOfBirth: RecordedDateOfBirth | null;
  /** Set when the officer estimated an age instead of recording a date of birth. */
  estimatedAge: number | null;
  sex: Sex;
  nationality: Nationality | null;
  /** ISO 639 codes (two letters where one exists, else three, e.g. 'bin' for Edo). */
  languages: string[];
  identityDocuments: IdentityDocumentRecord[];
  /** Phone numbers exactly as written: '+44 7700 900123', '07700900123', '0040 721 234 567'. */
  phoneNumbers: string[];
  /** The officer's free-text account, in the platform's careful language. */
  account: string;
  /** Present exactly when role is 'potential-victim'. */
  potentialVictim: PotentialVictimDetails | null;
}

export interface ChargeRecord {
  offence: Offence;
  chargedOn: string;
  courtOutcome: CourtOutcome;
  /** Set only when convicted and a custodial sentence was given. */
  sentenceMonths: number | null;
}

export interface ArrestRecord {
  id: string;
  personFoundId: string;
  visitId: string;
  forceCode: string;
  offence: Offence;
  arrestedAt: string;
  /** Empty when released without charge. */
  charges: ChargeRecord[];
}

export interface SeizedAssetRecord {
  id: string;
  visitId: string;
  forceCode: string;
  type: AssetType;
  /** Minor units (pence, cent) so that sums are exact. */
  amountMinor: number;
  currency: Currency;
  description: string;
}

/** One chunk of records, in an order the store can insert without breaking foreign keys. */
export interface OperationRecordBatch {
  operations: OperationRecord[];
  premises: PremisesRecord[];
  visits: VisitRecord[];
  peopleFound: PersonFoundRecord[];
  arrests: ArrestRecord[];
  seizedAssets: SeizedAssetRecord[];
}
