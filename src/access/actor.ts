import type { OrganisationKind } from '../domain/organisationKinds.ts';
import type { Role } from './roles.ts';

/** Someone signed in, acting through a browser session or a personal API token. */
export interface UserActor {
  kind: 'user';
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: ReadonlySet<Role>;
  isDemo: boolean;
  via: 'session' | 'api-token';
  requestId: string | null;
}

/** An operator at the server's command line: trusted, and audited as such. */
export interface SystemActor {
  kind: 'system';
  label: string;
  requestId: null;
}

export type Actor = UserActor | SystemActor;

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.has(role);
}

export function systemActor(label: string): SystemActor {
  return { kind: 'system', label, requestId: null };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : `system:${actor.label}`;
}
