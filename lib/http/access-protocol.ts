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
  policy: Policy;
}

/** The identity part of a server-side access, as far as the browser may know it. */
interface AccessLike {
  role: Role | null;
  policy: Policy;
  identity: { kind: 'user'; name: string } | { kind: 'member'; name: string } | { kind: 'anonymous' };
}

/** The {@link ViewerAccess} of a resolved access: the same fields `GET /api/maps/{slug}` answers as `viewer`. */
export function viewerAccessOf(access: AccessLike): ViewerAccess {
  return {
    role: access.role,
    name: access.identity.kind === 'anonymous' ? null : access.identity.name,
    signedIn: access.identity.kind === 'user',
    policy: access.policy,
  };
}

/** The {@link ViewerAccess} a map view was rendered for. */
export function viewerAccessOfView(view: Pick<MapView, 'viewer' | 'map'>): ViewerAccess {
  return { ...view.viewer, policy: view.map.policy };
}

/** Whether two accesses would show the same page: same role, name, sign-in and policy. */
export function sameAccess(a: ViewerAccess, b: ViewerAccess): boolean {
  return a.role === b.role && a.name === b.name && a.signedIn === b.signedIn && a.policy === b.policy;
}
