import type { Policy, Role } from '../auth/permissions';
import type { MapView } from '../argument/map-view';

/**
 * What the live stream tells one caller about their own access to the map (`event: access`): their
 * role, the name the server signs their changes with (null for an anonymous caller), whether they
 * are signed in, and the map's policy. The same shape as a map view's `viewer` plus the policy, so
 * the page can put it in place of what it loaded. Built per stream from that stream's own cookies:
 * it never says anything about anyone else.
 */
export interface ViewerAccess {
  role: Role | null;
  name: string | null;
  signedIn: boolean;
  /** How classmates see them on an anonymous map ("Student 3"); null when they see the name. */
  alias: string | null;
  policy: Policy;
  /** Whether the map is anonymous for its class (names then show as "Student N" to all but the owner). */
  anonymous: boolean;
}

/** The identity part of a server-side access, as far as the browser may know it. */
interface AccessLike {
  role: Role | null;
  policy: Policy;
  identity: { kind: 'user'; name: string } | { kind: 'member'; name: string } | { kind: 'anonymous' };
  anonymous?: boolean;
}

/** The {@link ViewerAccess} of a resolved access: the same fields `GET /api/maps/{slug}` answers as `viewer`. */
export function viewerAccessOf(access: AccessLike, alias: string | null = null): ViewerAccess {
  return {
    role: access.role,
    name: access.identity.kind === 'anonymous' ? null : access.identity.name,
    signedIn: access.identity.kind === 'user',
    alias,
    policy: access.policy,
    anonymous: access.anonymous ?? false,
  };
}

/** The {@link ViewerAccess} a map view was rendered for. */
export function viewerAccessOfView(view: Pick<MapView, 'viewer' | 'map'>): ViewerAccess {
  return { ...view.viewer, policy: view.map.policy, anonymous: view.map.anonymous };
}

/** Whether two accesses would show the same page: same role, name, sign-in, alias, policy and anonymity. */
export function sameAccess(a: ViewerAccess, b: ViewerAccess): boolean {
  return a.role === b.role && a.name === b.name && a.signedIn === b.signedIn && a.alias === b.alias && a.policy === b.policy && a.anonymous === b.anonymous;
}
