// The rules a recorded enforcement record must meet. Each validator collects every problem into
// one ValidationError, named by the form field it belongs to, so the error summary lists them all
// and links to each. Text is trimmed and otherwise kept exactly as typed.
import { ValidationError, type FieldError } from '../access/errors.ts';
import {
  amountInMinorUnits, fullDate, isBlankDate, isPostcode, localDate, localTimeToUtc, partialDate, postcodeKey, timeOfDay, type DateParts,
} from '../domain/recording/enteredValues.ts';
import { consents } from '../domain/vocabularies/consent.ts';
import { courtOutcomes, isConviction } from '../domain/vocabularies/courtOutcomes.ts';
import { currencies, identityDocumentKinds, personRoles, sexes, visitOutcomes } from '../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypes } from '../domain/vocabularies/exploitationTypes.ts';
import { nationalities } from '../domain/vocabularies/nationalities.ts';
import { premisesTypes } from '../domain/vocabularies/premisesTypes.ts';
import { seizedAssetTypes } from '../domain/vocabularies/seizedAssetTypes.ts';
import type { OperationRow } from '../store/schema.ts';
import type { ArrestInput, ChargeInput, CourtOutcomeInput, PersonFoundInput, PremisesInput, SeizedAssetInput, VisitInput } from './enforcementRecording.ts';

export interface RecordingLimits {
  now: Date;
}

export const MAX_LENGTH = {
  name: 200,
  addressLine: 200,
  town: 100,
  postcode: 10,
  notes: 2000,
  alias: 200,
  aliases: 20,
  language: 60,
  languages: 10,
  documentNumber: 60,
  documents: 5,
  phone: 40,
  phones: 10,
  account: 5000,
  place: 200,
  description: 500,
} as const;

/** The largest amount a 32-bit column holds in minor units, rounded down: £20 million. */
const MAX_AMOUNT_MINOR = 2_000_000_000;
const MAX_SENTENCE_MONTHS = 12 * 100;

class Problems {
  readonly list: FieldError[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** Trims a text field and checks its length; `required` gives the message for an empty one. */
  text(field: string, value: string, max: number, label: string, required?: string): string {
    const trimmed = value.trim();
    if (trimmed === '' && required !== undefined) this.add(field, required);
    if (trimmed.length > max) this.add(field, `${label} must be ${max} characters or fewer`);
    return trimmed;
  }

  /** Several lines of one kind: each no longer than `max`, and not too many. */
  entries(field: string, values: readonly string[], max: number, most: number, label: string): string[] {
    const kept = values.map((v) => v.trim()).filter((v) => v !== '');
    if (kept.length > most) this.add(field, `Enter no more than ${most} ${label}`);
    if (kept.some((v) => v.length > max)) this.add(field, `Each of the ${label} must be ${max} characters or fewer`);
    return kept;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}

/** A date and time of day as the officer's clock showed them, not in the future; the UTC instant, or null. */
function instant(problems: Problems, field: string, timeField: string, date: DateParts, time: string, what: string, limits: RecordingLimits): string | null {
  const day = fullDate(date);
  const clock = timeOfDay(time);
  if (isBlankDate(date)) problems.add(field, `Enter the date of the ${what}`);
  else if (day === null) problems.add(field, `The date of the ${what} must be a real date, like 27 3 2007`);
  if (time.trim() === '') problems.add(timeField, `Enter the time of the ${what}`);
  else if (clock === null) problems.add(timeField, `Enter the time of the ${what} using the 24-hour clock, like 22:30`);
  if (day === null || clock === null) return null;
  const at = localTimeToUtc(day, clock);
  if (at > limits.now.toISOString()) {
    problems.add(field, `The date and time of the ${what} must be in the past`);
    return null;
  }
  return at;
}

export function validatePremises(input: PremisesInput): PremisesRowValues {
  const problems = new Problems();
  if (!premisesTypes.has(input.premisesType)) problems.add('premisesType', 'Select the type of premises');
  const name = problems.text('name', input.name, MAX_LENGTH.name, 'The name of the premises');
  const addressLines = input.addressLines.map((line, index) => problems.text(`addressLine${index + 1}`, line, MAX_LENGTH.addressLine, `Address line ${index + 1}`)).filter((l) => l !== '');
  if (addressLines.length === 0) problems.add('addressLine1', 'Enter the first line of the address');
  const town = problems.text('town', input.town, MAX_LENGTH.town, 'Town or city', 'Enter the town or city');
  const postcode = input.postcode.trim();
  if (postcode === '') problems.add('postcode', 'Enter the postcode');
  else if (postcode.length > MAX_LENGTH.postcode || !isPostcode(postcode)) problems.add('postcode', 'Enter a real postcode, like E1 6AN (or an Eircode, like D07 X2F4)');
  problems.throwIfAny();
  return { premises_type: input.premisesType, name: name === '' ? null : name, address_lines: JSON.stringify(addressLines), town, postcode, postcode_key: postcodeKey(postcode) };
}

interface PremisesRowValues {
  premises_type: string;
  name: string | null;
  address_lines: string;
  town: string;
  postcode: string;
  postcode_key: string;
}

export function validateVisit(input: VisitInput, found: { operation: OperationRow | undefined; forceTakesPart: boolean }, limits: RecordingLimits) {
  const problems = new Problems();
  const operation = found.operation;
  if (operation === undefined) problems.add('operationId', 'Select the operation this visit was part of');
  else if (!found.forceTakesPart) problems.add('operationId', 'Your force is not taking part in this operation');
  const visitedAt = instant(problems, 'visitedOn', 'visitedTime', input.visitedOn, input.visitedTime, 'visit', limits);
  if (visitedAt !== null && operation !== undefined) {
    const day = localDate(new Date(visitedAt));
    if (day < operation.starts_on || day > operation.ends_on) problems.add('visitedOn', `The visit must be within the operation, from ${operation.starts_on} to ${operation.ends_on}`);
  }
  if (input.warrant !== 'yes' && input.warrant !== 'no') problems.add('warrant', 'Select yes if the visit was made under a warrant');
  if (!visitOutcomes.has(input.outcome)) problems.add('outcome', 'Select the outcome of the visit');
  const notes = problems.text('notes', input.notes, MAX_LENGTH.notes, 'Notes');
  problems.throwIfAny();
  return { operationId: input.operationId, visitedAt: visitedAt ?? '', warrant: input.warrant === 'yes', outcome: input.outcome, notes };
}

function ageOn(dateOfBirth: string, today: string): number {
  // A partial date is read as its earliest day, so a child is never taken for an adult.
  const [year = 0, month = 1, day = 1] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return y - year - (m < month || (m === month && d < day) ? 1 : 0);
}

export function validatePersonFound(input: PersonFoundInput, limits: RecordingLimits) {
  const problems = new Problems();
  const today = localDate(limits.now);
  if (!personRoles.has(input.role)) problems.add('role', 'Select whether the person is a potential victim, a suspect or someone else present');
  const fullName = problems.text('fullName', input.fullName, MAX_LENGTH.name, 'Name as written');
  const givenNames = problems.text('givenNames', input.givenNames, MAX_LENGTH.name, 'Given names');
  const familyName = problems.text('familyName', input.familyName, MAX_LENGTH.name, 'Family name');
  if (fullName === '' && givenNames === '' && familyName === '') problems.add('fullName', 'Enter the name as the person gave it, or write “Not given”');
  const aliases = problems.entries('aliases', input.aliases, MAX_LENGTH.alias, MAX_LENGTH.aliases, 'other names');

  let dateOfBirth: string | null = null;
  if (!isBlankDate(input.dateOfBirth)) {
    dateOfBirth = partialDate(input.dateOfBirth);
    if (dateOfBirth === null) problems.add('dateOfBirth', 'Date of birth must be a real date, or a month and year, or a year');
    else if (dateOfBirth > today.slice(0, dateOfBirth.length)) problems.add('dateOfBirth', 'Date of birth must be in the past');
    else if (Number(dateOfBirth.slice(0, 4)) < Number(today.slice(0, 4)) - 120) problems.add('dateOfBirth', 'Date of birth must be within the last 120 years');
  }
  let estimatedAge: number | null = null;
  const ageText = input.estimatedAge.trim();
  if (ageText !== '') {
    if (!/^\d{1,3}$/.test(ageText) || Number(ageText) > 120) problems.add('estimatedAge', 'Estimated age must be a whole number of years, like 25');
    else estimatedAge = Number(ageText);
    if (dateOfBirth !== null) problems.add('estimatedAge', 'Enter a date of birth or an estimated age, not both');
  }
  if (!sexes.has(input.sex)) problems.add('sex', 'Select the person’s sex, or “Not known”');
  const nationality = input.nationality.trim();
  if (nationality !== '' && !nationalities.has(nationality)) problems.add('nationality', 'Select a nationality from the list');
  const languages = problems.entries('languages', input.languages, MAX_LENGTH.language, MAX_LENGTH.languages, 'languages');
  const identityDocuments = input.identityDocuments
    .filter((d) => d.kind.trim() !== '' || d.number.trim() !== '' || d.issuingCountry.trim() !== '')
    .map((document, index) => {
      const prefix = `document${index + 1}`;
      if (!identityDocumentKinds.has(document.kind)) problems.add(`${prefix}Kind`, 'Select the kind of identity document');
      const number = problems.text(`${prefix}Number`, document.number, MAX_LENGTH.documentNumber, 'Document number');
      if (document.issuingCountry !== '' && !nationalities.has(document.issuingCountry)) problems.add(`${prefix}Country`, 'Select the country that issued the document');
      return { kind: document.kind, number, issuingCountry: document.issuingCountry === '' ? null : document.issuingCountry };
    });
  if (identityDocuments.length > MAX_LENGTH.documents) problems.add('document1Kind', `Enter no more than ${MAX_LENGTH.documents} identity documents`);
  const phoneNumbers = problems.entries('phoneNumbers', input.phoneNumbers, MAX_LENGTH.phone, MAX_LENGTH.phones, 'phone numbers');
  if (phoneNumbers.some((p) => !/\d/.test(p))) problems.add('phoneNumbers', 'Each phone number must contain digits');
  const account = problems.text('account', input.account, MAX_LENGTH.account, 'The account');

  const victim = input.role === 'potential-victim';
  const exploitationType = input.exploitationType.trim();
  const consent = input.consent.trim();
  const interpreterLanguage = problems.text('interpreterLanguage', input.interpreterLanguage, MAX_LENGTH.language, 'Interpreter language');
  if (victim) {
    if (exploitationType !== '' && !exploitationTypes.has(exploitationType)) problems.add('exploitationType', 'Select the type of exploitation');
    if (!consents.has(consent)) problems.add('consent', 'Select whether the person consents to a referral');
  } else if (personRoles.has(input.role)) {
    // Details of a potential victim on anyone else would be misleading: say so rather than drop them.
    if (exploitationType !== '') problems.add('exploitationType', 'Exploitation type is recorded only for a potential victim');
    if (consent !== '') problems.add('consent', 'Consent is recorded only for a potential victim');
    if (input.possibleChild === 'yes') problems.add('possibleChild', 'Possible child is recorded only for a potential victim');
  }
  problems.throwIfAny();
  // A child is referred whatever they consent to, so a recorded age under 18 marks a possible child even if the box was missed.
  const underAge = (estimatedAge !== null && estimatedAge < 18) || (dateOfBirth !== null && ageOn(dateOfBirth, today) < 18);
  return {
    role: input.role, fullName: fullName === '' ? `${givenNames} ${familyName}`.trim() : fullName, givenNames, familyName, aliases,
    dateOfBirth, estimatedAge, sex: input.sex, nationality: nationality === '' ? null : nationality, languages, identityDocuments, phoneNumbers, account,
    exploitationType: victim && exploitationType !== '' ? exploitationType : null, possibleChild: victim && (input.possibleChild === 'yes' || underAge),
    consent: victim ? consent : null, interpreterLanguage: victim && interpreterLanguage !== '' ? interpreterLanguage : null,
  };
}

export function validateArrest(input: ArrestInput, found: { visitedAt: string; offences: readonly string[] }, limits: RecordingLimits) {
  const problems = new Problems();
  if (input.offence === '') problems.add('offence', 'Select the offence');
  else if (!found.offences.includes(input.offence)) problems.add('offence', 'Select an offence from the list for your force’s jurisdiction');
  const arrestedAt = instant(problems, 'arrestedOn', 'arrestedTime', input.arrestedOn, input.arrestedTime, 'arrest', limits);
  // An arrest may be made days after the visit, never before the day of it.
  if (arrestedAt !== null && localDate(new Date(arrestedAt)) < localDate(new Date(found.visitedAt))) problems.add('arrestedOn', 'The arrest cannot be before the visit where the person was found');
  const place = problems.text('place', input.place, MAX_LENGTH.place, 'Place of arrest');
  problems.throwIfAny();
  return { offence: input.offence, arrestedAt: arrestedAt ?? '', place };
}

function courtOutcome(problems: Problems, input: CourtOutcomeInput): { courtOutcome: string; sentenceMonths: number | null } {
  const outcome = input.courtOutcome;
  if (!courtOutcomes.has(outcome)) problems.add('courtOutcome', 'Select the court outcome');
  const monthsText = input.sentenceMonths.trim();
  let sentenceMonths: number | null = null;
  if (monthsText !== '') {
    if (!/^\d{1,4}$/.test(monthsText) || Number(monthsText) < 1 || Number(monthsText) > MAX_SENTENCE_MONTHS) problems.add('sentenceMonths', 'Sentence must be a whole number of months, like 30');
    else if (!courtOutcomes.has(outcome) || !isConviction(outcome)) problems.add('sentenceMonths', 'A custodial sentence is recorded only after a conviction');
    else sentenceMonths = Number(monthsText);
  }
  return { courtOutcome: outcome, sentenceMonths };
}

export function validateCharge(input: ChargeInput, found: { arrestedAt: string; offences: readonly string[] }, limits: RecordingLimits) {
  const problems = new Problems();
  if (input.offence === '') problems.add('offence', 'Select the offence charged');
  else if (!found.offences.includes(input.offence)) problems.add('offence', 'Select an offence from the list for your force’s jurisdiction');
  const chargedOn = fullDate(input.chargedOn);
  if (isBlankDate(input.chargedOn)) problems.add('chargedOn', 'Enter the date of the charge');
  else if (chargedOn === null) problems.add('chargedOn', 'The date of the charge must be a real date, like 28 3 2007');
  else if (chargedOn > localDate(limits.now)) problems.add('chargedOn', 'The date of the charge must be today or in the past');
  else if (chargedOn < localDate(new Date(found.arrestedAt))) problems.add('chargedOn', 'The charge cannot be before the arrest');
  const outcome = courtOutcome(problems, input);
  problems.throwIfAny();
  return { offence: input.offence, chargedOn: chargedOn ?? '', ...outcome };
}

export function validateCourtOutcome(input: CourtOutcomeInput) {
  const problems = new Problems();
  const outcome = courtOutcome(problems, input);
  problems.throwIfAny();
  return outcome;
}

export function validateSeizedAsset(input: SeizedAssetInput) {
  const problems = new Problems();
  if (!seizedAssetTypes.has(input.assetType)) problems.add('assetType', 'Select what was seized');
  const amountMinor = input.amount.trim() === '' ? null : amountInMinorUnits(input.amount);
  if (input.amount.trim() === '') problems.add('amount', 'Enter the amount, or the estimated value');
  else if (amountMinor === null) problems.add('amount', 'Amount must be a number, like 1250 or 1250.50');
  else if (amountMinor > MAX_AMOUNT_MINOR) problems.add('amount', 'Amount must be 20,000,000 or less');
  if (!currencies.has(input.currency)) problems.add('currency', 'Select the currency');
  const description = problems.text('description', input.description, MAX_LENGTH.description, 'Description');
  if (input.assetType === 'other' && description === '') problems.add('description', 'Describe what was seized');
  problems.throwIfAny();
  return { assetType: input.assetType, amountMinor: amountMinor ?? 0, currency: input.currency, description };
}
