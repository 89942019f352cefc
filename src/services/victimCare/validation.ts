// What a first responder typed, checked against the vocabularies. Every free-text field has a
// maximum length; values are kept as typed. Which path a record takes (named or anonymous) is
// the domain's rule (`referralForm`), so this only says what each path needs.
import { ValidationError, type FieldError } from '../../access/errors.ts';
import { isJurisdiction, type Jurisdiction } from '../../domain/calendar/jurisdiction.ts';
import { isBlankDate, partialDate, type DateParts } from '../../domain/recording/enteredValues.ts';
import { consents, referralForm, type Consent } from '../../domain/vocabularies/consent.ts';
import { sexes } from '../../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypes } from '../../domain/vocabularies/exploitationTypes.ts';
import { methodsOfControl } from '../../domain/vocabularies/methodsOfControl.ts';
import { nationalities } from '../../domain/vocabularies/nationalities.ts';
import {
  ageBands, childStatuses, identificationRoutes, safeToWriteAnswers, supportKinds, treatedAsChild, type AgeBand, type ChildStatus,
} from '../../domain/vocabularies/victimCare.ts';

export interface PotentialVictimInput {
  /** A person found on a visit this record starts from (optional). */
  personFoundId?: string;
  identificationRoute: string;
  exploitationTypes: string[];
  methodsOfControl: string[];
  childStatus: string;
  consent: string;
  /** Required for a child: the local authority (children's services) that is told. */
  localAuthorityId: string;
  supportWanted: string[];
  interpreterLanguage: string;
  dependants: string;
  dependantsNote: string;
  fullName: string;
  dateOfBirth: DateParts;
  sex: string;
  nationality: string;
  /** Only an anonymous notification uses the age band; a named record has the date of birth. */
  ageBand: string;
  address: string;
  safeToWrite: string;
  phone: string;
  email: string;
  account: string;
  /** Whose bank holidays the working-day clock uses; left empty, the recording organisation's. */
  jurisdiction: string;
}

interface Common {
  exploitationTypes: string[];
  sex: string;
  nationality: string | null;
}

export type ValidPotentialVictim =
  | (Common & {
      form: 'named-referral';
      identificationRoute: string;
      methodsOfControl: string[];
      childStatus: ChildStatus;
      consent: Consent;
      localAuthorityId: string | null;
      supportWanted: string[];
      interpreterLanguage: string | null;
      dependants: number;
      dependantsNote: string | null;
      fullName: string;
      dateOfBirth: string | null;
      address: string | null;
      safeToWrite: string;
      phone: string | null;
      email: string | null;
      account: string | null;
      jurisdiction: Jurisdiction | null;
    })
  | (Common & { form: 'anonymous-duty-to-notify'; ageBand: AgeBand });

const LIMITS = { fullName: 200, interpreterLanguage: 100, dependantsNote: 1000, address: 500, phone: 50, email: 254, account: 5000 } as const;

function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : value;
}

export function validatePotentialVictim(input: PotentialVictimInput): ValidPotentialVictim {
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string): void => {
    errors.push({ field, message });
  };
  const pickedFrom = (field: string, values: string[], has: (v: string) => boolean, what: string): string[] => {
    const unique = [...new Set(values.filter((v) => v !== ''))];
    if (unique.some((v) => !has(v))) refuse(field, `Select ${what} from the list`);
    return unique;
  };

  const childStatus = input.childStatus;
  if (!childStatuses.has(childStatus)) refuse('childStatus', 'Select whether the person is an adult or a child, or may be a child');
  const consent = input.consent;
  if (!consents.has(consent)) refuse('consent', 'Select whether the person consents to a referral');
  const sex = input.sex;
  if (!sexes.has(sex)) refuse('sex', 'Select the person’s sex, or “Not known”');
  const nationality = input.nationality === '' ? null : input.nationality;
  if (nationality !== null && !nationalities.has(nationality)) refuse('nationality', 'Select a nationality from the list');
  const types = pickedFrom('exploitationTypes', input.exploitationTypes, (v) => exploitationTypes.has(v), 'types of exploitation');
  if (errors.length > 0 || !childStatuses.has(childStatus) || !consents.has(consent)) throw new ValidationError(errors);

  const form = referralForm(consent, treatedAsChild(childStatus));
  if (form === 'anonymous-duty-to-notify') {
    // Nothing that could name the person is read, let alone kept: only the four facts.
    if (!ageBands.has(input.ageBand)) refuse('ageBand', 'Select an age band, or “Not known”');
    if (errors.length > 0 || !ageBands.has(input.ageBand)) throw new ValidationError(errors);
    return { form, exploitationTypes: types, sex, nationality, ageBand: input.ageBand };
  }

  if (!identificationRoutes.has(input.identificationRoute)) refuse('identificationRoute', 'Select how the person came to notice');
  const controls = pickedFrom('methodsOfControl', input.methodsOfControl, (v) => methodsOfControl.has(v), 'methods of control');
  const support = pickedFrom('supportWanted', input.supportWanted, (v) => supportKinds.has(v), 'the support wanted');
  if (input.fullName.trim() === '') refuse('fullName', 'Enter the person’s name as they gave it');
  for (const [field, limit] of Object.entries(LIMITS)) {
    const value = input[field as keyof typeof LIMITS];
    if (value.length > limit) refuse(field, `Keep this to ${limit} characters or fewer`);
  }
  const dateOfBirth = isBlankDate(input.dateOfBirth) ? null : partialDate(input.dateOfBirth);
  if (!isBlankDate(input.dateOfBirth) && dateOfBirth === null) refuse('dateOfBirth', 'Enter a real date of birth, or just the year');
  const dependantsText = input.dependants.trim();
  const dependants = dependantsText === '' ? 0 : Number(dependantsText);
  if (!Number.isInteger(dependants) || dependants < 0 || dependants > 30) refuse('dependants', 'Enter the number of dependants as a whole number, like 0 or 2');
  const safeToWrite = input.safeToWrite === '' ? 'not-known' : input.safeToWrite;
  if (!safeToWriteAnswers.has(safeToWrite)) refuse('safeToWrite', 'Select whether it is safe to write to this address');
  const email = optionalText(input.email);
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email.trim())) refuse('email', 'Enter an email address like name@example.com');
  const localAuthorityId = input.localAuthorityId === '' ? null : input.localAuthorityId;
  if (treatedAsChild(childStatus) && localAuthorityId === null) refuse('localAuthorityId', 'Select the local authority told about this child');
  const jurisdiction = input.jurisdiction === '' ? null : input.jurisdiction;
  if (jurisdiction !== null && !isJurisdiction(jurisdiction)) refuse('jurisdiction', 'Select where the person was identified');
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    form, identificationRoute: input.identificationRoute, exploitationTypes: types, methodsOfControl: controls, childStatus, consent,
    localAuthorityId, supportWanted: support, interpreterLanguage: optionalText(input.interpreterLanguage), dependants,
    dependantsNote: optionalText(input.dependantsNote), fullName: input.fullName, dateOfBirth, sex, nationality,
    address: optionalText(input.address), safeToWrite, phone: optionalText(input.phone), email, account: optionalText(input.account),
    jurisdiction: jurisdiction !== null && isJurisdiction(jurisdiction) ? jurisdiction : null,
  };
}

/** A decision's date from a GOV.UK date input: a full date, not after today. */
export function decisionDate(parts: DateParts, today: string, field = 'decidedOn'): string {
  if (isBlankDate(parts)) return today;
  const date = partialDate(parts);
  if (date === null || date.length !== 10) throw new ValidationError([{ field, message: 'Enter a real date, like 27 3 2026' }]);
  if (date > today) throw new ValidationError([{ field, message: 'The date cannot be in the future' }]);
  return date;
}

export function requiredReason(reason: string, field = 'reason', limit = 5000): string {
  if (reason.trim() === '') throw new ValidationError([{ field, message: 'Enter the reason' }]);
  if (reason.length > limit) throw new ValidationError([{ field, message: `Keep the reason to ${limit} characters or fewer` }]);
  return reason;
}
