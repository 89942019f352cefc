import type { OrganisationKind } from '../domain/organisationKinds.ts';

export const ROLES = [
  'officer',
  'supervisor',
  'analyst',
  'information-line-adviser',
  'first-responder',
  'charity-case-worker',
  'decision-maker',
  'organisation-administrator',
  'system-administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Police officer',
  supervisor: 'Supervisor',
  analyst: 'Analyst',
  'information-line-adviser': 'Information-line adviser',
  'first-responder': 'First responder',
  'charity-case-worker': 'Charity case worker',
  'decision-maker': 'Decision maker',
  'organisation-administrator': 'Organisation administrator',
  'system-administrator': 'System administrator',
};

/**
 * Which roles an organisation of each kind may hold. A role outside its kind would hand
 * someone another agency's powers (a charity worker with an officer's access), so it is refused.
 */
const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  'police-force': ['officer', 'supervisor', 'first-responder', 'organisation-administrator'],
  'national-centre': ['analyst', 'information-line-adviser', 'supervisor', 'organisation-administrator', 'system-administrator'],
  'competent-authority': ['decision-maker', 'supervisor', 'organisation-administrator'],
  'support-charity': ['charity-case-worker', 'first-responder', 'supervisor', 'organisation-administrator'],
  immigration: ['first-responder', 'supervisor', 'organisation-administrator'],
  'local-authority': ['first-responder', 'supervisor', 'organisation-administrator'],
  'public-line': ['organisation-administrator'],
};

export function rolesAllowedFor(kind: OrganisationKind): readonly Role[] {
  return ROLES_BY_KIND[kind];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
