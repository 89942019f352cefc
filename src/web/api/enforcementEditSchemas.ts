// The API's shapes for editing records and for follow-ups. An edit replaces the record's fields
// (PUT) and carries the `version` it was read at; dates are ISO dates, times 24-hour `HH:MM`.
import { Type, type TSchema } from 'typebox';

const Id = Type.String({ maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const TimeOfDay = Type.String({ maxLength: 5, description: 'Local time, 24-hour clock, like 22:30' });
const Text = (maxLength: number) => Type.String({ maxLength });

const Basis = {
  version: Type.String({ maxLength: 40, description: 'The version the record was read at, as the API returned it' }),
  submissionId: Type.Optional(Type.String({ maxLength: 36, description: 'A UUID; repeating a request with the same one changes nothing more' })),
};

export const PremisesEdit = Type.Object({
  ...Basis, premisesType: Text(64), name: Type.Optional(Nullable(Text(200))), addressLines: Type.Array(Text(200), { minItems: 1, maxItems: 2 }), town: Text(100), postcode: Text(10),
}, { additionalProperties: false });

export const VisitEdit = Type.Object({
  ...Basis, operationId: Id, visitedOn: IsoDate, visitedTime: TimeOfDay, warrant: Type.Boolean(), outcome: Text(64), notes: Type.Optional(Text(2000)),
}, { additionalProperties: false });

export const PersonEdit = Type.Object({
  ...Basis, role: Text(64), fullName: Text(200), givenNames: Type.Optional(Text(200)), familyName: Type.Optional(Text(200)),
  aliases: Type.Optional(Type.Array(Text(200), { maxItems: 20 })),
  dateOfBirth: Type.Optional(Nullable(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' }))),
  estimatedAge: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 120 }))), sex: Text(32), nationality: Type.Optional(Nullable(Text(2))),
  languages: Type.Optional(Type.Array(Text(60), { maxItems: 10 })),
  identityDocuments: Type.Optional(Type.Array(Type.Object({ kind: Text(64), number: Text(60), issuingCountry: Type.Optional(Nullable(Text(2))) }, { additionalProperties: false }), { maxItems: 5 })),
  phoneNumbers: Type.Optional(Type.Array(Text(40), { maxItems: 10 })), account: Type.Optional(Text(5000)),
  exploitationType: Type.Optional(Nullable(Text(64))), possibleChild: Type.Optional(Type.Boolean()), consent: Type.Optional(Nullable(Text(64))),
  interpreterLanguage: Type.Optional(Nullable(Text(60))),
}, { additionalProperties: false });

export const ArrestEdit = Type.Object({
  ...Basis, offence: Text(100), arrestedOn: IsoDate, arrestedTime: TimeOfDay, place: Type.Optional(Text(200)),
}, { additionalProperties: false });

export const ChargeEdit = Type.Object({
  ...Basis, offence: Text(100), chargedOn: IsoDate, courtOutcome: Text(64), sentenceMonths: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1200 }))),
}, { additionalProperties: false });

export const SeizedAssetEdit = Type.Object({
  ...Basis, assetType: Text(64), amountMinor: Type.Integer({ minimum: 0, description: 'In minor units: pence, cents' }), currency: Text(3), description: Type.Optional(Text(500)),
}, { additionalProperties: false });

export const FollowUp = Type.Object({
  id: Id, forceId: Id, subjectType: Type.String(), subjectId: Id, assigneeId: Id, assigneeName: Type.String(), assignedBy: Nullable(Id),
  dueOn: Type.String({ format: 'date' }), note: Type.String(), status: Type.Union([Type.Literal('open'), Type.Literal('done')]), overdue: Type.Boolean(),
  outcome: Nullable(Type.String()), completedBy: Nullable(Id), completedAt: Nullable(Type.String({ format: 'date-time' })), createdAt: Type.String({ format: 'date-time' }),
});

export const NewFollowUp = Type.Object({
  subjectType: Type.Union([Type.Literal('premises'), Type.Literal('visit'), Type.Literal('person-found'), Type.Literal('arrest')]),
  subjectId: Id, assigneeId: Id, dueOn: IsoDate, note: Text(2000),
  submissionId: Type.Optional(Type.String({ maxLength: 36, description: 'A UUID; repeating a request with the same one makes no second follow-up' })),
}, { additionalProperties: false });

export const FollowUpCompletion = Type.Object({ outcome: Text(2000) }, { additionalProperties: false });
