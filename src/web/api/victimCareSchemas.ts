// The API's shapes for victim care. The identity (name, contact details, account) is null
// unless the caller's organisation may see the whole record; `protectedFromRemoval` is the
// same flag the pages show as the "Protected until" banner.
import { Type, type TSchema } from 'typebox';

const Id = Type.String({ maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const Codes = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 30 });

export const Referral = Type.Object({
  id: Id, potentialVictimId: Id, kind: Type.String(), fromOrganisationId: Id, toOrganisationId: Id, status: Type.String(), referredOn: IsoDate, answeredOn: Nullable(IsoDate),
  closedOn: Nullable(IsoDate),
});

const Clock = {
  stage: Nullable(Type.String()), referredOn: Nullable(IsoDate), reasonableGroundsDueOn: Nullable(IsoDate), periodLastDay: Nullable(IsoDate), today: IsoDate,
  clock: Type.Unknown({ description: 'Where the path stands today: { kind, status? } as in src/domain/victimPath/path.ts (PathClock), or null before a referral' }),
  protectedFromRemoval: Type.Boolean({ description: 'Inside the recovery and reflection period (and until the conclusive-grounds decision): must not be removed' }),
  reflectionDaysLeft: Nullable(Type.Integer({ description: 'Days of the reflection period left, counting today' })),
};

export const PotentialVictimSummary = Type.Object({
  ...Clock, id: Id, access: Type.String(), organisationId: Id, fullName: Nullable(Type.String()), childStatus: Type.String(), exploitationTypes: Codes, createdAt: Type.String({ format: 'date-time' }),
});

export const PotentialVictim = Type.Object({
  ...Clock, id: Id, access: Type.String(), organisationId: Id, personFoundId: Nullable(Id), identificationRoute: Type.String(), identifiedOn: IsoDate, jurisdiction: Type.String(),
  exploitationTypes: Codes, methodsOfControl: Codes, childStatus: Type.String(), consent: Type.String(), localAuthorityId: Nullable(Id), supportWanted: Codes,
  interpreterLanguage: Nullable(Type.String()), dependants: Type.Integer(), safeToWrite: Type.String(), sex: Type.String(), nationality: Nullable(Type.String()),
  identity: Nullable(Type.Object({
    fullName: Type.String(), dateOfBirth: Nullable(Type.String()), address: Nullable(Type.String()), phone: Nullable(Type.String()), email: Nullable(Type.String()),
    account: Nullable(Type.String()), dependantsNote: Nullable(Type.String()),
  })),
  referrals: Type.Array(Referral),
  timeline: Nullable(Type.Array(Type.Object({
    id: Id, type: Type.String(), occurredOn: IsoDate, recordedAt: Type.String({ format: 'date-time' }), organisationId: Nullable(Id), referralId: Nullable(Id),
    outcome: Nullable(Type.String()), days: Nullable(Type.Integer()), requestedBy: Nullable(Type.String()), reason: Nullable(Type.String()),
  }))),
});

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const NewPotentialVictim = Type.Object({
  personFoundId: text(64), identificationRoute: text(64), exploitationTypes: Type.Optional(Codes), methodsOfControl: Type.Optional(Codes),
  childStatus: Type.String({ maxLength: 64 }), consent: Type.String({ maxLength: 64 }), localAuthorityId: text(64), supportWanted: Type.Optional(Codes),
  interpreterLanguage: text(100), dependants: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })), dependantsNote: text(1000), fullName: text(200),
  dateOfBirth: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })), sex: Type.String({ maxLength: 64 }), nationality: text(2),
  ageBand: text(64), address: text(500), safeToWrite: text(64), phone: text(50), email: text(254), account: text(5000), jurisdiction: text(64),
}, { additionalProperties: false, description: 'An adult who does not consent becomes an anonymous notification: only sex, nationality, ageBand and exploitationTypes are read' });

export const CreatedVictimRecord = Type.Object({ kind: Type.Union([Type.Literal('potential-victim'), Type.Literal('anonymous-notification')]), id: Id });

export const NewReferral = Type.Object({ kind: Type.String({ maxLength: 64 }), toOrganisationId: Id }, { additionalProperties: false });
export const Reason = Type.Object({ reason: Type.String({ maxLength: 5000 }) }, { additionalProperties: false });
export const NewDecision = Type.Object({
  outcome: Type.String({ maxLength: 16 }), decidedOn: Type.Optional(Type.String({ format: 'date', description: 'Defaults to today' })), reason: Type.Optional(Type.String({ maxLength: 5000 })),
}, { additionalProperties: false });
export const NewExtension = Type.Object({ days: Type.Integer({ minimum: 1, maximum: 365 }), reason: Type.String({ maxLength: 5000 }) }, { additionalProperties: false });

export const PathResult = Type.Object({ stage: Type.String(), path: Type.Unknown({ description: 'The path after the step (src/domain/victimPath/path.ts VictimPath)' }) });

const Deadline = Type.Object({
  potentialVictimId: Id, kind: Type.String(), dueOn: IsoDate, daysLeft: Nullable(Type.Integer()), workingDaysOverdue: Nullable(Type.Integer()), organisationIds: Type.Array(Id),
});
export const Deadlines = Type.Object({ today: IsoDate, decisionsDue: Type.Array(Deadline), overdue: Type.Array(Deadline), periodsEndingSoon: Type.Array(Deadline) });
export const DeadlinesQuery = Type.Object({ today: Type.Optional(Type.String({ format: 'date', description: 'Defaults to today in the UK' })) });

export const IncomingReferral = Type.Intersect([Referral, Type.Object({ childStatus: Type.String(), exploitationTypes: Codes, supportWanted: Codes })]);

export const AnonymousNotification = Type.Object({
  id: Id, organisationId: Id, notifiedOn: IsoDate, sex: Type.String(), nationality: Nullable(Type.String()), ageBand: Type.String(), exploitationTypes: Codes,
});

export const NewSupport = Type.Object({
  kind: Type.String({ maxLength: 64, description: 'accommodation, medical, counselling, legal-advice, interpreter, financial' }),
  givenOn: Type.Optional(Type.String({ format: 'date', description: 'Defaults to today' })), note: Type.Optional(Type.String({ maxLength: 5000, description: 'Read by the charity alone; encrypted at rest' })),
  submissionId: Type.Optional(Type.String({ maxLength: 36, description: 'A UUID of your choosing: a repeat with the same one records nothing new' })),
}, { additionalProperties: false });
export const SupportRecorded = Type.Object({ timelineEventId: Id, created: Type.Boolean() });
export const NewConsentChange = Type.Object({
  change: Type.Union([Type.Literal('given'), Type.Literal('withdrawn')]), reason: Type.String({ maxLength: 5000 }),
}, { additionalProperties: false, description: 'Withdrawn consent ends every live referral to a support charity' });
export const ConsentChanged = Type.Object({ endedReferralIds: Type.Array(Id) });
export const NewCaseClosure = Type.Object({ reason: Type.String({ maxLength: 64 }), moveOnPlan: Type.String({ maxLength: 5000 }) }, { additionalProperties: false });
