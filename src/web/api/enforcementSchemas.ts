// The API's shapes for enforcement records: lists carry a summary of each record, and a person's
// full record (every read of it audited) comes only from /people/{id}.
import { Type, type Static, type TSchema } from 'typebox';
import { IMPORT_KINDS } from '../../services/import/kinds.ts';

const Id = Type.String({ maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });
/** Send it back unchanged with an edit: a save based on an older version is refused with 409. */
const Version = Type.String({ maxLength: 40, description: 'The version of the record this was read at; an edit must carry it' });

export const Operation = Type.Object({ id: Id, code: Type.String(), name: Type.String(), startsOn: Type.String({ format: 'date' }), endsOn: Type.String({ format: 'date' }) });

export const Premises = Type.Object({
  id: Id, forceId: Id, premisesType: Type.String(), name: Nullable(Type.String()), addressLines: Type.Array(Type.String()), town: Type.String(), postcode: Type.String(), version: Version,
});

export const VisitSummary = Type.Object({
  id: Id, operationId: Id, premisesId: Id, forceId: Id, visitedAt: Timestamp, warrant: Type.Boolean(), outcome: Type.String(), version: Version,
  premisesType: Type.String(), town: Type.String(), postcode: Type.String(),
});

export const Visit = Type.Object({
  id: Id, operationId: Id, premisesId: Id, forceId: Id, visitedAt: Timestamp, warrant: Type.Boolean(), outcome: Type.String(), notes: Type.String(), version: Version,
});

export const PersonSummary = Type.Object({
  id: Id, visitId: Id, forceId: Id, role: Type.String(), givenNames: Type.String(), familyName: Type.String(), fullName: Type.String(),
  aliases: Type.Array(Type.String()), dateOfBirth: Nullable(Type.String({ format: 'date' })), estimatedAge: Nullable(Type.Integer()), sex: Type.String(),
  nationality: Nullable(Type.String()), possibleChild: Type.Boolean(), version: Version,
});

export const PersonListItem = Type.Intersect([PersonSummary, Type.Object({ visitedAt: Timestamp, operationId: Id })]);

export const Person = Type.Intersect([PersonSummary, Type.Object({
  languages: Type.Array(Type.String()), phoneNumbers: Type.Array(Type.String()), identityDocuments: Type.Array(Type.Unknown()), account: Type.String(),
  exploitationType: Nullable(Type.String()), consent: Nullable(Type.String()), interpreterLanguage: Nullable(Type.String()),
})]);

export const Arrest = Type.Object({ id: Id, personFoundId: Id, visitId: Id, forceId: Id, offence: Type.String(), arrestedAt: Timestamp, place: Type.String(), version: Version });
export const ArrestListItem = Type.Intersect([Arrest, Type.Object({ fullName: Type.String(), operationId: Id })]);

export const Charge = Type.Object({ id: Id, offence: Type.String(), chargedOn: Type.String({ format: 'date' }), courtOutcome: Type.String(), sentenceMonths: Nullable(Type.Integer()), version: Version });
export const SeizedAsset = Type.Object({ id: Id, assetType: Type.String(), amountMinor: Type.Integer(), currency: Type.String(), description: Type.String(), version: Version });

export const PremisesDetail = Type.Object({ premises: Premises, visits: Type.Array(VisitSummary) });
export const VisitDetail = Type.Object({ visit: Visit, premises: Premises, people: Type.Array(PersonSummary), seizedAssets: Type.Array(SeizedAsset) });
/** The same protection the pages show as the "Protected until" banner; nothing of the person's care. */
export const Protection = Type.Object({
  status: Type.Union([Type.Literal('protected'), Type.Literal('potential-victim'), Type.Literal('none')], {
    description: '`protected`: inside the recovery and reflection period, or after it until the conclusive-grounds decision — must not be removed; `potential-victim`: a potential-victim record exists',
  }),
  protectedUntil: Nullable(Type.String({ format: 'date', description: 'Last day of the recovery and reflection period while protected' })),
  daysLeft: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Days of the period still to come, counting today (1 on its last day, 0 once ended); null when not protected' }),
  awaitingConclusiveDecision: Type.Boolean({ description: 'Protected although the period has ended: the conclusive-grounds decision is awaited' }),
});
export const PersonDetail = Type.Object({ person: Person, visit: Visit, premises: Premises, arrests: Type.Array(Arrest), protection: Protection });
export const ArrestDetail = Type.Object({ arrest: Arrest, person: PersonSummary, charges: Type.Array(Charge), protection: Protection });

export const listOf = <T extends TSchema>(item: T) => Type.Object({ total: Type.Integer(), items: Type.Array(item) });

const Scope = {
  operationId: Type.Optional(Id),
  forceId: Type.Optional(Id),
  from: Type.Optional(Type.String({ maxLength: 30, description: 'Inclusive: a date (2007-10-01) or an ISO timestamp' })),
  to: Type.Optional(Type.String({ maxLength: 30, description: 'Inclusive: a date covers that whole day' })),
};
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const VisitQuery = Type.Object({ ...Scope, ...Paging, outcome: Type.Optional(Type.String({ maxLength: 64 })), premisesType: Type.Optional(Type.String({ maxLength: 64 })) });
export const PeopleQuery = Type.Object({ ...Scope, ...Paging, role: Type.Optional(Type.String({ maxLength: 64 })), nationality: Type.Optional(Type.String({ maxLength: 2 })), name: Type.Optional(Type.String({ maxLength: 200 })) });
export const ArrestQuery = Type.Object({ ...Scope, ...Paging, offence: Type.Optional(Type.String({ maxLength: 100 })) });
export const PremisesQuery = Type.Object({ ...Paging, premisesType: Type.Optional(Type.String({ maxLength: 64 })) });
export const ResultsQuery = Type.Object(Scope);

const Figures = {
  visits: Type.Integer(), premisesVisited: Type.Integer(), potentialVictims: Type.Integer(), possibleChildren: Type.Integer(),
  arrests: Type.Integer(), peopleArrested: Type.Integer(), charges: Type.Integer(), cashSeizedMinor: Type.Record(Type.String(), Type.Integer()),
};
export const OperationResults = Type.Object({
  forces: Type.Array(Type.Object({ organisationId: Id, organisationName: Type.String(), organisationCode: Type.String(), ...Figures })),
  total: Type.Object(Figures),
  definitions: Type.Record(Type.String(), Type.String()),
});

export const ImportParams = Type.Object({ kind: Type.Union(IMPORT_KINDS.map((kind) => Type.Literal(kind))) });
export const ImportQuery = Type.Object({ allOrNothing: Type.Optional(Type.Boolean({ description: 'Load nothing unless every row is good' })) });
export const ImportBody = Type.String({ description: 'The CSV file, UTF-8, with a header row naming the columns (docs/import.md)', maxLength: 10_000_000 });
export const ImportReport = Type.Object({
  kind: Type.String(), forceCode: Type.String(), imported: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer({ description: 'The line of the file the row starts on; the header is line 1' }), reason: Type.String() })),
});

export type ImportReportBody = Static<typeof ImportReport>;
