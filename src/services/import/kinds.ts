// The four kinds of record a force can import, each with its columns (documented in
// docs/import.md), how a row is read, and what it refers to: a visit names its premises, a person
// their visit, an arrest its person, by the references the force's own spreadsheets use.
import { jurisdictionLabel, type Jurisdiction } from '../../domain/calendar/jurisdiction.ts';
import { nameSearchText } from '../../domain/nameSearch.ts';
import { consents, exploitationTypes, nationalities, offences, offencesIn, premisesTypes } from '../../domain/vocabularies/index.ts';
import { identityDocumentKinds, personRoles, sexes, visitOutcomes } from '../../domain/vocabularies/enforcementRecording.ts';
import { MAX_LENGTH } from '../enforcementRecordingRules.ts';
import type { ArrestRow, PersonFoundRow, PremisesRow, VisitRow } from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import type { ColumnSet } from './csvRecords.ts';
import type { RowReader } from './rowReader.ts';

export const IMPORT_KINDS = ['premises', 'visits', 'people', 'arrests'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export const REFERENCE_MAX = 64;

/** What a row is tied to once its references are resolved. */
export interface Links {
  id: string;
  organisationId: string;
  /** The premises of a visit, the visit of a person, the person arrested. */
  parentId: string;
  /** An arrest belongs to the visit its person was found on. */
  parentVisitId: string;
  operationId: string;
  createdBy: string | null;
  now: string;
}

export interface Draft<R> {
  reference: string;
  parentReference: string | null;
  operationCode: string | null;
  build(links: Links): R;
}

/** What reading a row needs to know beyond the row: the date, and the force's jurisdiction (none for a UK-wide force). */
export interface ReadSetting {
  today: string;
  now: string;
  jurisdiction: Jurisdiction | null;
}

export interface KindLoader<R> {
  columns: ColumnSet;
  parentKind: Exclude<ImportKind, 'arrests'> | null;
  read(reader: RowReader, setting: ReadSetting): Draft<R>;
  insert(repositories: Repositories, rows: readonly R[]): Promise<void>;
}

export const premisesLoader: KindLoader<PremisesRow> = {
  columns: { required: ['reference', 'type', 'address', 'town', 'postcode'], optional: ['name'] },
  parentKind: null,
  read(reader) {
    const reference = reader.required('reference', REFERENCE_MAX);
    const premisesType = reader.term('type', premisesTypes, 'a premises type', { required: true }) ?? 'other';
    const name = reader.text('name', { maxLength: 200 });
    const address = reader.required('address', 500);
    const town = reader.required('town', 100);
    const postcode = reader.required('postcode', 10);
    if (postcode !== '' && !/^[A-Za-z0-9]{1,4} ?[A-Za-z0-9]{2,4}$/.test(postcode)) reader.problems.push(`postcode ${JSON.stringify(postcode)} is not a postcode`);
    return {
      reference, parentReference: null, operationCode: null,
      build: (links) => ({
        id: links.id, organisation_id: links.organisationId, premises_type: premisesType, name,
        // Lines of an address typed into one cell are separated by semicolons or line breaks.
        address_lines: JSON.stringify(address.split(/[;\n]/).map((line) => line.trim()).filter((line) => line !== '')),
        town, postcode, postcode_key: postcode.toUpperCase().replace(/\s+/g, ''), created_by: links.createdBy, created_at: links.now, updated_at: links.now,
      }),
    };
  },
  insert: (repositories, rows) => repositories.premises.insertMany(rows),
};

export const visitsLoader: KindLoader<VisitRow> = {
  columns: { required: ['reference', 'premises_reference', 'operation_code', 'visited_at', 'warrant', 'outcome'], optional: ['notes'] },
  parentKind: 'premises',
  read(reader, { now }) {
    const reference = reader.required('reference', REFERENCE_MAX);
    const premisesReference = reader.required('premises_reference', REFERENCE_MAX);
    const operationCode = reader.required('operation_code', 64);
    const visitedAt = reader.dateTime('visited_at', { notAfter: now });
    const warrant = reader.yesNo('warrant', { required: true });
    const outcome = reader.term('outcome', visitOutcomes, 'a visit outcome', { required: true });
    const notes = reader.text('notes', { maxLength: 10_000 }) ?? '';
    return {
      reference, parentReference: premisesReference, operationCode,
      build: (links) => ({
        id: links.id, operation_id: links.operationId, premises_id: links.parentId, organisation_id: links.organisationId, visited_at: visitedAt ?? '',
        warrant: warrant === true ? 1 : 0, outcome: outcome ?? '', notes, created_by: links.createdBy, created_at: links.now, updated_at: links.now,
      }),
    };
  },
  insert: (repositories, rows) => repositories.visits.insertMany(rows),
};

export const peopleLoader: KindLoader<PersonFoundRow> = {
  columns: {
    required: ['reference', 'visit_reference', 'role', 'sex'],
    optional: ['given_names', 'family_name', 'full_name', 'aliases', 'date_of_birth', 'estimated_age', 'nationality', 'languages', 'identity_documents', 'phone_numbers', 'account', 'exploitation_type', 'possible_child', 'consent', 'interpreter_language'],
  },
  parentKind: 'visits',
  read(reader, { today }) {
    const reference = reader.required('reference', REFERENCE_MAX);
    const visitReference = reader.required('visit_reference', REFERENCE_MAX);
    const role = reader.term('role', personRoles, 'a role', { required: true });
    const givenNames = reader.text('given_names', { maxLength: 200 }) ?? '';
    const familyName = reader.text('family_name', { maxLength: 200 }) ?? '';
    const fullName = reader.text('full_name', { maxLength: 400 }) ?? `${givenNames} ${familyName}`.trim();
    const aliases = reader.list('aliases', 200);
    const dateOfBirth = reader.date('date_of_birth', { required: false, notAfter: today });
    const estimatedAge = reader.integer('estimated_age', 0, 120);
    const sex = reader.term('sex', sexes, 'a sex', { required: true });
    const nationality = reader.term('nationality', nationalities, 'a country code (two letters, ISO 3166, such as GB, RO or VN)', { required: false, caseInsensitive: true });
    const languages = reader.list('languages', 50);
    const identityDocuments = reader.identityDocuments('identity_documents', { kinds: identityDocumentKinds, countries: nationalities, maxNumberLength: MAX_LENGTH.documentNumber, maxDocuments: MAX_LENGTH.documents });
    const phoneNumbers = reader.list('phone_numbers', 40);
    const account = reader.text('account', { maxLength: 20_000 }) ?? '';
    const exploitationType = reader.term('exploitation_type', exploitationTypes, 'an exploitation type', { required: false });
    const possibleChild = reader.yesNo('possible_child', { required: false }) ?? false;
    const consent = reader.term('consent', consents, 'a consent answer', { required: false });
    const interpreterLanguage = reader.text('interpreter_language', { maxLength: 50 });
    if (role !== null && role !== 'potential-victim' && (exploitationType !== null || consent !== null)) {
      reader.problems.push('exploitation type and consent are for potential victims only');
    }
    return {
      reference, parentReference: visitReference, operationCode: null,
      build: (links) => ({
        id: links.id, visit_id: links.parentId, organisation_id: links.organisationId, role: role ?? '', given_names: givenNames, family_name: familyName,
        full_name: fullName, aliases: JSON.stringify(aliases), name_search: nameSearchText([fullName, `${givenNames} ${familyName}`, ...aliases]),
        date_of_birth: dateOfBirth, estimated_age: estimatedAge, sex: sex ?? 'unknown', nationality, languages: JSON.stringify(languages),
        identity_documents: JSON.stringify(identityDocuments), phone_numbers: JSON.stringify(phoneNumbers), account, exploitation_type: exploitationType,
        possible_child: possibleChild ? 1 : 0, consent, interpreter_language: interpreterLanguage, created_by: links.createdBy, created_at: links.now, updated_at: links.now,
      }),
    };
  },
  insert: (repositories, rows) => repositories.peopleFound.insertMany(rows),
};

export const arrestsLoader: KindLoader<ArrestRow> = {
  columns: { required: ['reference', 'person_reference', 'offence', 'arrested_at'], optional: ['place'] },
  parentKind: 'people',
  read(reader, { now, jurisdiction }) {
    const reference = reader.required('reference', REFERENCE_MAX);
    const personReference = reader.required('person_reference', REFERENCE_MAX);
    const offence = reader.term('offence', offences, 'an offence code (see docs/import.md)', { required: true });
    const arrestedAt = reader.dateTime('arrested_at', { notAfter: now });
    const place = reader.text('place', { maxLength: 200 }) ?? '';
    // Not checked by year: an arrest today may be for an offence committed under a law since replaced.
    if (offence !== null && jurisdiction !== null && !offencesIn(jurisdiction).some((o) => o.id === offence)) {
      reader.problems.push(`offence ${offence} is not an offence in ${jurisdictionLabel(jurisdiction)}`);
    }
    return {
      reference, parentReference: personReference, operationCode: null,
      build: (links) => ({
        id: links.id, person_found_id: links.parentId, visit_id: links.parentVisitId, organisation_id: links.organisationId, offence: offence ?? '',
        arrested_at: arrestedAt ?? '', place, created_by: links.createdBy, created_at: links.now, updated_at: links.now,
      }),
    };
  },
  insert: (repositories, rows) => repositories.arrests.insertMany(rows),
};
