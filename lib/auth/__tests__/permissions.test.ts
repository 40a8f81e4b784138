import { describe, expect, test } from 'vitest';
import { can, effectiveRole, ROLES, type Action, type Role } from '../permissions';

/** The permission matrix, written out: each role × each action. */
const MATRIX: Record<Action, Record<Role, boolean>> = {
  view: { viewer: true, commenter: true, editor: true, owner: true },
  comment: { viewer: false, commenter: true, editor: true, owner: true },
  add: { viewer: false, commenter: false, editor: true, owner: true },
  'edit-own': { viewer: false, commenter: false, editor: true, owner: true },
  'edit-any': { viewer: false, commenter: false, editor: false, owner: true },
  'delete-own': { viewer: false, commenter: false, editor: true, owner: true },
  'delete-any': { viewer: false, commenter: false, editor: false, owner: true },
  arrange: { viewer: false, commenter: false, editor: true, owner: true },
  'restore-own': { viewer: false, commenter: false, editor: true, owner: true },
  'restore-any': { viewer: false, commenter: false, editor: false, owner: true },
  moderate: { viewer: false, commenter: false, editor: false, owner: true },
  manage: { viewer: false, commenter: false, editor: false, owner: true },
};

describe('can', () => {
  const cases = (Object.keys(MATRIX) as Action[]).flatMap((action) => ROLES.map((role) => [role, action, MATRIX[action][role]] as const));
  test.each(cases)('%s → %s: %s', (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });
  test.each(Object.keys(MATRIX) as Action[])('no role cannot %s', (action) => {
    expect(can(null, action)).toBe(false);
  });
});

describe('effectiveRole', () => {
  test.each([
    [{ isOwner: true, memberRole: null, policy: 'invite' }, 'owner'],
    [{ isOwner: false, memberRole: null, policy: 'open' }, 'editor'],
    [{ isOwner: false, memberRole: null, policy: 'invite' }, null],
    [{ isOwner: false, memberRole: null, policy: 'read-only' }, 'viewer'],
    [{ isOwner: false, memberRole: 'commenter', policy: 'invite' }, 'commenter'],
    [{ isOwner: false, memberRole: 'editor', policy: 'read-only' }, 'viewer'],
    [{ isOwner: true, memberRole: null, policy: 'read-only' }, 'owner'],
  ] as const)('%j → %s', (input, role) => {
    expect(effectiveRole(input)).toBe(role);
  });
});
