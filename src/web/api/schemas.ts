// The API's shapes, written once in TypeBox: they validate requests, type handlers and feed OpenAPI.
import { Type, type Static } from 'typebox';
import { ROLES } from '../../access/roles.ts';
import { JURISDICTIONS, ORGANISATION_KINDS } from '../../domain/organisationKinds.ts';

export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
}, { $id: 'Problem', description: 'RFC 9457 problem details' });

export const Organisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(ORGANISATION_KINDS),
  jurisdiction: Type.Enum(JURISDICTIONS),
  retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const NewOrganisation = Type.Object({
  code: Type.String({ maxLength: 64 }),
  name: Type.String({ maxLength: 200 }),
  kind: Type.String(),
  jurisdiction: Type.String(),
}, { additionalProperties: false });

export const OrganisationChanges = Type.Object({
  name: Type.String({ maxLength: 200 }),
  kind: Type.String(),
  jurisdiction: Type.String(),
  retired: Type.Boolean(),
}, { additionalProperties: false });

export const Role = Type.Enum(ROLES);

export const UserAccount = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisationId: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  secondFactorEnabled: Type.Boolean(),
  isDemo: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const NewUser = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  email: Type.String({ maxLength: 254 }),
  displayName: Type.String({ maxLength: 200 }),
  roles: Type.Array(Type.String(), { maxItems: 9 }),
}, { additionalProperties: false });

export const CreatedUser = Type.Object({ user: UserAccount, temporaryPassword: Type.String({ description: 'Shown once; give it to the person by a secure route' }) });

export const RoleChange = Type.Object({ roles: Type.Array(Type.String(), { maxItems: 9 }) }, { additionalProperties: false });

export const Me = Type.Object({
  user: UserAccount,
  organisation: Organisation,
  via: Type.Union([Type.Literal('session'), Type.Literal('api-token')]),
});

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorOrganisationId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  subjectOrganisationId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  subjectType: Type.Optional(Type.String({ maxLength: 100 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export type NewUserBody = Static<typeof NewUser>;
