/**
 * Who may do what on a map. Pure: the server decides with it on every request, and the browser
 * uses it only to hide buttons a person could not use anyway.
 */

/** Roles on one map, weakest first. */
export const ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** Access policies of a map: who gets a role without being a member. */
export const POLICIES = ['open', 'invite', 'read-only'] as const;
/**
 * - `open` — anyone with the URL contributes under a name (the built-in demo map);
 * - `invite` — members only (a class copy starts like this);
 * - `read-only` — anyone with the URL may read; nobody but the owner changes anything (members
 *   are capped at viewer while the map is read-only, and get their roles back when it reopens).
 */
export type Policy = (typeof POLICIES)[number];

/** What a request wants to do. "Own" means a point or deletion the person made themselves. */
export type Action =
  'view' | 'comment' | 'add' | 'edit-own' | 'edit-any' | 'delete-own' | 'delete-any' | 'arrange' | 'restore-own' | 'restore-any' | 'moderate' | 'manage';

const MIN_ROLE: Record<Action, Role> = {
  view: 'viewer',
  comment: 'commenter',
  add: 'editor',
  'edit-own': 'editor',
  'edit-any': 'owner',
  'delete-own': 'editor',
  'delete-any': 'owner',
  arrange: 'editor',
  'restore-own': 'editor',
  'restore-any': 'owner',
  moderate: 'owner',
  manage: 'owner',
};

/** True when `role` is at least `minimum`. */
export function atLeast(role: Role | null, minimum: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Whether someone with `role` (null: no role at all) may do `action`. */
export function can(role: Role | null, action: Action): boolean {
  return atLeast(role, MIN_ROLE[action]);
}

/** The role someone has on a map they are not a member of. */
export function roleWithoutMembership(policy: Policy): Role | null {
  switch (policy) {
    case 'open':
      return 'editor';
    case 'read-only':
      return 'viewer';
    case 'invite':
      return null;
  }
}

/** The role that counts: the owner is the owner; a member's role is capped by a read-only map. */
export function effectiveRole({ isOwner, memberRole, policy }: { isOwner: boolean; memberRole: Role | null; policy: Policy }): Role | null {
  if (isOwner) return 'owner';
  const base = memberRole ?? roleWithoutMembership(policy);
  if (policy === 'read-only' && base !== null && atLeast(base, 'commenter')) return 'viewer';
  return base;
}
