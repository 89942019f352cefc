import type { Actor } from '../actor.ts';
import type { Role } from '../roles.ts';

/**
 * Every route declares one of these. The route guard refuses a route that declares none,
 * so a new page cannot go live without a decision about who may use it.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'roles'; roles: readonly Role[] };

export const PUBLIC: RouteAccess = { kind: 'public' };
export const SIGNED_IN: RouteAccess = { kind: 'signed-in' };
export function rolesOnly(...roles: Role[]): RouteAccess {
  return { kind: 'roles', roles };
}

export type RouteDecision = 'allow' | 'sign-in-required' | 'forbidden';

export function decideRoute(access: RouteAccess, actor: Actor | null): RouteDecision {
  switch (access.kind) {
    case 'public':
      return 'allow';
    case 'signed-in':
      return actor === null ? 'sign-in-required' : 'allow';
    case 'roles':
      if (actor === null) return 'sign-in-required';
      if (actor.kind === 'system') return 'allow';
      return access.roles.some((role) => actor.roles.has(role)) ? 'allow' : 'forbidden';
  }
}
